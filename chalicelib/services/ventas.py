"""Sales (``t_ventas``): registering, reading, listing by Lima day, voiding.

A sale is two items holding the same record: ``V#<number>`` (read by code)
and ``D#<Lima time>#<number>`` (a day or a range of days is one Query).
Registering takes three DynamoDB calls: one BatchGetItem for the products,
the counter, and one TransactWriteItems with both sale items, each product's
decrement (conditioned on the stock and version read, enough stock and
ACTIVO) and its kardex row. A refused condition re-reads and decides again:
not enough stock is a 409 and nothing is written.

With an ``Idempotency-Key`` the sale goes through Powertools' idempotency
utility (``t_idempotencia``), keyed by tenant and key, so a retried request
gets the first answer and writes nothing new.
"""

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal
from functools import lru_cache

from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)
from aws_lambda_powertools.utilities.idempotency.exceptions import (
    IdempotencyAlreadyInProgressError,
    IdempotencyValidationError,
)
from aws_lambda_powertools.utilities.idempotency.serialization.base import (
    BaseIdempotencySerializer,
)

from chalicelib import clock
from chalicelib.adapters import aws, dynamo
from chalicelib.domain import cantidades, catalogo, codes, fechas, records, roles
from chalicelib.domain.money import round_money
from chalicelib.domain.ventas import MAX_LINEAS, VentaNueva
from chalicelib.errors import (
    AlreadyAppliedError,
    BadRequestError,
    ConcurrentUpdateError,
    ConflictError,
    ForbiddenError,
    NotFoundError,
    UnprocessableError,
)
from chalicelib.logs import logger
from chalicelib.services import avisos, productos, registros
from chalicelib.services.auth import Caller

TABLE = "t_ventas"
REGISTRADA = "REGISTRADA"
ANULADA = "ANULADA"
IDEMPOTENCY_SECONDS = 24 * 3600


def day_key(moment: datetime, number: int) -> str:
    return f"D#{moment.astimezone(clock.LIMA).strftime('%Y-%m-%dT%H:%M:%S')}#{number:09d}"


def _line_campo(index: int, name: str) -> str:
    return f"items[{index}].{name}"


def merged_lines(body: VentaNueva) -> list[tuple[str, Decimal, int]]:
    """(product, total quantity, index of its first line): repeated products are merged."""
    totals: dict[str, list] = {}
    for index, line in enumerate(body.items):
        if line.producto in totals:
            totals[line.producto][0] += line.cantidad
        else:
            totals[line.producto] = [line.cantidad, index]
    return [(codigo, total, index) for codigo, (total, index) in totals.items()]


def _product_keys(tenant_id: str, lines: list) -> dict[str, str]:
    keys = {}
    for codigo, _, index in lines:
        try:
            keys[codigo] = codes.entity_sort_key(tenant_id, "P", codigo)
        except NotFoundError as exc:
            exc.campos = [{"campo": _line_campo(index, "producto"), "mensaje": "No existe."}]
            raise
    return keys


def _check_lines(lines: list, keys: dict[str, str], found: dict[str, dict]) -> None:
    """404 for unknown or deleted products, 400 for fractions of whole units, 409 for stock."""
    shortages = []
    for codigo, cantidad, index in lines:
        product = found.get(keys[codigo])
        if not product or not records.is_active(product):
            raise NotFoundError(
                f"No existe el producto {codigo}.",
                [{"campo": _line_campo(index, "producto"), "mensaje": "No existe."}],
            )
        productos.check_unit(product, cantidad, _line_campo(index, "cantidad"))
        if product["stock"] < cantidad:
            shortages.append(
                productos.insufficient(product, cantidad, _line_campo(index, "cantidad"))
            )
    if shortages:
        first = shortages[0]
        first.mensaje = " ".join(s.mensaje for s in shortages)
        first.campos = [c for s in shortages for c in s.campos]
        raise first


