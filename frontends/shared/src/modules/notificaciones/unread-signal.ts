import { useEffect, useRef } from "react";

/**
 * Tells the header badge that the unread count changed on this page (a
 * notification marked as read), which no live notice reports.
 */
const listeners = new Set<() => void>();

export function signalUnreadChanged(): void {
  listeners.forEach((listener) => listener());
}

export function useUnreadChanged(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const listener = () => latest.current();
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
