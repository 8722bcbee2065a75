"""Writes for families and people. Each writes its audit event in the same transaction."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from bruecke.audit.actions import audit_record
from bruecke.lib.names import phonetic_key
from bruecke.lib.phone import phone_key
from bruecke.org.models import District
from bruecke.people.models import Family, FamilyNameCode, Person


class StaleEdit(Exception):
    """Someone else saved the record since the form was opened."""

    def __init__(self, current: Any) -> None:
        super().__init__("stale edit")
        self.current = current


@dataclass(frozen=True)
class PersonData:
    role: str
    first_name: str = ""
    last_name: str = ""
    birth_date: dt.date | None = None
    childcare: str = ""
    kita_id: uuid.UUID | None = None


FAMILY_FIELDS = (
    "name",
    "anonymous",
    "street",
    "postal_code",
    "phone",
    "email",
    "languages",
    "interpreter_needed",
    "interpreter_language",
)


def _derive_keys(family: Family) -> None:
    if family.anonymous:
        # Anonymous mode keeps a pseudonym only.
        family.street = family.postal_code = family.phone = family.email = ""
    family.phone_key = phone_key(family.phone)


def family_name_codes(name: str) -> list[str]:
    """The phonetic codes family search finds a family name by, each once, in order.

    >>> family_name_codes("Meyer-Schmitt")
    ['67', '862']
    """
    return list(dict.fromkeys(phonetic_key(name).split()))


def _name_codes_write(family: Family, *, replace: bool) -> None:
    """Write the family's name codes (the index family search reads); ``replace`` the old ones."""
    if replace:
        FamilyNameCode.objects.filter(family_id=family.pk).delete()
    FamilyNameCode.objects.bulk_create(
        FamilyNameCode(office_id=family.office_id, family_id=family.pk, code=code)
        for code in family_name_codes(family.name)
    )


def _person(family: Family, data: PersonData) -> Person:
    person = Person(
        office_id=family.office_id,
        family=family,
        role=data.role,
        first_name=data.first_name.strip(),
        last_name=data.last_name.strip(),
        birth_date=data.birth_date,
        childcare=data.childcare if data.role == Person.Role.CHILD else "",
        kita_id=data.kita_id if data.role == Person.Role.CHILD else None,
    )
    person.first_key = phonetic_key(person.first_name)
    person.last_key = phonetic_key(person.last_name)
    return person


@transaction.atomic
def family_create(
    *, by: User, district: District, members: list[PersonData], **fields: object
) -> Family:
    """Record a family with its members. ``fields`` are the Family fields in FAMILY_FIELDS."""
    unknown = set(fields) - set(FAMILY_FIELDS)
    if unknown:
        raise TypeError(f"unknown family fields: {sorted(unknown)}")
    family = Family(office_id=district.office_id, district=district, created_by=by, **fields)
    _derive_keys(family)
    family.save()
    _name_codes_write(family, replace=False)
    Person.objects.bulk_create([_person(family, data) for data in members])
    audit_record(
        office=family.office_id,
        actor=by,
        action="family.create",
        target_type="family",
        target_id=family.pk,
    )
    return family


@transaction.atomic
def family_update(
    *, by: User, family: Family, version: int, district: District | None = None, **fields: object
) -> Family:
    """Change a family's data; raises StaleEdit when ``version`` is no longer current."""
    for name, value in fields.items():
        if name not in FAMILY_FIELDS:
            raise TypeError(f"unknown family field: {name}")
        setattr(family, name, value)
    changed = set(fields)
    if district is not None:
        if district.office_id != family.office_id:
            raise ValidationError(_("Der Stadtbezirk gehört zu einem anderen Jugendamt."))
        family.district = district
        changed.add("district")
    _derive_keys(family)
    changed |= {"phone_key", "street", "postal_code", "phone", "email"}
    values = {name: getattr(family, name) for name in changed}
    updated = Family.objects.filter(pk=family.pk, version=version).update(
        version=F("version") + 1, **values
    )
    if not updated:
        raise StaleEdit(Family.objects.select_related("district").get(pk=family.pk))
    family.version = version + 1
    if "name" in fields:
        _name_codes_write(family, replace=True)
    audit_record(
        office=family.office_id,
        actor=by,
        action="family.update",
        target_type="family",
        target_id=family.pk,
        details={"fields": sorted(changed - {"phone_key"})},
    )
    return family


@transaction.atomic
def person_add(*, by: User, family: Family, data: PersonData) -> Person:
    person = _person(family, data)
    person.save()
    audit_record(
        office=family.office_id,
        actor=by,
        action="person.add",
        target_type="family",
        target_id=family.pk,
    )
    return person
