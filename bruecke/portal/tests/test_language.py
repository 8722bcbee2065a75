from __future__ import annotations

from django.conf import settings
from django.urls import reverse

from bruecke.test import BaseTestCase


class LanguageTests(BaseTestCase):
    def test_switching_sets_the_cookie_and_goes_back(self):
        response = self.client.get(reverse("portal:language", args=["ar"]) + "?next=/anmelden/")
        assert response.status_code == 302
        assert response["Location"] == "/anmelden/"
        assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ar"

    def test_arabic_pages_are_right_to_left(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
        response = self.client.get(reverse("portal:home"))
        self.assertContains(response, '<html lang="ar" dir="rtl"')

    def test_german_is_the_default(self):
        response = self.client.get(reverse("portal:home"), HTTP_ACCEPT_LANGUAGE="")
        self.assertContains(response, '<html lang="de" dir="ltr"')

    def test_it_never_redirects_to_another_site(self):
        response = self.client.get(
            reverse("portal:language", args=["de"]) + "?next=https://evil.example/"
        )
        assert response["Location"] == reverse("portal:home")

    def test_unknown_language_is_404(self):
        assert self.client.get(reverse("portal:language", args=["xx"])).status_code == 404

    def test_every_public_language_is_offered(self):
        response = self.client.get(reverse("portal:home"))
        for code, _name in settings.LANGUAGES:
            self.assertContains(response, f'hreflang="{code}"')

    def test_public_start_page_shows_offices_and_topics(self):
        response = self.client.get(reverse("portal:home"))
        self.assertContains(response, "Jugendamt Dortmund")
        self.assertContains(response, 'href="tel:+492315011580"')
        self.assertContains(response, "Wirtschaftliche Lage und Umgang mit Ämtern")

    def test_public_start_page_sets_no_cookie(self):
        response = self.client.get(reverse("portal:home"))
        assert not response.cookies
