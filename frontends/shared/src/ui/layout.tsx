import { useState, type ReactNode } from "react";

import { useServices } from "../core/context";
import type { Session } from "../core/session";
import { TEXTS } from "../core/texts";
import { useLiveStatus } from "../live/provider";

export interface NavItem {
  path: string;
  label: string;
}

const LIVE_LABELS = {
  conectado: "En vivo",
  conectando: "Conectando…",
  desconectado: "Sin conexión en vivo",
} as const;

function LiveIndicator() {
  const status = useLiveStatus();
  if (!status) return null;
  return (
    <span
      className={`live live--${status}`}
      data-testid="estado-en-vivo"
      data-estado={status}
      title={LIVE_LABELS[status]}
    >
      <span className="visually-hidden">{LIVE_LABELS[status]}</span>
    </span>
  );
}

function LogoutButton() {
  const { api, session } = useServices();
  const [leaving, setLeaving] = useState(false);

  async function logout() {
    setLeaving(true);
    try {
      await api.post("/logout");
    } catch {
      // The token may already be revoked or the server unreachable: the
      // person asked to leave, so the local session ends either way.
    }
    session.clear();
  }

  return (
    <button
      type="button"
      className="button button--ghost"
      onClick={logout}
      disabled={leaving}
      data-testid="cerrar-sesion"
    >
      {TEXTS.logout}
    </button>
  );
}

export function Layout({
  session,
  nav,
  currentPath,
  headerExtra,
  children,
}: {
  session: Session;
  nav: readonly NavItem[];
  currentPath: string;
  headerExtra?: ReactNode;
  children: ReactNode;
}) {
  const { rol } = useServices();
  const { usuario } = session;
  return (
    <div className="shell">
      <header className="header">
        <div className="header__brand">
          <span className="header__app">{TEXTS.appNames[rol]}</span>
          <span className="header__shop" data-testid="header-tienda">
            {usuario.codigo_tienda ?? TEXTS.platform}
          </span>
        </div>
        <div className="header__user">
          <LiveIndicator />
          {headerExtra}
          <span className="header__name" data-testid="header-usuario">
            {usuario.nombre}
          </span>
          <LogoutButton />
        </div>
      </header>
      <nav className="nav" aria-label="Secciones">
        {nav.map((item) => {
          const active =
            currentPath === item.path || currentPath.startsWith(`${item.path}/`);
          return (
            <a
              key={item.path}
              href={`#${item.path}`}
              aria-current={active ? "page" : undefined}
              data-testid={`nav-${item.path.slice(1)}`}
            >
              {item.label}
            </a>
          );
        })}
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
