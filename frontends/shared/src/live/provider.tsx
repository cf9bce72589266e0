import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from "react";

import { readConfig } from "../core/config";
import {
  LiveConnection,
  RECONNECTED,
  type LiveNotice,
  type LiveStatus,
} from "./connection";

type Listener = (notice: LiveNotice) => void;

interface LiveHub {
  status: LiveStatus;
  subscribe(listener: Listener): () => void;
}

const LiveContext = createContext<LiveHub | null>(null);

function socketUrl(base: string, token: string): string {
  const separator = base.includes("?") ? "&" : "?";
  return `${base}${separator}token=${encodeURIComponent(token)}`;
}

/**
 * Holds the app's single live connection for as long as there is a token.
 * Screens subscribe with `useLiveNotices`; none of them opens a socket.
 */
export function LiveNoticesProvider({
  token,
  children,
}: {
  token: string;
  children: ReactNode;
}) {
  const listeners = useRef(new Set<Listener>());
  const [status, setStatus] = useState<LiveStatus>("desconectado");
  const subscribe = useCallback((listener: Listener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const hub = useMemo(() => ({ status, subscribe }), [status, subscribe]);

  useEffect(() => {
    const { wsUrl } = readConfig();
    if (!wsUrl) return;
    const connection = new LiveConnection({
      url: socketUrl(wsUrl, token),
      onStatus: setStatus,
      onNotice: (notice) => listeners.current.forEach((l) => l(notice)),
    });
    connection.start();
    return () => connection.stop();
  }, [token]);

  return <LiveContext.Provider value={hub}>{children}</LiveContext.Provider>;
}

export function useLiveStatus(): LiveStatus | null {
  return useContext(LiveContext)?.status ?? null;
}

/**
 * Calls `refetch` when a notice of one of `tipos` arrives (any notice when
 * `tipos` is empty) and after a reconnection. A burst of notices causes one
 * refetch, `settleMs` after the last of them.
 */
export function useLiveNotices(
  tipos: readonly string[],
  refetch: (notice: LiveNotice) => void,
  settleMs = 200,
): void {
  const subscribe = useContext(LiveContext)?.subscribe;
  const callback = useRef(refetch);
  callback.current = refetch;
  const key = tipos.join(",");

  useEffect(() => {
    if (!subscribe) return;
    const wanted = new Set(key ? key.split(",") : []);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const unsubscribe = subscribe((notice) => {
      const relevant =
        wanted.size === 0 || wanted.has(notice.tipo) || notice.tipo === RECONNECTED;
      if (!relevant) return;
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        callback.current(notice);
      }, settleMs);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [subscribe, key, settleMs]);
}
