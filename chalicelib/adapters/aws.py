"""Lazily built, cached boto3 clients.

Locally ``AWS_ENDPOINT_URL`` points every client at the embedded emulator;
deployed, the variable is absent and boto3 talks to the real services.
"""

from functools import cache

import boto3
from botocore.config import Config

from chalicelib.config import settings

_RETRIES = Config(
    retries={"max_attempts": 4, "mode": "standard"}, connect_timeout=3, read_timeout=10
)


@cache
def client(service: str):
    return boto3.session.Session().client(service, region_name=settings().region, config=_RETRIES)


def reset() -> None:
    client.cache_clear()
