"""What a person does on any of the three apps, shared by the browser tests."""

from playwright.sync_api import Page, expect

APPS = ("saai", "admin", "trabajador")
SESSION_KEY = {app: f"saai.sesion.{app}" for app in APPS}


def open_app(page: Page, app: str) -> None:
    page.goto(f"/{app}/")
    expect(page.get_by_role("heading", name="Ingresar")).to_be_visible()


def fill_login(page: Page, usuario: str, password: str, tienda: str | None = None) -> None:
    if tienda is not None:
        page.get_by_label("Código de tienda", exact=True).fill(tienda)
    page.get_by_label("Usuario", exact=True).fill(usuario)
    page.get_by_label("Contraseña", exact=True).fill(password)
    page.get_by_role("button", name="Ingresar").click()


def log_in(page: Page, app: str, usuario: str, password: str, tienda: str | None = None) -> None:
    """Opens the app's login form, signs in and waits for the signed-in header."""
    open_app(page, app)
    fill_login(page, usuario, password, tienda)
    expect(page.get_by_test_id("cerrar-sesion")).to_be_visible()


def log_in_as(page: Page, cred) -> None:
    log_in(page, cred.app, cred.usuario, cred.password, cred.tienda)


def stored_token(page: Page, app: str) -> str | None:
    """The token the app keeps for its signed-in person, as the app stored it."""
    return page.evaluate(
        "key => { const s = JSON.parse(localStorage.getItem(key) || 'null');"
        " return s ? s.token : null; }",
        SESSION_KEY[app],
    )
