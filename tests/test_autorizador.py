"""The authorizer: its policy document (F14), forged and expired tokens (F04, F05),
and a policy that covers every route of the role (F06)."""

import base64
import json
import re
from datetime import datetime, timedelta

import jwt
import pytest

from chalicelib import clock
from chalicelib.api import authorizer
from chalicelib.api.routing import ROUTES
from chalicelib.config import settings
from chalicelib.domain import roles

ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123/api/GET/me"
BASE = "arn:aws:execute-api:us-east-1:123456789012:abc123/api"


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def _claims_of(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})


def _signed(claims: dict) -> str:
    return jwt.encode(claims, settings().jwt_secret_value, algorithm="HS256")


def test_allow_policy_lists_every_route_of_the_owner_and_passes_scalar_context(api, shop):
    answer = authorizer.decide(f"Bearer {shop['owner']}", ARN)

    statement = answer["policyDocument"]["Statement"][0]
    assert statement["Effect"] == "Allow"
    assert statement["Action"] == "execute-api:Invoke"
    expected = {
        f"{BASE}/{r.method}{re.sub(r'{[^}]+}', '*', r.path)}"
        for r in ROUTES
        if roles.ADMINISTRADOR in r.roles
    }
    assert set(statement["Resource"]) == expected
    assert f"{BASE}/GET/usuarios/*" in statement["Resource"]
    assert not any("/tiendas" in r for r in statement["Resource"])
    assert answer["context"]["tenant_id"] == shop["codigo"]
    assert answer["context"]["rol"] == roles.ADMINISTRADOR
    assert all(isinstance(v, str | int | bool) for v in answer["context"].values())


def test_platform_policy_covers_shops_but_not_owner_routes(saai_token):
    resources = authorizer.decide(saai_token, ARN)["policyDocument"]["Statement"][0]["Resource"]

    assert f"{BASE}/POST/tiendas" in resources
    assert f"{BASE}/DELETE/tiendas/*" in resources
    assert f"{BASE}/POST/usuarios" not in resources


def test_worker_policy_leaves_out_owner_and_platform_routes_which_the_gateway_refuses(api, shop):
    answer = authorizer.decide(shop["worker"], ARN)

    resources = answer["policyDocument"]["Statement"][0]["Resource"]
    assert f"{BASE}/GET/me" in resources
    assert not any("/usuarios" in r or "/tiendas" in r for r in resources)
    assert api.call("GET", "/usuarios", token=shop["worker"]).status_code == 403


def test_a_suspended_shops_token_is_rejected_so_the_app_ends_the_session(api, saai_token, shop):
    api.call("PATCH", f"/tiendas/{shop['codigo']}", {"estado": "SUSPENDIDA"}, token=saai_token)

    with pytest.raises(authorizer.TokenRejected):
        authorizer.decide(shop["worker"], ARN)
    assert api.call("GET", "/me", token=shop["owner"]).status_code == 401


@pytest.mark.parametrize("alg", ["none", "None", "NONE", "nOnE"])
def test_unsigned_token_with_alg_none_is_rejected_before_any_handler(api, shop, alg):
    claims = _claims_of(shop["owner"])
    forged = f"{_b64({'alg': alg, 'typ': 'JWT'})}.{_b64(claims)}."

    with pytest.raises(authorizer.TokenRejected):
        authorizer.decide(forged, ARN)
    assert api.call("GET", "/usuarios", token=forged).status_code == 401


def test_token_signed_with_another_algorithm_or_key_is_rejected(api, shop):
    claims = _claims_of(shop["owner"])
    other_key = jwt.encode(claims, "x" * 40, algorithm="HS256")
    other_alg = jwt.encode(claims, settings().jwt_secret_value, algorithm="HS512")

    for token in (other_key, other_alg, "not.a.token", ""):
        with pytest.raises(authorizer.TokenRejected):
            authorizer.decide(token, ARN)


def test_token_expired_a_minute_ago_answers_401(api, shop):
    claims = _claims_of(shop["owner"])
    later = datetime.fromtimestamp(claims["exp"], clock.LIMA) + timedelta(minutes=1)

    with clock.frozen(later):
        response = api.call("GET", "/me", token=shop["owner"])
        with pytest.raises(authorizer.TokenRejected):
            authorizer.decide(shop["owner"], ARN)

    assert response.status_code == 401
    assert response.headers.get("Access-Control-Allow-Origin") == "*"


@pytest.mark.parametrize("missing", ["exp", "iat", "jti", "sub", "rol", "codigo_tienda"])
def test_correctly_signed_token_without_a_required_claim_is_rejected(api, shop, missing):
    claims = _claims_of(shop["owner"])
    del claims[missing]

    with pytest.raises(authorizer.TokenRejected):
        authorizer.decide(_signed(claims), ARN)


def test_signed_token_never_recorded_is_rejected(api, shop):
    claims = {**_claims_of(shop["owner"]), "jti": "f" * 32}

    with pytest.raises(authorizer.TokenRejected):
        authorizer.decide(_signed(claims), ARN)


def test_signed_token_claiming_another_role_is_rejected(api, shop):
    claims = {**_claims_of(shop["worker"]), "rol": roles.ADMINISTRADOR}

    response = api.call("GET", "/usuarios", token=_signed(claims))

    assert response.status_code == 401


def test_missing_authorization_header_answers_401(api):
    assert api.call("GET", "/me").status_code == 401


def test_authorizer_results_are_never_cached_past_a_token(client):
    from app import app

    configs = list(app.builtin_auth_handlers)
    assert [c.ttl_seconds for c in configs] == [0]


def test_two_shops_in_turn_each_see_their_own_context(api, shop, other_shop):
    for _ in range(2):
        mine = api.call("GET", "/me", token=shop["owner"]).data
        theirs = api.call("GET", "/me", token=other_shop["owner"]).data
        assert mine["codigo_tienda"] == shop["codigo"]
        assert theirs["codigo_tienda"] == other_shop["codigo"]


def test_the_route_itself_refuses_a_role_even_if_the_gateway_let_it_through(shop):
    from chalice.local import LambdaContext

    from app import app

    context = authorizer.decide(shop["worker"], ARN)["context"]
    event = {
        "resource": "/usuarios",
        "path": "/usuarios",
        "httpMethod": "GET",
        "headers": {},
        "multiValueHeaders": {},
        "queryStringParameters": None,
        "multiValueQueryStringParameters": None,
        "pathParameters": {},
        "stageVariables": None,
        "body": None,
        "isBase64Encoded": False,
        "requestContext": {
            "resourcePath": "/usuarios",
            "httpMethod": "GET",
            "requestId": "prueba",
            "authorizer": context,
        },
    }

    answer = app(event, LambdaContext("api_handler", 512))

    assert answer["statusCode"] == 403
    assert json.loads(answer["body"])["error"] == "PROHIBIDO"
