"""One definition of the tables, used by the stages, the local stack and the template."""

import json

import pytest

from chalicelib import infra
from chalicelib.adapters.aws import client
from chalicelib.config import settings
from chalicelib.tables import TABLES
from tools import template

SEED_TABLES = {
    "t_tokens_trabajadores",
    "t_tokens_administradores",
    "t_tokens_saai",
    "t_notificaciones",
    "t_ws_connections",
    "t_analitica",
    "t_predicciones",
}


def test_the_designs_tables_are_all_defined():
    assert SEED_TABLES <= {spec.name for spec in TABLES}


@pytest.mark.parametrize("stage", ["local", "dev", "prod"])
def test_every_stage_names_every_table_topic_and_bucket(stage):
    env = infra.stage_environment(stage)

    for spec in TABLES:
        assert env[spec.env_var]
    assert env["ALERTAS_TOPIC"].startswith("AlertasSAAI")
    assert env["REPORTES_BUCKET"]


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_deployed_stages_keep_the_jwt_secret_outside_the_code(stage):
    env = infra.stage_environment(stage)

    assert "SAAI_JWT_SECRET" not in env
    assert env["SAAI_JWT_SECRET_PARAM"].startswith(f"/saai/{stage}/")


def test_the_emulator_gets_every_table_with_the_shared_keys():
    names = set(client("dynamodb").list_tables()["TableNames"])

    assert {settings().table(spec.name) for spec in TABLES} <= names
    described = client("dynamodb").describe_table(TableName=settings().table("t_ventas"))["Table"]
    assert described["KeySchema"] == TABLES[0].key_schema()


@pytest.mark.parametrize("stage", ["dev", "prod"])
def test_the_template_holds_every_table_the_topic_the_bucket_and_cors_on_gateway_errors(stage):
    built = template.build(stage)
    env = infra.stage_environment(stage)
    resources = built["Resources"]

    table_names = {
        r["Properties"]["TableName"]
        for r in resources.values()
        if r["Type"] == "AWS::DynamoDB::Table"
    }
    assert table_names == {env[spec.env_var] for spec in TABLES}
    assert any(
        r["Type"] == "AWS::SNS::Topic" and r["Properties"]["TopicName"] == env["ALERTAS_TOPIC"]
        for r in resources.values()
    )
    assert any(r["Type"] == "AWS::S3::Bucket" for r in resources.values())
    responses = [r for r in resources.values() if r["Type"] == "AWS::ApiGateway::GatewayResponse"]
    assert {r["Properties"]["ResponseType"] for r in responses} >= {
        "UNAUTHORIZED",
        "ACCESS_DENIED",
        "DEFAULT_4XX",
    }
    json.dumps(built)


def test_ttl_is_set_on_token_tables():
    for name in ("t_tokens_trabajadores", "t_tokens_administradores", "t_tokens_saai"):
        ttl = client("dynamodb").describe_time_to_live(TableName=settings().table(name))
        assert ttl["TimeToLiveDescription"]["AttributeName"] == "expira"
