"""Writes of partner accounts: a partner refers a family, and looks at what became of it.

Looking is a write too: the state of a referred family beyond "received" and
the feedback text are personal data leaving the office, so each look passes
``gate.disclose`` and leaves a row in the transfer log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bruecke.directory.models import Organization
from bruecke.intake.actions import request_create
from bruecke.intake.models import Request
from bruecke.intake.selectors_partner import partner_directory_organisation, request_partner_state
from bruecke.org.models import District, Office, Role
from bruecke.org.selectors import membership_for
from bruecke.referrals.actions import consent_record
from bruecke.referrals.gate import DisclosureRefused, disclose
from bruecke.referrals.models import Consent, DataCategory, Disclosure, Purpose


@transaction.atomic
def partner_referral_create(
    *,
    by: User,
    first_name: str,
    phone: str = "",
    email: str = "",
    language: str = "de",
    preferred_time: str = Request.PreferredTime.ANY,
    district: District | None = None,
    children: str = "",
    topics: Iterable[str] = (),
    message: str = "",
    consent_given_by: str,
    consent_form: str,
    consent_given_on: dt.date,
    consent_categories: Iterable[str],
    consent_evidence: str = "",
    consent_confirmed: bool = True,
    feedback: bool = False,
) -> Request:
    """A partner refers a family to Kita-Sozialarbeit with the family's recorded consent.

    Records the consent to pass the data on (recipient: the partner's office,
    purpose "Weitergabe an die Kita-Sozialarbeit"), optionally a second consent
    to report the state back to the partner, and the request itself — all or
    nothing. The consent must cover every kind of data that is sent.
    """
    membership = membership_for(by)
    if (
        membership is None
        or membership.role != Role.PARTNER
        or membership.partner_organisation_id is None
    ):
        raise ValidationError(_("Nur Partnereinrichtungen können Familien vermitteln."))
    if not consent_confirmed or not consent_given_by.strip():
        raise ValidationError(_("Eine Vermittlung braucht die Einwilligung der Familie."))
    categories = set(consent_categories)
    needed = {DataCategory.KONTAKT: True}
    needed[DataCategory.FAMILIE] = bool(children.strip())
    needed[DataCategory.ANLIEGEN] = bool(list(topics))
    needed[DataCategory.NACHRICHT] = bool(message.strip())
    missing = [c for c, used in needed.items() if used and c not in categories]
    if missing:
        labels = ", ".join(str(DataCategory(c).label) for c in missing)
        raise ValidationError(
            {
                "consent_categories": _(
                    "Die Einwilligung muss alles abdecken, was Sie senden. Es fehlt: %(labels)s. "
                    "Kreuzen Sie es an, wenn die Familie zugestimmt hat, oder lassen Sie die "
                    "Angabe weg."
                )
                % {"labels": labels}
            }
        )
    office = membership.office
    consent = consent_record(
        by=by,
        office=office,
        given_by=consent_given_by,
        purpose=Purpose.ANMELDUNG,
        data_categories=categories,
        form=consent_form,
        given_on=consent_given_on,
        evidence=consent_evidence,
        recipient_office=office,
    )
    feedback_consent = None
    if feedback:
        recipient = partner_directory_organisation(membership)
        if recipient is None:
            raise ValidationError(
                _(
                    "Für Ihre Einrichtung gibt es noch keinen Eintrag im Verzeichnis, deshalb ist "
                    "keine Rückmeldung möglich. Bitte wenden Sie sich an die Koordinierungsstelle."
                )
            )
        feedback_consent = consent_record(
            by=by,
            office=office,
            given_by=consent_given_by,
            purpose=Purpose.RUECKMELDUNG,
            data_categories=[DataCategory.STAND, DataCategory.NACHRICHT],
            form=consent_form,
            given_on=consent_given_on,
            evidence=consent_evidence,
            recipient_organisation=recipient,
        )
    return request_create(
        office=office,
        source=Request.Source.PARTNER,
        first_name=first_name,
        phone=phone,
        email=email,
        language=language,
        preferred_time=preferred_time,
        district=district,
        topics=topics,
        message=message,
        children=children,
        partner_by=by,
        consent=consent,
        feedback_consent=feedback_consent,
    )


@dataclass(frozen=True)
class PartnerView:
    """What the referring partner is shown of one request."""

    # A PartnerState value, or "" when nothing beyond "sent" may be shown.
    state: str
    feedback: str = ""


def partner_requests_view(
    *, by: User, office: Office, recipient: Organization | None, requests: Iterable[Request]
) -> dict[object, PartnerView]:
    """State and feedback of the partner's own requests, each through the gate.

    Requests without a feedback consent (or whose consent no longer covers it)
    show nothing beyond "sent". One transfer-log row per request shown.
    """
    views: dict[object, PartnerView] = {}
    hidden = PartnerView(state="")
    for request in requests:
        if (
            recipient is None
            or request.feedback_consent_id is None
            or request.office_id != office.pk
        ):
            views[request.pk] = hidden
            continue
        categories = [DataCategory.STAND]
        if request.feedback:
            categories.append(DataCategory.NACHRICHT)

        def produce(_log: Disclosure, request: Request = request) -> PartnerView:
            return PartnerView(state=request_partner_state(request), feedback=request.feedback)

        try:
            views[request.pk] = disclose(
                user=by,
                office=office,
                kind=Disclosure.Kind.PARTNER_VIEW,
                consents=Consent.objects.filter(pk=request.feedback_consent_id),
                recipient_organisation=recipient,
                purpose=Purpose.RUECKMELDUNG,
                categories=categories,
                produce=produce,
                request_id=request.pk,
            )
        except DisclosureRefused:
            views[request.pk] = hidden
    return views
