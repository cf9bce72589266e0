import { useState, type ChangeEvent, type FormEvent } from "react";

import { toApiError, type ApiError } from "./errors";

type FormControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** Text values of a form, with `bind("campo")` for an input's props. */
export function useFormValues<T extends Record<string, string>>(initial: T) {
  const [values, setValues] = useState<T>(initial);

  function bind(name: keyof T & string) {
    return {
      name,
      value: values[name],
      onChange: (event: ChangeEvent<FormControl>) =>
        setValues((current) => ({ ...current, [name]: event.target.value })),
    };
  }

  return { values, setValues, bind, reset: () => setValues(initial) };
}

/**
 * Runs a form's request once at a time and keeps its ApiError for display.
 * `action` resolving means success; whatever it throws becomes `error`.
 */
export function useSubmit(action: () => Promise<void>) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (sending) return;
    setSending(true);
    setError(null);
    try {
      await action();
    } catch (reason) {
      setError(toApiError(reason));
    } finally {
      setSending(false);
    }
  }

  return { submit, sending, error, setError };
}

/** `"12.5"` as a number, or undefined for an empty or non-numeric text. */
export function parseNumber(text: string): number | undefined {
  const normalized = text.trim().replace(",", ".");
  if (!normalized) return undefined;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : undefined;
}

/** Drops empty strings, for PATCH bodies and optional fields. */
export function withoutEmpty<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(body).filter(([, value]) => value !== "" && value !== undefined),
  ) as Partial<T>;
}
