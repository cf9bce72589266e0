"""The platform's shop routes (role ``saai``)."""

from chalice import Blueprint

from chalicelib.api.authorizer import saai_authorizer
from chalicelib.api.routing import endpoint
from chalicelib.domain import roles
from chalicelib.domain.models import Baja, TiendaCambio, TiendaNueva
from chalicelib.services import tiendas

bp = Blueprint(__name__)
SAAI = (roles.SAAI,)


@endpoint(bp, "/tiendas", methods=["POST"], roles=SAAI, authorizer=saai_authorizer, status=201)
def crear_tienda(request):
    return tiendas.create(request.parse(TiendaNueva), por=request.caller.usuario)


@endpoint(bp, "/tiendas", methods=["GET"], roles=SAAI, authorizer=saai_authorizer)
def listar_tiendas(request):
    incluir = request.query.get("incluir_inactivas") in ("true", "1")
    page = tiendas.list_page(request.query.get("limite"), request.query.get("siguiente"), incluir)
    return page.body()


@endpoint(bp, "/tiendas/{codigo}", methods=["GET"], roles=SAAI, authorizer=saai_authorizer)
def ver_tienda(request, codigo):
    return tiendas.get(codigo)


@endpoint(bp, "/tiendas/{codigo}", methods=["PATCH"], roles=SAAI, authorizer=saai_authorizer)
def cambiar_tienda(request, codigo):
    return tiendas.update(codigo, request.parse(TiendaCambio), por=request.caller.usuario)


@endpoint(
    bp, "/tiendas/{codigo}", methods=["DELETE"], roles=SAAI, authorizer=saai_authorizer, status=204
)
def baja_tienda(request, codigo):
    body = request.parse(Baja, optional=True)
    tiendas.deactivate(codigo, body.motivo, por=request.caller.usuario)
