"""The one way personal data leaves the office: ``disclose``.

Every outbound flow (a live referral, feedback to a referring partner, a
partner looking at a referral) calls ``disclose`` with what it wants to pass
on, to whom and why. The gate finds a consent that covers it, writes the
transfer log and only then produces the data — inside one transaction that
holds a lock on the consent. ``consent_revoke`` takes the same lock, so a
revocation and a disclosure never overlap: whichever comes second sees the
other's result, and after a revocation nothing more goes out.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from bruecke.audit.actions import audit_record
from bruecke.directory.models import Organization
from bruecke.org.models import Office
from bruecke.referrals.models import (
    Consent,
    ConsentRevocation,
    DataCategory,
    Disclosure,
    Purpose,
)

T = TypeVar("T")


class DisclosureRefused(Exception):
    """No consent covers the disclosure; ``missing`` says what is lacking, in words."""

    def __init__(self, missing: list[str]) -> None:
        self.missing = missing
        super().__init__("; ".join(missing))


def consent_gaps(
    consent: Consent,
    *,
    recipient_organisation: Organization | None,
    recipient_office: Office | None,
    purpose: str,
    categories: Iterable[str],
    day: dt.date,
    revoked: bool,
) -> list[str]:
    """What keeps ``consent`` from covering the disclosure; empty when it covers it."""
    gaps: list[str] = []
    if revoked:
        gaps.append(_("Die Einwilligung wurde widerrufen."))
    if consent.recipient_organisation_id != (
        recipient_organisation.pk if recipient_organisation else None
    ) or consent.recipient_office_id != (recipient_office.pk if recipient_office else None):
        gaps.append(_("Die Einwilligung gilt für einen anderen Empfänger."))
    if consent.purpose != purpose:
        gaps.append(
            _("Die Einwilligung gilt nicht für den Zweck „%(purpose)s“.")
            % {"purpose": Purpose(purpose).label}
        )
    uncovered = [c for c in categories if c not in consent.data_categories]
    if uncovered:
        labels = ", ".join(str(DataCategory(c).label) for c in uncovered)
        gaps.append(_("Diese Daten sind nicht abgedeckt: %(labels)s.") % {"labels": labels})
    if day < consent.valid_from:
        gaps.append(
            _("Die Einwilligung gilt erst ab %(day)s.") % {"day": f"{consent.valid_from:%d.%m.%Y}"}
        )
    if consent.valid_until is not None and day > consent.valid_until:
        gaps.append(
            _("Die Einwilligung galt nur bis %(day)s.") % {"day": f"{consent.valid_until:%d.%m.%Y}"}
        )
    return gaps


def disclose(
    *,
    user: User,
    office: Office,
    kind: str,
    consents: QuerySet[Consent],
    recipient_organisation: Organization | None = None,
    recipient_office: Office | None = None,
    purpose: str,
    categories: Iterable[str],
    produce: Callable[[Disclosure], T],
    referral_id: uuid.UUID | None = None,
    request_id: uuid.UUID | None = None,
) -> T:
    """Check consent, log the transfer and return ``produce(log_row)``, or raise ``DisclosureRefused``.

    ``consents`` are the candidates (a case's consents, or the one recorded
    with a request); the first that covers recipient, purpose and every data
    category today is used and named in the log. ``produce`` runs while the
    consent is locked, so it never hands out data of a revoked consent.
    """
    categories = sorted(set(categories))
    if not categories:
        raise ValueError("a disclosure names its data categories")
    with transaction.atomic():
        # The lock is what makes a revocation and a disclosure mutually exclusive
        # (PostgreSQL row lock; SQLite serialises write transactions, which are
        # IMMEDIATE in this project).
        candidates = list(
            consents.filter(office=office).select_for_update().order_by("recorded_at")
        )
        revoked = set(
            ConsentRevocation.objects.filter(consent__in=[c.pk for c in candidates]).values_list(
                "consent_id", flat=True
            )
        )
        today = timezone.localdate()
        best: list[str] | None = None
        for consent in candidates:
            gaps = consent_gaps(
                consent,
                recipient_organisation=recipient_organisation,
                recipient_office=recipient_office,
                purpose=purpose,
                categories=categories,
                day=today,
                revoked=consent.pk in revoked,
            )
            if not gaps:
                log = Disclosure.objects.create(
                    office=office,
                    kind=kind,
                    consent=consent,
                    recipient_organisation=recipient_organisation,
                    recipient_office=recipient_office,
                    purpose=purpose,
                    data_categories=categories,
                    user=user,
                    referral_id=referral_id,
                    request_id=request_id,
                )
                return produce(log)
            if best is None or len(gaps) < len(best):
                best = gaps
        if best is None:
            recipient = recipient_organisation or recipient_office
            best = [
                _("Es ist keine Einwilligung für „%(recipient)s“ erfasst.")
                % {"recipient": getattr(recipient, "name", "")}
            ]
        raise DisclosureRefused(best)


def consent_revoke(
    *, consent: Consent, by: User, revoked_on: dt.date, note: str = ""
) -> ConsentRevocation:
    """Revoke ``consent`` from now on; waits for a disclosure that holds the consent."""
    with transaction.atomic():
        locked = Consent.objects.select_for_update().get(pk=consent.pk)
        if ConsentRevocation.objects.filter(consent=locked).exists():
            raise ValidationError(_("Diese Einwilligung ist bereits widerrufen."))
        if revoked_on > timezone.localdate():
            raise ValidationError(_("Ein Widerruf kann nicht in der Zukunft liegen."))
        revocation = ConsentRevocation.objects.create(
            consent=locked, revoked_on=revoked_on, note=note, recorded_by=by
        )
        audit_record(
            office=locked.office_id,
            actor=by,
            action="consent.revoke",
            target_type="consent",
            target_id=locked.pk,
            case_id=locked.case_id,
        )
    return revocation
