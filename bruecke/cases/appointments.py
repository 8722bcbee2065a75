"""Appointments and the private calendar feed: writes (actions) and reads (selectors).

Actions are atomic and write their audit event in the same transaction. Audit
details never hold personal data: no names, and not the place either (free text
that might name someone), only times and the case number.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from bruecke.audit.actions import audit_record
from bruecke.cases.access import cases_visible_to, casework_membership
from bruecke.cases.models import Appointment, CalendarFeed, Case, new_feed_token
from bruecke.org.models import Membership

# The feed shows a month back (to look something up) and half a year ahead.
FEED_DAYS_BACK = 30
FEED_DAYS_AHEAD = 180


# --- Actions -------------------------------------------------------------------------------


def _worker_membership(worker: User) -> Membership:
    membership = casework_membership(worker)
    if membership is None:
        raise ValidationError(_("Termine gibt es nur für Fachkräfte der Kita-Sozialarbeit."))
    return membership


def _check(
    *,
    membership: Membership,
    worker: User,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    case: Case | None,
    office_hour: bool,
    case_changed: bool,
) -> None:
    if ends_at <= starts_at:
        raise ValidationError(_("Das Ende muss nach dem Beginn liegen."))
    if case is None and not office_hour:
        raise ValidationError(
            _("Bitte wählen Sie einen Fall aus oder kreuzen Sie „Sprechstunde“ an.")
        )
    if case is not None and office_hour:
        raise ValidationError(
            _("Ein Termin gehört entweder zu einem Fall oder ist eine Sprechstunde.")
        )
    if case is not None:
        if case.office_id != membership.office_id:
            raise ValidationError(_("Der Fall gehört zu einem anderen Jugendamt."))
        if not cases_visible_to(worker).filter(pk=case.pk).exists():
            raise ValidationError(_("Diesen Fall können Sie nicht auswählen."))
        if case_changed and case.status != Case.Status.OPEN:
            raise ValidationError(_("Der Fall ist abgeschlossen."))


def _details(appointment: Appointment) -> dict[str, object]:
    return {
        "starts_at": appointment.starts_at.isoformat(),
        "ends_at": appointment.ends_at.isoformat(),
        "case": appointment.case.number if appointment.case is not None else None,
        "office_hour": appointment.office_hour,
    }


@transaction.atomic
def appointment_create(
    *,
    by: User,
    worker: User,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    place: str = "",
    case: Case | None = None,
    office_hour: bool = False,
) -> Appointment:
    """A new appointment of ``worker``: with one of their cases, or an office hour."""
    membership = _worker_membership(worker)
    _check(
        membership=membership,
        worker=worker,
        starts_at=starts_at,
        ends_at=ends_at,
        case=case,
        office_hour=office_hour,
        case_changed=True,
    )
    appointment = Appointment.objects.create(
        office_id=membership.office_id,
        worker=worker,
        case=case,
        office_hour=office_hour,
        starts_at=starts_at,
        ends_at=ends_at,
        place=place.strip(),
    )
    audit_record(
        office=membership.office_id,
        actor=by,
        action="appointment.create",
        target_type="appointment",
        target_id=appointment.pk,
        case_id=case.pk if case is not None else None,
        details=_details(appointment),
    )
    return appointment


@transaction.atomic
def appointment_update(
    *,
    by: User,
    appointment: Appointment,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    place: str = "",
    case: Case | None = None,
    office_hour: bool = False,
) -> Appointment:
    """Change time, place, case or office hour of an appointment."""
    membership = _worker_membership(appointment.worker)
    _check(
        membership=membership,
        worker=appointment.worker,
        starts_at=starts_at,
        ends_at=ends_at,
        case=case,
        office_hour=office_hour,
        case_changed=(case.pk if case else None) != appointment.case_id,
    )
    previous_case_id = appointment.case_id
    appointment.starts_at = starts_at
    appointment.ends_at = ends_at
    appointment.place = place.strip()
    appointment.case = case
    appointment.office_hour = office_hour
    appointment.save(update_fields=["starts_at", "ends_at", "place", "case", "office_hour"])
    audit_record(
        office=appointment.office_id,
        actor=by,
        action="appointment.update",
        target_type="appointment",
        target_id=appointment.pk,
        case_id=case.pk if case is not None else previous_case_id,
        details=_details(appointment),
    )
    if previous_case_id is not None and case is not None and previous_case_id != case.pk:
        # The appointment moved to another case: the old case's history says so too.
        audit_record(
            office=appointment.office_id,
            actor=by,
            action="appointment.update",
            target_type="appointment",
            target_id=appointment.pk,
            case_id=previous_case_id,
            details=_details(appointment),
        )
    return appointment


@transaction.atomic
def appointment_delete(*, by: User, appointment: Appointment) -> None:
    details = _details(appointment)
    pk, case_id = appointment.pk, appointment.case_id
    appointment.delete()
    audit_record(
        office=appointment.office_id,
        actor=by,
        action="appointment.delete",
        target_type="appointment",
        target_id=pk,
        case_id=case_id,
        details=details,
    )


def feed_token_for(user: User) -> str:
    """The secret token of the user's calendar feed, created on first use."""
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed.token


@transaction.atomic
def feed_token_renew(*, user: User) -> str:
    """A new secret token: the old feed address stops working at once."""
    membership = _worker_membership(user)
    token = new_feed_token()
    updated = CalendarFeed.objects.filter(user=user).update(token=token)
    if not updated:
        CalendarFeed.objects.create(user=user, token=token)
    audit_record(
        office=membership.office_id,
        actor=user,
        action="calendar_feed.renew",
        target_type="user",
        target_id=user.pk,
    )
    return token


# --- Selectors -----------------------------------------------------------------------------


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week ``day`` is in."""
    return day - dt.timedelta(days=day.weekday())


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def week_of(*, user: User, monday: dt.date) -> QuerySet[Appointment]:
    """The user's appointments from Monday 00:00 to Sunday 24:00 local time (one query)."""
    monday = week_start(monday)
    return (
        Appointment.objects.filter(
            worker_id=user.pk,
            starts_at__gte=_local_midnight(monday),
            starts_at__lt=_local_midnight(monday + dt.timedelta(days=7)),
        )
        .select_related("case")
        .order_by("starts_at", "ends_at")
    )


def appointment_of_worker(*, user: User, appointment_id: uuid.UUID | str) -> Appointment | None:
    """One of the user's own appointments, or None."""
    try:
        return Appointment.objects.select_related("case", "worker").get(
            pk=appointment_id, worker_id=user.pk
        )
    except (Appointment.DoesNotExist, ValueError, ValidationError):
        return None


def feed_owner(token: str) -> User | None:
    """The active social worker or team lead the feed token belongs to, or None."""
    if not token:
        return None
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active or casework_membership(feed.user) is None:
        return None
    return feed.user


def feed_appointments(*, user: User, now: dt.datetime) -> QuerySet[Appointment]:
    """What the calendar feed shows: a month back, half a year ahead (one query)."""
    return (
        Appointment.objects.filter(
            worker_id=user.pk,
            starts_at__gte=now - dt.timedelta(days=FEED_DAYS_BACK),
            starts_at__lt=now + dt.timedelta(days=FEED_DAYS_AHEAD),
        )
        .select_related("case")
        .order_by("starts_at")
    )
