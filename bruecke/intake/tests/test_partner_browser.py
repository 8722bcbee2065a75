"""Partner accounts in a real browser, on a phone and on a desktop, axe-clean on every page."""

from __future__ import annotations

import pytest

from bruecke.directory.models import Organization
from bruecke.intake.models import Request
from bruecke.intake.tests.partner_fixtures import live_referral
from bruecke.referrals.models import Referral
from bruecke.test import World, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("device", ["phone", "page"])
def test_partner_accepts_an_incoming_referral_and_reports_the_outcome(
    device, request, live_server, axe
):
    page = request.getfixturevalue(device)
    world = World.build()
    offers = world.referral_targets()
    referral = live_referral(world, offers.eb_service, name="Yılmaz")
    base = live_server.url

    log_in(page, base, "partner_eb")
    axe(page)
    page.get_by_role("link", name="Eingegangene Vermittlungen (1 offen)").click()
    page.wait_for_url("**/partner/eingang/")
    axe(page)
    page.locator("main a[href*='/partner/eingang/']").first.click()
    page.wait_for_url(f"**/partner/eingang/{referral.pk}/")
    page.get_by_text("Ayşe Yılmaz").wait_for()
    axe(page)

    page.get_by_role("button", name="Annehmen").click()
    page.get_by_text("Sie haben die Vermittlung angenommen.").wait_for()
    axe(page)
    page.get_by_role("button", name="Wir sind mit der Familie in Kontakt").click()
    page.get_by_text("Sie sind mit der Familie in Kontakt.").wait_for()

    # Closing without an outcome is refused with a message; then with one.
    page.get_by_role("button", name="Abschließen").click()
    page.get_by_text("Bitte wählen Sie ein Ergebnis.").first.wait_for()
    axe(page)
    page.get_by_label("Ergebnis").select_option(label="Hilfe erhalten")
    page.get_by_role("button", name="Abschließen").click()
    page.get_by_text("Die Vermittlung ist abgeschlossen.").wait_for()
    axe(page)
    referral.refresh_from_db()
    assert referral.status == Referral.Status.CLOSED
    assert referral.outcome == Referral.Outcome.HILFE_ERHALTEN


def test_kita_refers_a_family_and_follows_it(page, live_server, axe):
    world = World.build()
    Organization.objects.create(
        office=world.dortmund,
        name="Kita Testweg",
        kind=Organization.Kind.KITA,
        partner=world.kita_hoerde,
    )
    base = live_server.url
    log_in(page, base, "partner_kita")
    page.get_by_role("navigation").get_by_role("link", name="Familie vermitteln").click()
    page.wait_for_url("**/partner/vermitteln/")
    axe(page)
    page.get_by_label("Vorname oder Pseudonym").fill("Leyla")
    page.get_by_label("Telefon").fill("0176 1234567")
    page.get_by_label("Sprache der Familie").select_option("tr")
    page.get_by_role("textbox", name="Alter der Kinder").fill("3 Jahre")
    page.get_by_label("Gesundheit", exact=True).check()
    # Sent without the consent: refused, nothing typed is lost.
    page.get_by_role("button", name="Vermittlung senden").click()
    page.get_by_text("Ohne festgehaltene Einwilligung der Familie").wait_for()
    axe(page)
    assert page.get_by_label("Vorname oder Pseudonym").input_value() == "Leyla"
    assert not Request.objects.exists()

    page.get_by_label("Wer hat eingewilligt?").fill("Frau L., Mutter")
    page.get_by_label("schriftlich", exact=True).check()
    page.get_by_label("Familie und Alter der Kinder").check()
    page.get_by_label("Anliegen und Handlungsfelder").check()
    page.get_by_label("Die Familie ist einverstanden, dass wir diese Angaben").check()
    page.get_by_label("Die Familie ist einverstanden, dass wir Ihnen den Stand").check()
    page.get_by_role("button", name="Vermittlung senden").click()
    page.wait_for_url("**/partner/vermittlungen/")
    page.get_by_text("Die Vermittlung ist bei der Kita-Sozialarbeit eingegangen").wait_for()
    axe(page)
    request = Request.objects.get()
    assert request.feedback_consent is not None
    assert page.locator("main .kern-badge", has_text="eingegangen").is_visible()
