"""Writes of intake: new requests (public form, tablet, partner referral) and triage."""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bruecke.audit.actions import audit_record
from bruecke.cases.access import CASEWORK_ROLES
from bruecke.cases.actions import anonymous_consultation_add, case_open
from bruecke.cases.models import AnonymousConsultation, Case
from bruecke.directory.models import Organization, Service
from bruecke.intake import aggregates
from bruecke.intake.models import ContactAttempt, Request
from bruecke.lib.topics import clean_topics
from bruecke.lib.workdays import add_working_days
from bruecke.org.models import District, Membership, Office, Role
from bruecke.people.actions import PersonData, StaleEdit, family_create, person_add
from bruecke.people.models import Family, Person
from bruecke.referrals.gate import DisclosureRefused, disclose
from bruecke.referrals.models import Consent, DataCategory, Disclosure, Purpose, Referral

# Letters and digits nobody confuses on the phone (no 0/O, 1/I/L, 5/S, 8/B).
REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY234679"


def reference_new() -> str:
    """A short code the family can quote on the phone, for example ``KA-7QX4M2``."""
    return "KA-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def request_create(
    *,
    office: Office,
    source: str,
    first_name: str,
    phone: str = "",
    email: str = "",
    language: str = "de",
    preferred_time: str = Request.PreferredTime.ANY,
    district: District | None = None,
    topics: Iterable[str] = (),
    message: str = "",
    children: str = "",
    service: Service | None = None,
    partner_by: User | None = None,
    consent: Consent | None = None,
    feedback_consent: Consent | None = None,
) -> Request:
    """Store a request for contact and put it into the triage queue with its deadline.

    Either a phone number or an e-mail address is needed: without one, nobody
    can answer. Partner referrals name the partner's user and the consent.
    """
    if not first_name.strip():
        raise ValidationError(_("Bitte geben Sie einen Vornamen oder ein Pseudonym an."))
    if not phone.strip() and not email.strip():
        raise ValidationError(
            _(
                "Bitte geben Sie eine Telefonnummer oder eine E-Mail-Adresse an, damit wir Sie erreichen."
            )
        )
    if district is not None and district.office_id != office.pk:
        raise ValidationError(_("Der Stadtbezirk gehört zu einem anderen Jugendamt."))
    partner_organisation = None
    if source == Request.Source.PARTNER:
        membership = getattr(partner_by, "membership", None)
        if membership is None or membership.partner_organisation_id is None or consent is None:
            raise ValidationError(_("Eine Vermittlung braucht die Einwilligung der Familie."))
        partner_organisation = membership.partner_organisation
    today = timezone.localdate()
    for _attempt in range(5):
        try:
            with transaction.atomic():
                request = Request.objects.create(
                    office=office,
                    reference=reference_new(),
                    source=source,
                    district=district,
                    first_name=first_name.strip(),
                    phone=phone.strip(),
                    email=email.strip(),
                    language=language,
                    preferred_time=preferred_time,
                    topics=clean_topics(topics),
                    message=message.strip(),
                    children=children.strip(),
                    service=service,
                    due_on=add_working_days(today, office.response_days),
                    partner_organisation=partner_organisation,
                    referred_by=partner_by,
                    consent=consent,
                    feedback_consent=feedback_consent,
                )
                aggregates.request_added(request)
                audit_record(
                    office=office,
                    actor=partner_by,
                    action="request.create",
                    target_type="request",
                    target_id=request.pk,
                    details={"source": source},
                )
            return request
        except IntegrityError:
            # Two equal reference codes are rare (26^6); draw again.
            continue
    raise RuntimeError("could not draw a free reference code")


# --- Triage: the queue "Eingang" -------------------------------------------------
#
# Every decision on a request names the version the user saw (optimistic
# locking): when two people act at once, the second gets RequestChanged with
# the current state instead of silently overwriting the first.

OPEN_STATUSES = (Request.Status.NEW, Request.Status.ASSIGNED)


class RequestChanged(StaleEdit):
    """Someone else acted on the request since the page was opened, or it is no longer open."""

    current: Request

    @property
    def message(self) -> str:
        current = self.current
        if not current.is_open:
            return _("Diese Anfrage ist inzwischen erledigt (Stand: „%(status)s“).") % {
                "status": current.get_status_display()
            }
        if current.assigned_to is not None:
            return _(
                "Inzwischen hat jemand anderes diese Anfrage bearbeitet: Sie ist jetzt "
                "%(name)s zugewiesen. Bitte prüfen Sie den neuen Stand."
            ) % {"name": current.assigned_to.get_full_name() or current.assigned_to.get_username()}
        return _(
            "Inzwischen hat jemand anderes diese Anfrage bearbeitet. Bitte prüfen Sie den neuen Stand."
        )


