"""The catalogue, stock movements and kardex routes (owner and worker)."""

from chalice import Blueprint

from chalicelib.api.authorizer import saai_authorizer
from chalicelib.api.routing import endpoint
from chalicelib.domain import roles
from chalicelib.domain.catalogo import MovimientoNuevo, ProductoCambio, ProductoNuevo
from chalicelib.domain.models import Baja
from chalicelib.services import productos

bp = Blueprint(__name__)
SHOP = roles.SHOP_ROLES


@endpoint(bp, "/productos", methods=["POST"], roles=SHOP, authorizer=saai_authorizer, status=201)
def crear_producto(request):
    body = request.parse(ProductoNuevo)
    return productos.create(request.tenant_id, body, por=request.caller.usuario)


@endpoint(bp, "/productos", methods=["GET"], roles=SHOP, authorizer=saai_authorizer)
def listar_productos(request):
    query = request.query
    page = productos.list_page(
        request.tenant_id,
        q=query.get("q"),
        categoria=query.get("categoria"),
        limite=query.get("limite"),
        siguiente=query.get("siguiente"),
    )
    return page.body()


@endpoint(bp, "/productos/{codigo}", methods=["GET"], roles=SHOP, authorizer=saai_authorizer)
def ver_producto(request, codigo):
    return productos.public(productos.get(request.tenant_id, codigo))


@endpoint(bp, "/productos/{codigo}", methods=["PATCH"], roles=SHOP, authorizer=saai_authorizer)
def cambiar_producto(request, codigo):
    body = request.parse(ProductoCambio)
    return productos.update(request.tenant_id, codigo, body, por=request.caller.usuario)


@endpoint(
    bp,
    "/productos/{codigo}",
    methods=["DELETE"],
    roles=SHOP,
    authorizer=saai_authorizer,
    status=204,
)
def baja_producto(request, codigo):
    body = request.parse(Baja, optional=True)
    productos.deactivate(request.tenant_id, codigo, body.motivo, por=request.caller.usuario)


@endpoint(
    bp,
    "/productos/{codigo}/movimientos",
    methods=["POST"],
    roles=SHOP,
    authorizer=saai_authorizer,
    status=201,
)
def registrar_movimiento(request, codigo):
    body = request.parse(MovimientoNuevo)
    return productos.move_stock(request.tenant_id, codigo, body, usuario=request.caller.usuario)


@endpoint(bp, "/productos/{codigo}/kardex", methods=["GET"], roles=SHOP, authorizer=saai_authorizer)
def ver_kardex(request, codigo):
    page = productos.kardex_page(
        request.tenant_id, codigo, request.query.get("limite"), request.query.get("siguiente")
    )
    return page.body()
