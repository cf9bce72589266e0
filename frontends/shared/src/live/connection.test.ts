import { describe, expect, it } from "vitest";

import { backoffDelay, parseNotice } from "./connection";

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
