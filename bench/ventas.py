"""Time ``POST /ventas`` over a shop loaded with the real sales history.

    python -m bench.ventas [--fracciones 0.1 1.0] [--lineas N ...] [--ventas 40]

For each size it starts a fresh in-process emulator (moto), opens a shop,
imports that share of data/online_retail_subset.csv with ``tools.importar``,
then rings up ``--ventas`` sales of 1 to 5 products through chalice's test
client and prints the median and p95 time per sale and the DynamoDB calls per
sale (counted with a botocore ``before-call`` hook).
"""

import argparse
import json
import os
import random
import statistics
import time
from pathlib import Path

SOURCE_LINES = 110_199


def _environment() -> None:
    from chalicelib import config, infra
    from tools.local.emulador import install_transactions

    install_transactions()  # moto's own copies whole tables per transaction

    for name, value in infra.stage_environment("local").items():
        os.environ[name] = value
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        os.environ[name] = "bench"
    os.environ.pop("AWS_ENDPOINT_URL", None)
    config.reset()


def _open_shop(client) -> tuple[str, str]:
    from chalicelib.domain.models import TiendaNueva
    from chalicelib.services import tiendas

    admin = {
        "nombre": "Dueña",
        "usuario": "duena",
        "password": "clave-bench-123",
        "email": "d@e.pe",
    }
    shop = tiendas.create(TiendaNueva(nombre="Bench", administrador=admin), por="bench")
    body = {
        "rol": "administrador",
        "codigo_tienda": shop["codigo_tienda"],
        "usuario": "duena",
        "password": "clave-bench-123",
    }
    answer = client.http.post(
        "/login", headers={"Content-Type": "application/json"}, body=json.dumps(body)
    )
    return shop["codigo_tienda"], json.loads(answer.body)["token"]


def run_size(source: Path, lineas: int, ventas: int) -> dict:
    from chalice.test import Client
    from moto import mock_aws

    from app import app
    from chalicelib import infra
    from chalicelib.adapters import aws, dynamo
    from chalicelib.domain.catalogo import MovimientoNuevo
    from chalicelib.services import productos
    from tools import importar

    aws.reset()
    with mock_aws(), Client(app, stage_name="local") as client:
        infra.create_local()
        tienda, token = _open_shop(client)
        started = time.perf_counter()
        summary = importar.import_file(tienda, source, limite=lineas, progress=True)
        import_seconds = time.perf_counter() - started

        stocked = list(dynamo.query_all("t_productos", tienda, prefix="P#"))
        for product in stocked:
            body = MovimientoNuevo(tipo="ENTRADA", cantidad=10 * ventas, motivo="bench")
            productos.move_stock(tienda, product["codigo"], body, usuario=f"{tienda}U001")

        calls: list[str] = []
        events = aws.client("dynamodb").meta.events

        def count(model, **kwargs):
            calls.append(model.name)

        events.register("before-call.dynamodb.*", count)
        rng = random.Random(7)  # noqa: S311 - reproducible choice of products
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        times, per_sale = [], []
        for _ in range(ventas):
            picked = rng.sample(stocked, k=min(len(stocked), rng.randint(1, 5)))
            body = {
                "items": [{"producto": p["codigo"], "cantidad": 1} for p in picked],
                "metodo_pago": "EFECTIVO",
            }
            before = len(calls)
            start = time.perf_counter()
            answer = client.http.post("/ventas", headers=headers, body=json.dumps(body))
            times.append(time.perf_counter() - start)
            assert answer.status_code == 201, answer.body
            per_sale.append(len(calls) - before)
        events.unregister("before-call.dynamodb.*", count)

    times.sort()
    return {
        "lineas": lineas,
        "ventas_importadas": summary.ventas,
        "importacion_s": round(import_seconds, 1),
        "mediana_ms": round(statistics.median(times) * 1000, 1),
        "p95_ms": round(times[int(0.95 * (len(times) - 1))] * 1000, 1),
        "llamadas_dynamodb_por_venta": max(per_sale),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ventas")
    parser.add_argument("--archivo", type=Path, default=None)
    parser.add_argument("--fracciones", type=float, nargs="*", default=[0.1, 1.0])
    parser.add_argument("--lineas", type=int, nargs="*", help="sizes in lines (instead of shares)")
    parser.add_argument("--ventas", type=int, default=40)
    args = parser.parse_args(argv)
    source = (
        args.archivo or Path(__file__).resolve().parents[2] / "shared/data/online_retail_subset.csv"
    )
    _environment()
    sizes = args.lineas or [int(SOURCE_LINES * share) for share in args.fracciones]
    for lineas in sizes:
        print(json.dumps(run_size(source, lineas, args.ventas)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
