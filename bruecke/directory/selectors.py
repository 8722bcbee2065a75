"""Reads of the directory for the public portal (no login; the directory is public)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from bruecke.directory.models import (
    Organization,
    Schedule,
    ScheduleException,
    Service,
    ServiceTranslation,
)
from bruecke.directory.schedules import describe, is_open, open_now_q
from bruecke.directory.search import ranked_service_ids


@dataclass(frozen=True)
class OfferFilters:
    query: str = ""
    topic: str = ""
    district_id: int | None = None
    age: int | None = None
    language: str = ""
    open_now: bool = False
    free: bool = False

    def narrows(self) -> bool:
        """Whether anything besides the search words limits the offers."""
        return bool(
            self.topic
            or self.district_id
            or self.age is not None
            or self.language
            or self.open_now
            or self.free
        )


def _json_has(field_name: str, value: str) -> Q:
    # Lists of codes are stored as JSON text (["gesundheit/kinderarzt", ...]);
    # matching the quoted prefix works on SQLite and PostgreSQL alike and also
    # finds the subtopics of a Handlungsfeld.
    return Q(**{f"{field_name}__icontains": f'"{value}'})


def with_card_details(services: QuerySet[Service], language: str) -> QuerySet[Service]:
    """What an offer card in a list shows (name, organisation, first address, open now).

    A fixed number of queries; each further prefetch costs a list of twenty
    offers about a millisecond of Python, however few rows it reads.
    """
    return services.select_related("organization").prefetch_related(
        Prefetch(
            "translations",
            queryset=ServiceTranslation.objects.filter(language=language),
            to_attr="texts",
        ),
        "service_at_locations__location",
        "service_at_locations__schedules",
        "service_at_locations__schedule_exceptions",
    )


def with_public_details(services: QuerySet[Service], language: str) -> QuerySet[Service]:
    """Everything an offer page shows, in a fixed number of queries.

    Used by the public pages and by the coordinators' preview.
    """
    return with_card_details(services, language).prefetch_related(
        "service_at_locations__location__district",
        "phones",
        "districts",
    )


def public_offers(
    filters: OfferFilters, *, language: str, now: dt.datetime
) -> QuerySet[Service] | RankedOffers:
    """Active offers matching the filters, best first, with what their cards show."""
    services = Service.objects.filter(status=Service.Status.ACTIVE)
    if filters.topic:
        services = services.filter(_json_has("topics", filters.topic))
    if filters.district_id:
        services = services.filter(districts=filters.district_id)
    if filters.age is not None:
        services = services.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=filters.age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=filters.age),
        )
    if filters.language:
        services = services.filter(_json_has("languages", filters.language))
    if filters.free:
        services = services.filter(free=True)
    if filters.open_now:
        opening = Schedule.objects.filter(
            open_now_q(now), service_at_location__service=OuterRef("pk")
        )
        closed = ScheduleException.objects.filter(
            date=now.date(), service_at_location__service=OuterRef("pk")
        )
        services = services.filter(Exists(opening)).exclude(Exists(closed))
    if not filters.query:
        return with_card_details(services.order_by("name"), language)
    if filters.narrows():
        # Rank only the offers the filters leave (one district, one worry: a
        # few hundred), so none of them is lost behind the best RANK_LIMIT.
        ranked = ranked_service_ids(filters.query, language, within=services)
    else:
        ranked = ranked_service_ids(filters.query, language, status=Service.Status.ACTIVE.value)
    return RankedOffers(ranked, language)


class RankedOffers(Sequence[Service]):
    """Offers in the order of a full-text ranking, for a Paginator.

    Its length is the number of ranked ids; a page (a slice) is read with one
    set of card queries for just those offers.
    """

    def __init__(self, ids: list[uuid.UUID], language: str) -> None:
        self.ids = ids
        self.language = language

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, index: int) -> Service: ...

    @overload
    def __getitem__(self, index: slice) -> list[Service]: ...

    def __getitem__(self, index: int | slice) -> Service | list[Service]:
        if isinstance(index, int):
            return self._read([self.ids[index]])[0]
        return self._read(self.ids[index])

    def _read(self, ids: list[uuid.UUID]) -> list[Service]:
        if not ids:
            return []
        services = with_card_details(Service.objects.filter(pk__in=ids), self.language)
        found = {service.pk: service for service in services}
        return [found[pk] for pk in ids if pk in found]


def public_offer(offer_id: uuid.UUID | str, *, language: str) -> Service | None:
    try:
        return with_public_details(
            Service.objects.exclude(status=Service.Status.DEFUNCT), language
        ).get(pk=offer_id)
    except (Service.DoesNotExist, ValueError):
        return None


@dataclass
class OfferText:
    """An offer's texts in the requested language, or German with ``fallback`` set."""

    name: str
    description: str
    fees_description: str
    eligibility_description: str
    application_process: str
    fallback: bool
    places: list[dict[str, Any]] = field(default_factory=list)
    open_now: bool = False


def offer_text(service: Service, *, language: str, now: dt.datetime) -> OfferText:
    texts = getattr(service, "texts", [])
    translated = texts[0] if texts else None
    source: Any = translated or service
    text = OfferText(
        name=source.name,
        description=source.description,
        fees_description=source.fees_description or service.fees_description,
        eligibility_description=source.eligibility_description or service.eligibility_description,
        application_process=source.application_process or service.application_process,
        fallback=language != "de" and translated is None,
    )
    for place in service.service_at_locations.all():
        schedules = list(place.schedules.all())
        exceptions = list(place.schedule_exceptions.all())
        upcoming = [
            e for e in exceptions if now.date() <= e.date <= now.date() + dt.timedelta(days=30)
        ]
        text.places.append(
            {
                "location": place.location,
                "note": place.description,
                "hours": [
                    describe(s) + (f" ({s.description})" if s.description else "")
                    for s in schedules
                ],
                "exceptions": sorted(upcoming, key=lambda e: e.date),
                "open_now": is_open(schedules, exceptions, now),
            }
        )
    text.open_now = any(place["open_now"] for place in text.places)
    return text


# How many organisations the offer form's select lists before a search narrows it.
ORGANISATION_CHOICES = 200


def organisation_choices(
    *, office_id: int, query: str = "", selected: str | uuid.UUID | None = None
) -> tuple[list[Organization], int, bool]:
    """The office's organisations for the offer form, narrowed by name: those to
    list, how many of them matched, and whether more matched than are listed.

    A city's directory has thousands of organisations, more than a select can
    usefully list (and rendering them all made the form take half a second):
    the first ``ORGANISATION_CHOICES`` by name, or those matching ``query``;
    the ``selected`` one always.
    """
    organisations = Organization.objects.filter(office_id=office_id)
    query = query.strip()
    if query:
        organisations = organisations.filter(
            Q(name__icontains=query) | Q(alternate_name__icontains=query)
        )
    found = list(organisations.order_by("name", "pk")[: ORGANISATION_CHOICES + 1])
    more = len(found) > ORGANISATION_CHOICES
    found = found[:ORGANISATION_CHOICES]
    matched = len(found)
    if selected and str(selected) not in {str(o.pk) for o in found}:
        try:
            chosen = Organization.objects.filter(office_id=office_id, pk=selected).first()
        except (ValueError, ValidationError):
            chosen = None  # a tampered value: the form refuses it
        if chosen is not None:
            found.insert(0, chosen)
    return found, matched, more
