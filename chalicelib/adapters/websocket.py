"""The WebSocket gateway's management API (``@connections``).

One code path for every place SAAI runs: a boto3 ``apigatewaymanagementapi``
client whose endpoint is ``WS_MANAGEMENT_URL``. Deployed, that is the API
Gateway stage (``https://<api>.execute-api.<region>.amazonaws.com/<stage>``);
locally, the loopback gateway in ``tools/local/ws_gateway.py``.

``GoneException`` (the client went away) becomes ``ConnectionGone``; any other
failure becomes ``UpstreamError``. Timeouts are short and retries few: a live
notice is worth little once late, and it must not hold up the operation that
sent it.
"""

import json
from functools import cache

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from botocore.parsers import ResponseParserError

from chalicelib.config import ConfigurationError, settings
from chalicelib.errors import UpstreamError

_FAST = Config(retries={"max_attempts": 2, "mode": "standard"}, connect_timeout=2, read_timeout=4)


class ConnectionGone(Exception):
    """The connection no longer exists on the gateway."""


def configured() -> bool:
    return bool(settings().ws_management_url)


@cache
def _client(endpoint_url: str):
    return boto3.session.Session().client(
        "apigatewaymanagementapi",
        endpoint_url=endpoint_url,
        region_name=settings().region,
        config=_FAST,
    )


def _management():
    url = settings().ws_management_url
    if not url:
        raise ConfigurationError("WS_MANAGEMENT_URL no está configurado.")
    return _client(url)


def reset() -> None:
    _client.cache_clear()


def post(connection_id: str, payload: dict) -> None:
    """Send one JSON message to a connection."""
    data = json.dumps(payload, ensure_ascii=False).encode()
    try:
        _management().post_to_connection(ConnectionId=connection_id, Data=data)
    except ClientError as exc:
        code = exc.response.get("Error", {}).get("Code", "")
        if code == "GoneException":
            raise ConnectionGone(connection_id) from None
        raise UpstreamError(f"WebSocket PostToConnection falló ({code}).") from exc
    except (BotoCoreError, ResponseParserError) as exc:
        raise UpstreamError(f"WebSocket PostToConnection falló ({type(exc).__name__}).") from exc
