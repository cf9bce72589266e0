"""Shops, managed by the platform. They live in ``t_tiendas`` under the
``PLATAFORMA`` partition, keyed by number, so listing them is one Query.

Opening a shop writes the shop, its first owner account, the owner's login link
and the shop's user counter in one transaction: a failure leaves nothing.

The owner's email is also subscribed to the shop's critical alerts (see
``services.suscripciones``) after the shop is written, changed or deleted; SNS
trouble there is logged, shown on the shop and retried, never a failed request.
"""

from chalicelib import clock
from chalicelib.adapters import dynamo
from chalicelib.domain import codes, records, roles
from chalicelib.domain.models import TiendaCambio, TiendaNueva
from chalicelib.errors import ConcurrentUpdateError, ConflictError, NotFoundError
from chalicelib.logs import logger
from chalicelib.services import auth, cuentas, suscripciones

ACTIVA = "ACTIVA"
SUSPENDIDA = "SUSPENDIDA"


def _owner_summary(account: dict) -> dict:
    return {k: account[k] for k in ("codigo", "usuario", "nombre", "email")}


def create(body: TiendaNueva, por: str) -> dict:
    number = dynamo.next_number(codes.SHOPS_PARTITION, "T")
    codigo = codes.shop_code(number)
    owner, owner_actions = cuentas.new_account(codigo, 1, roles.ADMINISTRADOR, body.administrador)
    shop = {
        "codigo": codigo,
        "nombre": body.nombre,
        "ruc": body.ruc,
        "direccion": body.direccion,
        "estado": ACTIVA,
        "creado_en": clock.now_iso(),
        "creado_por": por,
        "administrador": _owner_summary(owner),
        "umbral_merma": body.umbral_merma,
        suscripciones.FIELD: suscripciones.initial_state(owner["email"]),
    }
    counter = {"tenant_id": codigo, "entity_id": "U", "cuenta": 1}
    try:
        dynamo.transact(
            [
                dynamo.tx_put(
                    "t_tiendas",
                    dynamo.item(codes.SHOPS_PARTITION, codes.sort_key("T", number), shop),
                ),
                dynamo.tx_put("t_contadores", counter),
                *owner_actions,
            ]
        )
    except dynamo.ConditionFailed:
        # Only possible when the shop counter lags the stored shops (a restore).
        raise ConflictError(f"El código {codigo} ya está en uso; intente de nuevo.") from None
    logger.info("tienda creada", extra={"tenant_id": codigo, "por": por})
    state = suscripciones.sync_quietly(codigo)
    if state is not None:
        shop[suscripciones.FIELD] = state
    return {**shop, "codigo_tienda": codigo}


def get(codigo: str) -> dict:
    shop = dynamo.get("t_tiendas", codes.SHOPS_PARTITION, codes.shop_sort_key(codigo))
    if not shop:
        raise NotFoundError(f"No existe la tienda {codigo}.")
    return shop


def list_page(limite=None, siguiente=None, incluir_inactivas: bool = False) -> dynamo.Page:
    return dynamo.query_page(
        "t_tiendas",
        codes.SHOPS_PARTITION,
        prefix="T#",
        limite=limite,
        siguiente=siguiente,
        keep=None if incluir_inactivas else records.is_active,
    )


def update(codigo: str, cambios: TiendaCambio, por: str) -> dict:
    shop = get(codigo)
    if shop["estado"] == records.INACTIVO:
        raise ConflictError(f"La tienda {codigo} fue dada de baja y no se puede cambiar.")
    fields = cambios.model_dump(exclude_unset=True)
    email = fields.pop("email_administrador", None)
    condition = "#d.estado <> :inactivo"
    values: dict = {":inactivo": records.INACTIVO}
    names: dict = {}
    email_changed = bool(email) and email != shop["administrador"].get("email")
    if email_changed:
        fields["administrador"] = {**shop["administrador"], "email": email}
        stored = shop.get(suscripciones.FIELD)
        state = stored or suscripciones.state_of(shop)
        fields[suscripciones.FIELD] = suscripciones.with_new_email(state, email)
        extra, extra_values, names = suscripciones.version_condition(stored)
        condition += f" AND {extra}"
        values.update(extra_values)
    try:
        updated = dynamo.update(
            "t_tiendas",
            codes.SHOPS_PARTITION,
            codes.shop_sort_key(codigo),
            dynamo.Update(
                set_fields=fields,
                condition=condition,
                condition_values=values,
                condition_names=names,
            ),
        )
    except dynamo.ConditionFailed:
        if get(codigo)["estado"] == records.INACTIVO:
            raise ConflictError(
                f"La tienda {codigo} fue dada de baja y no se puede cambiar."
            ) from None
        raise ConcurrentUpdateError(
            f"La tienda {codigo} cambió mientras se actualizaba; intente de nuevo."
        ) from None
    if email_changed:
        _set_owner_email(codigo, shop["administrador"]["codigo"], email)
        state = suscripciones.sync_quietly(codigo)
        if state is not None:
            updated[suscripciones.FIELD] = state
    if fields.get("estado") == SUSPENDIDA:
        # Reactivating must not bring old sessions back: suspension ends them.
        for rol in roles.SHOP_ROLES:
            auth.revoke_all(rol, codigo, "", por)
    logger.info(
        "tienda cambiada", extra={"tenant_id": codigo, "campos": sorted(fields), "por": por}
    )
    return updated


def _set_owner_email(codigo: str, owner_code: str, email: str) -> None:
    owner = cuentas.get(codigo, owner_code)
    dynamo.update("t_usuarios", codigo, owner["clave"], dynamo.Update(set_fields={"email": email}))


def deactivate(codigo: str, motivo: str, por: str) -> None:
    """Soft delete: the shop stays readable by code; its users lose every token."""
    get(codigo)
    try:
        dynamo.update(
            "t_tiendas",
            codes.SHOPS_PARTITION,
            codes.shop_sort_key(codigo),
            dynamo.Update(
                set_fields={"estado": records.INACTIVO, "baja": records.baja(por, motivo)},
                condition="#d.estado <> :inactivo",
                condition_values={":inactivo": records.INACTIVO},
            ),
        )
    except dynamo.ConditionFailed:
        raise NotFoundError(f"No existe la tienda {codigo}.") from None
    revoked = sum(auth.revoke_all(rol, codigo, "", por) for rol in roles.SHOP_ROLES)
    suscripciones.sync_quietly(codigo)
    logger.info(
        "tienda dada de baja", extra={"tenant_id": codigo, "tokens_revocados": revoked, "por": por}
    )
