/**
 * The contract's error body `{error, mensaje, campos}` as a typed error.
 * Every failed request of the API client rejects with an ApiError, including
 * a request that never reached the server (status 0).
 */

export interface CampoError {
  campo: string;
  mensaje: string;
}

export const SIN_CONEXION = "SIN_CONEXION";

const MESSAGE_BY_STATUS: Record<number, string> = {
  0: "No se pudo conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.",
  400: "Los datos enviados no son válidos.",
  401: "Tu sesión terminó. Ingresa de nuevo.",
  403: "No tienes permiso para hacer esto.",
  404: "No se encontró lo que buscas.",
  409: "La operación no se pudo completar por el estado actual.",
  429: "Demasiados intentos. Espera un momento e inténtalo de nuevo.",
};

const SERVER_FAILURE =
  "El servidor tuvo un problema. Inténtalo de nuevo en un momento.";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly campos: CampoError[];

  constructor(
    status: number,
    code: string,
    message: string,
    campos: CampoError[] = [],
  ) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.campos = campos;
  }

  /** The message the server gave for one field, if any. */
  campo(nombre: string): string | undefined {
    return this.campos.find((c) => c.campo === nombre)?.mensaje;
  }
}

function defaultMessage(status: number): string {
  if (status >= 500) return SERVER_FAILURE;
  return MESSAGE_BY_STATUS[status] ?? "Ocurrió un error inesperado.";
}

function parseCampos(value: unknown): CampoError[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter(
      (c): c is CampoError =>
        typeof c === "object" &&
        c !== null &&
        typeof (c as CampoError).campo === "string" &&
        typeof (c as CampoError).mensaje === "string",
    )
    .map((c) => ({ campo: c.campo, mensaje: c.mensaje }));
}

/** Builds the ApiError for a status and whatever body came with it. */
export function parseErrorBody(status: number, body: unknown): ApiError {
  const record =
    typeof body === "object" && body !== null
      ? (body as Record<string, unknown>)
      : {};
  const code =
    typeof record.error === "string" && record.error
      ? record.error
      : `HTTP_${status}`;
  const message =
    typeof record.mensaje === "string" && record.mensaje
      ? record.mensaje
      : defaultMessage(status);
  return new ApiError(status, code, message, parseCampos(record.campos));
}

export function connectionError(): ApiError {
  return new ApiError(0, SIN_CONEXION, defaultMessage(0));
}

/** Any thrown value as something a screen can show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  console.error(error);
  return new ApiError(-1, "ERROR_CLIENTE", defaultMessage(-1));
}
