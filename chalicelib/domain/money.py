"""Money and quantities as ``Decimal``, never through binary floats."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")


def to_decimal(value) -> Decimal:
    """Parse a JSON number or numeric string via its text (30.40 stays 30.40).

    Raises ``ValueError`` for anything that is not a finite number.
    """
    if isinstance(value, bool) or value is None:
        raise ValueError("no es un número")
    if isinstance(value, float):
        value = repr(value)
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        raise ValueError("no es un número") from None
    if not number.is_finite():
        raise ValueError("no es un número")
    return number


def money(value) -> Decimal:
    """A sum in soles with at most two decimals (``ValueError`` otherwise)."""
    number = to_decimal(value)
    if number != number.quantize(CENT, rounding=ROUND_HALF_UP):
        raise ValueError("admite como máximo dos decimales")
    return number.quantize(CENT)


def round_money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)
