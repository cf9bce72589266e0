"""Helpers shared by every record: states and the soft-delete mark."""

from datetime import datetime

from chalicelib import clock

ACTIVO = "ACTIVO"
INACTIVO = "INACTIVO"


def baja(por: str, motivo: str, en: datetime | None = None) -> dict:
    """The soft-delete mark: who, when and why."""
    return {"por": por, "en": clock.iso(en or clock.now()), "motivo": motivo}


def is_active(record: dict) -> bool:
    return record.get("estado") != INACTIVO
