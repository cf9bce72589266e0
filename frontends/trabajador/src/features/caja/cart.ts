/**
 * The till's cart. Quantities are kept as typed, so a person can clear a box
 * and type again; they are checked against the product's unit: whole numbers
 * for units, up to three decimals for kilograms and litres.
 */

import { allowsFractions, parseNumber, type Producto, type Unidad } from "@saai/shared";

export interface CartLine {
  codigo: string;
  nombre: string;
  precio: number;
  unidad: Unidad;
  /** Stock when the product was added; the server has the final word. */
  stock: number;
  cantidad: string;
}

export function addProduct(lines: CartLine[], producto: Producto): CartLine[] {
  const existing = lines.find((line) => line.codigo === producto.codigo);
  if (existing) {
    const current = parseNumber(existing.cantidad) ?? 0;
    return lines.map((line) =>
      line === existing ? { ...line, cantidad: String(current + 1) } : line,
    );
  }
  return [
    ...lines,
    {
      codigo: producto.codigo,
      nombre: producto.nombre,
      precio: Number(producto.precio),
      unidad: producto.unidad,
      stock: Number(producto.stock),
      cantidad: "1",
    },
  ];
}

export function setQuantity(lines: CartLine[], codigo: string, cantidad: string) {
  return lines.map((line) => (line.codigo === codigo ? { ...line, cantidad } : line));
}

export function removeLine(lines: CartLine[], codigo: string) {
  return lines.filter((line) => line.codigo !== codigo);
}

/** Why a line's quantity cannot be sold, or null when it can. */
export function quantityProblem(line: CartLine): string | null {
  const cantidad = parseNumber(line.cantidad);
  if (cantidad === undefined) return "Escribe una cantidad.";
  if (cantidad <= 0) return "La cantidad debe ser mayor que cero.";
  if (!allowsFractions(line.unidad)) {
    return Number.isInteger(cantidad) ? null : "Este producto se vende por unidades enteras.";
  }
  const decimals = line.cantidad.split(/[.,]/)[1] ?? "";
  return decimals.length > 3 ? "Usa como máximo tres decimales." : null;
}

function roundCents(value: number): number {
  return Math.round((value + Number.EPSILON) * 100) / 100;
}

export function lineSubtotal(line: CartLine): number {
  return roundCents(line.precio * (parseNumber(line.cantidad) ?? 0));
}

export function cartTotal(lines: CartLine[]): number {
  return roundCents(lines.reduce((sum, line) => sum + lineSubtotal(line), 0));
}

export function saleItems(lines: CartLine[]) {
  return lines.map((line) => ({
    producto: line.codigo,
    cantidad: parseNumber(line.cantidad) ?? 0,
  }));
}
