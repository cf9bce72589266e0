"""Every DynamoDB table of SAAI, defined once.

The local stack, the tests and the deploy template all build their tables from
``TABLES``. Each item follows the design's model: ``tenant_id`` (partition key),
``entity_id`` (sort key) and ``data`` (the whole record as a map). A few tables
also carry a numeric ``expira`` attribute that DynamoDB's TTL removes.

A table's physical name on a stage comes from the environment variable named
by ``TableSpec.env_var`` (``.chalice/config.json`` sets one per stage).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class TableSpec:
    name: str
    purpose: str
    hash_key: str = "tenant_id"
    range_key: str | None = "entity_id"
    ttl_attribute: str | None = None
    stream: bool = False

    @property
    def env_var(self) -> str:
        return self.name.upper()

    def key_schema(self) -> list[dict]:
        schema = [{"AttributeName": self.hash_key, "KeyType": "HASH"}]
        if self.range_key:
            schema.append({"AttributeName": self.range_key, "KeyType": "RANGE"})
        return schema

    def attribute_definitions(self) -> list[dict]:
        keys = [self.hash_key] + ([self.range_key] if self.range_key else [])
        return [{"AttributeName": k, "AttributeType": "S"} for k in keys]

    def create_table_args(self, physical_name: str) -> dict:
        """Arguments for ``CreateTable`` (the local stack and the tests)."""
        args = {
            "TableName": physical_name,
            "KeySchema": self.key_schema(),
            "AttributeDefinitions": self.attribute_definitions(),
            "BillingMode": "PAY_PER_REQUEST",
        }
        if self.stream:
            args["StreamSpecification"] = {
                "StreamEnabled": True,
                "StreamViewType": "NEW_IMAGE",
            }
        return args

    def cloudformation(self, physical_name: str) -> dict:
        """The ``AWS::DynamoDB::Table`` resource for the deploy template."""
        props = {
            "TableName": physical_name,
            "KeySchema": self.key_schema(),
            "AttributeDefinitions": self.attribute_definitions(),
            "BillingMode": "PAY_PER_REQUEST",
            "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
            "SSESpecification": {"SSEEnabled": True},
        }
        if self.ttl_attribute:
            props["TimeToLiveSpecification"] = {
                "AttributeName": self.ttl_attribute,
                "Enabled": True,
            }
        if self.stream:
            props["StreamSpecification"] = {"StreamViewType": "NEW_IMAGE"}
        return {
            "Type": "AWS::DynamoDB::Table",
            "DeletionPolicy": "Retain",
            "UpdateReplacePolicy": "Retain",
            "Properties": props,
        }


TABLES: tuple[TableSpec, ...] = (
    TableSpec("t_tiendas", "shops, under the platform partition"),
    TableSpec("t_usuarios", "accounts of every role, and their login names"),
    TableSpec("t_tokens_trabajadores", "issued worker tokens", ttl_attribute="expira"),
    TableSpec("t_tokens_administradores", "issued owner tokens", ttl_attribute="expira"),
    TableSpec("t_tokens_saai", "issued platform tokens", ttl_attribute="expira"),
    TableSpec("t_intentos_login", "failed logins per account and window", ttl_attribute="expira"),
    TableSpec("t_contadores", "atomic counters behind the readable codes"),
    TableSpec("t_productos", "the catalogue and its stock"),
    TableSpec("t_kardex", "every stock movement with the balance after it"),
    TableSpec("t_ventas", "sales"),
    TableSpec("t_gastos", "expenses"),
    TableSpec("t_reportes", "generated reports and their S3 keys"),
    TableSpec("t_notificaciones", "every alert published on AlertasSAAI"),
    TableSpec(
        "t_alertas_pendientes",
        "alerts written with their change, until published on AlertasSAAI",
        stream=True,
    ),
    TableSpec("t_ws_connections", "open WebSocket connections", ttl_attribute="expira"),
    TableSpec("t_analitica", "metrics per shop and Lima day"),
    TableSpec("t_predicciones", "demand predictions per shop, product and day"),
    TableSpec(
        "t_idempotencia",
        "idempotency records of sales",
        hash_key="id",
        range_key=None,
        ttl_attribute="expiration",
    ),
)

BY_NAME: dict[str, TableSpec] = {spec.name: spec for spec in TABLES}
