"""Login, logout and the checks behind the authorizer.

Every issued token is recorded in its role's table (``t_tokens_*``) under
``<user code>#<jti>``; a token is valid only while that record exists and is not
revoked, so logout, deleting a user and suspending a shop take effect at once.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

from chalicelib import clock
from chalicelib.adapters import dynamo, passwords, tokens
from chalicelib.config import settings
from chalicelib.domain import codes, roles
from chalicelib.domain.models import LoginIn
from chalicelib.domain.records import ACTIVO
from chalicelib.errors import (
    BadRequestError,
    InvalidCredentialsError,
    ShopNotActiveError,
    TooManyAttemptsError,
    UnauthorizedError,
)
from chalicelib.logs import logger


@dataclass(frozen=True)
class Caller:
    tenant_id: str
    rol: str
    usuario: str
    jti: str
    expira: int

    def context(self) -> dict:
        """Scalar context handed by the authorizer to the routes."""
        return {
            "tenant_id": self.tenant_id,
            "rol": self.rol,
            "usuario": self.usuario,
            "jti": self.jti,
            "expira": str(self.expira),
        }

    @classmethod
    def from_context(cls, context: dict) -> "Caller":
        return cls(
            tenant_id=context["tenant_id"],
            rol=context["rol"],
            usuario=context["usuario"],
            jti=context["jti"],
            expira=int(context["expira"]),
        )


def login_key(usuario: str) -> str:
    return f"LOGIN#{usuario.lower()}"


def token_key(usuario: str, jti: str) -> str:
    return f"{usuario}#{jti}"


def _claim_attempt(tenant_id: str, rol: str, usuario: str) -> str:
    """Count this attempt before any password is checked; returns the counter's key.

    The count is claimed with a conditional write, so a burst of parallel
    attempts cannot check more than ``login_max_failures`` passwords a window.
    """
    config = settings()
    window = config.login_window_minutes * 60
    now = int(clock.now().timestamp())
    bucket = now // window
    attempts_id = f"{rol}#{usuario.lower()}#{bucket}"
    try:
        dynamo.increment(
            "t_intentos_login",
            tenant_id,
            attempts_id,
            expira=(bucket + 2) * window,
            below=config.login_max_failures,
        )
    except dynamo.ConditionFailed:
        logger.info("login bloqueado", extra={"tenant_id": tenant_id, "rol": rol})
        raise TooManyAttemptsError(
            "Demasiados intentos fallidos. Espere unos minutos e intente de nuevo.",
            retry_after=(bucket + 1) * window - now,
        ) from None
    return attempts_id


def _login_tenant(body: LoginIn) -> str:
    if body.rol == roles.SAAI:
        return codes.PLATFORM_TENANT
    if not body.codigo_tienda:
        raise BadRequestError.field("codigo_tienda", "Es obligatorio para este rol.")
    return body.codigo_tienda.upper()


def _find_account(tenant_id: str, body: LoginIn) -> dict | None:
    link = dynamo.get("t_usuarios", tenant_id, login_key(body.usuario))
    if not link:
        return None
    return dynamo.get("t_usuarios", tenant_id, link["clave"])


def login(body: LoginIn) -> dict:
    """Check the credentials and issue a recorded token.

    Every wrong credential (unknown shop or user, wrong role or password, a
    deleted account) gives the same ``InvalidCredentialsError``. After
    ``login_max_failures`` failures within the window the account answers
    ``TooManyAttemptsError`` whatever the password.
    """
    config = settings()
    tenant_id = _login_tenant(body)
    attempts_id = _claim_attempt(tenant_id, body.rol, body.usuario)

    account = _find_account(tenant_id, body)
    password_ok = passwords.verify_password(
        account["password_hash"] if account else None, body.password
    )
    if not (password_ok and account["rol"] == body.rol and account["estado"] == ACTIVO):
        logger.info("login rechazado", extra={"tenant_id": tenant_id, "rol": body.rol})
        raise InvalidCredentialsError()
    if body.rol != roles.SAAI:
        _require_active_shop(tenant_id)
    dynamo.delete("t_intentos_login", tenant_id, attempts_id)

    now = clock.now()
    token, claims = tokens.issue(account["codigo"], body.rol, tenant_id, now, config.token_minutes)
    _record_token(account, claims, now)
    logger.info(
        "login", extra={"tenant_id": tenant_id, "usuario": account["codigo"], "rol": body.rol}
    )
    return {
        "token": token,
        "expira_en": _iso_epoch(claims["exp"]),
        "usuario": public_account(account),
    }


def _record_token(account: dict, claims: dict, now: datetime) -> None:
    """Write the token's record only while the account (and its shop) still
    stand as they were checked: a deletion, a password change or a suspension
    racing this login either commits first and refuses it, or finds the record
    and revokes it."""
    tenant_id = account["tenant_id"]
    checks = [
        dynamo.tx_check(
            "t_usuarios",
            tenant_id,
            account["clave"],
            "#d.estado = :activo AND #d.password_hash = :hash",
            {":activo": ACTIVO, ":hash": account["password_hash"]},
        )
    ]
    if account["rol"] != roles.SAAI:
        checks.append(
            dynamo.tx_check(
                "t_tiendas",
                codes.SHOPS_PARTITION,
                codes.shop_sort_key(tenant_id),
                "#d.estado = :activa",
                {":activa": "ACTIVA"},
            )
        )
    record = {
        "jti": claims["jti"],
        "usuario": account["codigo"],
        "emitido_en": clock.iso(now),
        "expira_en": _iso_epoch(claims["exp"]),
        "revocado": None,
    }
    entity_id = token_key(account["codigo"], claims["jti"])
    put = dynamo.tx_put(
        roles.TOKEN_TABLES[account["rol"]],
        dynamo.item(tenant_id, entity_id, record, expira=claims["exp"]),
    )
    try:
        dynamo.transact([*checks, put])
    except dynamo.ConditionFailed:
        raise InvalidCredentialsError() from None


def _iso_epoch(epoch: int) -> str:
    return clock.iso(datetime.fromtimestamp(epoch, UTC))


def public_account(account: dict) -> dict:
    return {
        "codigo": account["codigo"],
        "nombre": account["nombre"],
        "rol": account["rol"],
        "codigo_tienda": account["tenant_id"] if account["rol"] != roles.SAAI else None,
    }


def _require_active_shop(tenant_id: str) -> dict:
    shop = dynamo.get("t_tiendas", codes.SHOPS_PARTITION, codes.shop_sort_key(tenant_id))
    if not shop:
        raise InvalidCredentialsError()
    if shop["estado"] != "ACTIVA":
        raise ShopNotActiveError("La tienda no está activa. Comuníquese con SAAI.")
    return shop


def authenticate(token: str) -> Caller:
    """Verify a token fully: signature, expiry, its record, and the shop's state.

    Raises ``UnauthorizedError`` for a bad, expired or revoked token and
    ``ShopNotActiveError`` for a genuine token of a shop that is not ACTIVA.
    """
    claims = tokens.verify(_bearer(token), clock.now())
    if claims["rol"] not in roles.ROLES:
        raise UnauthorizedError("Token inválido.")
    record = dynamo.get(
        roles.TOKEN_TABLES[claims["rol"]],
        claims["codigo_tienda"],
        token_key(claims["sub"], claims["jti"]),
    )
    if not record or record.get("revocado"):
        raise UnauthorizedError("La sesión fue cerrada. Ingrese de nuevo.")
    if claims["rol"] != roles.SAAI:
        try:
            _require_active_shop(claims["codigo_tienda"])
        except InvalidCredentialsError:
            raise UnauthorizedError("Token inválido.") from None
    return Caller(
        claims["codigo_tienda"], claims["rol"], claims["sub"], claims["jti"], claims["exp"]
    )


def _bearer(header: str | None) -> str:
    if not header:
        return ""
    scheme, _, value = header.strip().partition(" ")
    return value.strip() if scheme.lower() == "bearer" else header.strip()


def logout(caller: Caller) -> None:
    revoke(caller.rol, caller.tenant_id, token_key(caller.usuario, caller.jti), caller.usuario)
    logger.info("logout", extra={"tenant_id": caller.tenant_id, "usuario": caller.usuario})


def revoke(rol: str, tenant_id: str, entity_id: str, por: str) -> None:
    try:
        dynamo.update(
            roles.TOKEN_TABLES[rol],
            tenant_id,
            entity_id,
            dynamo.Update(set_fields={"revocado": {"por": por, "en": clock.now_iso()}}),
        )
    except dynamo.ConditionFailed:
        pass  # the record already expired away: nothing left to revoke


def revoke_all(rol: str, tenant_id: str, usuario_prefix: str, por: str) -> int:
    """Revoke every token of a user (``T001U002``) or of a whole shop (``""``)."""
    keys = dynamo.query_keys(roles.TOKEN_TABLES[rol], tenant_id, usuario_prefix)
    for entity_id in keys:
        revoke(rol, tenant_id, entity_id, por)
    return len(keys)
