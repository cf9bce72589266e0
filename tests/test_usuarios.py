"""The owner manages the shop's workers."""

from chalicelib.domain import roles
from tests.conftest import PASSWORD


def _new_worker(api, shop, usuario="lucia", **extra):
    body = {"nombre": "Lucía Caja", "usuario": usuario, "password": PASSWORD, **extra}
    return api.call("POST", "/usuarios", body, token=shop["owner"])


def test_owner_creates_a_worker_who_can_log_in(api, shop):
    response = _new_worker(api, shop, email="lucia@example.com")

    assert response.status_code == 201
    assert response.data["codigo"] == f"{shop['codigo']}U003"
    assert response.data["rol"] == roles.TRABAJADOR
    assert "password_hash" not in response.data
    api.login(roles.TRABAJADOR, "lucia", tienda=shop["codigo"])


def test_login_names_are_unique_within_a_shop_only(api, shop, other_shop):
    assert _new_worker(api, shop).status_code == 201
    duplicate = _new_worker(api, shop)
    assert duplicate.status_code == 409
    assert duplicate.data["campos"][0]["campo"] == "usuario"
    elsewhere = api.call(
        "POST",
        "/usuarios",
        {"nombre": "Otra", "usuario": "lucia", "password": PASSWORD},
        token=other_shop["owner"],
    )
    assert elsewhere.status_code == 201


def test_the_worker_list_shows_active_accounts(api, shop):
    _new_worker(api, shop)

    items = api.call("GET", "/usuarios", token=shop["owner"]).data["items"]

    assert [u["usuario"] for u in items] == ["rosita", "pedro", "lucia"]


def test_changing_a_workers_password_ends_their_sessions(api, shop):
    response = api.call(
        "PATCH",
        f"/usuarios/{shop['worker_code']}",
        {"password": "nueva-clave-1"},
        token=shop["owner"],
    )

    assert response.status_code == 200
    assert api.call("GET", "/me", token=shop["worker"]).status_code == 401
    api.login(roles.TRABAJADOR, "pedro", password="nueva-clave-1", tienda=shop["codigo"])


def test_renaming_a_worker(api, shop):
    response = api.call(
        "PATCH", f"/usuarios/{shop['worker_code']}", {"nombre": "Pedro R."}, token=shop["owner"]
    )

    assert response.data["nombre"] == "Pedro R."
    assert api.call("GET", "/me", token=shop["worker"]).data["nombre"] == "Pedro R."


def test_deleting_a_worker_revokes_their_tokens_and_keeps_the_record(api, shop):
    response = api.call(
        "DELETE", f"/usuarios/{shop['worker_code']}", {"motivo": "Renunció"}, token=shop["owner"]
    )

    assert response.status_code == 204
    assert api.call("GET", "/me", token=shop["worker"]).status_code == 401
    record = api.call("GET", f"/usuarios/{shop['worker_code']}", token=shop["owner"]).data
    assert record["estado"] == "INACTIVO"
    assert record["baja"]["motivo"] == "Renunció"
    listed = api.call("GET", "/usuarios", token=shop["owner"]).data["items"]
    assert shop["worker_code"] not in [u["codigo"] for u in listed]
    login = api.call(
        "POST",
        "/login",
        {
            "rol": "trabajador",
            "codigo_tienda": shop["codigo"],
            "usuario": "pedro",
            "password": PASSWORD,
        },
    )
    assert login.status_code == 401


def test_a_deleted_workers_login_name_can_be_given_to_someone_new(api, shop):
    api.call("DELETE", f"/usuarios/{shop['worker_code']}", token=shop["owner"])

    assert _new_worker(api, shop, usuario="pedro").status_code == 201


def test_deleting_twice_answers_404(api, shop):
    api.call("DELETE", f"/usuarios/{shop['worker_code']}", token=shop["owner"])

    assert (
        api.call("DELETE", f"/usuarios/{shop['worker_code']}", token=shop["owner"]).status_code
        == 404
    )


def test_the_owner_account_is_not_changed_or_deleted_through_worker_routes(api, shop):
    owner_code = f"{shop['codigo']}U001"

    assert api.call("DELETE", f"/usuarios/{owner_code}", token=shop["owner"]).status_code == 409
    assert (
        api.call(
            "PATCH", f"/usuarios/{owner_code}", {"nombre": "x"}, token=shop["owner"]
        ).status_code
        == 409
    )


def test_workers_cannot_manage_accounts(api, shop):
    assert api.call("GET", "/usuarios", token=shop["worker"]).status_code == 403
    assert _new_worker(api, {**shop, "owner": shop["worker"]}).status_code == 403
