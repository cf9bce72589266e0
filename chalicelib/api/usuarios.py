"""The owner's routes for the shop's workers (role ``administrador``)."""

from chalice import Blueprint

from chalicelib.api.authorizer import saai_authorizer
from chalicelib.api.routing import endpoint
from chalicelib.domain import roles
from chalicelib.domain.models import Baja, CuentaNueva, UsuarioCambio
from chalicelib.services import cuentas

bp = Blueprint(__name__)
OWNER = (roles.ADMINISTRADOR,)


@endpoint(bp, "/usuarios", methods=["POST"], roles=OWNER, authorizer=saai_authorizer, status=201)
def crear_usuario(request):
    body = request.parse(CuentaNueva)
    return cuentas.create(request.tenant_id, roles.TRABAJADOR, body, por=request.caller.usuario)


@endpoint(bp, "/usuarios", methods=["GET"], roles=OWNER, authorizer=saai_authorizer)
def listar_usuarios(request):
    page = cuentas.list_page(
        request.tenant_id, request.query.get("limite"), request.query.get("siguiente")
    )
    return page.body()


@endpoint(bp, "/usuarios/{codigo}", methods=["GET"], roles=OWNER, authorizer=saai_authorizer)
def ver_usuario(request, codigo):
    return cuentas.public(cuentas.get(request.tenant_id, codigo))


@endpoint(bp, "/usuarios/{codigo}", methods=["PATCH"], roles=OWNER, authorizer=saai_authorizer)
def cambiar_usuario(request, codigo):
    body = request.parse(UsuarioCambio)
    return cuentas.update(
        request.tenant_id, codigo, body.model_dump(exclude_unset=True), por=request.caller.usuario
    )


@endpoint(
    bp,
    "/usuarios/{codigo}",
    methods=["DELETE"],
    roles=OWNER,
    authorizer=saai_authorizer,
    status=204,
)
def baja_usuario(request, codigo):
    body = request.parse(Baja, optional=True)
    cuentas.deactivate(request.tenant_id, codigo, body.motivo, por=request.caller.usuario)
