"""The shop's notification centre (roles ``administrador`` and ``trabajador``)."""

from chalice import Blueprint

from chalicelib.api.authorizer import saai_authorizer
from chalicelib.api.routing import endpoint
from chalicelib.domain import roles
from chalicelib.services import notificaciones

bp = Blueprint(__name__)
SHOP = roles.SHOP_ROLES


@endpoint(bp, "/notificaciones", methods=["GET"], roles=SHOP, authorizer=saai_authorizer)
def listar_notificaciones(request):
    caller = request.caller
    page = notificaciones.list_page(
        request.tenant_id,
        caller.rol,
        no_leidas=request.query.get("no_leidas"),
        limite=request.query.get("limite"),
        siguiente=request.query.get("siguiente"),
    )
    return page.body()


@endpoint(
    bp, "/notificaciones/{id}/leida", methods=["POST"], roles=SHOP, authorizer=saai_authorizer
)
def marcar_leida(request, id):  # noqa: A002 - the route's own parameter name
    caller = request.caller
    return notificaciones.mark_read(request.tenant_id, caller.rol, id, por=caller.usuario)
