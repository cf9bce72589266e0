"""Creates a platform (``saai``) account on a stage, e.g. the first one after a deploy.

    python -m tools.crear_cuenta_saai --stage dev --usuario operador --nombre "Ana Torres"

The password is asked twice on the terminal (or read from ``SAAI_NUEVA_CLAVE``
when there is no terminal); it is never an argument, never in code and never
printed. AWS credentials and region come from the usual environment or profile.
"""

import argparse
import getpass
import os
import sys

from pydantic import ValidationError


def _password() -> str:
    if os.environ.get("SAAI_NUEVA_CLAVE"):
        return os.environ["SAAI_NUEVA_CLAVE"]
    if not sys.stdin.isatty():
        raise SystemExit("Sin terminal: defina SAAI_NUEVA_CLAVE con la contraseña.")
    first = getpass.getpass("Contraseña: ")
    if first != getpass.getpass("Repita la contraseña: "):
        raise SystemExit("Las contraseñas no coinciden.")
    return first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Crea una cuenta de plataforma SAAI.")
    parser.add_argument("--stage", required=True, choices=["local", "dev", "prod"])
    parser.add_argument("--usuario", required=True)
    parser.add_argument("--nombre", required=True)
    parser.add_argument("--email")
    args = parser.parse_args(argv)

    from chalicelib import config, infra

    for name, value in infra.stage_environment(args.stage).items():
        os.environ[name] = value
    config.reset()

    from chalicelib.adapters import dynamo
    from chalicelib.domain import codes, roles
    from chalicelib.domain.models import CuentaNueva
    from chalicelib.errors import SaaiError
    from chalicelib.services import auth, cuentas

    try:
        body = CuentaNueva(
            nombre=args.nombre, usuario=args.usuario, password=_password(), email=args.email
        )
    except ValidationError as exc:
        for problem in exc.errors(include_url=False):
            print(f"{'.'.join(map(str, problem['loc']))}: {problem['msg']}", file=sys.stderr)
        return 2
    if dynamo.get("t_usuarios", codes.PLATFORM_TENANT, auth.login_key(body.usuario)):
        print(f"La cuenta {body.usuario} ya existe en {args.stage}.", file=sys.stderr)
        return 1
    try:
        account = cuentas.create(codes.PLATFORM_TENANT, roles.SAAI, body, por="linea-de-comandos")
    except SaaiError as exc:
        print(exc.mensaje, file=sys.stderr)
        return 1
    print(f"Cuenta {account['codigo']} ({account['usuario']}) creada en {args.stage}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
