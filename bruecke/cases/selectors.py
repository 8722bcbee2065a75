"""Reads for casework. Every query starts from cases.access."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import chain
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Count, Q, QuerySet

from bruecke.audit.models import AuditEvent
from bruecke.cases.access import cases_visible_to, families_visible_to
from bruecke.cases.models import Appointment, Case, Contact
from bruecke.lib.names import phonetic_key
from bruecke.lib.phone import phone_key
from bruecke.people.models import Family, Person


def case_list(*, user: User, status: str = "open") -> QuerySet[Case]:
    """The user's cases, overdue reviews first (ordered by review date)."""
    cases = cases_visible_to(user).select_related("family", "district", "assigned_to", "covering")
    if status in {Case.Status.OPEN, Case.Status.CLOSED}:
        cases = cases.filter(status=status)
    if status == Case.Status.CLOSED:
        return cases.order_by("-closed_on", "number")
    return cases.order_by("review_on", "number")


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
    families = families_visible_to(user)
    condition = _search_condition(query, birth_date)
    if condition is None:
        return []
    return list(
        families.filter(condition)
        .select_related("district")
        .prefetch_related("members", "cases")
        .order_by("name")[:50]
    )


def _search_condition(query: str, birth_date: dt.date | None) -> Q | None:
    parts: list[Q] = []
    query = query.strip()
    key = phone_key(query) if any(ch.isdigit() for ch in query) else ""
    if key:
        parts.append(Q(phone_key=key))
    elif query:
        for code in phonetic_key(query).split():
            parts.append(
                Q(name_key__contains=f" {code} ")
                | Q(members__last_key=code)
                | Q(members__first_key=code)
            )
    if birth_date:
        parts.append(Q(members__birth_date=birth_date, members__role=Person.Role.CHILD))
    if not parts:
        return None
    condition = parts[0]
    for part in parts[1:]:
        condition &= part
    return Q(pk__in=Family.objects.filter(condition).values("pk"))


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
    conditions = Q()
    key = phone_key(phone)
    if key:
        conditions |= Q(phone_key=key)
    codes = set(phonetic_key(name).split())
    for member in member_names:
        codes.update(phonetic_key(member).split())
    for code in codes:
        conditions |= Q(name_key__contains=f" {code} ") | Q(members__last_key=code)
    if child_birth_dates:
        conditions |= Q(members__birth_date__in=child_birth_dates)
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
