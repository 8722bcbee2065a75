"""Pages of partner accounts (Kita, Familienbüro, Beratungsstelle, Babylotsen, ...).

A partner refers families to Kita-Sozialarbeit, follows its own referrals as far
as the family agreed, and answers referrals made to its institution. Staff
roles get 404 here, as partners do on every staff page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bruecke.directory.models import Service
from bruecke.intake.actions_partner import partner_referral_create, partner_requests_view
from bruecke.intake.forms_partner import (
    PARTNER_STEPS_SHOWN,
    STEP_FIELDS,
    PartnerReferralForm,
    ReferralStepForm,
)
from bruecke.intake.selectors_partner import (
    PAGE_SIZE,
    PartnerState,
    get_inbox_referral,
    partner_directory_organisation,
    partner_inbox,
    partner_requests,
    referral_consent_covers,
)
from bruecke.lib.phone import tel_uri
from bruecke.org.access import MemberRequest, role_required
from bruecke.org.models import Role
from bruecke.referrals.actions import referral_may_step, referral_partner_view, referral_step
from bruecke.referrals.gate import DisclosureRefused
from bruecke.referrals.models import OPEN_STATUSES, Referral
from bruecke.referrals.selectors import redirect_candidates, redirect_targets

PartnerRequest = MemberRequest
partner_required = role_required({Role.PARTNER})

S = Referral.Status
# Steps that end a referral: still possible when the family's consent no longer covers it.
ENDING_STEPS = frozenset({S.DECLINED, S.CLOSED})


def _step_messages() -> dict[str, str]:
    return {
        S.ACCEPTED: _(
            "Sie haben die Vermittlung angenommen. Bitte melden Sie sich bei der Familie."
        ),
        S.DECLINED: _(
            "Sie haben die Vermittlung abgelehnt. Die Kita-Sozialarbeit sieht Ihren Grund und "
            "sucht mit der Familie nach einer anderen Hilfe."
        ),
        S.REDIRECTED: _(
            "Sie haben ein anderes Angebot vorgeschlagen. Die Kita-Sozialarbeit bespricht es mit "
            "der Familie; an das andere Angebot gehen keine Daten."
        ),
        S.IN_CONTACT: _("Gespeichert: Sie sind mit der Familie in Kontakt."),
        S.ON_HOLD: _("Gespeichert: Die Vermittlung ist pausiert."),
        S.CLOSED: _("Die Vermittlung ist abgeschlossen. Vielen Dank für Ihre Rückmeldung."),
    }


@partner_required
def referral_create(request: PartnerRequest) -> HttpResponse:
    """ "Familie vermitteln": the family's data and the record of its consent."""
    membership = request.membership
    recipient = partner_directory_organisation(membership)
    partner_org = membership.partner_organisation
    form = PartnerReferralForm(
        request.POST or None,
        office_id=membership.office_id,
        feedback_possible=recipient is not None,
        initial={"district": partner_org.district_id if partner_org else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            created = partner_referral_create(by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _(
                    "Vielen Dank. Die Vermittlung ist bei der Kita-Sozialarbeit eingegangen "
                    "(Kennung %(reference)s). Sie meldet sich bis zum %(due)s bei der Familie."
                )
                % {"reference": created.reference, "due": f"{created.due_on:%d.%m.%Y}"},
            )
            return redirect("partner:request_list")
    return render(
        request,
        "intake/partner_referral_form.html",
        {"form": form, "office": membership.office},
        status=400 if form.errors else 200,
    )


@partner_required
def request_list(request: PartnerRequest) -> HttpResponse:
    """ "Meine Vermittlungen": state and feedback only as far as the family agreed."""
    membership = request.membership
    page = Paginator(partner_requests(membership), PAGE_SIZE).get_page(request.GET.get("seite"))
    items = list(page.object_list)
    shown = partner_requests_view(
        by=request.user,
        office=membership.office,
        recipient=partner_directory_organisation(membership),
        requests=items,
    )
    rows = [
        {
            "request": item,
            "state": shown[item.pk].state,
            "state_label": PartnerState.LABELS.get(shown[item.pk].state, ""),
            "feedback": shown[item.pk].feedback,
        }
        for item in items
    ]
    return render(request, "intake/partner_request_list.html", {"page": page, "rows": rows})


@partner_required
def inbox(request: PartnerRequest) -> HttpResponse:
    """Referrals made to the partner's institution; no family data in the list."""
    finished = request.GET.get("ansicht") == "erledigt"
    referrals = partner_inbox(request.membership, open_only=not finished)
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("seite"))
    return render(
        request,
        "intake/partner_inbox.html",
        {
            "page": page,
            "finished": finished,
            "query_string": "ansicht=erledigt" if finished else "",
        },
    )


def _inbox_page(
    request: PartnerRequest,
    referral: Referral,
    *,
    step_form: ReferralStepForm | None = None,
) -> HttpResponse:
    data: dict[str, Any] | None = None
    refused: list[str] | None = None
    if referral.status in OPEN_STATUSES:
        try:
            data = referral_partner_view(referral=referral, by=request.user)
        except DisclosureRefused as error:
            refused = error.missing
        else:
            if data.get("phone"):
                data["phone_uri"] = tel_uri(data["phone"])
    steps = [
        to
        for to in PARTNER_STEPS_SHOWN
        if (refused is None or to in ENDING_STEPS) and referral_may_step(referral, request.user, to)
    ]
    # The offer to pass it on to is searched for (a city has thousands).
    offer_query = ""
    candidates: list[Service] = []
    if S.REDIRECTED in steps:
        offer_query = _offer_query(request)
        candidates = redirect_candidates(referral, offer_query)
    forms = {
        to: ReferralStepForm(
            initial={"to": to}, candidates=candidates if to == S.REDIRECTED else ()
        )
        for to in steps
    }
    if step_form is not None and step_form.data.get("to") in forms:
        forms[step_form.data["to"]] = step_form
    return render(
        request,
        "intake/partner_inbox_detail.html",
        {
            "referral": referral,
            "data": data,
            "refused": refused,
            "steps": steps,
            # Steps that are one button; the others need a reason, an offer or an outcome.
            "simple_steps": [to for to in steps if to not in STEP_FIELDS],
            "forms": forms,
            "step_form": step_form,
            "offer_query": offer_query,
        },
        status=400 if step_form is not None and step_form.errors else 200,
    )


def _offer_query(request: PartnerRequest) -> str:
    """What the partner searched for the offer to pass a referral on to (kept on a POST)."""
    return (request.POST.get("angebot") or request.GET.get("angebot") or "").strip()[:200]


@partner_required
def inbox_detail(request: PartnerRequest, referral_id: str) -> HttpResponse:
    """One referral: the family's data through the gate (opening it marks it "opened")."""
    return _inbox_page(request, get_inbox_referral(request.membership, referral_id))


@partner_required
@require_POST
def inbox_step(request: PartnerRequest, referral_id: str) -> HttpResponse:
    """The partner accepts, declines, passes on or reports on a referral."""
    referral = get_inbox_referral(request.membership, referral_id)
    form = ReferralStepForm(
        request.POST,
        targets=redirect_targets(referral),
        candidates=redirect_candidates(referral, _offer_query(request)),
    )
    if form.is_valid():
        to = form.cleaned_data["to"]
        if to not in ENDING_STEPS and not referral_consent_covers(referral):
            form.add_error(
                None,
                _(
                    "Die Einwilligung der Familie deckt diese Vermittlung nicht mehr ab. "
                    "Sie können sie nur noch ablehnen oder abschließen."
                ),
            )
        else:
            try:
                referral_step(
                    referral=referral,
                    by=request.user,
                    to=to,
                    decline_reason=form.cleaned_data["decline_reason"],
                    outcome=form.cleaned_data["outcome"],
                    redirected_to=form.cleaned_data["redirected_to"],
                )
            except PermissionDenied:
                messages.error(
                    request,
                    _(
                        "Dieser Schritt ist jetzt nicht möglich. Vielleicht hat jemand die "
                        "Vermittlung gerade bearbeitet; hier sehen Sie den aktuellen Stand."
                    ),
                )
                return redirect("partner:inbox_detail", referral_id=referral.pk)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _step_messages()[to])
                return redirect("partner:inbox_detail", referral_id=referral.pk)
    return _inbox_page(request, referral, step_form=form)
