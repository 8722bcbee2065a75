from __future__ import annotations

import datetime as dt
import hashlib
import random
import re
from collections import Counter, defaultdict

import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Count, F, Min, Q

from bruecke.audit.models import AuditEvent
from bruecke.cases import seed as cases_seed
from bruecke.cases.actions import add_months, case_open
from bruecke.cases.choices import Kontaktart, Outcome, WorkKind
from bruecke.cases.models import (
    AnonymousConsultation,
    Case,
    CaseCounter,
    Contact,
    FamilyFreeWork,
)
from bruecke.demo.context import SeedContext
from bruecke.demo.scales import SCALES
from bruecke.lib.names import phonetic_key
from bruecke.lib.phone import phone_key
from bruecke.lib.school import school_entry
from bruecke.lib.topics import TOPIC_LABELS, clean_topics
from bruecke.org import seed as org_seed
from bruecke.org.models import District, Membership, Office, PartnerOrganisation, Role
from bruecke.people.actions import family_name_codes
from bruecke.people.models import Family, FamilyNameCode, Person

DEMO = SCALES["demo"]


def seed_all(seed: int = 1) -> list[str]:
    said: list[str] = []
    ctx = SeedContext.create(scale=DEMO, seed=seed, say=said.append)
    org_seed.seed(ctx)
    cases_seed.seed(ctx)
    return said


@pytest.fixture
def seeded(db):
    return seed_all()


def test_sizes_follow_the_scale(seeded):
    assert Family.objects.count() == DEMO.families
    assert Person.objects.filter(role=Person.Role.CHILD).count() == DEMO.children
    assert Case.objects.count() == DEMO.cases
    assert Contact.objects.count() == DEMO.contacts
    assert AnonymousConsultation.objects.count() == pytest.approx(DEMO.contacts / 4, rel=0.05)
    # A few hundred families in each office.
    for office in Office.objects.all():
        assert 250 <= Family.objects.filter(office=office).count() <= 350
    # Only districts with Kita-Sozialarbeit.
    assert not Family.objects.filter(district__kita_sozialarbeit=False).exists()
    assert not Case.objects.filter(district__kita_sozialarbeit=False).exists()
    assert not AnonymousConsultation.objects.filter(district__kita_sozialarbeit=False).exists()
    # Columns the seeder leaves out get their defaults.
    assert Family.objects.filter(version=1, merged_into=None).count() == DEMO.families
    assert Case.objects.filter(version=1).count() == DEMO.cases
    # Synthetic history is not audited.
    assert not AuditEvent.objects.exists()
    assert seeded[-1].startswith("cases: 600 families, ")
    # A few entries of work without a family per worker and month (two years).
    per_worker = Counter(FamilyFreeWork.objects.values_list("created_by", flat=True))
    workers = Membership.objects.filter(role=Role.SOZIALARBEIT).values_list("user", flat=True)
    assert set(per_worker) == set(workers)
    assert all(2 * 20 <= count <= 5 * 24 for count in per_worker.values())


def test_cases_belong_to_a_worker_of_their_districts_team(seeded):
    team_districts: dict[int, set[int]] = defaultdict(set)
    for district in District.objects.prefetch_related("teams"):
        for team in district.teams.all():
            team_districts[team.pk].add(district.pk)
    workers = {
        m.user_id: m.team_id or 0
        for m in Membership.objects.filter(role=Role.SOZIALARBEIT, team__isnull=False)
    }
    offices = dict(Membership.objects.values_list("user_id", "office_id"))
    families = {family.pk: family for family in Family.objects.all()}
    covered = 0
    for case in Case.objects.select_related("district"):
        assert case.district_id in team_districts[workers[case.assigned_to_id]]
        assert offices[case.assigned_to_id] == case.office_id
        if case.covering_id:
            covered += 1
            assert case.district_id in team_districts[workers[case.covering_id]]
            assert case.covering_id != case.assigned_to_id
        family = families[case.family_id]
        assert family.office_id == case.office_id == case.district.office_id
        assert family.district_id == case.district_id
        assert family.created_by_id == case.assigned_to_id
    assert covered > 0
    # People belong to their family's office; contacts to their case's.
    assert not Person.objects.exclude(office=F("family__office")).exists()
    assert not Contact.objects.exclude(office=F("case__office")).exists()
    assert not Case.objects.exclude(family__members__role=Person.Role.PARENT).exists()


