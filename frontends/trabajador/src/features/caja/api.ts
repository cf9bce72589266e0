import type { ApiClient, MetodoPago, Page, Producto, Venta } from "@saai/shared";

export function searchProductos(api: ApiClient, q: string) {
  return api.get<Page<Producto>>("/productos", { query: { q, limite: 20 } });
}

export interface NuevaVenta {
  items: { producto: string; cantidad: number }[];
  metodo_pago: MetodoPago;
}

/**
 * `idempotencyKey` belongs to one checkout attempt: a retry after a lost
 * answer sends the same key, so the sale is not recorded twice.
 */
export function registerVenta(api: ApiClient, venta: NuevaVenta, idempotencyKey: string) {
  return api.post<Venta>("/ventas", venta, {
    headers: { "Idempotency-Key": idempotencyKey },
  });
}
