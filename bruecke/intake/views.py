"""The triage queue (Eingang): open requests per district, and what happens to each."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bruecke.intake import actions, selectors
from bruecke.intake.access import get_request_for_user, triage_required
from bruecke.intake.actions import RequestChanged
from bruecke.intake.forms import (
    AssignForm,
    CloseForm,
    ContactAttemptForm,
    FeedbackForm,
    QueueFilterForm,
    RequestAnonymousForm,
    RequestCaseForm,
)
from bruecke.intake.models import Request
from bruecke.lib.phone import tel_uri
from bruecke.org.access import MemberRequest
from bruecke.org.models import Role
from bruecke.referrals.gate import DisclosureRefused


def _is_lead(request: MemberRequest) -> bool:
    return request.membership.role == Role.TEAMLEITUNG


@triage_required
def queue(request: MemberRequest) -> HttpResponse:
    """Open requests of the office; by default those of the user's team districts."""
    scope = selectors.queue_scope(membership=request.membership, value=request.GET.get("bezirk"))
    today = timezone.localdate()
    result = selectors.queue(user=request.user, scope=scope, today=today)
    form = QueueFilterForm({"bezirk": scope.value}, choices=scope.choices)
    return render(
        request,
        "intake/queue.html",
        {
            "queue": result,
            "scope": scope,
            "scope_label": dict(scope.choices)[scope.value],
            "filter_form": form,
            "is_lead": _is_lead(request),
            "today": today,
        },
    )


def _detail(
    request: MemberRequest, intake: Request, *, status: int = 200, **forms: Any
) -> HttpResponse:
    """The request page with its forms; a form passed in (with errors) replaces the empty one."""
    today = timezone.localdate()
    lead = _is_lead(request)
    version = {"version": intake.version}
    may_take = not lead and intake.status == Request.Status.NEW
    context = {
        "intake": intake,
        "attempts": selectors.request_attempts(intake),
        "age_days": selectors.request_age(intake, today),
        "overdue": selectors.request_is_overdue(intake, today),
        "today": today,
        "is_lead": lead,
        "may_take": may_take,
        "assign_form": forms.get("assign_form")
        or AssignForm(
            initial=version | {"assigned_to": intake.assigned_to_id},
            office_id=intake.office_id,
            may_choose=lead,
        ),
        "attempt_form": forms.get("attempt_form") or ContactAttemptForm(),
        "close_form": forms.get("close_form") or CloseForm(initial=version),
        "feedback_form": forms.get("feedback_form") or FeedbackForm(),
        "may_feedback": intake.source == Request.Source.PARTNER
        and intake.feedback_consent_id is not None,
        "changed": forms.get("changed"),
        "language": selectors.language_name(intake.language),
        "phone_uri": tel_uri(intake.phone),
    }
    return render(request, "intake/request_detail.html", context, status=status)


@triage_required
def detail(request: MemberRequest, request_id: str) -> HttpResponse:
    return _detail(request, get_request_for_user(request.user, request_id))


def _changed(request: MemberRequest, error: RequestChanged) -> HttpResponse:
    """Someone else was faster: show the current state with a clear message."""
    current = get_request_for_user(request.user, error.current.pk)
    return _detail(request, current, status=409, changed=error.message)