def test_case_numbers_follow_the_counter_and_case_open_continues_them(seeded):
    numbers: dict[tuple[int, int], list[int]] = defaultdict(list)
    for case in Case.objects.select_related("office"):
        match = re.fullmatch(rf"{case.office.code}-(\d{{4}})-(\d{{5}})", case.number)
        assert match, case.number
        assert int(match[1]) == case.opened_on.year
        numbers[(case.office_id, case.opened_on.year)].append(int(match[2]))
    counters = {(c.office_id, c.year): c.last for c in CaseCounter.objects.all()}
    assert set(counters) == set(numbers)
    for key, used in numbers.items():
        assert sorted(used) == list(range(1, len(used) + 1))  # unique, no gaps
        assert counters[key] == max(used)
    # Numbers run in the order cases were opened.
    for office in Office.objects.all():
        opened = list(
            Case.objects.filter(office=office)
            .order_by("number")
            .values_list("opened_on", flat=True)
        )
        assert opened == sorted(opened)

    family = Family.objects.filter(office__slug="dortmund").select_related("district").first()
    assert family is not None
    worker = User.objects.get(pk=family.created_by_id)
    today = dt.date.today()
    # No counter yet only if no seeded case opened this year (on New Year's Day).
    counter = CaseCounter.objects.filter(office=family.office, year=today.year).first()
    before = counter.last if counter else 0
    case = case_open(
        by=worker,
        family=family,
        district=family.district,
        assigned_to=worker,
        zugangsweg="kita",
        topics=["gesundheit"],
        opened_on=today,
    )
    assert case.number == f"DO-{today.year}-{before + 1:05d}"


def test_every_family_has_a_child_below_school_entry(seeded):
    today = dt.date.today()
    youngest: dict[object, dt.date] = {}
    for family_id, birth in Person.objects.filter(role=Person.Role.CHILD).values_list(
        "family_id", "birth_date"
    ):
        assert birth is not None and birth <= today
        youngest[family_id] = max(birth, youngest.get(family_id, birth))
    assert len(youngest) == Family.objects.count()
    assert all(today < school_entry(birth) for birth in youngest.values())
    # Some older siblings at school.
    assert any(
        birth and school_entry(birth) <= today
        for birth in Person.objects.filter(role=Person.Role.CHILD).values_list(
            "birth_date", flat=True
        )
    )
    childcare = Counter(
        Person.objects.filter(role=Person.Role.CHILD).values_list("childcare", flat=True)
    )
    assert set(childcare) == {"kita", "kindertagespflege", "none", ""}
    assert not Person.objects.exclude(role=Person.Role.CHILD).exclude(childcare="").exists()
    # About 5 % anonymous families: a pseudonym, nothing to reach them by.
    anonymous = Family.objects.filter(anonymous=True)
    assert 0.02 * DEMO.families <= anonymous.count() <= 0.09 * DEMO.families
    for family in anonymous:
        assert re.fullmatch(r"Familie [A-Z]\.", family.name)
        assert family.street == family.postal_code == family.phone == family.email == ""
        assert not family.members.exclude(first_name="", last_name="").exists()
    assert Family.objects.filter(anonymous=False).exclude(phone="").count() > 0.7 * 570


def test_closed_cases_and_contact_dates_are_consistent(seeded):
    today = dt.date.today()
    closed = Case.objects.filter(status=Case.Status.CLOSED)
    assert 0.45 < closed.count() / Case.objects.count() < 0.65
    review_months = {office.pk: office.review_months for office in Office.objects.all()}
    for case in Case.objects.all():
        assert today - dt.timedelta(days=731) <= case.opened_on <= today
        if case.status == Case.Status.CLOSED:
            assert case.closed_on is not None and case.opened_on <= case.closed_on <= today
            assert case.outcome in Outcome.values
            assert case.review_on == add_months(case.opened_on, review_months[case.office_id])
        else:
            assert case.closed_on is None and case.outcome == ""
            assert case.review_on > case.opened_on
        assert case.topics and clean_topics(case.topics) == case.topics
    # Each family has at most one open case; earlier ones ended before the next began.
    assert not (
        Case.objects.filter(status=Case.Status.OPEN)
        .values("family")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .exists()
    )
    ends = {
        pk: (opened, closed_on or today)
        for pk, opened, closed_on in Case.objects.values_list("pk", "opened_on", "closed_on")
    }
    for case_id, date in Contact.objects.values_list("case_id", "date"):
        assert ends[case_id][0] <= date <= ends[case_id][1]
    # Every case has its first contact on the day it opened.
    firsts = {
        row["case"]: row["first"]
        for row in Contact.objects.values("case").annotate(first=Min("date"))
    }
    assert all(firsts[pk] == ends[pk][0] for pk in ends)


@pytest.mark.parametrize(
    ("username", "home"), [("sozialarbeit.hoerde", "Hörde"), ("sozialarbeit.eving", "Eving")]
)
def test_demo_workers_have_about_twenty_open_cases(seeded, username, home):
    today = dt.date.today()
    cases = Case.objects.filter(assigned_to__username=username)
    open_cases = cases.filter(status=Case.Status.OPEN)
    assert 15 <= open_cases.count() <= 25
    assert 1 <= open_cases.filter(review_on__lt=today).count() <= 6
    assert cases.filter(status=Case.Status.CLOSED).exists()
    # Mostly families of the home district, then others of the team's districts.
    districts = Counter(open_cases.values_list("district__name", flat=True))
    assert districts[home] >= 5


