import type { ApiClient, Page, Producto, Unidad } from "@saai/shared";

export interface DatosProducto {
  nombre: string;
  precio: number;
  costo: number;
  stock?: number;
  stock_minimo: number;
  categoria?: string;
  codigo_barras?: string;
  unidad: Unidad;
}

export type TipoMovimiento = "ENTRADA" | "MERMA" | "AJUSTE";

export interface MovimientoRegistrado {
  producto: Producto | string;
  stock: number;
}

export interface FilaKardex {
  fecha: string;
  tipo: string;
  cantidad: number;
  saldo: number;
  referencia: string | null;
  motivo: string | null;
  usuario: string | { nombre?: string; codigo?: string } | null;
}

const PAGE_SIZE = 50;

function path(codigo: string) {
  return `/productos/${encodeURIComponent(codigo)}`;
}

export function listProductos(
  api: ApiClient,
  filters: { q: string; categoria: string },
  siguiente: string | null,
) {
  return api.get<Page<Producto>>("/productos", {
    query: { ...filters, limite: PAGE_SIZE, siguiente },
  });
}

export function getProducto(api: ApiClient, codigo: string) {
  return api.get<Producto>(path(codigo));
}

export function createProducto(api: ApiClient, datos: DatosProducto) {
  return api.post<Producto>("/productos", datos);
}

export function updateProducto(api: ApiClient, codigo: string, datos: Partial<DatosProducto>) {
  return api.patch<Producto>(path(codigo), datos);
}

export function deleteProducto(api: ApiClient, codigo: string, motivo: string) {
  return api.del(path(codigo), { motivo });
}

export function registerMovimiento(
  api: ApiClient,
  codigo: string,
  movimiento: { tipo: TipoMovimiento; cantidad: number; motivo: string },
) {
  return api.post<MovimientoRegistrado>(`${path(codigo)}/movimientos`, movimiento);
}

export function listKardex(api: ApiClient, codigo: string, siguiente: string | null) {
  return api.get<Page<FilaKardex>>(`${path(codigo)}/kardex`, {
    query: { limite: PAGE_SIZE, siguiente },
  });
}
