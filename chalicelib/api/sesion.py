"""Public routes and the caller's own session: salud, login, logout, me."""

from chalice import Blueprint

from chalicelib import VERSION
from chalicelib.adapters import dynamo
from chalicelib.api.authorizer import saai_authorizer
from chalicelib.api.routing import endpoint
from chalicelib.domain import codes, roles
from chalicelib.domain.models import LoginIn
from chalicelib.errors import NotFoundError
from chalicelib.services import auth, cuentas

bp = Blueprint(__name__)
ALL = roles.ROLES


@endpoint(bp, "/salud", methods=["GET"], roles=None)
def salud(request):
    dynamo.get("t_tiendas", codes.SHOPS_PARTITION, "T#salud", consistent=False)
    return {"estado": "ok", "version": VERSION}


@endpoint(bp, "/login", methods=["POST"], roles=None)
def login(request):
    return auth.login(request.parse(LoginIn))


@endpoint(bp, "/logout", methods=["POST"], roles=ALL, authorizer=saai_authorizer, status=204)
def logout(request):
    auth.logout(request.caller)


@endpoint(bp, "/me", methods=["GET"], roles=ALL, authorizer=saai_authorizer)
def me(request):
    caller = request.caller
    try:
        account = cuentas.get(caller.tenant_id, caller.usuario)
    except NotFoundError:
        raise NotFoundError("Su cuenta ya no existe.") from None
    return auth.public_account(account)
