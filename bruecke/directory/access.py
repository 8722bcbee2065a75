"""Who may maintain which directory entries.

Only coordinators (Role.KOORDINATION) maintain the directory, and only the
entries of their own office. Everyone else (social workers, team leads, data
protection, administration, partners) gets nothing here. Out-of-scope ids
answer 404, never 403, as everywhere in Brücke.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404

from bruecke.directory.models import Service
from bruecke.org.access import membership_with_role
from bruecke.org.models import Membership, Role

COORDINATION_ROLES = {Role.KOORDINATION}


def coordinator_membership(user: AbstractBaseUser | AnonymousUser) -> Membership | None:
    """The membership if the user coordinates the directory, else None."""
    return membership_with_role(user, COORDINATION_ROLES)


def services_managed_by(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Service]:
    """The offers of the coordinator's office; none for every other role."""
    membership = coordinator_membership(user)
    if membership is None:
        return Service.objects.none()
    return Service.objects.filter(office_id=membership.office_id)


def get_service_for_coordinator(
    user: AbstractBaseUser | AnonymousUser, service_id: uuid.UUID | str
) -> Service:
    """One offer the coordinator may change, or 404."""
    try:
        return services_managed_by(user).select_related("organization", "office").get(pk=service_id)
    except (Service.DoesNotExist, ValueError, ValidationError):
        raise Http404 from None
