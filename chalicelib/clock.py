"""The backend's official clock: now and today in America/Lima.

Every timestamp SAAI stores or answers comes from here. Tests fix the time
with ``frozen``.
"""

from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

LIMA = ZoneInfo("America/Lima")

_fixed: list[datetime] = []


def now() -> datetime:
    if _fixed:
        return _fixed[-1]
    return datetime.now(UTC).astimezone(LIMA)


def today() -> date:
    return now().date()


def iso(moment: datetime) -> str:
    return moment.astimezone(LIMA).isoformat(timespec="seconds")


def now_iso() -> str:
    return iso(now())


def day_bounds(day: date) -> tuple[str, str]:
    """ISO strings of the first and last second of a Lima day."""
    start = datetime(day.year, day.month, day.day, tzinfo=LIMA)
    return iso(start), iso(start + timedelta(days=1) - timedelta(seconds=1))


@contextmanager
def frozen(moment: datetime):
    """Fix the clock at ``moment`` (naive values are read as Lima time)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=LIMA)
    _fixed.append(moment.astimezone(LIMA))
    try:
        yield
    finally:
        _fixed.pop()
