import type { ApiClient, Page } from "../../core/client";
import type { Notificacion } from "../../core/types";

/** The badge counts up to this many unread notifications, then shows "N+". */
export const UNREAD_LIMIT = 99;

export function listNotificaciones(
  api: ApiClient,
  soloNoLeidas: boolean,
  siguiente: string | null,
  limite = 50,
) {
  return api.get<Page<Notificacion>>("/notificaciones", {
    query: { no_leidas: soloNoLeidas ? "true" : undefined, limite, siguiente },
  });
}

export function markLeida(api: ApiClient, id: string) {
  return api.post<Notificacion | undefined>(
    `/notificaciones/${encodeURIComponent(id)}/leida`,
  );
}
