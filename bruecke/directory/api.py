"""The directory's public HSDS 3.0 API: read-only, no login, no key, CORS open.

The directory is the one thing that crosses offices and is public, so every
entry of every office is served, whatever its status (the status is part of
the data). Texts are the German source texts; ``lang`` is not an HSDS
parameter and is ignored. docs/hsds.md describes parameters and limits.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import uuid
from collections.abc import Callable, Iterator, Sequence
from functools import cache, wraps
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.db.models import Exists, Q, QuerySet
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
    StreamingHttpResponse,
)
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.views.decorators.http import require_GET

from bruecke.directory import hsds
from bruecke.directory.models import Organization, Service, ServiceAtLocation
from bruecke.directory.taxonomy import TAXONOMIES, Taxonomy, Term, taxonomy_by_id, term_by_id, terms

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
NDJSON_CHUNK = 200
DAY_NAMES = {
    "MONDAY": "MO",
    "TUESDAY": "TU",
    "WEDNESDAY": "WE",
    "THURSDAY": "TH",
    "FRIDAY": "FR",
    "SATURDAY": "SA",
    "SUNDAY": "SU",
}

View = Callable[..., HttpResponseBase]


class BadParameter(Exception):
    """A query parameter the API cannot use; answered with 400 and both messages."""

    def __init__(self, parameter: str, message: str, message_en: str) -> None:
        super().__init__(message_en)
        self.parameter = parameter
        self.message = message
        self.message_en = message_en


def _json(data: Any, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def _error(status: int, error: str, message: str, message_en: str, **extra: str) -> JsonResponse:
    return _json(
        {"status": status, "error": error, **extra, "message": message, "message_en": message_en},
        status=status,
    )


def _not_found() -> JsonResponse:
    return _error(
        404, "not_found", "Diesen Eintrag gibt es nicht.", "There is no entry with this id."
    )


def api_view(view: View) -> View:
    """JSON errors for bad parameters, and the open CORS header on every answer."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        try:
            response = view(request, *args, **kwargs)
        except BadParameter as exc:
            response = _error(
                400, "invalid_parameter", exc.message, exc.message_en, parameter=exc.parameter
            )
        # Open data: any web page may read it (HSDS and Open Referral UK ask for this).
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


# --- Parameters -------------------------------------------------------------------


def _int(request: HttpRequest, name: str, *, default: int, maximum: int | None = None) -> int:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise BadParameter(
            name,
            f"„{name}“ muss eine ganze Zahl ab 1 sein.",
            f"'{name}' must be a whole number from 1.",
        )
    if maximum is not None and value > maximum:
        raise BadParameter(
            name, f"„{name}“ darf höchstens {maximum} sein.", f"'{name}' must be at most {maximum}."
        )
    return value


def _bool(request: HttpRequest, name: str) -> bool:
    raw = request.GET.get(name, "").strip().lower()
    if raw in ("", "false", "0", "no"):
        return False
    if raw in ("true", "1", "yes"):
        return True
    raise BadParameter(
        name, f"„{name}“ muss true oder false sein.", f"'{name}' must be true or false."
    )


def _uuid(request: HttpRequest, name: str) -> uuid.UUID | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        raise BadParameter(
            name, f"„{name}“ muss eine UUID sein.", f"'{name}' must be a UUID."
        ) from None


def _age(request: HttpRequest, name: str) -> float | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not math.isfinite(value) or value < 0:
        raise BadParameter(
            name,
            f"„{name}“ muss ein Alter in Jahren sein (eine Zahl ab 0).",
            f"'{name}' must be an age in years (a number from 0).",
        )
    return value


