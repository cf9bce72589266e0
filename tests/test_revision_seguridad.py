"""Holes found by attacking the product: races, odd input and leaks."""

import base64
import json
import threading

import pytest

from chalicelib import clock
from chalicelib.adapters import dynamo, tokens
from chalicelib.domain import roles
from chalicelib.domain.models import LoginIn
from chalicelib.errors import InvalidCredentialsError, TooManyAttemptsError
from chalicelib.services import auth, cuentas
from tests.conftest import PASSWORD


def test_a_burst_of_parallel_logins_checks_at_most_the_allowed_passwords(api, shop):
    results = []

    def attempt(password):
        body = LoginIn(
            rol="trabajador", codigo_tienda=shop["codigo"], usuario="pedro", password=password
        )
        try:
            auth.login(body)
            results.append("ok")
        except TooManyAttemptsError:
            results.append(429)
        except InvalidCredentialsError:
            results.append(401)

    threads = [threading.Thread(target=attempt, args=(f"mala-clave-{i}",)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert results.count(401) <= 5
    assert results.count(429) >= 7


def test_the_429_says_when_to_try_again(api, shop):
    body = {
        "rol": "trabajador",
        "codigo_tienda": shop["codigo"],
        "usuario": "pedro",
        "password": "mala-1234",
    }
    for _ in range(5):
        api.call("POST", "/login", body)

    response = api.call("POST", "/login", body)

    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 15 * 60


def test_a_token_for_an_account_deleted_during_login_is_not_issued(api, shop):
    account = cuentas.get(shop["codigo"], shop["worker_code"])
    cuentas.deactivate(shop["codigo"], shop["worker_code"], "Renunció", por="prueba")
    _, claims = tokens.issue(account["codigo"], roles.TRABAJADOR, shop["codigo"], clock.now(), 60)

    with pytest.raises(InvalidCredentialsError):
        auth._record_token(account, claims, clock.now())


def test_a_token_checked_against_an_old_password_is_not_issued(api, shop):
    account = cuentas.get(shop["codigo"], shop["worker_code"])
    cuentas.update(
        shop["codigo"], shop["worker_code"], {"password": "clave-nueva-99"}, por="prueba"
    )
    _, claims = tokens.issue(account["codigo"], roles.TRABAJADOR, shop["codigo"], clock.now(), 60)

    with pytest.raises(InvalidCredentialsError):
        auth._record_token(account, claims, clock.now())


def test_reactivating_a_suspended_shop_does_not_bring_old_sessions_back(api, saai_token, shop):
    path = f"/tiendas/{shop['codigo']}"
    api.call("PATCH", path, {"estado": "SUSPENDIDA"}, token=saai_token)
    api.call("PATCH", path, {"estado": "ACTIVA"}, token=saai_token)

    assert api.call("GET", "/me", token=shop["owner"]).status_code == 401
    api.login(roles.ADMINISTRADOR, "rosita", tienda=shop["codigo"])


@pytest.mark.parametrize(
    "body",
    [
        {"nombre": None},
        {"estado": None},
        {"email_administrador": ""},
        {"email_administrador": None},
    ],
)
def test_null_or_blank_required_shop_fields_answer_400(api, saai_token, shop, body):
    response = api.call("PATCH", f"/tiendas/{shop['codigo']}", body, token=saai_token)

    assert response.status_code == 400
    assert (
        api.call("GET", f"/tiendas/{shop['codigo']}", token=saai_token).data["estado"] == "ACTIVA"
    )


@pytest.mark.parametrize("body", [{"nombre": None}, {"password": None}])
def test_null_worker_fields_answer_400(api, shop, body):
    response = api.call("PATCH", f"/usuarios/{shop['worker_code']}", body, token=shop["owner"])

    assert response.status_code == 400


def test_the_owner_email_can_be_changed(api, saai_token, shop):
    response = api.call(
        "PATCH",
        f"/tiendas/{shop['codigo']}",
        {"email_administrador": "Nueva@Example.com"},
        token=saai_token,
    )

    assert response.status_code == 200
    assert response.data["administrador"]["email"] == "nueva@example.com"


@pytest.mark.parametrize("suffix", ["U0001", "U000000001", "U1"])
def test_a_record_answers_to_one_code_only(api, shop, suffix):
    response = api.call("GET", f"/usuarios/{shop['codigo']}{suffix}", token=shop["owner"])

    assert response.status_code == 404


@pytest.mark.parametrize("entity_id", ["LOGIN#pedro", "", "ZZZ", "U#" + "9" * 300])
def test_a_page_token_pointing_outside_the_list_is_refused(api, shop, entity_id):
    raw = json.dumps({"tenant_id": shop["codigo"], "entity_id": entity_id}).encode()
    cursor = base64.urlsafe_b64encode(raw).decode().rstrip("=")

    response = api.call("GET", f"/usuarios?siguiente={cursor}", token=shop["owner"])

    assert response.status_code == 400


def test_deeply_nested_json_answers_400_even_before_login(api):
    response = api.call("POST", "/login", raw="[" * 100_000 + "]" * 100_000)

    assert response.status_code == 400


def test_an_oversized_body_answers_413(api, shop):
    body = {"nombre": "x" * 300_000, "usuario": "grande", "password": PASSWORD}

    response = api.call("POST", "/usuarios", body, token=shop["owner"])

    assert response.status_code == 413


def test_passwords_are_taken_exactly_as_typed(api, shop):
    spaced = "  con espacios  "
    api.call(
        "POST",
        "/usuarios",
        {"nombre": "Eva", "usuario": "eva", "password": spaced},
        token=shop["owner"],
    )

    api.login(roles.TRABAJADOR, "eva", password=spaced, tienda=shop["codigo"])
    trimmed = api.call(
        "POST",
        "/login",
        {
            "rol": "trabajador",
            "codigo_tienda": shop["codigo"],
            "usuario": "eva",
            "password": spaced.strip(),
        },
    )
    assert trimmed.status_code == 401


@pytest.mark.parametrize(
    ("field", "value"), [("nombre", "Ana\x00"), ("nombre", "Ana\u202e"), ("usuario", "\u212aelvin")]
)
def test_control_characters_and_lookalike_logins_are_refused(api, shop, field, value):
    body = {"nombre": "Ana", "usuario": "ana", "password": PASSWORD, field: value}

    response = api.call("POST", "/usuarios", body, token=shop["owner"])

    assert response.status_code == 400
    assert response.data["campos"][0]["campo"] == field


def test_a_failed_aws_call_names_no_internal_detail(api):
    from chalicelib.adapters.aws import client
    from chalicelib.config import settings

    client("dynamodb").delete_table(TableName=settings().table("t_tiendas"))

    response = api.call("GET", "/salud")

    assert response.status_code == 503
    assert "dynamo" not in response.data["mensaje"].lower()


def test_a_patch_racing_a_delete_answers_404_not_500(api, shop):
    record = cuentas.get(shop["codigo"], shop["worker_code"])
    cuentas.deactivate(shop["codigo"], shop["worker_code"], "x", por="prueba")
    dynamo.update(
        "t_usuarios",
        shop["codigo"],
        record["clave"],
        dynamo.Update(set_fields={"estado": "ACTIVO"}),
    )
    dynamo.update(
        "t_usuarios",
        shop["codigo"],
        record["clave"],
        dynamo.Update(set_fields={"estado": "INACTIVO"}),
    )

    response = api.call(
        "PATCH", f"/usuarios/{shop['worker_code']}", {"nombre": "N"}, token=shop["owner"]
    )

    assert response.status_code == 404
