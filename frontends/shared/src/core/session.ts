/**
 * The signed-in person of one app, kept in localStorage under that app's own
 * key so the three apps can be open side by side in one browser. Screens read
 * it through `subscribe`/`snapshot` (useSyncExternalStore), so clearing it
 * anywhere, e.g. on a 401, sends every screen back to the login form.
 */

export type Rol = "saai" | "administrador" | "trabajador";

export interface Usuario {
  codigo: string;
  nombre: string;
  rol: Rol;
  codigo_tienda: string | null;
}

export interface Session {
  token: string;
  expiraEn: string | number | null;
  usuario: Usuario;
}

export interface SessionState {
  session: Session | null;
  /** True once a session ended because the server refused its token. */
  expired: boolean;
}

export interface SessionStore {
  snapshot(): SessionState;
  token(): string | null;
  set(session: Session): void;
  /** Ends the session the person asked to end. */
  clear(): void;
  /** Ends a session the server no longer accepts. */
  expire(): void;
  subscribe(listener: () => void): () => void;
}

type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

function expiryTime(expiraEn: Session["expiraEn"]): number | null {
  if (expiraEn === null || expiraEn === undefined || expiraEn === "") {
    return null;
  }
  if (typeof expiraEn === "number") {
    return expiraEn < 1e12 ? expiraEn * 1000 : expiraEn;
  }
  const parsed = Date.parse(expiraEn);
  return Number.isNaN(parsed) ? null : parsed;
}

function isSession(value: unknown): value is Session {
  const candidate = value as Session | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof candidate.token === "string" &&
    typeof candidate.usuario === "object" &&
    candidate.usuario !== null
  );
}

function readStored(storage: KeyValueStorage, key: string): Session | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(key) ?? "null");
  } catch {
    return null;
  }
  if (!isSession(parsed)) return null;
  const expiry = expiryTime(parsed.expiraEn);
  if (expiry !== null && expiry <= Date.now()) return null;
  return parsed;
}

export function createSessionStore(
  key: string,
  storage: KeyValueStorage = window.localStorage,
): SessionStore {
  const listeners = new Set<() => void>();
  let state: SessionState = {
    session: readStored(storage, key),
    expired: false,
  };

  function publish(next: SessionState) {
    state = next;
    listeners.forEach((listener) => listener());
  }

  function end(expired: boolean) {
    storage.removeItem(key);
    publish({ session: null, expired });
  }

  // Another tab of the same app signing in or out.
  if (typeof window !== "undefined" && "addEventListener" in window) {
    window.addEventListener("storage", (event) => {
      if (event.key !== key) return;
      publish({ session: readStored(storage, key), expired: false });
    });
  }

  return {
    snapshot: () => state,
    token: () => state.session?.token ?? null,
    set(session) {
      storage.setItem(key, JSON.stringify(session));
      publish({ session, expired: false });
    },
    clear: () => end(false),
    expire: () => end(true),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
