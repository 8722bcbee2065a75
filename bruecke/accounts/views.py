from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from bruecke.cases import selectors as case_selectors
from bruecke.cases.access import CASEWORK_ROLES
from bruecke.cases.forms import AnonymousConsultationForm
from bruecke.intake.selectors_partner import partner_counts
from bruecke.org.models import Role
from bruecke.org.selectors import membership_for


def start(request: HttpRequest) -> HttpResponse:
    """The staff start page: a greeting, and for casework the day's work."""
    membership = membership_for(request.user)
    context: dict[str, Any] = {"membership": membership}
    if membership is not None and membership.role in CASEWORK_ROLES:
        today = timezone.localdate()
        form = AnonymousConsultationForm()
        form.limit_districts(membership.office_id)
        context.update(
            today=today,
            cases=list(case_selectors.case_list(user=request.user, status="open")[:50]),  # type: ignore[arg-type]
            appointments=list(case_selectors.appointments_of_day(user=request.user, day=today)),  # type: ignore[arg-type]
            consultation_form=form,
        )
    if membership is not None and membership.role == Role.PARTNER:
        # Partner accounts: refer a family, their own referrals, and the inbox.
        context["partner_counts"] = partner_counts(membership)
    return render(request, "accounts/start.html", context)
