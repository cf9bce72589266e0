"""Reading a shop's record by its readable code, the same way for every kind."""

from chalicelib.adapters import dynamo
from chalicelib.domain import codes
from chalicelib.errors import NotFoundError

_NAMES = {"U": "el usuario", "P": "el producto", "V": "la venta", "G": "el gasto"}


def by_code(table: str, tenant_id: str, kind: str, codigo: str) -> dict:
    """The record, active or not; ``NotFoundError`` if it never existed in this shop."""
    record = dynamo.get(table, tenant_id, codes.entity_sort_key(tenant_id, kind, codigo))
    if not record:
        raise NotFoundError(f"No existe {_NAMES[kind]} {codigo}.")
    return record