def _sale_record(
    tenant_id: str, number: int, moment: datetime, body: VentaNueva, vendedor: str, lines, products
) -> dict:
    items = []
    for codigo, cantidad, _ in lines:
        product = products[codigo]
        items.append(
            {
                "producto": codigo,
                "nombre": product["nombre"],
                "cantidad": cantidades.plain(cantidad),
                "unidad": product["unidad"],
                "precio_unitario": product["precio"],
                "costo_unitario": product["costo"],
                "subtotal": round_money(cantidad * product["precio"]),
            }
        )
    return {
        "codigo": codes.entity_code(tenant_id, "V", number),
        "clave": codes.sort_key("V", number),
        "clave_dia": day_key(moment, number),
        "fecha": clock.iso(moment),
        "dia": moment.astimezone(clock.LIMA).date().isoformat(),
        "vendedor": vendedor,
        "metodo_pago": body.metodo_pago,
        "items": items,
        "total": sum((i["subtotal"] for i in items), Decimal("0.00")),
        "estado": REGISTRADA,
    }


def register(
    tenant_id: str,
    body: VentaNueva,
    vendedor: str,
    origen: str | None = None,
    extra: dict | None = None,
) -> dict:
    """Record a sale at the catalogue's prices, or write nothing.

    Raises ``NotFoundError`` (unknown product), ``BadRequestError`` (a fraction
    of a whole unit), ``InsufficientStockError``, ``AlreadyAppliedError`` (the
    import reference ``origen`` was already recorded).
    """
    lines = merged_lines(body)
    if len(lines) > MAX_LINEAS:
        raise BadRequestError.field("items", f"Como máximo {MAX_LINEAS} productos.")
    keys = _product_keys(tenant_id, lines)
    number = None
    for _ in range(productos.ATTEMPTS):
        found = dynamo.batch_get(productos.TABLE, tenant_id, list(keys.values()))
        _check_lines(lines, keys, found)
        if number is None:
            number = dynamo.next_number(tenant_id, "V")
        moment = clock.now()
        by_code = {codigo: found[keys[codigo]] for codigo, _, _ in lines}
        sale = _sale_record(tenant_id, number, moment, body, vendedor, lines, by_code)
        sale.update(extra or {})
        actions, changes, guards = _sale_actions(tenant_id, sale, lines, by_code, origen)
        try:
            dynamo.transact(actions + avisos.alert_actions(tenant_id, changes))
        except dynamo.ConditionFailed as exc:
            if guards and exc.reasons[2]:
                raise AlreadyAppliedError(f"La venta de {origen} ya se registró.") from None
            _refused(exc, actions, lines)
            continue
        except ConcurrentUpdateError:
            continue
        break
    else:
        raise ConcurrentUpdateError(
            "Los productos cambiaron varias veces a la vez; intente de nuevo."
        )

    avisos.after_commit(tenant_id, [avisos.Notice("venta_registrada", sale["codigo"])])
    logger.info(
        "venta registrada",
        extra={
            "tenant_id": tenant_id,
            "codigo": sale["codigo"],
            "total": str(sale["total"]),
            "lineas": len(sale["items"]),
            "vendedor": vendedor,
        },
    )
    return public(sale)


def _sale_actions(tenant_id: str, sale: dict, lines, products: dict, origen: str | None):
    actions = [
        dynamo.tx_put(TABLE, dynamo.item(tenant_id, sale["clave"], sale)),
        dynamo.tx_put(TABLE, dynamo.item(tenant_id, sale["clave_dia"], sale)),
    ]
    guards = []
    if origen:
        link = {"codigo": sale["codigo"], "origen": origen}
        guards = [dynamo.tx_put(TABLE, dynamo.item(tenant_id, productos.origin_key(origen), link))]
    actions += guards
    moment = clock.now()
    changes = []
    for codigo, cantidad, _ in lines:
        move = productos.StockMove(
            products[codigo], -cantidad, catalogo.VENTA, sale["codigo"], "Venta"
        )
        product_actions, _, change = productos.stock_actions(
            tenant_id, move, sale["vendedor"], moment
        )
        actions += product_actions
        changes.append(change)
    return actions, changes, guards


