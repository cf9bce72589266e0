"""The alert outbox: alerts are written with the change that raised them, then
published on AlertasSAAI.

Why an outbox. Publishing to SNS inside a sale would either make the sale fail
when SNS is briefly down, or lose the alert when the publish fails after the
sale committed. Instead ``outbox_actions`` returns ``Put`` actions for
``t_alertas_pendientes`` that the service adds to its own transaction: the
alert exists exactly when the change does. Publishing happens afterwards and
is retried until SNS accepts it; nothing ever deletes an alert that was not
published.

Who publishes, and how often:

- Deployed, the table's stream invokes ``drain_keys`` for every new item (within
  a second or so), and a one-minute schedule runs ``drain_outbox()`` over every
  shop, picking up whatever failed or was missed.
- Locally there is no stream consumer: when ``SAAI_DRENAR_ALERTAS_EN_LINEA`` is
  set, ``after_commit`` publishes the very items this request wrote (their keys
  are remembered in a context variable, so a change that raised no alert costs
  no extra call), and the local stack calls ``drain_outbox()`` periodically.

Every path may run at the same time as another, so publishing an item first
*claims* it: a conditional update sets ``reclamada_hasta`` (a lease of
``LEASE_SECONDS``) only if no one holds it and it is due. The claimant publishes,
then deletes the item. If publishing fails the lease is released with an
exponential back-off (``reintentar_desde``) and the error is kept on the item;
from the ``LOUD_AFTER``-th failure each retry logs an ERROR. If the process dies
between publishing and deleting, the lease expires and the alert is published
again: delivery is at least once. ``GuardarNotificacion`` stores by alert id, so
a repeat never makes a second notification; an owner could, rarely, get the
same email twice.
"""

import uuid
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from chalicelib import clock
from chalicelib.adapters import dynamo, sns
from chalicelib.domain import alertas, codes
from chalicelib.domain.alertas import StockChange
from chalicelib.domain.money import to_decimal
from chalicelib.errors import SaaiError
from chalicelib.logs import logger

TABLE = "t_alertas_pendientes"
PREFIX = "A#"
LEASE_SECONDS = 60
FIRST_BACKOFF_SECONDS = 5
MAX_BACKOFF_SECONDS = 15 * 60
LOUD_AFTER = 5

_written: ContextVar[tuple[tuple[str, str], ...]] = ContextVar("alertas_escritas", default=())
"""Outbox keys whose actions this context handed out, until ``take_written``."""


def new_alert_id(now: datetime) -> str:
    """Lima time to the second, then randomness: ids sort by time."""
    stamp = now.astimezone(clock.LIMA).strftime("%Y%m%d%H%M%S")
    return f"{stamp}-{uuid.uuid4().hex[:16]}"


def merma_threshold(tenant_id: str) -> Decimal:
    """The shop's ``umbral_merma``, or the default for shops that have none."""
    shop = dynamo.get("t_tiendas", codes.SHOPS_PARTITION, codes.shop_sort_key(tenant_id))
    value = (shop or {}).get("umbral_merma")
    return alertas.DEFAULT_MERMA_THRESHOLD if value in (None, "") else to_decimal(value)


def build_alerts(tenant_id: str, drafts: list[alertas.AlertDraft]) -> list[dict]:
    now = clock.now()
    return [
        {
            "id": new_alert_id(now),
            "tenant_id": tenant_id,
            "severity": draft.severity,
            "tipo": draft.tipo,
            "mensaje": draft.mensaje,
            "entidad": draft.entidad,
            "en": clock.iso(now),
        }
        for draft in drafts
    ]


def pending_put(alert: dict) -> dict:
    """The transaction action that records one alert in the outbox."""
    entity_id = PREFIX + alert["id"]
    _written.set((*_written.get(), (alert["tenant_id"], entity_id)))
    record = {
        "clave": entity_id,
        "alerta": alert,
        "intentos": 0,
        "reintentar_desde": 0,
        "reclamada_hasta": 0,
        "ultimo_error": None,
    }
    return dynamo.tx_put(TABLE, dynamo.item(alert["tenant_id"], entity_id, record))


def outbox_actions(tenant_id: str, changes: list[StockChange]) -> list[dict]:
    if not changes:
        return []
    threshold = (
        merma_threshold(tenant_id)
        if alertas.needs_merma_threshold(changes)
        else alertas.DEFAULT_MERMA_THRESHOLD
    )
    alerts = build_alerts(tenant_id, alertas.alerts_for(changes, threshold))
    return [pending_put(alert) for alert in alerts]


