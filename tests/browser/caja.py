"""What a worker does at the till and on the stock screens, shared by the tests."""

import re

from playwright.sync_api import Locator, Page, expect


def go_to(page: Page, section: str) -> None:
    """Follows a link of the sections bar and waits for the screen's title."""
    page.get_by_role("navigation", name="Secciones").get_by_role(
        "link", name=section, exact=True
    ).click()
    expect(page.get_by_role("heading", name=section, level=1)).to_be_visible()


def row(page: Page, table: str, codigo: str) -> Locator:
    return page.get_by_test_id(table).locator(
        f'[data-testid="{table}-fila"][data-codigo="{codigo}"]'
    )


def cell(row_: Locator, header: str) -> Locator:
    return row_.locator(f'td[data-label="{header}"]')


def search_box(page: Page) -> Locator:
    return page.get_by_label("Buscar producto", exact=True)


def add_by_name(page: Page, product: dict) -> None:
    """Types the name, checks the result offered and adds it with its button."""
    search_box(page).fill(product["nombre"])
    result = page.get_by_test_id("caja-resultados").locator(
        f'[data-testid="caja-resultado"][data-codigo="{product["codigo"]}"]'
    )
    expect(result).to_contain_text(product["nombre"])
    page.get_by_role("button", name=f"Agregar {product['nombre']}", exact=True).click()
    expect(search_box(page)).to_have_value("")


def add_by_barcode(page: Page, product: dict) -> None:
    """What a scanner does: the code, then Enter."""
    search_box(page).fill(product["codigo_barras"])
    search_box(page).press("Enter")
    expect(search_box(page)).to_have_value("")


def cart_line(page: Page, codigo: str) -> Locator:
    return page.get_by_test_id("carrito").locator(
        f'[data-testid="carrito-linea"][data-codigo="{codigo}"]'
    )


def sell(page: Page, product: dict, cantidad: int, metodo: str = "Efectivo") -> str:
    """Sells `cantidad` of one product from the till and returns the sale's code."""
    add_by_name(page, product)
    page.get_by_label(f"Cantidad de {product['nombre']}", exact=True).fill(str(cantidad))
    page.get_by_label("Método de pago", exact=True).select_option(label=metodo)
    page.get_by_role("button", name="Cobrar", exact=True).click()
    expect(page.get_by_test_id("venta-registrada")).to_be_visible()
    codigo = page.get_by_test_id("venta-codigo").inner_text()
    assert re.fullmatch(r"T\d{3,}V\d{3,}", codigo), codigo
    return codigo


def stock_in_inventory(page: Page, product: dict) -> Locator:
    """Opens Inventario filtered by the product's name; returns its stock cell."""
    go_to(page, "Inventario")
    page.get_by_label("Buscar", exact=True).fill(product["nombre"])
    found = row(page, "productos", product["codigo"])
    expect(page.get_by_test_id("productos-fila")).to_have_count(1)
    return found.get_by_test_id("producto-stock")