def _moment(request: HttpRequest, name: str) -> dt.datetime | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    # An unencoded "+" in a query string arrives as a space: "…T10:00:00 01:00".
    raw = raw.replace(" ", "+")
    try:
        moment = parse_datetime(raw)
        if moment is None:
            day = parse_date(raw)
            moment = dt.datetime.combine(day, dt.time()) if day else None
    except ValueError:
        moment = None
    if moment is None:
        raise BadParameter(
            name,
            f"„{name}“ muss ein Zeitpunkt nach ISO 8601 sein, zum Beispiel 2026-03-01T08:00:00Z.",
            f"'{name}' must be an ISO 8601 date-time, for example 2026-03-01T08:00:00Z.",
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _days(request: HttpRequest) -> list[str] | None:
    raw = request.GET.get("day", "").strip()
    if not raw:
        return None
    days = []
    for part in raw.split(","):
        word = part.strip().upper()
        code = DAY_NAMES.get(word, word)
        if code not in hsds.DAY_CODES:
            raise BadParameter(
                "day",
                "„day“ nennt Wochentage als MO, TU, WE, TH, FR, SA, SU oder Monday … Sunday.",
                "'day' names weekdays as MO, TU, WE, TH, FR, SA, SU or Monday … Sunday.",
            )
        days.append(code)
    return days


def _search(request: HttpRequest) -> str:
    return request.GET.get("search", "").strip()


def _offer_filters(request: HttpRequest, *, prefix: str = "") -> list[Q | Exists]:
    """The offer filters of /services, and via ``prefix="service__"`` of /service_at_locations."""
    found: list[Q | Exists] = []
    search = _search(request)
    if search:
        found.append(
            Q(**{f"{prefix}name__icontains": search})
            | Q(**{f"{prefix}description__icontains": search})
        )
    term_id = _uuid(request, "taxonomy_term_id")
    if term_id is not None:
        term = term_by_id(term_id)
        found.append(hsds.term_q(term, prefix) if term else Q(pk__in=[]))
    taxonomy_id = _uuid(request, "taxonomy_id")
    if taxonomy_id is not None:
        taxonomy = taxonomy_by_id(taxonomy_id)
        found.append(hsds.taxonomy_q(taxonomy, prefix) if taxonomy else Q(pk__in=[]))
    organization_id = _uuid(request, "organization_id")
    if organization_id is not None:
        found.append(Q(**{f"{prefix}organization_id": organization_id}))
    modified_after = _moment(request, "modified_after")
    if modified_after is not None:
        modified = Q(**{f"{prefix}last_modified__gte": modified_after})
        if prefix:
            modified |= Q(location__last_modified__gte=modified_after)
        found.append(modified)
    # Open Referral UK: a minimum age of at least, a maximum age of at most the value.
    minimum_age = _age(request, "minimum_age")
    if minimum_age:
        found.append(Q(**{f"{prefix}minimum_age__gte": minimum_age}))
    maximum_age = _age(request, "maximum_age")
    if maximum_age is not None:
        found.append(Q(**{f"{prefix}maximum_age__lte": maximum_age}))
    days = _days(request)
    if days:
        outer = "service_at_location" if prefix else "service_at_location__service"
        found.append(hsds.day_q(days, today=hsds.local_today(), outer=outer))
    return found


# --- Lists ---------------------------------------------------------------------------


def _ndjson(
    items: QuerySet[Any] | Sequence[Any], serialize: Callable[[Any], hsds.JSON]
) -> Iterator[bytes]:
    rows = items.iterator(chunk_size=NDJSON_CHUNK) if isinstance(items, QuerySet) else iter(items)
    for item in rows:
        yield (json.dumps(serialize(item), ensure_ascii=False) + "\n").encode()


def _listing(
    request: HttpRequest,
    items: QuerySet[Any] | Sequence[Any],
    serialize: Callable[[Any], hsds.JSON],
) -> HttpResponseBase:
    """A page in the HSDS envelope, or with format=ndjson every result, one per line."""
    output = request.GET.get("format", "").strip().lower() or "json"
    if output not in ("json", "ndjson"):
        raise BadParameter(
            "format", "„format“ ist json oder ndjson.", "'format' is json or ndjson."
        )
    if output == "ndjson":
        return StreamingHttpResponse(
            _ndjson(items, serialize), content_type="application/x-ndjson; charset=utf-8"
        )
    page = _int(request, "page", default=1)
    per_page = _int(request, "per_page", default=DEFAULT_PER_PAGE, maximum=MAX_PER_PAGE)
    total = items.count() if isinstance(items, QuerySet) else len(items)
    total_pages = math.ceil(total / per_page)
    start = (page - 1) * per_page
    chunk = list(items[start : start + per_page]) if start < total else []
    contents = [serialize(item) for item in chunk]
    return _json(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
    )


def _path_uuid(raw: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(raw)
    except ValueError:
        return None


# --- Views -----------------------------------------------------------------------------


@login_not_required
@api_view
@require_GET
def index(request: HttpRequest) -> HttpResponseBase:
    return _json(
        {
            "version": hsds.HSDS_VERSION,
            "profile": hsds.PROFILE_URL,
            "openapi_url": request.build_absolute_uri(reverse("hsds:openapi")),
        }
    )


@cache
def _openapi_document() -> bytes:
    return (hsds.SCHEMA_DIR / "openapi.json").read_bytes()


@login_not_required
@api_view
@require_GET
def openapi(request: HttpRequest) -> HttpResponseBase:
    return HttpResponse(_openapi_document(), content_type="application/json")


@login_not_required
@api_view
@require_GET
def services(request: HttpRequest) -> HttpResponseBase:
    full = _bool(request, "full")
    items = hsds.services_for_hsds(full=full).filter(*_offer_filters(request))
    today = hsds.local_today()
    return _listing(request, items, lambda item: hsds.service_data(item, full=full, today=today))


@login_not_required
@api_view
@require_GET
def service(request: HttpRequest, item_id: str) -> HttpResponseBase:
    key = _path_uuid(item_id)
    found: Service | None = hsds.services_for_hsds().filter(pk=key).first() if key else None
    return _json(hsds.service_data(found)) if found else _not_found()


def _organization_data(organization: Organization, *, full_services: bool) -> hsds.JSON:
    return hsds.organization_data(
        organization,
        full=True,
        locations=True,
        services=organization.services.all(),
        full_services=full_services,
    )


@login_not_required
@api_view
@require_GET
def organizations(request: HttpRequest) -> HttpResponseBase:
    full = _bool(request, "full")
    full_services = _bool(request, "full_service")
    items = hsds.organizations_for_hsds(full=full, full_services=full_services)
    search = _search(request)
    if search:
        items = items.filter(Q(name__icontains=search) | Q(description__icontains=search))
    if full:
        return _listing(
            request, items, lambda item: _organization_data(item, full_services=full_services)
        )
    return _listing(request, items, hsds.organization_data)


@login_not_required
@api_view
@require_GET
def organization(request: HttpRequest, item_id: str) -> HttpResponseBase:
    full_services = _bool(request, "full_service")
    key = _path_uuid(item_id)
    found: Organization | None = (
        hsds.organizations_for_hsds(full_services=full_services).filter(pk=key).first()
        if key
        else None
    )
    if found is None:
        return _not_found()
    return _json(_organization_data(found, full_services=full_services))


def _matches(search: str, *texts: object) -> bool:
    needle = search.casefold()
    with translation.override("de"):
        return any(needle in str(text).casefold() for text in texts)


@login_not_required
@api_view
@require_GET
def taxonomies(request: HttpRequest) -> HttpResponseBase:
    search = _search(request)
    items: list[Taxonomy] = [
        taxonomy
        for taxonomy in TAXONOMIES
        if not search or _matches(search, taxonomy.name, taxonomy.description)
    ]
    return _listing(request, items, hsds.taxonomy_data)


@login_not_required
@api_view
@require_GET
def taxonomy(request: HttpRequest, item_id: str) -> HttpResponseBase:
    key = _path_uuid(item_id)
    found = taxonomy_by_id(key) if key else None
    return _json(hsds.taxonomy_data(found)) if found else _not_found()


@login_not_required
@api_view
@require_GET
def taxonomy_terms(request: HttpRequest) -> HttpResponseBase:
    search = _search(request)
    taxonomy_id = _uuid(request, "taxonomy_id")
    parent_id = _uuid(request, "parent_id")
    top_only = _bool(request, "top_only")
    items: list[Term] = [
        term
        for term in terms()
        if (taxonomy_id is None or term.taxonomy.id == taxonomy_id)
        and (parent_id is None or term.parent_id == parent_id)
        and (not top_only or term.parent_id is None)
        and (not search or _matches(search, term.code, term.name, term.description))
    ]
    return _listing(request, items, hsds.taxonomy_term_data)


@login_not_required
@api_view
@require_GET
def taxonomy_term(request: HttpRequest, item_id: str) -> HttpResponseBase:
    key = _path_uuid(item_id)
    found = term_by_id(key) if key else None
    return _json(hsds.taxonomy_term_data(found)) if found else _not_found()


@login_not_required
@api_view
@require_GET
def service_at_locations(request: HttpRequest) -> HttpResponseBase:
    full = _bool(request, "full")
    items = hsds.service_at_locations_for_hsds(full=full).filter(
        *_offer_filters(request, prefix="service__")
    )
    today = hsds.local_today()
    return _listing(
        request, items, lambda item: hsds.service_at_location_data(item, full=full, today=today)
    )


@login_not_required
@api_view
@require_GET
def service_at_location(request: HttpRequest, item_id: str) -> HttpResponseBase:
    key = _path_uuid(item_id)
    found: ServiceAtLocation | None = (
        hsds.service_at_locations_for_hsds().filter(pk=key).first() if key else None
    )
    return _json(hsds.service_at_location_data(found)) if found else _not_found()
