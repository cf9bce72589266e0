"""Structured logs: one JSON line per operation, with request and tenant, no secrets."""

import io
import json
import logging

import pytest

from chalicelib.adapters.aws import client
from chalicelib.config import settings
from chalicelib.domain import roles
from chalicelib.logs import logger
from tests.conftest import PASSWORD


@pytest.fixture
def log_lines():
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logger.registered_formatter)
    logger._logger.addHandler(handler)
    yield lambda: [json.loads(line) for line in buffer.getvalue().splitlines() if line]
    logger._logger.removeHandler(handler)


def test_login_logs_one_json_line_with_tenant_and_request_id_and_no_secrets(api, shop, log_lines):
    token = api.login(roles.TRABAJADOR, "pedro", tienda=shop["codigo"])

    lines = log_lines()
    text = json.dumps(lines)
    logins = [line for line in lines if line["message"] == "login"]
    assert len(logins) == 1
    assert logins[0]["tenant_id"] == shop["codigo"]
    assert logins[0]["request_id"]
    assert PASSWORD not in text
    assert token not in text
    assert "argon2" not in text


def test_a_failing_aws_service_is_logged_once_and_answered_without_details(api, log_lines):
    client("dynamodb").delete_table(TableName=settings().table("t_tiendas"))

    listing = api.call("GET", "/salud")

    assert listing.status_code == 503
    assert listing.data["error"] == "SERVICIO_NO_DISPONIBLE"
    errors = [line for line in log_lines() if line["level"] == "ERROR"]
    assert len(errors) == 1
    assert "ResourceNotFoundException" in errors[0]["exception"]
