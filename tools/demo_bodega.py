"""A demo shop: a Lima bodega's catalogue and a few weeks of GENERATED sales.

    python -m tools.demo_bodega --tienda T001 [--semanas 3]

The sales are invented (a fixed random seed), not real: every sale carries a
``nota`` saying so, and so does this command's output. They are written in our
own CSV format and loaded with ``tools.importar``, so stock, kardex and codes
come out as from the till. Running it again is safe: the shop remembers the
last day of its demo history (``DEMO#bodega`` in ``t_contadores``), so a rerun,
even on another day, rebuilds the same file and resumes or does nothing.
"""

import argparse
import csv
import random
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path

from chalicelib import clock
from chalicelib.adapters import dynamo
from tools import importar

NOTA = "Venta generada para demostración (datos simulados, no reales)"
MARKER = "DEMO#bodega"

# codigo de barras, nombre, precio (S/), categoría, unidad, ventas por día (media)
CATALOGO = [
    ("7750243051234", "Arroz Costeño 750 g", "4.50", "Abarrotes", "UNIDAD", 9),
    ("7751271011122", "Azúcar rubia Cartavio 1 kg", "4.20", "Abarrotes", "UNIDAD", 6),
    ("7750182001234", "Aceite Primor 1 L", "11.90", "Abarrotes", "UNIDAD", 3),
    ("7751271022227", "Fideos Don Vittorio 500 g", "3.60", "Abarrotes", "UNIDAD", 5),
    ("7750106002345", "Atún Florida 170 g", "6.50", "Abarrotes", "UNIDAD", 3),
    ("7751271033339", "Sal Marina Emsal 1 kg", "1.80", "Abarrotes", "UNIDAD", 1),
    ("7750243066661", "Avena Quaker 900 g", "9.90", "Abarrotes", "UNIDAD", 1),
    ("7751271044441", "Leche Gloria tarro 400 g", "4.30", "Lácteos", "UNIDAD", 8),
    ("7750182055552", "Yogurt Gloria fresa 1 L", "7.50", "Lácteos", "UNIDAD", 2),
    ("7751271055553", "Mantequilla Laive 200 g", "8.90", "Lácteos", "UNIDAD", 1),
    ("7750106066664", "Huevos pardos (unidad)", "0.60", "Lácteos", "UNIDAD", 14),
    ("7750243077775", "Pan francés (unidad)", "0.30", "Panadería", "UNIDAD", 40),
    ("7751271088886", "Pan de molde Bimbo", "8.50", "Panadería", "UNIDAD", 2),
    ("7750182099997", "Inca Kola 500 ml", "2.50", "Bebidas", "UNIDAD", 10),
    ("7750182011118", "Coca-Cola 1.5 L", "6.50", "Bebidas", "UNIDAD", 4),
    ("7751271022229", "Agua San Luis 625 ml", "1.50", "Bebidas", "UNIDAD", 8),
    ("7750106033330", "Cerveza Pilsen 630 ml", "6.90", "Bebidas", "UNIDAD", 6),
    ("7750243044441", "Chicha morada Gloria 1 L", "4.90", "Bebidas", "UNIDAD", 2),
    ("7751271055552", "Galletas Soda Field", "0.80", "Snacks", "UNIDAD", 7),
    ("7750182066663", "Papitas Lays 42 g", "2.00", "Snacks", "UNIDAD", 4),
    ("7750106077774", "Chocolate Sublime", "1.50", "Snacks", "UNIDAD", 6),
    ("7751271088885", "Detergente Bolívar 500 g", "6.20", "Limpieza", "UNIDAD", 1),
    ("7750243099996", "Papel higiénico Suave x4", "5.90", "Limpieza", "UNIDAD", 2),
    ("7750182000017", "Lejía Clorox 1 L", "3.50", "Limpieza", "UNIDAD", 1),
    ("2000000000011", "Papa amarilla", "3.80", "Verduras", "KG", 4),
    ("2000000000028", "Cebolla roja", "2.90", "Verduras", "KG", 3),
    ("2000000000035", "Tomate", "3.50", "Verduras", "KG", 2),
    ("2000000000042", "Limón", "4.50", "Verduras", "KG", 2),
    ("2000000000059", "Pollo entero", "9.80", "Carnes", "KG", 3),
    ("2000000000066", "Queso fresco", "18.00", "Lácteos", "KG", 1),
]


def _quantity(unidad: str, rng: random.Random) -> Decimal:
    if unidad == "KG":
        return Decimal(rng.choice(["0.250", "0.500", "0.750", "1.000", "1.500"]))
    return Decimal(rng.choice([1, 1, 1, 2, 2, 3]))


def sales_rows(hasta: date, semanas: int, seed: int = 2026) -> list[dict]:
    """Tickets of ``semanas`` weeks ending on ``hasta``; same arguments, same rows."""
    rng = random.Random(seed)  # noqa: S311 - demo data, reproducible on purpose
    weights = [item[5] for item in CATALOGO]
    rows = []
    start = hasta - timedelta(days=7 * semanas - 1)
    ticket = 0
    for offset in range(7 * semanas):
        day = start + timedelta(days=offset)
        busy = 1.3 if day.weekday() >= 5 else 1.0
        for _ in range(int(rng.randint(14, 22) * busy)):
            ticket += 1
            moment = datetime.combine(day, time(7, 0)) + timedelta(minutes=rng.randint(0, 14 * 60))
            picked = {item[0]: item for item in rng.choices(CATALOGO, weights, k=rng.randint(1, 4))}
            for barras, nombre, precio, categoria, unidad, _ in picked.values():
                rows.append(
                    {
                        "fecha": moment.strftime("%Y-%m-%d %H:%M:%S"),
                        "ticket": f"DEMO-{ticket:06d}",
                        "producto": barras,
                        "nombre": nombre,
                        "cantidad": str(_quantity(unidad, rng)),
                        "precio_unitario": precio,
                        "categoria": categoria,
                        "unidad": unidad,
                    }
                )
    rows.sort(key=lambda r: (r["fecha"], r["ticket"]))
    return rows


def write_csv(rows: list[dict], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def load(tienda: str, semanas: int = 3, progress: bool = True) -> importar.Summary:
    marker = dynamo.get(importar.COUNTERS, tienda, MARKER)
    if marker is None:
        marker = {"hasta": (clock.today() - timedelta(days=1)).isoformat(), "semanas": semanas}
        dynamo.put(importar.COUNTERS, tienda, MARKER, {**marker, "nota": NOTA})
    rows = sales_rows(date.fromisoformat(marker["hasta"]), int(marker["semanas"]))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo_bodega.csv"
        write_csv(rows, path)
        return importar.import_file(tienda, path, formato="saai", nota=NOTA, progress=progress)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.demo_bodega")
    parser.add_argument("--tienda", required=True)
    parser.add_argument("--semanas", type=int, default=3)
    args = parser.parse_args(argv)
    tienda = args.tienda.upper()
    print(
        f"{tienda}: catálogo de bodega y ventas GENERADAS para demostración (no son datos reales)."
    )
    summary = load(tienda, args.semanas)
    importar.print_summary(tienda, summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
