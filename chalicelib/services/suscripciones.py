"""The owner's alert email: one SNS subscription per shop, kept in step with it.

Each shop record carries ``alertas_email``: the address that should get the
shop's CRITICAL alerts, the subscription that serves it, the subscriptions
still to remove (``por_retirar``), and a state visible in ``GET /tiendas``:
``SUSCRITA``, ``PENDIENTE`` (something failed and will be retried, with
``ultimo_error`` and ``intentos``) or ``SIN_SUSCRIPCION`` (a deleted shop).

``sync`` makes SNS match the record: it first removes what is to be removed,
then subscribes the address if it has no subscription, and saves the result
conditionally on the state's ``version``. Subscribing and unsubscribing are
idempotent on SNS's side, so a retry is always safe. If another writer changed
the state meanwhile, the subscription this round made is either adopted (same
address) or queued for removal, and the round runs again: an address that is no
longer the owner's never keeps receiving mail.

Creating, changing or deleting a shop never fails because of SNS: they call
``sync_quietly``, and the schedule's ``retry_pending`` finishes the job.
"""

from chalicelib import clock
from chalicelib.adapters import dynamo, sns
from chalicelib.domain import codes, records
from chalicelib.errors import ConcurrentUpdateError, NotFoundError, SaaiError, UpstreamError
from chalicelib.logs import logger

FIELD = "alertas_email"
SUSCRITA = "SUSCRITA"
PENDIENTE = "PENDIENTE"
SIN_SUSCRIPCION = "SIN_SUSCRIPCION"
_ROUNDS = 3


def initial_state(email: str | None) -> dict:
    return {
        "email": email,
        "suscripcion": None,
        "por_retirar": [],
        "estado": PENDIENTE,
        "intentos": 0,
        "ultimo_error": None,
        "version": 0,
        "actualizado_en": clock.now_iso(),
    }


def with_new_email(state: dict, email: str) -> dict:
    """The state after the owner's address changed: the old subscription goes."""
    retire = list(state.get("por_retirar") or [])
    if state.get("suscripcion"):
        retire.append(state["suscripcion"])
    return {
        **state,
        "email": email,
        "suscripcion": None,
        "por_retirar": retire,
        "estado": PENDIENTE,
        "intentos": 0,
        "ultimo_error": None,
        "version": int(state.get("version", 0)) + 1,
        "actualizado_en": clock.now_iso(),
    }


def version_condition(stored: dict | None) -> tuple[str, dict, dict]:
    """Condition, values and names that hold only while the state is ``stored``."""
    names = {"#f": FIELD, "#v": "version"}
    if stored is None:
        return "attribute_not_exists(#d.#f)", {}, names
    return "#d.#f.#v = :version", {":version": stored["version"]}, names


def state_of(shop: dict) -> dict:
    return shop.get(FIELD) or initial_state(shop["administrador"].get("email"))


def _load(codigo: str) -> dict:
    shop = dynamo.get("t_tiendas", codes.SHOPS_PARTITION, codes.shop_sort_key(codigo))
    if not shop:
        raise NotFoundError(f"No existe la tienda {codigo}.")
    return shop


def _save(codigo: str, stored: dict | None, new: dict) -> None:
    condition, values, names = version_condition(stored)
    dynamo.update(
        "t_tiendas",
        codes.SHOPS_PARTITION,
        codes.shop_sort_key(codigo),
        dynamo.Update(
            set_fields={FIELD: new},
            condition=f"attribute_exists(entity_id) AND {condition}",
            condition_values=values,
            condition_names=names,
        ),
    )


def _adopt(state: dict, email: str, arn: str) -> None:
    """Account for a subscription made by a round whose save lost."""
    if state["email"] == email and not state["suscripcion"]:
        state["suscripcion"] = arn
    elif arn != state["suscripcion"] and arn not in state["por_retirar"]:
        state["por_retirar"] = [*state["por_retirar"], arn]


