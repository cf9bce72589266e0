import { useState, type FormEvent } from "react";

import { useServices, useSession } from "../core/context";
import { toApiError, type ApiError } from "../core/errors";
import type { Usuario } from "../core/session";
import { TEXTS } from "../core/texts";
import { TextField } from "./fields";
import { ErrorMessage } from "./messages";

interface LoginAnswer {
  token: string;
  expira_en: string | number | null;
  usuario: Usuario;
}

/** Signs in with the app's own role; the saai role has no shop code. */
export function LoginForm() {
  const { api, session, rol } = useServices();
  const { expired } = useSession();
  const withShop = rol !== "saai";
  const [codigoTienda, setCodigoTienda] = useState("");
  const [usuario, setUsuario] = useState("");
  const [password, setPassword] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setError(null);
    try {
      const answer = await api.post<LoginAnswer>("/login", {
        rol,
        ...(withShop ? { codigo_tienda: codigoTienda.trim().toUpperCase() } : {}),
        usuario: usuario.trim(),
        password,
      });
      session.set({
        token: answer.token,
        expiraEn: answer.expira_en ?? null,
        usuario: answer.usuario,
      });
    } catch (reason) {
      setError(toApiError(reason));
      setPassword("");
      setSending(false);
    }
  }

  return (
    <main className="login">
      <form className="card form" onSubmit={submit} aria-labelledby="login-title">
        <p className="login__brand">{TEXTS.appNames[rol]}</p>
        <h1 id="login-title">{TEXTS.login.title}</h1>
        {expired && !error && (
          <p className="message message--info" role="status">
            {TEXTS.login.expired}
          </p>
        )}
        {withShop && (
          <TextField
            label={TEXTS.login.codigoTienda}
            name="codigo_tienda"
            value={codigoTienda}
            onChange={(e) => setCodigoTienda(e.target.value)}
            autoCapitalize="characters"
            autoComplete="organization"
            placeholder="T001"
            required
            data-testid="login-codigo-tienda"
          />
        )}
        <TextField
          label={TEXTS.login.usuario}
          name="usuario"
          value={usuario}
          onChange={(e) => setUsuario(e.target.value)}
          autoCapitalize="none"
          autoComplete="username"
          required
          data-testid="login-usuario"
        />
        <TextField
          label={TEXTS.login.password}
          name="password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
          data-testid="login-password"
        />
        <ErrorMessage error={error} testId="login-error" />
        <button
          type="submit"
          className="button"
          disabled={sending}
          data-testid="login-ingresar"
        >
          {TEXTS.login.submit}
        </button>
      </form>
    </main>
  );
}
