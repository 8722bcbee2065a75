import datetime as dt

from django.test import override_settings

from bruecke.lib.school import age_in_years, school_entry
from bruecke.people.models import Person


def test_nrw_cut_off_is_30_september():
    assert school_entry(dt.date(2020, 9, 30)) == dt.date(2026, 8, 1)
    assert school_entry(dt.date(2020, 10, 1)) == dt.date(2027, 8, 1)
    assert school_entry(dt.date(2020, 2, 29)) == dt.date(2026, 8, 1)


def test_age():
    assert age_in_years(dt.date(2023, 11, 25), dt.date(2026, 11, 24)) == 2
    assert age_in_years(dt.date(2023, 11, 24), dt.date(2026, 11, 24)) == 3


def test_cut_off_is_configurable():
    # Turns six on 15 July 2026: in NRW (30 September) at school since August 2026 ...
    child = Person(role="child", birth_date=dt.date(2020, 7, 15))
    assert not child.before_school_entry(dt.date(2026, 9, 1))
    # ... with a 30 June cut-off only from August 2027.
    with override_settings(SCHOOL_ENTRY_CUTOFF=(6, 30)):
        assert child.before_school_entry(dt.date(2026, 9, 1))
