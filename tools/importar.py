"""Load a shop's catalogue and sales history from a CSV through SAAI's own services.

    python -m tools.importar --tienda T001 --archivo FILE [--formato retail|saai]
                             [--hasta-ayer] [--limite-lineas N] [--usuario T001U001]

Every step runs at the file's time (``clock.frozen``) through the same
services as the API, so stock, kardex and codes come out as if the sales had
been rung up then. Progress is kept in a checkpoint item per shop and file
(``IMPORTACION#<hash>`` in ``t_contadores``) and each step writes an origin
guard, so an interrupted import resumes without applying anything twice and a
finished one is a no-op. The rules are in docs/importacion.md.
"""

import argparse
import hashlib
import sys
from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from tqdm import tqdm

from chalicelib import clock
from chalicelib.adapters import dynamo
from chalicelib.domain import roles
from chalicelib.domain.catalogo import MovimientoNuevo, ProductoCambio, ProductoNuevo
from chalicelib.domain.ventas import VentaNueva
from chalicelib.errors import AlreadyAppliedError, ConflictError, InsufficientStockError
from chalicelib.logs import logger
from chalicelib.services import productos, ventas
from chalicelib.services.auth import Caller
from tools import historial

CHECKPOINT_EVERY = 25
COUNTERS = "t_contadores"


@dataclass
class Summary:
    ventas: int = 0
    anulaciones: int = 0
    mermas: int = 0
    devoluciones_sin_venta: int = 0
    entradas_de_cobertura: int = 0
    productos_nuevos: int = 0
    omitidos: int = 0
    unidades_vendidas: Decimal = Decimal(0)
    ingresos: Decimal = Decimal("0.00")
    pasos: int = 0
    ya_importado: bool = False
    notas: list[str] = field(default_factory=list)


def file_hash(path: Path, formato: str, limite: int | None) -> str:
    digest = hashlib.sha256()
    digest.update(f"{formato}:{limite}:".encode())
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:20]


