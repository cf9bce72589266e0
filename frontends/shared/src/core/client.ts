/**
 * The one HTTP client of an app. It adds the base URL and the bearer token,
 * speaks JSON and turns every failure into an ApiError. A 401 on a request
 * that carried a token means the session is over: the session is expired,
 * which brings the login form back.
 */

import { readConfig } from "./config";
import { connectionError, parseErrorBody } from "./errors";
import type { SessionStore } from "./session";

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface Page<T> {
  items: T[];
  siguiente: string | null;
}

export interface ApiClient {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  del<T = void>(path: string, body?: unknown, options?: RequestOptions): Promise<T>;
}

export interface ApiClientOptions {
  session: SessionStore;
  baseUrl?: () => string;
  fetchFn?: typeof fetch;
}

export function buildUrl(
  baseUrl: string,
  path: string,
  query: Record<string, QueryValue> = {},
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === "") continue;
    params.append(name, String(value));
  }
  const search = params.toString();
  return `${baseUrl}${path}${search ? `?${search}` : ""}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}

export function createApiClient({
  session,
  baseUrl = () => readConfig().apiUrl,
  fetchFn = (input, init) => fetch(input, init),
}: ApiClientOptions): ApiClient {
  async function request<T>(
    method: string,
    path: string,
    { query, body, headers = {}, signal }: RequestOptions = {},
  ): Promise<T> {
    const token = session.token();
    const allHeaders: Record<string, string> = {
      Accept: "application/json",
      ...headers,
    };
    if (body !== undefined) allHeaders["Content-Type"] = "application/json";
    if (token) allHeaders.Authorization = `Bearer ${token}`;

    let response: Response;
    try {
      response = await fetchFn(buildUrl(baseUrl(), path, query), {
        method,
        headers: allHeaders,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw connectionError();
    }

    const payload = await readJson(response);
    if (response.ok) return payload as T;

    const error = parseErrorBody(response.status, payload);
    // A refusal of an older token must not end a newer session.
    if (response.status === 401 && token && session.token() === token) {
      session.expire();
    }
    throw error;
  }

  return {
    request,
    get: (path, options) => request("GET", path, options),
    post: (path, body, options) => request("POST", path, { ...options, body }),
    patch: (path, body, options) =>
      request("PATCH", path, { ...options, body }),
    del: (path, body, options) => request("DELETE", path, { ...options, body }),
  };
}
