"""The one write of district planning: the number of children under six per district.

It lives here rather than in org because it is audited, and org does not
depend on audit (audit depends on org).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from bruecke.audit.actions import audit_record
from bruecke.org.models import District, Office


@transaction.atomic
def district_children_set(
    *, by: AbstractBaseUser, office: Office, numbers: dict[int, int | None]
) -> list[District]:
    """Set the number of children under six of the office's districts (None: unknown).

    Only districts of ``office`` named in ``numbers`` change; each change is
    audited in the same transaction. Returns the districts that changed.
    """
    if any(number is not None and number < 0 for number in numbers.values()):
        raise ValidationError(_("Bitte geben Sie eine Zahl ab 0 ein."))
    changed = []
    districts = District.objects.filter(office=office, pk__in=list(numbers)).order_by("name")
    for district in districts.select_for_update():
        number = numbers[district.pk]
        if district.children_under_6 == number:
            continue
        before = district.children_under_6
        district.children_under_6 = number
        district.save(update_fields=["children_under_6"])
        audit_record(
            office=office,
            actor=by,
            action="district.children_under_6",
            target_type="district",
            target_id=district.pk,
            details={"before": before, "after": number},
        )
        changed.append(district)
    return changed
