"""Import the WHOLE real history in-process (moto) and check its totals against the CSV.

    python -m bench.importacion_completa [--limite-lineas N]

This lives in bench/ and not in the test suite: on the emulator it takes far
longer than ten minutes (see docs/importacion.md, "Tiempos").
"""

import argparse
import csv
import time
from decimal import Decimal
from pathlib import Path

from bench.ventas import _environment


def expected(path: Path, limite: int | None) -> tuple[int, Decimal]:
    units, revenue = 0, Decimal(0)
    with path.open(newline="", encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle)):
            if limite is not None and number >= limite:
                break
            quantity = int(row["Quantity"])
            if not row["InvoiceNo"].startswith("C") and quantity > 0:
                units += quantity
                revenue += quantity * Decimal(row["UnitPrice"])
    return units, revenue


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.importacion_completa")
    parser.add_argument("--archivo", type=Path, default=None)
    parser.add_argument("--limite-lineas", type=int)
    args = parser.parse_args(argv)
    source = (
        args.archivo or Path(__file__).resolve().parents[2] / "shared/data/online_retail_subset.csv"
    )
    _environment()

    from moto import mock_aws

    from chalicelib import infra
    from chalicelib.adapters import dynamo
    from chalicelib.domain.models import TiendaNueva
    from chalicelib.services import tiendas
    from tools import importar

    with mock_aws():
        infra.create_local()
        admin = {
            "nombre": "Dueña",
            "usuario": "duena",
            "password": "clave-bench-123",
            "email": "d@e.pe",
        }
        tienda = tiendas.create(TiendaNueva(nombre="Bench", administrador=admin), por="bench")
        codigo = tienda["codigo_tienda"]
        started = time.perf_counter()
        importar.import_file(codigo, source, limite=args.limite_lineas)
        seconds = time.perf_counter() - started
        sales = list(dynamo.query_all("t_ventas", codigo, prefix="V#"))
    units = sum(i["cantidad"] for s in sales for i in s["items"])
    revenue = sum((s["total"] for s in sales), Decimal(0))
    want_units, want_revenue = expected(source, args.limite_lineas)
    print(
        f"{seconds:.0f} s; unidades {units} (CSV {want_units}); "
        f"ingresos {revenue} (CSV {want_revenue})"
    )
    return 0 if (units, revenue) == (want_units, want_revenue) else 1


if __name__ == "__main__":
    raise SystemExit(main())
