"""Turns a sales-history CSV into an ordered plan of steps (no I/O besides reading).

Two formats are understood (see docs/importacion.md):

- ``retail``: invoice lines (InvoiceNo, StockCode, Description, Quantity,
  InvoiceDate, UnitPrice, CustomerID, Country), as in the Online Retail data.
- ``saai``: our own one-line-per-item format (fecha, ticket, producto, nombre,
  cantidad, precio_unitario, categoria, unidad).

Every step has a stable reference (``<document>/<part>``): the importer uses
it as an idempotency key, so a resumed import never applies a step twice.
"""

import csv
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from chalicelib.domain.money import round_money, to_decimal
from chalicelib.domain.ventas import MAX_LINEAS

VENTA = "VENTA"
ANULAR = "ANULAR"
MERMA = "MERMA"
DEVOLUCION = "DEVOLUCION"

COST_SHARE = Decimal("0.60")


@dataclass
class Product:
    externo: str
    nombre: str
    precio: Decimal
    categoria: str | None = None
    unidad: str = "UNIDAD"
    cantidades: list[Decimal] = field(default_factory=list)

    @property
    def lote(self) -> Decimal:
        """The typical quantity of one line: the size of a covering ENTRADA's margin."""
        if not self.cantidades:
            return Decimal(1)
        median = Decimal(str(statistics.median(self.cantidades)))
        return max(Decimal(1), median.to_integral_value()) if self.unidad == "UNIDAD" else median

    @property
    def costo(self) -> Decimal:
        return round_money(self.precio * COST_SHARE)


@dataclass
class Line:
    externo: str
    cantidad: Decimal
    precio: Decimal


@dataclass
class Step:
    tipo: str
    ref: str
    momento: datetime
    documento: str
    lines: list[Line] = field(default_factory=list)
    anula: list[str] = field(default_factory=list)


@dataclass
class Plan:
    products: dict[str, Product]
    steps: list[Step]

    def shifted(self, days: int) -> "Plan":
        delta = timedelta(days=days)
        steps = [
            Step(s.tipo, s.ref, s.momento + delta, s.documento, s.lines, s.anula)
            for s in self.steps
        ]
        return Plan(self.products, steps)

    def last_day(self) -> date:
        return max(s.momento for s in self.steps).date()

    def days_to_end_on(self, day: date) -> int:
        return (day - self.last_day()).days


@dataclass
class _Row:
    documento: str
    externo: str
    nombre: str
    cantidad: Decimal
    momento: datetime
    precio: Decimal
    cliente: str
    categoria: str | None = None
    unidad: str = "UNIDAD"


def _read(path: Path, limite: int | None) -> list[dict]:
    rows = []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.DictReader(handle)):
            if limite is not None and number >= limite:
                break
            rows.append(row)
    return rows


def _retail_rows(raw: list[dict]) -> list[_Row]:
    return [
        _Row(
            documento=r["InvoiceNo"].strip(),
            externo=r["StockCode"].strip().upper(),
            nombre=r["Description"].strip(),
            cantidad=to_decimal(r["Quantity"]),
            momento=datetime.fromisoformat(r["InvoiceDate"].strip()),
            precio=round_money(to_decimal(r["UnitPrice"])),
            cliente=r.get("CustomerID", "").strip(),
        )
        for r in raw
    ]


def _saai_rows(raw: list[dict]) -> list[_Row]:
    return [
        _Row(
            documento=r["ticket"].strip(),
            externo=(r.get("producto") or "").strip().upper(),
            nombre=(r.get("nombre") or "").strip(),
            cantidad=to_decimal(r.get("cantidad") or "0"),
            momento=datetime.fromisoformat(r["fecha"].strip()),
            precio=round_money(to_decimal(r.get("precio_unitario") or "0")),
            cliente="",
            categoria=(r.get("categoria") or "").strip() or None,
            unidad=(r.get("unidad") or "UNIDAD").strip().upper(),
        )
        for r in raw
    ]


def _catalogue(rows: list[_Row]) -> dict[str, Product]:
    """One product per code; named by its first sold line's description."""
    products: dict[str, Product] = {}
    for row in rows:
        if not row.externo:
            continue
        product = products.get(row.externo)
        if product is None:
            product = products[row.externo] = Product(
                row.externo, "", row.precio, row.categoria, row.unidad
            )
        if row.cantidad > 0 and not row.documento.startswith(("C", "ANULA:")):
            product.cantidades.append(row.cantidad)
            if not product.nombre and row.nombre:
                product.nombre = row.nombre
                product.precio = row.precio
    for product in products.values():
        product.nombre = product.nombre or f"Producto {product.externo}"
    return products


def _documents(rows: list[_Row]) -> dict[str, list[_Row]]:
    grouped: dict[str, list[_Row]] = {}
    for row in rows:
        grouped.setdefault(row.documento, []).append(row)
    return grouped


def _chunks(lines: list[Line]) -> list[list[Line]]:
    """Sales of at most MAX_LINEAS products, one price per product in each."""
    chunks: list[dict[str, Line]] = [{}]
    for line in lines:
        current = chunks[-1]
        same = current.get(line.externo)
        if same and same.precio == line.precio:
            same.cantidad += line.cantidad
            continue
        if same or len(current) == MAX_LINEAS:
            current = {}
            chunks.append(current)
        current[line.externo] = Line(line.externo, line.cantidad, line.precio)
    return [list(c.values()) for c in chunks if c]