class Importer:
    """Applies a plan's steps to one shop, remembering how far it got."""

    def __init__(self, tienda: str, plan: historial.Plan, clave: str, usuario: str, nota=None):
        self.tienda = tienda
        self.plan = plan
        self.clave = clave
        self.usuario = usuario
        self.nota = nota
        self.caller = Caller(tienda, roles.ADMINISTRADOR, usuario, "importacion", 0)
        self.products: dict[str, dict] = {}
        self.externos: dict[str, str] = {}
        self.summary = Summary()

    # Checkpoint ------------------------------------------------------------

    @property
    def checkpoint_key(self) -> str:
        return f"IMPORTACION#{self.clave}"

    def load_checkpoint(self) -> dict | None:
        return dynamo.get(COUNTERS, self.tienda, self.checkpoint_key)

    def save_checkpoint(self, state: dict) -> None:
        dynamo.put(COUNTERS, self.tienda, self.checkpoint_key, state)

    def origin(self, ref: str) -> str:
        return f"{self.clave}:{ref}"

    # Catalogue -------------------------------------------------------------

    def ensure_catalogue(self, first_moment, progress: bool = True) -> None:
        """Create missing products (stock 0) at the history's start; find the others."""
        with clock.frozen(first_moment):
            items = self.plan.products.items()
            for externo, item in tqdm(items, desc="catálogo", unit="prod", disable=not progress):
                found = productos.find_by_barcode(self.tienda, externo)
                if found is None:
                    body = ProductoNuevo(
                        nombre=item.nombre[:120],
                        precio=item.precio,
                        costo=item.costo,
                        stock=0,
                        stock_minimo=(item.lote / 2).to_integral_value(),
                        categoria=item.categoria,
                        codigo_barras=externo,
                        unidad=item.unidad,
                    )
                    found = productos.create(self.tienda, body, por=self.usuario)
                    self.summary.productos_nuevos += 1
                self.products[externo] = found
                self.externos[found["codigo"]] = externo

    def refresh(self, externos: list[str]) -> None:
        keys = {e: self.products[e]["clave"] for e in externos}
        found = dynamo.batch_get(productos.TABLE, self.tienda, list(keys.values()))
        for externo, key in keys.items():
            self.products[externo] = found[key]

    # Steps -----------------------------------------------------------------

    def already_applied(self, step: historial.Step) -> bool:
        if step.tipo == historial.VENTA:
            return ventas.find_by_origin(self.tienda, self.origin(step.ref)) is not None
        if step.tipo in (historial.MERMA, historial.DEVOLUCION):
            guard = productos.origin_key(self.origin(step.ref + "/1"))
            return dynamo.get(productos.KARDEX, self.tienda, guard) is not None
        return False

    def apply(self, step: historial.Step) -> None:
        handler = {
            historial.VENTA: self.sell,
            historial.ANULAR: self.void,
            historial.MERMA: self.write_off,
            historial.DEVOLUCION: self.take_back,
        }[step.tipo]
        handler(step)

    def cover(self, externo: str, needed: Decimal, documento: str) -> None:
        """An ENTRADA so that ``needed`` is available: the shortfall plus one lot."""
        product = self.products[externo]
        if product["stock"] >= needed:
            return
        lote = self.plan.products[externo].lote
        cantidad = needed - product["stock"] + lote
        body = MovimientoNuevo(
            tipo="ENTRADA",
            cantidad=cantidad,
            motivo=f"Reposición estimada por importación (antes de {documento})",
        )
        answer = productos.move_stock(self.tienda, product["codigo"], body, self.usuario)
        self.products[externo] = {**product, "stock": answer["stock"]}
        self.summary.entradas_de_cobertura += 1

    def set_price(self, externo: str, precio: Decimal) -> None:
        product = self.products[externo]
        if product["precio"] == precio:
            return
        productos.update(
            self.tienda, product["codigo"], ProductoCambio(precio=precio), self.usuario
        )
        self.products[externo] = {**product, "precio": precio}

    def sell(self, step: historial.Step) -> None:
        for line in step.lines:
            self.set_price(line.externo, line.precio)
            self.cover(line.externo, line.cantidad, step.documento)
        body = VentaNueva(
            items=[
                {"producto": self.products[ln.externo]["codigo"], "cantidad": ln.cantidad}
                for ln in step.lines
            ],
            metodo_pago="EFECTIVO",
        )
        extra = {"origen": {"documento": step.documento, "referencia": step.ref}}
        if self.nota:
            extra["nota"] = self.nota
        try:
            sale = ventas.register(
                self.tienda, body, self.usuario, origen=self.origin(step.ref), extra=extra
            )
        except AlreadyAppliedError:
            self.summary.omitidos += 1
            return
        except InsufficientStockError:
            self.refresh([ln.externo for ln in step.lines])
            return self.sell(step)
        for line in step.lines:
            self.products[line.externo]["stock"] -= line.cantidad
        self.summary.ventas += 1
        self.summary.unidades_vendidas += sum(ln.cantidad for ln in step.lines)
        self.summary.ingresos += sale["total"]

    def void(self, step: historial.Step) -> None:
        for ref in step.anula:
            codigo = ventas.find_by_origin(self.tienda, self.origin(ref))
            if codigo is None:
                continue
            try:
                sale = ventas.void(self.tienda, codigo, f"Devolución {step.documento}", self.caller)
            except ConflictError:
                continue
            for item in sale["items"]:
                self.products[self.externos[item["producto"]]]["stock"] += item["cantidad"]
            self.summary.anulaciones += 1

    def write_off(self, step: historial.Step) -> None:
        for number, line in enumerate(step.lines, start=1):
            self.cover(line.externo, line.cantidad, step.documento)
            self._move(step, number, line, "MERMA", f"Merma importada ({step.documento})")
        self.summary.mermas += 1

    def take_back(self, step: historial.Step) -> None:
        for number, line in enumerate(step.lines, start=1):
            motivo = f"Devolución {step.documento} sin venta coincidente"
            self._move(step, number, line, "ENTRADA", motivo)
        self.summary.devoluciones_sin_venta += 1

    def _move(self, step, number: int, line, tipo: str, motivo: str) -> None:
        product = self.products[line.externo]
        body = MovimientoNuevo(tipo=tipo, cantidad=line.cantidad, motivo=motivo)
        try:
            answer = productos.move_stock(
                self.tienda,
                product["codigo"],
                body,
                self.usuario,
                origen=self.origin(f"{step.ref}/{number}"),
            )
        except AlreadyAppliedError:
            self.summary.omitidos += 1
            self.refresh([line.externo])
            return
        self.products[line.externo] = {**product, "stock": answer["stock"]}

    # Run -------------------------------------------------------------------

    def run(
        self, desplazamiento: int | None, progress: bool = True, max_pasos: int | None = None
    ) -> Summary:
        """Apply the steps after the checkpoint; ``max_pasos`` stops early like a crash would."""
        state = self.load_checkpoint() or {}
        if state.get("terminado"):
            self.summary.ya_importado = True
            return self.summary
        days = state.get("desplazamiento_dias", desplazamiento or 0)
        days = int(days)
        plan = self.plan.shifted(days) if days else self.plan
        state = {**state, "desplazamiento_dias": days, "pasos": len(plan.steps)}
        if self.nota:
            state["nota"] = self.nota
        done = int(state.get("hechos", 0))
        self.save_checkpoint({**state, "hechos": done})
        if not plan.steps:
            self.save_checkpoint({**state, "hechos": 0, "terminado": True})
            return self.summary
        self.ensure_catalogue(plan.steps[0].momento - timedelta(minutes=1), progress)
        bar = tqdm(
            total=len(plan.steps), initial=done, desc="historial", unit="paso", disable=not progress
        )
        for index in range(done, len(plan.steps)):
            if max_pasos is not None and self.summary.pasos >= max_pasos:
                return self.summary
            step = plan.steps[index]
            with clock.frozen(step.momento):
                if index < done + CHECKPOINT_EVERY and done and self.already_applied(step):
                    self.summary.omitidos += 1
                else:
                    self.apply(step)
            self.summary.pasos += 1
            bar.update(1)
            if (index + 1) % CHECKPOINT_EVERY == 0:
                self.save_checkpoint({**state, "hechos": index + 1})
        bar.close()
        self.save_checkpoint({**state, "hechos": len(plan.steps), "terminado": True})
        logger.info(
            "historial importado",
            extra={
                "tenant_id": self.tienda,
                "importacion": self.clave,
                "ventas": self.summary.ventas,
                "anulaciones": self.summary.anulaciones,
                "ingresos": str(self.summary.ingresos),
            },
        )
        return self.summary


