"""DynamoDB access in the design's item model (``tenant_id``, ``entity_id``, ``data``).

Services pass plain Python values (``Decimal`` for numbers) and get them back;
this module serialises them, follows pages, and turns ``ClientError`` codes into
SAAI errors. There is no Scan here: every read is by key.
"""

import base64
import binascii
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from botocore.exceptions import ClientError

from chalicelib.adapters.aws import client
from chalicelib.config import settings
from chalicelib.errors import BadRequestError, ConcurrentUpdateError, UpstreamError

_serializer = TypeSerializer()
_deserializer = TypeDeserializer()

MAX_PAGE = 200
DEFAULT_PAGE = 50


class ConditionFailed(Exception):
    """A conditional write was refused; ``reasons`` holds one code per action."""

    def __init__(self, reasons: list[str | None], items: list[dict | None] | None = None):
        super().__init__(", ".join(r or "None" for r in reasons))
        self.reasons = reasons
        self.items = items or []


def dump(value: Any) -> dict:
    return _serializer.serialize(value)


def load(value: dict) -> Any:
    return _deserializer.deserialize(value)


def dump_item(item: dict) -> dict:
    return {k: dump(v) for k, v in item.items()}


def load_item(raw: dict) -> dict:
    return {k: load(v) for k, v in raw.items()}


def table_name(table: str) -> str:
    return settings().table(table)


def key(tenant_id: str, entity_id: str) -> dict:
    return {"tenant_id": {"S": tenant_id}, "entity_id": {"S": entity_id}}


def _call(operation: str, **kwargs) -> dict:
    try:
        return getattr(client("dynamodb"), operation)(**kwargs)
    except ClientError as exc:
        error = exc.response.get("Error", {})
        code = error.get("Code", "")
        if code == "ConditionalCheckFailedException":
            item = exc.response.get("Item")
            raise ConditionFailed(
                ["ConditionalCheckFailed"], [load_item(item) if item else None]
            ) from exc
        if code == "TransactionCanceledException":
            reasons = exc.response.get("CancellationReasons", [])
            codes = [r.get("Code") if r.get("Code") != "None" else None for r in reasons]
            items = [load_item(r["Item"]) if r.get("Item") else None for r in reasons]
            if any(c == "ConditionalCheckFailed" for c in codes):
                raise ConditionFailed(codes, items) from exc
            raise ConcurrentUpdateError(
                "Otra operación modificó los mismos datos; intente de nuevo."
            ) from exc
        if code == "TransactionConflictException":
            raise ConcurrentUpdateError(
                "Otra operación modificó los mismos datos; intente de nuevo."
            ) from exc
        raise UpstreamError(f"dynamodb {operation}: {code}") from exc


def get(table: str, tenant_id: str, entity_id: str, consistent: bool = True) -> dict | None:
    """The item's ``data`` map, or None when there is no such item."""
    answer = _call(
        "get_item",
        TableName=table_name(table),
        Key=key(tenant_id, entity_id),
        ConsistentRead=consistent,
    )
    raw = answer.get("Item")
    return load_item(raw)["data"] if raw else None


def batch_get(table: str, tenant_id: str, entity_ids: list[str]) -> dict[str, dict]:
    """``data`` of each existing item, by entity id. One call per 100 keys."""
    found: dict[str, dict] = {}
    unique = list(dict.fromkeys(entity_ids))
    for start in range(0, len(unique), 100):
        pending = {
            table_name(table): {
                "Keys": [key(tenant_id, e) for e in unique[start : start + 100]],
                "ConsistentRead": True,
            }
        }
        while pending:
            answer = _call("batch_get_item", RequestItems=pending)
            for raw in answer.get("Responses", {}).get(table_name(table), []):
                item = load_item(raw)
                found[item["entity_id"]] = item["data"]
            pending = answer.get("UnprocessedKeys") or None
    return found


def item(tenant_id: str, entity_id: str, data: dict, **extra) -> dict:
    return {"tenant_id": tenant_id, "entity_id": entity_id, "data": data, **extra}


def put_new(table: str, tenant_id: str, entity_id: str, data: dict, **extra) -> None:
    """Write an item that must not exist yet (raises ``ConditionFailed``)."""
    _call(
        "put_item",
        TableName=table_name(table),
        Item=dump_item(item(tenant_id, entity_id, data, **extra)),
        ConditionExpression="attribute_not_exists(entity_id)",
    )


def put(table: str, tenant_id: str, entity_id: str, data: dict, **extra) -> None:
    _call(
        "put_item",
        TableName=table_name(table),
        Item=dump_item(item(tenant_id, entity_id, data, **extra)),
    )


def delete(table: str, tenant_id: str, entity_id: str) -> None:
    _call("delete_item", TableName=table_name(table), Key=key(tenant_id, entity_id))


