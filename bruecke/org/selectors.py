"""Reads for offices and memberships."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from bruecke.org.models import Membership, Office


def membership_for(user: AbstractBaseUser | AnonymousUser) -> Membership | None:
    """The user's membership with office and team, or None (anonymous, or no role yet)."""
    if not user.is_authenticated:
        return None
    # Cached on the user object, which lives as long as the request.
    cached: Membership | bool | None = getattr(user, "_bruecke_membership", False)
    if cached is not False:
        return cached  # type: ignore[return-value]
    try:
        membership: Membership | None = Membership.objects.select_related(
            "office", "team", "partner_organisation"
        ).get(user_id=user.pk)
    except Membership.DoesNotExist:
        membership = None
    user._bruecke_membership = membership  # type: ignore[attr-defined]
    return membership


def offices_public() -> QuerySet[Office]:
    """Offices with their public contact data, for the public portal."""
    return Office.objects.order_by("name")
