"""The report page, its charts, its exports and the Sachbericht."""

from __future__ import annotations

from typing import Any, cast

from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBase,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from bruecke.audit.actions import audit_record
from bruecke.org.access import MemberRequest, role_required
from bruecke.reports import exports
from bruecke.reports.access import REPORT_ROLES
from bruecke.reports.charts import table_chart
from bruecke.reports.forms import ReportFilterForm
from bruecke.reports.report import Report, build_report
from bruecke.reports.sachbericht import sections
from bruecke.reports.selectors import Scope, scope_for

FORMATS = {"csv", "xlsx", "pdf"}


def _filters(request: MemberRequest) -> tuple[ReportFilterForm, Scope | None]:
    """The filter form, and the scope once the form is valid (two queries for the scope)."""
    office = request.membership.office
    scope = scope_for(office=office)
    form = ReportFilterForm(
        request.GET, districts=scope.districts, teams=scope.teams, today=timezone.localdate()
    )
    if not form.is_valid():
        return form, None
    district = next((d for d in scope.districts if d.slug == form.district_slug), None)
    team = next((t for t in scope.teams if t.pk == form.team_pk), None)
    return form, Scope(
        office=office,
        districts=scope.districts,
        teams=scope.teams,
        team_districts=scope.team_districts,
        team=team if district is None else None,
        district=district,
    )


def _report(request: MemberRequest) -> tuple[ReportFilterForm, Report | None]:
    form, scope = _filters(request)
    if scope is None:
        return form, None
    return form, build_report(scope=scope, period=form.the_period)


def _query(request: MemberRequest, **changes: str) -> str:
    params = request.GET.copy()
    params.pop("format", None)
    for key, value in changes.items():
        params[key] = value
    return params.urlencode()


@require_GET
@role_required(REPORT_ROLES)
def report(request: MemberRequest) -> HttpResponse:
    form, built = _report(request)
    query = _query(request)
    return render(
        request,
        "reports/report.html",
        {
            "form": form,
            "report": built,
            "query": query,
            "legend": exports.legend(),
        },
    )


@require_GET
@role_required(REPORT_ROLES)
def chart(request: MemberRequest, slug: str) -> HttpResponse:
    _form, built = _report(request)
    if built is None:
        raise Http404
    table = next((t for t in built.tables if t.slug == slug and t.chart_columns), None)
    if table is None:
        raise Http404
    response = HttpResponse(table_chart(table), content_type="image/svg+xml")
    response["Cache-Control"] = "private, max-age=300"
    return response


def _charts(report: Report) -> dict[str, str]:
    return {
        table.slug: exports.svg_data_uri(table_chart(table))
        for table in report.tables
        if table.chart_columns
    }


def _audit_export(request: MemberRequest, report: Report, kind: str) -> None:
    # Who took which numbers out of Brücke (aggregates only, but still a trail).
    audit_record(
        office=report.office,
        actor=request.user,
        action="report.export",
        target_type="report",
        target_id=report.period.short,
        details={"format": kind, "scope": report.scope.label},
    )


@require_GET
@role_required(REPORT_ROLES)
def export(request: MemberRequest) -> HttpResponse:
    kind = request.GET.get("format", "")
    if kind not in FORMATS:
        raise Http404
    _form, built = _report(request)
    if built is None:
        # The page says what is wrong with the filter.
        return HttpResponseRedirect(f"{reverse('reports:report')}?{_query(request)}")
    _audit_export(request, built, kind)
    if kind == "csv":
        response: HttpResponseBase = StreamingHttpResponse(
            exports.csv_rows(built), content_type="text/csv; charset=utf-8"
        )
    elif kind == "xlsx":
        response = HttpResponse(
            exports.xlsx_bytes(built),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(
            exports.pdf_bytes("reports/report_pdf.html", _print_context(built)),
            content_type="application/pdf",
        )
    response["Content-Disposition"] = f'attachment; filename="{exports.filename(built, kind)}"'
    # The CSV streams (a StreamingHttpResponse); the decorators only pass it through.
    return cast(HttpResponse, response)


def _print_context(report: Report) -> dict[str, Any]:
    return {
        "report": report,
        "charts": _charts(report),
        "header": exports.header_lines(report),
        "legend": exports.legend(),
        "sections": sections(report),
    }


@require_GET
@role_required(REPORT_ROLES)
def sachbericht(request: MemberRequest) -> HttpResponse:
    """The programme report (Sachbericht): the key numbers in a narrative frame."""
    _form, built = _report(request)
    if built is None:
        return HttpResponseRedirect(f"{reverse('reports:report')}?{_query(request)}")
    if request.GET.get("format") == "pdf":
        _audit_export(request, built, "sachbericht-pdf")
        response = HttpResponse(
            exports.pdf_bytes("reports/sachbericht_pdf.html", _print_context(built)),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = (
            f'attachment; filename="{exports.filename(built, "pdf", kind="sachbericht")}"'
        )
        return response
    return render(
        request,
        "reports/sachbericht.html",
        {
            "report": built,
            "query": _query(request),
            "legend": exports.legend(),
            "sections": sections(built),
        },
    )
