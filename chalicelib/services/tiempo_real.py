"""Live notices over WebSocket: connections and ``EmitirEventosWs``.

``$connect`` applies the authorizer's own checks to ``?token=`` and stores the
connection in ``t_ws_connections`` under its shop, keyed ``<rol>#<usuario>#<id>``
so a notice for some roles reads only their connections. ``$disconnect`` events
carry nothing but the connection id, so each connection also has a lookup item
``CONEXION#<id>`` that names its shop and key. Both items expire (TTL) when the
token does, or after API Gateway's two-hour connection limit.

A notice is only a hint to refetch: ``{tipo, entidad, en}``, never the data.
Emitting never fails the operation that emitted: a connection the gateway
reports gone is deleted, any other failure is logged and the next connection is
tried.
"""

import json
from dataclasses import dataclass
from datetime import timedelta

from chalicelib import clock
from chalicelib.adapters import dynamo, websocket
from chalicelib.domain import roles
from chalicelib.errors import SaaiError, ShopNotActiveError, UnauthorizedError
from chalicelib.logs import logger
from chalicelib.services import auth

TABLE = "t_ws_connections"
LOOKUP = "CONEXION"
MAX_CONNECTION = timedelta(hours=2)


@dataclass(frozen=True)
class Notice:
    tipo: str  # venta_registrada, venta_anulada, inventario_actualizado, ...
    entidad: str
    roles: tuple[str, ...] = roles.SHOP_ROLES
    en: str | None = None  # the change's time; the emission's when absent

    def payload(self) -> dict:
        return {"tipo": self.tipo, "entidad": self.entidad, "en": self.en or clock.now_iso()}


def _lookup_partition(connection_id: str) -> str:
    return f"{LOOKUP}#{connection_id}"


def connect(connection_id: str, token: str | None) -> int:
    """Store an authenticated connection; the HTTP status that answers ``$connect``."""
    try:
        caller = auth.authenticate(token or "")
    except ShopNotActiveError:
        logger.info("websocket rechazado: tienda no activa")
        return 403
    except UnauthorizedError as exc:
        logger.info("websocket rechazado", extra={"motivo": exc.mensaje})
        return 401

    now = clock.now()
    expira = min(caller.expira, int((now + MAX_CONNECTION).timestamp()))
    key = f"{caller.rol}#{caller.usuario}#{connection_id}"
    record = {
        "conexion": connection_id,
        "rol": caller.rol,
        "usuario": caller.usuario,
        "jti": caller.jti,
        "conectada_en": clock.iso(now),
        "expira": expira,
    }
    lookup = {"tenant_id": caller.tenant_id, "clave": key}
    dynamo.transact(
        [
            dynamo.tx_put(TABLE, dynamo.item(caller.tenant_id, key, record, expira=expira), None),
            dynamo.tx_put(
                TABLE,
                dynamo.item(_lookup_partition(connection_id), LOOKUP, lookup, expira=expira),
                None,
            ),
        ]
    )
    logger.info(
        "websocket conectado",
        extra={"tenant_id": caller.tenant_id, "usuario": caller.usuario, "rol": caller.rol},
    )
    return 200


def _forget(tenant_id: str, key: str, connection_id: str) -> None:
    dynamo.transact(
        [
            dynamo.tx_delete(TABLE, tenant_id, key),
            dynamo.tx_delete(TABLE, _lookup_partition(connection_id), LOOKUP),
        ]
    )


def disconnect(connection_id: str) -> None:
    lookup = dynamo.get(TABLE, _lookup_partition(connection_id), LOOKUP)
    if lookup is None:
        return  # never stored (refused) or already removed as gone
    _forget(lookup["tenant_id"], lookup["clave"], connection_id)
    logger.info("websocket desconectado", extra={"tenant_id": lookup["tenant_id"]})


def connections(tenant_id: str, rol: str) -> list[dict]:
    return list(dynamo.query_all(TABLE, tenant_id, prefix=f"{rol}#"))


def _send(tenant_id: str, record: dict, payload: dict, now: int) -> bool:
    key = f"{record['rol']}#{record['usuario']}#{record['conexion']}"
    if int(record["expira"]) <= now:
        _forget(tenant_id, key, record["conexion"])
        return False
    try:
        websocket.post(record["conexion"], payload)
    except websocket.ConnectionGone:
        _forget(tenant_id, key, record["conexion"])
        logger.info("websocket ausente eliminado", extra={"tenant_id": tenant_id})
        return False
    except SaaiError as exc:
        logger.warning("aviso no entregado", extra={"tenant_id": tenant_id, "error": exc.mensaje})
        return False
    return True


def emit(tenant_id: str, notice: Notice) -> int:
    """``EmitirEventosWs``: send one notice to the shop's connections of its roles.

    Returns how many connections received it.
    """
    if not websocket.configured():
        return 0
    payload = notice.payload()
    now = int(clock.now().timestamp())
    sent = 0
    for rol in notice.roles:
        try:
            records = connections(tenant_id, rol)
        except SaaiError as exc:
            logger.warning("aviso no emitido", extra={"tenant_id": tenant_id, "error": exc.mensaje})
            continue
        for record in records:
            sent += _send(tenant_id, record, payload, now)
    logger.info(
        "aviso emitido",
        extra={"tenant_id": tenant_id, "tipo": notice.tipo, "entidad": notice.entidad, "a": sent},
    )
    return sent


def _is_ping(body: str | None) -> bool:
    text = (body or "").strip()
    if text.lower() == "ping":
        return True
    try:
        message = json.loads(text)
    except ValueError:
        return False
    return isinstance(message, dict) and message.get("accion") == "ping"


def answer(connection_id: str, body: str | None) -> None:
    """``$default``: a ping gets a pong; anything else is ignored (clients only listen)."""
    if not _is_ping(body):
        return
    try:
        websocket.post(connection_id, {"tipo": "pong", "entidad": "", "en": clock.now_iso()})
    except websocket.ConnectionGone:
        disconnect(connection_id)
