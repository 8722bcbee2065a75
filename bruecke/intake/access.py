"""Who may see which request of the triage queue.

Kita-Sozialarbeit and team leads see every request of their own office: the
queue is shared, so nothing waits unseen when a colleague is away. Everyone
else (coordination, data protection, administration, partners) sees none here;
partners see their own referrals on their own pages. Out-of-reach ids answer
404, never 403.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet
from django.http import Http404

from bruecke.cases.access import CASEWORK_ROLES, casework_membership
from bruecke.intake.models import Request
from bruecke.org.access import role_required

# The triage pages: social workers and team leads of the office.
triage_required = role_required(CASEWORK_ROLES)


def requests_visible_to(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Request]:
    """Every request of the user's office if the user does casework, else none."""
    membership = casework_membership(user)
    if membership is None:
        return Request.objects.none()
    return Request.objects.filter(office_id=membership.office_id)


def get_request_for_user(
    user: AbstractBaseUser | AnonymousUser, request_id: uuid.UUID | str
) -> Request:
    """The request with its district, worker and partner, or 404."""
    try:
        return (
            requests_visible_to(user)
            .select_related(
                "district",
                "assigned_to",
                "partner_organisation",
                "service",
                "case",
                "consent",
                "feedback_consent",
            )
            .get(pk=request_id)
        )
    except (Request.DoesNotExist, ValueError):
        raise Http404 from None
