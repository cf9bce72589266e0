import type { ApiClient, Page } from "@saai/shared";

export type EstadoTienda = "ACTIVA" | "SUSPENDIDA" | "INACTIVO";

export interface Tienda {
  codigo: string;
  nombre: string;
  ruc: string | null;
  direccion: string | null;
  estado: EstadoTienda;
  creado_en: string;
  administrador: {
    codigo: string;
    usuario: string;
    nombre: string;
    email: string;
  } | null;
}

export interface NuevaTienda {
  nombre: string;
  ruc?: string;
  direccion?: string;
  administrador: {
    nombre: string;
    usuario: string;
    password: string;
    email: string;
  };
}

export type TiendaCreada = Tienda & { codigo_tienda?: string };

const PAGE_SIZE = 50;

export function listTiendas(api: ApiClient, siguiente: string | null) {
  return api.get<Page<Tienda>>("/tiendas", {
    query: { limite: PAGE_SIZE, siguiente },
  });
}

export function createTienda(api: ApiClient, tienda: NuevaTienda) {
  return api.post<TiendaCreada>("/tiendas", tienda);
}

export function setEstadoTienda(
  api: ApiClient,
  codigo: string,
  estado: "ACTIVA" | "SUSPENDIDA",
) {
  return api.patch<Tienda>(`/tiendas/${encodeURIComponent(codigo)}`, { estado });
}

export function deleteTienda(api: ApiClient, codigo: string, motivo: string) {
  return api.del(`/tiendas/${encodeURIComponent(codigo)}`, { motivo });
}