def record_now(tenant_id: str, drafts: list[alertas.AlertDraft]) -> list[dict]:
    """Write alerts that belong to no transaction (analytics, predictions)."""
    alerts = build_alerts(tenant_id, drafts)
    if alerts:
        dynamo.transact([pending_put(alert) for alert in alerts])
    return alerts


# Draining -----------------------------------------------------------------


@dataclass
class DrainReport:
    publicadas: int = 0
    fallidas: int = 0
    en_espera: int = 0

    def add(self, other: "DrainReport") -> None:
        self.publicadas += other.publicadas
        self.fallidas += other.fallidas
        self.en_espera += other.en_espera


def _backoff(intentos: int) -> int:
    return min(FIRST_BACKOFF_SECONDS * 2**intentos, MAX_BACKOFF_SECONDS)


def _claim(tenant_id: str, entity_id: str, now: int) -> dict | None:
    """The item's record if this caller now holds it; None if it is gone, held or not due."""
    try:
        return dynamo.update(
            TABLE,
            tenant_id,
            entity_id,
            dynamo.Update(
                set_fields={"reclamada_hasta": now + LEASE_SECONDS},
                condition=(
                    "attribute_exists(entity_id) AND #d.reclamada_hasta <= :ahora "
                    "AND #d.reintentar_desde <= :ahora"
                ),
                condition_values={":ahora": now},
            ),
        )
    except dynamo.ConditionFailed:
        return None


def _release(tenant_id: str, record: dict, error: SaaiError, now: int) -> None:
    intentos = int(record["intentos"]) + 1
    try:
        dynamo.update(
            TABLE,
            tenant_id,
            record["clave"],
            dynamo.Update(
                set_fields={
                    "reclamada_hasta": 0,
                    "reintentar_desde": now + _backoff(intentos - 1),
                    "ultimo_error": error.detalle,
                },
                add_fields={"intentos": 1},
            ),
        )
    except dynamo.ConditionFailed:
        return  # deleted meanwhile: another claimant published it after our lease expired
    log = logger.error if intentos >= LOUD_AFTER else logger.warning
    log(
        "alerta no publicada; se reintentará",
        extra={
            "tenant_id": tenant_id,
            "alerta": record["alerta"]["id"],
            "intentos": intentos,
            "error": error.mensaje,
        },
    )


def _publish(tenant_id: str, entity_id: str, report: DrainReport) -> None:
    now = int(clock.now().timestamp())
    record = _claim(tenant_id, entity_id, now)
    if record is None:
        report.en_espera += 1
        return
    alert = record["alerta"]
    try:
        message_id = sns.publish_alert(
            alert, alertas.email_subject(alert), alertas.email_text(alert)
        )
    except SaaiError as exc:
        _release(tenant_id, record, exc, now)
        report.fallidas += 1
        return
    dynamo.delete(TABLE, tenant_id, entity_id)
    report.publicadas += 1
    logger.info(
        "alerta publicada",
        extra={
            "tenant_id": tenant_id,
            "alerta": alert["id"],
            "tipo": alert["tipo"],
            "severity": alert["severity"],
            "sns_message_id": message_id,
        },
    )


def _shops() -> list[str]:
    return [
        shop["codigo"] for shop in dynamo.query_all("t_tiendas", codes.SHOPS_PARTITION, prefix="T#")
    ]


def drain_outbox(tenant_id: str | None = None) -> DrainReport:
    """Publish every due alert of one shop, or of every shop. Safe to run anywhere, any time."""
    report = DrainReport()
    for shop in [tenant_id] if tenant_id else _shops():
        due_before = int(clock.now().timestamp())
        for record in dynamo.query_all(TABLE, shop, prefix=PREFIX):
            if record["reintentar_desde"] > due_before or record["reclamada_hasta"] > due_before:
                report.en_espera += 1
                continue
            _publish(shop, record["clave"], report)
    return report


def take_written(tenant_id: str) -> list[tuple[str, str]]:
    """The shop's outbox keys handed out in this context, forgotten once taken.

    Some may belong to a transaction that was refused and retried; claiming
    those finds nothing and skips them.
    """
    mine = [key for key in _written.get() if key[0] == tenant_id]
    _written.set(tuple(key for key in _written.get() if key[0] != tenant_id))
    return mine


def reset() -> None:
    """Forget the keys handed out in this context (tests)."""
    _written.set(())


def drain_keys(keys: list[tuple[str, str]]) -> DrainReport:
    """Publish the named outbox items (the stream's new ones)."""
    report = DrainReport()
    for tenant_id, entity_id in keys:
        _publish(tenant_id, entity_id, report)
    return report


def pending(tenant_id: str) -> list[dict]:
    """The shop's alerts still waiting, with their attempts and last error."""
    return list(dynamo.query_all(TABLE, tenant_id, prefix=PREFIX))
