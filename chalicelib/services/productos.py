"""The catalogue (``t_productos``), its stock movements and the kardex (``t_kardex``).

A product is the item ``P#<number>``; a barcode in use is the guard item
``BARRAS#<code>`` pointing at it, so barcodes stay unique within the shop.

Stock changes only through ``stock_actions``: it writes the new stock as a
literal, conditioned on the stock and ``version`` that were read (optimistic
concurrency), together with the kardex row carrying that exact balance, in
one transaction. A refused condition means someone else changed the product
first: the caller reads again and retries a bounded number of times.

Kardex rows are keyed ``P#<number>#<UTC time, microseconds>#<version>``: they
sort by time, and the product's version (one per change) keeps them unique
and in commit order when two changes share an instant.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from chalicelib import clock
from chalicelib.adapters import dynamo
from chalicelib.domain import cantidades, catalogo, codes, records
from chalicelib.domain.catalogo import MovimientoNuevo, ProductoCambio, ProductoNuevo
from chalicelib.errors import (
    AlreadyAppliedError,
    AlreadyExistsError,
    BadRequestError,
    ConcurrentUpdateError,
    ConflictError,
    InsufficientStockError,
    NotFoundError,
)
from chalicelib.logs import logger
from chalicelib.services import avisos, registros

TABLE = "t_productos"
KARDEX = "t_kardex"
ATTEMPTS = 5

_HIDDEN = {"clave", "nombre_busqueda", "version"}


def public(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in _HIDDEN}


def barcode_key(codigo_barras: str) -> str:
    return f"BARRAS#{codigo_barras.upper()}"


def kardex_key(product_key: str, moment: datetime, version: int) -> str:
    stamp = moment.astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    return f"{product_key}#{stamp}#{version:09d}"


# Reading ------------------------------------------------------------------


def get(tenant_id: str, codigo: str) -> dict:
    """The product by code, active or not (``NotFoundError`` if it never existed here)."""
    return registros.by_code(TABLE, tenant_id, "P", codigo)


def get_active(tenant_id: str, codigo: str) -> dict:
    record = get(tenant_id, codigo)
    if not records.is_active(record):
        raise NotFoundError(f"El producto {codigo} fue dado de baja.")
    return record


def find_by_barcode(tenant_id: str, codigo_barras: str) -> dict | None:
    link = dynamo.get(TABLE, tenant_id, barcode_key(codigo_barras))
    return dynamo.get(TABLE, tenant_id, link["clave"]) if link else None


def matcher(q: str | None, categoria: str | None) -> Callable[[dict], bool]:
    """The list filter: active products whose name, code or barcode contain ``q``."""
    needle = catalogo.normalized(q.strip()) if q and q.strip() else None
    wanted = catalogo.normalized(categoria.strip()) if categoria and categoria.strip() else None

    def keep(record: dict) -> bool:
        if not records.is_active(record):
            return False
        if wanted and catalogo.normalized(record.get("categoria") or "") != wanted:
            return False
        if not needle:
            return True
        return (
            needle in record["nombre_busqueda"]
            or needle in record["codigo"].casefold()
            or needle in (record.get("codigo_barras") or "").casefold()
        )

    return keep


def list_page(tenant_id: str, q=None, categoria=None, limite=None, siguiente=None) -> dynamo.Page:
    page = dynamo.query_page(
        TABLE,
        tenant_id,
        prefix="P#",
        limite=limite,
        siguiente=siguiente,
        keep=matcher(q, categoria),
    )
    return dynamo.Page([public(r) for r in page.items], page.siguiente)


def kardex_page(tenant_id: str, codigo: str, limite=None, siguiente=None) -> dynamo.Page:
    product = get(tenant_id, codigo)
    return dynamo.query_page(
        KARDEX,
        tenant_id,
        prefix=product["clave"] + "#",
        limite=limite,
        siguiente=siguiente,
        newest_first=True,
    )


# Stock changes ------------------------------------------------------------


@dataclass(frozen=True)
class StockMove:
    """One planned change of one product's stock, decided on the product as read."""

    product: dict
    delta: Decimal
    tipo: str
    referencia: str
    motivo: str
    require_active: bool = True

    @property
    def antes(self) -> Decimal:
        return self.product["stock"]

    @property
    def despues(self) -> Decimal:
        return cantidades.plain(self.antes + self.delta)


