import { describe, expect, it } from "vitest";

import {
  formatFecha,
  formatFechaHora,
  formatHora,
  formatSoles,
  limaDay,
  limaMonthStart,
} from "./format";

describe("formatSoles", () => {
  it("writes soles with the symbol, thousands comma and two decimals", () => {
    expect(formatSoles(1234.5)).toBe("S/ 1,234.50");
  });

  it("accepts the numeric strings the API may send", () => {
    expect(formatSoles("0")).toBe("S/ 0.00");
    expect(formatSoles("15.456")).toBe("S/ 15.46");
  });

  it("uses a plain space after the symbol", () => {
    expect(formatSoles(3)).not.toContain("\u00a0");
  });

  it("shows a dash for something that is not a number", () => {
    expect(formatSoles("abc")).toBe("—");
  });
});

describe("Lima dates", () => {
  it("shows a backend timestamp as Lima day and 24-hour time", () => {
    expect(formatFechaHora("2026-12-04T10:15:00-05:00")).toBe("04/12/2026 10:15");
  });

  it("moves a UTC instant to Lima time, five hours behind", () => {
    expect(formatFechaHora("2026-12-05T03:00:00Z")).toBe("04/12/2026 22:00");
    expect(formatHora("2026-12-05T03:00:00Z")).toBe("22:00");
  });

  it("keeps a bare Lima day as that day", () => {
    expect(formatFecha("2026-12-04")).toBe("04/12/2026");
  });

  it("names the Lima day of an instant that is already tomorrow in UTC", () => {
    const lateEvening = new Date("2026-12-05T03:30:00Z");
    expect(limaDay(lateEvening)).toBe("2026-12-04");
    expect(limaMonthStart(lateEvening)).toBe("2026-12-01");
  });
});
