"""A coordinator opens district planning in a real browser: axe-clean, on a phone too."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from bruecke.cases.tests.helpers import make_case
from bruecke.directory.models import Organization, Service
from bruecke.org.models import District
from bruecke.test import World, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _world_with_demand() -> World:
    world = World.build()
    District.objects.filter(pk=world.eving.pk).update(children_under_6=2_300)
    District.objects.filter(pk=world.hoerde.pk).update(children_under_6=3_000)
    opened = dt.date.today().replace(day=1) - dt.timedelta(days=60)
    for n in range(6):
        make_case(
            world,
            worker=world.worker_eving,
            district=world.eving,
            name=f"Familie{n}",
            topics=("wirtschaftliche-lage",),
            opened_on=opened,
        )
    for n in range(3):
        make_case(
            world,
            worker=world.worker_hoerde,
            district=world.hoerde,
            name=f"Hoerde{n}",
            topics=("gesundheit",),
            opened_on=opened,
        )
    org = Organization.objects.create(office=world.dortmund, name="Familienzentrum Test")
    service = Service.objects.create(
        office=world.dortmund,
        organization=org,
        name="Gesundheitssprechstunde",
        description="Ein Angebot.",
        kind=Service.Kind.SPRECHSTUNDE,
        topics=["gesundheit"],
        languages=["de", "tr"],
        last_verified=None,
    )
    service.districts.set([world.hoerde, world.eving])
    return world


def _shots() -> Path | None:
    # Set SCREENSHOT_DIR to keep the pictures (for looking at them, or for docs).
    folder = os.environ.get("SCREENSHOT_DIR")
    if not folder:
        return None
    Path(folder).mkdir(parents=True, exist_ok=True)
    return Path(folder)


def test_coordinator_opens_district_planning_and_one_district(page, live_server, axe):
    _world_with_demand()
    base = live_server.url
    log_in(page, base, "coordinator_dortmund")
    page.goto(f"{base}/planung/")
    assert page.locator("h1").inner_text() == "Bezirksplanung"
    gaps = page.locator(".plan-gaps")
    assert "Eving – Wirtschaftliche Lage und Umgang mit Ämtern" in gaps.inner_text()
    assert "kein Angebot" in gaps.inner_text()
    # The gap in the matrix is marked in words, not only by colour.
    assert page.locator(".plan-cell--gap").first.inner_text().count("Lücke: kein Angebot") == 1
    assert "<5" in page.locator(".plan-matrix").inner_text()  # Hörde's three cases
    assert "Gesundheitssprechstunde" in page.locator("#stale-heading + p + div").inner_text()
    axe(page)
    if folder := _shots():
        page.screenshot(path=str(folder / "planning-1280.png"), full_page=True)

    page.get_by_label("Stadtbezirk", exact=True).select_option(label="Hörde")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_url("**bezirk=hoerde*")
    assert page.locator("h1").inner_text() == "Bezirksplanung: Hörde"
    table = page.get_by_role("table", name="Bedarf und Angebot je Handlungsfeld in Hörde")
    health = table.get_by_role("row", name="Gesundheit")
    assert "Deutsch, Türkisch" in health.inner_text()
    axe(page)

    # The coordinator enters a missing number of children; a typo is kept and explained.
    page.get_by_role("link", name="Alle Stadtbezirke zeigen").click()
    page.get_by_role("link", name="Kinderzahlen eintragen").click()
    page.wait_for_url("**/planung/kinderzahlen/")
    axe(page)
    if folder := _shots():
        page.screenshot(path=str(folder / "planning-children-1280.png"), full_page=True)
    page.get_by_label("Brackel").fill("etwa 2900")
    page.get_by_role("button", name="Speichern").click()
    page.get_by_text("Bitte geben Sie eine ganze Zahl ein").first.wait_for()
    assert page.get_by_label("Brackel").input_value() == "etwa 2900"
    axe(page)
    page.get_by_label("Brackel").fill("2.900")
    page.get_by_role("button", name="Speichern").click()
    page.get_by_text("Die Kinderzahlen sind gespeichert.").wait_for()
    assert "Brackel" not in page.locator(".kern-alert--info").inner_text()
    assert District.objects.get(name="Brackel").children_under_6 == 2900
    axe(page)


def test_district_planning_on_a_phone(phone, live_server, axe):
    _world_with_demand()
    base = live_server.url
    log_in(phone, base, "coordinator_dortmund")
    phone.goto(f"{base}/planung/")
    axe(phone)
    # Only the matrix scrolls sideways, never the page itself.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    if folder := _shots():
        phone.screenshot(path=str(folder / "planning-390.png"), full_page=True)