def stock_actions(
    tenant_id: str, move: StockMove, usuario: str, moment: datetime
) -> tuple[list[dict], dict, avisos.StockChange]:
    """The conditioned product update and its kardex row, for one transaction."""
    product = move.product
    version = int(product["version"]) + 1
    condition = "#d.#version = :version AND #d.#stock = :stock"
    values = {":version": int(product["version"]), ":stock": move.antes}
    names = {"#version": "version", "#stock": "stock"}
    if move.delta < 0:
        condition += " AND #d.#stock >= :need"
        values[":need"] = -move.delta
    if move.require_active:
        condition += " AND #d.#estado = :activo"
        values[":activo"] = records.ACTIVO
        names["#estado"] = "estado"
    update = dynamo.Update(
        set_fields={"stock": move.despues, "version": version},
        condition=condition,
        condition_values=values,
        condition_names=names,
    )
    row = {
        "producto": product["codigo"],
        "fecha": clock.iso(moment),
        "tipo": move.tipo,
        "cantidad": cantidades.plain(move.delta),
        "saldo": move.despues,
        "referencia": move.referencia,
        "motivo": move.motivo,
        "usuario": usuario,
    }
    key = kardex_key(product["clave"], moment, version)
    actions = [
        dynamo.tx_update(TABLE, tenant_id, product["clave"], update),
        dynamo.tx_put(KARDEX, dynamo.item(tenant_id, key, row)),
    ]
    change = avisos.StockChange(
        producto={**product, "stock": move.despues, "version": version},
        antes=move.antes,
        despues=move.despues,
        motivo=move.tipo,
        referencia=move.referencia,
    )
    return actions, row, change


def refused_products(exc: dynamo.ConditionFailed, actions: list[dict]) -> list[dict]:
    """The products (as stored now) whose conditioned update was refused."""
    refused = []
    for reason, action, old in zip(exc.reasons, actions, exc.items, strict=False):
        update = action.get("Update")
        if reason and update and update["TableName"] == dynamo.table_name(TABLE) and old:
            refused.append(old["data"])
    return refused


def insufficient(product: dict, wanted: Decimal, campo: str = "cantidad") -> InsufficientStockError:
    disponible = cantidades.plain(product["stock"])
    return InsufficientStockError(
        f"Stock insuficiente de {product['codigo']} ({product['nombre']}): "
        f"hay {disponible}, se pidió {cantidades.plain(wanted)}.",
        [{"campo": campo, "mensaje": f"Disponible: {disponible}."}],
    )


def check_unit(product: dict, cantidad: Decimal, campo: str) -> None:
    if not cantidades.fits_unit(cantidad, product["unidad"]):
        raise BadRequestError.field(campo, cantidades.unit_message(product["unidad"]))


def origin_key(origen: str) -> str:
    return f"ORIGEN#{origen}"


def _movement_guard(tenant_id: str, origen: str | None, row: dict) -> list[dict]:
    """A put that fails when this external reference (an import line) was already applied."""
    if not origen:
        return []
    return [dynamo.tx_put(KARDEX, dynamo.item(tenant_id, origin_key(origen), row))]


