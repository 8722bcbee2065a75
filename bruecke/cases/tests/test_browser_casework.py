"""A social worker's day in a real browser, axe-clean on every page it visits."""

from __future__ import annotations

import pytest

from bruecke.cases.models import AnonymousConsultation, Case, Contact
from bruecke.test import PASSWORD, World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_worker_creates_family_and_case_logs_contacts_finds_family_and_closes(
    page, live_server, axe
):
    World.build()
    base = live_server.url
    page.goto(f"{base}/anmelden/")
    page.fill("input[name=username]", "worker_hoerde")
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{base}/arbeit/")
    axe(page)

    # New family: search first, then create.
    page.get_by_role("link", name="Familie suchen", exact=True).first.click()
    page.wait_for_url("**/familien/")
    axe(page)
    page.get_by_role("link", name="Neue Familie anlegen").click()
    page.wait_for_url("**/familien/neu/*")
    axe(page)
    page.get_by_label("Name der Familie oder Pseudonym").fill("Schmidt")
    page.get_by_label("Stadtbezirk").select_option(label="Hörde")
    page.get_by_label("Telefon").fill("0231 9876543")
    page.get_by_label("Vorname Elternteil").fill("Sandra")
    page.get_by_label("Nachname Elternteil").fill("Schmidt")
    page.get_by_label("Vorname Kind").fill("Mia")
    page.get_by_label("Geburtsdatum Kind").fill("2023-04-12")
    page.get_by_role("button", name="Familie speichern").click()

    # Open the case.
    page.wait_for_url("**/fall/")
    axe(page)
    page.get_by_label("Zugangsweg").select_option(label="über Kita")
    page.get_by_label("Kinderbetreuung", exact=True).check()
    page.get_by_role("button", name="Fall eröffnen").click()
    page.wait_for_url("**/faelle/*/")
    assert "Fall DO-" in page.locator("h1").inner_text()
    axe(page)

    # Two contacts; the first try forgets the duration and keeps the note.
    page.get_by_label("Kontaktart").select_option(label="Hausbesuch")
    page.get_by_label("Dauer in Minuten").fill("")
    page.get_by_label("Kurznotiz").fill("Hausbesuch, Unterlagen für den Kita-Antrag besprochen")
    page.get_by_role("button", name="Kontakt speichern").click()
    assert (
        page.get_by_label("Kurznotiz").input_value()
        == "Hausbesuch, Unterlagen für den Kita-Antrag besprochen"
    )
    axe(page)
    page.get_by_label("Dauer in Minuten").fill("60")
    page.get_by_role("button", name="Kontakt speichern").click()
    page.get_by_text("Kontakt gespeichert.").wait_for()
    page.get_by_label("Kontaktart").select_option(label="Telefonberatung")
    page.get_by_label("Dauer in Minuten").fill("15")
    page.get_by_role("button", name="Kontakt speichern").click()
    page.get_by_text("Kontakt gespeichert.").wait_for()
    axe(page)
    assert Contact.objects.count() == 2

    # An anonymous phone consultation from the start page.
    page.get_by_role("link", name="Start").click()
    quick = page.locator(".quick-entry")
    quick.get_by_label("Stadtbezirk").select_option(label="Hörde")
    quick.get_by_label("Dauer in Minuten").fill("10")
    quick.get_by_role("button", name="Beratung zählen").click()
    page.get_by_text("Anonyme Beratung gezählt").wait_for()
    axe(page)
    assert AnonymousConsultation.objects.count() == 1

    # Find the family again by a misspelt name, and close the case.
    page.get_by_role("link", name="Familie suchen", exact=True).first.click()
    page.get_by_label("Name oder Telefonnummer").fill("Schmitt")
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url("**/familien/?q=Schmitt*")
    axe(page)
    page.locator("main a[href*='/faelle/']").first.click()
    page.get_by_label("Ergebnis").select_option(label="Ziel erreicht")
    page.get_by_role("button", name="Fall abschließen").click()
    page.get_by_text("ist abgeschlossen").wait_for()
    axe(page)
    assert Case.objects.get().status == Case.Status.CLOSED
