import { formatCantidad, formatFechaHora, formatSoles } from "../../core/format";
import { label } from "../../core/texts";
import { personName, type Venta } from "../../core/types";
import { DataTable, type Column } from "../../ui/table";

const ITEM_COLUMNS: Column<Venta["items"][number]>[] = [
  { header: "Producto", cell: (i) => i.nombre || i.producto },
  { header: "Cantidad", numeric: true, cell: (i) => formatCantidad(i.cantidad) },
  { header: "Precio", numeric: true, cell: (i) => formatSoles(i.precio_unitario) },
  { header: "Subtotal", numeric: true, cell: (i) => formatSoles(i.subtotal) },
];

export function VentaDetalle({ venta, onClose }: { venta: Venta; onClose: () => void }) {
  return (
    <section
      className="card"
      aria-labelledby="venta-detalle-titulo"
      data-testid="venta-detalle"
    >
      <div className="toolbar">
        <h2 id="venta-detalle-titulo">Venta {venta.codigo}</h2>
        <button type="button" className="button button--small button--secondary" onClick={onClose}>
          Cerrar detalle
        </button>
      </div>
      <p className="muted">
        {formatFechaHora(venta.fecha)} · {personName(venta.vendedor)} ·{" "}
        {label(venta.metodo_pago)} · {label(venta.estado)}
      </p>
      {venta.anulacion && (
        <p className="message message--error" data-testid="venta-anulacion">
          Anulada por {personName(venta.anulacion.por)} el{" "}
          {formatFechaHora(venta.anulacion.en)}: {venta.anulacion.motivo}
        </p>
      )}
      <DataTable
        testId="venta-items"
        columns={ITEM_COLUMNS}
        rows={venta.items ?? []}
        rowKey={(i, index) => `${i.producto}-${index}`}
      />
      <p className="total">
        <span>Total</span>
        <span>{formatSoles(venta.total)}</span>
      </p>
    </section>
  );
}
