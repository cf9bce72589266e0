import { useState } from "react";
import {
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

import { deleteTrabajador, listTrabajadores, type Trabajador } from "./api";
import { EditarTrabajadorForm, NuevoTrabajadorForm } from "./trabajador-forms";

type Panel =
  | { kind: "none" }
  | { kind: "crear" }
  | { kind: "editar"; trabajador: Trabajador }
  | { kind: "eliminar"; trabajador: Trabajador };

export function TrabajadoresScreen() {
  const api = useApi();
  const list = usePagedList((siguiente) => listTrabajadores(api, siguiente), []);
  const [panel, setPanel] = useState<Panel>({ kind: "none" });
  const [notice, setNotice] = useState<string | null>(null);
  const close = () => setPanel({ kind: "none" });

  const columns: Column<Trabajador>[] = [
    { header: "Código", cell: (t) => t.codigo },
    { header: "Nombre", cell: (t) => t.nombre },
    { header: "Usuario", cell: (t) => t.usuario },
    { header: "Correo", cell: (t) => t.email || "—" },
    { header: "Estado", cell: (t) => <span className="badge">{label(t.estado)}</span> },
    { header: "Creado", cell: (t) => formatFecha(t.creado_en) },
    {
      header: "Acciones",
      // The list also shows the owner's account, which these routes refuse to
      // change or delete (409): only workers get the actions.
      cell: (t) =>
        t.rol !== "trabajador" ? (
          "—"
        ) : (
          <div className="actions">
            <button
              type="button"
              className="button button--small button--secondary"
              aria-label={`Editar ${t.usuario}`}
              data-testid={`editar-${t.codigo}`}
              onClick={() => {
                setNotice(null);
                setPanel({ kind: "editar", trabajador: t });
              }}
            >
              Editar
            </button>
            <button
              type="button"
              className="button button--small button--ghost"
              aria-label={`Eliminar ${t.usuario}`}
              data-testid={`eliminar-${t.codigo}`}
              onClick={() => {
                setNotice(null);
                setPanel({ kind: "eliminar", trabajador: t });
              }}
            >
              Eliminar
            </button>
          </div>
        ),
    },
  ];

  return (
    <section aria-labelledby="trabajadores-titulo">
      <div className="toolbar">
        <h1 id="trabajadores-titulo">Trabajadores</h1>
        {panel.kind !== "crear" && (
          <button
            type="button"
            className="button"
            data-testid="nuevo-trabajador"
            onClick={() => {
              setNotice(null);
              setPanel({ kind: "crear" });
            }}
          >
            Nuevo trabajador
          </button>
        )}
      </div>

      {notice && <SuccessMessage testId="trabajadores-aviso">{notice}</SuccessMessage>}

      {panel.kind === "crear" && (
        <NuevoTrabajadorForm
          onCancel={close}
          onCreated={(t) => {
            close();
            setNotice(`Trabajador ${t.usuario} creado con el código ${t.codigo}.`);
            list.reload();
          }}
        />
      )}

      {panel.kind === "editar" && (
        <EditarTrabajadorForm
          key={panel.trabajador.codigo}
          trabajador={panel.trabajador}
          onCancel={close}
          onSaved={(t) => {
            close();
            setNotice(`Cambios de ${t.usuario} guardados.`);
            list.replace((item) => item.codigo === t.codigo, t);
          }}
        />
      )}

      <ErrorMessage error={list.error} />
      <DataTable
        testId="trabajadores"
        columns={columns}
        rows={list.items}
        rowKey={(t) => t.codigo}
        emptyText={list.loading ? "Cargando…" : "Aún no hay trabajadores."}
      />
      <Loading active={list.loading && list.items.length > 0} />
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.loadMore} />

      {panel.kind === "eliminar" && (
        <ReasonDialog
          title={`Eliminar a ${panel.trabajador.nombre}`}
          description={
            <p>
              {panel.trabajador.usuario} ya no podrá ingresar y sus sesiones abiertas
              se cerrarán. Sus ventas y registros se conservan.
            </p>
          }
          confirmLabel="Eliminar trabajador"
          onClose={close}
          onConfirm={async (motivo) => {
            await deleteTrabajador(api, panel.trabajador.codigo, motivo);
            list.remove((item) => item.codigo === panel.trabajador.codigo);
            setNotice(`${panel.trabajador.usuario} fue dado de baja.`);
            close();
          }}
        />
      )}
    </section>
  );
}
