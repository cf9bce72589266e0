"""The local stage's starting accounts: the platform account and demo shop T001.

Nothing is overwritten: an account or shop that exists is left as it is, so a
restarted stack keeps whatever was changed through the product.
"""

import os
from dataclasses import dataclass

from chalicelib.adapters import dynamo
from chalicelib.domain import codes, roles
from chalicelib.domain.models import AdministradorNuevo, CuentaNueva, TiendaNueva
from chalicelib.services import auth, cuentas, tiendas

DEFAULT_SAAI_PASSWORD = "saai-local-2026"
DEMO_SHOP = "T001"


@dataclass(frozen=True)
class Credential:
    app: str
    rol: str
    tienda: str | None
    usuario: str
    password: str


def credentials() -> list[Credential]:
    saai_password = os.environ.get("SAAI_LOCAL_PASSWORD") or DEFAULT_SAAI_PASSWORD
    return [
        Credential("saai", roles.SAAI, None, "saai", saai_password),
        Credential("admin", roles.ADMINISTRADOR, DEMO_SHOP, "duena", "duena-2026"),
        Credential("trabajador", roles.TRABAJADOR, DEMO_SHOP, "cajero", "cajero-2026"),
    ]


def _exists(tenant_id: str, usuario: str) -> bool:
    return dynamo.get("t_usuarios", tenant_id, auth.login_key(usuario)) is not None


def seed() -> list[Credential]:
    saai, owner, worker = credentials()
    if not _exists(codes.PLATFORM_TENANT, saai.usuario):
        cuentas.create(
            codes.PLATFORM_TENANT,
            roles.SAAI,
            CuentaNueva(nombre="Operador SAAI", usuario=saai.usuario, password=saai.password),
            por="arranque-local",
        )
    if dynamo.get("t_tiendas", codes.SHOPS_PARTITION, codes.shop_sort_key(DEMO_SHOP)) is None:
        shop = tiendas.create(
            TiendaNueva(
                nombre="Bodega Doña Rosa (demo)",
                direccion="Av. Los Próceres 123, Lima",
                administrador=AdministradorNuevo(
                    nombre="Rosa Quispe",
                    usuario=owner.usuario,
                    password=owner.password,
                    email="duena@bodega-demo.pe",
                ),
            ),
            por="arranque-local",
        )
        if shop["codigo"] != DEMO_SHOP:
            raise RuntimeError(f"La tienda demo debía ser {DEMO_SHOP} y salió {shop['codigo']}.")
    if not _exists(DEMO_SHOP, worker.usuario):
        cuentas.create(
            DEMO_SHOP,
            roles.TRABAJADOR,
            CuentaNueva(nombre="Carlos Cajero", usuario=worker.usuario, password=worker.password),
            por="arranque-local",
        )
    return [saai, owner, worker]
