import { useApi } from "../../core/context";
import { useResource } from "../../core/hooks";
import { useLiveNotices } from "../../live/provider";
import { UNREAD_LIMIT, listNotificaciones } from "./api";
import { useUnreadChanged } from "./unread-signal";

/** The header link to the notification centre, with the unread count. */
export function NotificacionesBadge() {
  const api = useApi();
  const unread = useResource(
    () => listNotificaciones(api, true, null, UNREAD_LIMIT),
    [],
  );
  useLiveNotices(["alerta_nueva"], unread.reload);
  useUnreadChanged(unread.reload);

  const count = unread.data?.items.length ?? 0;
  const more = Boolean(unread.data?.siguiente);
  const text = more ? `${count}+` : String(count);

  return (
    <a
      href="#/notificaciones"
      className="button button--small button--ghost count-badge"
      aria-label={`Notificaciones: ${text} sin leer`}
      data-testid="notificaciones-badge"
    >
      Avisos{" "}
      {count > 0 && (
        <span className="count-badge__number" data-testid="notificaciones-no-leidas">
          {text}
        </span>
      )}
    </a>
  );
}