@dataclass
class Update:
    """An update of fields inside ``data``, optionally conditioned."""

    set_fields: dict[str, Any] = field(default_factory=dict)
    add_fields: dict[str, Any] = field(default_factory=dict)
    condition: str = "attribute_exists(entity_id)"
    condition_values: dict[str, Any] = field(default_factory=dict)
    condition_names: dict[str, str] = field(default_factory=dict)

    def expression(self) -> dict:
        if not (self.set_fields or self.add_fields):
            raise ValueError("Update sin campos que cambiar")
        names = {"#d": "data", **self.condition_names}
        values = {k: dump(v) for k, v in self.condition_values.items()}
        sets = []
        for i, (name, value) in enumerate(self.set_fields.items()):
            names[f"#s{i}"] = name
            values[f":s{i}"] = dump(value)
            sets.append(f"#d.#s{i} = :s{i}")
        for i, (name, value) in enumerate(self.add_fields.items()):
            names[f"#a{i}"] = name
            values[f":a{i}"] = dump(value)
            sets.append(f"#d.#a{i} = #d.#a{i} + :a{i}")
        args = {
            "UpdateExpression": "SET " + ", ".join(sets),
            "ExpressionAttributeNames": names,
            "ConditionExpression": self.condition,
        }
        if values:
            args["ExpressionAttributeValues"] = values
        return args


def update(table: str, tenant_id: str, entity_id: str, change: Update) -> dict:
    """Apply ``change`` and return the new ``data`` (``ConditionFailed`` if refused)."""
    answer = _call(
        "update_item",
        TableName=table_name(table),
        Key=key(tenant_id, entity_id),
        ReturnValues="ALL_NEW",
        ReturnValuesOnConditionCheckFailure="ALL_OLD",
        **change.expression(),
    )
    return load_item(answer["Attributes"])["data"]


def next_number(tenant_id: str, counter: str) -> int:
    """The next value of an atomic counter (1, 2, 3, ...)."""
    return increment("t_contadores", tenant_id, counter)


# Transactions -------------------------------------------------------------


def tx_put(
    table: str, record: dict, condition: str | None = "attribute_not_exists(entity_id)"
) -> dict:
    action = {"TableName": table_name(table), "Item": dump_item(record)}
    if condition:
        action["ConditionExpression"] = condition
    return {"Put": action}


def tx_update(table: str, tenant_id: str, entity_id: str, change: Update) -> dict:
    action = {
        "TableName": table_name(table),
        "Key": key(tenant_id, entity_id),
        "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
        **change.expression(),
    }
    return {"Update": action}


def tx_check(table: str, tenant_id: str, entity_id: str, condition: str, values: dict) -> dict:
    """A transaction action that only requires ``condition`` on an item's ``data``."""
    return {
        "ConditionCheck": {
            "TableName": table_name(table),
            "Key": key(tenant_id, entity_id),
            "ConditionExpression": condition,
            "ExpressionAttributeNames": {"#d": "data"},
            "ExpressionAttributeValues": {k: dump(v) for k, v in values.items()},
        }
    }


def tx_delete(table: str, tenant_id: str, entity_id: str) -> dict:
    return {"Delete": {"TableName": table_name(table), "Key": key(tenant_id, entity_id)}}


def transact(actions: list[dict]) -> None:
    """All or nothing (raises ``ConditionFailed`` with a reason per action)."""
    if len(actions) > 100:
        raise BadRequestError("Demasiadas operaciones en una sola transacción (máximo 100).")
    _call("transact_write_items", TransactItems=actions)


# Queries ------------------------------------------------------------------


