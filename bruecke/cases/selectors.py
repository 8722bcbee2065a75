"""Reads for casework. Every query starts from cases.access."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import chain
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from bruecke.audit.models import AuditEvent
from bruecke.cases.access import cases_visible_to, casework_membership, families_visible_to
from bruecke.cases.models import Appointment, Case, Contact
from bruecke.lib.names import phonetic_key
from bruecke.lib.phone import phone_key
from bruecke.org.models import Role
from bruecke.people.models import Family, FamilyNameCode, Person


def case_list(*, user: User, status: str = "open") -> QuerySet[Case]:
    """The user's cases, overdue reviews first (ordered by review date)."""
    cases = cases_visible_to(user).select_related("family", "district", "assigned_to", "covering")
    if status in {Case.Status.OPEN, Case.Status.CLOSED}:
        cases = cases.filter(status=status)
    if status == Case.Status.CLOSED:
        return cases.order_by("-closed_on", "number")
    return cases.order_by("review_on", "number")


# What cases/includes/case_table.html shows. Loading only these columns (not
# every field of case, family and both users) saved a sixth of the case list's
# time with a hundred cases.
CASE_TABLE_FIELDS = (
    "number",
    "topics",
    "status",
    "review_on",
    "closed_on",
    "outcome",
    "family__name",
    "district__name",
    "assigned_to__first_name",
    "assigned_to__last_name",
    "covering__first_name",
    "covering__last_name",
)


def cases_of_family(*, user: User, family: Family) -> list[Case]:
    """The family's cases that this user may see."""
    return list(
        cases_visible_to(user)
        .filter(family=family)
        .select_related("assigned_to")
        .order_by("-opened_on")
    )


def appointments_of_day(*, user: User, day: dt.date) -> QuerySet[Appointment]:
    from django.utils import timezone

    start = timezone.make_aware(dt.datetime.combine(day, dt.time.min))
    return (
        Appointment.objects.filter(
            worker_id=user.pk, starts_at__gte=start, starts_at__lt=start + dt.timedelta(days=1)
        )
        .select_related("case")
        .order_by("starts_at")
    )


@dataclass
class TimelineEntry:
    when: dt.datetime | dt.date
    kind: str  # "contact", "appointment", "event"
    item: Any


def case_timeline(*, case: Case, user: User) -> list[TimelineEntry]:
    """Contacts, appointments and changes of one case, newest first (three queries)."""
    contacts = case.contacts.select_related("created_by").order_by("-date", "-created_at")
    appointments = case.appointments.order_by("-starts_at")
    events = (
        AuditEvent.objects.filter(case_id=case.pk)
        .exclude(action="contact.add")
        .select_related("actor")
    )
    entries = chain(
        (TimelineEntry(c.date, "contact", c) for c in contacts),
        (TimelineEntry(a.starts_at.date(), "appointment", a) for a in appointments),
        (TimelineEntry(e.at.date(), "event", e) for e in events.order_by("-at")),
    )
    return sorted(entries, key=lambda e: e.when, reverse=True)


def contact_note_visible(contact: Contact, user: User) -> bool:
    """Confided notes (§ 65 SGB VIII) are for their author only."""
    return not contact.confided or contact.created_by_id == user.pk


@dataclass
class FamilyMatch:
    family: Family
    reasons: list[str]


def family_search(
    *, user: User, query: str = "", birth_date: dt.date | None = None
) -> list[Family]:
    """Families the user may see, by (misspelt) name, phone in any notation, or a child's birth date."""
    membership = casework_membership(user)
    if membership is None:
        return []
    # Where the database should start. A worker sees the families of their own
    # cases, a few hundred at most: it checks those. A team lead sees whole
    # districts (tens of thousands): it starts from the families that have the
    # search term, read through the term's index.
    few = membership.role != Role.TEAMLEITUNG or membership.team_id is None
    condition = _search_condition(membership.office_id, query, birth_date, by_term=not few)
    if condition is None:
        return []
    if few:
        # Every family the user may see is among these; both are read through an index.
        condition &= Q(pk__in=cases_visible_to(user).values("family_id")) | Q(
            created_by_id=membership.user_id
        )
    return list(
        families_visible_to(user)
        .filter(condition)
        .select_related("district")
        .prefetch_related("members", "cases")
        .order_by("name")[:50]
    )


