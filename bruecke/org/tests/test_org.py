from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from bruecke.org.actions import office_ensure, staff_user_create
from bruecke.org.models import Membership, Role
from bruecke.org.standard import DORTMUND
from bruecke.test import BaseTestCase


class OfficeFixtureTests(BaseTestCase):
    def test_dortmund_has_twelve_districts_and_eight_model_districts(self):
        assert self.dortmund.districts.count() == 12
        active = set(
            self.dortmund.districts.filter(kita_sozialarbeit=True).values_list("name", flat=True)
        )
        assert active == {
            "Brackel",
            "Eving",
            "Hörde",
            "Innenstadt-Nord",
            "Innenstadt-Ost",
            "Innenstadt-West",
            "Lütgendortmund",
            "Scharnhorst",
        }

    def test_bochum_has_six_districts(self):
        assert sorted(self.bochum.districts.values_list("name", flat=True)) == [
            "Mitte",
            "Nord",
            "Ost",
            "Süd",
            "Südwest",
            "Wattenscheid",
        ]

    def test_teams_cover_only_districts_of_their_office(self):
        for team in self.dortmund.teams.all():
            assert set(team.districts.values_list("office_id", flat=True)) == {self.dortmund.pk}

    def test_office_ensure_is_idempotent(self):
        office_ensure(spec=DORTMUND)
        assert self.dortmund.districts.count() == 12
        assert self.dortmund.teams.count() == 3


class MembershipTests(BaseTestCase):
    def test_team_of_another_office_is_refused(self):
        with pytest.raises(ValidationError, match="anderen Jugendamt"):
            staff_user_create(
                username="x",
                password=None,
                office=self.dortmund,
                role=Role.SOZIALARBEIT,
                team=self.team_bochum,
            )
        assert not Membership.objects.filter(user__username="x").exists()

    def test_partner_organisation_of_another_office_is_refused(self):
        with pytest.raises(ValidationError):
            staff_user_create(
                username="x",
                password=None,
                office=self.bochum,
                role=Role.PARTNER,
                partner_organisation=self.kita_hoerde,
            )

    def test_a_partner_account_needs_its_organisation(self):
        with pytest.raises(ValidationError):
            staff_user_create(username="x", password=None, office=self.dortmund, role=Role.PARTNER)

    def test_database_refuses_staff_membership_with_partner_organisation(self):
        membership = self.worker_hoerde.membership
        membership.partner_organisation = self.kita_hoerde
        with pytest.raises(IntegrityError), transaction.atomic():
            membership.save(update_fields=["partner_organisation"])

    def test_a_user_belongs_to_exactly_one_office(self):
        with pytest.raises(IntegrityError), transaction.atomic():
            Membership.objects.create(
                user=self.worker_hoerde, office=self.bochum, role=Role.SOZIALARBEIT
            )
