"""Writes for cases, contacts and the work around them.

Every action is atomic and writes its audit event in the same transaction.
Callers have already checked access (cases.access); actions check the rules
that hold whoever calls them (same office, valid states).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from bruecke.audit.actions import audit_record
from bruecke.cases import aggregates
from bruecke.cases.models import (
    AnonymousConsultation,
    Case,
    CaseCounter,
    Contact,
    FamilyFreeWork,
)
from bruecke.lib.topics import clean_topics
from bruecke.org.models import District, Membership, Role
from bruecke.people.actions import PersonData, StaleEdit, person_add
from bruecke.people.models import Family, Person


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _check_worker(user: User | None, office_id: int) -> None:
    if user is None:
        return
    try:
        membership = Membership.objects.get(user_id=user.pk)
    except Membership.DoesNotExist:
        raise ValidationError(_("Diese Person arbeitet nicht in der Kita-Sozialarbeit.")) from None
    if membership.office_id != office_id or membership.role not in {
        Role.SOZIALARBEIT,
        Role.TEAMLEITUNG,
    }:
        raise ValidationError(
            _("Diese Person arbeitet nicht in der Kita-Sozialarbeit dieses Jugendamts.")
        )


def _next_number(office_id: int, code: str, year: int) -> str:
    # The counter row is updated in the same transaction as the case; SQLite's
    # IMMEDIATE transactions and PostgreSQL's row lock serialise concurrent openings.
    counter, _created = CaseCounter.objects.select_for_update().get_or_create(
        office_id=office_id, year=year
    )
    CaseCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
    counter.refresh_from_db(fields=["last"])
    return f"{code}-{year}-{counter.last:05d}"


@transaction.atomic
def case_open(
    *,
    by: User,
    family: Family,
    district: District,
    assigned_to: User,
    zugangsweg: str,
    topics: Iterable[str],
    opened_on: dt.date,
    review_on: dt.date | None = None,
    covering: User | None = None,
) -> Case:
    """Open a case for a family; the review date defaults to the office's review period."""
    if district.office_id != family.office_id:
        raise ValidationError(_("Der Stadtbezirk gehört zu einem anderen Jugendamt."))
    _check_worker(assigned_to, family.office_id)
    _check_worker(covering, family.office_id)
    office = district.office
    case = Case.objects.create(
        office_id=family.office_id,
        number=_next_number(office.pk, office.code, opened_on.year),
        family=family,
        district=district,
        assigned_to=assigned_to,
        covering=covering,
        zugangsweg=zugangsweg,
        topics=clean_topics(topics),
        opened_on=opened_on,
        review_on=review_on or add_months(opened_on, office.review_months),
    )
    aggregates.case_added(case)
    audit_record(
        office=case.office_id,
        actor=by,
        action="case.open",
        target_type="case",
        target_id=case.pk,
        case_id=case.pk,
        details={"number": case.number, "assigned_to": assigned_to.pk},
    )
    return case


CASE_EDIT_FIELDS = ("district", "assigned_to", "covering", "zugangsweg", "topics", "review_on")


@transaction.atomic
def case_update(*, by: User, case: Case, version: int, **fields: object) -> Case:
    """Edit a case; raises StaleEdit (with the current case) if someone saved since ``version``."""
    unknown = set(fields) - set(CASE_EDIT_FIELDS)
    if unknown:
        raise TypeError(f"unknown case fields: {sorted(unknown)}")
    if "topics" in fields:
        fields["topics"] = clean_topics(fields["topics"])  # type: ignore[arg-type]
    if "assigned_to" in fields:
        _check_worker(fields["assigned_to"], case.office_id)  # type: ignore[arg-type]
    if fields.get("covering") is not None:
        _check_worker(fields["covering"], case.office_id)  # type: ignore[arg-type]
    district = fields.get("district")
    if isinstance(district, District) and district.office_id != case.office_id:
        raise ValidationError(_("Der Stadtbezirk gehört zu einem anderen Jugendamt."))
    before = {name: _plain(getattr(case, name)) for name in fields}
    # Only district, Zugangsweg and topics change a counted number; district and
    # topics also those of the case's contacts.
    counted = aggregates.tracking_cases(
        [case.pk] if fields.keys() & {"district", "zugangsweg", "topics"} else [],
        contacts=bool(fields.keys() & {"district", "topics"}),
    )
    with counted:
        updated = Case.objects.filter(pk=case.pk, version=version).update(
            version=F("version") + 1, **fields
        )
        if not updated:
            raise StaleEdit(
                Case.objects.select_related("assigned_to", "covering", "district").get(pk=case.pk)
            )
    for name, value in fields.items():
        setattr(case, name, value)
    case.version = version + 1
    changes = {
        name: [before[name], _plain(value)]
        for name, value in fields.items()
        if before[name] != _plain(value)
    }
    audit_record(
        office=case.office_id,
        actor=by,
        action="case.update",
        target_type="case",
        target_id=case.pk,
        case_id=case.pk,
        details={"changes": changes},
    )
    return case


