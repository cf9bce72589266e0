"""The embedded AWS emulator: moto's server, with DynamoDB requests serialised.

moto applies a ``TransactWriteItems`` one action at a time and undoes a refused
one by putting back a copy of the whole table taken before it began. Two
requests running at once on its threaded server can therefore undo each other's
committed writes (seen as a sale's stock decrement lost while its kardex row
stayed). DynamoDB itself runs each transaction atomically and in isolation, so
the local stack lets one DynamoDB request at a time into moto. Other services
are not serialised: an SNS publish calls back into the stack over HTTP, and
the callback's own DynamoDB requests must be able to run meanwhile.
"""

import copy
import threading

from moto.dynamodb.comparisons import get_filter_expression
from moto.dynamodb.exceptions import (
    MultipleTransactionsException,
    TooManyTransactionsException,
    TransactionCanceledException,
    TransactWriteSingleOpException,
)
from moto.dynamodb.models import DynamoDBBackend
from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from werkzeug.serving import make_server

_DYNAMODB_TARGET = "DynamoDB_"


class _SerialisedDynamoDB:
    def __init__(self, app):
        self.app = app
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        if environ.get("HTTP_X_AMZ_TARGET", "").startswith(_DYNAMODB_TARGET):
            with self.lock:
                return list(self.app(environ, start_response))
        return self.app(environ, start_response)


class Emulator:
    def __init__(self, host: str, port: int):
        install_transactions()
        app = _SerialisedDynamoDB(DomainDispatcherApplication(create_backend_app))
        self.server = make_server(
            host, port, app, threaded=True, request_handler=MotoRequestHandler
        )
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> "Emulator":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(timeout=10)


def _transact_write_items(self, transact_items: list[dict]) -> None:
    """moto's ``TransactWriteItems``, checking every condition before any write.

    moto's own version copies each touched table whole before every
    transaction to undo a refused one, which grows with the table (a shop with
    a year of kardex rows takes seconds a sale). Here the conditions are all
    checked first, so a refused transaction writes nothing, and only the items
    it touches are kept to undo a failure while writing. Atomic and isolated as
    DynamoDB is, given that requests run one at a time (see ``_SerialisedDynamoDB``).
    """
    if len(transact_items) > 100:
        raise TooManyTransactionsException()
    seen: set[tuple[str, str]] = set()
    planned = []
    errors: list[tuple] = []
    for action in transact_items:
        if len(action) > 1:
            raise TransactWriteSingleOpException
        op_type, op = next(iter(action.items()))
        table_name = op["TableName"]
        if op_type == "Put":
            table = self.get_table(table_name)
            attrs = op["Item"]
            key = {table.hash_key_attr: attrs[table.hash_key_attr]}
            if table.range_key_attr is not None:
                key[table.range_key_attr] = attrs[table.range_key_attr]
        else:
            key = op["Key"]
        marker = (table_name, str(sorted(key.items())))
        if marker in seen:
            raise MultipleTransactionsException()
        seen.add(marker)
        current = self.get_item(table_name, key)
        condition = op.get("ConditionExpression")
        if condition is not None and not get_filter_expression(
            condition, op.get("ExpressionAttributeNames"), op.get("ExpressionAttributeValues")
        ).expr(current):
            old = None
            if op.get("ReturnValuesOnConditionCheckFailure") == "ALL_OLD" and current:
                old = current.to_json()["Attributes"]
            errors.append(("ConditionalCheckFailed", "The conditional request failed", old))
            continue
        errors.append((None, None, None))
        backup = copy.deepcopy(current.to_json()["Attributes"]) if current else None
        planned.append((op_type, op, table_name, key, backup))
    if any(code is not None for code, _, _ in errors):
        raise TransactionCanceledException(errors)

    done = []
    try:
        for op_type, op, table_name, key, backup in planned:
            done.append((table_name, key, backup))
            if op_type == "Put":
                self.put_item(table_name, op["Item"])
            elif op_type == "Delete":
                self.delete_item(table_name, key)
            elif op_type == "Update":
                self.update_item(
                    table_name,
                    key,
                    update_expression=op["UpdateExpression"],
                    expression_attribute_names=op.get("ExpressionAttributeNames"),
                    expression_attribute_values=op.get("ExpressionAttributeValues"),
                )
    except Exception:
        for table_name, key, backup in reversed(done):
            if backup is None:
                self.delete_item(table_name, key)
            else:
                self.put_item(table_name, backup)
        raise


def install_transactions() -> None:
    """Use ``_transact_write_items`` in this process's moto (server or mock)."""
    DynamoDBBackend.transact_write_items = _transact_write_items
