"""Input model of an expense (no I/O)."""

from decimal import Decimal
from typing import Literal

from pydantic import Field, field_validator

from chalicelib.domain.cantidades import Soles
from chalicelib.domain.models import Input

CATEGORIAS_GASTO = (
    "ALQUILER",
    "SERVICIOS",
    "SUELDOS",
    "COMPRAS",
    "TRANSPORTE",
    "IMPUESTOS",
    "OTROS",
)


class GastoNuevo(Input):
    concepto: str = Field(min_length=1, max_length=200)
    monto: Soles
    categoria: Literal[CATEGORIAS_GASTO]  # type: ignore[valid-type]
    fecha: str | None = Field(default=None, max_length=10)

    @field_validator("monto")
    @classmethod
    def _positive(cls, value: Decimal) -> Decimal:
        if value <= 0:
            raise ValueError("Debe ser mayor que cero.")
        return value
