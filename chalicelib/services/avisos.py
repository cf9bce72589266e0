"""What a committed change tells the rest of the system: alerts and live notices.

Services that change stock or record sales, voids, movements and expenses call
``alert_actions`` while building their transaction (the alerts it returns are
written in that same transaction, as an outbox: see ``services.alertas``) and
``after_commit`` once it has committed (live WebSocket notices, see
``services.tiempo_real``). Neither may make a committed operation fail.
"""

from chalicelib.config import settings
from chalicelib.domain.alertas import StockChange
from chalicelib.logs import logger
from chalicelib.services import alertas, tiempo_real
from chalicelib.services.tiempo_real import Notice

__all__ = ["Notice", "StockChange", "after_commit", "alert_actions", "notify"]


def alert_actions(tenant_id: str, changes: list[StockChange]) -> list[dict]:
    """Transaction actions that record the alerts these changes raise.

    Add them to the change's own ``TransactWriteItems``: one ``Put`` per alert
    into ``t_alertas_pendientes``. Reads the shop's ``umbral_merma`` when a change
    is a MERMA; may raise as any read does, before anything is written.
    """
    return alertas.outbox_actions(tenant_id, changes)


def notify(tenant_id: str, notices: list[Notice]) -> None:
    """Emit live notices; never raises."""
    for notice in notices:
        try:
            tiempo_real.emit(tenant_id, notice)
        except Exception:  # noqa: BLE001 - a notice must never undo a committed change
            logger.exception("aviso en vivo falló", extra={"tenant_id": tenant_id})


def after_commit(tenant_id: str, notices: list[Notice]) -> None:
    """Emit live notices for a committed change; never raises.

    Where no stream publishes the outbox (the local stage), this also publishes
    the alerts that this change wrote, right away.
    """
    notify(tenant_id, notices)
    written = alertas.take_written(tenant_id)
    if not written or not settings().drain_alerts_inline:
        return
    try:
        alertas.drain_keys(written)
    except Exception:  # noqa: BLE001 - the alerts stay in the outbox for the next drain
        logger.exception("publicación de alertas pendiente", extra={"tenant_id": tenant_id})


def drain_outbox(tenant_id: str | None = None) -> alertas.DrainReport:
    """Publish due alerts of one shop or of all (idempotent; the local stack's entry)."""
    return alertas.drain_outbox(tenant_id)
