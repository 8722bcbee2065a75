"""District planning: demand against supply per district and Handlungsfeld."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from bruecke.org.access import MemberRequest, role_required
from bruecke.org.models import Role
from bruecke.reports import planning
from bruecke.reports.actions_planning import district_children_set
from bruecke.reports.forms_planning import ChildrenForm, PlanningFilterForm

planning_required = role_required(planning.PLANNING_ROLES)
# Administration keeps the districts; coordinators plan with the numbers.
children_required = role_required({Role.ADMINISTRATION, Role.KOORDINATION})


@planning_required
def district_planning(request: MemberRequest) -> HttpResponse:
    """The matrix for all districts, or one district in detail; and stale directory entries."""
    office = request.membership.office
    today = timezone.localdate()
    period = planning.period_for(request.GET.get("zeitraum"), today)
    result = planning.planning_matrix(office=office, period=period)
    form = PlanningFilterForm(
        # Always bound: a first visit shows the last 12 months for all districts.
        {"zeitraum": period.key, "bezirk": PlanningFilterForm.ALL, **request.GET.dict()},
        districts=[row.district for row in result.rows],
        today=today,
    )
    chosen = None
    if form.is_valid():
        chosen = next(
            (row for row in result.rows if row.district.slug == form.cleaned_data["bezirk"]), None
        )
    stale = planning.stale_offers(office=office, today=today)
    stale_list = list(stale[: planning.STALE_LIMIT])
    return render(
        request,
        "reports/planning.html",
        {
            "form": form,
            "planning": result,
            "chosen": chosen,
            "stale": stale_list,
            "stale_count": stale.count(),
            "may_edit_directory": request.membership.role == Role.KOORDINATION,
            "may_edit_children": request.membership.role
            in {Role.ADMINISTRATION, Role.KOORDINATION},
            "min_cases": planning.MIN_CASES,
            "low_offers": planning.LOW_OFFERS,
        },
        status=200 if form.is_valid() else 400,
    )


@children_required
def children_edit(request: MemberRequest) -> HttpResponse:
    """Enter the number of children under six per district (for rates per 1,000 children)."""
    office = request.membership.office
    form = ChildrenForm(request.POST or None, districts=planning.districts_of(office))
    if request.method == "POST" and form.is_valid():
        try:
            changed = district_children_set(by=request.user, office=office, numbers=form.numbers())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if changed:
                messages.success(request, _("Die Kinderzahlen sind gespeichert."))
            else:
                messages.info(request, _("Es hat sich nichts geändert."))
            return redirect("planning:districts")
    return render(
        request,
        "reports/planning_children.html",
        {"form": form},
        status=400 if form.errors else 200,
    )
