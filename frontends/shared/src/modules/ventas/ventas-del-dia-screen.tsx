import { useState } from "react";

import { useApi } from "../../core/context";
import { formatHora, formatSoles, limaDay } from "../../core/format";
import { usePagedList } from "../../core/hooks";
import { label } from "../../core/texts";
import { personName, type Venta } from "../../core/types";
import { useLiveNotices } from "../../live/provider";
import { ActionButton } from "../../ui/action-button";
import { ReasonDialog } from "../../ui/dialogs";
import { TextField } from "../../ui/fields";
import { ErrorMessage, Loading } from "../../ui/messages";
import { DataTable, LoadMore, type Column } from "../../ui/table";
import { anularVenta, getVenta, listVentasDelDia } from "./api";
import { VentaDetalle } from "./venta-detalle";

const SALE_NOTICES = ["venta_registrada", "venta_anulada"];

function isAnulada(venta: Venta) {
  return venta.estado === "ANULADA";
}

/**
 * The sales of one Lima day (today unless another is picked), refreshed live
 * when a sale is recorded or voided anywhere in the shop.
 */
export function VentasDelDiaScreen({ title = "Ventas del día" }: { title?: string }) {
  const api = useApi();
  const [fecha, setFecha] = useState(() => limaDay());
  const list = usePagedList((siguiente) => listVentasDelDia(api, fecha, siguiente), [fecha]);
  useLiveNotices(SALE_NOTICES, list.reload);
  const [detalle, setDetalle] = useState<Venta | null>(null);
  const [anulando, setAnulando] = useState<Venta | null>(null);

  const vigentes = list.items.filter((v) => !isAnulada(v));
  const total = vigentes.reduce((sum, v) => sum + Number(v.total), 0);

  async function verDetalle(venta: Venta) {
    setDetalle(await getVenta(api, venta.codigo));
  }

  const columns: Column<Venta>[] = [
    { header: "Código", cell: (v) => v.codigo },
    { header: "Hora", cell: (v) => formatHora(v.fecha) },
    { header: "Vendedor", cell: (v) => personName(v.vendedor) },
    { header: "Pago", cell: (v) => label(v.metodo_pago) },
    {
      header: "Estado",
      cell: (v) => (
        <span
          className={isAnulada(v) ? "badge badge--danger" : "badge badge--success"}
          data-testid="venta-estado"
        >
          {label(v.estado)}
        </span>
      ),
    },
    { header: "Total", numeric: true, cell: (v) => formatSoles(v.total) },
    {
      header: "Acciones",
      cell: (v) => (
        <div className="actions">
          <ActionButton
            className="button button--small button--secondary"
            aria-label={`Ver ${v.codigo}`}
            data-testid={`ver-${v.codigo}`}
            onAction={() => verDetalle(v)}
          >
            Ver
          </ActionButton>
          {!isAnulada(v) && (
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={`Anular ${v.codigo}`}
              data-testid={`anular-${v.codigo}`}
              onClick={() => setAnulando(v)}
            >
              Anular
            </button>
          )}
        </div>
      ),
    },
  ];

  return (
    <section aria-labelledby="ventas-titulo">
      <div className="toolbar">
        <h1 id="ventas-titulo">{title}</h1>
        <TextField
          label="Fecha"
          type="date"
          value={fecha}
          max={limaDay()}
          onChange={(e) => e.target.value && setFecha(e.target.value)}
          data-testid="ventas-fecha"
        />
      </div>
      <div className="card" data-testid="ventas-resumen">
        <strong data-testid="ventas-cantidad">{vigentes.length}</strong>{" "}
        {vigentes.length === 1 ? "venta" : "ventas"} por{" "}
        <strong data-testid="ventas-total">{formatSoles(total)}</strong>
        {list.hasMore && <span className="muted"> (de las ventas cargadas)</span>}
      </div>

      {detalle && <VentaDetalle venta={detalle} onClose={() => setDetalle(null)} />}

      <ErrorMessage error={list.error} />
      <DataTable
        testId="ventas"
        columns={columns}
        rows={list.items}
        rowKey={(v) => v.codigo}
        rowClassName={(v) => (isAnulada(v) ? "row--muted" : undefined)}
        emptyText={list.loading ? "Cargando…" : "No hay ventas en esta fecha."}
      />
      <Loading active={list.loading && list.items.length > 0} />
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.loadMore} />

      {anulando && (
        <ReasonDialog
          title={`Anular la venta ${anulando.codigo}`}
          description={
            <p>
              Total {formatSoles(anulando.total)}. El stock de sus productos vuelve al
              inventario.
            </p>
          }
          confirmLabel="Anular venta"
          onClose={() => setAnulando(null)}
          onConfirm={async (motivo) => {
            const anulada = await anularVenta(api, anulando.codigo, motivo);
            list.replace((v) => v.codigo === anulada.codigo, anulada);
            if (detalle?.codigo === anulada.codigo) setDetalle(anulada);
            setAnulando(null);
          }}
        />
      )}
    </section>
  );
}
