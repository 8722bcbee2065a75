"""The worker's side of consents and referrals: forms reached from the case page,
and the page of one referral with the steps the worker may take.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bruecke.audit.actions import case_read_record
from bruecke.cases.access import CASEWORK_ROLES, get_case_for_user
from bruecke.cases.models import Case
from bruecke.directory.models import Organization
from bruecke.org.access import MemberRequest, role_required
from bruecke.referrals import selectors
from bruecke.referrals.access import get_consent_for_case, get_referral_for_user
from bruecke.referrals.actions import (
    TRANSITIONS,
    consent_record,
    partner_has_accounts,
    referral_create,
    referral_may_step,
    referral_step,
)
from bruecke.referrals.forms import (
    STEP_ORDER,
    ConsentRecordForm,
    ConsentRevokeForm,
    ReferralForm,
    ReferralStepForm,
)
from bruecke.referrals.gate import DisclosureRefused, consent_revoke
from bruecke.referrals.models import OPEN_STATUSES, DataCategory, Referral

casework_required = role_required(CASEWORK_ROLES)


def _case_url(case: Case, anchor: str = "") -> str:
    url = reverse("cases:detail", kwargs={"case_id": case.pk})
    return f"{url}#{anchor}" if anchor else url


def _closed_case(request: MemberRequest, case: Case) -> HttpResponseRedirect | None:
    if case.status == Case.Status.OPEN:
        return None
    messages.info(
        request, _("Der Fall ist abgeschlossen. Hier kann nichts mehr vermittelt werden.")
    )
    return redirect(_case_url(case, "einwilligungen-vermittlungen"))


def _recipient_from(request: MemberRequest) -> Organization | None:
    """The organisation the consent form starts with: the one chosen before, or the
    organisation of the offer the worker came from (``?angebot=``)."""
    office = request.membership.office
    chosen = request.POST.get("recipient", "")
    if chosen.startswith("org:"):
        try:
            return Organization.objects.get(office=office, pk=chosen[4:])
        except (Organization.DoesNotExist, ValueError, ValidationError):
            return None
    service_id = request.GET.get("angebot", "")
    if service_id:
        service = selectors.active_service(office=office, service_id=service_id)
        return service.organization if service else None
    return None


@casework_required
def consent_create(request: MemberRequest, case_id: str) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    if (closed := _closed_case(request, case)) is not None:
        return closed
    office = request.membership.office
    query = request.GET.get("suche", "").strip()[:100]
    selected = _recipient_from(request)
    organisations, more = selectors.consent_recipients(
        office=office, query=query, selected=selected
    )
    initial: dict[str, Any] = {}
    if selected is not None:
        initial["recipient"] = f"org:{selected.pk}"
    categories = [c for c in request.GET.getlist("daten") if c in DataCategory.values]
    if categories:
        initial["data_categories"] = categories
    form = ConsentRecordForm(
        request.POST or None,
        initial=initial,
        office=office,
        members=list(case.family.members.all()),
        organisations=organisations,
        offices=selectors.other_offices(office=office),
    )
    if request.method == "POST" and form.is_valid():
        try:
            consent_record(by=request.user, office=office, case=case, **form.action_kwargs())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Die Einwilligung ist gespeichert."))
            service_id = request.GET.get("angebot", "")
            if service_id and selectors.active_service(office=office, service_id=service_id):
                # Back to the referral the worker was making.
                url = reverse("referrals:referral_create", kwargs={"case_id": case.pk})
                return redirect(f"{url}?{urlencode({'angebot': service_id})}")
            return redirect(_case_url(case, "einwilligungen-vermittlungen"))
    return render(
        request,
        "referrals/consent_form.html",
        {
            "case": case,
            "form": form,
            "query": query,
            "more": more,
            "found": len(organisations),
            "service_id": request.GET.get("angebot", ""),
            "categories": categories,
        },
        status=400 if form.errors else 200,
    )


@casework_required
def consent_revoke_view(request: MemberRequest, case_id: str, consent_id: str) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    consent = get_consent_for_case(case, consent_id)
    today = timezone.localdate()
    state, label = selectors.consent_state(consent, today)
    form = ConsentRevokeForm(request.POST or None)
    if request.method == "POST" and state != "revoked" and form.is_valid():
        try:
            consent_revoke(
                consent=consent,
                by=request.user,
                revoked_on=form.cleaned_data["revoked_on"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Die Einwilligung ist widerrufen. Auf ihrer Grundlage gehen ab jetzt "
                    "keine Daten mehr hinaus."
                ),
            )
            return redirect(_case_url(case, "einwilligungen-vermittlungen"))
    open_referrals = list(
        consent.referrals.filter(status__in=OPEN_STATUSES).select_related("service")
    )
    return render(
        request,
        "referrals/consent_revoke.html",
        {
            "case": case,
            "consent": consent,
            "state": state,
            "state_label": label,
            "categories": selectors.category_labels(consent.data_categories),
            "form": form,
            "open_referrals": open_referrals,
        },
        status=400 if form.errors else 200,
    )


@casework_required
def referral_create_view(request: MemberRequest, case_id: str) -> HttpResponse:
    case = get_case_for_user(request.user, case_id)
    if (closed := _closed_case(request, case)) is not None:
        return closed
    office = request.membership.office
    query = request.GET.get("suche", "").strip()[:100]
    chosen = request.POST.get("service") or request.GET.get("angebot", "")
    selected = selectors.active_service(office=office, service_id=chosen) if chosen else None
    services, more = selectors.referral_services(office=office, query=query, selected=selected)
    initial = {"service": str(selected.pk)} if selected is not None else {}
    form = ReferralForm(request.POST or None, initial=initial, office=office, services=services)
    refused: list[str] | None = None
    consent_url = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral = referral_create(
                by=request.user,
                case=case,
                service=data["service"],
                mode=data["mode"],
                data_categories=data["data_categories"],
                message=data["message"],
            )
        except DisclosureRefused as refusal:
            refused = refusal.missing
            wanted = sorted({DataCategory.KONTAKT, *data["data_categories"]})
            params = urlencode(
                [("angebot", str(data["service"].pk))] + [("daten", c) for c in wanted]
            )
            consent_url = (
                reverse("referrals:consent_create", kwargs={"case_id": case.pk}) + "?" + params
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if referral.mode == Referral.Mode.LIVE:
                messages.success(
                    request,
                    _("Die Vermittlung an „%(service)s“ ist gesendet.")
                    % {"service": referral.service.name},
                )
            else:
                messages.success(
                    request,
                    _("Der Hinweis auf „%(service)s“ ist eingetragen.")
                    % {"service": referral.service.name},
                )
            return redirect("referrals:detail", referral_id=referral.pk)
    return render(
        request,
        "referrals/referral_form.html",
        {
            "case": case,
            "form": form,
            "query": query,
            "more": more,
            "found": len(services),
            "refused": refused,
            "consent_url": consent_url,
            "service_id": str(selected.pk) if selected is not None else "",
        },
        status=400 if form.errors or refused else 200,
    )


def _worker_steps(referral: Referral, request: MemberRequest) -> list[str]:
    """The steps this worker may take now (opening is the partner's own business)."""
    possible = TRANSITIONS.get(referral.status, frozenset())
    return [
        step
        for step in STEP_ORDER
        if step in possible and referral_may_step(referral, request.user, step)
    ]


def _offer_query(request: MemberRequest) -> str:
    """The search for the offer a referral was passed on to (kept on a POST)."""
    return (request.POST.get("angebot") or request.GET.get("angebot") or "").strip()[:200]


def _step_form_kwargs(referral: Referral, request: MemberRequest) -> dict[str, Any]:
    """The steps the worker may take, and the offers a search found to pass it on to."""
    steps = _worker_steps(referral, request)
    query = _offer_query(request) if Referral.Status.REDIRECTED in steps else ""
    return {
        "steps": steps,
        "targets": selectors.redirect_targets(referral),
        "candidates": selectors.redirect_candidates(referral, query),
    }


def _referral_page(
    request: MemberRequest, referral: Referral, form: ReferralStepForm | None = None
) -> HttpResponse:
    case = referral.case
    case_read_record(office_id=case.office_id, user=request.user, case_id=case.pk)
    step_kwargs = _step_form_kwargs(referral, request)
    steps = step_kwargs["steps"]
    if form is None and steps:
        form = ReferralStepForm(**step_kwargs)
    disclosures, disclosure_count = selectors.referral_disclosures(referral)
    is_live = referral.mode == Referral.Mode.LIVE
    return render(
        request,
        "referrals/referral_detail.html",
        {
            "referral": referral,
            "case": case,
            "events": selectors.referral_events(referral),
            "disclosures": disclosures,
            "disclosure_count": disclosure_count,
            "step_form": form,
            "offer_search": Referral.Status.REDIRECTED in steps,
            "offer_query": _offer_query(request),
            "is_live": is_live,
            "data_labels": selectors.category_labels(referral.data_categories),
            "awaiting_answer": selectors.awaiting_answer(referral),
            "partner_answers": is_live and partner_has_accounts(referral.organisation),
        },
        status=400 if form is not None and form.errors else 200,
    )


@casework_required
def referral_detail(request: MemberRequest, referral_id: str) -> HttpResponse:
    return _referral_page(request, get_referral_for_user(request.user, referral_id))


@casework_required
@require_POST
def referral_step_view(request: MemberRequest, referral_id: str) -> HttpResponse:
    referral = get_referral_for_user(request.user, referral_id)
    form = ReferralStepForm(request.POST, **_step_form_kwargs(referral, request))
    if form.is_valid():
        data = form.cleaned_data
        try:
            updated = referral_step(
                referral=referral,
                by=request.user,
                to=data["to"],
                note=data.get("note", ""),
                decline_reason=data.get("decline_reason", ""),
                outcome=data.get("outcome", ""),
                redirected_to=data.get("redirected_to"),
            )
        except PermissionDenied:
            form.add_error(
                None,
                _(
                    "Dieser Schritt ist jetzt nicht möglich. Vielleicht wurde die Vermittlung "
                    "gerade geändert – bitte laden Sie die Seite neu."
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Gespeichert. Stand jetzt: %(status)s.")
                % {"status": updated.get_status_display()},
            )
            return redirect("referrals:detail", referral_id=referral.pk)
    return _referral_page(request, referral, form)
