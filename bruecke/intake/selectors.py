"""Reads of the triage queue (Eingang). Every query starts from intake.access."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.db.models import BooleanField, Count, Exists, OuterRef, Q, Value, When
from django.db.models import Case as CaseWhen
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bruecke.cases.choices import Zugangsweg
from bruecke.cases.selectors import likely_duplicates
from bruecke.intake.access import requests_visible_to
from bruecke.intake.models import ContactAttempt, Request
from bruecke.lib.topics import top_level
from bruecke.lib.workdays import working_days_between
from bruecke.org.models import District, Membership, PartnerOrganisation, Team
from bruecke.people.models import Family

OPEN_STATUSES = (Request.Status.NEW, Request.Status.ASSIGNED)
# The queue shows at most this many rows; the counts above it cover all.
QUEUE_LIMIT = 200

# Scope values of the district filter besides a district's slug.
SCOPE_TEAM = "team"
SCOPE_ALL = "alle"
SCOPE_NONE = "ohne"


def overdue_condition(today: dt.date) -> Q:
    """Past the response deadline and nobody has tried to reach the family yet."""
    return Q(due_on__lt=today, first_contact_at__isnull=True)


@dataclass
class QueueScope:
    """The district filter of the queue: what is chosen, and what can be chosen."""

    value: str
    choices: list[tuple[str, str]]
    condition: Q
    team_district_names: list[str] = field(default_factory=list)


def queue_scope(*, membership: Membership, value: str | None) -> QueueScope:
    """The districts filter; by default the districts of the user's team (one query).

    Requests without a district (the family did not say) belong to every
    team's view, so none of them waits unseen.
    """
    in_team: Exists | Value = Value(False)
    if membership.team_id is not None:
        in_team = Exists(
            Team.districts.through.objects.filter(
                team_id=membership.team_id, district_id=OuterRef("pk")
            )
        )
    districts = list(
        District.objects.filter(office_id=membership.office_id)
        .annotate(in_team=in_team)
        .order_by("name")
    )
    team = [d for d in districts if d.in_team]
    choices: list[tuple[str, str]] = []
    if team:
        choices.append(
            (
                SCOPE_TEAM,
                _("Meine Teambezirke (%(names)s)") % {"names": ", ".join(d.name for d in team)},
            )
        )
    choices.append((SCOPE_ALL, _("Alle Stadtbezirke")))
    choices.append((SCOPE_NONE, _("Ohne Stadtbezirk")))
    choices.extend((d.slug, d.name) for d in districts)
    allowed = {c for c, _label in choices}
    if value not in allowed:
        value = SCOPE_TEAM if team else SCOPE_ALL
    assert value is not None
    if value == SCOPE_TEAM:
        condition = Q(district_id__in=[d.pk for d in team]) | Q(district__isnull=True)
    elif value == SCOPE_ALL:
        condition = Q()
    elif value == SCOPE_NONE:
        condition = Q(district__isnull=True)
    else:
        condition = Q(district_id=next(d.pk for d in districts if d.slug == value))
    return QueueScope(
        value=value,
        choices=choices,
        condition=condition,
        team_district_names=[d.name for d in team],
    )


@dataclass
class Queue:
    items: Sequence[Request]
    total: int
    overdue: int


def queue(*, user: User, scope: QueueScope, today: dt.date | None = None) -> Queue:
    """Open requests (new, assigned) of the user's office in ``scope``: overdue first,
    then by deadline and age. Two queries, however long the queue is."""
    today = today or timezone.localdate()
    late = overdue_condition(today)
    requests = requests_visible_to(user).filter(status__in=OPEN_STATUSES).filter(scope.condition)
    counts = requests.aggregate(total=Count("pk"), overdue=Count("pk", filter=late))
    items = list(
        requests.select_related("district", "assigned_to", "partner_organisation")
        .annotate(
            overdue=CaseWhen(
                When(late, then=Value(True)), default=Value(False), output_field=BooleanField()
            )
        )
        .order_by("-overdue", "due_on", "created_at")[:QUEUE_LIMIT]
    )
    for item in items:
        item.age_days = request_age(item, today)  # type: ignore[attr-defined]
    return Queue(items=items, total=counts["total"], overdue=counts["overdue"])


def request_age(request: Request, today: dt.date) -> int:
    """Working days since the request came in (0 on the day itself)."""
    return working_days_between(timezone.localdate(request.created_at), today)


def request_is_overdue(request: Request, today: dt.date) -> bool:
    return request.is_open and request.first_contact_at is None and today > request.due_on


def request_attempts(request: Request) -> list[ContactAttempt]:
    """The request's contact attempts, oldest first, with who made them."""
    return list(request.attempts.select_related("by"))


def request_duplicates(request: Request) -> list[Family]:
    """Families of the office that may be the family of this request (the casework check)."""
    return list(
        likely_duplicates(
            office_id=request.office_id,
            name=request.first_name,
            phone=request.phone,
            child_birth_dates=[],
            member_names=[],
        )
    )


# Which access route a partner's kind stands for (PRODUCT.md, Zugangswege).
PARTNER_ZUGANGSWEG = {
    PartnerOrganisation.Kind.KITA: Zugangsweg.KITA,
    PartnerOrganisation.Kind.KINDERTAGESPFLEGE: Zugangsweg.KINDERTAGESPFLEGE,
    PartnerOrganisation.Kind.FAMILIENBUERO: Zugangsweg.FAMILIENBUERO,
    PartnerOrganisation.Kind.BERATUNGSSTELLE: Zugangsweg.BERATUNGSSTELLE,
    PartnerOrganisation.Kind.BABYLOTSEN: Zugangsweg.BABYLOTSEN,
    PartnerOrganisation.Kind.JUGENDHILFEDIENST: Zugangsweg.ASD,
    PartnerOrganisation.Kind.SCHULE: Zugangsweg.SCHULE,
    PartnerOrganisation.Kind.SONSTIGE: Zugangsweg.SONSTIGE,
}


def request_zugangsweg(request: Request) -> str:
    """Families who wrote themselves came "selbst"; referrals by the partner's kind."""
    if request.source == Request.Source.PARTNER and request.partner_organisation is not None:
        return PARTNER_ZUGANGSWEG.get(request.partner_organisation.kind, Zugangsweg.SONSTIGE)  # type: ignore[call-overload]
    return Zugangsweg.SELBST


def language_name(code: str) -> str:
    """The German name of a language code ("tr" → "Türkisch"), or the code itself."""
    with translation.override("de"):
        try:
            return str(translation.get_language_info(code)["name_translated"])
        except KeyError:
            return code


def case_initial(request: Request) -> dict[str, Any]:
    """What the "turn into a case" form starts with, taken from the request."""
    return {
        "name": request.first_name,
        "phone": request.phone,
        "email": request.email,
        "district": request.district_id,
        "languages": language_name(request.language) if request.language else "",
        "zugangsweg": request_zugangsweg(request),
        "topics": list(request.topics),
        "add_person": True,
    }


def anonymous_initial(request: Request) -> dict[str, Any]:
    """The anonymous consultation counts the six Handlungsfelder only."""
    topics: list[str] = []
    for code in request.topics:
        if top_level(code) not in topics:
            topics.append(top_level(code))
    return {"district": request.district_id, "topics": topics}
