"""The whole bridge in a real browser, axe-clean on every page.

A family asks for contact in Turkish on a phone, the team lead assigns the
request, the worker turns it into a case, records the family's consent and
refers the family live to an Erziehungsberatungsstelle; the counselling centre
accepts and reports the outcome; the worker closes the case.
"""

from __future__ import annotations

import re

import pytest

from bruecke.cases.models import Case
from bruecke.intake.models import Request
from bruecke.referrals.models import Consent, Disclosure, Referral, ReferralEvent
from bruecke.test import World, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CODE = re.compile(r"KA-[A-Z0-9]{6}")


def test_request_to_case_to_live_referral_to_outcome(browser, phone, page, live_server, axe):
    world = World.build()
    offers = world.referral_targets()
    base = live_server.url

    # 1. The family, on a phone, in Turkish.
    phone.goto(f"{base}/sprache/tr/?next=/")
    phone.locator("a[href='/kontakt/']").first.click()
    phone.wait_for_url(f"{base}/kontakt/")
    assert phone.locator("html").get_attribute("lang") == "tr"
    axe(phone)
    phone.locator("input[name=vorname]").fill("Ayşe")
    phone.locator("input[name=telefon]").fill("0176 12345678")
    phone.locator("label[for=id_jugendamt_1]").click()  # Dortmund
    phone.locator("select[name=bezirk]").select_option(str(world.hoerde.pk))
    phone.locator("label[for=id_anliegen_5]").click()  # Kindliche Entwicklung
    phone.locator("textarea[name=nachricht]").fill("Oğlum çok öfkeli, yardım istiyoruz.")
    phone.locator("form button[type=submit]").click()
    phone.wait_for_url("**/kontakt/danke/**")
    assert phone.locator("html").get_attribute("lang") == "tr"
    axe(phone)
    code = phone.locator(".contact-code__value").inner_text().strip()
    assert CODE.fullmatch(code)
    request = Request.objects.get(reference=code)
    assert request.language == "tr"

    # 2. The team lead assigns it to the worker of the district.
    log_in(page, base, "lead_dortmund")
    page.get_by_role("navigation").get_by_role("link", name="Eingang").click()
    page.wait_for_url(f"{base}/eingang/")
    axe(page)
    page.get_by_role("link", name=code).click()
    page.wait_for_url(f"**/eingang/{request.pk}/")
    page.get_by_label("Zuweisen an").select_option(value=str(world.worker_hoerde.pk))
    page.get_by_role("button", name="Zuweisen", exact=True).click()
    page.get_by_text("Die Anfrage ist Worker Test zugewiesen.").wait_for()
    axe(page)

    # 3. The worker turns it into a case.
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    worker = context.new_page()
    worker.set_default_timeout(10_000)
    log_in(worker, base, "worker_hoerde")
    worker.get_by_role("navigation").get_by_role("link", name="Eingang").click()
    worker.wait_for_url(f"{base}/eingang/")
    worker.get_by_role("link", name=code).click()
    worker.wait_for_url(f"**/eingang/{request.pk}/")
    axe(worker)
    worker.get_by_role("link", name="In einen Fall übernehmen").click()
    worker.wait_for_url(f"**/eingang/{request.pk}/fall/")
    axe(worker)
    worker.get_by_role("button", name="Fall eröffnen").click()
    worker.wait_for_url("**/faelle/*/")
    axe(worker)
    case = Case.objects.get()
    assert case.assigned_to == world.worker_hoerde
    assert case.topics == ["kindliche-entwicklung"]

    # 4. The family agreed on the phone that the counselling centre may get its contact details.
    worker.get_by_role("link", name="Einwilligung erfassen").click()
    worker.wait_for_url("**/einwilligungen/neu/")
    worker.get_by_label("Stelle im Angebotsverzeichnis suchen").fill("Erziehung")
    worker.get_by_role("button", name="Suchen").click()
    worker.wait_for_url("**/einwilligungen/neu/?suche=Erziehung")
    worker.get_by_label("Empfänger", exact=True).select_option(label=offers.eb_org.name)
    worker.get_by_label("Ayşe (Elternteil").check()
    worker.get_by_label("Eingewilligt von").fill("Ayşe, Mutter")
    worker.get_by_label("Anliegen und Handlungsfelder").check()
    worker.get_by_label("mündlich, dokumentiert", exact=True).check()
    worker.get_by_label("Nachweis").fill("Am Telefon mit Dolmetscherin besprochen")
    axe(worker)
    worker.get_by_role("button", name="Einwilligung speichern").click()
    worker.get_by_text("Die Einwilligung ist gespeichert.").wait_for()
    axe(worker)
    assert Consent.objects.filter(case=case).count() == 1

    # 5. The live referral passes the gate.
    worker.get_by_role("link", name="Vermitteln").click()
    worker.wait_for_url("**/vermittlungen/neu/")
    worker.get_by_label("Angebot suchen").fill("Erziehungsberatung")
    worker.get_by_role("button", name="Suchen").click()
    worker.wait_for_url("**/vermittlungen/neu/?suche=*")
    worker.get_by_label("Angebot", exact=True).select_option(str(offers.eb_service.pk))
    worker.get_by_label("Vermittlung mit Datenweitergabe").check()
    worker.get_by_label("Anliegen und Handlungsfelder").check()
    axe(worker)
    worker.get_by_role("button", name="Vermitteln").click()
    worker.get_by_text("Die Vermittlung an „Erziehungsberatung“ ist gesendet.").wait_for()
    axe(worker)
    referral = Referral.objects.get()
    assert referral.status == Referral.Status.SENT
    assert referral.consent.case == case  # type: ignore[union-attr]

    # 6. The counselling centre opens, accepts and reports the outcome itself.
    phone.context.clear_cookies()
    log_in(phone, base, "partner_eb")
    axe(phone)
    phone.get_by_role("link", name="Eingegangene Vermittlungen (1 offen)").click()
    phone.locator("main a[href*='/partner/eingang/']").first.click()
    phone.get_by_text("Kindliche Entwicklung").first.wait_for()
    axe(phone)
    phone.get_by_role("button", name="Annehmen").click()
    phone.get_by_text("Sie haben die Vermittlung angenommen.").wait_for()
    phone.get_by_role("button", name="Wir sind mit der Familie in Kontakt").click()
    phone.get_by_text("Sie sind mit der Familie in Kontakt.").wait_for()
    phone.get_by_label("Ergebnis").select_option(label="Hilfe erhalten")
    phone.get_by_role("button", name="Abschließen").click()
    phone.get_by_text("Die Vermittlung ist abgeschlossen.").wait_for()
    axe(phone)
    referral.refresh_from_db()
    assert referral.status == Referral.Status.CLOSED
    assert referral.outcome == Referral.Outcome.HILFE_ERHALTEN
    steps = list(ReferralEvent.objects.filter(referral=referral).values_list("to_status", "by"))
    assert steps == [
        ("sent", world.worker_hoerde.pk),
        ("opened", world.partner_eb.pk),
        ("accepted", world.partner_eb.pk),
        ("in_contact", world.partner_eb.pk),
        ("closed", world.partner_eb.pk),
    ]
    kinds = list(Disclosure.objects.filter(referral=referral).values_list("kind", flat=True))
    assert kinds[-1] == Disclosure.Kind.LIVE_REFERRAL  # newest first: the send came first
    assert Disclosure.Kind.PARTNER_VIEW in kinds

    # 7. The worker sees the outcome on the case page and closes the case.
    worker.goto(f"{base}/faelle/{case.pk}/")
    worker.get_by_text("abgeschlossen").first.wait_for()
    worker.get_by_label("Ergebnis").select_option(label="weitervermittelt")
    worker.get_by_role("button", name="Fall abschließen").click()
    worker.get_by_text("ist abgeschlossen").wait_for()
    axe(worker)
    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED
    context.close()
