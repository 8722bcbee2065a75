"""The triage queue in a real browser: the team lead assigns a request, the worker
turns it into a case on a phone — axe-clean on every page."""

from __future__ import annotations

import pytest

from bruecke.cases.models import Case
from bruecke.intake.actions import request_create
from bruecke.intake.models import Request
from bruecke.test import World, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lead_assigns_and_worker_turns_the_request_into_a_case(page, phone, live_server, axe):
    world = World.build()
    request = request_create(
        office=world.dortmund,
        source=Request.Source.PORTAL,
        first_name="Ayşe",
        phone="0231 1234567",
        language="tr",
        district=world.hoerde,
        topics=["kinderbetreuung"],
        message="Wir suchen einen Kita-Platz.",
    )
    base = live_server.url

    # The team lead finds the request in the queue and gives it to the worker.
    log_in(page, base, "lead_dortmund")
    page.goto(f"{base}/eingang/")
    axe(page)
    page.get_by_role("link", name=request.reference).click()
    page.wait_for_url(f"**/eingang/{request.pk}/")
    axe(page)
    page.get_by_label("Zuweisen an").select_option(value=str(world.worker_hoerde.pk))
    page.get_by_role("button", name="Zuweisen", exact=True).click()
    page.get_by_text("Die Anfrage ist Worker Test zugewiesen.").wait_for()
    axe(page)

    # The worker, on a phone, records a call and opens a case from the request.
    log_in(phone, base, "worker_hoerde")
    phone.goto(f"{base}/eingang/")
    axe(phone)
    phone.get_by_role("link", name=request.reference).click()
    phone.wait_for_url(f"**/eingang/{request.pk}/")
    phone.get_by_label("Ja, erreicht").check()
    phone.get_by_label("Notiz").fill("Termin für Hausbesuch vereinbart")
    phone.get_by_role("button", name="Kontaktversuch speichern").click()
    phone.get_by_text("Kontaktversuch gespeichert.").wait_for()
    axe(phone)
    phone.get_by_role("link", name="In einen Fall übernehmen").click()
    phone.wait_for_url(f"**/eingang/{request.pk}/fall/")
    axe(phone)
    assert phone.get_by_label("Name der Familie oder Pseudonym").input_value() == "Ayşe"
    assert phone.get_by_label("Gesprochene Sprachen").input_value() == "Türkisch"
    phone.get_by_role("button", name="Fall eröffnen").click()
    phone.wait_for_url("**/faelle/*/")
    assert "Fall DO-" in phone.locator("h1").inner_text()
    axe(phone)

    case = Case.objects.get()
    request.refresh_from_db()
    assert request.status == Request.Status.CASE
    assert request.case == case
    assert case.assigned_to == world.worker_hoerde
    assert case.zugangsweg == "selbst"
    assert request.reached_at is not None
