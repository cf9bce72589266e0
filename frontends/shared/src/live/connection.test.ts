import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { LiveConnection, RECONNECTED, backoffDelay, parseNotice } from "./connection";

const POLICY = { baseMs: 1000, maxMs: 30000, jitter: 0.2 };

describe("reconnection backoff", () => {
  it("doubles the wait after each failure", () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, POLICY, middle))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
  });

  it("never waits longer than the cap", () => {
    expect(backoffDelay(20, POLICY, () => 1)).toBe(30000);
    expect(backoffDelay(20, POLICY, () => 0)).toBe(24000);
  });

  it("spreads waits within the jitter", () => {
    expect(backoffDelay(0, POLICY, () => 0)).toBe(800);
    expect(backoffDelay(0, POLICY, () => 1)).toBe(1200);
  });
});

describe("notices", () => {
  it("reads a notice from a message", () => {
    expect(parseNotice('{"tipo":"venta_registrada","entidad":"T002V015"}')).toEqual({
      tipo: "venta_registrada",
      entidad: "T002V015",
    });
  });

  it("ignores messages that are not notices", () => {
    expect(parseNotice("hola")).toBeNull();
    expect(parseNotice('{"entidad":"T002V015"}')).toBeNull();
  });
});

class FakeSocket {
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  close() {
    this.closed = true;
  }
}

describe("live connection", () => {
  function connect() {
    const sockets: FakeSocket[] = [];
    const notices: string[] = [];
    const statuses: string[] = [];
    const connection = new LiveConnection({
      url: "ws://gateway.test?token=t",
      onNotice: (n) => notices.push(n.tipo),
      onStatus: (s) => statuses.push(s),
      openSocket: (url) => {
        const socket = new FakeSocket(url);
        sockets.push(socket);
        return socket as unknown as WebSocket;
      },
      policy: { baseMs: 1000, maxMs: 8000, jitter: 0 },
    });
    connection.start();
    return { connection, sockets, notices, statuses };
  }

  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("passes notices on and ignores other messages", () => {
    const { sockets, notices } = connect();
    sockets[0].onopen?.();
    sockets[0].onmessage?.({ data: '{"tipo":"venta_registrada"}' });
    sockets[0].onmessage?.({ data: "ping" });
    expect(notices).toEqual(["venta_registrada"]);
  });

  it("reopens a dropped socket after 1 s, 2 s, 4 s... and says so once open", () => {
    const { sockets, notices, statuses } = connect();
    sockets[0].onopen?.();
    sockets[0].onclose?.();

    vi.advanceTimersByTime(999);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);

    sockets[1].onclose?.();
    vi.advanceTimersByTime(1999);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);

    sockets[2].onopen?.();
    expect(notices).toEqual([RECONNECTED]);
    expect(statuses.at(-1)).toBe("conectado");
  });

  it("stays closed once stopped", () => {
    const { connection, sockets } = connect();
    sockets[0].onopen?.();
    connection.stop();
    sockets[0].onclose?.();
    vi.advanceTimersByTime(60000);
    expect(sockets).toHaveLength(1);
    expect(sockets[0].closed).toBe(true);
  });
});
