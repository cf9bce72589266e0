"""The command that creates a platform account on a stage."""

from chalicelib.domain import roles
from tools import crear_cuenta_saai


def test_the_first_platform_account_is_created_with_a_password_from_the_environment(
    api, monkeypatch, capsys
):
    monkeypatch.setenv("SAAI_NUEVA_CLAVE", "una-clave-larga-1")

    code = crear_cuenta_saai.main(
        ["--stage", "local", "--usuario", "ana", "--nombre", "Ana Torres"]
    )

    assert code == 0
    assert "una-clave-larga-1" not in capsys.readouterr().out
    token = api.login(roles.SAAI, "ana", password="una-clave-larga-1")
    assert api.call("GET", "/me", token=token).data["nombre"] == "Ana Torres"


def test_an_existing_account_is_left_alone(monkeypatch):
    monkeypatch.setenv("SAAI_NUEVA_CLAVE", "una-clave-larga-1")
    args = ["--stage", "local", "--usuario", "ana", "--nombre", "Ana"]

    assert crear_cuenta_saai.main(args) == 0
    assert crear_cuenta_saai.main(args) == 1


def test_a_short_password_is_refused(monkeypatch):
    monkeypatch.setenv("SAAI_NUEVA_CLAVE", "corta")

    assert crear_cuenta_saai.main(["--stage", "local", "--usuario", "ana", "--nombre", "Ana"]) == 2
