"""Expenses (``t_gastos``): recording, listing by Lima day range, soft deletion.

Like sales, an expense is two items with the same record: ``G#<number>``
(read by code) and ``D#<its day>#<number>`` (a range of days is one Query).
"""

from datetime import date

from chalicelib import clock
from chalicelib.adapters import dynamo
from chalicelib.domain import codes, fechas, records
from chalicelib.domain.gastos import GastoNuevo
from chalicelib.errors import BadRequestError, NotFoundError
from chalicelib.logs import logger
from chalicelib.services import avisos, registros

TABLE = "t_gastos"


def _expense_day(value: str | None) -> date:
    today = clock.today()
    if not value:
        return today
    day = fechas.parse_day(value, "fecha")
    if day > today:
        raise BadRequestError.field("fecha", "No puede ser una fecha futura.")
    return day


def public(gasto: dict) -> dict:
    return {k: v for k, v in gasto.items() if k not in ("clave", "clave_dia")}


def create(tenant_id: str, body: GastoNuevo, por: str) -> dict:
    day = _expense_day(body.fecha)
    number = dynamo.next_number(tenant_id, "G")
    gasto = {
        "codigo": codes.entity_code(tenant_id, "G", number),
        "clave": codes.sort_key("G", number),
        "clave_dia": f"D#{day.isoformat()}#{number:09d}",
        "concepto": body.concepto,
        "monto": body.monto,
        "categoria": body.categoria,
        "fecha": day.isoformat(),
        "registrado_por": por,
        "creado_en": clock.now_iso(),
        "estado": records.ACTIVO,
    }
    dynamo.transact(
        [
            dynamo.tx_put(TABLE, dynamo.item(tenant_id, gasto["clave"], gasto)),
            dynamo.tx_put(TABLE, dynamo.item(tenant_id, gasto["clave_dia"], gasto)),
        ]
    )
    avisos.after_commit(tenant_id, [avisos.Notice("gasto_registrado", gasto["codigo"])])
    logger.info(
        "gasto registrado",
        extra={"tenant_id": tenant_id, "codigo": gasto["codigo"], "monto": str(body.monto)},
    )
    return public(gasto)


def get(tenant_id: str, codigo: str) -> dict:
    return registros.by_code(TABLE, tenant_id, "G", codigo)


def list_page(tenant_id: str, query: dict) -> dynamo.Page:
    """Active expenses of a range of Lima days (default: the current month), newest first."""
    today = clock.today()
    start, end = fechas.day_range(query, (today.replace(day=1), today))
    page = dynamo.query_page(
        TABLE,
        tenant_id,
        between=fechas.day_keys(start, end),
        limite=query.get("limite"),
        siguiente=query.get("siguiente"),
        newest_first=True,
        keep=records.is_active,
    )
    return dynamo.Page([public(g) for g in page.items], page.siguiente)


def deactivate(tenant_id: str, codigo: str, motivo: str, por: str) -> None:
    """Soft delete: readable by code, gone from lists and sums."""
    gasto = get(tenant_id, codigo)
    if not records.is_active(gasto):
        raise NotFoundError(f"No existe el gasto {codigo}.")
    mark = dynamo.Update(
        set_fields={"estado": records.INACTIVO, "baja": records.baja(por, motivo)},
        condition="#d.#estado = :activo",
        condition_values={":activo": records.ACTIVO},
        condition_names={"#estado": "estado"},
    )
    try:
        dynamo.transact(
            [
                dynamo.tx_update(TABLE, tenant_id, gasto["clave"], mark),
                dynamo.tx_update(TABLE, tenant_id, gasto["clave_dia"], mark),
            ]
        )
    except dynamo.ConditionFailed:
        raise NotFoundError(f"No existe el gasto {codigo}.") from None
    logger.info("gasto dado de baja", extra={"tenant_id": tenant_id, "codigo": codigo, "por": por})
