import type { ReactNode } from "react";

import type { ApiError } from "../core/errors";
import { TEXTS } from "../core/texts";

/**
 * The message of a failed request. Field messages shown beside their inputs
 * are named in `shownFields` and left out here; any other field message is
 * listed, so none is lost.
 */
export function ErrorMessage({
  error,
  shownFields = [],
  testId = "mensaje-error",
}: {
  error: ApiError | null | undefined;
  shownFields?: readonly string[];
  testId?: string;
}) {
  if (!error) return null;
  const others = error.campos.filter((c) => !shownFields.includes(c.campo));
  return (
    <div className="message message--error" role="alert" data-testid={testId}>
      <p>{error.message}</p>
      {others.length > 0 && (
        <ul>
          {others.map((c) => (
            <li key={c.campo}>{c.mensaje}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SuccessMessage({
  children,
  testId = "mensaje-exito",
}: {
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div className="message message--success" role="status" data-testid={testId}>
      {children}
    </div>
  );
}

export function Loading({ active }: { active: boolean }) {
  if (!active) return null;
  return (
    <p className="loading" role="status" aria-live="polite">
      {TEXTS.loading}
    </p>
  );
}