def import_file(
    tienda: str,
    archivo: Path,
    formato: str = "retail",
    hasta_ayer: bool = False,
    limite: int | None = None,
    usuario: str | None = None,
    nota: str | None = None,
    progress: bool = True,
    max_pasos: int | None = None,
) -> Summary:
    plan = historial.PLANNERS[formato](archivo, limite)
    clave = file_hash(archivo, formato, limite)
    importer = Importer(tienda, plan, clave, usuario or f"{tienda}U001", nota)
    shift = None
    if hasta_ayer and plan.steps:
        shift = plan.days_to_end_on(clock.today() - timedelta(days=1))
    return importer.run(shift, progress=progress, max_pasos=max_pasos)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.importar", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--tienda", required=True)
    parser.add_argument("--archivo", required=True, type=Path)
    parser.add_argument("--formato", choices=sorted(historial.PLANNERS), default="retail")
    parser.add_argument("--hasta-ayer", action="store_true")
    parser.add_argument("--limite-lineas", type=int)
    parser.add_argument("--usuario", help="código de quien registra (por defecto <tienda>U001)")
    args = parser.parse_args(argv)
    summary = import_file(
        args.tienda.upper(),
        args.archivo,
        args.formato,
        args.hasta_ayer,
        args.limite_lineas,
        args.usuario,
    )
    print_summary(args.tienda.upper(), summary)
    return 0


def print_summary(tienda: str, summary: Summary) -> None:
    if summary.ya_importado:
        print(f"{tienda}: este archivo ya estaba importado; no se escribió nada.")
        return
    print(
        f"{tienda}: {summary.ventas} ventas "
        f"(S/ {summary.ingresos}, {summary.unidades_vendidas} unidades), "
        f"{summary.anulaciones} anulaciones, {summary.mermas} mermas, "
        f"{summary.devoluciones_sin_venta} devoluciones sin venta, "
        f"{summary.entradas_de_cobertura} entradas de cobertura, "
        f"{summary.productos_nuevos} productos nuevos, {summary.omitidos} pasos ya aplicados."
    )


if __name__ == "__main__":
    sys.exit(main())