def move_stock(
    tenant_id: str,
    codigo: str,
    body: MovimientoNuevo,
    usuario: str,
    origen: str | None = None,
) -> dict:
    """ENTRADA, MERMA or AJUSTE: the stock changes and the kardex gains a row.

    Raises ``InsufficientStockError`` when the result would be below zero,
    ``AlreadyAppliedError`` when ``origen`` was already applied.
    """
    for _ in range(ATTEMPTS):
        product = get_active(tenant_id, codigo)
        check_unit(product, body.cantidad, "cantidad")
        if product["stock"] + body.change() < 0:
            raise insufficient(product, -body.change())
        moment = clock.now()
        referencia = f"{codigo}-K{int(product['version']) + 1}"
        move = StockMove(product, body.change(), body.tipo, referencia, body.motivo)
        actions, row, change = stock_actions(tenant_id, move, usuario, moment)
        guard = _movement_guard(tenant_id, origen, row)
        try:
            dynamo.transact(actions + guard + avisos.alert_actions(tenant_id, [change]))
        except dynamo.ConditionFailed as exc:
            if guard and exc.reasons[len(actions)]:
                raise AlreadyAppliedError(f"El movimiento {origen} ya se registró.") from None
            continue
        except ConcurrentUpdateError:
            continue
        break
    else:
        raise ConcurrentUpdateError("El producto cambió varias veces a la vez; intente de nuevo.")

    avisos.after_commit(tenant_id, [avisos.Notice("inventario_actualizado", codigo)])
    logger.info(
        "movimiento de stock",
        extra={
            "tenant_id": tenant_id,
            "codigo": codigo,
            "tipo": body.tipo,
            "cantidad": str(row["cantidad"]),
            "saldo": str(row["saldo"]),
        },
    )
    return {"producto": public(change.producto), "stock": row["saldo"], "movimiento": row}


# Catalogue ----------------------------------------------------------------


def _barcode_taken(codigo_barras: str) -> AlreadyExistsError:
    return AlreadyExistsError(
        f"El código de barras {codigo_barras} ya está en otro producto de esta tienda.",
        [{"campo": "codigo_barras", "mensaje": "Ya está en otro producto."}],
    )


def create(tenant_id: str, body: ProductoNuevo, por: str) -> dict:
    """A new product; its initial stock is the kardex's first row (INICIAL)."""
    if body.codigo_barras and dynamo.get(TABLE, tenant_id, barcode_key(body.codigo_barras)):
        raise _barcode_taken(body.codigo_barras)
    number = dynamo.next_number(tenant_id, "P")
    key = codes.sort_key("P", number)
    codigo = codes.entity_code(tenant_id, "P", number)
    moment = clock.now()
    record = {
        "codigo": codigo,
        "clave": key,
        "nombre": body.nombre,
        "nombre_busqueda": catalogo.normalized(body.nombre),
        "precio": body.precio,
        "costo": body.costo,
        "stock": cantidades.plain(body.stock),
        "stock_minimo": cantidades.plain(body.stock_minimo),
        "categoria": body.categoria,
        "codigo_barras": body.codigo_barras,
        "unidad": body.unidad,
        "estado": records.ACTIVO,
        "version": 1,
        "creado_en": clock.iso(moment),
        "creado_por": por,
    }
    row = {
        "producto": codigo,
        "fecha": clock.iso(moment),
        "tipo": catalogo.INICIAL,
        "cantidad": record["stock"],
        "saldo": record["stock"],
        "referencia": codigo,
        "motivo": "Stock inicial",
        "usuario": por,
    }
    actions = [
        dynamo.tx_put(TABLE, dynamo.item(tenant_id, key, record)),
        dynamo.tx_put(KARDEX, dynamo.item(tenant_id, kardex_key(key, moment, 1), row)),
    ]
    if body.codigo_barras:
        link = {"codigo": codigo, "clave": key}
        actions.append(
            dynamo.tx_put(TABLE, dynamo.item(tenant_id, barcode_key(body.codigo_barras), link))
        )
    change = avisos.StockChange(record, Decimal(0), record["stock"], catalogo.INICIAL, codigo)
    try:
        dynamo.transact(actions + avisos.alert_actions(tenant_id, [change]))
    except dynamo.ConditionFailed as exc:
        raise _barcode_taken(body.codigo_barras or "") from exc
    avisos.after_commit(tenant_id, [avisos.Notice("inventario_actualizado", codigo)])
    logger.info("producto creado", extra={"tenant_id": tenant_id, "codigo": codigo, "por": por})
    return public(record)


