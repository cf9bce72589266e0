"""Accounts of every role (``t_usuarios``): creation, reading, changes, deletion.

An account is two items in the tenant's partition: the record under
``U#<number>`` and a link ``LOGIN#<usuario>`` that keeps login names unique
within the shop and lets login find the record without a scan.
"""

from chalicelib import clock
from chalicelib.adapters import dynamo, passwords
from chalicelib.domain import codes, records, roles
from chalicelib.domain.models import CuentaNueva
from chalicelib.errors import AlreadyExistsError, ConflictError, NotFoundError
from chalicelib.logs import logger
from chalicelib.services import auth, registros

_HIDDEN = {"password_hash", "clave"}


def public(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in _HIDDEN}


def new_account(
    tenant_id: str, number: int, rol: str, body: CuentaNueva
) -> tuple[dict, list[dict]]:
    """The record of a new account and the transaction actions that write it."""
    entity_id = codes.sort_key("U", number)
    record = {
        "codigo": codes.entity_code(tenant_id, "U", number),
        "tenant_id": tenant_id,
        "usuario": body.usuario,
        "nombre": body.nombre,
        "email": body.email,
        "rol": rol,
        "estado": records.ACTIVO,
        "creado_en": clock.now_iso(),
        "password_hash": passwords.hash_password(body.password),
        "clave": entity_id,
    }
    actions = [
        dynamo.tx_put("t_usuarios", dynamo.item(tenant_id, entity_id, record)),
        dynamo.tx_put(
            "t_usuarios",
            dynamo.item(
                tenant_id,
                auth.login_key(body.usuario),
                {"codigo": record["codigo"], "clave": entity_id},
            ),
        ),
    ]
    return record, actions


def write_new(actions: list[dict], usuario: str) -> None:
    """Run the actions; a taken login name becomes ``AlreadyExistsError``."""
    try:
        dynamo.transact(actions)
    except dynamo.ConditionFailed as exc:
        raise AlreadyExistsError(
            f"El usuario {usuario} ya existe en esta tienda.",
            [{"campo": "usuario", "mensaje": "Ya existe en esta tienda."}],
        ) from exc


def create(tenant_id: str, rol: str, body: CuentaNueva, por: str) -> dict:
    number = dynamo.next_number(tenant_id, "U")
    record, actions = new_account(tenant_id, number, rol, body)
    write_new(actions, body.usuario)
    logger.info(
        "cuenta creada",
        extra={"tenant_id": tenant_id, "codigo": record["codigo"], "rol": rol, "por": por},
    )
    return public(record)


def get(tenant_id: str, codigo: str) -> dict:
    return registros.by_code("t_usuarios", tenant_id, "U", codigo)


def list_page(tenant_id: str, limite=None, siguiente=None) -> dynamo.Page:
    page = dynamo.query_page(
        "t_usuarios",
        tenant_id,
        prefix="U#",
        limite=limite,
        siguiente=siguiente,
        keep=records.is_active,
    )
    return dynamo.Page([public(r) for r in page.items], page.siguiente)


def _worker(tenant_id: str, codigo: str, por: str) -> dict:
    record = get(tenant_id, codigo)
    if record["rol"] != roles.TRABAJADOR:
        raise ConflictError("Solo se pueden cambiar o dar de baja cuentas de trabajadores aquí.")
    if record["estado"] == records.INACTIVO:
        # A retried deletion whose revocation did not finish completes it here.
        auth.revoke_all(roles.TRABAJADOR, tenant_id, record["codigo"] + "#", por)
        raise NotFoundError(f"No existe el usuario {codigo}.")
    return record


def update(tenant_id: str, codigo: str, cambios: dict, por: str) -> dict:
    record = _worker(tenant_id, codigo, por)
    fields = {}
    for name in ("nombre", "email"):
        if name in cambios:
            fields[name] = cambios[name]
    if cambios.get("password"):
        fields["password_hash"] = passwords.hash_password(cambios["password"])
    try:
        updated = dynamo.update(
            "t_usuarios",
            tenant_id,
            record["clave"],
            dynamo.Update(
                set_fields=fields,
                condition="#d.estado = :activo",
                condition_values={":activo": records.ACTIVO},
            ),
        )
    except dynamo.ConditionFailed:
        raise NotFoundError(f"No existe el usuario {codigo}.") from None
    if "password_hash" in fields:
        auth.revoke_all(roles.TRABAJADOR, tenant_id, record["codigo"] + "#", por)
    logger.info(
        "cuenta cambiada",
        extra={"tenant_id": tenant_id, "codigo": codigo, "campos": sorted(fields)},
    )
    return public(updated)


def deactivate(tenant_id: str, codigo: str, motivo: str, por: str) -> None:
    """Soft delete: the account stays readable, its login name is freed, its tokens die."""
    record = _worker(tenant_id, codigo, por)
    try:
        _write_deactivation(tenant_id, record, motivo, por)
    except dynamo.ConditionFailed:
        raise NotFoundError(f"No existe el usuario {codigo}.") from None
    revoked = auth.revoke_all(roles.TRABAJADOR, tenant_id, record["codigo"] + "#", por)
    logger.info(
        "cuenta dada de baja",
        extra={"tenant_id": tenant_id, "codigo": codigo, "tokens_revocados": revoked},
    )


def _write_deactivation(tenant_id: str, record: dict, motivo: str, por: str) -> None:
    dynamo.transact(
        [
            dynamo.tx_update(
                "t_usuarios",
                tenant_id,
                record["clave"],
                dynamo.Update(
                    set_fields={"estado": records.INACTIVO, "baja": records.baja(por, motivo)},
                    condition="#d.estado = :activo",
                    condition_values={":activo": records.ACTIVO},
                ),
            ),
            dynamo.tx_delete("t_usuarios", tenant_id, auth.login_key(record["usuario"])),
        ]
    )
