"""The report: the golden data set checked number by number, access, queries, exports."""

from __future__ import annotations

import csv
import datetime as dt
import io

import time_machine
from django.template.loader import render_to_string
from django.urls import reverse

from bruecke.cases.models import Case
from bruecke.reports import exports
from bruecke.reports.periods import Period
from bruecke.reports.report import build_report
from bruecke.reports.selectors import period_counts, scope_for
from bruecke.reports.suppression import PRIMARY
from bruecke.reports.tests import fixtures
from bruecke.reports.tests.fixtures import FAMILY_NAMES, Q1, TODAY
from bruecke.test import BaseTestCase


def texts(table) -> dict[str, list[str]]:
    """A table as {row label: [shown texts]}."""
    return {row.label: [value.text for value in row.values] for row in table.rows}


@time_machine.travel(TODAY, tick=False)
class GoldenReportTests(BaseTestCase):
    """Every number of the first quarter of 2026, worked out by hand (see fixtures.py)."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        with time_machine.travel(TODAY, tick=False):
            fixtures.build(cls.world)

    def report(self, **scope):
        return build_report(
            scope=scope_for(office=self.dortmund, **scope), period=Period.quarter(2026, 1)
        )

    def test_raw_counts_of_the_quarter_and_the_quarter_before(self):
        now, before = period_counts(
            scope=scope_for(office=self.dortmund), period=Period.quarter(2026, 1)
        )
        hoerde, eving = self.hoerde.pk, self.eving.pk
        brackel = self.dortmund.districts.get(name="Brackel").pk
        m = now.metrics
        assert m["contact"] == {
            (hoerde, "telefon"): 6,
            (hoerde, "beratung"): 6,
            (eving, "telefon"): 5,
        }
        assert m["consultation"] == {(brackel, "telefon"): 7}
        assert m["families"] == {(hoerde, ""): 6, (eving, ""): 5}
        # Hörde: six one-year-olds; Eving: five five-year-olds and five babies.
        assert m["children"] == {(hoerde, "1"): 6, (eving, "3"): 5, (eving, "0"): 5}
        assert m["opened"] == {(hoerde, ""): 6}
        assert m["opened_zw"] == {(hoerde, "kita"): 6}
        assert m["opened_topic"] == {(hoerde, "gesundheit"): 6}
        assert m["closed"] == {(eving, ""): 5}
        assert m["closed_outcome"] == {(eving, "verzogen"): 5}
        assert m["closed_topic"] == {(eving, "inklusion"): 5}
        # Open on 31 March: Hörde's six; Eving's five were opened and closed.
        assert {k: v for k, v in m["open"].items() if v} == {(hoerde, ""): 6}
        assert now.closed_days == {90: 5}
        assert now.median_case_days == 90
        assert m["work"] == {(hoerde, "netzwerktreffen"): 5, (eving, "elternabend"): 5}
        assert m["work_participants"] == {(eving, "elternabend"): 50}
        assert m["interpreter"] == {(eving, "tr"): 5, (brackel, "ar"): 1}
        assert now.referrals["kind"] == {(hoerde, "traeger"): 5}
        assert now.referrals["status"] == {(hoerde, "logged"): 5}
        assert now.intake == {(hoerde, "within"): 5}
        assert now.response_days == [2] * 5

        b = before.metrics
        assert b["contact"] == {(eving, "hausbesuch"): 5}
        assert b["families"] == {(eving, ""): 5}
        # On 31 December 2025 the older children were four, the babies one month.
        assert b["children"] == {(eving, "3"): 5, (eving, "0"): 5}
        assert b["opened"] == {(eving, ""): 5}
        assert {k: v for k, v in b["open"].items() if v} == {(eving, ""): 5}
        assert "closed" not in b
        assert before.intake == {}

    def test_families_reached_in_months_of_ones_own_choice(self):
        """November to February: Eving's families (seen in November and January) count once."""
        now, before = period_counts(
            scope=scope_for(office=self.dortmund),
            period=Period.months(dt.date(2025, 11, 1), dt.date(2026, 2, 28)),
        )
        hoerde, eving = self.hoerde.pk, self.eving.pk
        assert now.metrics["families"] == {(hoerde, ""): 6, (eving, ""): 5}
        # On 28 February 2026 the children born on 1 March 2021 are still four.
        assert now.metrics["children"] == {(hoerde, "1"): 6, (eving, "3"): 5, (eving, "0"): 5}
        assert now.metrics["contact"] == {
            (hoerde, "telefon"): 6,
            (hoerde, "beratung"): 6,
            (eving, "hausbesuch"): 5,
            (eving, "telefon"): 5,
        }
        # July to October 2025: nobody yet.
        assert "families" not in before.metrics and "children" not in before.metrics

    def test_key_figures(self):
        figures = {f.label: (f.current.text, f.previous.text) for f in self.report().figures}
        assert figures == {
            "Kontakte": ("24", "5"),
            "davon anonyme Beratungen": ("7", "0"),
            "Erreichte Familien": ("11", "5"),
            "Erreichte Kinder": ("16", "10"),
            "Neue Fälle": ("6", "5"),
            "Abgeschlossene Fälle": ("5", "0"),
            "Offene Fälle am Ende": ("6", "5"),
            "Falldauer (Median, Tage)": ("90", "–"),
            "Vermittlungen": ("5", "0"),
            "Antwort auf Anfragen (Median, Arbeitstage)": ("2", "–"),
        }

    def test_tables_of_the_whole_office(self):
        report = self.report()
        contacts = texts(report.table("contacts"))
        assert contacts["Telefonberatung"] == ["18", "0"]
        assert contacts["Beratungsgespräch"] == ["6", "0"]
        assert contacts["Hausbesuch"] == ["0", "5"]
        assert contacts["Videoberatung"] == ["0", "0"]
        assert contacts["Kontakte gesamt"] == ["24", "5"]
        assert texts(report.table("contact_sources")) == {
            "Kontakte in Fällen": ["17", "5"],
            "anonyme Beratungen": ["7", "0"],
            "Kontakte gesamt": ["24", "5"],
        }
        assert texts(report.table("reach")) == {
            "Familien": ["11", "5"],
            "Kinder: unter 1 Jahr": ["5", "5"],
            "Kinder: 1 bis unter 3 Jahre": ["6", "0"],
            "Kinder: 3 bis unter 6 Jahre": ["5", "5"],
            "Kinder: 6 Jahre und älter": ["0", "0"],
            "Kinder gesamt": ["16", "10"],
        }
        # New, closed, open at the end; each this quarter and the one before.
        districts = texts(report.table("cases_district"))
        assert districts["Hörde"] == ["6", "0", "0", "0", "6", "0"]
        assert districts["Eving"] == ["0", "5", "5", "0", "0", "5"]
        assert districts["Brackel"] == ["0"] * 6
        assert districts["Gesamt"] == ["6", "5", "5", "0", "6", "5"]
        topics = texts(report.table("cases_topic"))
        assert topics["Gesundheit"] == ["6", "0", "0", "0", "6", "0"]
        assert topics["Inklusion"] == ["0", "5", "5", "0", "0", "5"]
        assert topics["Kinderbetreuung"] == ["0"] * 6
        ways = texts(report.table("cases_zugangsweg"))
        assert ways["über Kita"] == ["6", "0", "0", "0", "6", "0"]
        assert ways["selbst gemeldet"] == ["0", "5", "5", "0", "0", "5"]
        assert ways["Gesamt"] == ["6", "5", "5", "0", "6", "5"]
        outcomes = texts(report.table("outcomes"))
        assert outcomes["verzogen"] == ["5", "0"]
        assert outcomes["Abgeschlossene Fälle gesamt"] == ["5", "0"]
        assert "Median): 90 Tage" in report.table("outcomes").notes[0]
        assert texts(report.table("referrals_kind")) == {
            "Träger": ["5", "0"],
            "Vermittlungen gesamt": ["5", "0"],
        }
        assert texts(report.table("referrals_status")) == {
            "Hinweis gegeben": ["5", "0"],
            "Vermittlungen gesamt": ["5", "0"],
        }
        work = texts(report.table("work"))
        assert work["Netzwerktreffen"] == ["5", "0", "0", "0"]
        assert work["Elternabend"] == ["5", "0", "50", "0"]
        assert work["Gesamt"] == ["10", "0", "50", "0"]
        intake = texts(report.table("intake"))
        assert intake["Anfragen"] == ["5", "0"]
        assert intake["innerhalb der Frist beantwortet"] == ["5", "0"]
        assert intake["Anteil innerhalb der Frist"] == ["100 %", "–"]
        assert intake["Zeit bis zum ersten Kontakt (Median, Arbeitstage)"] == ["2", "–"]

    def test_the_one_arabic_interpretation_is_hidden_and_cannot_be_worked_out(self):
        table = self.report().table("interpreter")
        rows = {row.label: row.values[0] for row in table.rows}
        assert rows["Arabisch"].text == "<5"
        assert rows["Arabisch"].mark == PRIMARY
        # Shown as they are, Türkisch (5) and the total (6) would give the 1 away.
        assert rows["Türkisch"].is_hidden or rows["Kontakte mit Dolmetschung"].is_hidden

    def test_a_team_and_a_district(self):
        ost = self.report(team_pk=self.team_ost.pk)
        assert texts(ost.table("contacts"))["Telefonberatung"] == ["13", "0"]  # Hörde 6 + Brackel 7
        assert texts(ost.table("contacts"))["Kontakte gesamt"] == ["19", "0"]
        assert [r.label for r in ost.table("cases_district").rows] == [
            "Brackel",
            "Hörde",
            "Innenstadt-Ost",
            "Gesamt",
        ]
        eving = self.report(district_slug="eving")
        assert texts(eving.table("reach"))["Familien"] == ["5", "5"]
        assert texts(eving.table("contacts"))["Kontakte gesamt"] == ["5", "5"]
        # Work without a district would count only for the whole office.
        assert texts(eving.table("work"))["Elternabend"] == ["5", "0", "50", "0"]

    def test_the_median_case_duration_is_of_the_scope(self):
        # The five closed cases (90 days) are Eving's: Hörde and team Ost closed none.
        period = Period.quarter(2026, 1)
        for scope, days in (
            ({}, {90: 5}),
            ({"district_slug": "eving"}, {90: 5}),
            ({"district_slug": "hoerde"}, {}),
            ({"team_pk": self.team_ost.pk}, {}),
        ):
            now, _before = period_counts(
                scope=scope_for(office=self.dortmund, **scope), period=period
            )
            assert now.closed_days == days, scope

    def test_the_page_shows_the_numbers_and_no_name(self):
        self.client.force_login(self.lead_dortmund)
        response = self.client.get(reverse("reports:report"), Q1)
        self.assertContains(response, "Statistik der Kita-Sozialarbeit")
        self.assertContains(response, "1. Quartal 2026")
        self.assertContains(
            response, '<th scope="row" class="kern-table__cell">Telefonberatung</th>'
        )
        html = response.content.decode()
        for name in FAMILY_NAMES:
            assert name not in html
        for number in Case.objects.values_list("number", flat=True):
            assert number not in html
        assert "Anfrage 0" not in html

    def test_query_count_does_not_grow_with_the_data(self):
        self.client.force_login(self.coordinator_dortmund)
        url = reverse("reports:report")
        # session, user, membership; districts, teams, their districts;
        # counts per month (referrals and requests included), open cases, durations.
        with self.assertNumQueries(9):
            self.client.get(url, Q1)
        fixtures.build(self.world)  # the whole data set once more
        with self.assertNumQueries(9):
            response = self.client.get(url, Q1)
        assert texts(response.context["report"].table("contacts"))["Kontakte gesamt"] == [
            "48",
            "10",
        ]
        for query in ({**Q1, "district": "hoerde"}, {**Q1, "team": str(self.team_ost.pk)}):
            with self.assertNumQueries(9):
                self.client.get(url, query)
        # A year reads the same tables; months of one's own choice read the
        # families' first months in the range, once for each of the two periods.
        with self.assertNumQueries(9):
            self.client.get(url, {"period": "year", "year": "2025"})
        with self.assertNumQueries(11):
            self.client.get(url, {"period": "custom", "start": "2025-11", "end": "2026-02"})

    def test_csv_export(self):
        self.client.force_login(self.lead_dortmund)
        response = self.client.get(reverse("reports:export"), {**Q1, "format": "csv"})
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert (
            response["Content-Disposition"]
            == 'attachment; filename="bericht-dortmund-2026-q1-alle.csv"'
        )
        content = b"".join(response.streaming_content).decode("utf-8")
        assert content.startswith("\ufeff")
        rows = list(csv.reader(io.StringIO(content.lstrip("\ufeff")), delimiter=";"))
        assert rows[0][:2] == ["Jugendamt", "Jugendamt Dortmund"]
        assert ["Kontakte nach Kontaktart", "Telefonberatung", "Q1 2026", "18"] in rows
        assert ["Kontakte mit Dolmetschung nach Sprache", "Arabisch", "Q1 2026", "<5"] in rows
        for name in FAMILY_NAMES:
            assert name not in content

    def test_xlsx_export(self):
        from openpyxl import load_workbook  # type: ignore[import-untyped]

        self.client.force_login(self.lead_dortmund)
        response = self.client.get(
            reverse("reports:export"), {**Q1, "format": "xlsx", "district": "hoerde"}
        )
        assert response["Content-Disposition"].endswith('2026-q1-hoerde.xlsx"')
        sheet = load_workbook(io.BytesIO(response.content)).active
        cells = [tuple(row) for row in sheet.iter_rows(values_only=True)]
        assert cells[1][:2] == ("Jugendamt", "Jugendamt Dortmund")
        assert ("Telefonberatung", 6, 0) in [tuple(row[:3]) for row in cells]
        assert ("Auswertung für", "Hörde") in [tuple(row[:2]) for row in cells]

    def test_pdf_export_has_the_office_header_and_the_charts(self):
        self.client.force_login(self.lead_dortmund)
        response = self.client.get(reverse("reports:export"), {**Q1, "format": "pdf"})
        assert response.content.startswith(b"%PDF")
        assert response["Content-Type"] == "application/pdf"
        from bruecke.reports.views import _print_context

        html = render_to_string("reports/report_pdf.html", _print_context(self.report()))
        assert "Jugendamt Dortmund" in html
        assert "Jägerstraße 5, 44145 Dortmund" in html
        assert html.count('src="data:image/svg+xml;base64,') == 8
        for name in FAMILY_NAMES:
            assert name not in html

    def test_sachbericht(self):
        self.client.force_login(self.coordinator_dortmund)
        response = self.client.get(reverse("reports:sachbericht"), Q1)
        self.assertContains(
            response, "hat die Kita-Sozialarbeit 11 Familien mit 16 Kindern erreicht"
        )
        self.assertContains(response, "Es fanden 24 Kontakte statt, darunter 7 anonyme")
        self.assertContains(response, "an 5 Netzwerktreffen und Bezirksteams teil")
        self.assertContains(response, "Die Hilfe dauerte im Median 90 Tage.")
        pdf = self.client.get(reverse("reports:sachbericht"), {**Q1, "format": "pdf"})
        assert pdf.content.startswith(b"%PDF")
        assert "sachbericht-dortmund-2026-q1-alle.pdf" in pdf["Content-Disposition"]

    def test_a_chart_is_an_svg_with_text_and_the_hidden_numbers_as_markers(self):
        self.client.force_login(self.lead_dortmund)
        response = self.client.get(reverse("reports:chart", args=["interpreter"]), Q1)
        assert response["Content-Type"] == "image/svg+xml"
        svg = response.content.decode()
        assert svg.startswith("<svg")
        assert "&lt;5" in svg  # text stays text (svg.fonttype none)
        assert "Arabisch" in svg
        assert self.client.get(reverse("reports:chart", args=["nope"]), Q1).status_code == 404


