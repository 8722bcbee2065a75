"""Writes of intake: new requests (public form, tablet, partner referral) and triage."""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bruecke.audit.actions import audit_record
from bruecke.directory.models import Service
from bruecke.intake.models import Request
from bruecke.lib.topics import clean_topics
from bruecke.lib.workdays import add_working_days
from bruecke.org.models import District, Office
from bruecke.referrals.models import Consent

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
