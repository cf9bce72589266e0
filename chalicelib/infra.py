"""The AWS resources SAAI needs besides its functions, from one definition.

``create_local`` builds them on an emulator (the local stack, the tests);
``merge_template`` writes the same resources as CloudFormation for
``chalice package --merge-template``. Table names, the topic and the bucket
come from the stage's environment variables in ``.chalice/config.json``.

The merged template also completes what the app cannot know before its
resources exist: the outbox stream that feeds ``publicar_alertas_pendientes``
(the table's ``StreamArn`` replaces the placeholder in ``config.py``), and, for
every function, ``ALERTAS_TOPIC_ARN`` and ``WS_MANAGEMENT_URL`` (the WebSocket
API's ``@connections`` endpoint), set through SAM's ``Globals``.
"""

import json
from pathlib import Path

from botocore.exceptions import ClientError

from chalicelib.adapters.aws import client
from chalicelib.config import settings
from chalicelib.tables import TABLES

CONFIG_FILE = Path(__file__).resolve().parent.parent / ".chalice" / "config.json"


OUTBOX_TABLE = "t_alertas_pendientes"
OUTBOX_FUNCTION = "publicar_alertas_pendientes"
"""The app's handler on the outbox stream (``app.py``); chalice names its resources after it."""


def _stage(stage: str) -> dict:
    return json.loads(CONFIG_FILE.read_text())["stages"][stage]


def stage_environment(stage: str) -> dict[str, str]:
    return dict(_stage(stage)["environment_variables"])


def create_local() -> None:
    """Create every table, the alert topic and the reports bucket (idempotent)."""
    config = settings()
    dynamodb = client("dynamodb")
    existing = set(dynamodb.list_tables()["TableNames"])
    for spec in TABLES:
        name = config.table(spec.name)
        if name in existing:
            continue
        dynamodb.create_table(**spec.create_table_args(name))
        if spec.ttl_attribute:
            dynamodb.update_time_to_live(
                TableName=name,
                TimeToLiveSpecification={"AttributeName": spec.ttl_attribute, "Enabled": True},
            )
    client("sns").create_topic(Name=config.alerts_topic)
    try:
        client("s3").create_bucket(Bucket=config.reports_bucket)
    except ClientError as exc:
        if exc.response["Error"]["Code"] not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
            raise


def _logical_id(name: str) -> str:
    return "".join(part.capitalize() for part in name.replace("-", "_").split("_"))


def merge_template(stage: str) -> dict:
    """CloudFormation resources of ``stage`` to merge into chalice's template."""
    env = stage_environment(stage)
    resources: dict[str, dict] = {}
    for spec in TABLES:
        resources[_logical_id(spec.name)] = spec.cloudformation(env[spec.env_var])
    resources["AlertasSAAITopic"] = {
        "Type": "AWS::SNS::Topic",
        "Properties": {"TopicName": env["ALERTAS_TOPIC"]},
    }
    resources["ReportesBucket"] = {
        "Type": "AWS::S3::Bucket",
        "DeletionPolicy": "Retain",
        "UpdateReplacePolicy": "Retain",
        "Properties": {
            "BucketName": env["REPORTES_BUCKET"],
            "PublicAccessBlockConfiguration": {
                "BlockPublicAcls": True,
                "BlockPublicPolicy": True,
                "IgnorePublicAcls": True,
                "RestrictPublicBuckets": True,
            },
            "BucketEncryption": {
                "ServerSideEncryptionConfiguration": [
                    {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}
                ]
            },
        },
    }
    resources.update(_outbox_stream())
    return {"Resources": resources, "Globals": _function_globals(stage)}


def _outbox_stream() -> dict:
    function = _logical_id(OUTBOX_FUNCTION)
    source = _logical_id(f"{OUTBOX_FUNCTION}-dynamodb-event-source")
    stream = {"Fn::GetAtt": [_logical_id(OUTBOX_TABLE), "StreamArn"]}
    return {
        function: {
            "Type": "AWS::Serverless::Function",
            "Properties": {"Events": {source: {"Properties": {"Stream": stream}}}},
        }
    }


def _function_globals(stage: str) -> dict:
    api_stage = _stage(stage).get("api_gateway_stage", "api")
    management = "https://${WebsocketAPI}.execute-api.${AWS::Region}.${AWS::URLSuffix}/" + api_stage
    variables = {
        "ALERTAS_TOPIC_ARN": {"Ref": "AlertasSAAITopic"},
        "WS_MANAGEMENT_URL": {"Fn::Sub": management},
    }
    return {"Function": {"Environment": {"Variables": variables}}}
