"""JWT signing and verification (pyjwt, HS256 only).

The secret comes from configuration: ``SAAI_JWT_SECRET`` on the local stage, an
SSM SecureString named by ``SAAI_JWT_SECRET_PARAM`` on deployed stages.
Verification accepts only HS256 and requires ``exp``, ``iat``, ``jti``, ``sub``,
``rol`` and ``codigo_tienda`` (the tenant); nothing is ever read from an unverified token.
"""

import uuid
from datetime import datetime, timedelta
from functools import lru_cache

import jwt

from chalicelib.adapters.aws import client
from chalicelib.config import ConfigurationError, settings
from chalicelib.errors import UnauthorizedError

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ["exp", "iat", "jti", "sub", "rol", "codigo_tienda"]
_MIN_SECRET_BYTES = 32


@lru_cache(maxsize=1)
def _secret() -> str:
    config = settings()
    secret = config.jwt_secret_value
    if config.jwt_secret_parameter:
        answer = client("ssm").get_parameter(Name=config.jwt_secret_parameter, WithDecryption=True)
        secret = answer["Parameter"]["Value"]
    if len(secret.encode()) < _MIN_SECRET_BYTES:
        raise ConfigurationError("El secreto JWT falta o es demasiado corto (mínimo 32 bytes).")
    return secret


def reset() -> None:
    _secret.cache_clear()


def issue(sub: str, rol: str, tienda: str, now: datetime, minutes: int) -> tuple[str, dict]:
    claims = {
        "sub": sub,
        "rol": rol,
        "codigo_tienda": tienda,
        "jti": uuid.uuid4().hex,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=minutes)).timestamp()),
    }
    return jwt.encode(claims, _secret(), algorithm=ALGORITHM), claims


def verify(token: str, now: datetime) -> dict:
    """The verified claims; ``UnauthorizedError`` for anything else.

    ``now`` is the backend clock, so expiry follows the same time as the rest of
    SAAI (and tests can move it).
    """
    if not token:
        raise UnauthorizedError("Falta el token.")
    try:
        header = jwt.get_unverified_header(token)
        if header.get("alg") != ALGORITHM:
            raise UnauthorizedError("Token inválido.")
        claims = jwt.decode(
            token,
            _secret(),
            algorithms=[ALGORITHM],
            options={"require": REQUIRED_CLAIMS, "verify_exp": False, "verify_iat": False},
        )
    except jwt.PyJWTError:
        raise UnauthorizedError("Token inválido.") from None
    if not isinstance(claims.get("exp"), int) or claims["exp"] <= int(now.timestamp()):
        raise UnauthorizedError("El token expiró.")
    for name in ("sub", "rol", "codigo_tienda", "jti"):
        if not isinstance(claims.get(name), str) or not claims[name]:
            raise UnauthorizedError("Token inválido.")
    return claims