def _reconcile(
    codigo: str, state: dict, wanted: str | None, verify: bool
) -> tuple[dict, str | None]:
    errors: list[str] = []
    current = state["suscripcion"]
    retire = list(state["por_retirar"])
    if current and verify and not sns.subscription_serves(current, codigo, state["email"]):
        retire.append(current)  # gone, or delivering elsewhere than configured
        current = None
    if current and wanted is None:
        retire.append(current)
        current = None

    kept = []
    for arn in retire:
        if arn == current:
            continue
        try:
            sns.unsubscribe(arn)
        except UpstreamError as exc:
            kept.append(arn)
            errors.append(exc.detalle)

    created = None
    if wanted and not current and not kept:
        try:
            created = current = sns.subscribe_owner(codigo, wanted)
        except UpstreamError as exc:
            errors.append(exc.detalle)

    if errors or (wanted and not current):
        estado = PENDIENTE
    else:
        estado = SUSCRITA if current else SIN_SUSCRIPCION
    new = {
        **state,
        "suscripcion": current,
        "por_retirar": kept,
        "estado": estado,
        "intentos": int(state.get("intentos", 0)) + 1 if errors else 0,
        "ultimo_error": errors[-1] if errors else None,
        "version": int(state.get("version", 0)) + 1,
        "actualizado_en": clock.now_iso(),
    }
    return new, created


def sync(codigo: str, verify: bool = False) -> dict:
    """Make SNS match the shop's record; returns the new state.

    ``verify`` also asks SNS whether the recorded subscription still exists and
    delivers where the configuration says (the local emulator forgets them on
    restart; a shop seeded before the local mail endpoint was configured has an
    ``email`` one). Raises ``ConcurrentUpdateError`` if
    other writers keep changing the state, and whatever reading the shop raises.
    """
    carried: tuple[str, str] | None = None
    for _ in range(_ROUNDS):
        shop = _load(codigo)
        stored = shop.get(FIELD)
        state = dict(stored) if stored else state_of(shop)
        if carried:
            _adopt(state, *carried)
        wanted = None if shop["estado"] == records.INACTIVO else state["email"]
        new, created = _reconcile(codigo, state, wanted, verify)
        try:
            _save(codigo, stored, new)
        except dynamo.ConditionFailed:
            carried = (wanted, created) if created and wanted else None
            continue
        _log(codigo, new)
        return new
    raise ConcurrentUpdateError("La suscripción de alertas cambió mientras se actualizaba.")


def _log(codigo: str, state: dict) -> None:
    extra = {"tenant_id": codigo, "estado": state["estado"], "intentos": state["intentos"]}
    if state["estado"] == PENDIENTE:
        logger.error(
            "suscripción de alertas por correo pendiente",
            extra={**extra, "error": state["ultimo_error"]},
        )
    else:
        logger.info("suscripción de alertas por correo al día", extra=extra)


def sync_quietly(codigo: str) -> dict | None:
    """``sync`` for callers that must not fail: logs and leaves the retry to the schedule."""
    try:
        return sync(codigo)
    except SaaiError as exc:
        logger.error(
            "suscripción de alertas no sincronizada; se reintentará",
            extra={"tenant_id": codigo, "error": exc.mensaje},
        )
    except Exception:  # noqa: BLE001 - opening or changing a shop must not fail on SNS
        logger.exception("suscripción de alertas no sincronizada", extra={"tenant_id": codigo})
    return None


def needs_sync(shop: dict) -> bool:
    state = shop.get(FIELD)
    if state is None or state["estado"] == PENDIENTE or state.get("por_retirar"):
        return True
    if shop["estado"] == records.INACTIVO:
        return bool(state.get("suscripcion"))
    return not state.get("suscripcion")


def _shops():
    return dynamo.query_all("t_tiendas", codes.SHOPS_PARTITION, prefix="T#")


def retry_pending() -> int:
    """Sync every shop whose subscription is not in step; returns how many were tried."""
    tried = 0
    for shop in _shops():
        if needs_sync(shop):
            tried += 1
            sync_quietly(shop["codigo"])
    return tried


def verify_all() -> int:
    """Re-subscribe every shop whose recorded subscription SNS lost or routes elsewhere.

    For the local stack at start-up: the emulator keeps subscriptions in memory
    only. Not for deployed stages, where a missing subscription usually means the
    owner chose to unsubscribe from the email itself.
    """
    fixed = 0
    for shop in _shops():
        if shop["estado"] == records.INACTIVO and not needs_sync(shop):
            continue
        try:
            before = (shop.get(FIELD) or {}).get("suscripcion")
            after = sync(shop["codigo"], verify=True)["suscripcion"]
        except SaaiError as exc:
            logger.error(
                "suscripción no verificada",
                extra={"tenant_id": shop["codigo"], "error": exc.mensaje},
            )
            continue
        fixed += before != after
    return fixed
