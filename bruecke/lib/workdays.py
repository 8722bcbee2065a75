"""Working days in North Rhine-Westphalia: response deadlines of the triage queue."""

from __future__ import annotations

import datetime as dt
from functools import cache

import holidays


@cache
def _nrw_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("DE", subdiv="NW", years=year))


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday and not a public holiday in NRW."""
    return day.weekday() < 5 and day not in _nrw_holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start`` (a request on Friday, 3 days: Wednesday)."""
    day = start
    remaining = days
    while remaining > 0:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days lie after ``start`` up to and including ``end`` (0 if end <= start)."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
