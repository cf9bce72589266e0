"""The catalogue's input models and its search rules (no I/O)."""

import re
import unicodedata
from decimal import Decimal
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from chalicelib.domain import cantidades
from chalicelib.domain.cantidades import Cantidad, CantidadNoNegativa, Soles
from chalicelib.domain.models import Input

_BARRAS = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-]{0,39}$")

Unidad = Literal["UNIDAD", "KG", "L"]


def normalized(text: str) -> str:
    """Lower case without accents, for searches that ignore both."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _barras(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if not _BARRAS.match(value):
        raise ValueError("Use hasta 40 letras, números, punto o guion.")
    return value.upper()


def _categoria(value: str | None) -> str | None:
    return value or None


def _fits_declared_unit(value: Decimal | None, info: ValidationInfo) -> Decimal | None:
    """Checks a quantity against ``unidad``, which is declared (so validated) before it."""
    unidad = info.data.get("unidad") or cantidades.UNIDAD
    if value is not None and not cantidades.fits_unit(value, unidad):
        raise ValueError(cantidades.unit_message(unidad))
    return value


class ProductoNuevo(Input):
    unidad: Unidad = cantidades.UNIDAD
    nombre: str = Field(min_length=1, max_length=120)
    precio: Soles
    costo: Soles
    stock: CantidadNoNegativa
    stock_minimo: CantidadNoNegativa
    categoria: str | None = Field(default=None, max_length=60)
    codigo_barras: str | None = Field(default=None, max_length=40)

    _check_barras = field_validator("codigo_barras")(_barras)
    _check_categoria = field_validator("categoria")(_categoria)
    _check_units = field_validator("stock", "stock_minimo")(_fits_declared_unit)


class ProductoCambio(Input):
    """What PATCH may change. Stock changes only through movements and sales."""

    unidad: Unidad | None = None
    nombre: str | None = Field(default=None, min_length=1, max_length=120)
    precio: Soles | None = None
    costo: Soles | None = None
    stock_minimo: CantidadNoNegativa | None = None
    categoria: str | None = Field(default=None, max_length=60)
    codigo_barras: str | None = Field(default=None, max_length=40)
    stock: object | None = None

    _check_barras = field_validator("codigo_barras")(_barras)
    _check_categoria = field_validator("categoria")(_categoria)
    _check_units = field_validator("stock_minimo")(_fits_declared_unit)

    @field_validator("stock", mode="before")
    @classmethod
    def _no_stock(cls, value):
        raise ValueError("No se cambia aquí: registre un movimiento (ENTRADA, MERMA o AJUSTE).")

    @field_validator("nombre", "precio", "costo", "stock_minimo", "unidad", mode="before")
    @classmethod
    def _not_null(cls, value):
        if value is None:
            raise ValueError("No puede ser nulo.")
        return value

    @model_validator(mode="after")
    def _something(self):
        if not self.model_fields_set:
            raise ValueError("Indique al menos un campo a cambiar.")
        return self

    def changes(self) -> dict:
        return self.model_dump(exclude_unset=True, exclude={"stock"})


ENTRADA = "ENTRADA"
MERMA = "MERMA"
AJUSTE = "AJUSTE"
INICIAL = "INICIAL"
VENTA = "VENTA"
ANULACION = "ANULACION"


class MovimientoNuevo(Input):
    """ENTRADA and MERMA take a positive quantity; AJUSTE a signed change."""

    tipo: Literal["ENTRADA", "MERMA", "AJUSTE"]
    cantidad: Cantidad
    motivo: str = Field(min_length=1, max_length=300)

    @field_validator("cantidad")
    @classmethod
    def _sign(cls, value: Decimal, info: ValidationInfo) -> Decimal:
        if value == 0:
            raise ValueError("No puede ser cero.")
        if info.data.get("tipo") != AJUSTE and value < 0:
            raise ValueError("Debe ser positiva; use AJUSTE para restar una corrección.")
        return value

    def change(self) -> Decimal:
        """The signed change of stock."""
        return -self.cantidad if self.tipo == MERMA else self.cantidad
