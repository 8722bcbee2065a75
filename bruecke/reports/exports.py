"""The report as CSV, XLSX and PDF.

The same tables as the page, with the same hidden numbers: exports only
ever receive a built ``Report``. No name or id is in a report, so none can
be in an export; file names say office, period and scope only.
"""

from __future__ import annotations

import base64
import csv
import io
import logging
from collections.abc import Iterator
from typing import Any

from django.template.loader import render_to_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from bruecke.reports.report import Report, Table, Value

# Spreadsheets run cells that begin with these as formulas (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"  # Excel reads UTF-8 only with it


def cell_safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula, with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def filename(report: Report, extension: str, kind: str = "bericht") -> str:
    period = report.period
    if period.kind == "quarter":
        when = f"{period.start.year}-q{period.quarter_number}"
    elif period.kind == "year":
        when = str(period.start.year)
    else:
        when = f"{period.start:%Y-%m}-bis-{period.end:%Y-%m}"
    scope = report.scope
    where = (
        scope.district.slug
        if scope.district is not None
        else slugify(scope.team.name)
        if scope.team is not None
        else "alle"
    )
    return f"{kind}-{report.office.slug}-{when}-{where}.{extension}"


def header_lines(report: Report) -> list[tuple[str, str]]:
    office = report.office
    address = ", ".join(
        part for part in (office.street, f"{office.postal_code} {office.city}".strip()) if part
    )
    return [
        (_("Jugendamt"), office.name),
        (_("Anschrift"), address),
        (_("Zeitraum"), f"{report.period.label} ({report.period.dates})"),
        (_("Vergleich"), f"{report.previous.label} ({report.previous.dates})"),
        (_("Auswertung für"), report.scope.label),
        (_("Erstellt am"), f"{report.made_on:%d.%m.%Y}"),
        (_("Zeichen"), legend()),
    ]


def legend() -> str:
    return _(
        "<5 = 1 bis 4 (kleine Zahl, nicht angezeigt); • = nicht angezeigt, damit sich "
        "kleine Zahlen nicht errechnen lassen; – = nicht berechnet (zu wenige Fälle)"
    )


def column_label(table: Table, index: int) -> str:
    column = table.columns[index]
    return f"{column.group}: {column.label}" if column.group else column.label


# --- CSV ----------------------------------------------------------------------------------------


class _Echo:
    """A file that hands back what is written (for csv.writer in a streaming response)."""

    def write(self, value: str) -> str:
        return value


def csv_rows(report: Report) -> Iterator[str]:
    """The report as CSV lines: a header block, then one line per number (long format)."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield BOM
    for label, text in header_lines(report):
        yield writer.writerow([cell_safe(label), cell_safe(text), "", ""])
    yield writer.writerow([_("Tabelle"), _("Zeile"), _("Spalte"), _("Wert")])
    for table in report.tables:
        for row in table.rows:
            for index, value in enumerate(row.values):
                yield writer.writerow(
                    [
                        cell_safe(table.title),
                        cell_safe(row.label),
                        cell_safe(column_label(table, index)),
                        cell_safe(_csv_value(value)),
                    ]
                )


def _csv_value(value: Value) -> str:
    exported = value.export_value
    if isinstance(exported, float):
        return f"{exported:.1f}".replace(".", ",")
    return str(exported)


# --- XLSX ---------------------------------------------------------------------------------------


def xlsx_bytes(report: Report) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Bericht")[:31]
    bold = Font(bold=True)
    sheet.append([cell_safe(_("Statistik der Kita-Sozialarbeit"))])
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    for label, value in header_lines(report):
        sheet.append([cell_safe(label), cell_safe(value)])
        sheet.cell(row=sheet.max_row, column=1).font = bold
    for table in report.tables:
        sheet.append([])
        sheet.append([cell_safe(table.title)])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=True, size=12)
        if table.groups:
            groups: list[str] = [""]
            for label, span in table.groups:
                groups += [label] + [""] * (span - 1)
            sheet.append([cell_safe(v) for v in groups])
            for column in range(1, len(groups) + 1):
                sheet.cell(row=sheet.max_row, column=column).font = bold
        sheet.append([cell_safe(table.row_heading), *(cell_safe(c.label) for c in table.columns)])
        for column in range(1, len(table.columns) + 2):
            sheet.cell(row=sheet.max_row, column=column).font = bold
        for row in table.rows:
            sheet.append([cell_safe(row.label), *(cell_safe(v.export_value) for v in row.values)])
            if row.total:
                for column in range(1, len(row.values) + 2):
                    sheet.cell(row=sheet.max_row, column=column).font = bold
            for column in range(2, len(row.values) + 2):
                sheet.cell(row=sheet.max_row, column=column).alignment = Alignment(
                    horizontal="right"
                )
        for note in table.notes:
            sheet.append([cell_safe(note)])
            sheet.cell(row=sheet.max_row, column=1).font = Font(italic=True)
    sheet.column_dimensions["A"].width = 48
    for letter in "BCDEFG":
        sheet.column_dimensions[letter].width = 14
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- PDF ----------------------------------------------------------------------------------------


def svg_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def pdf_bytes(template: str, context: dict[str, Any]) -> bytes:
    """Render ``template`` (a print page with inline charts) to PDF with WeasyPrint.

    No base URL: the page needs nothing from outside itself (styles inline,
    charts as data URIs), so WeasyPrint fetches nothing.
    """
    # WeasyPrint reports every layout step at INFO; the server log needs none of it.
    for name in ("weasyprint", "weasyprint.progress", "fontTools"):
        logging.getLogger(name).setLevel(logging.WARNING)
    from weasyprint import HTML  # type: ignore[import-untyped]

    html = render_to_string(template, context)
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
