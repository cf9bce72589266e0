"""Importing a real sales history: totals, voids, stock and resuming, against the CSV."""

import csv
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from chalicelib import clock
from chalicelib.adapters import dynamo
from tools import importar

# The real data lives in the shared folder beside the repository, not in it.
SOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "online_retail_subset.csv"
needs_real_data = pytest.mark.skipif(not SOURCE.exists(), reason=f"no está {SOURCE}")
HEADER = [
    "InvoiceNo",
    "StockCode",
    "Description",
    "Quantity",
    "InvoiceDate",
    "UnitPrice",
    "CustomerID",
    "Country",
]


def real_rows(limit: int | None = None) -> list[dict]:
    with SOURCE.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return rows if limit is None else rows[:limit]


def fixed_sample(tmp_path) -> Path:
    """Unchanged lines of the real file, in its order: the first 150 lines, every line
    of the customers who cancel something within the first 4000, and the write-offs
    among those 4000 (about 290 lines)."""
    rows = real_rows(4000)
    cancelling = {
        r["CustomerID"] for r in rows if r["InvoiceNo"].startswith("C") and r["CustomerID"]
    }
    sample = [
        r
        for i, r in enumerate(rows)
        if i < 150
        or r["CustomerID"] in cancelling
        or (not r["InvoiceNo"].startswith("C") and int(r["Quantity"]) < 0)
    ]
    path = tmp_path / "muestra.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, HEADER)
        writer.writeheader()
        writer.writerows(sample)
    return path


def expected_from_csv(path: Path) -> dict:
    sold = [
        r
        for r in real_rows_of(path)
        if not r["InvoiceNo"].startswith("C") and int(r["Quantity"]) > 0
    ]
    cancelled = defaultdict(Decimal)
    for r in real_rows_of(path):
        if r["InvoiceNo"].startswith("C"):
            cancelled[r["InvoiceNo"]] += -int(r["Quantity"]) * Decimal(r["UnitPrice"])
    return {
        "units": sum(int(r["Quantity"]) for r in sold),
        "revenue": sum(int(r["Quantity"]) * Decimal(r["UnitPrice"]) for r in sold),
        "write_offs": sum(
            1
            for r in real_rows_of(path)
            if not r["InvoiceNo"].startswith("C") and int(r["Quantity"]) < 0
        ),
        "returned_units": sum(
            -int(r["Quantity"]) for r in real_rows_of(path) if r["InvoiceNo"].startswith("C")
        ),
        "cancelled_amounts": cancelled,
    }


