import type { ApiClient } from "../../core/client";
import type { Page } from "../../core/client";
import type { Venta } from "../../core/types";

const PAGE_SIZE = 50;

function path(codigo: string) {
  return `/ventas/${encodeURIComponent(codigo)}`;
}

export function listVentasDelDia(api: ApiClient, fecha: string, siguiente: string | null) {
  return api.get<Page<Venta>>("/ventas", { query: { fecha, limite: PAGE_SIZE, siguiente } });
}

export function getVenta(api: ApiClient, codigo: string) {
  return api.get<Venta>(path(codigo));
}

export function anularVenta(api: ApiClient, codigo: string, motivo: string) {
  return api.post<Venta>(`${path(codigo)}/anular`, { motivo });
}