def _plain(value: object) -> object:
    """A JSON-safe, non-personal form of a field value for the audit trail."""
    if hasattr(value, "pk"):
        return value.pk
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@transaction.atomic
def case_close(*, by: User, case: Case, outcome: str, closed_on: dt.date) -> Case:
    if case.status == Case.Status.CLOSED:
        raise ValidationError(_("Der Fall ist bereits abgeschlossen."))
    if closed_on < case.opened_on:
        raise ValidationError(_("Ein Fall kann nicht vor seinem Beginn abgeschlossen werden."))
    with aggregates.tracking_cases([case.pk]):
        Case.objects.filter(pk=case.pk).update(
            status=Case.Status.CLOSED,
            outcome=outcome,
            closed_on=closed_on,
            version=F("version") + 1,
        )
    case.refresh_from_db()
    audit_record(
        office=case.office_id,
        actor=by,
        action="case.close",
        target_type="case",
        target_id=case.pk,
        case_id=case.pk,
        details={"outcome": outcome, "closed_on": closed_on.isoformat()},
    )
    return case


@transaction.atomic
def case_reopen(*, by: User, case: Case, review_on: dt.date) -> Case:
    with aggregates.tracking_cases([case.pk]):
        Case.objects.filter(pk=case.pk).update(
            status=Case.Status.OPEN,
            outcome="",
            closed_on=None,
            review_on=review_on,
            version=F("version") + 1,
        )
    case.refresh_from_db()
    audit_record(
        office=case.office_id,
        actor=by,
        action="case.reopen",
        target_type="case",
        target_id=case.pk,
        case_id=case.pk,
    )
    return case


@transaction.atomic
def contact_add(
    *,
    by: User,
    case: Case,
    date: dt.date,
    kind: str,
    duration_minutes: int,
    topics: Iterable[str] = (),
    place: str = "",
    interpreter_language: str = "",
    note: str = "",
    confided: bool = False,
) -> Contact:
    if case.status == Case.Status.CLOSED and date > (case.closed_on or date):
        raise ValidationError(
            _("Der Fall ist abgeschlossen. Bitte öffnen Sie ihn erneut, um Kontakte einzutragen.")
        )
    contact = Contact.objects.create(
        office_id=case.office_id,
        case=case,
        date=date,
        kind=kind,
        duration_minutes=duration_minutes,
        topics=clean_topics(topics),
        place=place,
        interpreter_language=interpreter_language,
        note=note,
        confided=confided,
        created_by=by,
    )
    aggregates.contact_added(contact)
    audit_record(
        office=case.office_id,
        actor=by,
        action="contact.add",
        target_type="contact",
        target_id=contact.pk,
        case_id=case.pk,
        details={"kind": kind},
    )
    return contact


@transaction.atomic
def anonymous_consultation_add(
    *,
    by: User,
    district: District,
    date: dt.date,
    kind: str,
    duration_minutes: int,
    topics: Iterable[str] = (),
    interpreter_language: str = "",
) -> AnonymousConsultation:
    consultation = AnonymousConsultation.objects.create(
        office_id=district.office_id,
        district=district,
        date=date,
        kind=kind,
        topics=clean_topics(topics),
        duration_minutes=duration_minutes,
        interpreter_language=interpreter_language,
        created_by=by,
    )
    aggregates.consultation_added(consultation)
    audit_record(
        office=district.office_id,
        actor=by,
        action="consultation.add",
        target_type="consultation",
        target_id=consultation.pk,
    )
    return consultation


