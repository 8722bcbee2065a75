"""A team lead reads the quarterly report in a real browser, axe-clean, and takes it home."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import time_machine
from openpyxl import load_workbook  # type: ignore[import-untyped]

from bruecke.reports.periods import Period
from bruecke.reports.report import build_report
from bruecke.reports.selectors import scope_for
from bruecke.reports.tests import fixtures
from bruecke.test import PASSWORD, World

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def pdf_text(html: str) -> str:
    """The text WeasyPrint lays out on the pages (its document API, no PDF parser needed)."""
    from weasyprint import HTML  # type: ignore[import-untyped]

    def texts(box):
        if getattr(box, "text", None):
            yield box.text
        for child in getattr(box, "children", ()):
            yield from texts(child)

    document = HTML(string=html).render()
    return " ".join(text for page in document.pages for text in texts(page._page_box))


def test_team_lead_opens_the_first_quarter_switches_district_and_downloads(
    page, live_server, axe, tmp_path: Path
):
    world = World.build()
    with time_machine.travel(fixtures.TODAY, tick=False):
        fixtures.build(world)
    base = live_server.url
    page.goto(f"{base}/anmelden/")
    page.fill("input[name=username]", "lead_dortmund")
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{base}/arbeit/")

    page.get_by_role("link", name="Statistik", exact=True).click()
    page.wait_for_url("**/statistik/")
    axe(page)

    # The first quarter of 2026.
    page.get_by_role("radio", name="ein Quartal").check()
    page.get_by_label("Jahr", exact=True).select_option("2026")
    page.get_by_label("Quartal", exact=True).select_option("1")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_url("**quarter=1**")
    assert "1. Quartal 2026" in page.locator(".kern-subline").first.inner_text()
    contacts = page.locator("section[aria-labelledby=contacts-heading] table")
    assert "18" in contacts.locator("tr", has_text="Telefonberatung").inner_text()
    # Every chart loaded (an SVG drawn on the server).
    charts = page.locator(".report-chart img")
    assert charts.count() == 8
    for index in range(charts.count()):
        charts.nth(index).scroll_into_view_if_needed()
        page.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=charts.nth(index).element_handle()
        )
    axe(page)

    # Hörde only.
    page.get_by_role("combobox", name="Stadtbezirk").select_option(label="Hörde")
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_url("**district=hoerde**")
    assert "Hörde · 1. Quartal 2026" in page.locator(".kern-subline").first.inner_text()
    assert "6" in contacts.locator("tr", has_text="Telefonberatung").inner_text()
    axe(page)

    # The spreadsheet has the same numbers.
    with page.expect_download() as download:
        page.get_by_role("link", name="Excel (XLSX)").click()
    assert download.value.suggested_filename == "bericht-dortmund-2026-q1-hoerde.xlsx"
    target = tmp_path / "report.xlsx"
    download.value.save_as(target)
    rows = [
        tuple(row)
        for row in load_workbook(io.BytesIO(target.read_bytes())).active.iter_rows(values_only=True)
    ]
    assert ("Auswertung für", "Hörde") in [row[:2] for row in rows]
    assert ("Telefonberatung", 6, 0) in [row[:3] for row in rows]
    assert ("Kontakte gesamt", 12, 0) in [row[:3] for row in rows]

    # The PDF: a PDF, with the office's header and the numbers.
    with page.expect_download() as download:
        page.get_by_role("link", name="PDF").click()
    assert download.value.suggested_filename == "bericht-dortmund-2026-q1-hoerde.pdf"
    target = tmp_path / "report.pdf"
    download.value.save_as(target)
    assert target.read_bytes().startswith(b"%PDF")
    from django.template.loader import render_to_string

    from bruecke.reports.views import _print_context

    report = build_report(
        scope=scope_for(office=world.dortmund, district_slug="hoerde"),
        period=Period.quarter(2026, 1),
    )
    text = pdf_text(render_to_string("reports/report_pdf.html", _print_context(report)))
    assert "Jugendamt Dortmund" in text
    assert "Jägerstraße 5, 44145 Dortmund" in text
    assert "Telefonberatung" in text
    for name in fixtures.FAMILY_NAMES:
        assert name not in text

    # The Sachbericht.
    page.get_by_role("link", name="Sachbericht ansehen").click()
    page.wait_for_url("**/statistik/sachbericht/**")
    assert "Sachbericht zur Kita-Sozialarbeit 1. Quartal 2026" in page.locator("h1").inner_text()
    axe(page)


def test_the_report_on_a_phone(phone, live_server, axe):
    world = World.build()
    with time_machine.travel(fixtures.TODAY, tick=False):
        fixtures.build(world)
    base = live_server.url
    phone.goto(f"{base}/anmelden/")
    phone.fill("input[name=username]", "coordinator_dortmund")
    phone.fill("input[name=password]", PASSWORD)
    phone.locator("button[type=submit]").click()
    phone.wait_for_url(f"{base}/arbeit/")
    phone.goto(f"{base}/statistik/?period=quarter&year=2026&quarter=1")
    assert phone.locator("h1").inner_text() == "Statistik der Kita-Sozialarbeit"
    # Nothing wider than the screen but the tables' own scroll areas.
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    axe(phone)
