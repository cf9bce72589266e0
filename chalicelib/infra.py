"""The AWS resources SAAI needs besides its functions, from one definition.

``create_local`` builds them on an emulator (the local stack, the tests);
``merge_template`` writes the same resources as CloudFormation for
``chalice package --merge-template``. Table names, the topic and the bucket
come from the stage's environment variables in ``.chalice/config.json``.
"""

import json
from pathlib import Path

from botocore.exceptions import ClientError

from chalicelib.adapters.aws import client
from chalicelib.config import settings
from chalicelib.tables import TABLES

CONFIG_FILE = Path(__file__).resolve().parent.parent / ".chalice" / "config.json"


def stage_environment(stage: str) -> dict[str, str]:
    config = json.loads(CONFIG_FILE.read_text())
    return dict(config["stages"][stage]["environment_variables"])


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
    return {"Resources": resources}
