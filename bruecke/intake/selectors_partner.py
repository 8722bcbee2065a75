"""Reads for partner accounts: their own referrals to Kita-Sozialarbeit and their inbox.

Every query starts from the partner's membership (office and partner
organisation), so a partner never reaches another partner's or another
office's records. Objects out of reach answer 404.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bruecke.cases.models import Case
from bruecke.directory.models import Organization
from bruecke.intake.models import Request
from bruecke.org.models import Membership
from bruecke.referrals.gate import consent_gaps
from bruecke.referrals.models import (
    OPEN_STATUSES,
    Consent,
    ConsentRevocation,
    Purpose,
    Referral,
)

# How many rows one page of a partner list shows.
PAGE_SIZE = 20


class PartnerState:
    """What a referring partner is told about a request (received, in contact, closed)."""

    RECEIVED = "eingegangen"
    IN_CONTACT = "in_kontakt"
    CLOSED = "abgeschlossen"

    LABELS: dict[str, Promise] = {
        RECEIVED: _("eingegangen"),
        IN_CONTACT: _("in Kontakt"),
        CLOSED: _("abgeschlossen"),
    }


def request_partner_state(request: Request) -> str:
    """The state of a request in the partner's three words; needs ``request.case`` loaded.

    This is personal data of the family beyond "received": show it only through the gate.
    """
    status = request.status
    if status in (Request.Status.ANONYMOUS, Request.Status.CLOSED):
        return PartnerState.CLOSED
    if status == Request.Status.CASE:
        case = request.case
        if case is not None and case.status == Case.Status.CLOSED:
            return PartnerState.CLOSED
        return PartnerState.IN_CONTACT
    if request.reached_at is not None:
        return PartnerState.IN_CONTACT
    return PartnerState.RECEIVED


def partner_directory_organisation(membership: Membership) -> Organization | None:
    """The directory entry of the partner's institution: the recipient of feedback and referrals."""
    if membership.partner_organisation_id is None:
        return None
    return Organization.objects.filter(
        office_id=membership.office_id, partner_id=membership.partner_organisation_id
    ).first()


def partner_requests(membership: Membership) -> QuerySet[Request]:
    """The requests this partner's institution sent to Kita-Sozialarbeit, newest first."""
    if membership.partner_organisation_id is None:
        return Request.objects.none()
    return (
        Request.objects.filter(
            office_id=membership.office_id,
            partner_organisation_id=membership.partner_organisation_id,
        )
        .select_related("case")
        # The id keeps pages stable when two requests arrive in the same instant.
        .order_by("-created_at", "-id")
    )


def inbox_scope(membership: Membership) -> QuerySet[Referral]:
    """Live referrals to the partner's institution; every inbox read starts here."""
    if membership.partner_organisation_id is None:
        return Referral.objects.none()
    return Referral.objects.filter(
        office_id=membership.office_id,
        mode=Referral.Mode.LIVE,
        organisation__partner_id=membership.partner_organisation_id,
    )


def partner_inbox(membership: Membership, *, open_only: bool | None = None) -> QuerySet[Referral]:
    """The inbox list, newest first, with only the fields the list may show.

    ``open_only``: True for referrals still waiting or running, False for the
    finished ones, None for all.
    """
    referrals = inbox_scope(membership)
    if open_only is True:
        referrals = referrals.filter(status__in=OPEN_STATUSES)
    elif open_only is False:
        referrals = referrals.exclude(status__in=OPEN_STATUSES)
    # No case or family data here: the list is not a disclosure.
    return (
        referrals.select_related("service")
        .only("id", "created_at", "status", "answer_by", "service__name")
        .order_by("-created_at", "-id")
    )


def get_inbox_referral(membership: Membership, referral_id: uuid.UUID | str) -> Referral:
    """One referral of the partner's inbox, or 404."""
    try:
        return (
            inbox_scope(membership)
            .select_related("organisation", "office", "service", "redirected_to")
            .get(pk=referral_id)
        )
    except (Referral.DoesNotExist, ValueError):
        raise Http404 from None


def referral_consent_covers(referral: Referral) -> bool:
    """Whether the referral's consent still covers it today (a check only, nothing is logged)."""
    if referral.consent_id is None:
        return False
    consent = Consent.objects.filter(pk=referral.consent_id, office_id=referral.office_id).first()
    if consent is None:
        return False
    gaps = consent_gaps(
        consent,
        recipient_organisation=referral.organisation,
        recipient_office=None,
        purpose=Purpose.VERMITTLUNG,
        categories=referral.data_categories,
        day=timezone.localdate(),
        revoked=ConsentRevocation.objects.filter(consent_id=consent.pk).exists(),
    )
    return not gaps


@dataclass(frozen=True)
class PartnerCounts:
    requests: int
    inbox_open: int


def partner_counts(membership: Membership) -> PartnerCounts:
    """Numbers for the partner's start page."""
    return PartnerCounts(
        requests=partner_requests(membership).count(),
        inbox_open=partner_inbox(membership, open_only=True).count(),
    )
