"""Writes of the referral network: consents, referrals and their closed loop.

Every outbound flow of personal data passes ``gate.disclose``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from bruecke.audit.actions import audit_record
from bruecke.cases.models import Case
from bruecke.directory.models import Organization, Service
from bruecke.lib.school import age_in_years
from bruecke.lib.topics import TOPIC_LABELS
from bruecke.lib.workdays import add_working_days
from bruecke.org.models import Membership, Office, Role
from bruecke.org.selectors import membership_for
from bruecke.people.models import Person
from bruecke.referrals import aggregates
from bruecke.referrals.gate import disclose
from bruecke.referrals.models import (
    Consent,
    DataCategory,
    Disclosure,
    Purpose,
    Referral,
    ReferralEvent,
)

S = Referral.Status

# The closed loop: from each state, where a referral may go next.
TRANSITIONS: dict[str, frozenset[str]] = {
    S.LOGGED: frozenset({S.CLOSED, S.ERROR}),
    S.SENT: frozenset(
        {S.OPENED, S.ACCEPTED, S.DECLINED, S.REDIRECTED, S.WITHDRAWN, S.EXPIRED, S.ERROR}
    ),
    S.OPENED: frozenset({S.ACCEPTED, S.DECLINED, S.REDIRECTED, S.WITHDRAWN, S.EXPIRED, S.ERROR}),
    S.ACCEPTED: frozenset({S.IN_CONTACT, S.ON_HOLD, S.CLOSED, S.WITHDRAWN, S.ERROR}),
    S.IN_CONTACT: frozenset({S.ON_HOLD, S.CLOSED, S.WITHDRAWN, S.ERROR}),
    S.ON_HOLD: frozenset({S.IN_CONTACT, S.CLOSED, S.WITHDRAWN, S.ERROR}),
}
# What the receiving partner decides (a worker records it when the partner has no accounts).
PARTNER_STEPS = frozenset(
    {S.OPENED, S.ACCEPTED, S.DECLINED, S.REDIRECTED, S.IN_CONTACT, S.ON_HOLD, S.CLOSED}
)
# What only the office decides.
WORKER_STEPS = frozenset({S.WITHDRAWN, S.ERROR})


def consent_record(
    *,
    by: User,
    office: Office,
    given_by: str,
    purpose: str,
    data_categories: Iterable[str],
    form: str,
    given_on: dt.date,
    valid_from: dt.date | None = None,
    valid_until: dt.date | None = None,
    evidence: str = "",
    case: Case | None = None,
    persons: Iterable[Person] = (),
    recipient_organisation: Organization | None = None,
    recipient_office: Office | None = None,
) -> Consent:
    """Record a family's consent; it is never changed afterwards, only revoked."""
    categories = sorted(set(data_categories))
    if not categories:
        raise ValidationError(_("Bitte wählen Sie mindestens eine Art von Daten."))
    if not set(categories) <= set(DataCategory.values):
        raise ValidationError(_("Unbekannte Art von Daten."))
    if (recipient_organisation is None) == (recipient_office is None):
        raise ValidationError(_("Bitte wählen Sie genau einen Empfänger."))
    if recipient_organisation is not None and recipient_organisation.office_id != office.pk:
        raise ValidationError(_("Der Empfänger gehört zu einem anderen Jugendamt."))
    if case is not None and case.office_id != office.pk:
        raise ValidationError(_("Der Fall gehört zu einem anderen Jugendamt."))
    valid_from = valid_from or given_on
    if valid_until is not None and valid_until < valid_from:
        raise ValidationError(_("„Gültig bis“ liegt vor „Gültig ab“."))
    if given_on > timezone.localdate():
        raise ValidationError(_("Das Datum der Einwilligung liegt in der Zukunft."))
    people = list(persons)
    if case is not None and any(p.family_id != case.family_id for p in people):
        raise ValidationError(_("Die Personen gehören nicht zu dieser Familie."))
    with transaction.atomic():
        consent = Consent.objects.create(
            office=office,
            case=case,
            given_by=given_by.strip(),
            recipient_organisation=recipient_organisation,
            recipient_office=recipient_office,
            purpose=purpose,
            data_categories=categories,
            form=form,
            given_on=given_on,
            valid_from=valid_from,
            valid_until=valid_until,
            evidence=evidence.strip(),
            recorded_by=by,
        )
        if people:
            consent.persons.set(people)
        audit_record(
            office=office,
            actor=by,
            action="consent.record",
            target_type="consent",
            target_id=consent.pk,
            case_id=case.pk if case else None,
            details={"purpose": purpose, "categories": categories},
        )
    return consent


