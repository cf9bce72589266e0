"""The worker's till, stock and voids (trabajador app) against the real backend."""

import pytest
from playwright.sync_api import expect

from tests.browser.apps import log_in_as
from tests.browser.caja import (
    add_by_barcode,
    add_by_name,
    cart_line,
    cell,
    go_to,
    row,
    sell,
    stock_in_inventory,
)
from tests.browser.tienda import demo_shop, suffix

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def shop(stack, accounts):
    return demo_shop(stack, accounts)


def test_worker_sells_from_the_till_and_the_stock_and_kardex_follow(page, shop):
    product = shop.create_product(f"Arroz Costeño 1kg {suffix()}", "4.50", 10, stock_minimo=2)
    codigo = product["codigo"]
    log_in_as(page, shop.worker)

    add_by_name(page, product)
    line = cart_line(page, codigo)
    expect(line).to_contain_text(product["nombre"])
    expect(page.get_by_test_id(f"cantidad-{codigo}")).to_have_value("1")
    add_by_barcode(page, product)
    expect(page.get_by_test_id(f"cantidad-{codigo}")).to_have_value("2")
    expect(page.get_by_test_id("carrito-linea")).to_have_count(1)
    page.get_by_label(f"Cantidad de {product['nombre']}", exact=True).fill("3")
    expect(page.get_by_test_id("caja-total")).to_have_text("S/ 13.50")
    page.get_by_label("Método de pago", exact=True).select_option(label="Yape")
    page.get_by_role("button", name="Cobrar", exact=True).click()

    registered = page.get_by_test_id("venta-registrada")
    expect(registered).to_be_visible()
    venta = page.get_by_test_id("venta-codigo").inner_text()
    assert venta.startswith(f"{shop.codigo}V"), venta
    expect(registered).to_contain_text("S/ 13.50")
    expect(registered).to_contain_text("(Yape)")
    expect(page.get_by_test_id("carrito-vacio")).to_be_visible()
    expect(page.get_by_test_id("caja-total")).to_have_text("S/ 0.00")
    sale = shop.api("GET", f"/ventas/{venta}")[1]
    assert (sale["metodo_pago"], sale["total"], sale["estado"]) == ("YAPE", 13.5, "REGISTRADA")
    assert [(i["producto"], i["cantidad"]) for i in sale["items"]] == [(codigo, 3)]

    expect(stock_in_inventory(page, product)).to_have_text("7")
    assert shop.product(codigo)["stock"] == 7

    page.get_by_role("link", name=f"Kardex de {product['nombre']}", exact=True).click()
    expect(page.get_by_role("heading", name="Kardex", level=1)).to_be_visible()
    expect(page.get_by_test_id("producto-stock-actual")).to_have_text("7")
    newest = page.get_by_test_id("kardex-fila").first
    expect(page.get_by_test_id("kardex-fila")).to_have_count(2)
    expect(cell(newest, "Tipo")).to_have_text("Venta")
    expect(cell(newest, "Cantidad")).to_have_text("-3")
    expect(cell(newest, "Saldo")).to_have_text("7")
    expect(cell(newest, "Referencia")).to_have_text(venta)


def test_selling_more_than_the_stock_is_refused_and_nothing_is_sold(page, shop):
    product = shop.create_product(f"Aceite Primor 1l {suffix()}", "11.90", 2)
    codigo = product["codigo"]
    ventas_antes = {v["codigo"] for v in shop.sales_today()}
    log_in_as(page, shop.worker)

    add_by_name(page, product)
    page.get_by_label(f"Cantidad de {product['nombre']}", exact=True).fill("5")
    page.get_by_role("button", name="Cobrar", exact=True).click()

    error = page.get_by_test_id("venta-error")
    expect(error).to_be_visible()
    expect(error).to_have_text(
        f"Stock insuficiente de {codigo} ({product['nombre']}): hay 2, se pidió 5."
    )
    expect(cart_line(page, codigo).get_by_test_id("carrito-linea-error")).to_have_text(
        "Disponible: 2."
    )
    expect(page.get_by_label(f"Cantidad de {product['nombre']}", exact=True)).to_have_attribute(
        "aria-invalid", "true"
    )
    expect(page.get_by_test_id("venta-registrada")).to_have_count(0)
    expect(page.get_by_test_id(f"cantidad-{codigo}")).to_have_value("5")
    expect(page.get_by_role("button", name="Cobrar", exact=True)).to_be_enabled()

    expect(stock_in_inventory(page, product)).to_have_text("2")
    assert shop.product(codigo)["stock"] == 2
    assert [k["tipo"] for k in shop.kardex(codigo)] == ["INICIAL"]
    nuevas = [v for v in shop.sales_today() if v["codigo"] not in ventas_antes]
    assert nuevas == [], nuevas


def test_worker_voids_their_sale_of_the_day_and_the_stock_comes_back(page, shop):
    product = shop.create_product(f"Leche Gloria lata {suffix()}", "4.20", 12)
    codigo = product["codigo"]
    log_in_as(page, shop.worker)
    venta = sell(page, product, 4, metodo="Plin")
    assert shop.product(codigo)["stock"] == 8

    go_to(page, "Ventas del día")
    sale_row = row(page, "ventas", venta)
    expect(cell(sale_row, "Estado")).to_have_text("Registrada")
    expect(cell(sale_row, "Total")).to_have_text("S/ 16.80")
    vigentes = int(page.get_by_test_id("ventas-cantidad").inner_text())
    sale_row.get_by_role("button", name=f"Anular {venta}", exact=True).click()
    dialog = page.get_by_role("dialog", name=f"Anular la venta {venta}")
    expect(dialog).to_contain_text("S/ 16.80")
    dialog.get_by_label("Motivo").fill("El cliente devolvió las latas")
    dialog.get_by_role("button", name="Anular venta", exact=True).click()

    expect(dialog).to_have_count(0)
    expect(cell(sale_row, "Estado")).to_have_text("Anulada")
    expect(sale_row.get_by_role("button", name=f"Anular {venta}")).to_have_count(0)
    expect(page.get_by_test_id("ventas-cantidad")).to_have_text(str(vigentes - 1))
    sale = shop.api("GET", f"/ventas/{venta}")[1]
    assert sale["estado"] == "ANULADA", sale
    assert sale["anulacion"]["motivo"] == "El cliente devolvió las latas"

    sale_row.get_by_role("button", name=f"Ver {venta}", exact=True).click()
    expect(page.get_by_test_id("venta-anulacion")).to_contain_text("El cliente devolvió las latas")

    expect(stock_in_inventory(page, product)).to_have_text("12")
    assert shop.product(codigo)["stock"] == 12
    page.get_by_role("link", name=f"Kardex de {product['nombre']}", exact=True).click()
    newest = page.get_by_test_id("kardex-fila").first
    expect(page.get_by_test_id("kardex-fila")).to_have_count(3)
    expect(cell(newest, "Tipo")).to_have_text("Anulación")
    expect(cell(newest, "Cantidad")).to_have_text("+4")
    expect(cell(newest, "Saldo")).to_have_text("12")
    expect(cell(newest, "Referencia")).to_have_text(venta)
    expect(cell(newest, "Motivo")).to_have_text("El cliente devolvió las latas")