@transaction.atomic
def family_free_work_add(*, by: User, office_id: int, **fields: object) -> FamilyFreeWork:
    if "topics" in fields:
        fields["topics"] = clean_topics(fields["topics"])  # type: ignore[arg-type]
    work = FamilyFreeWork.objects.create(office_id=office_id, created_by=by, **fields)
    if work.district is not None and work.district.office_id != office_id:
        raise ValidationError(_("Der Stadtbezirk gehört zu einem anderen Jugendamt."))
    aggregates.work_added(work)
    audit_record(
        office=office_id,
        actor=by,
        action="work.add",
        target_type="work",
        target_id=work.pk,
        details={"kind": work.kind},
    )
    return work


@transaction.atomic
def cases_reassign(*, by: User, cases: Iterable[Case], to: User, as_cover: bool = False) -> int:
    """Handover: give cases to another worker (or make them the covering worker)."""
    count = 0
    for case in cases:
        _check_worker(to, case.office_id)
        field = "covering" if as_cover else "assigned_to"
        before = getattr(case, f"{field}_id")
        Case.objects.filter(pk=case.pk).update(**{field: to}, version=F("version") + 1)
        audit_record(
            office=case.office_id,
            actor=by,
            action="case.cover" if as_cover else "case.handover",
            target_type="case",
            target_id=case.pk,
            case_id=case.pk,
            details={"from": before, "to": to.pk},
        )
        count += 1
    return count


@transaction.atomic
def families_merge(*, by: User, keep: Family, merge: Family) -> Family:
    """Merge ``merge`` into ``keep``: people and cases (with their contacts) move over.

    The merged family stays as a record pointing to ``keep`` (``merged_into``),
    so links and the audit trail still resolve. A child recorded in both
    families (same first name and birth date) is kept once.
    """
    if keep.pk == merge.pk:
        raise ValidationError(_("Eine Familie kann nicht mit sich selbst zusammengeführt werden."))
    if keep.office_id != merge.office_id:
        raise ValidationError(_("Die Familien gehören zu verschiedenen Jugendämtern."))
    if merge.merged_into_id is not None or keep.merged_into_id is not None:
        raise ValidationError(_("Eine der Familien wurde bereits zusammengeführt."))
    kept = set(keep.members.values_list("role", "first_name", "birth_date"))
    duplicates = [
        p.pk
        for p in merge.members.all()
        if p.birth_date and (p.role, p.first_name, p.birth_date) in kept
    ]
    merge.members.filter(pk__in=duplicates).delete()
    merge.members.update(family=keep)
    moved = list(Case.objects.filter(family=merge).values_list("pk", flat=True))
    Case.objects.filter(pk__in=moved).update(family=keep, version=F("version") + 1)
    Family.objects.filter(pk=merge.pk).update(merged_into=keep, version=F("version") + 1)
    # Contact data the kept family lacks is taken over.
    for name in ("phone", "email", "street", "postal_code", "languages", "interpreter_language"):
        if not getattr(keep, name) and getattr(merge, name) and not keep.anonymous:
            setattr(keep, name, getattr(merge, name))
    keep.phone_key = keep.phone_key or merge.phone_key
    keep.save(
        update_fields=[
            "phone",
            "phone_key",
            "email",
            "street",
            "postal_code",
            "languages",
            "interpreter_language",
            "updated_at",
        ]
    )
    # Both families' reach changes: contacts and children moved.
    aggregates.family_reach_refresh([keep.pk, merge.pk])
    audit_record(
        office=keep.office_id,
        actor=by,
        action="family.merge",
        target_type="family",
        target_id=keep.pk,
        details={"merged": str(merge.pk), "cases": len(moved), "duplicate_people": len(duplicates)},
    )
    for case_id in moved:
        audit_record(
            office=keep.office_id,
            actor=by,
            action="case.family_merged",
            target_type="case",
            target_id=case_id,
            case_id=case_id,
            details={"from": str(merge.pk), "to": str(keep.pk)},
        )
    return keep


@transaction.atomic
def family_person_add(*, by: User, family: Family, data: PersonData) -> Person:
    """Add a person to a family; a new child also counts as reached where the family was."""
    person = person_add(by=by, family=family, data=data)
    if person.role == Person.Role.CHILD:
        aggregates.family_reach_refresh([family.pk])
    return person
