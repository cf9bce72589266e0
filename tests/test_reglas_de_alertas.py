"""The rules that decide alerts from a stock change (pure domain, no AWS)."""

from decimal import Decimal

from chalicelib.domain import alertas
from tests.apoyo_alertas import change

UMBRAL = alertas.DEFAULT_MERMA_THRESHOLD


def kinds(changes, umbral=UMBRAL):
    return [(d.tipo, d.severity, d.entidad) for d in alertas.alerts_for(changes, umbral)]


def test_sale_that_reaches_the_minimum_warns_low_stock():
    assert kinds([change(6, 5)]) == [("stock_bajo", "WARNING", "T001P001")]


def test_sale_below_minimum_when_already_low_raises_nothing_again():
    assert kinds([change(5, 4)]) == []


def test_sale_of_last_unit_is_critical_out_of_stock_and_not_also_low():
    assert kinds([change(9, 0)]) == [("stock_agotado", "CRITICAL", "T001P001")]


def test_entry_or_void_that_raises_stock_raises_no_stock_alert():
    assert kinds([change(0, 10, motivo="ENTRADA", referencia="T001M001")]) == []


def test_adjustment_down_to_zero_is_critical():
    assert kinds([change(3, 0, motivo="AJUSTE", referencia="AJ1")]) == [
        ("stock_agotado", "CRITICAL", "T001P001")
    ]


def test_void_of_a_sale_with_three_products_raises_one_void_alert():
    changes = [
        change(1, 2, motivo="ANULACION", referencia="T001V015", codigo=f"T001P00{n}")
        for n in (1, 2, 3)
    ]
    assert kinds(changes) == [("venta_anulada", "WARNING", "T001V015")]


def test_merma_worth_more_than_the_threshold_warns_and_names_the_value():
    drafts = alertas.alerts_for([change(20, 17, motivo="MERMA", referencia="M1")], UMBRAL)
    assert [(d.tipo, d.severity) for d in drafts] == [("merma_alta", "WARNING")]
    assert "S/ 55.50" in drafts[0].mensaje  # 3 x 18.50


def test_merma_at_or_below_threshold_is_quiet_and_shop_threshold_applies():
    small = change(20, 18, motivo="MERMA", referencia="M1")  # 37.00
    assert kinds([small]) == []
    assert kinds([small], umbral=Decimal("30")) == [("merma_alta", "WARNING", "T001P001")]


def test_merma_that_empties_the_shelf_raises_both_alerts():
    assert kinds([change(4, 0, motivo="MERMA", referencia="M2")]) == [
        ("stock_agotado", "CRITICAL", "T001P001"),
        ("merma_alta", "WARNING", "T001P001"),
    ]


def test_fractional_quantities_read_naturally():
    drafts = alertas.alerts_for([change("5.5", "2.25", stock_minimo="2.5")], UMBRAL)
    assert "quedó en 2.25 (mínimo 2.5)" in drafts[0].mensaje


def test_workers_are_told_only_operational_alerts():
    assert alertas.roles_for("stock_bajo") == ("administrador", "trabajador")
    assert alertas.roles_for("venta_anulada") == ("administrador",)
    assert alertas.roles_for("merma_alta") == ("administrador",)


def test_email_subject_is_ascii_one_line_and_short():
    alert = {
        "tenant_id": "T001",
        "severity": "CRITICAL",
        "mensaje": "Stock agotado: Piña golden ñandú " + "x" * 200,
        "entidad": "T001P001",
        "en": "2026-12-04T10:15:00-05:00",
    }
    subject = alertas.email_subject(alert)
    assert subject.isascii() and "\n" not in subject and len(subject) < 100
    assert subject.startswith("SAAI T001 CRITICO: Stock agotado: Pina golden nandu")
