"""Reads for the worker's side of consents and referrals (case page, referral page)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from bruecke.cases.models import Case
from bruecke.directory.models import Organization, Service
from bruecke.directory.search import ranked_service_ids
from bruecke.org.models import Office
from bruecke.referrals.actions import case_consents
from bruecke.referrals.models import Consent, DataCategory, Disclosure, Referral, ReferralEvent

# How many choices a select offers before the search has to narrow it.
CHOICE_LIMIT = 200


@dataclass
class ConsentRow:
    consent: Consent
    state: str  # valid, expired, not_yet, revoked
    label: str
    persons: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)


def consent_state(consent: Consent, day: dt.date) -> tuple[str, str]:
    """The state of a consent on ``day`` as a key and a German label.

    Reads ``consent.revocation`` (select it with the consent to save a query).
    """
    revocation = getattr(consent, "revocation", None)
    if revocation is not None:
        return "revoked", _("widerrufen am %(day)s") % {"day": f"{revocation.revoked_on:%d.%m.%Y}"}
    if day < consent.valid_from:
        return "not_yet", _("noch nicht gültig")
    if consent.valid_until is not None and day > consent.valid_until:
        return "expired", _("abgelaufen")
    return "valid", _("gültig")


def case_consent_rows(*, case: Case, day: dt.date) -> list[ConsentRow]:
    """The case's consents, newest first, with their state (two queries)."""
    consents = (
        case_consents(case)
        .select_related("recipient_organisation", "recipient_office", "recorded_by", "revocation")
        .prefetch_related("persons")
        .order_by("-recorded_at")
    )
    rows = []
    for consent in consents:
        state, label = consent_state(consent, day)
        rows.append(
            ConsentRow(
                consent=consent,
                state=state,
                label=label,
                persons=[f"{p.first_name} {p.last_name}".strip() for p in consent.persons.all()],
                categories=category_labels(consent.data_categories),
            )
        )
    return rows


def case_referrals(*, case: Case) -> list[Referral]:
    """The case's referrals, newest first, each with ``last_event`` (two queries)."""
    referrals = list(
        Referral.objects.filter(case=case)
        .select_related("service", "organisation")
        .prefetch_related(
            Prefetch(
                "events", queryset=ReferralEvent.objects.select_related("by").order_by("at", "id")
            )
        )
        .order_by("-created_at")
    )
    for referral in referrals:
        events = list(referral.events.all())
        referral.last_event = events[-1] if events else None  # type: ignore[attr-defined]
        referral.awaiting_answer = awaiting_answer(referral)  # type: ignore[attr-defined]
    return referrals


def awaiting_answer(referral: Referral) -> bool:
    """A live referral the partner has not answered yet."""
    return referral.answer_by is not None and referral.status in (
        Referral.Status.SENT,
        Referral.Status.OPENED,
    )


def referral_events(referral: Referral) -> QuerySet[ReferralEvent]:
    return referral.events.select_related("by").order_by("at", "id")


def category_labels(codes: list[str]) -> list[str]:
    """Data categories in words, in the order of ``DataCategory`` (contact data first)."""
    order = {value: index for index, value in enumerate(DataCategory.values)}
    labels = dict(DataCategory.choices)
    ordered = sorted(codes, key=lambda code: order.get(code, len(order)))
    return [str(labels.get(code, code)) for code in ordered]


def referral_disclosures(referral: Referral, *, limit: int = 50) -> tuple[list[Disclosure], int]:
    """The transfer log rows of a referral, newest first (at most ``limit``), and how many.

    Each row gets ``labels`` (its data categories in words), ``recipient_name`` and ``user_name``.
    """
    rows = list(
        referral.disclosures.select_related(
            "user", "consent", "recipient_organisation", "recipient_office"
        ).order_by("-at", "-id")[:limit]
    )
    for row in rows:
        row.labels = category_labels(row.data_categories)
        recipient = row.recipient_organisation or row.recipient_office
        row.recipient_name = recipient.name if recipient else ""
        row.user_name = row.user.get_full_name() or row.user.get_username()
    total = len(rows) if len(rows) < limit else referral.disclosures.count()
    return rows, total


def referral_services(
    *, office: Office, query: str = "", selected: Service | None = None
) -> tuple[list[Service], bool]:
    """Active offers of the office to refer to, narrowed by name; and whether more exist.

    ``selected`` (from ``?angebot=``) is always among them.
    """
    services = Service.objects.filter(office=office, status=Service.Status.ACTIVE)
    query = query.strip()
    if query:
        services = services.filter(
            Q(name__icontains=query)
            | Q(alternate_name__icontains=query)
            | Q(organization__name__icontains=query)
        )
    found = list(services.select_related("organization").order_by("name", "pk")[: CHOICE_LIMIT + 1])
    more = len(found) > CHOICE_LIMIT
    found = found[:CHOICE_LIMIT]
    if selected is not None and selected not in found:
        found.insert(0, selected)
    return found, more


def active_service(*, office: Office, service_id: str) -> Service | None:
    """One active offer of the office by id, or None (unknown, inactive, other office)."""
    try:
        return (
            Service.objects.select_related("organization")
            .filter(office=office, status=Service.Status.ACTIVE)
            .get(pk=service_id)
        )
    except (Service.DoesNotExist, ValueError, ValidationError):
        return None


def consent_recipients(
    *, office: Office, query: str = "", selected: Organization | None = None
) -> tuple[list[Organization], bool]:
    """Organisations of the office's directory that have active offers, narrowed by name.

    Ordered by kind and name for the grouped select; ``selected`` is always included.
    """
    active = Service.objects.filter(organization=OuterRef("pk"), status=Service.Status.ACTIVE)
    orgs = Organization.objects.filter(Exists(active), office=office)
    query = query.strip()
    if query:
        orgs = orgs.filter(Q(name__icontains=query) | Q(alternate_name__icontains=query))
    found = list(orgs.order_by("kind", "name", "pk")[: CHOICE_LIMIT + 1])
    more = len(found) > CHOICE_LIMIT
    found = found[:CHOICE_LIMIT]
    if selected is not None and selected.pk not in {o.pk for o in found}:
        found.insert(0, selected)
    return found, more


def other_offices(*, office: Office) -> list[Office]:
    """Other youth welfare offices a consent may name as recipient (public names only)."""
    return list(Office.objects.exclude(pk=office.pk).order_by("name"))


def redirect_targets(referral: Referral) -> QuerySet[Service]:
    """Active offers of the office a referral may be passed on to (not its own)."""
    return Service.objects.filter(
        office_id=referral.office_id, status=Service.Status.ACTIVE
    ).exclude(pk=referral.service_id)


# How many offers a search for the offer to pass a referral on to shows.
REDIRECT_CHOICES = 20


def redirect_candidates(referral: Referral, query: str) -> list[Service]:
    """The offers matching ``query`` that the referral may be passed on to, best first.

    A city's directory has thousands of active offers, too many for a list to
    choose from: the partner (or the worker recording where a provider without
    accounts sent the family) searches by offer, organisation or topic words,
    as in the public directory, and chooses among the best matches.
    """
    if not query.strip():
        return []
    ids = ranked_service_ids(query, "de", within=redirect_targets(referral), limit=REDIRECT_CHOICES)
    found = {
        service.pk: service
        for service in Service.objects.filter(pk__in=ids)
        .select_related("organization")
        .only("id", "name", "organization__name")
    }
    return [found[pk] for pk in ids if pk in found]
