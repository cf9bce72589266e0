import { useState } from "react";
import {
  DataTable,
  ErrorMessage,
  LoadMore,
  Loading,
  ReasonDialog,
  SuccessMessage,
  TextField,
  formatCantidad,
  formatSoles,
  isLowStock,
  useApi,
  useDebounced,
  useLiveNotices,
  usePagedList,
  type Column,
  type Producto,
} from "@saai/shared";

import { deleteProducto, listProductos } from "./api";
import { ProductoForm } from "./producto-form";

type Panel =
  | { kind: "none" }
  | { kind: "crear" }
  | { kind: "editar"; producto: Producto }
  | { kind: "baja"; producto: Producto };

const STOCK_NOTICES = ["inventario_actualizado", "venta_registrada", "venta_anulada"];

export function InventarioScreen() {
  const api = useApi();
  const [q, setQ] = useState("");
  const [categoria, setCategoria] = useState("");
  const [soloBajo, setSoloBajo] = useState(false);
  const filters = {
    q: useDebounced(q.trim(), 300),
    categoria: useDebounced(categoria.trim(), 300),
  };
  const list = usePagedList(
    (siguiente) => listProductos(api, filters, siguiente),
    [filters.q, filters.categoria],
  );
  useLiveNotices(STOCK_NOTICES, list.reload);
  const [panel, setPanel] = useState<Panel>({ kind: "none" });
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setPanel({ kind: "none" });
  const rows = soloBajo ? list.items.filter(isLowStock) : list.items;

  const columns: Column<Producto>[] = [
    { header: "Código", cell: (p) => p.codigo },
    {
      header: "Producto",
      cell: (p) => (
        <>
          {p.nombre}
          {p.codigo_barras && (
            <>
              <br />
              <span className="muted">{p.codigo_barras}</span>
            </>
          )}
        </>
      ),
    },
    { header: "Categoría", cell: (p) => p.categoria || "—" },
    { header: "Precio", numeric: true, cell: (p) => formatSoles(p.precio) },
    { header: "Costo", numeric: true, cell: (p) => formatSoles(p.costo) },
    {
      header: "Stock",
      numeric: true,
      cell: (p) => (
        <>
          <span data-testid="producto-stock">{formatCantidad(p.stock)}</span>{" "}
          {p.unidad !== "UNIDAD" && <span className="muted">{p.unidad.toLowerCase()}</span>}
          {isLowStock(p) && (
            <>
              {" "}
              <span className="badge badge--warning" data-testid="stock-bajo">
                Stock bajo
              </span>
            </>
          )}
        </>
      ),
    },
    { header: "Mínimo", numeric: true, cell: (p) => formatCantidad(p.stock_minimo) },
    {
      header: "Acciones",
      cell: (p) => (
        <div className="actions">
          <button
            type="button"
            className="button button--small button--secondary"
            aria-label={`Editar ${p.nombre}`}
            data-testid={`editar-${p.codigo}`}
            onClick={() => {
              setNotice(null);
              setPanel({ kind: "editar", producto: p });
            }}
          >
            Editar
          </button>
          <a
            className="button button--small button--secondary"
            href={`#/inventario/${encodeURIComponent(p.codigo)}/movimiento`}
            aria-label={`Movimiento de ${p.nombre}`}
            data-testid={`movimiento-${p.codigo}`}
          >
            Movimiento
          </a>
          <a
            className="button button--small button--secondary"
            href={`#/inventario/${encodeURIComponent(p.codigo)}/kardex`}
            aria-label={`Kardex de ${p.nombre}`}
            data-testid={`kardex-${p.codigo}`}
          >
            Kardex
          </a>
          <button
            type="button"
            className="button button--small button--ghost"
            aria-label={`Dar de baja ${p.nombre}`}
            data-testid={`baja-${p.codigo}`}
            onClick={() => {
              setNotice(null);
              setPanel({ kind: "baja", producto: p });
            }}
          >
            Dar de baja
          </button>
        </div>
      ),
    },
  ];

  return (
    <section aria-labelledby="inventario-titulo">
      <div className="toolbar">
        <h1 id="inventario-titulo">Inventario</h1>
        {panel.kind !== "crear" && (
          <button
            type="button"
            className="button"
            data-testid="nuevo-producto"
            onClick={() => {
              setNotice(null);
              setPanel({ kind: "crear" });
            }}
          >
            Nuevo producto
          </button>
        )}
      </div>

      {notice && <SuccessMessage testId="inventario-aviso">{notice}</SuccessMessage>}

      {(panel.kind === "crear" || panel.kind === "editar") && (
        <ProductoForm
          key={panel.kind === "editar" ? panel.producto.codigo : "nuevo"}
          producto={panel.kind === "editar" ? panel.producto : null}
          onCancel={close}
          onSaved={(p) => {
            close();
            setNotice(`Producto ${p.codigo} «${p.nombre}» guardado.`);
            list.reload();
          }}
        />
      )}

      <div className="toolbar">
        <TextField
          label="Buscar"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder="Nombre, código o código de barras"
          data-testid="inventario-buscar"
        />
        <TextField
          label="Categoría"
          value={categoria}
          onChange={(e) => setCategoria(e.target.value)}
          data-testid="inventario-categoria"
        />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={soloBajo}
            onChange={(e) => setSoloBajo(e.target.checked)}
            data-testid="solo-stock-bajo"
          />{" "}
          Solo stock bajo
        </label>
      </div>

      <ErrorMessage error={list.error} />
      <DataTable
        testId="productos"
        columns={columns}
        rows={rows}
        rowKey={(p) => p.codigo}
        rowClassName={(p) => (isLowStock(p) ? "row--warning" : undefined)}
        emptyText={list.loading ? "Cargando…" : "No hay productos."}
      />
      <Loading active={list.loading && list.items.length > 0} />
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.loadMore} />

      {panel.kind === "baja" && (
        <ReasonDialog
          title={`Dar de baja ${panel.producto.nombre}`}
          description={
            <p>
              El producto deja de venderse y de contarse en el stock. Su historial se
              conserva.
            </p>
          }
          confirmLabel="Dar de baja"
          onClose={close}
          onConfirm={async (motivo) => {
            await deleteProducto(api, panel.producto.codigo, motivo);
            list.remove((p) => p.codigo === panel.producto.codigo);
            setNotice(`${panel.producto.nombre} fue dado de baja.`);
            close();
          }}
        />
      )}
    </section>
  );
}
