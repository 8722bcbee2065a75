"""A worker records a consent and makes a live referral, on a phone, axe-clean throughout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bruecke.cases.tests.helpers import make_case
from bruecke.referrals.models import Consent, Disclosure, Referral
from bruecke.test import World, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _check(page, axe, name: str) -> None:
    """Axe-clean, no sideways scrolling at 390px; a screenshot when SCREENSHOT_DIR is set."""
    axe(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, page.url
    if folder := os.environ.get("SCREENSHOT_DIR"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}-390.png"), full_page=True)


def test_worker_records_consent_and_makes_a_live_referral(phone, live_server, axe):
    world = World.build()
    targets = world.referral_targets()
    case = make_case(world, worker=world.worker_hoerde, district=world.hoerde)
    page = phone
    base = live_server.url
    log_in(page, base, "worker_hoerde")

    page.goto(f"{base}/faelle/{case.pk}/")
    page.get_by_role("heading", name="Einwilligungen und Vermittlungen").wait_for()
    _check(page, axe, "case-empty")

    # Record the consent: the search narrows the list of recipients first.
    page.get_by_role("link", name="Einwilligung erfassen").click()
    page.wait_for_url("**/einwilligungen/neu/")
    _check(page, axe, "consent-form")
    page.get_by_label("Stelle im Angebotsverzeichnis suchen").fill("Erziehung")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url("**/einwilligungen/neu/?suche=Erziehung")
    page.get_by_label("Ayşe Yılmaz").check()
    page.get_by_label("Empfänger", exact=True).select_option(
        label="Erziehungsberatungsstelle Testplatz"
    )
    page.get_by_label("Anliegen und Handlungsfelder").check()
    page.get_by_label("schriftlich", exact=True).check()
    page.get_by_label("Nachweis").fill("Unterschriebene Erklärung in der Akte")
    # Forgot who consented: the message says so, the rest stays.
    page.get_by_role("button", name="Einwilligung speichern").click()
    page.get_by_text("Bitte tragen Sie ein, wer eingewilligt hat.").first.wait_for()
    assert page.get_by_label("Nachweis").input_value() == "Unterschriebene Erklärung in der Akte"
    _check(page, axe, "consent-form-error")
    page.get_by_label("Eingewilligt von").fill("Mutter, Frau Yılmaz")
    page.get_by_role("button", name="Einwilligung speichern").click()
    page.get_by_text("Die Einwilligung ist gespeichert.").wait_for()
    assert page.get_by_text("gültig", exact=True).is_visible()
    _check(page, axe, "case-consent")
    assert Consent.objects.count() == 1

    # Refer: asking for data the consent does not cover is refused, nothing leaves.
    page.get_by_role("link", name="Vermitteln").click()
    page.wait_for_url("**/vermittlungen/neu/")
    _check(page, axe, "referral-form")
    page.get_by_label("Angebot suchen").fill("Erziehungsberatung")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url("**/vermittlungen/neu/?suche=*")
    page.get_by_label("Angebot", exact=True).select_option(str(targets.eb_service.pk))
    page.get_by_label("Vermittlung mit Datenweitergabe").check()
    page.get_by_label("Anliegen und Handlungsfelder").check()
    page.get_by_label("Familie und Alter der Kinder").check()
    page.get_by_role("button", name="Vermitteln").click()
    page.get_by_text("Ohne passende Einwilligung gehen keine Daten hinaus.").wait_for()
    assert page.get_by_text(
        "Diese Daten sind nicht abgedeckt: Familie und Alter der Kinder."
    ).is_visible()
    _check(page, axe, "referral-refused")
    assert not Referral.objects.exists() and not Disclosure.objects.exists()

    page.get_by_label("Familie und Alter der Kinder").uncheck()
    page.get_by_role("button", name="Vermitteln").click()
    page.get_by_text("Die Vermittlung an „Erziehungsberatung“ ist gesendet.").wait_for()
    _check(page, axe, "referral-detail")
    referral = Referral.objects.get()
    assert referral.status == Referral.Status.SENT
    assert Disclosure.objects.get().referral == referral

    # The partner answers itself: the worker may only withdraw or mark an error.
    assert page.get_by_label("Vermittlung zurückziehen").is_visible()
    assert page.get_by_label("Die Stelle hat angenommen").count() == 0

    page.get_by_role("link", name="Zurück zum Fall").click()
    page.get_by_role("link", name="Erziehungsberatung", exact=True).wait_for()
    _check(page, axe, "case-panel")


def test_partner_searches_for_an_offer_and_passes_a_referral_on(phone, live_server, axe):
    from bruecke.directory.models import Service
    from bruecke.directory.search import search_index_services
    from bruecke.intake.tests.partner_fixtures import live_referral

    world = World.build()
    targets = world.referral_targets()
    referral = live_referral(world, targets.eb_service)
    cafe = Service.objects.create(
        office=world.dortmund,
        organization=targets.free_org,
        name="Elterncafé",
        description="Ein offener Treff für Eltern.",
        kind=Service.Kind.GRUPPE,
    )
    search_index_services(Service.objects.values_list("pk", flat=True))
    page = phone
    base = live_server.url
    log_in(page, base, "partner_eb")
    page.goto(f"{base}/partner/eingang/{referral.pk}/")
    page.get_by_role("heading", name="Weiterleiten an ein anderes Angebot").wait_for()
    # No list of every offer: the partner searches first.
    assert page.locator("input[name=redirected_to]").count() == 0
    page.get_by_label("Angebot suchen").fill("Sprachkurs")
    page.get_by_role("button", name="Suchen").click()
    page.get_by_text("Kein aktives Angebot passt zu „Sprachkurs“.").wait_for()
    page.get_by_label("Angebot suchen").fill("offener Treff")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url("**angebot=offener+Treff*")
    _check(page, axe, "partner-redirect-found")
    # Forgot to choose: the message says so, the search and its results stay.
    page.get_by_role("button", name="Weiterleiten").click()
    page.get_by_text("Bitte suchen und wählen Sie ein Angebot.").first.wait_for()
    assert page.get_by_label("Angebot suchen").input_value() == "offener Treff"
    _check(page, axe, "partner-redirect-error")
    page.get_by_label("Elterncafé – Familienbildung Teststraße").check()
    page.get_by_role("button", name="Weiterleiten").click()
    page.wait_for_url(f"**/partner/eingang/{referral.pk}/")
    page.get_by_text("Elterncafé").first.wait_for()
    referral.refresh_from_db()
    assert (referral.status, referral.redirected_to) == (Referral.Status.REDIRECTED, cafe)
    _check(page, axe, "partner-redirected")


def test_worker_records_the_offer_a_provider_passed_the_family_on_to(phone, live_server, axe):
    from bruecke.directory.models import Service
    from bruecke.directory.search import search_index_services
    from bruecke.intake.tests.partner_fixtures import live_referral

    world = World.build()
    targets = world.referral_targets()
    # A provider without accounts: the worker records its answers.
    referral = live_referral(world, targets.free_service)
    search_index_services(Service.objects.values_list("pk", flat=True))
    page = phone
    base = live_server.url
    log_in(page, base, "worker_eving")
    page.goto(f"{base}/vermittlungen/{referral.pk}/")
    page.get_by_label("Angebot suchen").fill("Erziehung")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url("**angebot=Erziehung*")
    # The search chose the step; the worker picks the offer.
    assert page.get_by_label("Die Stelle hat an ein anderes Angebot verwiesen").is_checked()
    _check(page, axe, "worker-redirect-found")
    page.get_by_label("Erziehungsberatung – Erziehungsberatungsstelle Testplatz").check()
    page.get_by_label("Anmerkung").fill("Die Mutter hat angerufen.")
    page.get_by_role("button", name="Schritt speichern").click()
    page.get_by_text("Gespeichert.").wait_for()
    referral.refresh_from_db()
    assert (referral.status, referral.redirected_to) == (
        Referral.Status.REDIRECTED,
        targets.eb_service,
    )
    _check(page, axe, "worker-redirected")
    # The same search in Arabic: right to left, still axe-clean.
    other = live_referral(world, targets.free_service, name="Haddad")
    page.goto(f"{base}/sprache/ar/?next=/vermittlungen/{other.pk}/%3Fangebot%3DErziehung")
    page.locator("input[name=redirected_to]").first.wait_for()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    _check(page, axe, "worker-redirect-found-ar")
