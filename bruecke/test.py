"""The shared test base: both offices, and a named user for every role.

Usage::

    class StartPageTests(BaseTestCase):
        def test_it_greets_the_worker(self):
            self.client.force_login(self.worker_hoerde)
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.test import TestCase

from bruecke.org.actions import office_ensure, staff_user_create
from bruecke.org.models import District, Office, PartnerOrganisation, Role, Team
from bruecke.org.standard import BOCHUM, DORTMUND

PASSWORD = "test-password-123"


class WorldAttributes:
    """Offices, districts, teams and users that every test can rely on."""

    dortmund: Office
    bochum: Office
    hoerde: District
    eving: District
    bochum_mitte: District
    team_ost: Team
    team_nord: Team
    team_bochum: Team
    kita_hoerde: PartnerOrganisation
    worker_hoerde: User
    worker_eving: User
    lead_dortmund: User
    coordinator_dortmund: User
    dpo_dortmund: User
    admin_dortmund: User
    partner_kita: User
    worker_bochum: User
    lead_bochum: User


class World(WorldAttributes):
    @classmethod
    def build(cls) -> World:
        world = cls()
        world.dortmund = office_ensure(spec=DORTMUND)
        world.bochum = office_ensure(spec=BOCHUM)
        world.hoerde = world.dortmund.districts.get(name="Hörde")
        world.eving = world.dortmund.districts.get(name="Eving")
        world.bochum_mitte = world.bochum.districts.get(name="Mitte")
        world.team_ost = world.dortmund.teams.get(name="Team Ost")
        world.team_nord = world.dortmund.teams.get(name="Team Nord")
        world.team_bochum = world.bochum.teams.get(name="Team Mitte-West")
        world.kita_hoerde = PartnerOrganisation.objects.create(
            office=world.dortmund,
            name="Kita Testweg",
            kind=PartnerOrganisation.Kind.KITA,
            district=world.hoerde,
        )

        def user(username: str, office: Office, role: Role, **kwargs: Any) -> User:
            return staff_user_create(  # type: ignore[return-value]
                username=username,
                password=PASSWORD,
                office=office,
                role=role,
                first_name=username.split("_")[0].capitalize(),
                last_name="Test",
                **kwargs,
            )

        world.worker_hoerde = user(
            "worker_hoerde", world.dortmund, Role.SOZIALARBEIT, team=world.team_ost
        )
        world.worker_eving = user(
            "worker_eving", world.dortmund, Role.SOZIALARBEIT, team=world.team_nord
        )
        world.lead_dortmund = user(
            "lead_dortmund", world.dortmund, Role.TEAMLEITUNG, team=world.team_ost
        )
        world.coordinator_dortmund = user("coordinator_dortmund", world.dortmund, Role.KOORDINATION)
        world.dpo_dortmund = user("dpo_dortmund", world.dortmund, Role.DATENSCHUTZ)
        world.admin_dortmund = user("admin_dortmund", world.dortmund, Role.ADMINISTRATION)
        world.partner_kita = user(
            "partner_kita", world.dortmund, Role.PARTNER, partner_organisation=world.kita_hoerde
        )
        world.worker_bochum = user(
            "worker_bochum", world.bochum, Role.SOZIALARBEIT, team=world.team_bochum
        )
        world.lead_bochum = user(
            "lead_bochum", world.bochum, Role.TEAMLEITUNG, team=world.team_bochum
        )
        return world

    def all_users(self) -> dict[str, User]:
        return {name: value for name, value in vars(self).items() if isinstance(value, User)}


class BaseTestCase(WorldAttributes, TestCase):
    """A TestCase with ``self.world`` and every user of it as an attribute."""

    world: World

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.world = World.build()
        for name, value in vars(cls.world).items():
            setattr(cls, name, value)
