"""Who may see which consent and referral (worker side).

Both hang on a case: whoever may see the case (``cases.access``) may see its
consents and referrals, nobody else. Out-of-reach ids answer 404.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import Http404

from bruecke.cases.access import cases_visible_to
from bruecke.cases.models import Case
from bruecke.referrals.actions import case_consents
from bruecke.referrals.models import Consent, Referral


def get_consent_for_case(case: Case, consent_id: uuid.UUID | str) -> Consent:
    """A consent of ``case`` (the case itself was fetched through ``get_case_for_user``)."""
    try:
        return (
            case_consents(case)
            .select_related("recipient_organisation", "recipient_office", "recorded_by")
            .get(pk=consent_id)
        )
    except (Consent.DoesNotExist, ValueError):
        raise Http404 from None


def get_referral_for_user(
    user: AbstractBaseUser | AnonymousUser, referral_id: uuid.UUID | str
) -> Referral:
    """A referral of a case the user may see, with what its page shows; else 404."""
    try:
        return (
            Referral.objects.filter(case__in=cases_visible_to(user))
            .select_related(
                "case",
                "case__family",
                "service",
                # referral_may_step asks whether the partner has accounts.
                "organisation__partner",
                "consent",
                "redirected_to",
                "created_by",
            )
            .get(pk=referral_id)
        )
    except (Referral.DoesNotExist, ValueError):
        raise Http404 from None
