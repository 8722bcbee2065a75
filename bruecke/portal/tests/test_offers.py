"""The public offer search and offer page."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bruecke.directory.models import (
    Location,
    Organization,
    Phone,
    Schedule,
    ScheduleException,
    Service,
    ServiceAtLocation,
    ServiceTranslation,
)
from bruecke.directory.search import search_index_rebuild
from bruecke.test import BaseTestCase, World

# Monday 23 November 2026, 9:15 in Dortmund.
MONDAY_MORNING = dt.datetime(2026, 11, 23, 8, 15, tzinfo=dt.UTC)


def make_offer(
    office,
    district,
    name,
    *,
    topics=("gesundheit",),
    languages=("de",),
    min_age=0,
    max_age=6,
    free=True,
    days="MO,TH",
    status="active",
    description="Beratung für Familien.",
):
    org = Organization.objects.create(office=office, name=f"Träger {name}")
    service = Service.objects.create(
        office=office,
        organization=org,
        name=name,
        description=description,
        kind="beratung",
        topics=list(topics),
        languages=list(languages),
        minimum_age=min_age,
        maximum_age=max_age,
        free=free,
        fees_description="" if free else "5 € pro Termin",
        status=status,
    )
    service.districts.add(district)
    location = Location.objects.create(
        organization=org,
        name="Büro",
        address_1="Jägerstraße 5",
        postal_code="44145",
        city="Dortmund",
        district=district,
    )
    place = ServiceAtLocation.objects.create(service=service, location=location)
    Schedule.objects.create(
        service_at_location=place, byday=days, opens_at=dt.time(8, 30), closes_at=dt.time(10, 30)
    )
    Phone.objects.create(service=service, number="0231 50-11580")
    return service


def build_offers(world):
    offers = {
        "sozialarbeit": make_offer(
            world.dortmund,
            world.hoerde,
            "Kita-Sozialarbeit Hörde",
            topics=["wirtschaftliche-lage/antraege"],
            languages=["de", "tr", "ar"],
        ),
        "sprache": make_offer(
            world.dortmund,
            world.hoerde,
            "Sprachförderung im Stadtteil",
            topics=["inklusion/sprachfoerderung"],
            languages=["de", "ar"],
            min_age=3,
            max_age=6,
            days="TU",
            description="Sprachförderung für Kinder und Eltern.",
        ),
        "eving": make_offer(
            world.dortmund,
            world.eving,
            "Familienbüro Eving",
            topics=["kinderbetreuung"],
            free=False,
        ),
        "baby": make_offer(
            world.dortmund,
            world.hoerde,
            "Babytreff",
            topics=["soziale-kontakte"],
            min_age=0,
            max_age=1,
        ),
        "closed": make_offer(world.dortmund, world.hoerde, "Alte Gruppe", status="defunct"),
    }
    ServiceTranslation.objects.create(
        service=offers["sprache"],
        language="ar",
        name="دعم اللغة في الحي",
        description="دعم اللغة للأطفال والآباء.",
    )
    search_index_rebuild()
    return offers


@time_machine.travel(MONDAY_MORNING, tick=False)
class OfferSearchTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.offers = build_offers(cls.world)

    def names(self, **params):
        response = self.client.get(reverse("portal:offers"), params)
        assert response.status_code == 200
        return {offer.name for offer in response.context["page"].object_list}

    def test_filter_by_worry_includes_its_subtopics(self):
        assert self.names(thema="inklusion") == {"Sprachförderung im Stadtteil"}
        assert self.names(thema="wirtschaftliche-lage/antraege") == {"Kita-Sozialarbeit Hörde"}

    def test_filter_by_district_age_language_and_free(self):
        assert "Familienbüro Eving" not in self.names(
            thema="", bezirk=self.hoerde.pk, q="", alter=""
        )
        assert self.names(bezirk=self.hoerde.pk, alter=3) == {
            "Kita-Sozialarbeit Hörde",
            "Sprachförderung im Stadtteil",
        }
        assert self.names(sprache="tr") == {"Kita-Sozialarbeit Hörde"}
        assert "Familienbüro Eving" not in self.names(kostenlos="on", sprache="de")

    def test_open_now_uses_the_schedule_and_exceptions(self):
        # Monday 9:15: the Monday offers are open, the Tuesday one is not.
        assert "Sprachförderung im Stadtteil" not in self.names(jetzt_offen="on")
        assert "Kita-Sozialarbeit Hörde" in self.names(jetzt_offen="on")
        place = self.offers["sozialarbeit"].service_at_locations.get()
        ScheduleException.objects.create(
            service_at_location=place, date=dt.date(2026, 11, 23), note="Betriebsausflug"
        )
        assert "Kita-Sozialarbeit Hörde" not in self.names(jetzt_offen="on")

    def test_full_text_search_understands_word_forms(self):
        assert self.names(q="Sprachförderungen") == {"Sprachförderung im Stadtteil"}

    def test_defunct_offers_are_never_shown(self):
        assert "Alte Gruppe" not in self.names(alter=0)
        assert (
            self.client.get(reverse("portal:offer", args=[self.offers["closed"].pk])).status_code
            == 404
        )

    def test_bad_age_is_explained_and_kept(self):
        response = self.client.get(reverse("portal:offers"), {"alter": "drei"})
        self.assertContains(response, "Bitte prüfen Sie Ihre Eingaben", status_code=400)
        self.assertContains(response, 'value="drei"', status_code=400)

    def test_query_count_does_not_grow_with_results(self):
        def count():
            with CaptureQueriesContext(connection) as captured:
                assert (
                    self.client.get(
                        reverse("portal:offers"), {"bezirk": self.hoerde.pk}
                    ).status_code
                    == 200
                )
            return len(captured)

        few = count()
        for i in range(15):
            make_offer(self.dortmund, self.hoerde, f"Angebot {i}")
        assert count() == few


@time_machine.travel(MONDAY_MORNING, tick=False)
class OfferPageTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.offers = build_offers(cls.world)

    def test_offer_page_shows_hours_in_words_open_now_call_and_map(self):
        response = self.client.get(reverse("portal:offer", args=[self.offers["sozialarbeit"].pk]))
        self.assertContains(response, "Mo und Do 8:30–10:30")
        self.assertContains(response, "jetzt geöffnet")
        self.assertContains(response, 'href="tel:023150115')
        self.assertContains(
            response, "https://www.openstreetmap.org/search?query=J%C3%A4gerstra%C3%9Fe"
        )
        self.assertContains(response, "kostenlos")

    def test_translation_is_used_and_missing_ones_fall_back_to_german_saying_so(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
        translated = self.client.get(reverse("portal:offer", args=[self.offers["sprache"].pk]))
        self.assertContains(translated, "دعم اللغة في الحي")
        self.assertContains(translated, '<h1 class="kern-heading-large">دعم اللغة في الحي</h1>')
        fallback = self.client.get(reverse("portal:offer", args=[self.offers["baby"].pk]))
        # German text in a right-to-left page: marked as German and laid out left to right.
        self.assertContains(
            fallback,
            '<h1 class="kern-heading-large" lang="de" dir="ltr">Babytreff</h1>',
            html=False,
        )
        self.assertContains(fallback, 'offer__description" lang="de" dir="ltr">')
        cards = self.client.get(reverse("portal:offers"), {"q": "Babytreff"})
        self.assertContains(cards, 'lang="de" dir="ltr">Babytreff</a>')
        assert "Sie sehen ihn auf Deutsch" not in fallback.content.decode()  # it says so in Arabic
        assert fallback.context["text"].fallback

    def test_public_pages_set_no_cookie(self):
        response = self.client.get(reverse("portal:offers"), {"thema": "gesundheit"})
        assert not response.cookies

    def test_offer_page_query_count_is_fixed(self):
        with CaptureQueriesContext(connection) as captured:
            self.client.get(reverse("portal:offer", args=[self.offers["sozialarbeit"].pk]))
        assert len(captured) <= 9


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["de", "ar"])
def test_parent_finds_language_support_on_a_phone(phone, live_server, axe, language):
    world = World.build()
    build_offers(world)
    phone.goto(f"{live_server.url}/sprache/{language}/?next=/")
    axe(phone)
    phone.locator(".topic-card").nth(2).click()  # Inklusion
    phone.wait_for_url("**/angebote/?thema=inklusion")
    axe(phone)
    phone.locator("select[name=bezirk]").select_option(str(world.hoerde.pk))
    phone.locator("input[name=alter]").fill("3")
    phone.locator("form[role=search] button[type=submit]").click()
    phone.locator(".result-list a").first.click()
    phone.wait_for_url("**/angebote/*/")
    assert phone.locator("html").get_attribute("dir") == ("rtl" if language == "ar" else "ltr")
    heading = phone.locator("h1").inner_text()
    assert heading == ("دعم اللغة في الحي" if language == "ar" else "Sprachförderung im Stadtteil")
    axe(phone)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_search_and_filters_work_with_the_keyboard_only(page, live_server):
    world = World.build()
    build_offers(world)
    page.goto(f"{live_server.url}/")
    # From the top: skip link, then into the search box, type, Enter.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.locator("#home-q").focus()
    page.keyboard.type("Sprachförderung")
    page.keyboard.press("Enter")
    page.wait_for_url("**/angebote/?q=*")
    assert "Sprachförderung im Stadtteil" in page.locator(".result-list").inner_text()
    # Filters: reach the age field and the "free" checkbox by Tab only, submit with Enter.
    page.locator("#id_q").focus()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    for _ in range(3):  # Thema, Stadtbezirk, Alter
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "alter"
    page.keyboard.type("0")
    page.keyboard.press("Tab")  # Sprache
    page.keyboard.press("Tab")  # Jetzt geöffnet
    page.keyboard.press("Tab")  # Kostenlos
    assert page.evaluate("document.activeElement.name") == "kostenlos"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    # The focused button shows a visible focus indicator.
    style = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.boxShadow]; })()"
    )
    assert style[0] != "none" or style[1] != "none", style
    page.keyboard.press("Enter")
    page.wait_for_url("**kostenlos=on*")
    results = page.locator(".result-list").inner_text()
    assert "Babytreff" in results and "Familienbüro Eving" not in results
