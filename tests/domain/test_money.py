"""Conversion of per-currency sums to one currency with dated rates (Qt-free)."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from crm_desktop.config import Settings
from crm_desktop.domain.money import Rates, total_in

DAY = dt.date(2026, 12, 1)


def _rates() -> Rates:
    return (
        Rates()
        .with_rate("CNY", Decimal("11.5"), DAY)
        .with_rate("USD", Decimal("80"), dt.date(2026, 11, 20))
    )


def test_converts_through_the_base_currency_both_ways():
    rates = _rates()
    assert rates.convert(Decimal(100), "CNY", "RUB") == Decimal(1150)
    assert rates.convert(Decimal(1150), "RUB", "CNY") == Decimal(100)
    assert rates.convert(Decimal(8), "USD", "CNY") == Decimal(640) / Decimal("11.5")
    assert rates.convert(Decimal(5), "usd", "USD") == Decimal(5)
    assert rates.convert(Decimal(5), "EUR", "RUB") is None  # no rate: no guess


def test_total_of_the_board_in_one_currency_with_the_oldest_rate_date():
    sums = {"RUB": Decimal("6200000000"), "CNY": Decimal("300000000"), "USD": Decimal("15000000")}
    total = total_in(sums, "RUB", _rates())
    assert total.amount == Decimal("6200000000") + Decimal("3450000000") + Decimal("1200000000")
    assert total.complete and total.currency == "RUB"
    assert total.rates_as_of == dt.date(2026, 11, 20)
    assert total.per_currency == sums


def test_currencies_without_a_rate_are_named_not_added():
    total = total_in({"RUB": Decimal(10), "EUR": Decimal(3)}, "RUB", _rates())
    assert total.amount == Decimal(10)
    assert total.unconverted == ("EUR",) and not total.complete
    only_rub = total_in({"RUB": Decimal(10)}, "RUB", Rates())
    assert only_rub.complete and only_rub.rates_as_of is None


def test_rates_survive_the_settings_file_and_ignore_bad_entries(tmp_path):
    settings = Settings(currency_rates=_rates().to_json(), total_currency="CNY")
    path = tmp_path / "settings.json"
    settings.save(path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["currency_rates"]["rates"]["CNY"] == {"value": "11.5", "date": "2026-12-01"}
    loaded = Settings.load(path)
    assert loaded.total_currency == "CNY" and loaded.document_language == "ru"
    assert Rates.from_json(loaded.currency_rates) == _rates()
    raw["currency_rates"]["rates"].update(
        {
            "EUR": {"value": "abc", "date": "2026-01-01"},
            "JPY": {"value": "-1", "date": "2026-01-01"},
            "XX": {"value": "1", "date": "2026-01-01"},
            "GBP": {"value": "100", "date": "yesterday"},
        }
    )
    assert Rates.from_json(raw["currency_rates"]) == _rates()
    assert Rates.from_json("garbage") == Rates()


def test_setting_a_rate_to_zero_removes_it():
    assert _rates().with_rate("CNY", Decimal(0), DAY).rate("CNY") is None


def test_before_any_rate_is_set_the_starting_rates_are_used_and_dated():
    from crm_desktop.domain.money import STARTING_RATES

    assert Rates.from_settings({}) == STARTING_RATES
    assert Rates.from_settings(_rates().to_json()) == _rates()  # the user's own win
    total = total_in({"RUB": Decimal(100), "CNY": Decimal(10)}, "RUB", Rates.from_settings({}))
    assert total.complete and total.amount == Decimal(210)
    assert total.rates_as_of == STARTING_RATES.rate("CNY").as_of
