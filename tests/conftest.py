"""Shared fixtures: every test runs against moto with the local stage's tables."""

import os

import pytest
from chalice.test import Client
from moto import mock_aws

from chalicelib import config, infra
from chalicelib.adapters import aws, passwords, tokens
from chalicelib.domain import codes, roles
from chalicelib.domain.models import CuentaNueva
from tools.local.emulador import install_transactions

PASSWORD = "clave-segura-123"

# The same transaction semantics as the local stack's emulator: conditions
# checked before writes, no whole-table copies (see tools/local/emulador.py).
install_transactions()

pytest_plugins = ["tests.apoyo_alertas"]


@pytest.fixture(autouse=True)
def aws_emulated(request, monkeypatch):
    if request.node.get_closest_marker("stack") or request.node.get_closest_marker("browser"):
        yield  # these talk to a real local stack in its own process
        return
    for name, value in infra.stage_environment("local").items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("SAAI_ARGON2_PERFIL", "rapido")
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    config.reset()
    aws.reset()
    tokens.reset()
    passwords.reset()
    with mock_aws():
        infra.create_local()
        yield
    config.reset()
    aws.reset()
    tokens.reset()


@pytest.fixture
def client():
    from app import app

    with Client(app, stage_name="local") as test_client:
        yield test_client


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


class Api:
    """A thin JSON helper over chalice's test client."""

    def __init__(self, client: Client):
        self.client = client

    def call(
        self, method: str, path: str, body=None, token: str | None = None, headers=None, raw=None
    ):
        import json

        all_headers = {"Content-Type": "application/json"}
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        all_headers.update(headers or {})
        payload = raw if raw is not None else (json.dumps(body) if body is not None else None)
        response = getattr(self.client.http, method.lower())(
            path, headers=all_headers, body=payload
        )
        response.data = json.loads(response.body) if response.body else None
        return response

    def login(
        self, rol: str, usuario: str, password: str = PASSWORD, tienda: str | None = None
    ) -> str:
        body = {"rol": rol, "usuario": usuario, "password": password}
        if tienda:
            body["codigo_tienda"] = tienda
        response = self.call("POST", "/login", body)
        assert response.status_code == 200, response.data
        return response.data["token"]


@pytest.fixture
def api(client):
    return Api(client)


def create_platform_account(usuario: str = "operador") -> dict:
    from chalicelib.services import cuentas

    body = CuentaNueva(nombre="Operador SAAI", usuario=usuario, password=PASSWORD, email=None)
    return cuentas.create(codes.PLATFORM_TENANT, roles.SAAI, body, por="pruebas")


@pytest.fixture
def saai_token(api):
    create_platform_account()
    return api.login(roles.SAAI, "operador")


def open_shop(api, saai_token, nombre="Bodega Rosita", usuario="rosita") -> dict:
    body = {
        "nombre": nombre,
        "administrador": {
            "nombre": f"Dueña de {nombre}",
            "usuario": usuario,
            "password": PASSWORD,
            "email": f"{usuario}@example.com",
        },
    }
    response = api.call("POST", "/tiendas", body, token=saai_token)
    assert response.status_code == 201, response.data
    return response.data


@pytest.fixture
def shop(api, saai_token):
    """A shop with its owner's and one worker's tokens."""
    data = open_shop(api, saai_token)
    codigo = data["codigo_tienda"]
    owner = api.login(roles.ADMINISTRADOR, "rosita", tienda=codigo)
    worker = api.call(
        "POST",
        "/usuarios",
        {"nombre": "Pedro Caja", "usuario": "pedro", "password": PASSWORD},
        token=owner,
    ).data
    worker_token = api.login(roles.TRABAJADOR, "pedro", tienda=codigo)
    return {
        "codigo": codigo,
        "owner": owner,
        "worker": worker_token,
        "worker_code": worker["codigo"],
        "data": data,
    }


@pytest.fixture
def other_shop(api, saai_token, shop):
    data = open_shop(api, saai_token, nombre="Ferretería Lucho", usuario="lucho")
    codigo = data["codigo_tienda"]
    owner = api.login(roles.ADMINISTRADOR, "lucho", tienda=codigo)
    return {"codigo": codigo, "owner": owner, "data": data}


os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