def case_consents(case: Case) -> QuerySet[Consent]:
    """The consents that belong to a case, also one recorded with the request it came from."""
    from django.db.models import Q

    # A subquery, not a join: no duplicates, so no DISTINCT, which PostgreSQL
    # refuses together with the gate's FOR UPDATE.
    from_request = Consent.objects.filter(intake_requests__case=case).values("pk")
    return Consent.objects.filter(Q(case=case) | Q(pk__in=from_request))


def partner_has_accounts(organisation: Organization) -> bool:
    """True when people of the receiving organisation answer referrals in Brücke themselves.

    Remembered on the instance: a referral page asks once per possible step.
    """
    cached: bool | None = getattr(organisation, "_has_partner_accounts", None)
    if cached is None:
        cached = (
            organisation.partner_id is not None
            and Membership.objects.filter(partner_organisation_id=organisation.partner_id).exists()
        )
        organisation._has_partner_accounts = cached  # type: ignore[attr-defined]
    return cached


def referral_create(
    *,
    by: User,
    case: Case,
    service: Service,
    mode: str,
    data_categories: Iterable[str] = (),
    message: str = "",
) -> Referral:
    """Refer a case to an offer: logged (nothing leaves) or live (through the gate).

    A live referral without a covering consent raises ``DisclosureRefused``
    and leaves nothing behind.
    """
    if case.status != Case.Status.OPEN:
        raise ValidationError(_("Der Fall ist abgeschlossen."))
    if service.office_id != case.office_id:
        raise ValidationError(_("Das Angebot gehört zu einem anderen Jugendamt."))
    organisation = service.organization
    with transaction.atomic():
        if mode == Referral.Mode.LOGGED:
            referral = Referral.objects.create(
                office_id=case.office_id,
                case=case,
                service=service,
                organisation=organisation,
                mode=mode,
                status=S.LOGGED,
                message=message.strip(),
                created_by=by,
            )
        else:
            categories = sorted(set(data_categories) | {DataCategory.KONTAKT})
            referral = Referral(
                office_id=case.office_id,
                case=case,
                service=service,
                organisation=organisation,
                mode=Referral.Mode.LIVE,
                status=S.SENT,
                data_categories=categories,
                message=message.strip(),
                answer_by=add_working_days(timezone.localdate(), _answer_days()),
                created_by=by,
            )

            def send(log: Disclosure) -> Referral:
                # The log row names the referral before it is written; both
                # foreign keys are checked at commit.
                referral.consent_id = log.consent_id
                referral.save(force_insert=True)
                return referral

            disclose(
                user=by,
                office=case.office,
                kind=Disclosure.Kind.LIVE_REFERRAL,
                consents=case_consents(case),
                recipient_organisation=organisation,
                purpose=Purpose.VERMITTLUNG,
                categories=categories,
                produce=send,
                referral_id=referral.pk,
            )
        ReferralEvent.objects.create(referral=referral, to_status=referral.status, by=by)
        aggregates.referral_added(referral)
        audit_record(
            office=case.office_id,
            actor=by,
            action="referral.create",
            target_type="referral",
            target_id=referral.pk,
            case_id=case.pk,
            details={"mode": referral.mode, "service": str(service.pk)},
        )
    return referral


def _answer_days() -> int:
    return int(settings.REFERRAL_ANSWER_DAYS)


def referral_may_step(referral: Referral, user: User, to: str) -> bool:
    """Whether ``user`` may move ``referral`` to ``to`` now (state and role)."""
    if to not in TRANSITIONS.get(referral.status, frozenset()):
        return False
    membership = membership_for(user)
    if membership is None or membership.office_id != referral.office_id:
        return False
    if membership.role == Role.PARTNER:
        org = referral.organisation
        return (
            to in PARTNER_STEPS
            and org.partner_id is not None
            and org.partner_id == membership.partner_organisation_id
        )
    if membership.role not in (Role.SOZIALARBEIT, Role.TEAMLEITUNG):
        return False
    if to in WORKER_STEPS or referral.mode == Referral.Mode.LOGGED:
        return True
    # The worker records the partner's answer only where the partner has no accounts.
    return to in PARTNER_STEPS and not partner_has_accounts(referral.organisation)


