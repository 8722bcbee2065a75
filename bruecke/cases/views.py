"""Casework pages for Kita-Sozialarbeit and team leads."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bruecke.audit.actions import case_read_record
from bruecke.cases import actions, selectors
from bruecke.cases.access import casework_membership, get_case_for_user, get_family_for_user
from bruecke.cases.forms import (
    AnonymousConsultationForm,
    CaseForm,
    CloseCaseForm,
    ContactForm,
    FamilyForm,
    FamilySearchForm,
)
from bruecke.cases.models import Case
from bruecke.lib.topics import TOPIC_LABELS
from bruecke.org.models import Membership
from bruecke.people.actions import PersonData, family_create
from bruecke.people.models import Person

View = Callable[..., HttpResponse]


class CaseworkRequest(HttpRequest):
    """A request of a logged-in social worker or team lead (see casework_required)."""

    user: User
    membership: Membership


def casework_required(view: View) -> View:
    """Only Kita-Sozialarbeit and team leads; everyone else gets 404 (nothing to see here)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        membership = casework_membership(request.user)
        if membership is None:
            raise Http404
        request.membership = membership  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper


@casework_required
def case_list(request: CaseworkRequest) -> HttpResponse:
    status = request.GET.get("status", "open")
    cases = selectors.case_list(user=request.user, status=status)
    return render(
        request,
        "cases/case_list.html",
        {
            "cases": cases[:200],
            "status": status,
            "today": timezone.localdate(),
            "topic_labels": TOPIC_LABELS,
        },
    )


def _case_page(request: CaseworkRequest, case: Case, **forms: Any) -> HttpResponse:
    user = request.user
    case_read_record(office_id=case.office_id, user=user, case_id=case.pk)
    today = timezone.localdate()
    members = list(case.family.members.all())
    timeline = selectors.case_timeline(case=case, user=user)
    for entry in timeline:
        if entry.kind == "contact":
            entry.item.note_visible = selectors.contact_note_visible(entry.item, user)
    children = [m for m in members if m.role == Person.Role.CHILD]
    context = {
        "case": case,
        "family": case.family,
        "members": members,
        "eligible": any(child.before_school_entry(today) for child in children),
        "today": today,
        "timeline": timeline,
        "topic_labels": TOPIC_LABELS,
        "contact_form": forms.get("contact_form") or ContactForm(),
        "close_form": forms.get("close_form") or CloseCaseForm(),
    }
    status = 400 if any(form is not None and form.errors for form in forms.values()) else 200
    return render(request, "cases/case_detail.html", context, status=status)


@casework_required
def case_detail(request: CaseworkRequest, case_id: str) -> HttpResponse:
    return _case_page(request, get_case_for_user(request.user, case_id))


@casework_required
@require_POST
def contact_create(request: CaseworkRequest, case_id: str) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            actions.contact_add(by=request.user, case=case, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Kontakt gespeichert."))
            return redirect("cases:detail", case_id=case.pk)
    return _case_page(request, case, contact_form=form)


@casework_required
@require_POST
def case_close(request: CaseworkRequest, case_id: str) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    form = CloseCaseForm(request.POST)
    if form.is_valid():
        try:
            actions.case_close(by=request.user, case=case, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Der Fall %(number)s ist abgeschlossen.") % {"number": case.number}
            )
            return redirect("cases:detail", case_id=case.pk)
    return _case_page(request, case, close_form=form)


@casework_required
def consultation_create(request: CaseworkRequest) -> HttpResponse:
    """Quick entry of an anonymous one-off consultation (most phone calls)."""
    membership = request.membership
    form = AnonymousConsultationForm(request.POST or None)
    form.limit_districts(membership.office_id)
    if request.method == "POST" and form.is_valid():
        actions.anonymous_consultation_add(by=request.user, **form.cleaned_data)
        messages.success(request, _("Anonyme Beratung gezählt. Vielen Dank."))
        return redirect(request.POST.get("next") or "accounts:start")
    return render(
        request, "cases/consultation_form.html", {"form": form}, status=400 if form.errors else 200
    )


@casework_required
def family_search(request: CaseworkRequest) -> HttpResponse:
    form = FamilySearchForm(request.GET or None)
    results = None
    if form.is_valid() and (form.cleaned_data["q"] or form.cleaned_data["birth_date"]):
        results = selectors.family_search(
            user=request.user,
            query=form.cleaned_data["q"],
            birth_date=form.cleaned_data["birth_date"],
        )
    return render(
        request,
        "cases/family_search.html",
        {"form": form, "results": results, "today": timezone.localdate()},
    )


@casework_required
def family_create_view(request: CaseworkRequest) -> HttpResponse:
    """New family; likely duplicates are shown first and must be confirmed away."""
    membership = request.membership
    form = FamilyForm(request.POST or None, initial={"name": request.GET.get("name", "")})
    form.limit_districts(membership.office_id)
    duplicates = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not data.get("confirmed_new"):
            duplicates = list(
                selectors.likely_duplicates(
                    office_id=membership.office_id,
                    name=data["name"],
                    phone=data["phone"],
                    child_birth_dates=[data["child_birth_date"]]
                    if data["child_birth_date"]
                    else [],
                    member_names=[data["parent_last_name"]],
                )
            )
        if not duplicates:
            members = []
            if data["parent_first_name"] or data["parent_last_name"]:
                members.append(
                    PersonData(
                        Person.Role.PARENT, data["parent_first_name"], data["parent_last_name"]
                    )
                )
            if data["child_first_name"] or data["child_birth_date"]:
                members.append(
                    PersonData(
                        Person.Role.CHILD,
                        data["child_first_name"],
                        data["parent_last_name"],
                        data["child_birth_date"],
                        data["child_childcare"],
                    )
                )
            family = family_create(
                by=request.user,
                district=data["district"],
                members=members,
                **{
                    k: data[k]
                    for k in (
                        "name",
                        "anonymous",
                        "street",
                        "postal_code",
                        "phone",
                        "email",
                        "languages",
                        "interpreter_needed",
                        "interpreter_language",
                    )
                },
            )
            messages.success(request, _("Familie angelegt. Jetzt können Sie einen Fall eröffnen."))
            return redirect("cases:open", family_id=family.pk)
        data_copy = request.POST.copy()
        data_copy["confirmed_new"] = "1"
        form.data = data_copy
    return render(
        request,
        "cases/family_form.html",
        {"form": form, "duplicates": duplicates},
        status=400 if form.errors else 200,
    )


@casework_required
def case_open_view(request: CaseworkRequest, family_id: str) -> HttpResponse:
    membership = request.membership
    family = get_family_for_user(request.user, family_id)
    form = CaseForm(request.POST or None, initial={"district": family.district_id})
    form.limit_districts(membership.office_id)
    if request.method == "POST" and form.is_valid():
        case = actions.case_open(
            by=request.user, family=family, assigned_to=request.user, **form.cleaned_data
        )
        messages.success(request, _("Fall %(number)s eröffnet.") % {"number": case.number})
        return redirect("cases:detail", case_id=case.pk)
    return render(
        request,
        "cases/case_form.html",
        {"form": form, "family": family},
        status=400 if form.errors else 200,
    )
