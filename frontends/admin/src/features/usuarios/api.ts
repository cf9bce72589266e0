import type { ApiClient, Page } from "@saai/shared";

export interface Trabajador {
  codigo: string;
  usuario: string;
  nombre: string;
  email: string | null;
  rol: string;
  estado: string;
  creado_en: string;
}

export interface NuevoTrabajador {
  nombre: string;
  usuario: string;
  password: string;
  email?: string;
}

export interface CambiosTrabajador {
  nombre?: string;
  email?: string;
  password?: string;
}

const PAGE_SIZE = 50;

function path(codigo: string) {
  return `/usuarios/${encodeURIComponent(codigo)}`;
}

export function listTrabajadores(api: ApiClient, siguiente: string | null) {
  return api.get<Page<Trabajador>>("/usuarios", {
    query: { limite: PAGE_SIZE, siguiente },
  });
}

export function createTrabajador(api: ApiClient, trabajador: NuevoTrabajador) {
  return api.post<Trabajador>("/usuarios", trabajador);
}

export function updateTrabajador(
  api: ApiClient,
  codigo: string,
  cambios: CambiosTrabajador,
) {
  return api.patch<Trabajador>(path(codigo), cambios);
}

export function deleteTrabajador(api: ApiClient, codigo: string, motivo: string) {
  return api.del(path(codigo), { motivo });
}
