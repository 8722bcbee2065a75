"""Test data for partner accounts, made through the real actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.utils import timezone

from bruecke.cases.tests.helpers import make_case
from bruecke.directory.models import Service
from bruecke.intake.actions_partner import partner_referral_create
from bruecke.intake.models import Request
from bruecke.org.models import District
from bruecke.referrals.actions import consent_record, referral_create
from bruecke.referrals.models import ConsentForm, DataCategory, Purpose, Referral

# Everything a referral can carry; what the tests send to the counselling centre.
ALL_CATEGORIES = [
    DataCategory.KONTAKT,
    DataCategory.FAMILIE,
    DataCategory.ANLIEGEN,
    DataCategory.NACHRICHT,
]


def live_referral(
    world: Any,
    service: Service,
    *,
    worker: User | None = None,
    district: District | None = None,
    name: str = "Yılmaz",
    message: str = "Die Mutter wünscht einen Termin am Vormittag.",
) -> Referral:
    """A case of ``worker`` referred live to ``service`` with a covering consent."""
    worker = worker or world.worker_eving
    district = district or world.eving
    case = make_case(
        world,
        worker=worker,
        district=district,
        name=name,
        phone="0231 555-0101",
        opened_on=timezone.localdate(),
        topics=("kindliche-entwicklung",),
    )
    consent_record(
        by=worker,
        office=case.office,
        case=case,
        given_by="Mutter",
        purpose=Purpose.VERMITTLUNG,
        data_categories=ALL_CATEGORIES,
        form=ConsentForm.SCHRIFTLICH,
        given_on=timezone.localdate(),
        recipient_organisation=service.organization,
    )
    return referral_create(
        by=worker,
        case=case,
        service=service,
        mode=Referral.Mode.LIVE,
        data_categories=ALL_CATEGORIES,
        message=message,
    )


def partner_request(
    user: User,
    *,
    first_name: str = "Leyla",
    feedback: bool = True,
    district: District | None = None,
    **fields: Any,
) -> Request:
    """A family referred by ``user``'s institution, with the family's consent."""
    data: dict[str, Any] = {
        "phone": "0176 1234567",
        "children": "3 Jahre",
        "topics": ["gesundheit"],
        "consent_given_by": "Frau L., Mutter",
        "consent_form": ConsentForm.SCHRIFTLICH,
        "consent_given_on": timezone.localdate() - dt.timedelta(days=1),
        "consent_categories": [DataCategory.KONTAKT, DataCategory.FAMILIE, DataCategory.ANLIEGEN],
        "consent_evidence": "Formular liegt in der Kita-Akte.",
    }
    data.update(fields)
    return partner_referral_create(
        by=user, first_name=first_name, feedback=feedback, district=district, **data
    )