def _request_change(request: Request, *, version: int, **fields: Any) -> None:
    """Apply ``fields`` if the request is still open and at ``version``; bump the version."""
    updated = Request.objects.filter(
        pk=request.pk, version=version, status__in=OPEN_STATUSES
    ).update(version=F("version") + 1, **fields)
    if not updated:
        raise RequestChanged(Request.objects.select_related("assigned_to").get(pk=request.pk))
    for name, value in fields.items():
        setattr(request, name, value)
    request.version = version + 1


def _casework_membership(user: User, office_id: int) -> Membership | None:
    """The user's membership if the user does casework in this office."""
    membership = Membership.objects.filter(user_id=user.pk, office_id=office_id).first()
    if membership is None or membership.role not in CASEWORK_ROLES or not user.is_active:
        return None
    return membership


def _assigned_mail(*, reference: str, district: str, due_on: dt.date, url: str) -> tuple[str, str]:
    """Subject and text of the notice to the assigned worker.

    Nothing about the family: e-mail leaves the office's systems, so it
    carries the reference, district, deadline and a link behind the login only.
    """
    with translation.override("de"):
        subject = _("Brücke: Anfrage %(reference)s ist Ihnen zugewiesen") % {"reference": reference}
        lines = [
            _("Guten Tag,"),
            "",
            _("Ihnen wurde in Brücke eine Anfrage zugewiesen."),
            "",
            _("Kennung: %(reference)s") % {"reference": reference},
            _("Stadtbezirk: %(district)s") % {"district": district},
            _("Bitte melden Sie sich bei der Familie bis: %(due)s") % {"due": f"{due_on:%d.%m.%Y}"},
            "",
            _("Zur Anfrage (nach der Anmeldung): %(url)s") % {"url": url},
            "",
            _("Aus Datenschutzgründen steht in dieser E-Mail nichts über die Familie."),
        ]
    return str(subject), "\n".join(str(line) for line in lines)


@transaction.atomic
def request_assign(
    *, request: Request, by: User, to: User, version: int, detail_url: str = ""
) -> Request:
    """Give an open request to a worker of the office and tell them by e-mail.

    The team lead assigns to anyone in casework; a social worker can only take
    an unassigned request himself ("Ich übernehme"). The e-mail goes out once
    the assignment is saved, and not when someone takes a request himself.
    """
    by_membership = _casework_membership(by, request.office_id)
    if by_membership is None:
        raise ValidationError(_("Nur die Kita-Sozialarbeit dieses Jugendamts kann zuweisen."))
    if _casework_membership(to, request.office_id) is None:
        raise ValidationError(
            _("Diese Person arbeitet nicht in der Kita-Sozialarbeit dieses Jugendamts.")
        )
    if request.version != version or not request.is_open:
        # Stale before anything else: the user decided on a state that is gone.
        raise RequestChanged(Request.objects.select_related("assigned_to").get(pk=request.pk))
    if by_membership.role != Role.TEAMLEITUNG:
        if to.pk != by.pk:
            raise ValidationError(_("Nur die Teamleitung kann Anfragen anderen zuweisen."))
        if request.assigned_to_id not in (None, by.pk):
            raise ValidationError(
                _(
                    "Diese Anfrage ist schon jemand anderem zugewiesen. "
                    "Bitte sprechen Sie mit Ihrer Teamleitung."
                )
            )
    before = request.assigned_to_id
    _request_change(
        request,
        version=version,
        status=Request.Status.ASSIGNED,
        assigned_to=to,
        assigned_at=timezone.now(),
    )
    audit_record(
        office=request.office_id,
        actor=by,
        action="request.assign",
        target_type="request",
        target_id=request.pk,
        details={"from": before, "to": to.pk},
    )
    if to.pk != by.pk and to.email:
        subject, body = _assigned_mail(
            reference=request.reference,
            district=request.district.name if request.district else _("ohne Angabe"),
            due_on=request.due_on,
            url=detail_url or reverse("intake:detail", args=[request.pk]),
        )
        recipient = to.email
        # After the commit only: a rolled-back assignment sends nothing. A mail
        # server that is down must not undo the assignment (robust).
        transaction.on_commit(
            lambda: send_mail(subject, body, None, [recipient]),
            robust=True,
        )
    return request


