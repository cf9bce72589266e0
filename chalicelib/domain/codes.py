"""Readable codes (``T002``, ``T002P001``, ``T002V015``) and their sort keys.

Numbers are zero-padded to three digits and simply grow past 999; each record
answers to exactly one code (``T002P0001`` is not ``T002P001``). Items are
keyed by ``<kind>#<nine-digit number>`` so that DynamoDB orders them by number
(``T002P1000`` after ``T002P999``) and a code maps to its key without a lookup.
"""

import re

from chalicelib.errors import NotFoundError

PLATFORM_TENANT = "SAAI"
SHOPS_PARTITION = "PLATAFORMA"

KINDS = {
    "P": "producto",
    "V": "venta",
    "G": "gasto",
    "U": "usuario",
    "R": "reporte",
}

_SHOP = re.compile(r"^T([0-9]{3,9})$")
_ENTITY = re.compile(r"^(T[0-9]{3,9}|SAAI)([PVGUR])([0-9]{3,9})$")


def shop_code(number: int) -> str:
    return f"T{number:03d}"


def entity_code(tenant_id: str, kind: str, number: int) -> str:
    return f"{tenant_id}{kind}{number:03d}"


def sort_key(kind: str, number: int) -> str:
    return f"{kind}#{number:09d}"


def shop_sort_key(codigo_tienda: str) -> str:
    """Key of a shop in ``t_tiendas``; raises ``NotFoundError`` for a malformed code."""
    match = _SHOP.match(codigo_tienda or "")
    if not match or shop_code(int(match.group(1))) != codigo_tienda:
        raise NotFoundError(f"No existe la tienda {codigo_tienda}.")
    return sort_key("T", int(match.group(1)))


def is_shop_code(value: str) -> bool:
    return bool(_SHOP.match(value or ""))


def entity_sort_key(tenant_id: str, kind: str, codigo: str) -> str:
    """Key of ``codigo`` inside ``tenant_id``.

    A code of another shop, of another kind, or malformed, is simply not found
    here: the answer is the same 404 as for a code that never existed.
    """
    match = _ENTITY.match(codigo or "")
    canonical = match and entity_code(tenant_id, kind, int(match.group(3))) == codigo
    if not canonical:
        raise NotFoundError(f"No existe {KINDS.get(kind, 'el registro')} {codigo}.")
    return sort_key(kind, int(match.group(3)))
