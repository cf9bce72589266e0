"""Black-box tests of the running local stack: what `make dev` gives a person."""

import socket
import subprocess
import sys
import urllib.request

import pytest

from tests import local_stack
from tools.local.seed import credentials

pytestmark = pytest.mark.stack


def test_health_and_the_three_seeded_accounts_log_in(stack):
    status, body, _ = stack.request("GET", "/salud")
    assert (status, body["estado"]) == (200, "ok")
    for cred in credentials():
        token = stack.login(cred.rol, cred.usuario, cred.password, cred.tienda)
        status, me, _ = stack.request("GET", "/me", token=token)
        assert status == 200
        assert me["rol"] == cred.rol


def test_platform_opens_a_shop_whose_owner_adds_a_worker(stack):
    saai = credentials()[0]
    token = stack.login("saai", saai.usuario, saai.password)
    status, shop, _ = stack.request(
        "POST",
        "/tiendas",
        {
            "nombre": "Minimarket El Sol",
            "administrador": {
                "nombre": "Ana",
                "usuario": "ana",
                "password": "ana-clave-1",
                "email": "ana@sol.pe",
            },
        },
        token=token,
    )
    assert status == 201
    owner = stack.login("administrador", "ana", "ana-clave-1", shop["codigo_tienda"])
    status, worker, _ = stack.request(
        "POST",
        "/usuarios",
        {"nombre": "Beto", "usuario": "beto", "password": "beto-clave-1"},
        token=owner,
    )
    assert status == 201
    stack.login("trabajador", "beto", "beto-clave-1", shop["codigo_tienda"])


def test_errors_and_gateway_refusals_carry_cors_headers(stack):
    for path, token in (("/me", None), ("/me", "no-es-un-token"), ("/tiendas/T999", None)):
        status, _, headers = stack.request("GET", path, token=token)
        assert status in (401, 403)
        assert headers.get("Access-Control-Allow-Origin") == "*"
    preflight = urllib.request.Request(stack.api_url + "/usuarios", method="OPTIONS")
    preflight.add_header("Origin", "http://127.0.0.1:8080")
    preflight.add_header("Access-Control-Request-Method", "POST")
    with urllib.request.urlopen(preflight, timeout=10) as answer:
        assert answer.status == 200
        assert "Authorization" in answer.headers["Access-Control-Allow-Headers"]


def test_the_web_server_serves_each_app_and_its_runtime_config(stack):
    for app in ("saai", "admin", "trabajador"):
        with urllib.request.urlopen(f"{stack.web_url}/{app}/", timeout=10) as answer:
            assert answer.status == 200
    with urllib.request.urlopen(f"{stack.web_url}/config.js", timeout=10) as answer:
        assert stack.api_url in answer.read().decode()


def test_data_survives_a_restart(tmp_path):
    data = tmp_path / "datos"
    first = local_stack.start(data)
    try:
        saai = credentials()[0]
        token = first.login("saai", saai.usuario, saai.password)
        first.request(
            "POST",
            "/tiendas",
            {
                "nombre": "Persistente",
                "administrador": {
                    "nombre": "P",
                    "usuario": "pers",
                    "password": "pers-clave-1",
                    "email": "p@p.pe",
                },
            },
            token=token,
        )
    finally:
        first.stop()

    second = local_stack.start(data)
    try:
        status, shops, _ = second.request("GET", "/tiendas", token=token)
        assert status == 200, "the token issued before the restart still works"
        assert "Persistente" in [s["nombre"] for s in shops["items"]]
    finally:
        second.stop()


def test_a_busy_port_gets_a_clear_message_not_a_traceback(tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "tools.local.stack"],
            cwd=local_stack.ROOT,
            env={
                "SAAI_API_PORT": str(port),
                "SAAI_LOCAL_DATA": str(tmp_path),
                "PATH": "/usr/bin:/bin",
            },
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert f"El puerto {port} (api) ya está en uso" in result.stderr
    assert "Traceback" not in result.stderr