class ReportAccessTests(BaseTestCase):
    def test_team_leads_and_coordinators_read_the_report(self):
        for user in (self.lead_dortmund, self.coordinator_dortmund, self.lead_bochum):
            self.client.force_login(user)
            assert self.client.get(reverse("reports:report")).status_code == 200

    def test_no_other_role_reaches_it(self):
        urls = [
            reverse("reports:report"),
            reverse("reports:export") + "?format=csv",
            reverse("reports:sachbericht"),
            reverse("reports:chart", args=["contacts"]),
        ]
        for user in (
            self.worker_hoerde,
            self.dpo_dortmund,
            self.admin_dortmund,
            self.partner_kita,
        ):
            self.client.force_login(user)
            for url in urls:
                assert self.client.get(url).status_code == 404, (user, url)
        self.client.logout()
        assert self.client.get(reverse("reports:report")).status_code == 302

    def test_statistics_roles_never_reach_a_case(self):
        case = Case.objects.get(
            pk=fixtures_case(self.world).pk,
        )
        self.client.force_login(self.coordinator_dortmund)
        assert self.client.get(reverse("cases:detail", args=[case.pk])).status_code == 404
        assert self.client.get(reverse("cases:list")).status_code == 404

    def test_an_office_sees_only_its_own_numbers(self):
        with time_machine.travel(TODAY, tick=False):
            fixtures.build(self.world)
            self.client.force_login(self.lead_bochum)
            response = self.client.get(reverse("reports:report"), Q1)
        report = response.context["report"]
        assert report.office == self.bochum
        assert texts(report.table("contacts"))["Kontakte gesamt"] == ["0", "0"]
        self.assertNotContains(response, "Hörde")

    def test_a_wrong_period_is_explained_and_the_input_kept(self):
        self.client.force_login(self.lead_dortmund)
        response = self.client.get(
            reverse("reports:report"), {"period": "custom", "start": "2026-05", "end": "2026-02"}
        )
        self.assertContains(response, "Der letzte Monat liegt vor dem ersten.")
        self.assertContains(response, 'value="2026-05"')
        assert response.context["report"] is None
        response = self.client.get(
            reverse("reports:report"), {"period": "custom", "start": "Mai", "end": ""}
        )
        self.assertContains(response, "Bitte geben Sie den Monat so ein: 2026-03")
        self.assertContains(response, "Bitte geben Sie den letzten Monat ein.")
        export = self.client.get(
            reverse("reports:export"), {"period": "custom", "start": "Mai", "format": "csv"}
        )
        assert export.status_code == 302

    def test_the_default_is_the_last_complete_quarter(self):
        self.client.force_login(self.lead_dortmund)
        with time_machine.travel(dt.datetime(2026, 4, 15, 10, tzinfo=dt.UTC)):
            response = self.client.get(reverse("reports:report"))
        assert response.context["report"].period == Period.quarter(2026, 1)


def fixtures_case(world) -> Case:
    from bruecke.cases.tests.helpers import make_case

    return make_case(world, worker=world.worker_hoerde, district=world.hoerde)


class ExportHelperTests(BaseTestCase):
    def test_cells_that_a_spreadsheet_would_run_get_an_apostrophe(self):
        for text in ("=1+2", "+49 231", "-3", "@SUM(A1)", "\t=1"):
            assert exports.cell_safe(text) == "'" + text
        assert exports.cell_safe("Telefonberatung") == "Telefonberatung"
        assert exports.cell_safe("<5") == "<5"
        assert exports.cell_safe(12) == 12
