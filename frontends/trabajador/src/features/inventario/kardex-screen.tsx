import {
  DataTable,
  ErrorMessage,
  LoadMore,
  Loading,
  formatCantidad,
  formatFechaHora,
  label,
  personName,
  useApi,
  useLiveNotices,
  usePagedList,
  useResource,
  type Column,
} from "@saai/shared";

import { getProducto, listKardex, type FilaKardex } from "./api";
import { ProductoHeader } from "./producto-header";

const STOCK_NOTICES = ["inventario_actualizado", "venta_registrada", "venta_anulada"];

function signed(cantidad: number): string {
  const text = formatCantidad(cantidad);
  return Number(cantidad) > 0 ? `+${text}` : text;
}

const COLUMNS: Column<FilaKardex>[] = [
  { header: "Fecha", cell: (f) => formatFechaHora(f.fecha) },
  { header: "Tipo", cell: (f) => <span className="badge">{label(f.tipo)}</span> },
  { header: "Cantidad", numeric: true, cell: (f) => signed(f.cantidad) },
  { header: "Saldo", numeric: true, cell: (f) => formatCantidad(f.saldo) },
  { header: "Referencia", cell: (f) => f.referencia || "—" },
  { header: "Motivo", cell: (f) => f.motivo || "—" },
  { header: "Usuario", cell: (f) => personName(f.usuario) },
];

/** Every stock movement of one product, newest first. */
export function KardexScreen({ codigo }: { codigo: string }) {
  const api = useApi();
  const producto = useResource(() => getProducto(api, codigo), [codigo]);
  const kardex = usePagedList((siguiente) => listKardex(api, codigo, siguiente), [codigo]);
  useLiveNotices(STOCK_NOTICES, () => {
    producto.reload();
    kardex.reload();
  });

  return (
    <section>
      <ProductoHeader resource={producto} title="Kardex" />
      <p>
        <a
          className="button button--secondary"
          href={`#/inventario/${encodeURIComponent(codigo)}/movimiento`}
        >
          Registrar movimiento
        </a>
      </p>
      <ErrorMessage error={kardex.error} />
      <DataTable
        testId="kardex"
        columns={COLUMNS}
        rows={kardex.items}
        rowKey={(_, index) => String(index)}
        emptyText={kardex.loading ? "Cargando…" : "Sin movimientos."}
      />
      <Loading active={kardex.loading && kardex.items.length > 0} />
      <LoadMore hasMore={kardex.hasMore} loading={kardex.loading} onClick={kardex.loadMore} />
    </section>
  );
}
