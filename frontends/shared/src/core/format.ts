/**
 * Money in soles and dates in Lima time, the way people in Peru read them.
 * The backend owns the clock; these only present its values.
 */

export const LIMA_TIME_ZONE = "America/Lima";

const soles = new Intl.NumberFormat("es-PE", {
  style: "currency",
  currency: "PEN",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

const quantity = new Intl.NumberFormat("es-PE", {
  maximumFractionDigits: 3,
});

const dateTime = new Intl.DateTimeFormat("es-PE", {
  timeZone: LIMA_TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const timeOnly = new Intl.DateTimeFormat("es-PE", {
  timeZone: LIMA_TIME_ZONE,
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const isoDayParts = new Intl.DateTimeFormat("en-CA", {
  timeZone: LIMA_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function toNumber(value: number | string): number {
  return typeof value === "number" ? value : Number(value);
}

/** `S/ 1,234.50`; Intl puts a no-break space after the symbol. */
export function formatSoles(value: number | string): string {
  const amount = toNumber(value);
  if (!Number.isFinite(amount)) return "—";
  return soles.format(amount).replace(/\u00a0/g, " ");
}

export function formatCantidad(value: number | string): string {
  const amount = toNumber(value);
  return Number.isFinite(amount) ? quantity.format(amount) : "—";
}

/** `04/12/2026 10:15` in Lima time, from the backend's ISO timestamp. */
export function formatFechaHora(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTime.format(date).replace(",", "");
}

export function formatHora(iso: string | null | undefined): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeOnly.format(date);
}

/**
 * `04/12/2026`. A bare `YYYY-MM-DD` is already a Lima day and is only
 * rearranged: parsing it would read it as UTC midnight, the day before in Lima.
 */
export function formatFecha(value: string | null | undefined): string {
  if (!value) return "—";
  const day = DAY_PATTERN.exec(value);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const full = formatFechaHora(value);
  return full.split(" ")[0] ?? full;
}

/** The Lima calendar day of an instant, as `YYYY-MM-DD`. */
export function limaDay(instant: Date = new Date()): string {
  const parts = isoDayParts.formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The first day of the Lima month of an instant, as `YYYY-MM-DD`. */
export function limaMonthStart(instant: Date = new Date()): string {
  return `${limaDay(instant).slice(0, 8)}01`;
}
