"""Reads of the directory for the public portal (no login; the directory is public)."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Exists, F, Func, IntegerField, OuterRef, Prefetch, Q, QuerySet
from django.db.models.sql.compiler import SQLCompiler

from bruecke.directory.models import Schedule, ScheduleException, Service, ServiceTranslation
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


def _json_has(field_name: str, value: str) -> Q:
    # Lists of codes are stored as JSON text (["gesundheit/kinderarzt", ...]);
    # matching the quoted prefix works on SQLite and PostgreSQL alike and also
    # finds the subtopics of a Handlungsfeld.
    return Q(**{f"{field_name}__icontains": f'"{value}'})


class _RankOf(Func):
    """Where the row's id stands in ``ranked`` (0, 1, ...), for ORDER BY.

    The same CASE that ``Case(When(pk=..., then=0), ...)`` gives, written as
    SQL text at once: building and compiling 500 When objects (twice per
    page) took Django longer than the database took for the whole search.
    """

    output_field = IntegerField()

    def __init__(self, ranked: list[uuid.UUID]) -> None:
        if not ranked:
            raise ValueError("nothing to rank")
        super().__init__(F("pk"))
        self.ranked = ranked

    def as_sql(  # type: ignore[override]
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any
    ) -> tuple[str, list[Any]]:
        column, params = compiler.compile(self.source_expressions[0])
        pk = Service._meta.pk
        assert pk is not None
        ids = [pk.get_db_prep_value(value, connection) for value in self.ranked]
        whens = " ".join(f"WHEN %s THEN {rank}" for rank in range(len(ids)))
        return f"CASE {column} {whens} END", [*params, *ids]


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


def public_offers(filters: OfferFilters, *, language: str, now: dt.datetime) -> QuerySet[Service]:
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
    if filters.query:
        ranked = ranked_service_ids(filters.query, language)
        services = (
            services.filter(pk__in=ranked).order_by(_RankOf(ranked)) if ranked else services.none()
        )
    else:
        services = services.order_by("name")
    return with_card_details(services, language)


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