def update(tenant_id: str, codigo: str, body: ProductoCambio, por: str) -> dict:
    """Name, prices, minimum, category, barcode or unit; never the stock."""
    cambios = body.changes()
    for _ in range(ATTEMPTS):
        product = get_active(tenant_id, codigo)
        actions, fields = _update_actions(tenant_id, product, cambios)
        try:
            dynamo.transact(actions)
        except dynamo.ConditionFailed as exc:
            if len(actions) > 1 and any(exc.reasons[1:]):
                raise _barcode_taken(cambios["codigo_barras"]) from exc
            continue
        except ConcurrentUpdateError:
            continue
        break
    else:
        raise ConcurrentUpdateError("El producto cambió varias veces a la vez; intente de nuevo.")
    logger.info(
        "producto cambiado",
        extra={"tenant_id": tenant_id, "codigo": codigo, "campos": sorted(cambios), "por": por},
    )
    return public({**product, **fields})


def _update_actions(tenant_id: str, product: dict, cambios: dict) -> tuple[list[dict], dict]:
    fields = dict(cambios)
    unidad = fields.get("unidad", product["unidad"])
    for name in ("stock", "stock_minimo"):
        value = fields.get(name, product[name])
        if not cantidades.fits_unit(value, unidad):
            raise ConflictError(
                f"{name} = {value} no es válido para la unidad {unidad}.",
                [
                    {
                        "campo": "unidad" if "unidad" in fields else name,
                        "mensaje": cantidades.unit_message(unidad),
                    }
                ],
            )
    if "stock_minimo" in fields:
        fields["stock_minimo"] = cantidades.plain(fields["stock_minimo"])
    if "nombre" in fields:
        fields["nombre_busqueda"] = catalogo.normalized(fields["nombre"])
    update = dynamo.Update(
        set_fields=fields,
        condition="#d.#version = :version AND #d.#estado = :activo",
        condition_values={":version": int(product["version"]), ":activo": records.ACTIVO},
        condition_names={"#version": "version", "#estado": "estado"},
    )
    actions = [dynamo.tx_update(TABLE, tenant_id, product["clave"], update)]
    old, new = (
        product.get("codigo_barras"),
        fields.get("codigo_barras", product.get("codigo_barras")),
    )
    if old != new:
        if new:
            link = {"codigo": product["codigo"], "clave": product["clave"]}
            actions.append(dynamo.tx_put(TABLE, dynamo.item(tenant_id, barcode_key(new), link)))
        if old:
            actions.append(dynamo.tx_delete(TABLE, tenant_id, barcode_key(old)))
    return actions, fields


def deactivate(tenant_id: str, codigo: str, motivo: str, por: str) -> None:
    """Soft delete: readable by code, gone from lists and sales; its barcode is freed."""
    for _ in range(ATTEMPTS):
        product = get_active(tenant_id, codigo)
        update = dynamo.Update(
            set_fields={"estado": records.INACTIVO, "baja": records.baja(por, motivo)},
            condition="#d.#version = :version AND #d.#estado = :activo",
            condition_values={":version": int(product["version"]), ":activo": records.ACTIVO},
            condition_names={"#version": "version", "#estado": "estado"},
        )
        actions = [dynamo.tx_update(TABLE, tenant_id, product["clave"], update)]
        if product.get("codigo_barras"):
            actions.append(
                dynamo.tx_delete(TABLE, tenant_id, barcode_key(product["codigo_barras"]))
            )
        try:
            dynamo.transact(actions)
        except (dynamo.ConditionFailed, ConcurrentUpdateError):
            continue
        break
    else:
        raise ConcurrentUpdateError("El producto cambió varias veces a la vez; intente de nuevo.")
    avisos.after_commit(tenant_id, [avisos.Notice("inventario_actualizado", codigo)])
    logger.info(
        "producto dado de baja", extra={"tenant_id": tenant_id, "codigo": codigo, "por": por}
    )