def referral_step(
    *,
    referral: Referral,
    by: User,
    to: str,
    note: str = "",
    decline_reason: str = "",
    outcome: str = "",
    redirected_to: Service | None = None,
) -> Referral:
    """Move a referral one step along its closed loop and record who did it."""
    with transaction.atomic():
        locked = (
            Referral.objects.select_for_update().select_related("organisation").get(pk=referral.pk)
        )
        if not referral_may_step(locked, by, to):
            raise PermissionDenied(_("Dieser Schritt ist jetzt nicht möglich."))
        if to == S.DECLINED and not decline_reason.strip():
            raise ValidationError(_("Bitte geben Sie einen Grund für die Ablehnung an."))
        if to == S.CLOSED and not outcome:
            raise ValidationError(_("Bitte wählen Sie ein Ergebnis."))
        if redirected_to is not None and redirected_to.office_id != locked.office_id:
            raise ValidationError(_("Das Angebot gehört zu einem anderen Jugendamt."))
        membership = membership_for(by)
        on_behalf = (
            to in PARTNER_STEPS and membership is not None and membership.role != Role.PARTNER
        )
        previous = locked.status
        locked.status = to
        fields = ["status", "updated_at"]
        if to == S.DECLINED:
            locked.decline_reason = decline_reason.strip()
            fields.append("decline_reason")
        if to == S.CLOSED:
            locked.outcome = outcome
            fields.append("outcome")
        if to == S.REDIRECTED:
            locked.redirected_to = redirected_to
            fields.append("redirected_to")
        # The report counts referrals by state and outcome.
        with aggregates.tracking_referrals([locked.pk]):
            locked.save(update_fields=fields)
        ReferralEvent.objects.create(
            referral=locked,
            from_status=previous,
            to_status=to,
            by=by,
            on_behalf=on_behalf and locked.mode == Referral.Mode.LIVE,
            note=note.strip()[:500],
        )
        audit_record(
            office=locked.office_id,
            actor=by,
            action="referral.step",
            target_type="referral",
            target_id=locked.pk,
            case_id=locked.case_id,
            details={"from": previous, "to": to},
        )
    return locked


def referrals_expire(*, today: dt.date | None = None) -> int:
    """Mark live referrals the partner did not answer in time as expired; returns how many."""
    today = today or timezone.localdate()
    count = 0
    waiting = Referral.objects.filter(status__in=[S.SENT, S.OPENED], answer_by__lt=today)
    for referral in waiting.iterator():
        with transaction.atomic(), aggregates.tracking_referrals([referral.pk]):
            updated = Referral.objects.filter(pk=referral.pk, status__in=[S.SENT, S.OPENED]).update(
                status=S.EXPIRED, updated_at=timezone.now()
            )
            if updated:
                ReferralEvent.objects.create(
                    referral_id=referral.pk, from_status=referral.status, to_status=S.EXPIRED
                )
                audit_record(
                    office=referral.office_id,
                    actor=None,
                    action="referral.step",
                    target_type="referral",
                    target_id=referral.pk,
                    case_id=referral.case_id,
                    details={"from": referral.status, "to": S.EXPIRED},
                )
                count += 1
    return count


def referral_partner_view(*, referral: Referral, by: User) -> dict[str, Any]:
    """What the receiving partner may see of a referral, through the gate.

    Opening it for the first time marks a sent referral as opened. Raises
    ``DisclosureRefused`` when the consent no longer covers it (revoked or expired).
    """
    case = referral.case
    family = case.family

    def payload(log: Disclosure) -> dict[str, Any]:
        data: dict[str, Any] = {"categories": referral.data_categories}
        wanted = {DataCategory.KONTAKT, DataCategory.FAMILIE} & set(referral.data_categories)
        members = list(family.members.all()) if wanted else []  # names and ages, one query
        if DataCategory.KONTAKT in referral.data_categories:
            parents = [p for p in members if p.role != Person.Role.CHILD]
            data["names"] = ", ".join(f"{p.first_name} {p.last_name}".strip() for p in parents)
            data["family_name"] = family.name
            data["phone"] = family.phone
            data["email"] = family.email
            data["languages"] = family.languages
        if DataCategory.FAMILIE in referral.data_categories:
            today = timezone.localdate()
            data["children"] = [
                age_in_years(p.birth_date, today)
                for p in members
                if p.role == Person.Role.CHILD and p.birth_date
            ]
        if DataCategory.ANLIEGEN in referral.data_categories:
            data["topics"] = [str(TOPIC_LABELS.get(t, t)) for t in case.topics]
        if DataCategory.NACHRICHT in referral.data_categories:
            data["message"] = referral.message
        return data

    with transaction.atomic():
        data = disclose(
            user=by,
            office=referral.office,
            kind=Disclosure.Kind.PARTNER_VIEW,
            # A logged referral has no consent: the gate refuses it.
            consents=(
                Consent.objects.filter(pk=referral.consent_id)
                if referral.consent_id
                else Consent.objects.none()
            ),
            recipient_organisation=referral.organisation,
            purpose=Purpose.VERMITTLUNG,
            categories=referral.data_categories,
            produce=payload,
            referral_id=referral.pk,
        )
        if referral.status == S.SENT and referral_may_step(referral, by, S.OPENED):
            referral_step(referral=referral, by=by, to=S.OPENED)
            referral.status = S.OPENED
    return data
