"""The case page's panel "Einwilligungen und Vermittlungen"."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils import timezone

from bruecke.cases.models import Case
from bruecke.referrals import selectors

register = template.Library()


@register.inclusion_tag("referrals/includes/case_panel.html", takes_context=True)
def case_referrals_panel(context: template.Context, case: Case) -> dict[str, Any]:
    """Consents and referrals of ``case``; at most four queries, whatever their number.

    The case page has already checked that the user may see ``case``.
    """
    today = context.get("today") or timezone.localdate()
    return {
        "case": case,
        "today": today,
        "consents": selectors.case_consent_rows(case=case, day=today),
        "referrals": selectors.case_referrals(case=case),
    }
