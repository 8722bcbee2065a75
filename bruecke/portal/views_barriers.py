"""Staff page of the barrier reports (BITV feedback): read, answer, mark as handled."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bruecke.directory.access import COORDINATION_ROLES
from bruecke.org.access import MemberRequest, role_required
from bruecke.portal import actions
from bruecke.portal.selectors import barrier_reports_for

coordinator_required = role_required(COORDINATION_ROLES)


@coordinator_required
def barrier_reports(request: MemberRequest) -> HttpResponse:
    """Open reports first (oldest first: they waited longest), then those handled."""
    reports = barrier_reports_for(request.membership).select_related("office")
    return render(
        request,
        "portal/barrier_reports.html",
        {
            "open_reports": list(reports.filter(handled_at__isnull=True).order_by("created_at")),
            "handled_reports": list(
                reports.filter(handled_at__isnull=False).order_by("-handled_at")
            ),
            "keep_days": actions.KEEP_HANDLED.days,
        },
    )


@coordinator_required
@require_POST
def barrier_report_handle(request: MemberRequest, report_id: int) -> HttpResponse:
    report = get_object_or_404(barrier_reports_for(request.membership), pk=report_id)
    choice = request.POST.get("bearbeitet")
    if choice not in ("0", "1"):
        return HttpResponseBadRequest(_("Bitte nutzen Sie die Knöpfe auf der Seite."))
    handled = choice == "1"
    actions.barrier_report_handle(report, handled=handled)
    if handled:
        messages.success(request, _("Die Meldung ist als bearbeitet markiert."))
    else:
        messages.success(request, _("Die Meldung ist wieder offen."))
    return redirect("portal:barrier_reports")
