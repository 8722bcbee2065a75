"""Writes for offices, districts, teams and memberships."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bruecke.org.models import District, Membership, Office, PartnerOrganisation, Role, Team
from bruecke.org.standard import OfficeSpec


@transaction.atomic
def office_ensure(*, spec: OfficeSpec) -> Office:
    """Create or update an office with its districts and teams from ``spec`` (idempotent)."""
    office, _created = Office.objects.update_or_create(
        slug=spec.slug,
        defaults={
            "name": spec.name,
            "code": spec.code,
            "city": spec.city,
            "street": spec.street,
            "postal_code": spec.postal_code,
            "phone": spec.phone,
            "email": spec.email,
            "website": spec.website,
        },
    )
    districts: dict[str, District] = {}
    for name, active in spec.districts:
        district, _created = District.objects.update_or_create(
            office=office,
            name=name,
            defaults={
                "slug": slugify(name.replace("ö", "oe").replace("ü", "ue")),
                "kita_sozialarbeit": active,
            },
        )
        districts[name] = district
    for team_spec in spec.teams:
        team, _created = Team.objects.get_or_create(office=office, name=team_spec.name)
        team.districts.set([districts[name] for name in team_spec.districts])
    return office


@transaction.atomic
def staff_user_create(
    *,
    username: str,
    password: str | None,
    office: Office,
    role: Role,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    team: Team | None = None,
    partner_organisation: PartnerOrganisation | None = None,
) -> AbstractBaseUser:
    """Create a user with its single membership, checking that nothing crosses offices."""
    if team is not None and team.office_id != office.pk:
        raise ValidationError(_("Das Team gehört zu einem anderen Jugendamt."))
    if partner_organisation is not None and partner_organisation.office_id != office.pk:
        raise ValidationError(_("Die Partnereinrichtung gehört zu einem anderen Jugendamt."))
    if (role == Role.PARTNER) != (partner_organisation is not None):
        raise ValidationError(
            _("Nur Partnerkonten gehören zu einer Partnereinrichtung, und diese immer.")
        )
    user = get_user_model().objects.create_user(
        username=username,
        password=password,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
    Membership.objects.create(
        user=user, office=office, role=role, team=team, partner_organisation=partner_organisation
    )
    return user