def _name_code_families(office_id: int, code: str) -> QuerySet[FamilyNameCode, Any]:
    return FamilyNameCode.objects.filter(office_id=office_id, code=code).values("family_id")


def _person_families(office_id: int, **lookup: object) -> QuerySet[Person, Any]:
    return Person.objects.filter(office_id=office_id, **lookup).values("family_id")


def _search_condition(
    office_id: int, query: str, birth_date: dt.date | None, *, by_term: bool
) -> Q | None:
    """Whether a family matches the search; None when there is nothing to search for.

    Each word must be a code of the family name or the first or last name of
    a member; all words and the birth date must fit one and the same member
    (or the family name alone, for a family without members). Every test on
    a family is an index lookup. With ``by_term``, each term also gives the
    set of families that have it (``pk__in``, through the term's index), so
    the database can start from those instead of the families the user sees.
    """
    query = query.strip()
    key = phone_key(query) if any(ch.isdigit() for ch in query) else ""
    codes = [] if key else phonetic_key(query).split()
    if not key and not codes and not birth_date:
        return None
    # Phone: the index (office, phone_key) is the best start in any case.
    condition = Q(phone_key=key) if key else Q()
    if by_term:
        for code in codes:
            condition &= (
                Q(pk__in=_name_code_families(office_id, code))
                | Q(pk__in=_person_families(office_id, last_key=code))
                | Q(pk__in=_person_families(office_id, first_key=code))
            )
        if birth_date:
            condition &= Q(
                pk__in=_person_families(office_id, birth_date=birth_date, role=Person.Role.CHILD)
            )
    if not codes and not birth_date:
        return condition
    # The exact test, family by family.
    member = Q()
    in_name = Q()
    for code in codes:
        name_codes = FamilyNameCode.objects.filter(code=code)
        member &= (
            Q(last_key=code)
            | Q(first_key=code)
            | Q(Exists(name_codes.filter(family_id=OuterRef(OuterRef("pk")))))
        )
        in_name &= Q(Exists(name_codes.filter(family_id=OuterRef("pk"))))
    if birth_date:
        member &= Q(birth_date=birth_date, role=Person.Role.CHILD)
    members = Person.objects.filter(family_id=OuterRef("pk"))
    exact = Q(Exists(members.filter(member)))
    if not birth_date:
        exact |= in_name & ~Q(Exists(members))
    return condition & exact


def likely_duplicates(
    *,
    office_id: int,
    name: str,
    phone: str,
    child_birth_dates: list[dt.date],
    member_names: list[str],
) -> QuerySet[Family]:
    """Families of the office that may be the same household (any worker's).

    Only the fact and a few facts to compare are shown, never case content.
    """
    # Each term is a candidate set read through an index, never a scan of the office.
    conditions = Q()
    key = phone_key(phone)
    if key:
        conditions |= Q(pk__in=Family.objects.filter(office_id=office_id, phone_key=key))
    codes = set(phonetic_key(name).split())
    for member in member_names:
        codes.update(phonetic_key(member).split())
    for code in sorted(codes):
        conditions |= Q(pk__in=_name_code_families(office_id, code)) | Q(
            pk__in=_person_families(office_id, last_key=code)
        )
    if child_birth_dates:
        conditions |= Q(pk__in=_person_families(office_id, birth_date__in=child_birth_dates))
    if not conditions:
        return Family.objects.none()
    ids = Family.objects.filter(conditions, office_id=office_id, merged_into__isnull=True).values(
        "pk"
    )
    return (
        Family.objects.filter(pk__in=ids)
        .select_related("district")
        .annotate(open_cases=Count("cases", filter=Q(cases__status=Case.Status.OPEN)))
        .order_by("name")[:10]
    )
