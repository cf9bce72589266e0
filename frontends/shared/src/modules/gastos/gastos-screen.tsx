import { useState } from "react";

import { useApi } from "../../core/context";
import { formatFecha, formatSoles, limaDay, limaMonthStart } from "../../core/format";
import { usePagedList } from "../../core/hooks";
import { label } from "../../core/texts";
import { personName, type Gasto } from "../../core/types";
import { useLiveNotices } from "../../live/provider";
import { ReasonDialog } from "../../ui/dialogs";
import { TextField } from "../../ui/fields";
import { ErrorMessage, Loading, SuccessMessage } from "../../ui/messages";
import { DataTable, LoadMore, type Column } from "../../ui/table";
import { deleteGasto, listGastos } from "./api";
import { GastoForm } from "./gasto-form";

/**
 * Expenses between two Lima days (this month by default). Only the owner's
 * app passes `canDelete`; the server refuses a worker's deletion anyway.
 */
export function GastosScreen({ canDelete = false }: { canDelete?: boolean }) {
  const api = useApi();
  const [desde, setDesde] = useState(() => limaMonthStart());
  const [hasta, setHasta] = useState(() => limaDay());
  const list = usePagedList(
    (siguiente) => listGastos(api, { desde, hasta }, siguiente),
    [desde, hasta],
  );
  useLiveNotices(["gasto_registrado"], list.reload);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Gasto | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const total = list.items.reduce((sum, g) => sum + Number(g.monto), 0);

  const columns: Column<Gasto>[] = [
    { header: "Código", cell: (g) => g.codigo },
    { header: "Fecha", cell: (g) => formatFecha(g.fecha) },
    { header: "Concepto", cell: (g) => g.concepto },
    { header: "Categoría", cell: (g) => label(g.categoria) },
    { header: "Monto", numeric: true, cell: (g) => formatSoles(g.monto) },
    { header: "Registrado por", cell: (g) => personName(g.registrado_por) },
  ];
  if (canDelete) {
    columns.push({
      header: "Acciones",
      cell: (g) => (
        <button
          type="button"
          className="button button--small button--ghost"
          aria-label={`Eliminar ${g.codigo}`}
          data-testid={`eliminar-gasto-${g.codigo}`}
          onClick={() => {
            setNotice(null);
            setDeleting(g);
          }}
        >
          Eliminar
        </button>
      ),
    });
  }

  return (
    <section aria-labelledby="gastos-titulo">
      <div className="toolbar">
        <h1 id="gastos-titulo">Gastos</h1>
        {!creating && (
          <button
            type="button"
            className="button"
            data-testid="nuevo-gasto"
            onClick={() => {
              setNotice(null);
              setCreating(true);
            }}
          >
            Nuevo gasto
          </button>
        )}
      </div>

      {notice && <SuccessMessage testId="gastos-aviso">{notice}</SuccessMessage>}

      {creating && (
        <GastoForm
          onCancel={() => setCreating(false)}
          onCreated={(g) => {
            setCreating(false);
            setNotice(`Gasto ${g.codigo} registrado por ${formatSoles(g.monto)}.`);
            list.reload();
          }}
        />
      )}

      <div className="toolbar">
        <TextField
          label="Desde"
          type="date"
          value={desde}
          max={hasta}
          onChange={(e) => e.target.value && setDesde(e.target.value)}
          data-testid="gastos-desde"
        />
        <TextField
          label="Hasta"
          type="date"
          value={hasta}
          min={desde}
          onChange={(e) => e.target.value && setHasta(e.target.value)}
          data-testid="gastos-hasta"
        />
        <p data-testid="gastos-total">
          Total: <strong>{formatSoles(total)}</strong>
          {list.hasMore && <span className="muted"> (de los gastos cargados)</span>}
        </p>
      </div>

      <ErrorMessage error={list.error} />
      <DataTable
        testId="gastos"
        columns={columns}
        rows={list.items}
        rowKey={(g) => g.codigo}
        emptyText={list.loading ? "Cargando…" : "No hay gastos en estas fechas."}
      />
      <Loading active={list.loading && list.items.length > 0} />
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.loadMore} />

      {deleting && (
        <ReasonDialog
          title={`Eliminar el gasto ${deleting.codigo}`}
          description={
            <p>
              {deleting.concepto}, {formatSoles(deleting.monto)} del{" "}
              {formatFecha(deleting.fecha)}.
            </p>
          }
          confirmLabel="Eliminar gasto"
          onClose={() => setDeleting(null)}
          onConfirm={async (motivo) => {
            await deleteGasto(api, deleting.codigo, motivo);
            list.remove((g) => g.codigo === deleting.codigo);
            setNotice(`Gasto ${deleting.codigo} eliminado.`);
            setDeleting(null);
          }}
        />
      )}
    </section>
  );
}
