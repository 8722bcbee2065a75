"""The shared test base: both offices, and a named user for every role.

Usage::

    class StartPageTests(BaseTestCase):
        def test_it_greets_the_worker(self):
            self.client.force_login(self.worker_hoerde)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

from django.contrib.auth.models import User
from django.test import TestCase

from bruecke.directory.models import Organization, Service
from bruecke.org.actions import office_ensure, staff_user_create
from bruecke.org.models import District, Office, PartnerOrganisation, Role, Team
from bruecke.org.standard import BOCHUM, DORTMUND

PASSWORD = "test-password-123"
ROOT = Path(__file__).resolve().parents[1]


def run_fresh(code: str, tmp_path: Path, **env_vars: str) -> str:
    """Run ``code`` in a new Python process on an empty SQLite database; its output.

    For what only shows in a process of its own: start-up, connections kept
    between requests, the garbage collector. The process has DEBUG on, no
    secret key file and its var folder in ``tmp_path``.
    """
    env = {
        **os.environ,
        "DEBUG": "1",
        "VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'empty.sqlite3'}",
        **env_vars,
    }
    env.pop("SECRET_KEY_FILE", None)
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def log_in(page: Any, base: str, username: str) -> None:
    """Log ``username`` in through the login form of a live server (browser tests)."""
    page.goto(f"{base}/anmelden/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{base}/arbeit/")


class Offers(NamedTuple):
    eb_org: Organization
    eb_service: Service
    free_org: Organization
    free_service: Service


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
    eb_nord: PartnerOrganisation
    worker_hoerde: User
    worker_eving: User
    lead_dortmund: User
    coordinator_dortmund: User
    dpo_dortmund: User
    admin_dortmund: User
    partner_kita: User
    partner_eb: User
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

        world.eb_nord = PartnerOrganisation.objects.create(
            office=world.dortmund,
            name="Erziehungsberatungsstelle Testplatz",
            kind=PartnerOrganisation.Kind.BERATUNGSSTELLE,
            district=world.eving,
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
        world.partner_eb = user(
            "partner_eb", world.dortmund, Role.PARTNER, partner_organisation=world.eb_nord
        )
        world.worker_bochum = user(
            "worker_bochum", world.bochum, Role.SOZIALARBEIT, team=world.team_bochum
        )
        world.lead_bochum = user(
            "lead_bochum", world.bochum, Role.TEAMLEITUNG, team=world.team_bochum
        )
        return world

    def referral_targets(self) -> Offers:
        """Two offers in Dortmund's directory: one of the counselling centre, whose
        staff answer referrals in Brücke (``partner_eb``), and one of a provider
        without accounts. Not part of ``build`` so directory tests count only their own."""
        world = self
        eb_org = Organization.objects.create(
            office=world.dortmund,
            name="Erziehungsberatungsstelle Testplatz",
            kind=Organization.Kind.BERATUNGSSTELLE,
            partner=world.eb_nord,
        )
        eb_service = Service.objects.create(
            office=world.dortmund,
            organization=eb_org,
            name="Erziehungsberatung",
            description="Beratung für Eltern bei Fragen zur Erziehung.",
            kind=Service.Kind.BERATUNG,
            topics=["kindliche-entwicklung"],
        )
        free_org = Organization.objects.create(
            office=world.dortmund, name="Familienbildung Teststraße", kind=Organization.Kind.TRAEGER
        )
        free_service = Service.objects.create(
            office=world.dortmund,
            organization=free_org,
            name="Eltern-Kind-Gruppe",
            description="Eine Gruppe für Eltern mit kleinen Kindern.",
            kind=Service.Kind.GRUPPE,
            topics=["soziale-kontakte"],
        )

        return Offers(eb_org, eb_service, free_org, free_service)

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