@triage_required
@require_POST
def assign(request: MemberRequest, request_id: str) -> HttpResponse:
    intake = get_request_for_user(request.user, request_id)
    lead = _is_lead(request)
    form = AssignForm(request.POST, office_id=intake.office_id, may_choose=lead)
    if form.is_valid():
        to = form.cleaned_data["assigned_to"] if lead else request.user
        try:
            actions.request_assign(
                request=intake,
                by=request.user,
                to=to,
                version=form.cleaned_data["version"],
                detail_url=request.build_absolute_uri(reverse("intake:detail", args=[intake.pk])),
            )
        except RequestChanged as error:
            return _changed(request, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if to.pk == request.user.pk:
                messages.success(request, _("Sie haben die Anfrage übernommen."))
            else:
                messages.success(
                    request,
                    _("Die Anfrage ist %(name)s zugewiesen. %(name)s bekommt eine E-Mail.")
                    % {"name": to.get_full_name() or to.get_username()},
                )
            return redirect("intake:detail", request_id=intake.pk)
    return _detail(request, intake, status=400, assign_form=form)


@triage_required
@require_POST
def attempt(request: MemberRequest, request_id: str) -> HttpResponse:
    intake = get_request_for_user(request.user, request_id)
    form = ContactAttemptForm(request.POST)
    if form.is_valid():
        try:
            actions.contact_attempt_add(
                request=intake,
                by=request.user,
                channel=form.cleaned_data["channel"],
                reached=form.cleaned_data["reached"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Kontaktversuch gespeichert."))
            return redirect("intake:detail", request_id=intake.pk)
    return _detail(request, intake, status=400, attempt_form=form)


@triage_required
@require_POST
def close(request: MemberRequest, request_id: str) -> HttpResponse:
    intake = get_request_for_user(request.user, request_id)
    form = CloseForm(request.POST)
    if form.is_valid():
        try:
            actions.request_close(request=intake, by=request.user, **form.cleaned_data)
        except RequestChanged as error:
            return _changed(request, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Die Anfrage %(reference)s ist abgeschlossen.") % {"reference": intake.reference},
            )
            return redirect("intake:queue")
    return _detail(request, intake, status=400, close_form=form)


@triage_required
@require_POST
def feedback(request: MemberRequest, request_id: str) -> HttpResponse:
    intake = get_request_for_user(request.user, request_id)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        try:
            actions.request_feedback_give(
                request=intake, by=request.user, text=form.cleaned_data["text"]
            )
        except DisclosureRefused as refused:
            form.add_error(
                None, _("Die Rückmeldung wurde nicht gesendet, weil die Einwilligung fehlt:")
            )
            for reason in refused.missing:
                form.add_error(None, reason)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Ihre Rückmeldung an %(partner)s ist gespeichert.")
                % {"partner": intake.partner_organisation},
            )
            return redirect("intake:detail", request_id=intake.pk)
    return _detail(request, intake, status=400, feedback_form=form)


def _not_open(request: MemberRequest, intake: Request) -> HttpResponse | None:
    if intake.is_open:
        return None
    messages.info(request, _("Diese Anfrage ist bereits erledigt."))
    return redirect("intake:detail", request_id=intake.pk)


@triage_required
def to_case(request: MemberRequest, request_id: str) -> HttpResponse:
    """Turn a request into a case: likely duplicate families first, then the prefilled form."""
    intake = get_request_for_user(request.user, request_id)
    if (done := _not_open(request, intake)) is not None:
        return done
    families = selectors.request_duplicates(intake)
    initial = selectors.case_initial(intake) | {
        "version": intake.version,
        "opened_on": timezone.localdate(),
    }
    form = RequestCaseForm(
        request.POST or None,
        initial=initial,
        office_id=intake.office_id,
        families=families,
        first_name=intake.first_name,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = actions.request_to_case(
                request=intake,
                by=request.user,
                version=data["version"],
                family=data["existing"],
                district=data["district"],
                zugangsweg=data["zugangsweg"],
                topics=data["topics"],
                opened_on=data["opened_on"],
                name=data["name"],
                phone=data["phone"],
                email=data["email"],
                languages=data["languages"],
                add_person=data["add_person"],
            )
        except RequestChanged as error:
            return _changed(request, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Fall %(number)s ist eröffnet. Die Anfrage %(reference)s ist erledigt.")
                % {"number": case.number, "reference": intake.reference},
            )
            return redirect("cases:detail", case_id=case.pk)
    return render(
        request,
        "intake/request_case.html",
        {"intake": intake, "form": form, "families": families},
        status=400 if form.errors else 200,
    )


@triage_required
def anonymous(request: MemberRequest, request_id: str) -> HttpResponse:
    """Count the request as an anonymous one-off consultation (most phone calls end so)."""
    intake = get_request_for_user(request.user, request_id)
    if (done := _not_open(request, intake)) is not None:
        return done
    form = RequestAnonymousForm(
        request.POST or None,
        initial=selectors.anonymous_initial(intake) | {"version": intake.version},
    )
    form.limit_districts(intake.office_id)
    if request.method == "POST" and form.is_valid():
        try:
            actions.request_anonymous(request=intake, by=request.user, **form.cleaned_data)
        except RequestChanged as error:
            return _changed(request, error)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Als anonyme Beratung gezählt. Die Anfrage %(reference)s ist erledigt.")
                % {"reference": intake.reference},
            )
            return redirect("intake:queue")
    return render(
        request,
        "intake/request_anonymous.html",
        {"intake": intake, "form": form},
        status=400 if form.errors else 200,
    )
