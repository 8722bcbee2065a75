import datetime as dt

from bruecke.lib.workdays import add_working_days, is_working_day, working_days_between


def test_it_skips_weekends():
    friday = dt.date(2026, 11, 20)
    assert add_working_days(friday, 3) == dt.date(2026, 11, 25)


def test_it_skips_nrw_holidays():
    # Corpus Christi (4 June 2026) and All Saints' Day are holidays in NRW.
    assert not is_working_day(dt.date(2026, 6, 4))
    assert add_working_days(dt.date(2026, 6, 3), 1) == dt.date(2026, 6, 5)
    # Christmas: 24 Dec (Thu) counts, 25/26 Dec do not, then the weekend.
    assert add_working_days(dt.date(2026, 12, 23), 3) == dt.date(2026, 12, 29)


def test_it_counts_working_days_between():
    assert working_days_between(dt.date(2026, 11, 20), dt.date(2026, 11, 25)) == 3
    assert working_days_between(dt.date(2026, 11, 25), dt.date(2026, 11, 20)) == 0
