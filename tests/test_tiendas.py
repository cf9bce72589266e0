"""The platform opens, lists, changes, suspends and deletes shops."""

from chalicelib.domain import roles
from tests.conftest import PASSWORD, open_shop


def test_opening_a_shop_creates_it_with_its_first_owner_account(api, saai_token):
    shop = open_shop(api, saai_token)

    assert shop["codigo_tienda"] == "T001"
    assert shop["estado"] == "ACTIVA"
    assert shop["administrador"]["codigo"] == "T001U001"
    token = api.login(roles.ADMINISTRADOR, "rosita", tienda="T001")
    assert api.call("GET", "/me", token=token).data["rol"] == roles.ADMINISTRADOR


def test_shop_codes_grow_in_order(api, saai_token):
    codes = [
        open_shop(api, saai_token, nombre=f"Tienda {i}", usuario=f"dueno{i}")["codigo"]
        for i in range(3)
    ]

    assert codes == ["T001", "T002", "T003"]


def test_the_shop_list_pages_through_every_shop(api, saai_token):
    for i in range(5):
        open_shop(api, saai_token, nombre=f"Tienda {i}", usuario=f"dueno{i}")

    seen, siguiente = [], None
    while True:
        path = "/tiendas?limite=2" + (f"&siguiente={siguiente}" if siguiente else "")
        page = api.call("GET", path, token=saai_token).data
        seen += [t["codigo"] for t in page["items"]]
        siguiente = page["siguiente"]
        if not siguiente:
            break

    assert seen == ["T001", "T002", "T003", "T004", "T005"]


def test_rename_and_read_a_shop(api, saai_token):
    open_shop(api, saai_token)

    renamed = api.call("PATCH", "/tiendas/T001", {"nombre": "Bodega Rosita II"}, token=saai_token)

    assert renamed.status_code == 200
    assert api.call("GET", "/tiendas/T001", token=saai_token).data["nombre"] == "Bodega Rosita II"


def test_suspending_a_shop_stops_logins_and_live_tokens(api, saai_token, shop):
    response = api.call(
        "PATCH", f"/tiendas/{shop['codigo']}", {"estado": "SUSPENDIDA"}, token=saai_token
    )

    assert response.data["estado"] == "SUSPENDIDA"
    assert api.call("GET", "/me", token=shop["owner"]).status_code == 401
    login = api.call(
        "POST",
        "/login",
        {
            "rol": "administrador",
            "codigo_tienda": shop["codigo"],
            "usuario": "rosita",
            "password": PASSWORD,
        },
    )
    assert login.status_code == 403
    assert login.data["error"] == "TIENDA_NO_ACTIVA"


def test_a_reactivated_shop_works_again(api, saai_token, shop):
    api.call("PATCH", f"/tiendas/{shop['codigo']}", {"estado": "SUSPENDIDA"}, token=saai_token)
    api.call("PATCH", f"/tiendas/{shop['codigo']}", {"estado": "ACTIVA"}, token=saai_token)

    token = api.login(roles.ADMINISTRADOR, "rosita", tienda=shop["codigo"])
    assert api.call("GET", "/me", token=token).status_code == 200


def test_a_suspended_shop_with_a_wrong_password_still_gets_the_generic_401(api, saai_token, shop):
    api.call("PATCH", f"/tiendas/{shop['codigo']}", {"estado": "SUSPENDIDA"}, token=saai_token)

    login = api.call(
        "POST",
        "/login",
        {
            "rol": "administrador",
            "codigo_tienda": shop["codigo"],
            "usuario": "rosita",
            "password": "mala-123456",
        },
    )
    assert login.status_code == 401


def test_deleting_a_shop_is_soft_and_revokes_its_tokens(api, saai_token, shop):
    response = api.call(
        "DELETE", f"/tiendas/{shop['codigo']}", {"motivo": "Cerró el local"}, token=saai_token
    )

    assert response.status_code == 204
    record = api.call("GET", f"/tiendas/{shop['codigo']}", token=saai_token).data
    assert record["estado"] == "INACTIVO"
    assert record["baja"]["motivo"] == "Cerró el local"
    assert record["baja"]["por"] == "SAAIU001"
    assert api.call("GET", "/me", token=shop["worker"]).status_code == 401
    listed = api.call("GET", "/tiendas", token=saai_token).data["items"]
    assert shop["codigo"] not in [t["codigo"] for t in listed]


def test_a_deleted_shop_cannot_be_reactivated(api, saai_token, shop):
    api.call("DELETE", f"/tiendas/{shop['codigo']}", token=saai_token)

    response = api.call(
        "PATCH", f"/tiendas/{shop['codigo']}", {"estado": "ACTIVA"}, token=saai_token
    )

    assert response.status_code == 409


def test_unknown_shop_answers_404(api, saai_token):
    for path in ("/tiendas/T404", "/tiendas/nada"):
        assert api.call("GET", path, token=saai_token).status_code == 404


def test_only_the_platform_manages_shops(api, shop):
    for token in (shop["owner"], shop["worker"]):
        assert api.call("GET", "/tiendas", token=token).status_code == 403
        assert api.call("POST", "/tiendas", {"nombre": "x"}, token=token).status_code == 403
