from __future__ import annotations

from django.urls import reverse

import bruecke.settings as project_settings
from bruecke.test import PASSWORD, BaseTestCase


class LoginTests(BaseTestCase):
    def test_argon2_is_the_password_hasher(self):
        assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")

    def test_it_logs_in_and_lands_on_the_start_page(self):
        response = self.client.post(
            reverse("accounts:login"),
            {"username": "worker_hoerde", "password": PASSWORD},
            follow=True,
        )
        assert response.redirect_chain[-1][0] == reverse("accounts:start")
        self.assertContains(response, "Guten Tag, Worker Test")

    def test_wrong_password_says_what_to_do_and_keeps_the_username(self):
        response = self.client.post(
            reverse("accounts:login"), {"username": "worker_hoerde", "password": "nope"}
        )
        assert response.status_code == 200
        self.assertContains(response, "Benutzername oder Passwort stimmen nicht")
        self.assertContains(response, 'value="worker_hoerde"')
        assert "_auth_user_id" not in self.client.session

    def test_logout_ends_the_session(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(reverse("accounts:logout"))
        assert response.status_code == 302
        assert self.client.get(reverse("accounts:start")).status_code == 302


class StartPageTests(BaseTestCase):
    def test_it_greets_every_role_with_office_and_role(self):
        expected = {
            "worker_hoerde": ("Kita-Sozialarbeit", "Jugendamt Dortmund"),
            "lead_dortmund": ("Teamleitung", "Jugendamt Dortmund"),
            "coordinator_dortmund": ("Koordination", "Jugendamt Dortmund"),
            "dpo_dortmund": ("Datenschutz", "Jugendamt Dortmund"),
            "admin_dortmund": ("Administration", "Jugendamt Dortmund"),
            "partner_kita": ("Partnereinrichtung", "Jugendamt Dortmund"),
            "worker_bochum": ("Kita-Sozialarbeit", "Jugendamt Bochum"),
        }
        for username, (role, office) in expected.items():
            self.client.force_login(getattr(self, username))
            response = self.client.get(reverse("accounts:start"))
            self.assertContains(
                response,
                f"Sie sind angemeldet als <strong>{role}</strong> im <strong>{office}</strong>",
            )

    def test_partner_sees_its_organisation(self):
        self.client.force_login(self.partner_kita)
        self.assertContains(
            self.client.get(reverse("accounts:start")), "Ihre Einrichtung: Kita Testweg"
        )

    def test_user_without_membership_is_told_to_ask_the_administration(self):
        from django.contrib.auth.models import User

        self.client.force_login(User.objects.create_user("nobody"))
        self.assertContains(self.client.get(reverse("accounts:start")), "noch kein Jugendamt")

    def test_start_page_query_count_is_small(self):
        self.client.force_login(self.coordinator_dortmund)
        with self.assertNumQueries(3):  # session, user, membership with office and team
            self.client.get(reverse("accounts:start"))
