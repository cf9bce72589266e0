"""F12: bad input answers 400 with the field and the reason, never a 500."""

import pytest

from tests.conftest import PASSWORD

ADMIN = {"nombre": "Dueña", "usuario": "duena", "password": PASSWORD, "email": "d@x.pe"}


@pytest.mark.parametrize(
    "raw",
    ['{"nombre": "x",', "no es json", "[1, 2]", '"texto"', "", '{"nombre": "\\ud800"}'],
)
def test_malformed_json_answers_400(api, saai_token, raw):
    response = api.call("POST", "/tiendas", token=saai_token, raw=raw)

    assert response.status_code == 400
    assert response.data["campos"]


@pytest.mark.parametrize(
    ("body", "campo"),
    [
        ({"administrador": ADMIN}, "nombre"),
        ({"nombre": "", "administrador": ADMIN}, "nombre"),
        ({"nombre": 12, "administrador": ADMIN}, "nombre"),
        ({"nombre": "x"}, "administrador"),
        (
            {"nombre": "x", "administrador": {**ADMIN, "email": "no-es-correo"}},
            "administrador.email",
        ),
        (
            {"nombre": "x", "administrador": {**ADMIN, "password": "corta"}},
            "administrador.password",
        ),
        (
            {"nombre": "x", "administrador": {**ADMIN, "usuario": "con espacio"}},
            "administrador.usuario",
        ),
        ({"nombre": "x", "ruc": "123", "administrador": ADMIN}, "ruc"),
        ({"nombre": "x", "administrador": "dos"}, "administrador"),
    ],
)
def test_each_bad_field_is_named(api, saai_token, body, campo):
    response = api.call("POST", "/tiendas", body, token=saai_token)

    assert response.status_code == 400
    assert campo in [c["campo"] for c in response.data["campos"]]
    assert all(c["mensaje"] for c in response.data["campos"])
    assert api.call("GET", "/tiendas", token=saai_token).data["items"] == []


def test_every_missing_field_is_reported_at_once(api, saai_token):
    response = api.call("POST", "/tiendas", {"administrador": {}}, token=saai_token)

    campos = {c["campo"] for c in response.data["campos"]}
    assert {
        "nombre",
        "administrador.nombre",
        "administrador.usuario",
        "administrador.password",
    } <= campos


@pytest.mark.parametrize(
    "body",
    [{}, {"estado": "BORRADA"}, {"nombre": ""}],
)
def test_bad_shop_changes_answer_400(api, saai_token, shop, body):
    response = api.call("PATCH", f"/tiendas/{shop['codigo']}", body, token=saai_token)

    assert response.status_code == 400


@pytest.mark.parametrize("limite", ["0", "201", "dos", "-1"])
def test_bad_page_sizes_answer_400(api, saai_token, limite):
    response = api.call("GET", f"/tiendas?limite={limite}", token=saai_token)

    assert response.status_code == 400
    assert response.data["campos"][0]["campo"] == "limite"


@pytest.mark.parametrize("siguiente", ["@@@", "e30", "bm8tanNvbg"])
def test_forged_page_tokens_answer_400(api, saai_token, siguiente):
    response = api.call("GET", f"/tiendas?siguiente={siguiente}", token=saai_token)

    assert response.status_code == 400


@pytest.mark.parametrize(
    "body",
    [
        {"rol": "jefe", "usuario": "x", "password": "y"},
        {"rol": "saai"},
        {"usuario": "x", "password": "y"},
    ],
)
def test_bad_login_bodies_answer_400(api, body):
    response = api.call("POST", "/login", body)

    assert response.status_code == 400
    assert response.data["error"] == "DATOS_INVALIDOS"
