"""Codes, money and the Lima clock."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from chalicelib import clock
from chalicelib.domain import codes, money
from chalicelib.errors import NotFoundError


def test_codes_are_padded_to_three_digits_and_grow_past_999():
    assert codes.entity_code("T002", "P", 1) == "T002P001"
    assert codes.entity_code("T002", "V", 1000) == "T002V1000"
    assert codes.shop_code(1000) == "T1000"


def test_sort_keys_order_by_number_past_999():
    keys = [codes.sort_key("P", n) for n in (999, 1000, 2, 10)]

    assert sorted(keys) == [codes.sort_key("P", n) for n in (2, 10, 999, 1000)]


def test_a_code_maps_to_its_key_only_inside_its_own_shop():
    assert codes.entity_sort_key("T002", "P", "T002P1000") == "P#000001000"
    for tenant, kind, code in [
        ("T003", "P", "T002P001"),
        ("T002", "V", "T002P001"),
        ("T002", "P", "P001"),
    ]:
        with pytest.raises(NotFoundError):
            codes.entity_sort_key(tenant, kind, code)


@pytest.mark.parametrize(
    ("raw", "expected"), [(30.40, "30.40"), ("30.4", "30.40"), (7, "7.00"), ("0.10", "0.10")]
)
def test_money_is_read_through_its_text(raw, expected):
    assert money.money(raw) == Decimal(expected)


@pytest.mark.parametrize("raw", ["dos", None, True, "NaN", "Infinity", 1.005, "1.234"])
def test_money_refuses_what_is_not_a_sum_in_soles(raw):
    with pytest.raises(ValueError):
        money.money(raw)


def test_price_float_times_quantity_is_exact():
    assert money.money(30.40) * 3 == Decimal("91.20")


def test_the_lima_day_changes_at_lima_midnight_not_utc():
    late_evening = datetime(2026, 12, 5, 3, 30, tzinfo=UTC)

    with clock.frozen(late_evening):
        assert clock.today().isoformat() == "2026-12-04"
        assert clock.now_iso() == "2026-12-04T22:30:00-05:00"


def test_day_bounds_cover_the_whole_lima_day():
    start, end = clock.day_bounds(datetime(2026, 12, 4).date())

    assert (start, end) == ("2026-12-04T00:00:00-05:00", "2026-12-04T23:59:59-05:00")


def test_stages_hash_passwords_with_argon2id_default_parameters(monkeypatch):
    from chalicelib.adapters import passwords

    monkeypatch.delenv("SAAI_ARGON2_PERFIL")
    passwords.reset()
    try:
        stored = passwords.hash_password("una-clave-larga")
    finally:
        passwords.reset()

    assert stored.startswith("$argon2id$") and "m=65536,t=3,p=4" in stored
    assert passwords.verify_password(stored, "una-clave-larga")
    assert not passwords.verify_password(stored, "otra-clave")
