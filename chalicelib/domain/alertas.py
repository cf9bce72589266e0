"""Which alerts a stock change raises, and how an alert reads. No I/O here.

An alert is a fact worth telling the shop about: stock that reached its minimum
or ran out, a voided sale, a loss (merma) worth more than the shop tolerates.
The rules fire when a threshold is *crossed* (stock was above it before the
change and is at or below it after), so a product that stays low does not
raise one alert per sale.

Severities follow the bus's contract: ``INFO``, ``WARNING``, ``CRITICAL``. Only
``CRITICAL`` alerts are mailed to the owner (the email subscription filters on
it); every alert becomes a notification. Workers see the operational ones.
"""

import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from chalicelib.domain import roles
from chalicelib.domain.money import round_money, to_decimal

INFO = "INFO"
WARNING = "WARNING"
CRITICAL = "CRITICAL"
SEVERITIES = (INFO, WARNING, CRITICAL)

STOCK_BAJO = "stock_bajo"
STOCK_AGOTADO = "stock_agotado"
VENTA_ANULADA = "venta_anulada"
MERMA_ALTA = "merma_alta"

OPERATIONAL = frozenset({STOCK_BAJO, STOCK_AGOTADO})
"""Alert types a worker sees: what the till and the shelf need. Voids and losses
are the owner's oversight, so only the owner sees them."""

DEFAULT_MERMA_THRESHOLD = Decimal("50.00")
"""Soles of loss (units lost x unit cost) above which one MERMA raises an alert,
for a shop that has not set its own ``umbral_merma``."""

VENTA = "VENTA"
ANULACION = "ANULACION"
ENTRADA = "ENTRADA"
MERMA = "MERMA"
AJUSTE = "AJUSTE"


@dataclass(frozen=True)
class StockChange:
    """A product's stock before and after one committed change."""

    producto: dict
    antes: Decimal
    despues: Decimal
    motivo: str  # VENTA, ANULACION, ENTRADA, MERMA, AJUSTE
    referencia: str  # the sale or movement code


@dataclass(frozen=True)
class AlertDraft:
    """An alert before the bus gives it an id and a time."""

    tipo: str
    severity: str
    mensaje: str
    entidad: str


def roles_for(tipo: str) -> tuple[str, ...]:
    """Who is told about an alert of this type."""
    if tipo in OPERATIONAL:
        return (roles.ADMINISTRADOR, roles.TRABAJADOR)
    return (roles.ADMINISTRADOR,)


def _quantity(value) -> str:
    number = to_decimal(value)
    text = format(number.normalize(), "f")
    return text


def _product_label(producto: dict) -> str:
    nombre = producto.get("nombre") or "Producto"
    return f"{nombre} ({producto.get('codigo', '?')})"


def stock_alert(change: StockChange) -> AlertDraft | None:
    """The stock alert of one change: out of stock beats low stock."""
    antes, despues = to_decimal(change.antes), to_decimal(change.despues)
    if despues >= antes:
        return None
    producto = change.producto
    label = _product_label(producto)
    if despues <= 0 < antes:
        return AlertDraft(
            STOCK_AGOTADO,
            CRITICAL,
            f"Stock agotado: {label} se quedó sin unidades ({change.motivo} {change.referencia}).",
            producto.get("codigo", ""),
        )
    minimo = to_decimal(producto.get("stock_minimo") or 0)
    if despues <= minimo < antes:
        return AlertDraft(
            STOCK_BAJO,
            WARNING,
            f"Stock bajo: {label} quedó en {_quantity(despues)} (mínimo {_quantity(minimo)}).",
            producto.get("codigo", ""),
        )
    return None


def merma_value(change: StockChange) -> Decimal:
    """Soles lost: units lost times the unit cost (the price if there is no cost)."""
    lost = to_decimal(change.antes) - to_decimal(change.despues)
    unit = change.producto.get("costo")
    if unit in (None, ""):
        unit = change.producto.get("precio") or 0
    return round_money(max(lost, Decimal(0)) * to_decimal(unit))


def merma_alert(change: StockChange, threshold: Decimal) -> AlertDraft | None:
    if change.motivo != MERMA:
        return None
    value = merma_value(change)
    if value <= threshold:
        return None
    lost = to_decimal(change.antes) - to_decimal(change.despues)
    return AlertDraft(
        MERMA_ALTA,
        WARNING,
        f"Merma alta: {_quantity(lost)} de {_product_label(change.producto)} "
        f"por S/ {value} supera el umbral de S/ {round_money(threshold)} "
        f"({change.referencia}).",
        change.producto.get("codigo", ""),
    )


def void_alert(referencia: str) -> AlertDraft:
    return AlertDraft(
        VENTA_ANULADA, WARNING, f"Se anuló la venta {referencia}; su stock volvió.", referencia
    )


def needs_merma_threshold(changes: list[StockChange]) -> bool:
    return any(change.motivo == MERMA for change in changes)


def alerts_for(changes: list[StockChange], merma_threshold: Decimal) -> list[AlertDraft]:
    """Every alert raised by the changes of one committed operation.

    A void raises one alert per voided sale, however many products it returned.
    """
    drafts: list[AlertDraft] = []
    voided: list[str] = []
    for change in changes:
        if change.motivo == ANULACION:
            if change.referencia not in voided:
                voided.append(change.referencia)
            continue
        for draft in (stock_alert(change), merma_alert(change, merma_threshold)):
            if draft is not None:
                drafts.append(draft)
    drafts.extend(void_alert(referencia) for referencia in voided)
    return drafts


# How an alert reads in an email ---------------------------------------------

_SEVERITY_WORDS = {INFO: "Aviso", WARNING: "Advertencia", CRITICAL: "CRITICO"}


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(plain.split())


def email_subject(alert: dict) -> str:
    """SNS's email subject: ASCII, one line, under 100 characters (SNS refuses more)."""
    subject = f"SAAI {alert['tenant_id']} {_SEVERITY_WORDS.get(alert['severity'], '')}: "
    subject += alert["mensaje"]
    subject = _ascii(subject)
    return subject if len(subject) < 100 else subject[:96].rstrip() + "..."


def email_text(alert: dict) -> str:
    """The body of the owner's alert email."""
    return (
        f"{alert['mensaje']}\n"
        f"\n"
        f"Tienda: {alert['tenant_id']}\n"
        f"Severidad: {alert['severity']}\n"
        f"Referencia: {alert['entidad']}\n"
        f"Fecha: {alert['en']}\n"
        f"\n"
        f"Revise el centro de notificaciones de SAAI para más detalle.\n"
    )