def _refused(exc: dynamo.ConditionFailed, actions: list[dict], lines) -> None:
    """Raise when a refused product truly lacks stock or is gone; return to retry otherwise."""
    index_of = {codigo: (cantidad, index) for codigo, cantidad, index in lines}
    for product in productos.refused_products(exc, actions):
        cantidad, index = index_of[product["codigo"]]
        if not records.is_active(product):
            raise NotFoundError(
                f"No existe el producto {product['codigo']}.",
                [{"campo": _line_campo(index, "producto"), "mensaje": "No existe."}],
            )
        if product["stock"] < cantidad:
            raise productos.insufficient(product, cantidad, _line_campo(index, "cantidad"))


def public(sale: dict) -> dict:
    return {k: v for k, v in sale.items() if k not in ("clave", "clave_dia")}


# Reading ------------------------------------------------------------------


def get(tenant_id: str, codigo: str) -> dict:
    return registros.by_code(TABLE, tenant_id, "V", codigo)


def list_page(tenant_id: str, query: dict) -> dynamo.Page:
    """Sales of a Lima day (``fecha``, default today) or range, newest first."""
    today = clock.today()
    start, end = fechas.day_range(query, (today, today))
    page = dynamo.query_page(
        TABLE,
        tenant_id,
        between=fechas.day_keys(start, end),
        limite=query.get("limite"),
        siguiente=query.get("siguiente"),
        newest_first=True,
    )
    return dynamo.Page([public(s) for s in page.items], page.siguiente)


def find_by_origin(tenant_id: str, origen: str) -> str | None:
    """The code of the sale recorded for an import reference, if any."""
    link = dynamo.get(TABLE, tenant_id, productos.origin_key(origen))
    return link["codigo"] if link else None


# Voiding ------------------------------------------------------------------


def _may_void(sale: dict, caller: Caller) -> None:
    if caller.rol == roles.ADMINISTRADOR:
        return
    if sale["vendedor"] != caller.usuario:
        raise ForbiddenError("Solo puede anular sus propias ventas.")
    if sale["dia"] != clock.today().isoformat():
        raise ForbiddenError("Solo puede anular ventas del mismo día; pídaselo al administrador.")


def void(tenant_id: str, codigo: str, motivo: str, caller: Caller) -> dict:
    """The sale stays, ANULADA, and its stock comes back with ANULACION kardex rows.

    Raises ``NotFoundError``, ``ForbiddenError`` (a worker: another's sale or
    another day's), ``ConflictError`` (already voided).
    """
    for _ in range(productos.ATTEMPTS):
        sale = get(tenant_id, codigo)
        if sale["estado"] == ANULADA:
            raise ConflictError(f"La venta {codigo} ya está anulada.")
        _may_void(sale, caller)
        moment = clock.now()
        anulacion = {"por": caller.usuario, "en": clock.iso(moment), "motivo": motivo}
        actions, changes = _void_actions(tenant_id, sale, anulacion, moment)
        try:
            dynamo.transact(actions + avisos.alert_actions(tenant_id, changes))
        except (dynamo.ConditionFailed, ConcurrentUpdateError):
            continue
        break
    else:
        raise ConcurrentUpdateError(
            "La venta o sus productos cambiaron a la vez; intente de nuevo."
        )

    avisos.after_commit(tenant_id, [avisos.Notice("venta_anulada", codigo)])
    logger.info(
        "venta anulada",
        extra={"tenant_id": tenant_id, "codigo": codigo, "total": str(sale["total"])},
    )
    return public({**sale, "estado": ANULADA, "anulacion": anulacion})


