"""Signing in and out of the three apps with the seeded accounts."""

import pytest
from playwright.sync_api import expect

from tests.browser.apps import APPS, fill_login, log_in_as, open_app, stored_token

pytestmark = pytest.mark.browser

HEADER_SHOP = {"saai": "Plataforma", "admin": "T001", "trabajador": "T001"}
LANDING = {"saai": "Tiendas", "admin": "Ventas de hoy", "trabajador": "Caja"}


@pytest.mark.parametrize("app", APPS)
def test_seeded_account_signs_in_and_lands_on_the_first_screen(page, accounts, stack, app):
    cred = accounts[app]
    log_in_as(page, cred)

    expect(page.get_by_test_id("header-tienda")).to_have_text(HEADER_SHOP[app])
    status, me, _ = stack.request("GET", "/me", token=stored_token(page, app))
    assert status == 200
    expect(page.get_by_test_id("header-usuario")).to_have_text(me["nombre"])
    nav = page.get_by_role("navigation", name="Secciones")
    expect(nav.get_by_role("link", name=LANDING[app])).to_have_attribute("aria-current", "page")


@pytest.mark.parametrize("app", APPS)
def test_wrong_password_shows_the_error_and_keeps_the_form(page, accounts, app):
    cred = accounts[app]
    open_app(page, app)
    fill_login(page, cred.usuario, "no-es-la-clave", cred.tienda)

    error = page.get_by_test_id("login-error")
    expect(error).to_be_visible()
    expect(error).to_have_text("Usuario, contraseña o tienda incorrectos.")
    expect(page.get_by_label("Contraseña", exact=True)).to_have_value("")
    expect(page.get_by_test_id("cerrar-sesion")).to_have_count(0)
    assert stored_token(page, app) is None


@pytest.mark.parametrize("app", APPS)
def test_logout_returns_to_login_and_revokes_the_token(page, accounts, stack, app):
    log_in_as(page, accounts[app])
    token = stored_token(page, app)
    assert stack.request("GET", "/me", token=token)[0] == 200

    page.get_by_role("button", name="Cerrar sesión").click()

    expect(page.get_by_role("heading", name="Ingresar")).to_be_visible()
    expect(page.get_by_test_id("login-ingresar")).to_be_enabled()
    assert stored_token(page, app) is None
    status, body, _ = stack.request("GET", "/me", token=token)
    assert status == 401, body
    page.reload()
    expect(page.get_by_role("heading", name="Ingresar")).to_be_visible()
    expect(page.get_by_test_id("cerrar-sesion")).to_have_count(0)
