import { useState } from "react";

import { useApi } from "../../core/context";
import { formatFechaHora } from "../../core/format";
import { usePagedList } from "../../core/hooks";
import { label } from "../../core/texts";
import type { Notificacion } from "../../core/types";
import { useLiveNotices } from "../../live/provider";
import { ActionButton } from "../../ui/action-button";
import { ErrorMessage, Loading } from "../../ui/messages";
import { LoadMore } from "../../ui/table";
import { listNotificaciones, markLeida } from "./api";
import { signalUnreadChanged } from "./unread-signal";

const SEVERITY_BADGE: Record<string, string> = {
  INFO: "badge",
  WARNING: "badge badge--warning",
  CRITICAL: "badge badge--danger",
};

/** The shop's notifications, newest first, each one markable as read. */
export function NotificacionesScreen() {
  const api = useApi();
  const [soloNoLeidas, setSoloNoLeidas] = useState(true);
  const list = usePagedList(
    (siguiente) => listNotificaciones(api, soloNoLeidas, siguiente),
    [soloNoLeidas],
  );
  useLiveNotices(["alerta_nueva"], list.reload);

  async function marcar(notificacion: Notificacion) {
    await markLeida(api, notificacion.id);
    const leida = { ...notificacion, leida: true };
    if (soloNoLeidas) list.remove((n) => n.id === notificacion.id);
    else list.replace((n) => n.id === notificacion.id, leida);
    signalUnreadChanged();
  }

  return (
    <section aria-labelledby="notificaciones-titulo">
      <div className="toolbar">
        <h1 id="notificaciones-titulo">Notificaciones</h1>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={soloNoLeidas}
            onChange={(e) => setSoloNoLeidas(e.target.checked)}
            data-testid="solo-no-leidas"
          />{" "}
          Solo no leídas
        </label>
      </div>
      <ErrorMessage error={list.error} />
      {!list.loading && list.items.length === 0 && !list.error && (
        <p className="muted" data-testid="notificaciones-vacio">
          {soloNoLeidas ? "No tienes notificaciones sin leer." : "No hay notificaciones."}
        </p>
      )}
      <ul className="results" data-testid="notificaciones">
        {list.items.map((n) => (
          <li
            key={n.id}
            className={`card notification notification--${n.severity}${
              n.leida ? " notification--leida" : ""
            }`}
            data-testid="notificacion"
            data-id={n.id}
            data-leida={n.leida ? "true" : "false"}
          >
            <span className="results__info">
              <span>
                <span className={SEVERITY_BADGE[n.severity] ?? "badge"}>
                  {label(n.severity)}
                </span>{" "}
                <span className="results__meta">
                  {formatFechaHora(n.en)}
                  {n.entidad ? ` · ${n.entidad}` : ""}
                </span>
              </span>
              <span data-testid="notificacion-mensaje">{n.mensaje}</span>
            </span>
            {!n.leida && (
              <ActionButton
                className="button button--small button--secondary"
                aria-label={`Marcar como leída: ${n.mensaje}`}
                data-testid={`marcar-leida-${n.id}`}
                onAction={() => marcar(n)}
              >
                Marcar como leída
              </ActionButton>
            )}
          </li>
        ))}
      </ul>
      <Loading active={list.loading} />
      <LoadMore hasMore={list.hasMore} loading={list.loading} onClick={list.loadMore} />
    </section>
  );
}
