"""Input models of the till: a sale and its void (no I/O)."""

from typing import Literal

from pydantic import Field, field_validator

from chalicelib.domain.cantidades import CantidadPositiva
from chalicelib.domain.models import Input


class LineaVenta(Input):
    producto: str = Field(min_length=1, max_length=24)
    cantidad: CantidadPositiva


# One sale is one DynamoDB transaction (100 actions at most): two sale items, an
# update and a kardex row per product, and room left for the alerts it raises.
MAX_LINEAS = 30


class VentaNueva(Input):
    items: list[LineaVenta] = Field(min_length=1, max_length=MAX_LINEAS)
    metodo_pago: Literal["EFECTIVO", "TARJETA", "YAPE", "PLIN", "TRANSFERENCIA"]

    @field_validator("items")
    @classmethod
    def _upper_codes(cls, items: list[LineaVenta]) -> list[LineaVenta]:
        for line in items:
            line.producto = line.producto.upper()
        return items


class Anulacion(Input):
    motivo: str = Field(min_length=1, max_length=300)
