import { useState, type ButtonHTMLAttributes } from "react";

import { toApiError } from "../core/errors";

/**
 * A button that runs one request: disabled while it runs, the server's
 * message beside it if it fails.
 */
export function ActionButton({
  onAction,
  className = "button button--small",
  children,
  ...button
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, "onClick"> & {
  onAction: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function run() {
    setBusy(true);
    setFailure(null);
    try {
      await onAction();
    } catch (reason) {
      setFailure(toApiError(reason).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className={className} disabled={busy} onClick={run} {...button}>
        {children}
      </button>
      {failure && (
        <span className="field__error" role="alert">
          {failure}
        </span>
      )}
    </>
  );
}
