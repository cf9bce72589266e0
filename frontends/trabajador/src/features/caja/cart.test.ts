import { describe, expect, it } from "vitest";
import type { Producto } from "@saai/shared";

import {
  addProduct,
  cartTotal,
  lineSubtotal,
  quantityProblem,
  saleItems,
  setQuantity,
  type CartLine,
} from "./cart";

function producto(overrides: Partial<Producto>): Producto {
  return {
    codigo: "T002P001",
    nombre: "Arroz Costeño 1kg",
    precio: 4.5,
    costo: 3.8,
    stock: 10,
    stock_minimo: 2,
    categoria: "Abarrotes",
    codigo_barras: "7750001",
    unidad: "UNIDAD",
    estado: "ACTIVO",
    ...overrides,
  };
}

function line(unidad: CartLine["unidad"], cantidad: string): CartLine {
  return { codigo: "P", nombre: "P", precio: 1, unidad, stock: 5, cantidad };
}

describe("adding to the cart", () => {
  it("adds one unit of a new product", () => {
    const lines = addProduct([], producto({}));
    expect(lines).toHaveLength(1);
    expect(lines[0].cantidad).toBe("1");
  });

  it("adds one more to a product already in the cart", () => {
    const once = addProduct([], producto({}));
    expect(addProduct(once, producto({}))[0].cantidad).toBe("2");
  });
});

describe("quantities", () => {
  it("refuses fractions of a product sold by unit", () => {
    expect(quantityProblem(line("UNIDAD", "1.5"))).toMatch(/enteras/);
    expect(quantityProblem(line("UNIDAD", "2"))).toBeNull();
  });

  it("accepts fractions for kilograms and litres", () => {
    expect(quantityProblem(line("KG", "0.25"))).toBeNull();
    expect(quantityProblem(line("L", "1,5"))).toBeNull();
    expect(quantityProblem(line("KG", "0.2555"))).toMatch(/tres decimales/);
  });

  it("refuses zero, negatives and empty boxes", () => {
    expect(quantityProblem(line("KG", "0"))).not.toBeNull();
    expect(quantityProblem(line("UNIDAD", "-1"))).not.toBeNull();
    expect(quantityProblem(line("UNIDAD", ""))).not.toBeNull();
  });
});

describe("totals", () => {
  it("adds the subtotals in soles without float noise", () => {
    let lines = addProduct([], producto({ precio: 0.1 }));
    lines = setQuantity(lines, "T002P001", "3");
    lines = addProduct(lines, producto({ codigo: "T002P002", precio: 0.2, unidad: "KG" }));
    lines = setQuantity(lines, "T002P002", "0.5");

    expect(lineSubtotal(lines[0])).toBe(0.3);
    expect(cartTotal(lines)).toBe(0.4);
    expect(saleItems(lines)).toEqual([
      { producto: "T002P001", cantidad: 3 },
      { producto: "T002P002", cantidad: 0.5 },
    ]);
  });
});
