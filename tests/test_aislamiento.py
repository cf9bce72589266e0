"""F03: a shop's token never reads or writes another shop, whatever the request says."""

import pytest

from tests.conftest import PASSWORD


def _routes(other):
    code = f"{other['codigo']}U001"
    return [
        ("GET", f"/usuarios/{code}", None),
        ("PATCH", f"/usuarios/{code}", {"nombre": "Intruso"}),
        ("DELETE", f"/usuarios/{code}", {"motivo": "x"}),
    ]


@pytest.mark.parametrize("index", range(3))
def test_another_shops_user_codes_answer_404(api, shop, other_shop, index):
    method, path, body = _routes(other_shop)[index]

    response = api.call(method, path, body, token=shop["owner"])

    assert response.status_code == 404
    owner = api.call("GET", "/me", token=other_shop["owner"]).data
    assert owner["nombre"] != "Intruso"


@pytest.mark.parametrize("field", ["tenant_id", "codigo_tienda"])
def test_a_body_naming_another_shop_is_refused_and_nothing_is_written(api, shop, other_shop, field):
    body = {
        "nombre": "Espía",
        "usuario": "espia",
        "password": PASSWORD,
        field: other_shop["codigo"],
    }

    response = api.call("POST", "/usuarios", body, token=shop["owner"])

    assert response.status_code == 400
    assert response.data["campos"][0]["campo"] == field
    for token in (shop["owner"], other_shop["owner"]):
        names = [u["usuario"] for u in api.call("GET", "/usuarios", token=token).data["items"]]
        assert "espia" not in names


def test_a_query_naming_another_shop_is_refused(api, shop, other_shop):
    response = api.call("GET", f"/usuarios?tenant_id={other_shop['codigo']}", token=shop["owner"])

    assert response.status_code == 400


def test_each_shop_lists_only_its_own_workers(api, shop, other_shop):
    mine = {
        u["codigo"][:4] for u in api.call("GET", "/usuarios", token=shop["owner"]).data["items"]
    }
    theirs = {
        u["codigo"][:4]
        for u in api.call("GET", "/usuarios", token=other_shop["owner"]).data["items"]
    }

    assert mine == {shop["codigo"]}
    assert theirs == {other_shop["codigo"]}


def test_a_page_token_from_another_shop_is_refused(api, shop, other_shop):
    first = api.call("GET", "/usuarios?limite=1", token=other_shop["owner"]).data
    assert first["siguiente"] is None or first["siguiente"]
    forged = api.call("GET", "/usuarios?limite=1", token=shop["owner"]).data["siguiente"]

    response = api.call("GET", f"/usuarios?siguiente={forged}", token=other_shop["owner"])

    assert response.status_code == 400
    assert response.data["campos"][0]["campo"] == "siguiente"


def test_me_is_always_the_tokens_own_shop(api, shop, other_shop):
    response = api.call("GET", f"/me?codigo_tienda={other_shop['codigo']}", token=shop["owner"])

    assert response.status_code == 400
    assert api.call("GET", "/me", token=shop["owner"]).data["codigo_tienda"] == shop["codigo"]
