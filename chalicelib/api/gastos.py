"""Expense routes: owner and worker record and list; only the owner deletes."""

from chalice import Blueprint

from chalicelib.api.authorizer import saai_authorizer
from chalicelib.api.routing import endpoint
from chalicelib.domain import roles
from chalicelib.domain.gastos import GastoNuevo
from chalicelib.domain.models import Baja
from chalicelib.services import gastos

bp = Blueprint(__name__)
SHOP = roles.SHOP_ROLES
OWNER = (roles.ADMINISTRADOR,)


@endpoint(bp, "/gastos", methods=["POST"], roles=SHOP, authorizer=saai_authorizer, status=201)
def registrar_gasto(request):
    body = request.parse(GastoNuevo)
    return gastos.create(request.tenant_id, body, por=request.caller.usuario)


@endpoint(bp, "/gastos", methods=["GET"], roles=SHOP, authorizer=saai_authorizer)
def listar_gastos(request):
    return gastos.list_page(request.tenant_id, request.query).body()


@endpoint(
    bp, "/gastos/{codigo}", methods=["DELETE"], roles=OWNER, authorizer=saai_authorizer, status=204
)
def baja_gasto(request, codigo):
    body = request.parse(Baja, optional=True)
    gastos.deactivate(request.tenant_id, codigo, body.motivo, por=request.caller.usuario)
