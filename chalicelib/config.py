"""Per-stage configuration, read from the environment once.

``.chalice/config.json`` sets these variables for each stage; the tests and the
local stack set the local stage's values. Nothing here has a default that points
at a deployed resource.

Alerts and real time:

- ``ALERTAS_TOPIC_ARN``: the topic's ARN. Deployed, the template sets it; when it
  is absent the ARN is built from ``ALERTAS_TOPIC`` and the caller's account.
- ``ALERTAS_PENDIENTES_STREAM_ARN``: the outbox table's stream, for a plain
  ``chalice deploy``. The packaged template replaces it with the table's real
  stream, so the stages leave it empty and the placeholder below is used.
- ``SAAI_DRENAR_ALERTAS_EN_LINEA``: ``1`` publishes a change's alerts right after
  its commit (the local stage, which has no stream consumer); deployed, the
  outbox stream and the schedule publish them.
- ``SAAI_EMAIL_VIA_HTTP``: locally, owners' alert mail goes to this loopback
  HTTP endpoint (protocol ``http``) instead of SNS's ``email`` protocol.
- ``WS_MANAGEMENT_URL``: the ``@connections`` API of the WebSocket gateway.
"""

import os
from dataclasses import dataclass
from functools import lru_cache

from chalicelib.tables import TABLES

STREAM_FROM_TEMPLATE = "arn:aws:dynamodb:::table/t_alertas_pendientes/stream/de-la-plantilla"
"""Stands for the outbox stream until the deploy template names the real one."""


class ConfigurationError(RuntimeError):
    """A required setting is missing: the stage is misconfigured."""


@dataclass(frozen=True)
class Settings:
    stage: str
    region: str
    tables: dict[str, str]
    alerts_topic: str
    reports_bucket: str
    prediction_endpoint: str
    ws_management_url: str
    jwt_secret_value: str
    jwt_secret_parameter: str
    token_minutes: int
    login_max_failures: int
    login_window_minutes: int
    alerts_topic_arn: str = ""
    outbox_stream_arn: str = ""
    drain_alerts_inline: bool = False
    email_via_http: str = ""

    def table(self, name: str) -> str:
        try:
            return self.tables[name]
        except KeyError:
            raise ConfigurationError(f"tabla desconocida: {name}") from None


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw else default


@lru_cache(maxsize=1)
def settings() -> Settings:
    tables = {spec.name: os.environ.get(spec.env_var, spec.name) for spec in TABLES}
    return Settings(
        stage=os.environ.get("SAAI_STAGE", "local"),
        region=os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION", "us-east-1"),
        tables=tables,
        alerts_topic=os.environ.get("ALERTAS_TOPIC", "AlertasSAAI"),
        reports_bucket=os.environ.get("REPORTES_BUCKET", "saai-reportes-local"),
        prediction_endpoint=os.environ.get("PREDICCION_ENDPOINT", "saai-demanda"),
        ws_management_url=os.environ.get("WS_MANAGEMENT_URL", ""),
        jwt_secret_value=os.environ.get("SAAI_JWT_SECRET", ""),
        jwt_secret_parameter=os.environ.get("SAAI_JWT_SECRET_PARAM", ""),
        token_minutes=_int("SAAI_TOKEN_MINUTES", 480),
        login_max_failures=_int("SAAI_LOGIN_MAX_FAILURES", 5),
        login_window_minutes=_int("SAAI_LOGIN_WINDOW_MINUTES", 15),
        alerts_topic_arn=os.environ.get("ALERTAS_TOPIC_ARN", ""),
        outbox_stream_arn=os.environ.get("ALERTAS_PENDIENTES_STREAM_ARN", "")
        or STREAM_FROM_TEMPLATE,
        drain_alerts_inline=os.environ.get("SAAI_DRENAR_ALERTAS_EN_LINEA", "") in ("1", "true"),
        email_via_http=os.environ.get("SAAI_EMAIL_VIA_HTTP", "").rstrip("/"),
    )


def reset() -> None:
    """Forget the cached settings (tests change the environment)."""
    settings.cache_clear()