def real_rows_of(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def tienda(shop):
    return shop["codigo"]


def stored(tienda: str) -> dict:
    sales = list(dynamo.query_all("t_ventas", tienda, prefix="V#"))
    rows = list(dynamo.query_all("t_kardex", tienda, prefix="P#"))
    products = list(dynamo.query_all("t_productos", tienda, prefix="P#"))
    return {"sales": sales, "kardex": rows, "products": products}


def units(sales) -> int:
    return sum(i["cantidad"] for s in sales for i in s["items"])


def revenue(sales) -> Decimal:
    return sum((s["total"] for s in sales), Decimal("0.00"))


@needs_real_data
class TestImportRealSample:
    def test_units_revenue_voids_kardex_and_dates_match_the_csv(self, tienda, tmp_path):
        sample = fixed_sample(tmp_path)
        expected = expected_from_csv(sample)

        summary = importar.import_file(tienda, sample, progress=False)
        data = stored(tienda)

        assert units(data["sales"]) == expected["units"]
        assert revenue(data["sales"]) == expected["revenue"]
        voided = [s for s in data["sales"] if s["estado"] == "ANULADA"]
        assert summary.anulaciones > 0 and summary.devoluciones_sin_venta > 0
        by_invoice = defaultdict(Decimal)
        for sale in voided:
            by_invoice[sale["anulacion"]["motivo"].removeprefix("Devolución ")] += sale["total"]
        for invoice, amount in by_invoice.items():
            assert amount == expected["cancelled_amounts"][invoice], invoice
        returned_by_entry = sum(
            r["cantidad"] for r in data["kardex"] if "sin venta coincidente" in r["motivo"]
        )
        assert units(voided) + returned_by_entry == expected["returned_units"]
        assert sum(1 for r in data["kardex"] if r["tipo"] == "MERMA") == expected["write_offs"]
        self.check_kardex_adds_up_to_stock(data)
        self.check_sales_keep_the_files_dates(data["sales"])

    def check_kardex_adds_up_to_stock(self, data):
        rows = defaultdict(list)
        for row in data["kardex"]:
            rows[row["producto"]].append(row)
        for product in data["products"]:
            history = rows[product["codigo"]]
            assert history[0]["tipo"] == "INICIAL"
            saldo = Decimal(0)
            for row in history:
                saldo += row["cantidad"]
                assert row["saldo"] == saldo >= 0
            assert product["stock"] == saldo

    def check_sales_keep_the_files_dates(self, sales):
        assert sales[0]["fecha"].startswith("2010-12-01T08:26:00")
        assert [s["fecha"] for s in sales] == sorted(s["fecha"] for s in sales)

    def test_interrupted_import_resumes_without_duplicates(self, tienda, tmp_path):
        sample = fixed_sample(tmp_path)
        expected = expected_from_csv(sample)

        importar.import_file(tienda, sample, progress=False, max_pasos=37)
        importar.import_file(tienda, sample, progress=False)
        again = importar.import_file(tienda, sample, progress=False)

        data = stored(tienda)
        assert units(data["sales"]) == expected["units"]
        assert revenue(data["sales"]) == expected["revenue"]
        assert again.ya_importado
        origins = [s["origen"]["referencia"] for s in data["sales"]]
        assert len(origins) == len(set(origins))

    def test_hasta_ayer_moves_the_history_to_end_yesterday(self, tienda, tmp_path):
        path = tmp_path / "corta.csv"
        rows = real_rows(40)
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, HEADER)
            writer.writeheader()
            writer.writerows(rows)
        importar.import_file(tienda, path, hasta_ayer=True, progress=False)
        sales = stored(tienda)["sales"]
        yesterday = clock.today() - timedelta(days=1)
        assert max(date.fromisoformat(s["dia"]) for s in sales) == yesterday


class TestImportOwnFormat:
    def test_tickets_voids_and_write_offs_in_the_saai_format(self, tienda, tmp_path):
        path = tmp_path / "saai.csv"
        path.write_text(
            "fecha,ticket,producto,nombre,cantidad,precio_unitario,categoria,unidad\n"
            "2026-11-02 09:00:00,B1,775001,Arroz Costeño 750 g,2,4.50,Abarrotes,UNIDAD\n"
            "2026-11-02 09:00:00,B1,775002,Papa amarilla,1.250,3.80,Verduras,KG\n"
            "2026-11-02 10:00:00,B2,775001,Arroz Costeño 750 g,1,4.50,Abarrotes,UNIDAD\n"
            "2026-11-02 11:00:00,ANULA:B2,,,,,,\n"
            "2026-11-02 12:00:00,M1,775002,Papa amarilla,-0.5,,Verduras,KG\n",
            encoding="utf-8",
        )
        summary = importar.import_file(tienda, path, formato="saai", progress=False)
        data = stored(tienda)
        assert (summary.ventas, summary.anulaciones, summary.mermas) == (2, 1, 1)
        assert [s["estado"] for s in data["sales"]] == ["REGISTRADA", "ANULADA"]
        assert data["sales"][0]["total"] == Decimal("13.75")
        papa = next(p for p in data["products"] if p["unidad"] == "KG")
        assert papa["categoria"] == "Verduras"


class TestDemoBodega:
    def test_demo_loads_a_labelled_bodega_and_is_safe_to_run_twice(self, tienda):
        from tools import demo_bodega

        first = demo_bodega.load(tienda, semanas=1, progress=False)
        second = demo_bodega.load(tienda, semanas=1, progress=False)

        data = stored(tienda)
        assert len(data["products"]) == len(demo_bodega.CATALOGO)
        assert {p["unidad"] for p in data["products"]} == {"UNIDAD", "KG"}
        assert first.ventas == len(data["sales"]) > 50
        assert all(s["nota"] == demo_bodega.NOTA for s in data["sales"])
        assert second.ya_importado
