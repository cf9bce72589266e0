"""What the owner sees change by itself (admin app) when the worker sells.

Each test has a shop of its own, so today's sales and the unread
notifications it counts are only its own. The owner's page is marked before
the sale; the mark still being there afterwards proves nothing reloaded it.
"""

import pytest
from playwright.sync_api import Page, expect

from tests.browser.apps import log_in_as
from tests.browser.caja import cell, row, sell
from tests.browser.tienda import new_shop, suffix

pytestmark = pytest.mark.browser

MARK = "window.__sinRecargar"


@pytest.fixture
def shop(stack, accounts):
    return new_shop(stack, accounts)


def open_live(page: Page, cred) -> None:
    """Signs in and waits until the app's live connection is open."""
    log_in_as(page, cred)
    expect(page.get_by_test_id("estado-en-vivo")).to_have_attribute("data-estado", "conectado")
    page.evaluate(f"{MARK} = true")


def not_reloaded(page: Page) -> bool:
    return page.evaluate(f"{MARK} === true")


def test_a_sale_at_the_till_appears_in_the_owners_list_without_a_reload(new_page, shop):
    product = shop.create_product(f"Gaseosa Inca Kola 500ml {suffix()}", "2.50", 20)
    owner = new_page()
    open_live(owner, shop.owner)
    expect(owner.get_by_role("heading", name="Ventas de hoy", level=1)).to_be_visible()
    expect(owner.get_by_test_id("ventas")).to_contain_text("No hay ventas en esta fecha.")
    expect(owner.get_by_test_id("ventas-cantidad")).to_have_text("0")

    worker = new_page()
    log_in_as(worker, shop.worker)
    venta = sell(worker, product, 3, metodo="Tarjeta")

    sale_row = row(owner, "ventas", venta)
    expect(sale_row).to_be_visible()
    expect(cell(sale_row, "Vendedor")).not_to_be_empty()
    expect(cell(sale_row, "Pago")).to_have_text("Tarjeta")
    expect(cell(sale_row, "Estado")).to_have_text("Registrada")
    expect(cell(sale_row, "Total")).to_have_text("S/ 7.50")
    expect(owner.get_by_test_id("ventas-cantidad")).to_have_text("1")
    expect(owner.get_by_test_id("ventas-total")).to_have_text("S/ 7.50")
    assert not_reloaded(owner)


def test_a_sale_that_empties_a_product_raises_an_alert_the_owner_marks_read(new_page, shop):
    product = shop.create_product(f"Atún Florida {suffix()}", "6.80", 2, stock_minimo=1)
    owner = new_page()
    open_live(owner, shop.owner)
    badge = owner.get_by_test_id("notificaciones-badge")
    expect(badge).to_have_accessible_name("Notificaciones: 0 sin leer")
    expect(owner.get_by_test_id("notificaciones-no-leidas")).to_have_count(0)

    worker = new_page()
    open_live(worker, shop.worker)
    venta = sell(worker, product, 2)
    assert shop.product(product["codigo"])["stock"] == 0

    expect(owner.get_by_test_id("notificaciones-no-leidas")).to_have_text("1")
    # Running out is operational: the worker's badge counts it too.
    expect(worker.get_by_test_id("notificaciones-no-leidas")).to_have_text("1")
    expect(badge).to_have_accessible_name("Notificaciones: 1 sin leer")
    assert not_reloaded(owner)
    badge.click()
    expect(owner.get_by_role("heading", name="Notificaciones", level=1)).to_be_visible()
    alert = owner.get_by_test_id("notificacion")
    expect(alert).to_have_count(1)
    expect(alert).to_have_attribute("data-leida", "false")
    expect(alert.get_by_test_id("notificacion-mensaje")).to_have_text(
        f"Stock agotado: {product['nombre']} ({product['codigo']}) se quedó sin unidades "
        f"(VENTA {venta})."
    )
    expect(alert).to_contain_text("Crítica")
    notification_id = alert.get_attribute("data-id")

    alert.get_by_role("button", name="Marcar como leída").click()

    expect(owner.get_by_test_id("notificacion")).to_have_count(0)
    expect(owner.get_by_test_id("notificaciones-vacio")).to_have_text(
        "No tienes notificaciones sin leer."
    )
    expect(owner.get_by_test_id("notificaciones-no-leidas")).to_have_count(0)
    expect(badge).to_have_accessible_name("Notificaciones: 0 sin leer")
    assert shop.unread() == []
    assert shop.unread(shop.worker_token) == []  # read is per shop, whoever reads it
    owner.get_by_label("Solo no leídas").uncheck()
    read = owner.locator(f'[data-testid="notificacion"][data-id="{notification_id}"]')
    expect(read).to_have_attribute("data-leida", "true")
    assert not_reloaded(owner)
    owner.reload()
    expect(owner.get_by_test_id("notificaciones-vacio")).to_be_visible()
