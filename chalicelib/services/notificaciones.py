"""Notifications: ``GuardarNotificacion`` and the shop's notification centre.

Every alert that reaches the bus is stored in ``t_notificaciones`` under
``N#<alert id>``. SNS delivers at least once, so the store is a conditional put
on that key: a second delivery of the same alert finds it and changes nothing
(and emits no second ``alerta_nueva``). Alert ids begin with their Lima time, so
the key order is the time order and listing newest first is one Query.

Owners see every notification; workers only the operational ones
(``domain.alertas.OPERATIONAL``). "Read" is per shop: whoever reads it marks it.
"""

import json
import re

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from chalicelib import clock
from chalicelib.adapters import dynamo
from chalicelib.domain import alertas, roles
from chalicelib.errors import BadRequestError, NotFoundError
from chalicelib.logs import logger
from chalicelib.services import avisos, tiempo_real

TABLE = "t_notificaciones"
PREFIX = "N#"
ALERTA_NUEVA = "alerta_nueva"

_ID = re.compile(r"^\d{14}-[0-9a-f]{16}$")


class PublishedAlert(BaseModel):
    """An alert as the bus carries it; anything else on the topic is refused."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(pattern=_ID.pattern)
    tenant_id: str = Field(pattern=r"^T\d{3,9}$")
    severity: str = Field(pattern=r"^(INFO|WARNING|CRITICAL)$")
    tipo: str = Field(min_length=1, max_length=60)
    mensaje: str = Field(min_length=1, max_length=1000)
    entidad: str = Field(max_length=60)
    en: str = Field(min_length=10, max_length=40)


def _key(alert_id: str) -> str:
    return PREFIX + alert_id


def public(record: dict) -> dict:
    return {k: v for k, v in record.items() if k != "tenant_id"}


def store(alert: PublishedAlert) -> bool:
    """Store the alert once; False when it was already stored (a repeated delivery)."""
    record = {
        "id": alert.id,
        "tipo": alert.tipo,
        "severity": alert.severity,
        "mensaje": alert.mensaje,
        "entidad": alert.entidad,
        "en": alert.en,
        "leida": False,
        "recibida_en": clock.now_iso(),
    }
    try:
        dynamo.put_new(TABLE, alert.tenant_id, _key(alert.id), record)
    except dynamo.ConditionFailed:
        return False
    return True


def receive(message: str, message_id: str | None = None) -> None:
    """``GuardarNotificacion``: store one message of the bus, then tell the shop.

    A message that is not an alert can never be stored; it is logged as an error
    and dropped. A failure to store raises, so the delivery is retried.
    """
    try:
        alert = PublishedAlert.model_validate(json.loads(message))
    except (ValueError, ValidationError) as exc:
        logger.error(
            "mensaje del bus que no es una alerta",
            extra={"sns_message_id": message_id, "error": str(exc)[:300]},
        )
        return
    if not store(alert):
        logger.info(
            "alerta repetida ignorada",
            extra={"tenant_id": alert.tenant_id, "alerta": alert.id, "sns_message_id": message_id},
        )
        return
    logger.info(
        "notificación guardada",
        extra={"tenant_id": alert.tenant_id, "alerta": alert.id, "tipo": alert.tipo},
    )
    notice = tiempo_real.Notice(ALERTA_NUEVA, alert.id, alertas.roles_for(alert.tipo))
    avisos.notify(alert.tenant_id, [notice])


def _visible_to(rol: str):
    if rol == roles.ADMINISTRADOR:
        return lambda record: True
    return lambda record: record.get("tipo") in alertas.OPERATIONAL


def _flag(value: str | None) -> bool:
    if value in (None, "", "false", "0"):
        return False
    if value in ("true", "1"):
        return True
    raise BadRequestError.field("no_leidas", "Use true o false.")


def list_page(
    tenant_id: str, rol: str, no_leidas: str | None = None, limite=None, siguiente=None
) -> dynamo.Page:
    visible = _visible_to(rol)
    only_unread = _flag(no_leidas)

    def keep(record: dict) -> bool:
        return visible(record) and not (only_unread and record.get("leida"))

    page = dynamo.query_page(
        TABLE,
        tenant_id,
        prefix=PREFIX,
        limite=limite,
        siguiente=siguiente,
        newest_first=True,
        keep=keep,
    )
    return dynamo.Page([public(r) for r in page.items], page.siguiente)


def get(tenant_id: str, rol: str, alert_id: str) -> dict:
    """The notification, if this role may see it (``NotFoundError`` otherwise)."""
    record = dynamo.get(TABLE, tenant_id, _key(alert_id)) if _ID.match(alert_id or "") else None
    if record is None or not _visible_to(rol)(record):
        raise NotFoundError(f"No existe la notificación {alert_id}.")
    return record


def mark_read(tenant_id: str, rol: str, alert_id: str, por: str) -> dict:
    """Mark it read; reading it again keeps who read it first, and when."""
    record = get(tenant_id, rol, alert_id)
    if record.get("leida"):
        return public(record)
    try:
        updated = dynamo.update(
            TABLE,
            tenant_id,
            _key(alert_id),
            dynamo.Update(
                set_fields={"leida": True, "leida_en": clock.now_iso(), "leida_por": por},
                condition="attribute_exists(entity_id) AND #d.leida = :no",
                condition_values={":no": False},
            ),
        )
    except dynamo.ConditionFailed:
        updated = dynamo.get(TABLE, tenant_id, _key(alert_id))
    logger.info("notificación leída", extra={"tenant_id": tenant_id, "alerta": alert_id})
    return public(updated)
