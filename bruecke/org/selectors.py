"""Reads for offices and memberships."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from bruecke.org.models import Membership, Office


def membership_for(user: AbstractBaseUser | AnonymousUser) -> Membership | None:
    """The user's membership with office and team, or None (anonymous, or no role yet)."""
    if not user.is_authenticated:
        return None
    try:
        return Membership.objects.select_related("office", "team", "partner_organisation").get(
            user_id=user.pk
        )
    except Membership.DoesNotExist:
        return None


def offices_public() -> QuerySet[Office]:
    """Offices with their public contact data, for the public portal."""
    return Office.objects.order_by("name")
