"""Sales routes: register (idempotent with ``Idempotency-Key``), read, list, void."""

from chalice import Blueprint

from chalicelib.api.authorizer import saai_authorizer
from chalicelib.api.routing import endpoint
from chalicelib.domain import roles
from chalicelib.domain.ventas import Anulacion, VentaNueva
from chalicelib.services import ventas

bp = Blueprint(__name__)
SHOP = roles.SHOP_ROLES


@endpoint(bp, "/ventas", methods=["POST"], roles=SHOP, authorizer=saai_authorizer, status=201)
def registrar_venta(request):
    body = request.parse(VentaNueva)
    return ventas.register_once(
        request.tenant_id,
        body,
        vendedor=request.caller.usuario,
        clave=request.header("Idempotency-Key"),
        lambda_context=bp.lambda_context,
    )


@endpoint(bp, "/ventas", methods=["GET"], roles=SHOP, authorizer=saai_authorizer)
def listar_ventas(request):
    return ventas.list_page(request.tenant_id, request.query).body()


@endpoint(bp, "/ventas/{codigo}", methods=["GET"], roles=SHOP, authorizer=saai_authorizer)
def ver_venta(request, codigo):
    return ventas.public(ventas.get(request.tenant_id, codigo))


@endpoint(bp, "/ventas/{codigo}/anular", methods=["POST"], roles=SHOP, authorizer=saai_authorizer)
def anular_venta(request, codigo):
    body = request.parse(Anulacion)
    return ventas.void(request.tenant_id, codigo, body.motivo, caller=request.caller)