def _sales(documento: str, moment: datetime, parts: list[tuple[str, list[Line]]]):
    """Steps for one document's sold lines; ``parts`` are (returned-by, lines)."""
    steps, refs_by_return = [], defaultdict(list)
    number = 0
    for returned_by, lines in parts:
        for chunk in _chunks(lines):
            number += 1
            ref = f"{documento}/{number}"
            steps.append(Step(VENTA, ref, moment, documento, chunk))
            if returned_by:
                refs_by_return[returned_by].append(ref)
    return steps, refs_by_return


def _write_offs(documento: str, rows: list[_Row]) -> list[Step]:
    return [
        Step(
            MERMA,
            f"{documento}/M{i}",
            row.momento,
            documento,
            [Line(row.externo, -row.cantidad, row.precio)],
        )
        for i, row in enumerate(rows, start=1)
    ]


def _match_returns(documents: dict[str, list[_Row]]) -> dict[str, tuple[str, list[Line]]]:
    """C invoice -> (original invoice, returned lines at the original's prices).

    A cancellation matches the most recent earlier invoice of the same customer
    that still holds every returned quantity. Unmatched ones are left out.
    """
    left: dict[str, dict[str, list[list]]] = {}
    by_customer: dict[str, list[str]] = defaultdict(list)
    matches = {}
    for documento, rows in documents.items():
        cliente = rows[0].cliente
        if not documento.startswith("C"):
            sold = [r for r in rows if r.cantidad > 0 and r.externo]
            if sold:
                left[documento] = defaultdict(list)
                for r in sold:
                    left[documento][r.externo].append([r.cantidad, r.precio])
                by_customer[cliente].append(documento)
            continue
        if not cliente:
            continue
        wanted = defaultdict(Decimal)
        for r in rows:
            wanted[r.externo] -= r.cantidad
        for original in reversed(by_customer[cliente]):
            holds = left[original]
            if all(sum(q for q, _ in holds.get(code, [])) >= qty for code, qty in wanted.items()):
                matches[documento] = (original, _take(holds, wanted))
                break
    return matches


def _take(holds: dict[str, list[list]], wanted: dict[str, Decimal]) -> list[Line]:
    taken = []
    for code, qty in wanted.items():
        for slot in holds[code]:
            part = min(qty, slot[0])
            if part > 0:
                slot[0] -= part
                qty -= part
                taken.append(Line(code, part, slot[1]))
    return taken


def plan_retail(path: Path, limite: int | None = None) -> Plan:
    rows = _retail_rows(_read(path, limite))
    documents = _documents(rows)
    matches = _match_returns(documents)
    returned: dict[str, list[tuple[str, list[Line]]]] = defaultdict(list)
    for c_invoice, (original, lines) in matches.items():
        returned[original].append((c_invoice, lines))

    steps: list[Step] = []
    voids: dict[str, list[str]] = {}
    for documento, rows_of in documents.items():
        moment = rows_of[0].momento
        if documento.startswith("C"):
            steps.append(_cancellation(documento, moment, rows_of, voids))
            continue
        sold = [r for r in rows_of if r.cantidad > 0 and r.externo]
        kept = _kept_lines(sold, returned.get(documento, []))
        parts = [("", kept)] + returned.get(documento, [])
        sales, refs = _sales(documento, moment, parts)
        steps += sales
        voids.update(refs)
        steps += _write_offs(documento, [r for r in rows_of if r.cantidad < 0 and r.externo])
    return Plan(_catalogue(rows), steps)


def _kept_lines(sold: list[_Row], returns: list[tuple[str, list[Line]]]) -> list[Line]:
    """The invoice's lines less what later cancellations return."""
    out = defaultdict(Decimal)
    for _, lines in returns:
        for line in lines:
            out[(line.externo, line.precio)] += line.cantidad
    kept = []
    for row in sold:
        quantity = row.cantidad
        take = min(quantity, out[(row.externo, row.precio)])
        out[(row.externo, row.precio)] -= take
        if quantity - take > 0:
            kept.append(Line(row.externo, quantity - take, row.precio))
    return kept


def _cancellation(documento: str, moment, rows: list[_Row], voids: dict) -> Step:
    if documento in voids:
        return Step(ANULAR, f"{documento}/A", moment, documento, anula=voids[documento])
    lines = [Line(r.externo, -r.cantidad, r.precio) for r in rows if r.externo and r.cantidad < 0]
    return Step(DEVOLUCION, f"{documento}/D", moment, documento, lines)


def plan_saai(path: Path, limite: int | None = None) -> Plan:
    rows = _saai_rows(_read(path, limite))
    steps: list[Step] = []
    refs: dict[str, list[str]] = {}
    for documento, rows_of in _documents(rows).items():
        moment = rows_of[0].momento
        if documento.startswith("ANULA:"):
            target = documento.removeprefix("ANULA:")
            steps.append(
                Step(ANULAR, f"{documento}/A", moment, documento, anula=refs.get(target, []))
            )
            continue
        sold = [Line(r.externo, r.cantidad, r.precio) for r in rows_of if r.cantidad > 0]
        sales, _ = _sales(documento, moment, [("", sold)])
        refs[documento] = [s.ref for s in sales]
        steps += sales
        steps += _write_offs(documento, [r for r in rows_of if r.cantidad < 0])
    return Plan(_catalogue(rows), steps)


PLANNERS = {"retail": plan_retail, "saai": plan_saai}
