import type { ApiClient, Page } from "../../core/client";
import type { CategoriaGasto } from "../../core/texts";
import type { Gasto } from "../../core/types";

const PAGE_SIZE = 50;

export interface NuevoGasto {
  concepto: string;
  monto: number;
  categoria: CategoriaGasto;
  fecha?: string;
}

export function listGastos(
  api: ApiClient,
  range: { desde: string; hasta: string },
  siguiente: string | null,
) {
  return api.get<Page<Gasto>>("/gastos", {
    query: { ...range, limite: PAGE_SIZE, siguiente },
  });
}

export function createGasto(api: ApiClient, gasto: NuevoGasto) {
  return api.post<Gasto>("/gastos", gasto);
}

export function deleteGasto(api: ApiClient, codigo: string, motivo: string) {
  return api.del(`/gastos/${encodeURIComponent(codigo)}`, { motivo });
}
