"""A family asks for contact in a real browser: on a phone, in Turkish and Arabic."""

from __future__ import annotations

import re

import pytest

from bruecke.intake.models import Request
from bruecke.test import World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = re.compile(r"KA-[A-Z0-9]{6}")


def assert_fits(page):
    """Nothing wider than the phone: no sideways scrolling."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], (page.url, width)


def test_family_sends_a_request_in_turkish_from_a_phone(phone, live_server, axe):
    world = World.build()
    base = live_server.url
    phone.goto(f"{base}/sprache/tr/?next=/")
    phone.locator("a[href='/kontakt/']").first.click()
    phone.wait_for_url(f"{base}/kontakt/")
    assert phone.locator("html").get_attribute("lang") == "tr"
    assert phone.locator("select[name=sprache]").input_value() == "tr"
    axe(phone)
    assert_fits(phone)

    # The first try forgets how to be reached; nothing typed is lost.
    phone.locator("input[name=vorname]").fill("Ayşe")
    phone.locator("label[for=id_jugendamt_1]").click()  # Dortmund
    phone.locator("select[name=bezirk]").select_option(str(world.hoerde.pk))
    phone.locator("label[for=id_zeit_2]").click()  # afternoons
    phone.locator("label[for=id_anliegen_0]").click()  # Kinderbetreuung, tapped on the box
    phone.locator("textarea[name=nachricht]").fill("Kreş yeri arıyoruz.")
    phone.locator("form button[type=submit]").click()
    phone.locator(".kern-alert--danger").wait_for()
    axe(phone)
    assert phone.locator("input[name=vorname]").input_value() == "Ayşe"
    assert phone.locator("textarea[name=nachricht]").input_value() == "Kreş yeri arıyoruz."
    assert phone.locator("#id_anliegen_0").is_checked()
    assert phone.locator("#id_zeit_2").is_checked()
    assert not Request.objects.exists()

    phone.locator("input[name=telefon]").fill("0176 12345678")
    phone.locator("form button[type=submit]").click()
    phone.wait_for_url("**/kontakt/danke/**")
    axe(phone)
    assert_fits(phone)
    assert phone.locator("html").get_attribute("lang") == "tr"
    code = phone.locator(".contact-code__value").inner_text().strip()
    assert CODE.fullmatch(code)
    request = Request.objects.get()
    assert request.reference == code
    assert request.language == "tr"
    assert request.office == world.dortmund
    assert request.district == world.hoerde
    assert request.preferred_time == Request.PreferredTime.AFTERNOON
    assert request.topics == ["kinderbetreuung"]
    # Only the language and CSRF cookies, never a session.
    names = {cookie["name"] for cookie in phone.context.cookies()}
    assert names <= {"csrftoken", "django_language"}, names


@pytest.mark.parametrize("language", ["de", "ar", "tr"])
def test_contact_pages_are_accessible_on_a_phone(phone, live_server, axe, language):
    world = World.build()
    offers = world.referral_targets()
    base = live_server.url
    phone.goto(f"{base}/sprache/{language}/?next=/kontakt/%3Fangebot%3D{offers.eb_service.pk}")
    assert phone.locator("html").get_attribute("lang") == language
    axe(phone)
    assert_fits(phone)
    # Errors shown.
    phone.locator("form button[type=submit]").click()
    phone.locator(".kern-alert--danger").wait_for()
    axe(phone)
    assert_fits(phone)
    # Sent, and the confirmation.
    phone.locator("input[name=vorname]").fill("Sara")
    phone.locator("input[name=email]").fill("sara@example.org")
    phone.locator("form button[type=submit]").click()
    phone.wait_for_url("**/kontakt/danke/**")
    assert phone.locator("html").get_attribute("lang") == language
    axe(phone)
    assert_fits(phone)
    assert Request.objects.get().service == offers.eb_service


def test_tablet_contact_is_accessible_and_starts_over(browser, live_server, axe):
    World.build()
    context = browser.new_context(
        locale="de-DE", viewport={"width": 1024, "height": 768}, has_touch=True
    )
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{live_server.url}/tablet/")
        page.locator("a[href='/tablet/kontakt/']").click()
        page.wait_for_url("**/tablet/kontakt/")
        axe(page)
        page.locator("input[name=vorname]").fill("Olena")
        page.locator("input[name=telefon]").fill("0170 1234567")
        page.locator("label[for=id_jugendamt_1]").click()
        page.locator("form button[type=submit]").click()
        page.wait_for_url("**/tablet/kontakt/danke/**")
        axe(page)
        assert Request.objects.get().source == Request.Source.TABLET
        page.get_by_role("link", name="Fertig – zurück zum Anfang").click()
        page.wait_for_url(f"{live_server.url}/tablet/")
    finally:
        context.close()
