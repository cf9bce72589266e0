import { useState, type KeyboardEvent } from "react";
import {
  ErrorMessage,
  TextField,
  formatCantidad,
  formatSoles,
  label,
  useApi,
  useDebounced,
  useLiveNotices,
  useResource,
  type Producto,
} from "@saai/shared";

import { searchProductos } from "./api";

/** The exact product a scanner or a typed code names, if the results hold it. */
function exactMatch(q: string, productos: Producto[]): Producto | undefined {
  const wanted = q.trim().toUpperCase();
  const exact = productos.find(
    (p) => p.codigo.toUpperCase() === wanted || (p.codigo_barras ?? "").toUpperCase() === wanted,
  );
  return exact ?? (productos.length === 1 ? productos[0] : undefined);
}

/**
 * Search by name, code or barcode. Enter adds the product a scanner just read
 * (or the only result) and clears the box for the next one.
 */
export function ProductSearch({ onAdd }: { onAdd: (producto: Producto) => void }) {
  const api = useApi();
  const [q, setQ] = useState("");
  const query = useDebounced(q.trim(), 250);
  const results = useResource(
    async () => (query ? (await searchProductos(api, query)).items : []),
    [query],
  );
  useLiveNotices(["inventario_actualizado", "venta_registrada", "venta_anulada"], () => {
    if (query) results.reload();
  });
  const productos = query ? (results.data ?? []) : [];

  function add(producto: Producto) {
    onAdd(producto);
    setQ("");
  }

  async function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter") return;
    event.preventDefault();
    const typed = q.trim();
    if (!typed) return;
    let found = productos;
    if (typed !== query || results.loading) {
      try {
        found = (await searchProductos(api, typed)).items;
      } catch {
        return; // the debounced search shows the error
      }
    }
    const match = exactMatch(typed, found);
    if (match && Number(match.stock) > 0) add(match);
  }

  return (
    <section className="card" aria-labelledby="caja-buscar-titulo">
      <h2 id="caja-buscar-titulo">Productos</h2>
      <TextField
        label="Buscar producto"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder="Nombre, código o código de barras"
        autoComplete="off"
        autoFocus
        data-testid="caja-buscar"
      />
      <ErrorMessage error={results.error} />
      {query && !results.loading && productos.length === 0 && !results.error && (
        <p className="muted" data-testid="caja-sin-resultados">
          No se encontraron productos.
        </p>
      )}
      <ul className="results" data-testid="caja-resultados">
        {productos.map((p) => {
          const agotado = Number(p.stock) <= 0;
          return (
            <li key={p.codigo} data-testid="caja-resultado" data-codigo={p.codigo}>
              <span className="results__info">
                <strong>{p.nombre}</strong>
                <span className="results__meta">
                  {p.codigo} · {formatSoles(p.precio)} · Stock {formatCantidad(p.stock)}{" "}
                  {p.unidad !== "UNIDAD" ? label(p.unidad).toLowerCase() : ""}
                </span>
              </span>
              <button
                type="button"
                className="button button--small"
                onClick={() => add(p)}
                disabled={agotado}
                aria-label={`Agregar ${p.nombre}`}
                data-testid={`agregar-${p.codigo}`}
              >
                {agotado ? "Sin stock" : "Agregar"}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
