"""Work without a family: networking, consultations in Kitas, parent events, office hours."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet, Sum
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from bruecke.cases import actions
from bruecke.cases.access import casework_membership
from bruecke.cases.choices import WorkKind
from bruecke.cases.forms_work import FamilyFreeWorkForm
from bruecke.cases.models import FamilyFreeWork
from bruecke.cases.views import CaseworkRequest, casework_required
from bruecke.org.models import Membership, Role

MONTH_PARAM = "monat"


# Reads -----------------------------------------------------------------------


def work_scope(membership: Membership) -> Q:
    """One's own entries; a team lead also sees the entries of the team's members."""
    mine = Q(created_by_id=membership.user_id)
    if membership.role == Role.TEAMLEITUNG and membership.team_id is not None:
        team = Membership.objects.filter(team_id=membership.team_id).values("user_id")
        mine |= Q(created_by_id__in=team)
    return Q(office_id=membership.office_id) & mine


def work_for(*, user: User, month: dt.date) -> QuerySet[FamilyFreeWork]:
    """The entries of the month containing ``month`` that the user may see, newest first."""
    membership = casework_membership(user)
    if membership is None:
        return FamilyFreeWork.objects.none()
    start = month.replace(day=1)
    return (
        FamilyFreeWork.objects.filter(work_scope(membership))
        .filter(date__gte=start, date__lt=actions.add_months(start, 1))
        .select_related("district", "institution", "created_by")
        .order_by("-date", "-created_at", "-pk")
    )


@dataclass(frozen=True)
class KindTotal:
    label: str | Promise
    count: int
    minutes: int
    participants: int | None

    @property
    def hours(self) -> float:
        return self.minutes / 60


def work_totals(entries: QuerySet[FamilyFreeWork]) -> list[KindTotal]:
    """Number, time and participants per kind (in the order of WorkKind), in one query."""
    rows = {
        row["kind"]: row
        for row in entries.order_by()
        .values("kind")
        .annotate(count=Count("pk"), minutes=Sum("duration_minutes"), people=Sum("participants"))
    }
    return [
        KindTotal(
            label=kind.label,
            count=rows[kind.value]["count"],
            minutes=rows[kind.value]["minutes"] or 0,
            participants=rows[kind.value]["people"],
        )
        for kind in WorkKind
        if kind.value in rows
    ]


def _month_from(value: str | None, today: dt.date) -> dt.date:
    """The first day of the month named by ``?monat=2026-11``; this month if absent or odd."""
    if value:
        try:
            month = dt.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            pass
        else:
            if 2000 <= month.year <= today.year + 1:
                return month
    return today.replace(day=1)


# Pages -----------------------------------------------------------------------


@casework_required
def work_list(request: CaseworkRequest) -> HttpResponse:
    today = timezone.localdate()
    month = _month_from(request.GET.get(MONTH_PARAM), today)
    entries = work_for(user=request.user, month=month)
    totals = work_totals(entries)
    previous_month = actions.add_months(month, -1)
    next_month = actions.add_months(month, 1)
    membership = request.membership
    total = KindTotal(
        label=_("Gesamt"),
        count=sum(t.count for t in totals),
        minutes=sum(t.minutes for t in totals),
        participants=sum(t.participants or 0 for t in totals) or None,
    )
    return render(
        request,
        "cases/work_list.html",
        {
            "entries": list(entries),
            "totals": totals,
            "total": total,
            # The same figures as one list (for phones); a sum of one row says nothing new.
            "total_rows": [*totals, total] if len(totals) > 1 else totals,
            "month": month,
            "previous_month": previous_month,
            # No entry lies in the future, so there is nothing to page forward to.
            "next_month": next_month if next_month <= today else None,
            "this_month": today.replace(day=1),
            "team_view": membership.role == Role.TEAMLEITUNG and membership.team_id is not None,
        },
    )


@casework_required
def work_create(request: CaseworkRequest) -> HttpResponse:
    office_id = request.membership.office_id
    form = FamilyFreeWorkForm(request.POST or None, office_id=office_id)
    if request.method == "POST" and form.is_valid():
        try:
            work = actions.family_free_work_add(
                by=request.user, office_id=office_id, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Gespeichert: %(kind)s am %(date)s.")
                % {
                    "kind": work.get_kind_display(),
                    "date": date_format(work.date, "SHORT_DATE_FORMAT"),
                },
            )
            return redirect(f"{reverse('cases:work_list')}?{MONTH_PARAM}={work.date:%Y-%m}")
    return render(
        request, "cases/work_form.html", {"form": form}, status=400 if form.errors else 200
    )
