"""Test data for the worker's side: a case in Hörde, offers and consents via the real actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from bruecke.cases.models import Case
from bruecke.directory.models import Organization
from bruecke.referrals.actions import consent_record
from bruecke.referrals.models import Consent

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)
TODAY = dt.date(2026, 11, 24)


def give_consent(
    case: Case,
    organisation: Organization,
    *,
    by: Any,
    categories: Iterable[str] = ("kontakt",),
    purpose: str = "vermittlung",
    given_on: dt.date = dt.date(2026, 11, 20),
    **kwargs: Any,
) -> Consent:
    return consent_record(
        by=by,
        office=case.office,
        case=case,
        given_by="Mutter, Frau Yılmaz",
        purpose=purpose,
        data_categories=categories,
        form="schriftlich",
        given_on=given_on,
        recipient_organisation=organisation,
        persons=list(case.family.members.all()),
        **kwargs,
    )
