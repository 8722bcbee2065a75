"""The report counts always equal a live GROUP BY over the records.

A property-based test runs random sequences of the write actions (open, edit,
close and reopen cases, contacts, anonymous consultations, work without a
family, merges, a new child, handovers) and compares the counts kept by
``cases.aggregates`` with counts computed directly from the records, written
independently here; then ``rebuild`` must give the same again.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from contextlib import suppress
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Count, F, Sum
from django.db.models.functions import TruncMonth, TruncYear
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from bruecke.cases import aggregates
from bruecke.cases.actions import (
    anonymous_consultation_add,
    case_close,
    case_open,
    case_reopen,
    case_update,
    cases_reassign,
    contact_add,
    families_merge,
    family_free_work_add,
    family_person_add,
)
from bruecke.cases.aggregates import language_key
from bruecke.cases.models import (
    AnonymousConsultation,
    Case,
    Contact,
    FamilyFreeWork,
    FamilyReach,
    StatCount,
)
from bruecke.lib.school import age_in_years
from bruecke.org.models import Office
from bruecke.people.actions import PersonData, family_create
from bruecke.people.models import Family, Person
from bruecke.test import BaseTestCase

DAY0 = dt.date(2025, 9, 1)
DAYS = 300  # to late June 2026: two years, four quarters
TOPICS = ["gesundheit", "gesundheit/kinderarzt", "inklusion/sprachfoerderung", "kinderbetreuung"]
LANGUAGES = ["", "", "Arabisch", "türkisch ", "Polnisch (Frau K.)", "Klingonisch", "uk"]
KINDS = ["telefon", "beratung", "hausbesuch", "sprechstunde_kita"]
WAYS = ["kita", "selbst", "asd"]
OUTCOMES = ["ziel_erreicht", "verzogen"]
WORK_KINDS = ["netzwerktreffen", "elternabend"]

day = st.integers(min_value=0, max_value=DAYS).map(lambda n: DAY0 + dt.timedelta(days=n))
topics = st.lists(st.sampled_from(TOPICS), max_size=2)
pick = st.integers(min_value=0, max_value=5)  # an index into whatever exists (modulo)

steps = st.one_of(
    st.tuples(st.just("open"), pick, pick, st.sampled_from(WAYS), topics, day),
    st.tuples(
        st.just("contact"), pick, day, st.sampled_from(KINDS), topics, st.sampled_from(LANGUAGES)
    ),
    st.tuples(
        st.just("contact"), pick, day, st.sampled_from(KINDS), topics, st.sampled_from(LANGUAGES)
    ),
    st.tuples(st.just("close"), pick, st.integers(0, 200), st.sampled_from(OUTCOMES)),
    st.tuples(st.just("reopen"), pick),
    st.tuples(st.just("edit"), pick, pick, st.sampled_from(WAYS), topics),
    st.tuples(
        st.just("consultation"),
        pick,
        day,
        st.sampled_from(KINDS),
        topics,
        st.sampled_from(LANGUAGES),
    ),
    st.tuples(
        st.just("work"), pick, day, st.sampled_from(WORK_KINDS), st.none() | st.integers(0, 30)
    ),
    st.tuples(st.just("merge"), pick, pick),
    st.tuples(st.just("child"), pick, st.none() | day),
    st.tuples(st.just("handover"), pick),
)


# --- Live counts, straight from the records ------------------------------------------------


def live_counts() -> Counter:
    counts: Counter = Counter()

    def grouped(
        queryset: Any, grain: str, metric: str, district: str, key: str, n: Any = None
    ) -> None:
        trunc = TruncMonth if grain == "m" else TruncYear
        rows = (
            queryset.order_by()
            .annotate(start=trunc("day"))
            .values("office_id", "start", district, key)
            .annotate(n=n or Count("pk"))
        )
        for row in rows:
            counts[
                (row["office_id"], grain, row["start"], metric, row[district] or 0, row[key])
            ] += row["n"] or 0

    contacts = Contact.objects.annotate(day=F("date"))
    grouped(contacts, "m", "contact", "case__district_id", "kind")
    consultations = AnonymousConsultation.objects.annotate(day=F("date"))
    grouped(consultations, "m", "consultation", "district_id", "kind")
    work = FamilyFreeWork.objects.annotate(day=F("date"))
    grouped(work, "m", "work", "district_id", "kind")
    grouped(work, "m", "work_participants", "district_id", "kind", n=Sum("participants"))
    for grain in ("m", "y"):
        opened = Case.objects.annotate(day=F("opened_on"))
        grouped(opened, grain, "opened", "district_id", "office__code")
        grouped(opened, grain, "opened_zw", "district_id", "zugangsweg")
        closed = Case.objects.filter(status="closed").annotate(day=F("closed_on"))
        grouped(closed, grain, "closed", "district_id", "office__code")
        grouped(closed, grain, "closed_zw", "district_id", "zugangsweg")
    closed = Case.objects.filter(status="closed").annotate(day=F("closed_on"))
    grouped(closed, "m", "closed_outcome", "district_id", "outcome")
    # The totals were grouped by office code only to have a key column: their key is "".
    for key in list(counts):
        if key[3] in ("opened", "closed"):
            counts[(*key[:5], "")] += counts.pop(key)

    # JSON lists and free text: counted row by row.
    def top(codes: list[str]) -> set[str]:
        return {code.split("/")[0] for code in codes}

    def month(day: dt.date) -> dt.date:
        return day.replace(day=1)

    for case in Case.objects.all():
        events = [("opened", case.opened_on)]
        if case.closed_on:
            events.append(("closed", case.closed_on))
            days = str((case.closed_on - case.opened_on).days)
            counts[
                (case.office_id, "m", month(case.closed_on), "closed_days", case.district_id, days)
            ] += 1
            counts[(case.office_id, "m", month(case.closed_on), "closed_days_office", 0, days)] += 1
        for name, when in events:
            for topic in top(case.topics):
                counts[
                    (case.office_id, "m", month(when), f"{name}_topic", case.district_id, topic)
                ] += 1
                counts[
                    (
                        case.office_id,
                        "y",
                        when.replace(month=1, day=1),
                        f"{name}_topic",
                        case.district_id,
                        topic,
                    )
                ] += 1
    for contact in Contact.objects.select_related("case"):
        for topic in top(contact.topics or contact.case.topics):
            counts[
                (
                    contact.office_id,
                    "m",
                    month(contact.date),
                    "contact_topic",
                    contact.case.district_id,
                    topic,
                )
            ] += 1
        if language_key(contact.interpreter_language):
            counts[
                (
                    contact.office_id,
                    "m",
                    month(contact.date),
                    "interpreter",
                    contact.case.district_id,
                    language_key(contact.interpreter_language),
                )
            ] += 1
    for consultation in AnonymousConsultation.objects.all():
        for topic in top(consultation.topics):
            counts[
                (
                    consultation.office_id,
                    "m",
                    month(consultation.date),
                    "consultation_topic",
                    consultation.district_id,
                    topic,
                )
            ] += 1
        if language_key(consultation.interpreter_language):
            counts[
                (
                    consultation.office_id,
                    "m",
                    month(consultation.date),
                    "interpreter",
                    consultation.district_id,
                    language_key(consultation.interpreter_language),
                )
            ] += 1

    # Families reached per quarter and year: district of the first contact; children by age.
    first: dict[tuple, tuple] = {}
    for contact in Contact.objects.select_related("case").order_by("date", "case__district_id"):
        quarter = dt.date(contact.date.year, (contact.date.month - 1) // 3 * 3 + 1, 1)
        for grain, start in (("q", quarter), ("y", dt.date(contact.date.year, 1, 1))):
            first.setdefault(
                (contact.case.family_id, grain, start),
                (contact.office_id, contact.case.district_id),
            )
    for (family_id, grain, start), (office_id, district_id) in first.items():
        counts[(office_id, grain, start, "families", district_id, "")] += 1
        if grain == "y":
            end = dt.date(start.year, 12, 31)
        else:
            following = dt.date(start.year + start.month // 10, (start.month + 2) % 12 + 1, 1)
            end = following - dt.timedelta(days=1)
        for child in Person.objects.filter(family_id=family_id, role="child"):
            if child.birth_date is None:
                group = "?"
            elif child.birth_date > end:
                continue
            else:
                age = age_in_years(child.birth_date, end)
                group = "0" if age < 1 else "1" if age < 3 else "3" if age < 6 else "6"
            counts[(office_id, grain, start, "children", district_id, group)] += 1
    return +counts  # without zeros


def live_reach_in_months(office_id: int, first: dt.date, last: dt.date) -> Counter:
    """Families reached in whole months, straight from the contacts (as the old report did)."""
    seen: dict = {}
    contacts = Contact.objects.filter(office_id=office_id, date__gte=first, date__lte=last)
    for contact in contacts.select_related("case").order_by("date", "case__district_id"):
        seen.setdefault(contact.case.family_id, contact.case.district_id)
    counts: Counter = Counter()
    for family_id, district_id in seen.items():
        counts[("families", district_id, "")] += 1
        for child in Person.objects.filter(family_id=family_id, role="child"):
            if child.birth_date is None:
                counts[("children", district_id, "?")] += 1
            elif child.birth_date <= last:
                age = age_in_years(child.birth_date, last)
                group = "0" if age < 1 else "1" if age < 3 else "3" if age < 6 else "6"
                counts[("children", district_id, group)] += 1
    return counts


# Ranges of whole months within the test's days (September 2025 to June 2026).
MONTH_RANGES = [
    (dt.date(2025, 9, 1), dt.date(2025, 9, 30)),
    (dt.date(2025, 9, 1), dt.date(2026, 2, 28)),
    (dt.date(2025, 11, 1), dt.date(2026, 6, 30)),
    (dt.date(2026, 2, 1), dt.date(2026, 4, 30)),
]


@given(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)),
    st.integers(min_value=1, max_value=6),
)
@example(dt.date(2024, 2, 29), dt.date(2025, 2, 28), 1)
@example(dt.date(2023, 2, 28), dt.date(2024, 2, 29), 1)
def test_years_before_is_the_last_birth_date_of_that_age(birth, day, years):
    """What the database compares birth dates with is what age_in_years says."""
    assert (birth <= aggregates.years_before(day, years)) == (age_in_years(birth, day) >= years)


def assert_month_ranges_equal_live(offices) -> None:
    # Each monthly share links to the family's previous month with a contact.
    previous: dict = {}
    for family_id, start, prev_start in (
        FamilyReach.objects.filter(grain="m")
        .order_by("family_id", "start")
        .values_list("family_id", "start", "prev_start")
    ):
        assert prev_start == previous.get(family_id), (family_id, start)
        previous[family_id] = start
    for office in offices:
        for first, last in MONTH_RANGES:
            stored = aggregates.reach_in_months(office.pk, first, last)
            assert +stored == live_reach_in_months(office.pk, first, last), (office, first, last)


def stored_counts() -> Counter:
    return +Counter(
        {
            (row.office_id, row.grain, row.start, row.metric, row.district_pk, row.key): row.n
            for row in StatCount.objects.all()
        }
    )


# --- The property ------------------------------------------------------------------------------


class AggregatePropertyTests(BaseTestCase, HypothesisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.families = [
            family_create(
                by=cls.world.worker_hoerde,
                district=district,
                name=f"Familie {n}",
                members=[
                    PersonData(Person.Role.PARENT, "Elternteil"),
                    PersonData(Person.Role.CHILD, "Kind", birth_date=dt.date(2021 + n, 3, 1 + n)),
                ],
            )
            for n, district in enumerate(
                [cls.world.hoerde, cls.world.eving, cls.world.hoerde, cls.world.hoerde]
            )
        ]
        cls.districts = [
            cls.world.hoerde,
            cls.world.eving,
            cls.world.dortmund.districts.get(name="Brackel"),
        ]

    def run_step(self, step: tuple, state: dict[str, Any]) -> None:
        worker = self.lead_dortmund
        cases: list[Case] = state["cases"]
        name = step[0]
        if name == "open":
            _n, f, d, way, chosen, opened = step
            family = Family.objects.get(pk=self.families[f % len(self.families)].pk)
            if family.merged_into_id:
                return
            cases.append(
                case_open(
                    by=worker,
                    family=family,
                    district=self.districts[d % len(self.districts)],
                    assigned_to=worker,
                    zugangsweg=way,
                    topics=chosen,
                    opened_on=opened,
                )
            )
            return
        if name in ("consultation", "work"):
            district = self.districts[step[1] % len(self.districts)]
            if name == "consultation":
                _n, _d, date, kind, chosen, language = step
                anonymous_consultation_add(
                    by=worker,
                    district=district,
                    date=date,
                    kind=kind,
                    duration_minutes=10,
                    topics=chosen,
                    interpreter_language=language,
                )
            else:
                _n, d, date, kind, participants = step
                family_free_work_add(
                    by=worker,
                    office_id=self.dortmund.pk,
                    district=None if d % 4 == 0 else district,
                    kind=kind,
                    date=date,
                    duration_minutes=60,
                    participants=participants,
                )
            return
        if name == "merge":
            keep, merge = (Family.objects.get(pk=self.families[i % 4].pk) for i in step[1:])
            families_merge(by=worker, keep=keep, merge=merge)
            return
        if name == "child":
            family = Family.objects.get(pk=self.families[step[1] % 4].pk)
            family_person_add(
                by=worker,
                family=family,
                data=PersonData(Person.Role.CHILD, "Neu", birth_date=step[2]),
            )
            return
        if not cases:
            return
        case = Case.objects.get(pk=cases[step[1] % len(cases)].pk)
        if name == "contact":
            _n, _c, date, kind, chosen, language = step
            contact_add(
                by=worker,
                case=case,
                date=date,
                kind=kind,
                duration_minutes=30,
                topics=chosen,
                interpreter_language=language,
            )
        elif name == "close":
            case_close(
                by=worker,
                case=case,
                outcome=step[3],
                closed_on=case.opened_on + dt.timedelta(days=step[2]),
            )
        elif name == "reopen":
            case_reopen(by=worker, case=case, review_on=dt.date(2026, 12, 1))
        elif name == "edit":
            _n, _c, d, way, chosen = step
            case_update(
                by=worker,
                case=case,
                version=case.version,
                district=self.districts[d % len(self.districts)],
                zugangsweg=way,
                topics=chosen,
            )
        elif name == "handover":
            cases_reassign(by=worker, cases=[case], to=self.worker_hoerde)

    @settings(
        max_examples=80,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(steps, min_size=1, max_size=30))
    # The moves that touch families reached, always tried.
    @example(
        [
            ("open", 0, 0, "kita", [], DAY0),
            ("contact", 0, DAY0, "telefon", [], ""),
            ("open", 1, 1, "kita", [], DAY0),
            ("contact", 1, DAY0 + dt.timedelta(days=40), "telefon", [], ""),
            ("merge", 0, 1),
        ]
    )
    @example(
        [
            ("open", 0, 0, "kita", ["gesundheit"], DAY0),
            ("contact", 0, DAY0, "telefon", [], "Arabisch"),
            ("edit", 0, 1, "asd", ["inklusion"]),
            ("child", 0, DAY0),
        ]
    )
    @example(  # a contact in 2025 after one in 2026: February's previous month changes
        [
            ("open", 0, 0, "kita", [], DAY0),
            ("contact", 0, DAY0 + dt.timedelta(days=35), "telefon", [], ""),
            ("contact", 0, DAY0 + dt.timedelta(days=161), "telefon", [], ""),
            ("contact", 0, DAY0 + dt.timedelta(days=91), "telefon", [], ""),
        ]
    )
    def test_counts_always_equal_a_live_group_by(self, sequence):
        state: dict[str, Any] = {"cases": []}
        for step in sequence:
            # An action may refuse (a closing before the opening ...): nothing changed then.
            with suppress(ValidationError):
                self.run_step(step, state)
        live = live_counts()
        assert stored_counts() == live
        assert_month_ranges_equal_live([self.dortmund, self.bochum])
        aggregates.rebuild(offices=[self.dortmund, self.bochum], say=lambda _text: None)
        assert stored_counts() == live
        assert_month_ranges_equal_live([self.dortmund, self.bochum])


class AggregateTests(BaseTestCase):
    def family_in_contact(self, name, district, members, opened_on, days) -> Case:
        """A family with a case opened on ``opened_on`` and a phone call on each of ``days``."""
        family = family_create(by=self.worker_hoerde, district=district, name=name, members=members)
        case = case_open(
            by=self.worker_hoerde,
            family=family,
            district=district,
            assigned_to=self.worker_hoerde,
            zugangsweg="kita",
            topics=[],
            opened_on=opened_on,
        )
        for day in days:
            contact_add(
                by=self.worker_hoerde, case=case, date=day, kind="telefon", duration_minutes=10
            )
        return case

    def test_a_contact_counts_in_its_month_district_kind_topic_and_language(self):
        family = family_create(
            by=self.worker_hoerde,
            district=self.hoerde,
            name="Kaya",
            members=[PersonData(Person.Role.CHILD, "Ela", birth_date=dt.date(2025, 1, 10))],
        )
        case = case_open(
            by=self.worker_hoerde,
            family=family,
            district=self.eving,
            assigned_to=self.worker_hoerde,
            zugangsweg="kita",
            topics=["gesundheit/kinderarzt"],
            opened_on=dt.date(2026, 2, 3),
        )
        contact_add(
            by=self.worker_hoerde,
            case=case,
            date=dt.date(2026, 2, 10),
            kind="hausbesuch",
            duration_minutes=60,
            interpreter_language="Arabisch",
        )
        counts = {
            (row.grain, row.metric, row.key): row.n
            for row in StatCount.objects.filter(district_pk=self.eving.pk, start__month__in=[1, 2])
        }
        assert counts[("m", "contact", "hausbesuch")] == 1
        assert counts[("m", "contact_topic", "gesundheit")] == 1  # from the case
        assert counts[("m", "interpreter", "ar")] == 1
        assert counts[("m", "opened", "")] == 1
        assert counts[("y", "opened_zw", "kita")] == 1
        assert counts[("q", "families", "")] == 1
        assert counts[("q", "children", "1")] == 1  # one year old on 31 March 2026
        assert counts[("y", "children", "1")] == 1
        reach = FamilyReach.objects.get(grain="q")
        assert (reach.district_pk, reach.age_1) == (self.eving.pk, 1)

    def test_a_contact_in_an_earlier_year_relinks_the_first_month_of_the_next(self):
        """A month range finds a family's first month in it by the link to its previous month."""
        self.family_in_contact(
            "Kaya",
            self.eving,
            [PersonData(Person.Role.CHILD, "Ela", birth_date=dt.date(2025, 1, 31))],
            dt.date(2025, 10, 1),
            [dt.date(2025, 10, 6), dt.date(2026, 2, 9), dt.date(2025, 12, 1)],
        )
        links = dict(FamilyReach.objects.filter(grain="m").values_list("start", "prev_start"))
        assert links == {
            dt.date(2025, 10, 1): None,
            dt.date(2025, 12, 1): dt.date(2025, 10, 1),
            dt.date(2026, 2, 1): dt.date(2025, 12, 1),  # was October before December's contact
        }
        first, last = dt.date(2025, 12, 1), dt.date(2026, 2, 28)
        reached = aggregates.reach_in_months(self.dortmund.pk, first, last)
        assert reached == live_reach_in_months(self.dortmund.pk, first, last)
        assert reached[("families", self.eving.pk, "")] == 1  # once, not in December and February
        assert reached[("children", self.eving.pk, "1")] == 1  # one year old on 28 February 2026
        # By age on the range's last day, not on the day of the contact.
        assert (
            aggregates.reach_in_months(self.dortmund.pk, first, dt.date(2025, 12, 31))[
                ("children", self.eving.pk, "0")
            ]
            == 1
        )

    def test_a_large_family_is_counted_by_age_on_the_last_day_of_the_range(self):
        """Four birth dates in columns, the rest in text: all counted, each by its age."""
        births = [
            dt.date(2025, 3, 1),  # 0 on 28 February 2026
            dt.date(2025, 2, 28),  # 1 that day
            dt.date(2024, 2, 29),  # 1 (a leap day: still 1 on 28 February 2026)
            dt.date(2023, 3, 1),  # 2
            dt.date(2023, 2, 28),  # 3
            dt.date(2020, 3, 1),  # 5
            dt.date(2020, 2, 28),  # 6
            None,  # unknown
            dt.date(2026, 3, 1),  # not yet born on 28 February 2026
        ]
        self.family_in_contact(
            "Groß",
            self.eving,
            [
                PersonData(Person.Role.CHILD, f"Kind {n}", birth_date=day)
                for n, day in enumerate(births)
            ],
            dt.date(2026, 1, 1),
            [dt.date(2026, 1, 12)],
        )
        share = FamilyReach.objects.get(grain="m")
        assert (share.birth_1, share.birth_4) == (dt.date(2020, 2, 28), dt.date(2023, 3, 1))
        assert share.more_births == "2024-02-29,2025-02-28,2025-03-01,2026-03-01"
        first, last = dt.date(2026, 1, 1), dt.date(2026, 2, 28)
        reached = aggregates.reach_in_months(self.dortmund.pk, first, last)
        assert reached == live_reach_in_months(self.dortmund.pk, first, last)
        eving = self.eving.pk
        assert reached == {
            ("families", eving, ""): 1,
            ("children", eving, "0"): 1,
            ("children", eving, "1"): 3,
            ("children", eving, "3"): 2,
            ("children", eving, "6"): 1,
            ("children", eving, "?"): 1,
        }

    def test_monthly_shares_are_written_for_families_counted_before_they_existed(self):
        """What migration cases 0007 does for an installation with data."""
        for name, district, days in (
            ("Kaya", self.eving, [dt.date(2026, 2, 10), dt.date(2026, 4, 2)]),
            ("Nowak", self.hoerde, [dt.date(2026, 3, 5)]),
        ):
            child = PersonData(Person.Role.CHILD, "Ela", birth_date=dt.date(2025, 1, 10))
            self.family_in_contact(name, district, [child], dt.date(2026, 2, 1), days)
        first, last = dt.date(2026, 2, 1), dt.date(2026, 4, 30)
        kept = aggregates.reach_in_months(self.dortmund.pk, first, last)
        assert kept == live_reach_in_months(self.dortmund.pk, first, last)
        assert kept[("families", self.eving.pk, "")] == 1
        assert kept[("children", self.hoerde.pk, "1")] == 1
        counted = stored_counts()
        FamilyReach.objects.filter(grain="m").delete()
        assert not aggregates.reach_in_months(self.dortmund.pk, first, last)
        assert aggregates.reach_months_fill(say=lambda _text: None) == 3  # Feb, Apr; Mar
        assert aggregates.reach_in_months(self.dortmund.pk, first, last) == kept
        assert stored_counts() == counted

    def test_the_office_histogram_of_durations_is_written_for_cases_closed_before(self):
        """What migration cases 0005 does for an installation with data."""
        import importlib

        from django.apps import apps

        for district, opened, closed in (
            (self.eving, dt.date(2026, 1, 5), dt.date(2026, 3, 6)),  # 60 days
            (self.hoerde, dt.date(2026, 1, 5), dt.date(2026, 3, 6)),  # 60 days
            (self.hoerde, dt.date(2026, 2, 1), dt.date(2026, 3, 3)),  # 30 days
            (self.hoerde, dt.date(2025, 12, 1), dt.date(2026, 4, 10)),  # 130 days
        ):
            case = case_open(
                by=self.worker_hoerde,
                family=family_create(
                    by=self.worker_hoerde, district=district, name="A", members=[]
                ),
                district=district,
                assigned_to=self.worker_hoerde,
                zugangsweg="kita",
                topics=[],
                opened_on=opened,
            )
            case_close(by=self.worker_hoerde, case=case, outcome="ziel_erreicht", closed_on=closed)
        office = StatCount.objects.filter(metric="closed_days_office")
        counted = stored_counts()
        assert sorted(office.values_list("start", "district_pk", "key", "n")) == [
            (dt.date(2026, 3, 1), 0, "30", 1),
            (dt.date(2026, 3, 1), 0, "60", 2),
            (dt.date(2026, 4, 1), 0, "130", 1),
        ]
        office.delete()
        migration = importlib.import_module("bruecke.cases.migrations.0005_closed_days_office")
        migration.fill(apps, None)
        assert stored_counts() == counted

    def test_a_contact_is_counted_with_a_constant_number_of_queries(self):
        case = Case.objects.get(
            pk=case_open(
                by=self.worker_hoerde,
                family=family_create(
                    by=self.worker_hoerde, district=self.hoerde, name="A", members=[]
                ),
                district=self.hoerde,
                assigned_to=self.worker_hoerde,
                zugangsweg="kita",
                topics=[],
                opened_on=dt.date(2026, 1, 5),
            ).pk
        )
        # Savepoint, insert, case row, upsert, family lock, the family's contacts
        # and children, its stored reach, audit event, release; the first contact
        # of a period also adds the family (upsert) and its reach rows.
        for date, queries in ((dt.date(2026, 1, 6), 12), (dt.date(2026, 1, 7), 10)):
            with self.assertNumQueries(queries):
                contact_add(
                    by=self.worker_hoerde, case=case, date=date, kind="telefon", duration_minutes=5
                )

    def test_languages_are_codes_and_anything_else_is_other(self):
        assert language_key("Arabisch") == "ar"
        assert language_key(" türkisch ") == "tr"
        assert language_key("Ukrainisch (mit Dolmetscherin)") == "uk"
        assert language_key("Frau Müller") == "other"
        assert language_key("") == ""

    def test_age_groups_at_the_end_of_the_period(self):
        end = dt.date(2026, 3, 31)
        assert aggregates.age_group(dt.date(2025, 4, 1), end) == "0"
        assert aggregates.age_group(dt.date(2025, 3, 31), end) == "1"
        assert aggregates.age_group(dt.date(2023, 3, 31), end) == "3"
        assert aggregates.age_group(dt.date(2020, 3, 31), end) == "6"
        assert aggregates.age_group(dt.date(2026, 4, 1), end) is None
        assert aggregates.age_group(None, end) == "?"

    def test_period_ends(self):
        assert aggregates.period_end("m", dt.date(2024, 2, 1)) == dt.date(2024, 2, 29)
        assert aggregates.period_end("q", dt.date(2025, 10, 1)) == dt.date(2025, 12, 31)
        assert aggregates.period_end("y", dt.date(2025, 1, 1)) == dt.date(2025, 12, 31)

    def test_rebuild_of_an_empty_office_leaves_nothing(self):
        aggregates.rebuild(offices=[self.bochum], say=lambda _text: None)
        assert not StatCount.objects.filter(office=self.bochum).exists()


@pytest.mark.django_db
def test_the_seeded_demo_is_counted_as_a_live_group_by_counts_it():
    from bruecke.cases.tests.test_seed_cases import seed_all

    seed_all()
    assert StatCount.objects.exists()
    assert stored_counts() == live_counts()
    assert_month_ranges_equal_live(Office.objects.all())
