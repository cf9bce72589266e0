"""Quantities of stock: whole units, or kilos and litres with up to three decimals."""

from decimal import Decimal
from typing import Annotated

from pydantic import BeforeValidator

from chalicelib.domain import money

UNIDAD = "UNIDAD"
KG = "KG"
L = "L"
UNIDADES = (UNIDAD, KG, L)
FRACTIONAL = (KG, L)

MILESIMA = Decimal("0.001")
MAXIMO = Decimal("1000000000")


def _number(value) -> Decimal:
    try:
        return money.to_decimal(value)
    except ValueError:
        raise ValueError("Debe ser un número.") from None


def _money(value) -> Decimal:
    number = _number(value)
    if number < 0:
        raise ValueError("No puede ser negativo.")
    if number >= MAXIMO:
        raise ValueError("Es demasiado grande.")
    try:
        return money.money(number)
    except ValueError:
        raise ValueError("Admite como máximo dos decimales.") from None


def _quantity(value) -> Decimal:
    number = _number(value)
    if abs(number) >= MAXIMO:
        raise ValueError("Es demasiado grande.")
    if number != number.quantize(MILESIMA):
        raise ValueError("Admite como máximo tres decimales.")
    return number.normalize() if number != 0 else Decimal(0)


def _positive(value) -> Decimal:
    number = _quantity(value)
    if number <= 0:
        raise ValueError("Debe ser mayor que cero.")
    return number


def _not_negative(value) -> Decimal:
    number = _quantity(value)
    if number < 0:
        raise ValueError("No puede ser negativo.")
    return number


Soles = Annotated[Decimal, BeforeValidator(_money)]
Cantidad = Annotated[Decimal, BeforeValidator(_quantity)]
CantidadPositiva = Annotated[Decimal, BeforeValidator(_positive)]
CantidadNoNegativa = Annotated[Decimal, BeforeValidator(_not_negative)]


def fits_unit(cantidad: Decimal, unidad: str) -> bool:
    """Whole numbers for UNIDAD; kilos and litres already carry at most three decimals."""
    if unidad in FRACTIONAL:
        return True
    return cantidad == cantidad.to_integral_value()


def unit_message(unidad: str) -> str:
    return f"Debe ser un número entero para productos por {unidad.lower()}."


def plain(cantidad: Decimal) -> Decimal:
    """The quantity without trailing zeros (``2.500`` -> ``2.5``, ``3.0`` -> ``3``)."""
    if cantidad == cantidad.to_integral_value():
        return cantidad.quantize(Decimal(1))
    return cantidad.normalize()
