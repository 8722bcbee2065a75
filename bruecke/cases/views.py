"""Casework pages for Kita-Sozialarbeit and team leads."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from bruecke.audit.actions import case_read_record
from bruecke.cases import actions, selectors
from bruecke.cases.access import CASEWORK_ROLES, get_case_for_user, get_family_for_user
from bruecke.cases.actions import CASE_EDIT_FIELDS
from bruecke.cases.forms import (
    AnonymousConsultationForm,
    CaseEditForm,
    CaseForm,
    CloseCaseForm,
    ContactForm,
    FamilyEditForm,
    FamilyForm,
    FamilySearchForm,
    HandoverForm,
    PersonForm,
    casework_users,
)
from bruecke.cases.models import Case
from bruecke.lib.topics import TOPIC_LABELS
from bruecke.org.access import MemberRequest, role_required
from bruecke.org.models import Role
from bruecke.people.actions import (
    FAMILY_FIELDS,
    PersonData,
    StaleEdit,
    family_create,
    family_update,
)
from bruecke.people.models import Person

# A social worker's or team lead's request; see casework_required.
CaseworkRequest = MemberRequest
casework_required = role_required(CASEWORK_ROLES)


@casework_required
def case_list(request: CaseworkRequest) -> HttpResponse:
    status = request.GET.get("status", "open")
    cases = selectors.case_list(user=request.user, status=status).only(*selectors.CASE_TABLE_FIELDS)
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
    members = list(case.family.members.select_related("kita"))
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
                **{name: data[name] for name in FAMILY_FIELDS},
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


def _stale_changes(form: Any, current: Any, names: list[str]) -> list[dict[str, Any]]:
    """Fields whose saved value now differs from what this user typed."""
    changes = []
    for name in names:
        if name not in form.fields or name not in form.cleaned_data:
            continue
        typed, saved = form.cleaned_data[name], getattr(current, name)
        if isinstance(saved, list) or isinstance(typed, list):
            differs = sorted(saved or []) != sorted(typed or [])
            shown: Any = ", ".join(str(TOPIC_LABELS.get(code, code)) for code in saved or [])
        else:
            differs = saved != typed
            shown = saved.get_full_name() if hasattr(saved, "get_full_name") else saved
        if differs:
            changes.append(
                {
                    "label": form.fields[name].label,
                    "saved": shown if shown not in (None, "") else "–",
                }
            )
    return changes


@casework_required
def case_edit(request: CaseworkRequest, case_id: str) -> HttpResponse:
    """Edit a case with optimistic locking: a stale save explains what changed and keeps the input."""
    case = get_case_for_user(request.user, case_id)
    may_reassign = request.membership.role == Role.TEAMLEITUNG
    initial = {name: getattr(case, name) for name in CASE_EDIT_FIELDS} | {"version": case.version}
    form = CaseEditForm(
        request.POST or None, initial=initial, office_id=case.office_id, may_reassign=may_reassign
    )
    stale: list[dict[str, Any]] = []
    if request.method == "POST" and form.is_valid():
        data = {
            name: form.cleaned_data[name] for name in CASE_EDIT_FIELDS if name in form.cleaned_data
        }
        try:
            actions.case_update(
                by=request.user, case=case, version=form.cleaned_data["version"], **data
            )
        except StaleEdit as error:
            stale = _stale_changes(form, error.current, list(CASE_EDIT_FIELDS))
            # Saving again now overwrites the newer state knowingly.
            post = request.POST.copy()
            post["version"] = str(error.current.version)
            form.data = post
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Änderungen gespeichert."))
            return redirect("cases:detail", case_id=case.pk)
    status = 409 if stale else 400 if form.errors else 200
    return render(
        request, "cases/case_edit.html", {"form": form, "case": case, "stale": stale}, status=status
    )


@casework_required
def family_detail(request: CaseworkRequest, family_id: str) -> HttpResponse:
    family = get_family_for_user(request.user, family_id)
    cases = selectors.cases_of_family(user=request.user, family=family)
    return render(
        request,
        "cases/family_detail.html",
        {
            "family": family,
            "members": list(family.members.select_related("kita")),
            "cases": cases,
            "today": timezone.localdate(),
            "person_form": PersonForm(office_id=family.office_id),
        },
    )


@casework_required
def family_edit(request: CaseworkRequest, family_id: str) -> HttpResponse:
    family = get_family_for_user(request.user, family_id)
    initial = {name: getattr(family, name) for name in FAMILY_FIELDS} | {
        "district": family.district_id,
        "version": family.version,
    }
    form = FamilyEditForm(request.POST or None, initial=initial)
    form.limit_districts(family.office_id)
    stale: list[dict[str, Any]] = []
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in FAMILY_FIELDS}
        try:
            family_update(
                by=request.user,
                family=family,
                version=form.cleaned_data["version"],
                district=form.cleaned_data["district"],
                **data,
            )
        except StaleEdit as error:
            stale = _stale_changes(form, error.current, [*FAMILY_FIELDS, "district"])
            post = request.POST.copy()
            post["version"] = str(error.current.version)
            form.data = post
        else:
            messages.success(request, _("Änderungen gespeichert."))
            return redirect("cases:family", family_id=family.pk)
    status = 409 if stale else 400 if form.errors else 200
    return render(
        request,
        "cases/family_edit.html",
        {"form": form, "family": family, "stale": stale},
        status=status,
    )


@casework_required
@require_POST
def person_create(request: CaseworkRequest, family_id: str) -> HttpResponse:
    family = get_family_for_user(request.user, family_id)
    form = PersonForm(request.POST, office_id=family.office_id)
    if form.is_valid():
        data = dict(form.cleaned_data)
        kita = data.pop("kita")
        actions.family_person_add(
            by=request.user,
            family=family,
            data=PersonData(**data, kita_id=kita.pk if kita else None),
        )
        messages.success(request, _("Person hinzugefügt."))
        return redirect("cases:family", family_id=family.pk)
    cases = selectors.cases_of_family(user=request.user, family=family)
    return render(
        request,
        "cases/family_detail.html",
        {
            "family": family,
            "members": list(family.members.select_related("kita")),
            "cases": cases,
            "today": timezone.localdate(),
            "person_form": form,
        },
        status=400,
    )


@casework_required
def handover(request: CaseworkRequest) -> HttpResponse:
    """Team lead: give one or all open cases of a worker to a colleague (absence, leaving)."""
    if request.membership.role != Role.TEAMLEITUNG:
        raise Http404
    workers = list(casework_users(request.membership.office_id))
    from_id = request.GET.get("von") or request.POST.get("von")
    source = next((w for w in workers if str(w.pk) == from_id), None)
    cases = (
        list(
            selectors.case_list(user=request.user, status="open").filter(
                Q(assigned_to=source) | Q(covering=source)
            )
        )
        if source
        else []
    )
    form = HandoverForm(
        request.POST or None,
        office_id=request.membership.office_id,
        case_choices=[(str(c.pk), f"{c.number} – {c.family.name}") for c in cases],
    )
    if request.method == "POST" and source is not None and form.is_valid():
        chosen = [c for c in cases if str(c.pk) in set(form.cleaned_data["cases"])]
        try:
            count = actions.cases_reassign(
                by=request.user,
                cases=chosen,
                to=form.cleaned_data["to"],
                as_cover=form.cleaned_data["mode"] == "cover",
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                ngettext("%(count)d Fall übergeben.", "%(count)d Fälle übergeben.", count)
                % {"count": count},
            )
            return redirect("cases:list")
    return render(
        request,
        "cases/handover.html",
        {
            "form": form,
            "workers": workers,
            "source": source,
            "cases": cases,
        },
        status=400 if form.errors else 200,
    )


@casework_required
def family_merge(request: CaseworkRequest, family_id: str) -> HttpResponse:
    """Merge a duplicate into this family: pick the duplicate, confirm, done."""
    keep = get_family_for_user(request.user, family_id)
    query = request.GET.get("q", "").strip()
    other_id = request.GET.get("mit") or request.POST.get("mit")
    other = get_family_for_user(request.user, other_id) if other_id else None
    if request.method == "POST" and other is not None:
        try:
            actions.families_merge(by=request.user, keep=keep, merge=other)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Die Familien sind zusammengeführt. Alle Fälle und Kontakte sind erhalten."),
            )
            return redirect("cases:family", family_id=keep.pk)
    candidates = (
        [f for f in selectors.family_search(user=request.user, query=query) if f.pk != keep.pk]
        if query
        else []
    )
    return render(
        request,
        "cases/family_merge.html",
        {
            "family": keep,
            "other": other,
            "query": query,
            "candidates": candidates,
            "other_members": list(other.members.all()) if other else [],
            "other_cases": selectors.cases_of_family(user=request.user, family=other)
            if other
            else [],
        },
    )