@transaction.atomic
def contact_attempt_add(
    *, request: Request, by: User, channel: str, reached: bool, note: str = ""
) -> ContactAttempt:
    """Record one try to reach the family; the first sets ``first_contact_at``.

    Attempts are facts, so two colleagues recording one each at the same time
    is fine and needs no version check.
    """
    if not Request.objects.filter(pk=request.pk, status__in=OPEN_STATUSES).exists():
        raise ValidationError(_("Diese Anfrage ist bereits erledigt."))
    if channel not in ContactAttempt.Channel.values:
        raise ValidationError(_("Bitte wählen Sie, wie Sie es versucht haben."))
    attempt = ContactAttempt.objects.create(
        request=request, by=by, channel=channel, reached=reached, note=note.strip()
    )
    # The first attempt answers the request (the report's response time).
    with aggregates.tracking_requests([request.pk]):
        Request.objects.filter(pk=request.pk, first_contact_at__isnull=True).update(
            first_contact_at=attempt.at
        )
    if reached:
        Request.objects.filter(pk=request.pk, reached_at__isnull=True).update(reached_at=attempt.at)
    request.refresh_from_db(fields=["first_contact_at", "reached_at"])
    audit_record(
        office=request.office_id,
        actor=by,
        action="request.attempt",
        target_type="request",
        target_id=request.pk,
        details={"channel": channel, "reached": reached},
    )
    return attempt


@transaction.atomic
def request_to_case(
    *,
    request: Request,
    by: User,
    version: int,
    family: Family | None,
    district: District,
    zugangsweg: str,
    topics: Iterable[str],
    opened_on: dt.date,
    name: str = "",
    phone: str = "",
    email: str = "",
    languages: str = "",
    add_person: bool = True,
) -> Case:
    """Open a case from a request: for an existing ``family`` or a new one from the given data.

    One transaction: family, person, case and the request's new state are
    saved together or not at all. The case goes to the request's worker (or
    to ``by`` if nobody was assigned).
    """
    # Claim the request first, so a second person converting at the same time waits and then fails.
    _request_change(request, version=version)
    person = PersonData(Person.Role.PARENT, request.first_name) if add_person else None
    if family is None:
        if not name.strip():
            raise ValidationError(_("Bitte geben Sie einen Namen oder ein Pseudonym an."))
        family = family_create(
            by=by,
            district=district,
            members=[person] if person else [],
            name=name.strip(),
            phone=phone.strip(),
            email=email.strip(),
            languages=languages.strip(),
        )
        existing = False
    else:
        if family.office_id != request.office_id or family.merged_into_id is not None:
            raise ValidationError(_("Diese Familie kann hier nicht gewählt werden."))
        known = family.members.filter(first_name__iexact=request.first_name.strip()).exists()
        if person and not known:
            person_add(by=by, family=family, data=person)
        existing = True
    case = case_open(
        by=by,
        family=family,
        district=district,
        assigned_to=request.assigned_to or by,
        zugangsweg=zugangsweg,
        topics=topics,
        opened_on=opened_on,
    )
    now = timezone.now()
    Request.objects.filter(pk=request.pk).update(
        status=Request.Status.CASE, case=case, closed_at=now
    )
    request.status, request.case, request.closed_at = Request.Status.CASE, case, now
    audit_record(
        office=request.office_id,
        actor=by,
        action="request.case",
        target_type="request",
        target_id=request.pk,
        details={"case": str(case.pk), "existing_family": existing},
    )
    return case


@transaction.atomic
def request_anonymous(
    *,
    request: Request,
    by: User,
    version: int,
    district: District,
    date: dt.date,
    kind: str,
    duration_minutes: int,
    topics: Iterable[str] = (),
    interpreter_language: str = "",
) -> AnonymousConsultation:
    """Count the request as an anonymous one-off consultation; the request is done."""
    if district.office_id != request.office_id:
        raise ValidationError(_("Der Stadtbezirk gehört zu einem anderen Jugendamt."))
    _request_change(
        request, version=version, status=Request.Status.ANONYMOUS, closed_at=timezone.now()
    )
    consultation = anonymous_consultation_add(
        by=by,
        district=district,
        date=date,
        kind=kind,
        duration_minutes=duration_minutes,
        topics=topics,
        interpreter_language=interpreter_language,
    )
    audit_record(
        office=request.office_id,
        actor=by,
        action="request.anonymous",
        target_type="request",
        target_id=request.pk,
        details={"consultation": consultation.pk},
    )
    return consultation


@transaction.atomic
def request_close(
    *, request: Request, by: User, version: int, reason: str, note: str = ""
) -> Request:
    """Close a request without a case, with a reason (not reached, no need, ...)."""
    if reason not in Request.CloseReason.values:
        raise ValidationError(_("Bitte wählen Sie einen Grund."))
    # Spam and duplicates leave the report's numbers.
    with aggregates.tracking_requests([request.pk]):
        _request_change(
            request,
            version=version,
            status=Request.Status.CLOSED,
            close_reason=reason,
            close_note=note.strip(),
            closed_at=timezone.now(),
        )
    audit_record(
        office=request.office_id,
        actor=by,
        action="request.close",
        target_type="request",
        target_id=request.pk,
        details={"reason": reason},
    )
    return request


