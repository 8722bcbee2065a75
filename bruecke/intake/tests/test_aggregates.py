"""Referral and request counts always equal a live GROUP BY over the records.

A property-based test runs random sequences of the writes that change them
(referrals made, stepped and expired; a case moved to another district;
requests made, answered, closed as spam or counted as anonymous
consultations) at random moments, some just after midnight or just before
it, and compares what ``referrals.aggregates`` and ``intake.aggregates`` kept
in ``StatCount`` with counts grouped directly from the records, written
independently here; then ``rebuild`` must give the same again.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from contextlib import suppress
from io import StringIO
from typing import Any

import holidays
import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db.models import Count
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from bruecke.cases import aggregates
from bruecke.cases.actions import case_update
from bruecke.cases.models import Case, StatCount
from bruecke.cases.tests.helpers import make_case
from bruecke.intake import aggregates as intake_agg
from bruecke.intake.actions import (
    RequestChanged,
    contact_attempt_add,
    request_anonymous,
    request_close,
    request_create,
    requests_purge,
)
from bruecke.intake.models import Request
from bruecke.referrals import aggregates as referral_agg
from bruecke.referrals.actions import (
    TRANSITIONS,
    consent_record,
    referral_create,
    referral_may_step,
    referral_step,
    referrals_expire,
)
from bruecke.referrals.models import ConsentForm, DataCategory, Purpose, Referral
from bruecke.reports.periods import Period
from bruecke.reports.selectors import period_counts, scope_for
from bruecke.test import BaseTestCase

METRICS = referral_agg.METRICS + intake_agg.METRICS
DAY0 = dt.date(2025, 12, 22)  # over a new year, into the spring
DAYS = 120
# Local times: just after midnight (the day before in UTC), mid-morning, late evening.
TIMES = [dt.time(0, 30), dt.time(10, 0), dt.time(23, 30)]
STATUSES = sorted({to for targets in TRANSITIONS.values() for to in targets})
OUTCOMES = list(Referral.Outcome.values)
REASONS = ["not_reached", "spam", "duplicate", "no_need"]

day = st.integers(min_value=0, max_value=DAYS).map(lambda n: DAY0 + dt.timedelta(days=n))
moment = st.tuples(day, st.sampled_from(TIMES))
pick = st.integers(min_value=0, max_value=7)  # an index into whatever exists (modulo)

steps = st.one_of(
    st.tuples(st.just("referral"), pick, st.booleans(), moment),
    st.tuples(st.just("referral"), pick, st.booleans(), moment),
    st.tuples(st.just("step"), pick, st.sampled_from(STATUSES), st.sampled_from(OUTCOMES)),
    st.tuples(st.just("step"), pick, st.sampled_from(STATUSES), st.sampled_from(OUTCOMES)),
    st.tuples(st.just("expire"), day),
    st.tuples(st.just("move"), pick, pick),
    st.tuples(st.just("request"), pick, moment),
    st.tuples(st.just("request"), pick, moment),
    st.tuples(st.just("attempt"), pick, st.integers(min_value=0, max_value=24 * 20)),
    st.tuples(st.just("close"), pick, st.sampled_from(REASONS)),
    st.tuples(st.just("anonymous"), pick),
)


def local(when: tuple[dt.date, dt.time]) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(*when))


# --- Live counts, straight from the records ------------------------------------------------


def nrw_working_days(start: dt.date, end: dt.date) -> int:
    """Working days after ``start`` up to and including ``end``, counted day by day."""
    free = holidays.country_holidays("DE", subdiv="NW", years=range(start.year, end.year + 1))
    return sum(
        1
        for offset in range(1, (end - start).days + 1)
        if (start + dt.timedelta(days=offset)).weekday() < 5
        and start + dt.timedelta(days=offset) not in free
    )


def live_counts() -> Counter:
    counts: Counter = Counter()
    referrals = Referral.objects.exclude(status="error").annotate(month=TruncMonth("created_at"))
    for metric, column in (
        ("referral_kind", "organisation__kind"),
        ("referral_status", "status"),
        ("referral_outcome", "outcome"),
    ):
        rows = (
            referrals.exclude(**{column: ""})
            .order_by()
            .values_list("office_id", "month", "case__district_id", column)
            .annotate(n=Count("pk"))
        )
        for office_id, month, district_id, key, n in rows:
            counts[(office_id, "m", month.date(), metric, district_id, key)] += n
    requests = (
        Request.objects.exclude(close_reason__in=["spam", "duplicate"])
        .annotate(
            month=TruncMonth("created_at"),
            created=TruncDate("created_at"),
            answered=TruncDate("first_contact_at"),
        )
        .order_by()
    )
    waiting = (
        requests.filter(first_contact_at__isnull=True)
        .values_list("office_id", "month", "district_id", "due_on")
        .annotate(n=Count("pk"))
    )
    for office_id, month, district_id, due_on, n in waiting:
        key = (office_id, "m", month.date(), "request_waiting", district_id or 0, str(due_on))
        counts[key] += n
    answered = (
        requests.filter(first_contact_at__isnull=False)
        .values_list("office_id", "month", "district_id", "created", "answered", "due_on")
        .annotate(n=Count("pk"))
    )
    for office_id, month, district_id, created, answered_on, due_on, n in answered:
        start = (office_id, "m", month.date())
        state = "within" if answered_on <= due_on else "late"
        days = str(nrw_working_days(created, answered_on))
        counts[(*start, "request_answered", district_id or 0, state)] += n
        counts[(*start, "request_days", district_id or 0, days)] += n
    return +counts


def stored_counts() -> Counter:
    return +Counter(
        {
            (row.office_id, row.grain, row.start, row.metric, row.district_pk, row.key): row.n
            for row in StatCount.objects.filter(metric__in=METRICS)
        }
    )


# --- The property ------------------------------------------------------------------------------


class ReferralRequestCountTests(BaseTestCase, HypothesisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.offers = cls.world.referral_targets()
        cls.services = [cls.offers.eb_service, cls.offers.free_service]
        brackel = cls.world.dortmund.districts.get(name="Brackel")
        cls.districts = [cls.world.hoerde, cls.world.eving, brackel]
        cls.cases = []
        for n, district in enumerate([cls.world.hoerde, cls.world.eving, brackel]):
            case = make_case(
                cls.world,
                worker=cls.world.lead_dortmund,
                district=district,
                name=f"Familie {n}",
                opened_on=DAY0 - dt.timedelta(days=30),
            )
            consent_record(
                by=cls.world.lead_dortmund,
                office=cls.world.dortmund,
                case=case,
                given_by="Mutter",
                purpose=Purpose.VERMITTLUNG,
                data_categories=[DataCategory.KONTAKT, DataCategory.ANLIEGEN],
                form=ConsentForm.SCHRIFTLICH,
                given_on=DAY0 - dt.timedelta(days=30),
                recipient_organisation=cls.offers.eb_org,
            )
            cls.cases.append(case)

    def run_step(self, step: tuple, state: dict[str, list[Any]]) -> None:
        worker = self.lead_dortmund
        name = step[0]
        if name == "referral":
            _n, c, live, when = step
            case = Case.objects.get(pk=self.cases[c % len(self.cases)].pk)
            service = self.services[0] if live else self.services[c % 2]
            mode = Referral.Mode.LIVE if live else Referral.Mode.LOGGED
            with time_machine.travel(local(when), tick=False):
                state["referrals"].append(
                    referral_create(by=worker, case=case, service=service, mode=mode)
                )
        elif name == "step" and state["referrals"]:
            _n, r, to, outcome = step
            referral = Referral.objects.select_related("organisation").get(
                pk=state["referrals"][r % len(state["referrals"])].pk
            )
            by = next(
                (
                    user
                    for user in (worker, self.partner_eb)
                    if referral_may_step(referral, user, to)
                ),
                None,
            )
            if by is not None:
                referral_step(
                    referral=referral,
                    by=by,
                    to=to,
                    outcome=outcome,
                    decline_reason="Kein Platz frei.",
                    redirected_to=self.services[1],
                )
        elif name == "expire":
            referrals_expire(today=step[1])
        elif name == "move":
            _n, c, d = step
            case = Case.objects.get(pk=self.cases[c % len(self.cases)].pk)
            case_update(
                by=worker,
                case=case,
                version=case.version,
                district=self.districts[d % len(self.districts)],
            )
        elif name == "request":
            _n, d, when = step
            with time_machine.travel(local(when), tick=False):
                state["requests"].append(
                    request_create(
                        office=self.dortmund,
                        source=Request.Source.PORTAL,
                        first_name="Anfrage",
                        phone="0231 1234567",
                        district=None if d % 4 == 3 else self.districts[d % 4],
                    )
                )
        elif state["requests"]:
            request = Request.objects.get(pk=state["requests"][step[1] % len(state["requests"])].pk)
            if name == "attempt":
                later = request.created_at + dt.timedelta(hours=step[2])
                with time_machine.travel(later, tick=False):
                    contact_attempt_add(request=request, by=worker, channel="phone", reached=False)
            elif name == "close":
                request_close(request=request, by=worker, version=request.version, reason=step[2])
            elif name == "anonymous":
                request_anonymous(
                    request=request,
                    by=worker,
                    version=request.version,
                    district=self.hoerde,
                    date=timezone.localdate(request.created_at),
                    kind="telefon",
                    duration_minutes=10,
                )

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(steps, min_size=1, max_size=25))
    # A referral and a request at half past midnight on the first of a month
    # (still the month before in UTC), a move of the case, answers and closing.
    @example(
        [
            ("referral", 0, False, (dt.date(2026, 1, 1), dt.time(0, 30))),
            ("referral", 0, True, (dt.date(2026, 2, 1), dt.time(23, 30))),
            ("step", 0, "closed", "hilfe_erhalten"),
            ("step", 1, "accepted", "sonstiges"),
            ("move", 0, 1),
            ("request", 1, (dt.date(2026, 3, 1), dt.time(0, 30))),
            ("attempt", 0, 100),
            ("request", 3, (dt.date(2026, 3, 2), dt.time(10, 0))),
            ("close", 1, "spam"),
            ("expire", dt.date(2026, 4, 30)),
        ]
    )
    def test_counts_always_equal_a_live_group_by(self, sequence):
        state: dict[str, list[Any]] = {"referrals": [], "requests": []}
        for step in sequence:
            # An action may refuse (a step not possible now, a request already done):
            # nothing changed then.
            with suppress(ValidationError, PermissionDenied, RequestChanged):
                self.run_step(step, state)
        live = live_counts()
        assert stored_counts() == live
        aggregates.rebuild(
            offices=[self.dortmund, self.bochum], only=["referrals", "intake"], say=lambda _t: None
        )
        assert stored_counts() == live
        aggregates.rebuild(offices=[self.dortmund], say=lambda _t: None)
        assert stored_counts() == live


# --- What the report makes of them -------------------------------------------------------------

MONDAY = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)  # due on Thursday 5 March


class ReportReadTests(BaseTestCase):
    def request(self, **fields: Any) -> Request:
        with time_machine.travel(MONDAY, tick=False):
            return request_create(
                office=self.dortmund,
                source=Request.Source.PORTAL,
                first_name="Anfrage",
                phone="0231 1234567",
                **fields,
            )

    def intake(self) -> tuple[dict, list[int]]:
        now, _before = period_counts(
            scope=scope_for(office=self.dortmund), period=Period.quarter(2026, 1)
        )
        return now.intake, now.response_days

    def test_a_waiting_request_is_open_until_its_due_date_then_late(self):
        self.request(district=self.hoerde)
        self.request()  # without a district
        no_district = aggregates.NO_DISTRICT
        with time_machine.travel(dt.datetime(2026, 3, 5, 20, 0, tzinfo=dt.UTC), tick=False):
            assert self.intake() == ({(self.hoerde.pk, "open"): 1, (no_district, "open"): 1}, [])
        with time_machine.travel(dt.datetime(2026, 3, 6, 8, 0, tzinfo=dt.UTC), tick=False):
            assert self.intake() == ({(self.hoerde.pk, "late"): 1, (no_district, "late"): 1}, [])

    def test_answers_count_in_time_or_late_with_their_working_days(self):
        first, second, spam = (self.request(district=self.eving) for _n in range(3))
        for request, when in ((first, 3), (second, 4)):  # Thursday, Friday
            with time_machine.travel(MONDAY + dt.timedelta(days=when), tick=False):
                contact_attempt_add(
                    request=request, by=self.worker_eving, channel="phone", reached=True
                )
                # A second attempt changes nothing.
                contact_attempt_add(
                    request=request, by=self.worker_eving, channel="phone", reached=True
                )
        request_close(request=spam, by=self.worker_eving, version=spam.version, reason="spam")
        assert self.intake() == (
            {(self.eving.pk, "within"): 1, (self.eving.pk, "late"): 1},
            [3, 4],
        )

    def test_the_purge_of_old_requests_takes_nothing_back(self):
        request = self.request(district=self.hoerde)
        request_close(
            request=request, by=self.worker_hoerde, version=request.version, reason="no_need"
        )
        counted = stored_counts()
        assert counted
        requests_purge(now=MONDAY + dt.timedelta(days=400))
        assert not Request.objects.exists()
        assert stored_counts() == counted

    def test_a_referral_counts_while_it_is_not_a_mistake(self):
        offers = self.world.referral_targets()
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        with time_machine.travel(MONDAY, tick=False):
            referral = referral_create(
                by=self.worker_hoerde,
                case=case,
                service=offers.free_service,
                mode=Referral.Mode.LOGGED,
            )
        now, _before = period_counts(
            scope=scope_for(office=self.dortmund), period=Period.quarter(2026, 1)
        )
        assert now.referrals == {
            "kind": {(self.hoerde.pk, "traeger"): 1},
            "status": {(self.hoerde.pk, "logged"): 1},
        }
        referral_step(referral=referral, by=self.worker_hoerde, to=Referral.Status.ERROR)
        assert not stored_counts()

    def test_the_rebuild_command_recounts_only_what_is_asked(self):
        self.request(district=self.hoerde)
        make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        counted = stored_counts()
        cases = set(StatCount.objects.exclude(metric__in=METRICS).values_list("metric", "n"))
        StatCount.objects.update(n=99)
        call_command(
            "aggregates_rebuild", "--only", "intake", "--office", "dortmund", stdout=StringIO()
        )
        assert stored_counts() == counted
        # The counts of cases were left alone.
        assert set(StatCount.objects.exclude(metric__in=METRICS).values_list("n", flat=True)) == {
            99
        }
        call_command("aggregates_rebuild", stdout=StringIO())
        assert (
            set(StatCount.objects.exclude(metric__in=METRICS).values_list("metric", "n")) == cases
        )


@pytest.mark.django_db
def test_the_seeded_demo_counts_referrals_and_requests_as_a_live_group_by_does():
    call_command("seed", "--scale", "demo", stdout=StringIO())
    assert Referral.objects.exists() and Request.objects.exists()
    counted = stored_counts()
    assert {key[3] for key in counted} >= {"referral_status", "request_answered"}
    assert counted == live_counts()
