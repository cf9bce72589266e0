"""Writes the resources to merge into ``chalice package``'s template for a stage.

    python -m tools.template --stage dev --out build/recursos-dev.json

The tables, the alert topic and the reports bucket come from the same
definitions the local stack and the tests use (``chalicelib.infra``). It also
adds the gateway responses that put CORS headers on API Gateway's own 4xx and
5xx answers (an expired token's 401 included), so a browser can read them.
"""

import argparse
import json
import sys
from pathlib import Path

from chalicelib import infra

_CORS_HEADERS = {
    "gatewayresponse.header.Access-Control-Allow-Origin": "'*'",
    "gatewayresponse.header.Access-Control-Allow-Headers": (
        "'Authorization,Content-Type,Idempotency-Key'"
    ),
}


# The gateway's own refusals, in the contract's error body (status -> code, text).
GATEWAY_ERRORS = {
    401: ("NO_AUTORIZADO", "Sesión inválida o vencida. Ingrese de nuevo."),
    403: ("PROHIBIDO", "No tiene permiso para esta operación."),
    500: ("ERROR_INTERNO", "Ocurrió un error interno."),
}
_RESPONSE_TYPES = {
    "UNAUTHORIZED": 401,
    "ACCESS_DENIED": 403,
    "DEFAULT_4XX": 403,
    "DEFAULT_5XX": 500,
}


def gateway_responses() -> dict:
    resources = {}
    for kind, status in _RESPONSE_TYPES.items():
        error, mensaje = GATEWAY_ERRORS[status]
        body = json.dumps({"error": error, "mensaje": mensaje, "campos": []}, ensure_ascii=False)
        name = "Respuesta" + "".join(p.capitalize() for p in kind.split("_"))
        resources[name] = {
            "Type": "AWS::ApiGateway::GatewayResponse",
            "Properties": {
                "RestApiId": {"Ref": "RestAPI"},
                "ResponseType": kind,
                "ResponseParameters": _CORS_HEADERS,
                "ResponseTemplates": {"application/json": body},
            },
        }
    return resources


def build(stage: str) -> dict:
    template = infra.merge_template(stage)
    template["Resources"].update(gateway_responses())
    return template


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stage", required=True, choices=["dev", "prod"])
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(build(args.stage), indent=2, ensure_ascii=False))
    print(f"Recursos de {args.stage} escritos en {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
