"""Test data for casework: families and cases created through the real actions."""

from __future__ import annotations

import datetime as dt

from bruecke.cases.actions import case_open
from bruecke.cases.models import Case
from bruecke.people.actions import PersonData, family_create
from bruecke.people.models import Person


def make_case(
    world,
    *,
    worker,
    district,
    name="Yılmaz",
    child_birth=dt.date(2023, 5, 1),
    opened_on=dt.date(2026, 9, 1),
    phone="",
    topics=("gesundheit",),
    covering=None,
) -> Case:
    family = family_create(
        by=worker,
        district=district,
        name=name,
        phone=phone,
        members=[
            PersonData(Person.Role.PARENT, "Ayşe", name),
            PersonData(Person.Role.CHILD, "Emre", name, child_birth, Person.Childcare.KITA),
        ],
    )
    return case_open(
        by=worker,
        family=family,
        district=district,
        assigned_to=worker,
        zugangsweg="kita",
        topics=topics,
        opened_on=opened_on,
        covering=covering,
    )
