/**
 * One WebSocket to the live-notice gateway, reopened with exponential backoff
 * whenever it drops. Notices only say that something changed (`{tipo,
 * entidad, en}`); whoever listens refetches what it shows.
 */

export interface LiveNotice {
  tipo: string;
  entidad?: string;
  en?: string;
}

/** Sent to listeners after a reconnection: notices may have been missed. */
export const RECONNECTED = "reconectado";

export type LiveStatus = "conectando" | "conectado" | "desconectado";

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** 0..1: how much of each delay is random, so shops don't reconnect in step. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseMs: 1000,
  maxMs: 30000,
  jitter: 0.2,
};

export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** attempt);
  const spread = exponential * policy.jitter;
  const jittered = exponential - spread + 2 * spread * random();
  return Math.round(Math.min(policy.maxMs, jittered));
}

export function parseNotice(data: unknown): LiveNotice | null {
  if (typeof data !== "string") return null;
  try {
    const value = JSON.parse(data) as LiveNotice;
    return typeof value?.tipo === "string" ? value : null;
  } catch {
    return null;
  }
}

type SocketFactory = (url: string) => WebSocket;

export interface LiveConnectionOptions {
  url: string;
  onNotice: (notice: LiveNotice) => void;
  onStatus: (status: LiveStatus) => void;
  openSocket?: SocketFactory;
  policy?: BackoffPolicy;
}

export class LiveConnection {
  private socket: WebSocket | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private openedBefore = false;
  private stopped = false;
  private readonly options: LiveConnectionOptions;
  private readonly openSocket: SocketFactory;

  constructor(options: LiveConnectionOptions) {
    this.options = options;
    this.openSocket = options.openSocket ?? ((url) => new WebSocket(url));
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const socket = this.socket;
    this.socket = null;
    socket?.close();
  }

  private connect(): void {
    this.options.onStatus("conectando");
    let socket: WebSocket;
    try {
      socket = this.openSocket(this.options.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;

    socket.onopen = () => {
      this.failures = 0;
      this.options.onStatus("conectado");
      if (this.openedBefore) this.options.onNotice({ tipo: RECONNECTED });
      this.openedBefore = true;
    };
    socket.onmessage = (event: MessageEvent) => {
      const notice = parseNotice(event.data);
      if (notice) this.options.onNotice(notice);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.options.onStatus("desconectado");
    const delay = backoffDelay(this.failures, this.options.policy);
    this.failures += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.stopped) this.connect();
    }, delay);
  }
}
