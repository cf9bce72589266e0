"""The owner's workers screen (admin app) against the real backend."""

import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.browser.apps import fill_login, log_in, log_in_as, open_app, stored_token

pytestmark = pytest.mark.browser


def open_workers(page: Page, owner) -> None:
    log_in_as(page, owner)
    page.get_by_role("navigation", name="Secciones").get_by_role(
        "link", name="Trabajadores"
    ).click()
    expect(page.get_by_role("heading", name="Trabajadores", level=1)).to_be_visible()


def worker_row(page: Page, usuario: str):
    rows = page.get_by_test_id("trabajadores").get_by_test_id("trabajadores-fila")
    return rows.filter(has=page.get_by_role("cell", name=usuario, exact=True))


def create_worker(page: Page, nombre: str, usuario: str, password: str):
    page.get_by_role("button", name="Nuevo trabajador").click()
    form = page.get_by_role("form", name="Nuevo trabajador")
    form.get_by_label("Nombre").fill(nombre)
    form.get_by_label("Usuario").fill(usuario)
    form.get_by_label("Contraseña").fill(password)
    form.get_by_label("Correo").fill(f"{usuario}@example.pe")
    form.get_by_role("button", name="Crear trabajador").click()
    return form


def test_owner_creates_edits_and_deletes_a_worker(new_page, accounts, stack):
    sufijo = uuid.uuid4().hex[:6]
    usuario, password = f"vendedor{sufijo}", "clave-vende-1"
    owner = new_page()
    open_workers(owner, accounts["admin"])

    form = create_worker(owner, "Lucía Ramos", usuario, password)

    expect(form).to_have_count(0)
    notice = owner.get_by_test_id("trabajadores-aviso")
    expect(notice).to_contain_text(f"Trabajador {usuario} creado con el código T001U")
    row = worker_row(owner, usuario)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Lucía Ramos")
    expect(row).to_contain_text(f"{usuario}@example.pe")
    codigo = row.get_attribute("data-codigo")
    assert codigo and codigo.startswith("T001U"), codigo
    expect(notice).to_contain_text(codigo)

    worker = new_page()
    log_in(worker, "trabajador", usuario, password, "T001")
    expect(worker.get_by_test_id("header-usuario")).to_have_text("Lucía Ramos")
    worker_token = stored_token(worker, "trabajador")

    row.get_by_role("button", name=f"Editar {usuario}").click()
    edit = owner.get_by_role("form", name=f"Editar a {usuario}")
    expect(edit.get_by_label("Nombre")).to_have_value("Lucía Ramos")
    edit.get_by_label("Nombre").fill("Lucía Ramos Quispe")
    edit.get_by_role("button", name="Guardar cambios").click()

    expect(edit).to_have_count(0)
    expect(notice).to_have_text(f"Cambios de {usuario} guardados.")
    expect(row).to_contain_text("Lucía Ramos Quispe")
    owner.reload()
    expect(worker_row(owner, usuario)).to_contain_text("Lucía Ramos Quispe")
    status, me, _ = stack.request("GET", "/me", token=worker_token)
    assert (status, me["nombre"]) == (200, "Lucía Ramos Quispe")

    worker_row(owner, usuario).get_by_role("button", name=f"Eliminar {usuario}").click()
    dialog = owner.get_by_role("dialog", name="Eliminar a Lucía Ramos Quispe")
    dialog.get_by_label("Motivo").fill("Terminó su contrato de temporada")
    dialog.get_by_role("button", name="Eliminar trabajador").click()

    expect(dialog).to_have_count(0)
    expect(notice).to_have_text(f"{usuario} fue dado de baja.")
    expect(worker_row(owner, usuario)).to_have_count(0)
    owner.reload()
    expect(owner.get_by_test_id("trabajadores-fila").first).to_be_visible()
    expect(worker_row(owner, usuario)).to_have_count(0)

    assert stack.request("GET", "/me", token=worker_token)[0] == 401
    again = new_page()
    open_app(again, "trabajador")
    fill_login(again, usuario, password, "T001")
    expect(again.get_by_test_id("login-error")).to_have_text(
        "Usuario, contraseña o tienda incorrectos."
    )


def test_a_taken_username_is_shown_beside_its_field(page, accounts):
    open_workers(page, accounts["admin"])

    form = create_worker(page, "Otro Cajero", accounts["trabajador"].usuario, "clave-otra-1")

    usuario = form.get_by_label("Usuario")
    expect(usuario).to_have_attribute("aria-invalid", "true")
    expect(usuario).to_have_accessible_description("Ya existe en esta tienda.")
    expect(form.get_by_test_id("mensaje-error")).to_have_text(
        f"El usuario {accounts['trabajador'].usuario} ya existe en esta tienda."
    )
    expect(form.get_by_role("button", name="Crear trabajador")).to_be_enabled()
    expect(worker_row(page, accounts["trabajador"].usuario)).to_have_count(1)


def test_the_owner_is_listed_without_worker_actions(page, accounts):
    owner = accounts["admin"]
    open_workers(page, owner)

    row = worker_row(page, owner.usuario)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Rosa Quispe")
    expect(row.get_by_role("button")).to_have_count(0)
    cajero = worker_row(page, accounts["trabajador"].usuario)
    expect(
        cajero.get_by_role("button", name=f"Editar {accounts['trabajador'].usuario}")
    ).to_be_visible()
