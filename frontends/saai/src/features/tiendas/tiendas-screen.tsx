import { useState } from "react";
import {
  ActionButton,
  ConfirmDialog,
  DataTable,
  ErrorMessage,
  LoadMore,
  Loading,
  ReasonDialog,
  SuccessMessage,
  formatFecha,
  label,
  useApi,
  usePagedList,
  type Column,
} from "@saai/shared";

import {
  deleteTienda,
  listTiendas,
  setEstadoTienda,
  type Tienda,
  type TiendaCreada,
} from "./api";
import { NuevaTiendaForm } from "./nueva-tienda-form";

type PendingAction =
  | { kind: "suspender"; tienda: Tienda }
  | { kind: "baja"; tienda: Tienda };

const ESTADO_BADGE: Record<string, string> = {
  ACTIVA: "badge badge--success",
  SUSPENDIDA: "badge badge--warning",
  INACTIVO: "badge badge--danger",
};

export function TiendasScreen() {
  const api = useApi();
  const list = usePagedList((siguiente) => listTiendas(api, siguiente), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TiendaCreada | null>(null);
  const [pending, setPending] = useState<PendingAction | null>(null);

  async function reactivar(tienda: Tienda) {
    const updated = await setEstadoTienda(api, tienda.codigo, "ACTIVA");
    list.replace((t) => t.codigo === updated.codigo, updated);
  }

  const columns: Column<Tienda>[] = [
    { header: "Código", cell: (t) => t.codigo },
    { header: "Nombre", cell: (t) => t.nombre },
    { header: "RUC", cell: (t) => t.ruc || "—" },
    {
      header: "Estado",
      cell: (t) => (
        <span className={ESTADO_BADGE[t.estado] ?? "badge"} data-testid="tienda-estado">
          {label(t.estado)}
        </span>
      ),
    },
    {
      header: "Administrador",
      cell: (t) =>
        t.administrador ? (
          <>
            {t.administrador.nombre}
            <br />
            <span className="muted">{t.administrador.usuario}</span>
          </>
        ) : (
          "—"
        ),
    },
    { header: "Creada", cell: (t) => formatFecha(t.creado_en) },
    {
      header: "Acciones",
      cell: (t) => (
        <div className="actions">
          {t.estado === "ACTIVA" && (
            <button
              type="button"
              className="button button--small button--secondary"
              aria-label={`Suspender ${t.codigo}`}
              data-testid={`suspender-${t.codigo}`}
              onClick={() => setPending({ kind: "suspender", tienda: t })}
            >
              Suspender
            </button>
          )}
          {t.estado === "SUSPENDIDA" && (
            <ActionButton
              aria-label={`Reactivar ${t.codigo}`}
              data-testid={`reactivar-${t.codigo}`}
              onAction={() => reactivar(t)}
            >
              Reactivar
            </ActionButton>
          )}
          {t.estado !== "INACTIVO" && (
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={`Dar de baja ${t.codigo}`}
              data-testid={`baja-${t.codigo}`}
              onClick={() => setPending({ kind: "baja", tienda: t })}
            >
              Dar de baja
            </button>
          )}
        </div>
      ),
    },
  ];

  return (
    <section aria-labelledby="tiendas-titulo">
      <div className="toolbar">
        <h1 id="tiendas-titulo">Tiendas</h1>
        {!creating && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setCreated(null);
              setCreating(true);
            }}
            data-testid="nueva-tienda"
          >
            Nueva tienda
          </button>
        )}
      </div>

      {created && (
        <SuccessMessage testId="tienda-creada">
          Tienda{" "}
          <strong data-testid="tienda-creada-codigo">
            {created.codigo_tienda ?? created.codigo}
          </strong>{" "}
          «{created.nombre}» creada. Su administrador ingresa con ese código y el
          usuario <strong>{created.administrador?.usuario}</strong>.
        </SuccessMessage>
      )}

      {creating && (
        <NuevaTiendaForm
          onCancel={() => setCreating(false)}
          onCreated={(tienda) => {
            setCreating(false);
            setCreated(tienda);
            list.reload();
          }}
        />
      )}

      <ErrorMessage error={list.error} />
      <DataTable
        testId="tiendas"
        columns={columns}
        rows={list.items}
        rowKey={(t) => t.codigo}
        emptyText={list.loading ? "Cargando…" : "Aún no hay tiendas."}
      />
      <Loading active={list.loading && list.items.length > 0} />
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.loadMore} />

      {pending?.kind === "suspender" && (
        <ConfirmDialog
          title={`Suspender ${pending.tienda.codigo}`}
          description={
            <p>
              Las personas de «{pending.tienda.nombre}» no podrán ingresar y sus
              sesiones abiertas dejarán de funcionar hasta que la reactives.
            </p>
          }
          confirmLabel="Suspender tienda"
          onClose={() => setPending(null)}
          onConfirm={async () => {
            const updated = await setEstadoTienda(api, pending.tienda.codigo, "SUSPENDIDA");
            list.replace((t) => t.codigo === updated.codigo, updated);
            setPending(null);
          }}
        />
      )}

      {pending?.kind === "baja" && (
        <ReasonDialog
          title={`Dar de baja ${pending.tienda.codigo}`}
          description={
            <p>
              «{pending.tienda.nombre}» dejará de operar. Sus datos se conservan
              para consultas y reportes.
            </p>
          }
          confirmLabel="Dar de baja"
          onClose={() => setPending(null)}
          onConfirm={async (motivo) => {
            await deleteTienda(api, pending.tienda.codigo, motivo);
            list.remove((t) => t.codigo === pending.tienda.codigo);
            setPending(null);
          }}
        />
      )}
    </section>
  );
}
