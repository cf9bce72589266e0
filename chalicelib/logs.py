"""Structured JSON logging: one INFO line per business operation.

Powertools' Logger writes one JSON object a line; ``bind_request`` adds the
request id and the tenant to every line of the current invocation. Never pass
passwords, tokens or hashes to a log call.
"""

from aws_lambda_powertools import Logger

# Not "saai": Chalice configures the logger named after the app (level ERROR).
logger = Logger(service="saai-api")


def bind_request(request_id: str | None, tenant_id: str | None, usuario: str | None) -> None:
    logger.clear_state()
    logger.append_keys(request_id=request_id, tenant_id=tenant_id, usuario=usuario)