def test_distributions_look_like_kita_sozialarbeit(seeded):
    contacts = Contact.objects.count()
    kinds = Counter(Contact.objects.values_list("kind", flat=True))
    assert 0.28 < kinds[Kontaktart.TELEFON] / contacts < 0.42
    assert 0.23 < kinds[Kontaktart.BERATUNG] / contacts < 0.37
    assert 0.06 < kinds[Kontaktart.HAUSBESUCH] / contacts < 0.14
    assert set(kinds) == set(Kontaktart.values)
    assert 0.09 < Contact.objects.exclude(interpreter_language="").count() / contacts < 0.22
    assert 0.01 < Contact.objects.filter(confided=True).count() / contacts < 0.06
    assert not Contact.objects.filter(
        Q(duration_minutes__lt=10) | Q(duration_minutes__gt=120)
    ).exists()
    assert not Contact.objects.filter(confided=True, note="").exists()
    assert set(Contact.objects.values_list("interpreter_language", flat=True)) == {
        "",
        "Arabisch",
        "Türkisch",
        "Ukrainisch",
        "Rumänisch",
        "Bulgarisch",
        "Polnisch",
    }
    top = Counter(
        code.split("/")[0]
        for topics in Case.objects.values_list("topics", flat=True)
        for code in topics
    )
    assert {code for code, _n in top.most_common(2)} == {"wirtschaftliche-lage", "kinderbetreuung"}
    assert all(
        code in TOPIC_LABELS
        for topics in Contact.objects.values_list("topics", flat=True)
        for code in topics
    )
    zugang = Counter(Case.objects.values_list("zugangsweg", flat=True))
    assert {code for code, _n in zugang.most_common(2)} == {"selbst", "kita"}
    work = Counter(FamilyFreeWork.objects.values_list("kind", flat=True))
    assert work.most_common(1)[0][0] == WorkKind.NETZWERKTREFFEN
    for entry in FamilyFreeWork.objects.select_related("institution"):
        if entry.kind in {WorkKind.ELTERNABEND, WorkKind.INFOVERANSTALTUNG}:
            assert entry.participants is not None and 5 <= entry.participants <= 40
        else:
            assert entry.participants is None
        if entry.kind == WorkKind.FALLBERATUNG_KITA:
            assert entry.institution is not None
            assert entry.institution.kind == PartnerOrganisation.Kind.KITA
            assert entry.institution.office_id == entry.office_id


def test_search_keys_are_what_the_actions_compute(seeded):
    families = list(Family.objects.all())
    assert sum(1 for f in families if f.phone) > 300
    codes: dict[object, list[tuple[int, str]]] = defaultdict(list)
    for office_id, family_id, code in FamilyNameCode.objects.values_list(
        "office_id", "family_id", "code"
    ):
        codes[family_id].append((office_id, code))
    for family in families:
        assert family.phone_key == phone_key(family.phone)
        assert sorted(codes[family.pk]) == sorted(
            (family.office_id, code) for code in family_name_codes(family.name)
        )
    for person in Person.objects.all():
        assert person.first_key == phonetic_key(person.first_name)
        assert person.last_key == phonetic_key(person.last_name)
    # Non-German names, spelt as the families spell them, are among them.
    assert Family.objects.filter(name__in=["Yılmaz", "Şahin", "Öztürk", "Çelik"]).exists()


def test_cheap_phone_keys_equal_phone_key():
    ctx = SeedContext.create(scale=DEMO, seed=3, say=lambda _msg: None)
    seeder = cases_seed._Seeder(ctx, dt.date.today(), cases_seed.OTHER_ORIGINS)
    for area_code in ("0231", "0234", "02327", ""):
        for _ in range(500):
            number, key = seeder._phone(area_code)
            assert key == phone_key(number), number


class _Rollback(Exception):
    pass


def digest_of_a_fresh_seed(seed: int) -> str:
    """Seed into the database, digest the result, and roll everything back."""
    digest = ""
    try:
        with transaction.atomic():
            seed_all(seed)
            rows: list[object] = list(
                Case.objects.order_by("number").values_list(
                    "number",
                    "family__name",
                    "opened_on",
                    "status",
                    # Not the username: synthetic ones contain ids, which
                    # PostgreSQL does not roll back.
                    "assigned_to__first_name",
                    "assigned_to__last_name",
                )
            )
            rows += list(
                Person.objects.order_by("id").values_list("id", "first_name", "birth_date")
            )
            digest = hashlib.sha256(repr(rows).encode()).hexdigest()
            raise _Rollback
    except _Rollback:
        pass
    assert not Case.objects.exists()
    return digest


@pytest.mark.django_db
def test_same_seed_gives_same_data():
    first = digest_of_a_fresh_seed(5)
    assert first == digest_of_a_fresh_seed(5)
    assert first != digest_of_a_fresh_seed(6)


def test_weighted_draws_follow_their_weights():
    rng = random.Random(1)
    draws = Counter(cases_seed.ZUGANGSWEG(rng) for _ in range(20_000))
    assert draws["selbst"] / 20_000 == pytest.approx(0.30, abs=0.02)
    assert draws["schule"] / 20_000 == pytest.approx(0.03, abs=0.01)
