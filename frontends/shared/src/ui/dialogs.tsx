import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
} from "react";

import { toApiError, type ApiError } from "../core/errors";
import { TEXTS } from "../core/texts";
import { TextAreaField } from "./fields";
import { ErrorMessage } from "./messages";

function Dialog({
  title,
  onClose,
  testId,
  children,
}: {
  title: string;
  onClose: () => void;
  testId: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

/**
 * Asks why before an irreversible step (a deletion, a voided sale) and sends
 * the reason; the dialog stays open with the server's message on failure.
 */
export function ReasonDialog({
  title,
  description,
  confirmLabel = TEXTS.confirm,
  onConfirm,
  onClose,
}: {
  title: string;
  description?: ReactNode;
  confirmLabel?: string;
  onConfirm: (motivo: string) => Promise<void>;
  onClose: () => void;
}) {
  const [motivo, setMotivo] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      await onConfirm(motivo.trim());
    } catch (reason) {
      setError(toApiError(reason));
      setSending(false);
    }
  }

  return (
    <Dialog title={title} onClose={onClose} testId="dialogo-motivo">
      <form onSubmit={submit} className="form">
        {description && <div className="dialog__text">{description}</div>}
        <TextAreaField
          label={TEXTS.motivo}
          value={motivo}
          onChange={(e) => setMotivo(e.target.value)}
          required
          minLength={3}
          rows={3}
          error={error?.campo("motivo")}
        />
        <ErrorMessage error={error} shownFields={["motivo"]} />
        <div className="actions">
          <button type="submit" className="button button--danger" disabled={sending}>
            {confirmLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {TEXTS.cancel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function ConfirmDialog({
  title,
  description,
  confirmLabel = TEXTS.confirm,
  onConfirm,
  onClose,
}: {
  title: string;
  description?: ReactNode;
  confirmLabel?: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function confirm() {
    setSending(true);
    setError(null);
    try {
      await onConfirm();
    } catch (reason) {
      setError(toApiError(reason));
      setSending(false);
    }
  }

  return (
    <Dialog title={title} onClose={onClose} testId="dialogo-confirmar">
      {description && <div className="dialog__text">{description}</div>}
      <ErrorMessage error={error} />
      <div className="actions">
        <button
          type="button"
          className="button button--danger"
          onClick={confirm}
          disabled={sending}
        >
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {TEXTS.cancel}
        </button>
      </div>
    </Dialog>
  );
}
