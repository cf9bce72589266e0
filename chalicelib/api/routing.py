"""How a route is declared, and the one place where errors become HTTP answers.

``endpoint`` registers a view on a blueprint behind the authorizer, records
which roles may call it (the authorizer's policy is built from that record),
checks the caller's role, and maps every SAAI error, malformed JSON and pydantic
failure to the contract's error body. Anything else is logged once with its
traceback and answered with a generic 500.
"""

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from chalice import Blueprint, CORSConfig, Response
from pydantic import BaseModel, ValidationError

from chalicelib.errors import (
    BadRequestError,
    ForbiddenError,
    PayloadTooLargeError,
    SaaiError,
)
from chalicelib.logs import bind_request, logger
from chalicelib.services.auth import Caller

CORS = CORSConfig(
    allow_origin="*",
    allow_headers=["Authorization", "Content-Type", "Idempotency-Key"],
    max_age=600,
)

_FOREIGN_TENANT_FIELDS = ("tenant_id", "codigo_tienda")
MAX_BODY_BYTES = 256 * 1024


@dataclass(frozen=True)
class RouteRoles:
    path: str
    method: str
    roles: tuple[str, ...]


ROUTES: list[RouteRoles] = []


def routes_for(rol: str) -> dict[str, list[str]]:
    """Path -> methods that ``rol`` may call (what the authorizer allows)."""
    allowed: dict[str, list[str]] = {}
    for route in ROUTES:
        if rol in route.roles:
            allowed.setdefault(route.path, []).append(route.method)
    return allowed


def _json_default(value: Any):
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError(f"{type(value).__name__} no es serializable")


def json_response(body: Any, status: int = 200, headers: dict | None = None) -> Response:
    text = None if body is None else json.dumps(body, default=_json_default, ensure_ascii=False)
    return Response(
        body=text if text is not None else "",
        status_code=status,
        headers={"Content-Type": "application/json; charset=utf-8", **(headers or {})},
    )


def error_response(error: SaaiError) -> Response:
    return json_response(error.body(), error.status, error.headers)


_MESSAGES = {
    "missing": "Es obligatorio.",
    "string_too_short": "Es demasiado corto.",
    "string_too_long": "Es demasiado largo.",
    "string_type": "Debe ser texto.",
    "literal_error": "No es un valor permitido.",
    "int_parsing": "Debe ser un número entero.",
    "int_type": "Debe ser un número entero.",
    "decimal_parsing": "Debe ser un número.",
    "list_type": "Debe ser una lista.",
    "dict_type": "Debe ser un objeto.",
    "model_type": "Debe ser un objeto.",
    "too_short": "No puede estar vacío.",
    "too_long": "Tiene demasiados elementos.",
}


def _location(loc: tuple) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "cuerpo"


def validation_error(exc: ValidationError) -> BadRequestError:
    campos = []
    for problem in exc.errors(include_url=False):
        message = _MESSAGES.get(problem["type"])
        if message is None:
            message = str(problem.get("ctx", {}).get("error") or problem["msg"])
            message = message.removeprefix("Value error, ")
        campos.append({"campo": _location(problem["loc"]), "mensaje": message})
    resumen = "; ".join(f"{c['campo']}: {c['mensaje']}" for c in campos)
    return BadRequestError(f"Datos inválidos. {resumen}", campos)


class Request:
    """What a view gets: the verified caller and the parsed request."""

    def __init__(self, chalice_request, caller: Caller | None):
        self._raw = chalice_request
        self.caller = caller
        self.query = dict(chalice_request.query_params or {})
        if caller is not None:
            _refuse_foreign_tenant(self.query, "")

    @property
    def tenant_id(self) -> str:
        return self.caller.tenant_id

    def header(self, name: str) -> str | None:
        return self._raw.headers.get(name)

    def json(self, optional: bool = False) -> dict:
        raw = self._raw.raw_body
        if raw and len(raw) > MAX_BODY_BYTES:
            raise PayloadTooLargeError(f"El cuerpo pasa de {MAX_BODY_BYTES // 1024} KB.")
        if not raw or not raw.strip():
            if optional:
                return {}
            raise BadRequestError(
                "Falta el cuerpo JSON de la solicitud.",
                [{"campo": "cuerpo", "mensaje": "Es obligatorio."}],
            )
        try:
            body = json.loads(raw, parse_float=Decimal)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise BadRequestError(
                "El cuerpo no es JSON válido.",
                [{"campo": "cuerpo", "mensaje": "No es JSON válido."}],
            ) from None
        if not isinstance(body, dict):
            raise BadRequestError(
                "El cuerpo debe ser un objeto JSON.",
                [{"campo": "cuerpo", "mensaje": "Debe ser un objeto."}],
            )
        if self.caller is not None:
            _refuse_foreign_tenant(body, "")
        return body

    def parse(self, model: type[BaseModel], optional: bool = False):
        body = self.json(optional=optional)
        try:
            return model.model_validate(body)
        except ValidationError as exc:
            raise validation_error(exc) from None


def _refuse_foreign_tenant(values: dict, prefix: str) -> None:
    for name in _FOREIGN_TENANT_FIELDS:
        if name in values:
            raise BadRequestError.field(
                prefix + name, "No se acepta: la tienda es la de su sesión."
            )


def endpoint(
    bp: Blueprint,
    path: str,
    *,
    methods: list[str],
    roles: tuple[str, ...] | None,
    authorizer=None,
    status: int = 200,
):
    """Declare a route. ``roles=None`` makes it public (no authorizer)."""

    def register(view: Callable[..., Any]):
        for method in methods:
            ROUTES.append(RouteRoles(path, method, tuple(roles or ())))

        @functools.wraps(view)
        def handle(**path_params):
            chalice_request = bp.current_request
            context = chalice_request.context or {}
            caller = None
            if roles is not None:
                caller = Caller.from_context(context.get("authorizer") or {})
            lambda_context = bp.lambda_context
            request_id = context.get("requestId") or getattr(lambda_context, "aws_request_id", None)
            bind_request(
                request_id,
                caller.tenant_id if caller else None,
                caller.usuario if caller else None,
            )
            try:
                if caller is not None and caller.rol not in roles:
                    raise ForbiddenError("Su rol no puede usar esta operación.")
                result = view(Request(chalice_request, caller), **path_params)
            except SaaiError as exc:
                if exc.status >= 500:
                    logger.exception(
                        "error de servicio", extra={"error": exc.code, "detalle": exc.detalle}
                    )
                return error_response(exc)
            except Exception:  # noqa: BLE001 - the boundary: log once, answer 500
                logger.exception("error inesperado", extra={"ruta": path})
                return json_response(
                    {
                        "error": "ERROR_INTERNO",
                        "mensaje": "Ocurrió un error interno.",
                        "campos": [],
                    },
                    500,
                )
            if isinstance(result, Response):
                return result
            return json_response(result, status if result is not None else 204)

        options = {"methods": methods, "cors": CORS}
        if roles is not None:
            options["authorizer"] = authorizer
        bp.route(path, **options)(handle)
        return handle

    return register
