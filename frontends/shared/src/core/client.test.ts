import { describe, expect, it } from "vitest";

import { createApiClient } from "./client";
import { ApiError, SIN_CONEXION } from "./errors";
import { createSessionStore, type Session } from "./session";

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

const SESSION: Session = {
  token: "token-1",
  expiraEn: null,
  usuario: { codigo: "T002U001", nombre: "Rosa", rol: "trabajador", codigo_tienda: "T002" },
};

interface Call {
  url: string;
  init: RequestInit;
}

function setup(answer: () => Response | Promise<Response>, signedIn = true) {
  const session = createSessionStore("prueba", memoryStorage());
  if (signedIn) session.set(SESSION);
  const calls: Call[] = [];
  const api = createApiClient({
    session,
    baseUrl: () => "http://api.test",
    fetchFn: async (url, init) => {
      calls.push({ url: String(url), init: init ?? {} });
      return answer();
    },
  });
  return { api, session, calls };
}

function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("the request did not fail");
}

describe("API client requests", () => {
  it("sends the bearer token, JSON body and query to the configured base URL", async () => {
    const { api, calls } = setup(() => json(201, { codigo: "T002V001" }));

    const answer = await api.post<{ codigo: string }>(
      "/ventas",
      { items: [] },
      { query: { fecha: "2026-12-04", siguiente: null }, headers: { "Idempotency-Key": "k1" } },
    );

    expect(answer.codigo).toBe("T002V001");
    expect(calls[0].url).toBe("http://api.test/ventas?fecha=2026-12-04");
    const headers = calls[0].init.headers as Record<string, string>;
    expect(headers.Authorization).toBe("Bearer token-1");
    expect(headers["Content-Type"]).toBe("application/json");
    expect(headers["Idempotency-Key"]).toBe("k1");
    expect(calls[0].init.body).toBe('{"items":[]}');
  });

  it("answers undefined for a 204", async () => {
    const { api } = setup(() => new Response(null, { status: 204 }));
    await expect(api.post("/logout")).resolves.toBeUndefined();
  });
});

describe("API client errors", () => {
  it("turns the contract's error body into an ApiError with its fields", async () => {
    const { api } = setup(() =>
      json(409, {
        error: "STOCK_INSUFICIENTE",
        mensaje: "No hay stock suficiente de Arroz",
        campos: [{ campo: "items[1].cantidad", mensaje: "Disponible: 2" }],
      }),
    );

    const error = await failure(api.post("/ventas", { items: [] }));

    expect(error.status).toBe(409);
    expect(error.code).toBe("STOCK_INSUFICIENTE");
    expect(error.message).toBe("No hay stock suficiente de Arroz");
    expect(error.campo("items[1].cantidad")).toBe("Disponible: 2");
  });

  it("gives a Spanish message when the body is not the contract's", async () => {
    const { api } = setup(() => new Response("<html>Bad gateway</html>", { status: 502 }));

    const error = await failure(api.get("/productos"));

    expect(error.status).toBe(502);
    expect(error.code).toBe("HTTP_502");
    expect(error.message).toMatch(/servidor/);
    expect(error.campos).toEqual([]);
  });

  it("reports an unreachable server as status 0", async () => {
    const { api } = setup(() => Promise.reject(new TypeError("Failed to fetch")));

    const error = await failure(api.get("/productos"));

    expect(error.status).toBe(0);
    expect(error.code).toBe(SIN_CONEXION);
  });

  it("ends the session when the server refuses its token", async () => {
    const { api, session } = setup(() =>
      json(401, { error: "NO_AUTORIZADO", mensaje: "Token inválido" }),
    );

    await failure(api.get("/me"));

    expect(session.snapshot()).toEqual({ session: null, expired: true });
  });

  it("keeps a session when only the login was refused", async () => {
    const { api, session } = setup(
      () => json(401, { error: "CREDENCIALES_INVALIDAS", mensaje: "Usuario o contraseña incorrectos" }),
      false,
    );

    const error = await failure(api.post("/login", { usuario: "x", password: "y" }));

    expect(error.code).toBe("CREDENCIALES_INVALIDAS");
    expect(session.snapshot().expired).toBe(false);
  });
});
