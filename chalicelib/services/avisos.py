"""What a committed change tells the rest of the system: alerts and live notices.

Services that change stock or record sales, voids, movements and expenses call
``alert_actions`` while building their transaction (the alerts it returns are
written in that same transaction, as an outbox) and ``after_commit`` once it
has committed (live WebSocket notices). Neither may make a committed operation
fail.
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class StockChange:
    """A product's stock before and after one committed change."""

    producto: dict
    antes: Decimal
    despues: Decimal
    motivo: str  # VENTA, ANULACION, ENTRADA, MERMA, AJUSTE
    referencia: str  # the sale or movement code


@dataclass(frozen=True)
class Notice:
    tipo: str  # venta_registrada, venta_anulada, inventario_actualizado, ...
    entidad: str
    roles: tuple[str, ...] = ("administrador", "trabajador")


def alert_actions(tenant_id: str, changes: list[StockChange]) -> list[dict]:
    """Transaction actions that record the alerts these changes raise.

    Maintenance: filled in by the alert bus (issue 4); until then no alert is raised.
    """
    return []


def after_commit(tenant_id: str, notices: list[Notice]) -> None:
    """Emit live notices for a committed change; never raises.

    Maintenance: filled in by the WebSocket emitter (issue 4).
    """
    return None