def request_feedback_give(*, request: Request, by: User, text: str) -> Request:
    """Send a short feedback to the partner who referred the family, through the gate.

    Only with the family's consent to feedback (recorded with the referral);
    raises DisclosureRefused with what is missing otherwise.
    """
    text = text.strip()
    if not text:
        raise ValidationError(_("Bitte schreiben Sie eine kurze Rückmeldung."))
    if len(text) > 500:
        raise ValidationError(_("Die Rückmeldung darf höchstens 500 Zeichen lang sein."))
    if request.source != Request.Source.PARTNER or request.partner_organisation_id is None:
        raise ValidationError(_("Nur eine Partnerstelle, die vermittelt hat, bekommt Rückmeldung."))
    if request.feedback_consent_id is None:
        raise DisclosureRefused(
            [_("Die Familie hat keiner Rückmeldung an die Partnerstelle zugestimmt.")]
        )
    recipient = Organization.objects.filter(
        office_id=request.office_id, partner_id=request.partner_organisation_id
    ).first()
    if recipient is None:
        raise DisclosureRefused(
            [
                _(
                    "Die Partnerstelle ist nicht im Verzeichnis der Angebote eingetragen. "
                    "Bitte wenden Sie sich an die Koordination."
                )
            ]
        )

    def produce(log: Disclosure) -> Request:
        now = timezone.now()
        Request.objects.filter(pk=request.pk).update(feedback=text, feedback_at=now)
        request.feedback, request.feedback_at = text, now
        audit_record(
            office=request.office_id,
            actor=by,
            action="request.feedback",
            target_type="request",
            target_id=request.pk,
            details={"disclosure": log.pk},
        )
        return request

    return disclose(
        user=by,
        office=Office.objects.get(pk=request.office_id),
        kind=Disclosure.Kind.FEEDBACK,
        consents=Consent.objects.filter(pk=request.feedback_consent_id),
        recipient_organisation=recipient,
        purpose=Purpose.RUECKMELDUNG,
        categories=[DataCategory.STAND, DataCategory.NACHRICHT],
        produce=produce,
        request_id=request.pk,
    )


@dataclass
class PurgeResult:
    requests: int = 0
    attempts: int = 0
    consents: int = 0


# Requests deleted per transaction: keeps each write short and the id lists small.
PURGE_BATCH = 500


def requests_purge(*, now: dt.datetime | None = None) -> PurgeResult:
    """Delete requests that did not become a case after ``INTAKE_RETENTION_DAYS``.

    With them go their contact attempts and the consents recorded with them,
    unless a case, a referral, a disclosure or another request still relies on
    such a consent. Each office's audit trail gets the counts (never content).
    """
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.INTAKE_RETENTION_DAYS)
    result = PurgeResult()
    while True:
        with transaction.atomic():
            rows = list(
                Request.objects.filter(case__isnull=True, created_at__lt=cutoff)
                .order_by("created_at")
                .values_list("pk", "office_id", "consent_id", "feedback_consent_id")[:PURGE_BATCH]
            )
            if not rows:
                return result
            ids = [row[0] for row in rows]
            consent_ids = {c for row in rows for c in row[2:] if c is not None}
            per_office: dict[int, int] = {}
            for row in rows:
                per_office[row[1]] = per_office.get(row[1], 0) + 1
            _total, counts = Request.objects.filter(pk__in=ids).delete()
            attempts = counts.get(ContactAttempt._meta.label, 0)
            still_used = (
                Exists(Request.objects.filter(consent_id=OuterRef("pk")))
                | Exists(Request.objects.filter(feedback_consent_id=OuterRef("pk")))
                | Exists(Disclosure.objects.filter(consent_id=OuterRef("pk")))
                | Exists(Referral.objects.filter(consent_id=OuterRef("pk")))
            )
            orphans = Consent.objects.filter(pk__in=consent_ids, case__isnull=True).exclude(
                still_used
            )
            orphan_offices = dict(orphans.values_list("pk", "office_id"))
            consents = orphans.retention_delete()
            for office_id, count in per_office.items():
                audit_record(
                    office=office_id,
                    actor=None,
                    action="request.purge",
                    target_type="office",
                    target_id=office_id,
                    details={
                        "requests": count,
                        "consents": sum(1 for o in orphan_offices.values() if o == office_id),
                        "retention_days": settings.INTAKE_RETENTION_DAYS,
                    },
                )
            result.requests += len(ids)
            result.attempts += attempts
            result.consents += consents
