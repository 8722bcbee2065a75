"""Who may see which case (need-to-know). Every case read starts here.

- Kita-Sozialarbeit: the cases assigned to them or covered by them.
- Teamleitung: the cases of their team's districts, and their own.
- Everyone else (coordination, data protection, administration, partners): none.
Nothing crosses offices. Out-of-scope ids answer 404, never 403, so a URL does
not even reveal that a case exists.
"""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from bruecke.cases.models import Case
from bruecke.org.access import membership_with_role
from bruecke.org.models import Membership, Role, Team
from bruecke.people.models import Family

CASEWORK_ROLES = {Role.SOZIALARBEIT, Role.TEAMLEITUNG}


def casework_membership(user: AbstractBaseUser | AnonymousUser) -> Membership | None:
    """The membership if the user does casework, else None."""
    return membership_with_role(user, CASEWORK_ROLES)


def case_scope(membership: Membership) -> Q:
    own = Q(assigned_to_id=membership.user_id) | Q(covering_id=membership.user_id)
    if membership.role == Role.TEAMLEITUNG and membership.team_id is not None:
        team_districts = Team.districts.through.objects.filter(team_id=membership.team_id).values(
            "district_id"
        )
        own |= Q(district_id__in=team_districts)
    return Q(office_id=membership.office_id) & own


def cases_visible_to(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Case]:
    membership = casework_membership(user)
    if membership is None:
        return Case.objects.none()
    return Case.objects.filter(case_scope(membership))


def get_case_for_user(user: AbstractBaseUser | AnonymousUser, case_id: uuid.UUID | str) -> Case:
    try:
        return (
            cases_visible_to(user)
            .select_related("family", "district", "assigned_to", "covering")
            .get(pk=case_id)
        )
    except (Case.DoesNotExist, ValueError):
        raise Http404 from None


def families_visible_to(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Family]:
    """Families with a visible case, and families this worker recorded that have no case yet."""
    membership = casework_membership(user)
    if membership is None:
        return Family.objects.none()
    # EXISTS rather than a join on cases: a family with two cases is one row.
    cases = Case.objects.filter(family=OuterRef("pk"))
    return Family.objects.filter(office_id=membership.office_id, merged_into__isnull=True).filter(
        Exists(cases.filter(case_scope(membership)))
        | (Q(created_by_id=membership.user_id) & ~Exists(cases))
    )


def get_family_for_user(
    user: AbstractBaseUser | AnonymousUser, family_id: uuid.UUID | str
) -> Family:
    try:
        return families_visible_to(user).select_related("district").get(pk=family_id)
    except (Family.DoesNotExist, ValueError):
        raise Http404 from None
