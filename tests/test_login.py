"""Login, logout and repeated failures."""

import pytest

from chalicelib.domain import roles
from tests.conftest import PASSWORD


def _login(api, **overrides):
    body = {"rol": roles.ADMINISTRADOR, "usuario": "rosita", "password": PASSWORD, **overrides}
    return api.call("POST", "/login", body)


def test_owner_login_answers_token_expiry_and_account(api, shop):
    response = _login(api, codigo_tienda=shop["codigo"])

    assert response.status_code == 200
    assert response.data["expira_en"].endswith("-05:00")
    assert response.data["usuario"]["codigo_tienda"] == shop["codigo"]
    assert "password_hash" not in str(response.data)


@pytest.mark.parametrize(
    "overrides",
    [
        {"password": "otra-clave-999"},
        {"usuario": "nadie"},
        {"codigo_tienda": "T999"},
        {"codigo_tienda": "X1"},
        {"rol": roles.TRABAJADOR},
    ],
)
def test_every_wrong_credential_gets_the_same_401(api, shop, overrides):
    response = _login(api, **{"codigo_tienda": shop["codigo"], **overrides})

    assert response.status_code == 401
    assert response.data == {
        "error": "CREDENCIALES_INVALIDAS",
        "mensaje": "Usuario, contraseña o tienda incorrectos.",
        "campos": [],
    }


def test_repeated_failures_on_one_account_answer_429_even_with_the_right_password(api, shop):
    for _ in range(5):
        assert _login(api, codigo_tienda=shop["codigo"], password="mala-clave-1").status_code == 401

    blocked = _login(api, codigo_tienda=shop["codigo"])

    assert blocked.status_code == 429
    assert blocked.data["error"] == "DEMASIADOS_INTENTOS"


def test_failures_on_one_account_do_not_block_another(api, shop):
    for _ in range(5):
        _login(api, codigo_tienda=shop["codigo"], password="mala-clave-1")

    other = api.call(
        "POST",
        "/login",
        {
            "rol": "trabajador",
            "codigo_tienda": shop["codigo"],
            "usuario": "pedro",
            "password": PASSWORD,
        },
    )
    assert other.status_code == 200


def test_logout_revokes_the_token_at_once(api, shop):
    assert api.call("POST", "/logout", token=shop["worker"]).status_code == 204

    assert api.call("GET", "/me", token=shop["worker"]).status_code == 401


def test_logout_leaves_the_users_other_sessions_alone(api, shop):
    second = api.login(roles.ADMINISTRADOR, "rosita", tienda=shop["codigo"])

    api.call("POST", "/logout", token=shop["owner"])

    assert api.call("GET", "/me", token=second).status_code == 200


def test_platform_login_needs_no_shop_code(api, saai_token):
    assert api.call("GET", "/me", token=saai_token).data["codigo"] == "SAAIU001"


def test_shop_roles_must_name_their_shop(api, shop):
    response = _login(api)

    assert response.status_code == 400
    assert response.data["campos"] == [
        {"campo": "codigo_tienda", "mensaje": "Es obligatorio para este rol."}
    ]
