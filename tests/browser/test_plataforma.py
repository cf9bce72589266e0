"""The platform operator's shops screen (saai app) against the real backend."""

import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.browser.apps import fill_login, log_in, log_in_as, open_app, stored_token

pytestmark = pytest.mark.browser


def shop_row(page: Page, codigo: str):
    return page.get_by_test_id("tiendas").locator(
        f'[data-testid="tiendas-fila"][data-codigo="{codigo}"]'
    )


def create_shop(page: Page, nombre: str, usuario: str, password: str) -> str:
    """Fills the new-shop form with its first owner and returns the new shop's code."""
    page.get_by_role("button", name="Nueva tienda").click()
    form = page.get_by_role("form", name="Nueva tienda")
    form.get_by_label("Nombre de la tienda").fill(nombre)
    form.get_by_label("RUC").fill("20123456789")
    form.get_by_label("Dirección").fill("Jr. Huallaga 456, Lima")
    form.get_by_label("Nombre del administrador").fill(f"Dueño de {nombre}")
    form.get_by_label("Usuario del administrador").fill(usuario)
    form.get_by_label("Contraseña del administrador").fill(password)
    form.get_by_label("Correo del administrador").fill(f"{usuario}@example.pe")
    form.get_by_role("button", name="Crear tienda").click()

    expect(page.get_by_test_id("tienda-creada")).to_be_visible()
    expect(form).to_have_count(0)
    codigo = page.get_by_test_id("tienda-creada-codigo").inner_text()
    assert codigo.startswith("T") and codigo != "T001", codigo
    return codigo


def test_shop_list_shows_the_demo_shop(page, accounts):
    log_in_as(page, accounts["saai"])

    row = shop_row(page, "T001")
    expect(row).to_be_visible()
    expect(row).to_contain_text("Bodega Doña Rosa (demo)")
    expect(row.get_by_test_id("tienda-estado")).to_have_text("Activa")
    expect(row.get_by_role("button", name="Suspender T001")).to_be_visible()


def test_new_shop_owner_signs_in_until_the_shop_is_suspended(new_page, accounts, stack):
    sufijo = uuid.uuid4().hex[:6]
    nombre, usuario, password = f"Bodega Prueba {sufijo}", f"dueno{sufijo}", "clave-dueno-1"
    operator = new_page()
    log_in_as(operator, accounts["saai"])

    codigo = create_shop(operator, nombre, usuario, password)
    row = shop_row(operator, codigo)
    expect(row).to_contain_text(nombre)
    expect(row).to_contain_text(usuario)
    expect(row.get_by_test_id("tienda-estado")).to_have_text("Activa")

    owner = new_page()
    log_in(owner, "admin", usuario, password, codigo)
    expect(owner.get_by_test_id("header-tienda")).to_have_text(codigo)
    expect(owner.get_by_test_id("header-usuario")).to_have_text(f"Dueño de {nombre}")
    owner_token = stored_token(owner, "admin")
    owner.get_by_role("link", name="Trabajadores").click()
    owner_rows = owner.get_by_test_id("trabajadores-fila")
    expect(owner_rows).to_have_count(1)
    expect(owner_rows).to_contain_text(usuario)

    row.get_by_role("button", name=f"Suspender {codigo}").click()
    dialog = operator.get_by_role("dialog", name=f"Suspender {codigo}")
    expect(dialog).to_contain_text(nombre)
    dialog.get_by_role("button", name="Suspender tienda").click()
    expect(dialog).to_have_count(0)
    expect(row.get_by_test_id("tienda-estado")).to_have_text("Suspendida")
    expect(row.get_by_role("button", name=f"Reactivar {codigo}")).to_be_visible()
    expect(row.get_by_role("button", name=f"Suspender {codigo}")).to_have_count(0)

    operator.reload()
    expect(shop_row(operator, codigo).get_by_test_id("tienda-estado")).to_have_text("Suspendida")

    status, body, _ = stack.request("GET", "/me", token=owner_token)
    assert status in (401, 403), (status, body)
    owner.reload()
    refused = owner.get_by_test_id("mensaje-error").or_(
        owner.get_by_role("heading", name="Ingresar")
    )
    expect(refused).to_be_visible()
    expect(owner_rows).to_have_count(0)

    retry = new_page()
    open_app(retry, "admin")
    fill_login(retry, usuario, password, codigo)
    expect(retry.get_by_test_id("login-error")).to_have_text(
        "La tienda no está activa. Comuníquese con SAAI."
    )
    expect(retry.get_by_test_id("cerrar-sesion")).to_have_count(0)


def test_reactivated_shop_lets_its_owner_back_in(new_page, accounts):
    sufijo = uuid.uuid4().hex[:6]
    usuario, password = f"duena{sufijo}", "clave-duena-1"
    operator = new_page()
    log_in_as(operator, accounts["saai"])
    codigo = create_shop(operator, f"Minimarket {sufijo}", usuario, password)
    row = shop_row(operator, codigo)
    row.get_by_role("button", name=f"Suspender {codigo}").click()
    operator.get_by_role("dialog", name=f"Suspender {codigo}").get_by_role(
        "button", name="Suspender tienda"
    ).click()
    expect(row.get_by_test_id("tienda-estado")).to_have_text("Suspendida")

    row.get_by_role("button", name=f"Reactivar {codigo}").click()

    expect(row.get_by_test_id("tienda-estado")).to_have_text("Activa")
    owner = new_page()
    log_in(owner, "admin", usuario, password, codigo)
    expect(owner.get_by_test_id("header-tienda")).to_have_text(codigo)
