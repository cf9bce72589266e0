/** Records of the HTTP contract that more than one app or feature reads. */

import type { CategoriaGasto, MetodoPago, Unidad } from "./texts";

export interface Producto {
  codigo: string;
  nombre: string;
  precio: number;
  costo: number;
  stock: number;
  stock_minimo: number;
  categoria: string | null;
  codigo_barras: string | null;
  unidad: Unidad;
  estado: string;
}

export interface VentaItem {
  producto: string;
  nombre: string;
  cantidad: number;
  precio_unitario: number;
  subtotal: number;
}

/** The seller as the API names them: a code, or a small record. */
export type Vendedor = string | { codigo?: string; nombre?: string; usuario?: string };

export interface Venta {
  codigo: string;
  fecha: string;
  vendedor: Vendedor;
  metodo_pago: MetodoPago;
  estado: string;
  items: VentaItem[];
  total: number;
  anulacion?: { por: Vendedor; en: string; motivo: string } | null;
}

export interface Gasto {
  codigo: string;
  concepto: string;
  monto: number;
  categoria: CategoriaGasto;
  fecha: string;
  registrado_por: Vendedor;
  estado: string;
}

export type Severity = "INFO" | "WARNING" | "CRITICAL";

export interface Notificacion {
  id: string;
  tipo: string;
  severity: Severity;
  mensaje: string;
  entidad: string | null;
  en: string;
  leida: boolean;
}

/** A person as the API refers to them, for display. */
export function personName(person: Vendedor | null | undefined): string {
  if (!person) return "—";
  if (typeof person === "string") return person;
  return person.nombre || person.usuario || person.codigo || "—";
}

export function isLowStock(producto: Pick<Producto, "stock" | "stock_minimo">): boolean {
  return Number(producto.stock) <= Number(producto.stock_minimo);
}

export function allowsFractions(unidad: Unidad | string): boolean {
  return unidad === "KG" || unidad === "L";
}
