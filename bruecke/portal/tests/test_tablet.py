"""Tablet mode for Familienbüros: large buttons, QR codes, idle reset, stores nothing."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from bruecke.portal.qr import qr_svg
from bruecke.portal.tests.test_offers import make_offer
from bruecke.portal.views_tablet import DEFAULT_PORTALS
from bruecke.test import BaseTestCase, World


class TabletTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.offer = make_offer(
            cls.world.dortmund,
            cls.world.hoerde,
            "Sprechstunde Kindergesundheit",
            topics=["gesundheit/kinderarzt"],
        )
        cls.other = make_offer(
            cls.world.dortmund, cls.world.eving, "Familienbüro Eving", topics=["kinderbetreuung"]
        )

    def get(self, name, *args, **query):
        return self.client.get(reverse(f"portal:{name}", args=args), query)

    def test_start_shows_six_worries_languages_and_portals(self):
        response = self.get("tablet")
        assert response.status_code == 200
        content = response.content.decode()
        assert content.count('class="kern-btn kern-btn--primary tablet-topic"') == 6
        self.assertContains(response, "Wirtschaftliche Lage und Umgang mit Ämtern")
        self.assertContains(response, 'href="/tablet/angebote/?thema=gesundheit"')
        for code, _name in settings.LANGUAGES:
            self.assertContains(response, f'href="/sprache/{code}/?next=%2Ftablet%2F"')
        self.assertContains(response, "Weitere Portale")
        self.assertContains(response, "KiTa-Portal Dortmund: Kita-Platz suchen und anmelden")
        self.assertContains(
            response,
            'aria-label="QR-Code für KiTa-Portal Dortmund: Kita-Platz suchen und anmelden"',
        )
        self.assertContains(response, ">https://www.dortmund.de/kitaportal</span>")
        self.assertContains(response, "Neu beginnen")
        self.assertNotContains(response, reverse("accounts:login"))
        assert DEFAULT_PORTALS[0]["url"] == "https://www.dortmund.de/kitaportal"

    @override_settings(
        TABLET_PORTALS=[
            {"label": "Kita-Navigator Bochum", "url": "https://kita.bochum.example/"},
            {"label": "Kaputt", "url": "javascript:alert(1)"},
        ]
    )
    def test_cities_configure_their_own_portals(self):
        response = self.get("tablet")
        self.assertContains(response, 'aria-label="QR-Code für Kita-Navigator Bochum"')
        self.assertNotContains(response, "KiTa-Portal Dortmund")
        self.assertNotContains(response, "javascript:")

    def test_offers_for_a_worry_with_qr_code_to_the_public_offer_page(self):
        response = self.get("tablet_offers", thema="gesundheit")
        assert response.status_code == 200
        self.assertContains(response, "Sprechstunde Kindergesundheit")
        self.assertNotContains(response, "Familienbüro Eving")
        public_url = f"http://testserver/angebote/{self.offer.pk}/"
        self.assertContains(response, f'<span class="tablet-qr__url" dir="ltr">{public_url}</span>')
        self.assertContains(
            response, 'role="img" aria-label="QR-Code für Sprechstunde Kindergesundheit"'
        )
        self.assertContains(response, f'href="/tablet/angebote/{self.offer.pk}/?thema=gesundheit"')

    def test_offers_by_district(self):
        response = self.get("tablet_offers", thema="kinderbetreuung", bezirk=self.hoerde.pk)
        self.assertNotContains(response, "Familienbüro Eving")
        self.assertContains(response, "0 Angebote")
        response = self.get("tablet_offers", thema="kinderbetreuung", bezirk=self.eving.pk)
        self.assertContains(response, "Familienbüro Eving")
        self.assertContains(response, f'<option value="{self.eving.pk}" selected>')

    def test_unknown_worry_is_400_and_no_worry_goes_back_to_start(self):
        assert self.get("tablet_offers", thema="gibt-es-nicht").status_code == 400
        response = self.get("tablet_offers")
        assert response.status_code == 302
        assert response["Location"] == reverse("portal:tablet")

    def test_offer_page_shows_hours_in_words_phone_and_qr_code(self):
        response = self.get("tablet_offer", self.offer.pk, thema="gesundheit")
        assert response.status_code == 200
        self.assertContains(response, "<h1")
        self.assertContains(response, "Sprechstunde Kindergesundheit")
        self.assertContains(response, '<span class="tablet-phone" dir="ltr">0231 50-11580</span>')
        self.assertNotContains(response, 'href="tel:')
        self.assertContains(response, "Öffnungszeiten")
        self.assertContains(response, "8:30")
        self.assertContains(response, f"http://testserver/angebote/{self.offer.pk}/</span>")
        self.assertContains(response, 'aria-label="QR-Code für Sprechstunde Kindergesundheit"')
        self.assertContains(response, 'href="/tablet/angebote/?thema=gesundheit"')

    def test_unknown_offer_is_404(self):
        response = self.get("tablet_offer", "00000000-0000-0000-0000-000000000000")
        assert response.status_code == 404

    def test_pages_are_public_never_cached_never_indexed_and_set_no_cookie(self):
        self.client.logout()
        for response in (
            self.get("tablet"),
            self.get("tablet_offers", thema="gesundheit"),
            self.get("tablet_offer", self.offer.pk),
        ):
            assert response.status_code == 200
            assert "no-store" in response["Cache-Control"]
            assert "noindex" in response["X-Robots-Tag"]
            self.assertContains(response, '<meta name="robots" content="noindex, nofollow">')
            assert not response.cookies
            assert "Set-Cookie" not in response
            self.assertContains(response, 'src="/static/bruecke/tablet.js"')
            self.assertNotContains(response, "<script>")

    def test_only_get(self):
        response = self.client.post(reverse("portal:tablet"))
        assert response.status_code == 405

    def test_idle_time_is_bounded_and_kept_in_links(self):
        response = self.get("tablet")
        self.assertContains(response, 'data-idle-seconds="180"')
        self.assertContains(response, 'data-reset-url="/tablet/"')
        response = self.get("tablet", idle="2")
        self.assertContains(response, 'data-idle-seconds="2"')
        self.assertContains(response, 'href="/tablet/angebote/?thema=gesundheit&amp;idle=2"')
        assert 'data-idle-seconds="2"' in self.get("tablet", idle="0").content.decode()
        assert 'data-idle-seconds="600"' in self.get("tablet", idle="99999").content.decode()
        assert 'data-idle-seconds="180"' in self.get("tablet", idle="bald").content.decode()
        response = self.get("tablet_offers", thema="gesundheit", idle="2")
        self.assertContains(
            response, f'href="/tablet/angebote/{self.offer.pk}/?thema=gesundheit&amp;idle=2"'
        )

    def test_starting_over_switches_back_to_german(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
        response = self.get("tablet")
        self.assertContains(response, '<html lang="ar" dir="rtl"')
        self.assertContains(response, 'data-reset-url="/sprache/de/?next=%2Ftablet%2F"')


def test_qr_svg_has_an_accessible_name_and_escapes_it():
    svg = qr_svg("https://example.org/angebote/1/", label='Café "Mama & Kind" <neu>')
    assert svg.startswith("<svg ")
    assert 'role="img"' in svg
    assert 'aria-label="QR-Code für Café &quot;Mama &amp; Kind&quot; &lt;neu&gt;"' in svg
    assert "<neu>" not in svg
    assert re.search(r'viewBox="0 0 \d+ \d+"', svg)
    assert qr_svg("https://example.org/").count("aria-label=") == 1


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_family_browses_on_the_tablet_and_it_starts_over_by_itself(browser, live_server, axe):
    world = World.build()
    make_offer(world.dortmund, world.hoerde, "Babytreff Hörde", topics=["soziale-kontakte"])
    context = browser.new_context(
        locale="de-DE", viewport={"width": 1024, "height": 768}, has_touch=True
    )
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{live_server.url}/tablet/?idle=2")
        page.evaluate("window.localStorage.setItem('probe', '1')")
        page.locator(".tablet-topic").nth(1).tap()  # Soziale Kontakte
        page.wait_for_url("**/tablet/angebote/?thema=soziale-kontakte&idle=2")
        assert page.evaluate("window.localStorage.length") == 0
        page.locator(".tablet-offer-card__open").first.tap()
        page.wait_for_url("**/tablet/angebote/*/?thema=soziale-kontakte&idle=2")
        assert page.locator("h1").inner_text() == "Babytreff Hörde"
        box = page.locator(".tablet-restart").bounding_box()
        assert box is not None and box["height"] >= 64
        # No input for three seconds: the tablet is back at its start.
        page.wait_for_timeout(3_000)
        assert page.url == f"{live_server.url}/tablet/?idle=2"
        assert page.locator("h1").inner_text() == "Worum geht es?"
        assert context.cookies() == []
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_tablet_pages_are_accessible(browser, live_server, axe):
    world = World.build()
    offer = make_offer(world.dortmund, world.hoerde, "Babytreff Hörde", topics=["soziale-kontakte"])
    runs = [
        ({"width": 1024, "height": 768}, "de"),
        ({"width": 768, "height": 1024}, "de"),
        ({"width": 1024, "height": 768}, "ar"),
    ]
    for viewport, language in runs:
        context = browser.new_context(locale="de-DE", viewport=viewport, has_touch=True)
        try:
            page = context.new_page()
            page.set_default_timeout(10_000)
            page.goto(f"{live_server.url}/sprache/{language}/?next=/tablet/")
            assert page.locator("html").get_attribute("lang") == language
            for path in (
                "/tablet/",
                "/tablet/angebote/?thema=soziale-kontakte",
                f"/tablet/angebote/{offer.pk}/?thema=soziale-kontakte",
            ):
                page.goto(live_server.url + path)
                axe(page)
                heights = page.eval_on_selector_all(
                    ".tablet .kern-btn, .tablet-restart",
                    "els => els.filter(e => e.offsetParent).map(e => e.getBoundingClientRect().height)",
                )
                assert heights and min(heights) >= 64, (path, heights)
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= viewport["width"], (path, width)
        finally:
            context.close()
