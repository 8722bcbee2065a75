"""Report periods: a quarter, a year, or whole months from one month to another.

Custom periods are whole months: two periods that differ by a single day
would let a reader subtract them and see that day alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bruecke.cases.aggregates import period_end

QUARTER = "quarter"
YEAR = "year"
CUSTOM = "custom"
MAX_MONTHS = 60  # a custom period spans at most five years


def add_months(month: dt.date, months: int) -> dt.date:
    index = month.year * 12 + month.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def months_between(first: dt.date, last: dt.date) -> int:
    """How many months from ``first`` to ``last``, both included."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


@dataclass(frozen=True)
class Period:
    kind: str
    start: dt.date  # first day
    end: dt.date  # last day, included

    @classmethod
    def quarter(cls, year: int, quarter: int) -> Period:
        start = dt.date(year, 3 * (quarter - 1) + 1, 1)
        return cls(QUARTER, start, period_end("q", start))

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def months(cls, first: dt.date, last: dt.date) -> Period:
        return cls(CUSTOM, first.replace(day=1), period_end("m", last.replace(day=1)))

    @property
    def number_of_months(self) -> int:
        return months_between(self.start, self.end)

    @property
    def quarter_number(self) -> int:
        return (self.start.month - 1) // 3 + 1

    def previous(self) -> Period:
        """The period of the same length just before (the quarter before, the year before)."""
        if self.kind == QUARTER:
            start = add_months(self.start, -3)
            return Period.quarter(start.year, (start.month - 1) // 3 + 1)
        if self.kind == YEAR:
            return Period.year(self.start.year - 1)
        months = self.number_of_months
        return Period.months(add_months(self.start, -months), add_months(self.start, -1))

    def month_starts(self) -> list[dt.date]:
        return [add_months(self.start, n) for n in range(self.number_of_months)]

    @property
    def grain(self) -> str | None:
        """The grain whose counts of families reached fit this period, if any."""
        if self.kind == QUARTER:
            return "q"
        if self.kind == YEAR:
            return "y"
        return None

    @property
    def label(self) -> str:
        """ "1. Quartal 2026", "2025", "Januar bis Juni 2025"."""
        if self.kind == QUARTER:
            return _("%(quarter)s. Quartal %(year)s") % {
                "quarter": self.quarter_number,
                "year": self.start.year,
            }
        if self.kind == YEAR:
            return str(self.start.year)
        first = date_format(self.start, "F Y")
        last = date_format(self.end, "F Y")
        if first == last:
            return first
        return _("%(first)s bis %(last)s") % {"first": first, "last": last}

    @property
    def short(self) -> str:
        """A column heading: "Q1 2026", "2025", "01/2025–06/2025"."""
        if self.kind == QUARTER:
            return f"Q{self.quarter_number} {self.start.year}"
        if self.kind == YEAR:
            return str(self.start.year)
        if self.number_of_months == 1:
            return self.start.strftime("%m/%Y")
        return f"{self.start:%m/%Y}–{self.end:%m/%Y}"

    @property
    def dates(self) -> str:
        return f"{self.start:%d.%m.%Y}–{self.end:%d.%m.%Y}"


def last_complete_quarter(today: dt.date) -> Period:
    this = Period.quarter(today.year, (today.month - 1) // 3 + 1)
    return this.previous()
