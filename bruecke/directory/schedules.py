"""Opening times: does a schedule occur on a day, is an offer open now, and in words.

Schedules are HSDS/iCalendar parts in local time (Europe/Berlin): weekly
``byday="MO,TH"``; monthly ``byday="1MO"`` (first Monday), ``"-1FR"`` (last
Friday) or ``bymonthday=15``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Protocol

from django.db.models import Q
from django.utils.formats import time_format
from django.utils.translation import gettext as _

DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class ScheduleLike(Protocol):
    freq: str
    byday: str
    bymonthday: int | None
    opens_at: dt.time
    closes_at: dt.time
    valid_from: dt.date | None
    valid_to: dt.date | None


class ExceptionLike(Protocol):
    date: dt.date
    closed: bool
    opens_at: dt.time | None
    closes_at: dt.time | None


def day_tokens(day: dt.date) -> set[str]:
    """The byday tokens that name ``day``: "TH", and for monthly rules "2TH" and maybe "-1TH"."""
    code = DAY_CODES[day.weekday()]
    nth = (day.day - 1) // 7 + 1
    tokens = {code, f"{nth}{code}"}
    if (day + dt.timedelta(days=7)).month != day.month:
        tokens.add(f"-1{code}")
    return tokens


def occurs_on(schedule: ScheduleLike, day: dt.date) -> bool:
    if schedule.valid_from and day < schedule.valid_from:
        return False
    if schedule.valid_to and day > schedule.valid_to:
        return False
    parts = {part.strip() for part in schedule.byday.split(",") if part.strip()}
    if schedule.freq == "WEEKLY":
        return DAY_CODES[day.weekday()] in parts
    if schedule.bymonthday:
        return day.day == schedule.bymonthday
    return bool(parts & (day_tokens(day) - {DAY_CODES[day.weekday()]}))


def is_open(
    schedules: Iterable[ScheduleLike], exceptions: Iterable[ExceptionLike], now: dt.datetime
) -> bool:
    """Open at local time ``now``, exceptions (holidays, closures, other hours) first."""
    today, time = now.date(), now.time()
    for exception in exceptions:
        if exception.date == today:
            if exception.closed or exception.opens_at is None or exception.closes_at is None:
                return False
            return exception.opens_at <= time < exception.closes_at
    return any(occurs_on(s, today) and s.opens_at <= time < s.closes_at for s in schedules)


def open_now_q(now: dt.datetime, prefix: str = "") -> Q:
    """A filter on Schedule (or via ``prefix`` a related model) for "open at ``now``".

    Exceptions are checked separately (``closed_today_q``).
    """
    today, time = now.date(), now.time()
    code = DAY_CODES[today.weekday()]
    monthly_tokens = day_tokens(today) - {code}
    p = prefix
    weekly = Q(**{f"{p}freq": "WEEKLY", f"{p}byday__contains": code})
    monthly = Q(**{f"{p}freq": "MONTHLY", f"{p}bymonthday": today.day})
    for token in monthly_tokens:
        # "2TH" must not match "-2TH": compare with the separators around it.
        monthly |= Q(**{f"{p}freq": "MONTHLY", f"{p}byday": token})
        monthly |= Q(**{f"{p}freq": "MONTHLY", f"{p}byday__startswith": f"{token},"})
        monthly |= Q(**{f"{p}freq": "MONTHLY", f"{p}byday__endswith": f",{token}"})
        monthly |= Q(**{f"{p}freq": "MONTHLY", f"{p}byday__contains": f",{token},"})
    valid = (Q(**{f"{p}valid_from__isnull": True}) | Q(**{f"{p}valid_from__lte": today})) & (
        Q(**{f"{p}valid_to__isnull": True}) | Q(**{f"{p}valid_to__gte": today})
    )
    return (weekly | monthly) & valid & Q(**{f"{p}opens_at__lte": time, f"{p}closes_at__gt": time})


def _day_names() -> dict[str, str]:
    return {
        "MO": _("Mo"),
        "TU": _("Di"),
        "WE": _("Mi"),
        "TH": _("Do"),
        "FR": _("Fr"),
        "SA": _("Sa"),
        "SU": _("So"),
    }


def _ordinal(n: int) -> str:
    names = {1: _("ersten"), 2: _("zweiten"), 3: _("dritten"), 4: _("vierten"), -1: _("letzten")}
    return names.get(n, str(n))


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s und %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


def describe(schedule: ScheduleLike) -> str:
    """One schedule in words, in the active language: "Mo und Do 8:30–10:30"."""
    names = _day_names()
    hours = f"{time_format(schedule.opens_at, 'G:i')}–{time_format(schedule.closes_at, 'G:i')}"
    parts = [part.strip() for part in schedule.byday.split(",") if part.strip()]
    if schedule.freq == "WEEKLY":
        days = _join([names.get(part, part) for part in parts])
        return f"{days} {hours}"
    if schedule.bymonthday:
        return _("jeden Monat am %(day)s. %(hours)s") % {"day": schedule.bymonthday, "hours": hours}
    described = []
    for part in parts:
        number, code = part[:-2], part[-2:]
        described.append(
            _("jeden %(nth)s %(day)s im Monat")
            % {"nth": _ordinal(int(number or 1)), "day": names.get(code, code)}
        )
    return f"{_join(described)} {hours}"
