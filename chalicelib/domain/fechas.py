"""Lima days in requests: ``fecha`` or a ``desde``/``hasta`` range."""

from datetime import date

from chalicelib.errors import BadRequestError

MAX_DAYS = 366


def parse_day(value: str, campo: str) -> date:
    try:
        return date.fromisoformat(value) if len(value) == 10 else _invalid(campo)
    except ValueError:
        return _invalid(campo)


def _invalid(campo: str) -> date:
    raise BadRequestError.field(campo, "Use una fecha AAAA-MM-DD.")


def day_range(query: dict, default: tuple[date, date]) -> tuple[date, date]:
    """``fecha`` alone, or ``desde`` and/or ``hasta``; ``default`` when none is given."""
    fecha, desde, hasta = query.get("fecha"), query.get("desde"), query.get("hasta")
    if fecha and (desde or hasta):
        raise BadRequestError.field("fecha", "Use fecha o bien desde/hasta, no ambos.")
    if fecha:
        day = parse_day(fecha, "fecha")
        return day, day
    start = parse_day(desde, "desde") if desde else default[0]
    end = parse_day(hasta, "hasta") if hasta else (start if desde else default[1])
    if end < start:
        raise BadRequestError.field("hasta", "Debe ser igual o posterior a desde.")
    if (end - start).days >= MAX_DAYS:
        raise BadRequestError.field("hasta", f"El rango admite como máximo {MAX_DAYS} días.")
    return start, end


def day_keys(start: date, end: date) -> tuple[str, str]:
    """Bounds of the ``D#<day>...`` sort keys of a range of days (inclusive)."""
    return f"D#{start.isoformat()}", f"D#{end.isoformat()}~"