def _void_actions(tenant_id: str, sale: dict, anulacion: dict, moment: datetime):
    keys = {
        i["producto"]: codes.entity_sort_key(tenant_id, "P", i["producto"]) for i in sale["items"]
    }
    found = dynamo.batch_get(productos.TABLE, tenant_id, list(keys.values()))
    mark = dynamo.Update(
        set_fields={"estado": ANULADA, "anulacion": anulacion},
        condition="#d.#estado = :registrada",
        condition_values={":registrada": REGISTRADA},
        condition_names={"#estado": "estado"},
    )
    actions = [
        dynamo.tx_update(TABLE, tenant_id, sale["clave"], mark),
        dynamo.tx_update(TABLE, tenant_id, sale["clave_dia"], mark),
    ]
    changes = []
    for item in sale["items"]:
        move = productos.StockMove(
            found[keys[item["producto"]]],
            item["cantidad"],
            catalogo.ANULACION,
            sale["codigo"],
            anulacion["motivo"],
            require_active=False,
        )
        product_actions, _, change = productos.stock_actions(
            tenant_id, move, anulacion["por"], moment
        )
        actions += product_actions
        changes.append(change)
    return actions, changes


# Idempotent registration --------------------------------------------------


class _DecimalSerializer(BaseIdempotencySerializer):
    """Keeps Decimals exact through the stored JSON answer."""

    def to_dict(self, data):
        return _tag(data)

    def from_dict(self, data):
        return _untag(data)


def _tag(value):
    if isinstance(value, Decimal):
        return {"__decimal__": str(value)}
    if isinstance(value, dict):
        return {k: _tag(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_tag(v) for v in value]
    return value


def _untag(value):
    if isinstance(value, dict):
        if set(value) == {"__decimal__"}:
            return Decimal(value["__decimal__"])
        return {k: _untag(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_untag(v) for v in value]
    return value


@lru_cache(maxsize=4)
def _store(dynamodb_client, table: str) -> DynamoDBPersistenceLayer:
    return DynamoDBPersistenceLayer(table_name=table, key_attr="id", boto3_client=dynamodb_client)


def _register_for_key(peticion: dict, body: VentaNueva, vendedor: str) -> dict:
    return register(peticion["tenant_id"], body, vendedor)


def _idempotent(lambda_context) -> Callable[..., dict]:
    config = IdempotencyConfig(
        event_key_jmespath="[tenant_id, clave]",
        payload_validation_jmespath="pedido",
        raise_on_no_idempotency_key=True,
        expires_after_seconds=IDEMPOTENCY_SECONDS,
        lambda_context=lambda_context,
    )
    return idempotent_function(
        _register_for_key,
        data_keyword_argument="peticion",
        persistence_store=_store(aws.client("dynamodb"), dynamo.table_name("t_idempotencia")),
        config=config,
        output_serializer=_DecimalSerializer(),
        key_prefix="ventas",
    )


def register_once(
    tenant_id: str, body: VentaNueva, vendedor: str, clave: str | None, lambda_context=None
) -> dict:
    """``register``, made safe to retry with the same ``Idempotency-Key``.

    Raises ``UnprocessableError`` when the key was used with another body and
    ``ConflictError`` while the first request with that key is still running.
    """
    if clave is None:
        return register(tenant_id, body, vendedor)
    clave = clave.strip()
    if not 1 <= len(clave) <= 100:
        raise BadRequestError.field("Idempotency-Key", "Debe tener de 1 a 100 caracteres.")
    peticion = {
        "tenant_id": tenant_id,
        "clave": clave,
        "pedido": body.model_dump(mode="json"),
    }
    try:
        return _idempotent(lambda_context)(peticion=peticion, body=body, vendedor=vendedor)
    except IdempotencyValidationError:
        raise UnprocessableError(
            "Esta Idempotency-Key ya se usó con otra venta; genere una nueva clave.",
            [{"campo": "Idempotency-Key", "mensaje": "Ya se usó con otro contenido."}],
        ) from None
    except IdempotencyAlreadyInProgressError:
        raise ConflictError(
            "Una venta con esta Idempotency-Key se está registrando; espere su respuesta."
        ) from None