def encode_cursor(last_key: dict | None) -> str | None:
    if not last_key:
        return None
    plain = {k: load(v) for k, v in last_key.items()}
    raw = json.dumps(plain, sort_keys=True, default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(
    tenant_id: str,
    cursor: str | None,
    prefix: str | None = None,
    between: tuple[str, str] | None = None,
) -> dict | None:
    """The start key hidden in ``siguiente``.

    Refuses a token of another tenant or of another list: its key must lie in
    the key range being read.
    """
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        plain = json.loads(base64.urlsafe_b64decode(padded.encode()))
        entity_id = plain.get("entity_id") if isinstance(plain, dict) else None
        valid = (
            isinstance(entity_id, str)
            and 0 < len(entity_id) <= 200
            and set(plain) == {"tenant_id", "entity_id"}
            and plain["tenant_id"] == tenant_id
            and (prefix is None or entity_id.startswith(prefix))
            and (between is None or between[0] <= entity_id <= between[1])
        )
    except (ValueError, binascii.Error, UnicodeDecodeError, RecursionError):
        valid = False
    if not valid:
        raise BadRequestError.field("siguiente", "El token de página no es válido.")
    return {k: dump(v) for k, v in plain.items()}


def page_size(limite: Any) -> int:
    if limite in (None, ""):
        return DEFAULT_PAGE
    try:
        size = int(str(limite))
    except ValueError:
        raise BadRequestError.field("limite", "Debe ser un número entero.") from None
    if not 1 <= size <= MAX_PAGE:
        raise BadRequestError.field("limite", f"Debe estar entre 1 y {MAX_PAGE}.")
    return size


@dataclass
class Page:
    items: list[dict]
    siguiente: str | None

    def body(self) -> dict:
        return {"items": self.items, "siguiente": self.siguiente}


def _range_condition(prefix: str | None, between: tuple[str, str] | None) -> tuple[str, dict]:
    if between:
        return (
            "tenant_id = :t AND entity_id BETWEEN :desde AND :hasta",
            {":desde": dump(between[0]), ":hasta": dump(between[1])},
        )
    if prefix:
        return "tenant_id = :t AND begins_with(entity_id, :p)", {":p": dump(prefix)}
    return "tenant_id = :t", {}


def query_page(
    table: str,
    tenant_id: str,
    *,
    prefix: str | None = None,
    between: tuple[str, str] | None = None,
    limite: Any = None,
    siguiente: str | None = None,
    newest_first: bool = False,
    keep=None,
) -> Page:
    """One page of a partition, by sort-key prefix or range.

    ``keep`` filters the records in Python (soft-deleted ones, a search);
    the page is filled by reading further DynamoDB pages, so a filter never
    yields a short page while more items exist.
    """
    size = page_size(limite)
    start = decode_cursor(tenant_id, siguiente, prefix, between)
    condition, values = _range_condition(prefix, between)
    values[":t"] = dump(tenant_id)
    items: list[dict] = []
    last_key = None
    while True:
        args = {
            "TableName": table_name(table),
            "KeyConditionExpression": condition,
            "ExpressionAttributeValues": values,
            "ScanIndexForward": not newest_first,
            "Limit": size - len(items) if keep is None else max(size, 50),
        }
        if start:
            args["ExclusiveStartKey"] = start
        answer = _call("query", **args)
        raws = answer.get("Items", [])
        last_key = None
        for raw in raws:
            record = load_item(raw)
            if keep is None or keep(record["data"]):
                items.append(record["data"])
                if len(items) == size:
                    last_key = {"tenant_id": raw["tenant_id"], "entity_id": raw["entity_id"]}
                    break
        if last_key is not None:
            return Page(items, encode_cursor(last_key))
        start = answer.get("LastEvaluatedKey")
        if not start:
            return Page(items, None)


def query_all(
    table: str,
    tenant_id: str,
    *,
    prefix: str | None = None,
    between: tuple[str, str] | None = None,
) -> Iterator[dict]:
    """Every record of a key range, following ``LastEvaluatedKey`` to the end."""
    condition, values = _range_condition(prefix, between)
    values[":t"] = dump(tenant_id)
    start = None
    while True:
        args = {
            "TableName": table_name(table),
            "KeyConditionExpression": condition,
            "ExpressionAttributeValues": values,
        }
        if start:
            args["ExclusiveStartKey"] = start
        answer = _call("query", **args)
        for raw in answer.get("Items", []):
            yield load_item(raw)["data"]
        start = answer.get("LastEvaluatedKey")
        if not start:
            return


def query_keys(table: str, tenant_id: str, prefix: str) -> list[str]:
    """Entity ids of every item under a prefix, or the whole partition for ``""``."""
    ids = []
    start = None
    condition, values = _range_condition(prefix or None, None)
    values[":t"] = dump(tenant_id)
    while True:
        args = {
            "TableName": table_name(table),
            "KeyConditionExpression": condition,
            "ExpressionAttributeValues": values,
            "ProjectionExpression": "entity_id",
            "ConsistentRead": True,
        }
        if start:
            args["ExclusiveStartKey"] = start
        answer = _call("query", **args)
        ids.extend(raw["entity_id"]["S"] for raw in answer.get("Items", []))
        start = answer.get("LastEvaluatedKey")
        if not start:
            return ids


def as_decimal(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def increment(
    table: str,
    tenant_id: str,
    entity_id: str,
    expira: int | None = None,
    below: int | None = None,
) -> int:
    """Add one to the item's top-level ``cuenta`` (creating it) and return it.

    With ``below``, only while the count is under it (``ConditionFailed`` otherwise).
    """
    expression = "ADD cuenta :uno"
    values = {":uno": {"N": "1"}}
    args = {}
    if expira is not None:
        expression += " SET expira = :exp"
        values[":exp"] = {"N": str(expira)}
    if below is not None:
        args["ConditionExpression"] = "attribute_not_exists(cuenta) OR cuenta < :tope"
        values[":tope"] = {"N": str(below)}
    answer = _call(
        "update_item",
        TableName=table_name(table),
        Key=key(tenant_id, entity_id),
        UpdateExpression=expression,
        ExpressionAttributeValues=values,
        ReturnValues="UPDATED_NEW",
        **args,
    )
    return int(answer["Attributes"]["cuenta"]["N"])


def get_raw(table: str, tenant_id: str, entity_id: str) -> dict | None:
    """The whole item (top-level attributes too), or None."""
    answer = _call(
        "get_item",
        TableName=table_name(table),
        Key=key(tenant_id, entity_id),
        ConsistentRead=True,
    )
    raw = answer.get("Item")
    return load_item(raw) if raw else None
