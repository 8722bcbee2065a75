"""A small known data set for the report tests: every number in it is worked out by hand.

Dortmund, first quarter 2026 (the period before: the fourth quarter of 2025):

* Hörde (Team Ost): six families with one child each (born 1 May 2024, so
  one year old on 31 March 2026). Cases opened 10 January 2026 (über Kita,
  Gesundheit), a phone call on 12 January and a counselling session on
  15 February each. Five of them referred (logged) to an offer of a
  provider (Träger) on 20 February.
* Eving (Team Nord): five families with two children each (born 1 March
  2021 and 1 December 2025). Cases opened 3 November 2025 (selbst gemeldet,
  Inklusion/Sprachförderung), a home visit on 5 November 2025, a phone call
  with a Turkish interpreter on 20 January 2026, closed 1 February 2026
  (verzogen): 90 days.
* Brackel (Team Ost): seven anonymous phone consultations on 10 March 2026,
  one of them with an Arabic interpreter.
* Work without a family: five networking meetings in Hörde in January, five
  parent evenings in Eving on 10 February with ten participants each.
* Five requests for contact in Hörde on Monday 5 January 2026 (due Thursday
  8 January), first contact on Wednesday 7 January: two working days.
"""

from __future__ import annotations

import datetime as dt

import time_machine
from django.utils import timezone

from bruecke.cases.actions import (
    anonymous_consultation_add,
    case_close,
    case_open,
    contact_add,
    family_free_work_add,
)
from bruecke.directory.models import Service
from bruecke.intake.actions import contact_attempt_add, request_create
from bruecke.intake.models import Request
from bruecke.people.actions import PersonData, family_create
from bruecke.people.models import Person
from bruecke.referrals.actions import referral_create
from bruecke.referrals.models import Referral

TODAY = dt.datetime(2026, 4, 15, 10, 0, tzinfo=dt.UTC)
Q1 = {"period": "quarter", "year": "2026", "quarter": "1"}
FAMILY_NAMES = ("Ackermann", "Bauer", "Celik", "Dąbrowski", "Eberhardt", "Fischer")


def at(day: dt.date, hour: int = 10) -> time_machine.travel:
    return time_machine.travel(
        timezone.make_aware(dt.datetime.combine(day, dt.time(hour))), tick=False
    )


def build(world) -> None:
    """The data set above, written through the real actions."""
    hoerde, eving = world.hoerde, world.eving
    brackel = world.dortmund.districts.get(name="Brackel")
    worker = world.lead_dortmund
    free_service = Service.objects.filter(office=world.dortmund, name="Eltern-Kind-Gruppe").first()
    if free_service is None:  # built once per world
        free_service = world.referral_targets().free_service
    for n in range(6):
        family = family_create(
            by=worker,
            district=hoerde,
            name=FAMILY_NAMES[n],
            members=[PersonData(Person.Role.CHILD, "Kind", birth_date=dt.date(2024, 5, 1))],
        )
        case = case_open(
            by=worker,
            family=family,
            district=hoerde,
            assigned_to=worker,
            zugangsweg="kita",
            topics=["gesundheit"],
            opened_on=dt.date(2026, 1, 10),
        )
        contact_add(
            by=worker, case=case, date=dt.date(2026, 1, 12), kind="telefon", duration_minutes=15
        )
        contact_add(
            by=worker, case=case, date=dt.date(2026, 2, 15), kind="beratung", duration_minutes=60
        )
        if n < 5:
            with at(dt.date(2026, 2, 20)):
                referral_create(
                    by=worker, case=case, service=free_service, mode=Referral.Mode.LOGGED
                )
    for n in range(5):
        family = family_create(
            by=worker,
            district=eving,
            name=f"Familie Eving {n}",
            members=[
                PersonData(Person.Role.CHILD, "Ältere", birth_date=dt.date(2021, 3, 1)),
                PersonData(Person.Role.CHILD, "Baby", birth_date=dt.date(2025, 12, 1)),
            ],
        )
        case = case_open(
            by=worker,
            family=family,
            district=eving,
            assigned_to=worker,
            zugangsweg="selbst",
            topics=["inklusion/sprachfoerderung"],
            opened_on=dt.date(2025, 11, 3),
        )
        contact_add(
            by=worker, case=case, date=dt.date(2025, 11, 5), kind="hausbesuch", duration_minutes=90
        )
        contact_add(
            by=worker,
            case=case,
            date=dt.date(2026, 1, 20),
            kind="telefon",
            duration_minutes=20,
            interpreter_language="Türkisch",
        )
        case_close(by=worker, case=case, outcome="verzogen", closed_on=dt.date(2026, 2, 1))
    for n in range(7):
        anonymous_consultation_add(
            by=worker,
            district=brackel,
            date=dt.date(2026, 3, 10),
            kind="telefon",
            duration_minutes=10,
            topics=["kinderbetreuung"],
            interpreter_language="Arabisch" if n == 0 else "",
        )
    for n in range(5):
        family_free_work_add(
            by=worker,
            office_id=world.dortmund.pk,
            district=hoerde,
            kind="netzwerktreffen",
            date=dt.date(2026, 1, 20 + n),
            duration_minutes=90,
        )
        family_free_work_add(
            by=worker,
            office_id=world.dortmund.pk,
            district=eving,
            kind="elternabend",
            date=dt.date(2026, 2, 10),
            duration_minutes=90,
            participants=10,
        )
    for n in range(5):
        with at(dt.date(2026, 1, 5)):
            request = request_create(
                office=world.dortmund,
                source=Request.Source.PORTAL,
                first_name=f"Anfrage {n}",
                phone="0231 1234567",
                district=hoerde,
            )
        with at(dt.date(2026, 1, 7)):
            contact_attempt_add(request=request, by=worker, channel="phone", reached=True)
