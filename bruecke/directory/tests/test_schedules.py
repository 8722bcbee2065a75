from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import translation

from bruecke.directory.schedules import day_tokens, describe, is_open, occurs_on


@dataclass
class S:
    byday: str = ""
    opens_at: dt.time = dt.time(8, 30)
    closes_at: dt.time = dt.time(10, 30)
    freq: str = "WEEKLY"
    bymonthday: int | None = None
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None


@dataclass
class E:
    date: dt.date
    closed: bool = True
    opens_at: dt.time | None = None
    closes_at: dt.time | None = None


MONDAY = dt.date(2026, 11, 30)  # the fifth Monday of November 2026, and the last


def test_day_tokens():
    assert day_tokens(MONDAY) == {"MO", "5MO", "-1MO"}
    assert day_tokens(dt.date(2026, 11, 23)) == {"MO", "4MO"}
    assert day_tokens(dt.date(2026, 11, 2)) == {"MO", "1MO"}


def test_weekly_and_monthly_occurrences():
    assert occurs_on(S("MO,TH"), MONDAY)
    assert not occurs_on(S("TU"), MONDAY)
    assert occurs_on(S("-1MO", freq="MONTHLY"), MONDAY)
    assert not occurs_on(S("1MO", freq="MONTHLY"), MONDAY)
    assert occurs_on(S(freq="MONTHLY", bymonthday=30), MONDAY)
    assert not occurs_on(S("MO", valid_to=dt.date(2026, 11, 1)), MONDAY)


def test_open_now_respects_hours_and_exceptions():
    schedules = [S("MO,TH")]
    assert is_open(schedules, [], dt.datetime.combine(MONDAY, dt.time(9)))
    assert not is_open(schedules, [], dt.datetime.combine(MONDAY, dt.time(10, 30)))
    assert not is_open(schedules, [E(MONDAY)], dt.datetime.combine(MONDAY, dt.time(9)))
    special = E(MONDAY, closed=False, opens_at=dt.time(12), closes_at=dt.time(13))
    assert is_open(schedules, [special], dt.datetime.combine(MONDAY, dt.time(12, 30)))


def test_described_in_words():
    with translation.override("de"):
        assert describe(S("MO,TH")) == "Mo und Do 8:30–10:30"
        assert describe(S("MO,WE,FR", dt.time(9), dt.time(12))) == "Mo, Mi und Fr 9:00–12:00"
        assert describe(S("1MO", freq="MONTHLY")) == "jeden ersten Mo im Monat 8:30–10:30"
