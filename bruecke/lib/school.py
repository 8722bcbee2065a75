"""School entry in NRW: a child who turns six by the cut-off day starts school on 1 August."""

from __future__ import annotations

import datetime as dt


def school_entry(
    birth_date: dt.date, *, cutoff: tuple[int, int] = (9, 30), start: tuple[int, int] = (8, 1)
) -> dt.date:
    """The day the child starts school (the usual case, without early or late entry)."""
    sixth = dt.date(
        birth_date.year + 6,
        birth_date.month,
        28 if (birth_date.month, birth_date.day) == (2, 29) else birth_date.day,
    )
    year = sixth.year if (sixth.month, sixth.day) <= cutoff else sixth.year + 1
    return dt.date(year, *start)


def age_in_years(birth_date: dt.date, today: dt.date) -> int:
    return (
        today.year
        - birth_date.year
        - ((today.month, today.day) < (birth_date.month, birth_date.day))
    )
