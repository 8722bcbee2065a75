"""The directory as Open Referral HSDS 3.0: serialisers, schema validation, import.

Serialisers turn prefetched model instances into HSDS dicts (the API and
``hsds_export`` use the same ones); ``hsds_validator`` checks dicts against the
HSDS JSON schemas; ``hsds_import`` reads what the export writes back into the
models, all or nothing.

Mapping decisions (docs/hsds.md has the full table):

- Texts are the German source texts; translations are not part of HSDS and are
  exported in Brücke's own ``translations.json``.
- Service.kind, Service.topics and Organization.kind are ``attributes`` linking
  terms of the taxonomies in ``taxonomy.py``.
- Service.free is a cost option with amount 0 EUR; Service.districts are
  ``service_areas`` named after the district; Location.district is the
  ``region`` of the location's address.
- Schedules are local wall-clock times; ``opens_at``/``closes_at`` carry the UTC
  offset of the local time zone on the reference day (today, or the date of an
  exception) and ``timezone`` holds that offset in hours.
- A ScheduleException is a schedule with one occurrence (``dtstart``, ``count``
  1); without ``opens_at`` it is a closed day.
- Objects HSDS requires ids for but Brücke keeps inside a row (addresses,
  languages, attributes, cost options, exceptions, service areas) get
  ``uuid5`` ids derived from their owner, so they stay the same on every export.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from babel import Locale
from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.db import models, transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone, translation

from bruecke.directory.models import (
    Location,
    Organization,
    Phone,
    Schedule,
    ScheduleException,
    Service,
    ServiceAtLocation,
    ServiceTranslation,
)
from bruecke.directory.taxonomy import (
    HANDLUNGSFELDER_TAXONOMY,
    ORGANIZATION_KIND_TAXONOMY,
    SERVICE_KIND_TAXONOMY,
    TAXONOMIES,
    Taxonomy,
    Term,
    term_by_id,
    term_for,
    terms,
)
from bruecke.org.models import District, Office

if TYPE_CHECKING:
    from jsonschema.protocols import Validator  # type: ignore[import-untyped]
    from referencing import Registry

JSON = dict[str, Any]

HSDS_VERSION = "3.0"
# No HSDS profile of our own: the plain HSDS 3.0 specification.
PROFILE_URL = "https://docs.openreferral.org/en/v3.0/"
SCHEMA_DIR = Path(__file__).resolve().parent / "hsds_schema"
# The URIs the HSDS openapi.json uses for the schemas; local copies are registered under them.
SCHEMA_BASE_URI = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
COUNTRY = "DE"
STATE_PROVINCE = "NW"
CURRENCY = "EUR"
FREE_OPTION = "kostenlos"
EXCEPTION_CLOSED_NOTE = "Ausnahme: geschlossen"
EXCEPTION_HOURS_NOTE = "Ausnahme: andere Öffnungszeiten"
DAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Fixed once; the ids of derived objects (addresses, languages, ...) come from it.
ID_NAMESPACE = uuid.UUID("948d2580-1c9d-435f-bf6e-4fea3ad56db3")


# --- Small helpers ---------------------------------------------------------


def derived_id(*parts: object) -> str:
    """A stable id for an HSDS object Brücke keeps inside another row."""
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(str(part) for part in parts)))


def _put(data: JSON, key: str, value: Any) -> None:
    """Set an optional HSDS field; empty values are left out."""
    if value is not None and value != "":
        data[key] = value


def _uuid_text(value: uuid.UUID | None) -> str | None:
    return str(value) if value is not None else None


def local_today() -> dt.date:
    return timezone.localdate()


def utc_offset(day: dt.date) -> dt.timedelta:
    """The local time zone's UTC offset on ``day`` (taken at noon, clear of DST switches)."""
    noon = dt.datetime.combine(day, dt.time(12), tzinfo=timezone.get_default_timezone())
    return noon.utcoffset() or dt.timedelta(0)


def _offset_text(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def time_text(value: dt.time, day: dt.date) -> str:
    """A local time as HSDS wants it: "08:30+01:00" (the offset of ``day``)."""
    text = value.strftime("%H:%M:%S" if value.second else "%H:%M")
    return text + _offset_text(utc_offset(day))


def _timezone_hours(day: dt.date) -> int | float:
    hours = utc_offset(day).total_seconds() / 3600
    return int(hours) if hours.is_integer() else hours


def datetime_text(value: dt.datetime) -> str:
    """ISO 8601 in UTC with milliseconds, as HSDS asks for last_modified."""
    return value.astimezone(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@cache
def _german() -> Locale:
    return Locale("de")


def language_name(code: str) -> str:
    """The German name of a language ("tr" → "Türkisch"); the code when unknown."""
    return str(_german().languages.get(code.lower(), code))


# --- Taxonomies -------------------------------------------------------------


def taxonomy_data(taxonomy: Taxonomy) -> JSON:
    return {"id": str(taxonomy.id), "name": taxonomy.name, "description": taxonomy.description}


def taxonomy_term_data(term: Term) -> JSON:
    # The API serves the German source texts, whatever language the request negotiated.
    with translation.override("de"):
        data: JSON = {
            "id": str(term.id),
            "code": term.code,
            "name": str(term.name),
            "description": str(term.description),
        }
    _put(data, "parent_id", _uuid_text(term.parent_id))
    data["taxonomy"] = term.taxonomy.name
    data["taxonomy_id"] = str(term.taxonomy.id)
    data["taxonomy_detail"] = taxonomy_data(term.taxonomy)
    data["language"] = "de"
    return data


def _attribute(term: Term, *, link_entity: str, link_id: uuid.UUID) -> JSON:
    return {
        "id": derived_id(link_entity, link_id, "attribute", term.id),
        "link_id": str(link_id),
        "link_entity": link_entity,
        "taxonomy_term_id": str(term.id),
        "taxonomy_term": taxonomy_term_data(term),
    }


def service_terms(service: Service) -> list[Term]:
    """The Handlungsfelder (in stored order) and the kind of an offer, as taxonomy terms."""
    found = [term_for(HANDLUNGSFELDER_TAXONOMY, code) for code in service.topics]
    found.append(term_for(SERVICE_KIND_TAXONOMY, service.kind))
    return [term for term in found if term is not None]


# --- Serialisers -------------------------------------------------------------
#
# Each takes instances prefetched by the querysets below (``services_for_hsds``
# and friends), so serialising a page costs a fixed number of queries.


def phone_data(phone: Phone) -> JSON:
    data: JSON = {"id": str(phone.id)}
    _put(data, "organization_id", _uuid_text(phone.organization_id))
    _put(data, "service_id", _uuid_text(phone.service_id))
    _put(data, "location_id", _uuid_text(phone.location_id))
    data["number"] = phone.number
    _put(data, "description", phone.description)
    return data


def address_data(location: Location) -> JSON:
    data: JSON = {
        "id": derived_id("location", location.id, "address"),
        "location_id": str(location.id),
        "address_1": location.address_1,
        "city": location.city,
    }
    # The district (Stadtbezirk) travels as the address's region.
    _put(data, "region", location.district.name if location.district else None)
    data.update(
        state_province=STATE_PROVINCE,
        postal_code=location.postal_code,
        country=COUNTRY,
        address_type="physical",
    )
    return data


def location_data(location: Location, *, full: bool = True) -> JSON:
    data: JSON = {
        "id": str(location.id),
        "location_type": "physical",
        "organization_id": str(location.organization_id),
    }
    _put(data, "name", location.name)
    _put(data, "transportation", location.transportation)
    if location.latitude is not None:
        data["latitude"] = float(location.latitude)
    if location.longitude is not None:
        data["longitude"] = float(location.longitude)
    if full:
        data["addresses"] = [address_data(location)]
        data["accessibility"] = (
            [
                {
                    "id": derived_id("location", location.id, "accessibility"),
                    "location_id": str(location.id),
                    "description": location.accessibility,
                }
            ]
            if location.accessibility
            else []
        )
        data["phones"] = [phone_data(phone) for phone in location.phones.all()]
    return data


def schedule_data(schedule: Schedule, *, today: dt.date) -> JSON:
    data: JSON = {
        "id": str(schedule.id),
        "service_at_location_id": str(schedule.service_at_location_id),
    }
    _put(data, "valid_from", schedule.valid_from.isoformat() if schedule.valid_from else None)
    _put(data, "valid_to", schedule.valid_to.isoformat() if schedule.valid_to else None)
    data["timezone"] = _timezone_hours(today)
    data["freq"] = schedule.freq
    _put(data, "byday", schedule.byday)
    _put(data, "bymonthday", str(schedule.bymonthday) if schedule.bymonthday else None)
    _put(data, "description", schedule.description)
    data["opens_at"] = time_text(schedule.opens_at, today)
    data["closes_at"] = time_text(schedule.closes_at, today)
    return data


def schedule_exception_data(exception: ScheduleException) -> JSON:
    """A closure or a day with other hours: one occurrence on ``exception.date``."""
    day = exception.date
    data: JSON = {
        "id": derived_id("service_at_location", exception.service_at_location_id, "exception", day),
        "service_at_location_id": str(exception.service_at_location_id),
        "valid_from": day.isoformat(),
        "valid_to": day.isoformat(),
        "dtstart": day.isoformat(),
        "timezone": _timezone_hours(day),
        "count": 1,
        "freq": "WEEKLY",
        "byday": DAY_CODES[day.weekday()],
    }
    _put(data, "description", exception.note)
    open_hours = (
        not exception.closed and exception.opens_at is not None and exception.closes_at is not None
    )
    if open_hours:
        assert exception.opens_at is not None and exception.closes_at is not None
        data["opens_at"] = time_text(exception.opens_at, day)
        data["closes_at"] = time_text(exception.closes_at, day)
    data["notes"] = EXCEPTION_HOURS_NOTE if open_hours else EXCEPTION_CLOSED_NOTE
    return data


def organization_data(
    organization: Organization,
    *,
    full: bool = False,
    locations: bool = False,
    services: Iterable[Service] | None = None,
    full_services: bool = False,
) -> JSON:
    """An organisation: one-to-one fields; ``full`` adds phones and its kind,
    ``locations`` its locations, ``services`` the given offers."""
    data: JSON = {"id": str(organization.id), "name": organization.name}
    _put(data, "alternate_name", organization.alternate_name)
    data["description"] = organization.description
    _put(data, "email", organization.email)
    _put(data, "website", organization.website)
    if full:
        data["phones"] = [phone_data(phone) for phone in organization.phones.all()]
        if locations:
            data["locations"] = [
                location_data(location) for location in organization.locations.all()
            ]
        kind = term_for(ORGANIZATION_KIND_TAXONOMY, organization.kind)
        data["attributes"] = (
            [_attribute(kind, link_entity="organization", link_id=organization.id)] if kind else []
        )
    if services is not None:
        data["services"] = [service_data(service, full=full_services) for service in services]
    return data


def service_data(service: Service, *, full: bool = True, today: dt.date | None = None) -> JSON:
    """An offer: one-to-one fields and its organisation; ``full`` nests everything else."""
    data: JSON = {
        "id": str(service.id),
        "organization_id": str(service.organization_id),
        "name": service.name,
    }
    _put(data, "alternate_name", service.alternate_name)
    data["description"] = service.description
    _put(data, "url", service.url)
    _put(data, "email", service.email)
    data["status"] = service.status
    _put(data, "interpretation_services", service.interpretation_services)
    _put(data, "application_process", service.application_process)
    _put(data, "fees_description", service.fees_description)
    _put(data, "eligibility_description", service.eligibility_description)
    _put(data, "minimum_age", service.minimum_age)
    _put(data, "maximum_age", service.maximum_age)
    _put(data, "assured_date", service.last_verified.isoformat() if service.last_verified else None)
    data["last_modified"] = datetime_text(service.last_modified)
    data["organization"] = organization_data(service.organization, full=full)
    if not full:
        return data
    today = today or local_today()
    data["phones"] = [phone_data(phone) for phone in service.phones.all()]
    data["service_areas"] = [
        {
            "id": derived_id("service", service.id, "district", district.slug),
            "service_id": str(service.id),
            "name": district.name,
            "extent_type": "text",
        }
        for district in service.districts.all()
    ]
    data["service_at_locations"] = [
        service_at_location_data(sal, today=today, with_service=False)
        for sal in service.service_at_locations.all()
    ]
    data["languages"] = [
        {
            "id": derived_id("service", service.id, "language", code),
            "service_id": str(service.id),
            "name": language_name(code),
            "code": code,
        }
        for code in service.languages
    ]
    data["cost_options"] = (
        [
            {
                "id": derived_id("service", service.id, "cost_option", FREE_OPTION),
                "service_id": str(service.id),
                "option": FREE_OPTION,
                "currency": CURRENCY,
                "amount": 0,
            }
        ]
        if service.free
        else []
    )
    data["attributes"] = [
        _attribute(term, link_entity="service", link_id=service.id)
        for term in service_terms(service)
    ]
    return data


def service_at_location_data(
    sal: ServiceAtLocation,
    *,
    full: bool = True,
    with_service: bool = True,
    today: dt.date | None = None,
) -> JSON:
    """Where an offer takes place: ``full`` adds schedules and the full location;
    ``with_service`` nests the offer's one-to-one fields (left out inside a service)."""
    data: JSON = {
        "id": str(sal.id),
        "service_id": str(sal.service_id),
        "location_id": str(sal.location_id),
    }
    _put(data, "description", sal.description)
    if full:
        today = today or local_today()
        data["schedules"] = [
            schedule_data(schedule, today=today) for schedule in sal.schedules.all()
        ] + [schedule_exception_data(exception) for exception in sal.schedule_exceptions.all()]
    data["location"] = location_data(sal.location, full=full)
    if with_service:
        data["service"] = service_data(sal.service, full=False)
    return data


# --- Querysets ----------------------------------------------------------------


def _phones() -> QuerySet[Phone]:
    return Phone.objects.order_by("id")


def _service_at_location_prefetches(prefix: str = "") -> list[Prefetch[Any]]:
    return [
        Prefetch(f"{prefix}schedules", queryset=Schedule.objects.order_by("id")),
        Prefetch(
            f"{prefix}schedule_exceptions", queryset=ScheduleException.objects.order_by("date")
        ),
        Prefetch(f"{prefix}location__phones", queryset=_phones()),
    ]


def services_for_hsds(*, full: bool = True) -> QuerySet[Service]:
    """Every offer (all offices, all statuses), ready for ``service_data``."""
    services = Service.objects.select_related("organization").order_by("name", "id")
    if not full:
        return services
    return services.prefetch_related(
        Prefetch("organization__phones", queryset=_phones()),
        Prefetch("phones", queryset=_phones()),
        Prefetch("districts", queryset=District.objects.order_by("name", "id")),
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location__district").order_by("id"),
        ),
        *_service_at_location_prefetches("service_at_locations__"),
    )


def organizations_for_hsds(
    *, full: bool = True, services: bool = True, full_services: bool = False
) -> QuerySet[Organization]:
    """Every organisation, ready for ``organization_data``; ``full`` prefetches
    phones and locations, ``services`` the offers (fully nested with ``full_services``)."""
    organizations = Organization.objects.order_by("name", "id")
    if not full:
        return organizations
    organizations = organizations.prefetch_related(
        Prefetch("phones", queryset=_phones()),
        Prefetch("locations", queryset=Location.objects.select_related("district").order_by("id")),
        Prefetch("locations__phones", queryset=_phones()),
    )
    if services:
        organizations = organizations.prefetch_related(
            Prefetch("services", queryset=services_for_hsds(full=full_services))
        )
    return organizations


def service_at_locations_for_hsds(*, full: bool = True) -> QuerySet[ServiceAtLocation]:
    sals = ServiceAtLocation.objects.select_related(
        "service__organization", "location__district"
    ).order_by("service__name", "id")
    if not full:
        return sals
    return sals.prefetch_related(*_service_at_location_prefetches())


# --- Filters shared by the API ---------------------------------------------------


def topic_q(code: str, prefix: str = "") -> Q:
    """Offers tagged with ``code`` or, for a Handlungsfeld, with one of its subtopics.

    Topics are stored as JSON text; matching the quoted code works on SQLite
    and PostgreSQL alike.
    """
    field_name = f"{prefix}topics__icontains"
    found = Q(**{field_name: f'"{code}"'})
    if "/" not in code:
        found |= Q(**{field_name: f'"{code}/'})
    return found


def term_q(term: Term, prefix: str = "") -> Q:
    """Offers linked to ``term`` (a filter on Service, or via ``prefix`` a related model)."""
    if term.taxonomy == HANDLUNGSFELDER_TAXONOMY:
        return topic_q(term.code, prefix)
    if term.taxonomy == SERVICE_KIND_TAXONOMY:
        return Q(**{f"{prefix}kind": term.code})
    return Q(**{f"{prefix}organization__kind": term.code})


def taxonomy_q(taxonomy: Taxonomy, prefix: str = "") -> Q:
    """Offers with any term of ``taxonomy``: every offer has a kind and an organisation kind."""
    if taxonomy == HANDLUNGSFELDER_TAXONOMY:
        # A non-empty list of codes holds a quoted string (JSON text, as in topic_q).
        return Q(**{f"{prefix}topics__icontains": '"'})
    return Q()


def day_q(days: Iterable[str], *, today: dt.date, outer: str) -> Exists:
    """A current schedule on one of ``days`` (weekly "MO,TH" or monthly "1MO", "-1FR").

    ``outer`` leads from Schedule to the filtered model: "service_at_location__service"
    for offers, "service_at_location" for places. Schedules that ended before
    ``today`` do not count; a monthly ``bymonthday`` has no fixed weekday and never matches.
    """
    matches = Q()
    for code in days:
        matches |= Q(byday__contains=code)
    current = Q(valid_to__isnull=True) | Q(valid_to__gte=today)
    return Exists(Schedule.objects.filter(matches, current, **{outer: OuterRef("pk")}))


# --- Schema validation ---------------------------------------------------------

_TIME_RE = re.compile(r"^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$")
_DATETIME_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$"
)
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SCHEME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*$")


def _is_date(text: str) -> bool:
    if not _DATE_RE.match(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _is_time(text: str) -> bool:
    match = _TIME_RE.match(text)
    if not match:
        return False
    hour, minute, second = int(match[1]), int(match[2]), int(match[3] or 0)
    return hour < 24 and minute < 60 and second < 60


def _is_datetime(text: str) -> bool:
    if not _DATETIME_RE.match(text):
        return False
    try:
        dt.datetime.fromisoformat(text.upper().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return len(text) == 36 and all(text[position] == "-" for position in (8, 13, 18, 23))


def _is_uri(text: str) -> bool:
    if not text or any(char.isspace() for char in text):
        return False
    parts = urlsplit(text)
    if not _SCHEME_RE.match(parts.scheme):
        return False
    if parts.scheme.lower() in ("http", "https"):
        return bool(parts.netloc)
    return bool(parts.netloc or parts.path)


def _is_email(text: str) -> bool:
    try:
        validate_email(text)
    except DjangoValidationError:
        return False
    return True


_DATAPACKAGE_TYPES: dict[str, tuple[Callable[[str], bool], str]] = {
    "date": (_is_date, "YYYY-MM-DD"),
    "time": (_is_time, "HH:MM with an optional offset such as +01:00"),
    "datetime": (_is_datetime, "an RFC 3339 date-time"),
}


@cache
def _validator_class() -> Any:
    """Draft 2020-12 plus HSDS's ``datapackage_type`` keyword, with format checks.

    The HSDS schemas name no draft (their openapi.json says 2020-12) and carry
    custom keywords (``datapackage_type``, ``constraints``, ``core``, ...).
    Unknown keywords are ignored by JSON Schema; ``datapackage_type`` says a
    string is a date or a time, which we check, since nothing else does.
    jsonschema's own format checks need extra packages for "uri" and
    "date-time", so the checker here brings its own.
    """
    from jsonschema import (  # type: ignore[import-untyped]
        Draft202012Validator,
        FormatChecker,
        validators,
    )
    from jsonschema.exceptions import ValidationError  # type: ignore[import-untyped]

    def datapackage_type(
        validator: Any, kind: str, instance: Any, schema: JSON
    ) -> Iterator[ValidationError]:
        check = _DATAPACKAGE_TYPES.get(kind)
        if check is not None and isinstance(instance, str) and not check[0](instance):
            yield ValidationError(f"{instance!r} is not a valid {kind} ({check[1]})")

    checker = FormatChecker(formats=())
    for name, function in (
        ("uuid", _is_uuid),
        ("uri", _is_uri),
        ("email", _is_email),
        ("date-time", _is_datetime),
        ("date", _is_date),
    ):
        checker.checks(name)(function)
    cls = validators.extend(Draft202012Validator, {"datapackage_type": datapackage_type})
    return cls, checker


def schema_registry(
    sources: Sequence[tuple[Path, str]] = ((SCHEMA_DIR, SCHEMA_BASE_URI),),
) -> Registry:
    """A registry of every JSON file in each (directory, base URI) pair."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    resources = []
    for directory, base_uri in sources:
        for path in sorted(directory.glob("*.json")):
            contents = json.loads(path.read_text(encoding="utf-8"))
            resources.append(
                (
                    base_uri + path.name,
                    Resource.from_contents(contents, default_specification=DRAFT202012),
                )
            )
    return Registry().with_resources(resources)


@cache
def _default_registry() -> Registry:
    return schema_registry()


def hsds_validator(ref: str, *, many: bool = False, registry: Registry | None = None) -> Validator:
    """A validator for the HSDS schema ``ref`` ("service.json", "compiled/service.json", or
    a full URI); ``many`` validates a list of such objects.

    By default the schemas come from ``hsds_schema/`` (run-time copies); pass a
    ``schema_registry`` of other directories to use, for example, the compiled ones.
    """
    cls, checker = _validator_class()
    target = {"$ref": ref if "://" in ref else SCHEMA_BASE_URI + ref}
    schema: JSON = {"type": "array", "items": target} if many else target
    return cls(schema, registry=registry or _default_registry(), format_checker=checker)


def _document_position(instance: Any, path: Iterable[Any]) -> tuple[int, ...]:
    """Where a path points in the document, in reading order (keys in file order)."""
    positions: list[int] = []
    node = instance
    for step in path:
        if isinstance(node, list) and isinstance(step, int):
            positions.append(step)
        elif isinstance(node, dict):
            keys = list(node)
            positions.append(keys.index(step) if step in node else len(keys))
        else:
            break
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return tuple(positions)


def first_schema_error(validator: Validator, instance: Any) -> tuple[str, str] | None:
    """(JSON path, message) of the error that comes first in the document, or None."""
    errors = list(validator.iter_errors(instance))
    if not errors:
        return None
    first = min(errors, key=lambda error: _document_position(instance, error.absolute_path))
    return first.json_path, first.message


# --- Export --------------------------------------------------------------------

TRANSLATION_FIELDS = (
    "name",
    "description",
    "fees_description",
    "eligibility_description",
    "application_process",
)


def hsds_export_data(*, office: Office | None = None) -> dict[str, list[JSON]]:
    """The files of an export: file name → list of objects, each ordered by id.

    ``services.json`` and ``organizations.json`` hold objects exactly as
    ``/services/{id}`` and ``/organizations/{id}`` serve them (organisations
    without their services, which are in services.json); ``translations.json``
    is Brücke's own (HSDS has no translations).
    """
    services = services_for_hsds().order_by("id")
    organizations = organizations_for_hsds(services=False).order_by("id")
    translations = ServiceTranslation.objects.order_by("service_id", "language")
    if office is not None:
        services = services.filter(office=office)
        organizations = organizations.filter(office=office)
        translations = translations.filter(service__office=office)
    today = local_today()
    with translation.override("de"):
        return {
            "services.json": [
                service_data(service, today=today) for service in services.iterator(chunk_size=500)
            ],
            "organizations.json": [
                organization_data(organization, full=True, locations=True)
                for organization in organizations.iterator(chunk_size=500)
            ],
            "taxonomies.json": [taxonomy_data(taxonomy) for taxonomy in TAXONOMIES],
            "taxonomy_terms.json": [taxonomy_term_data(term) for term in terms()],
            "translations.json": [
                {"service_id": str(item.service_id), "language": item.language}
                | {name: getattr(item, name) for name in TRANSLATION_FIELDS}
                for item in translations
            ],
        }


# --- Import --------------------------------------------------------------------

PACKAGE_FILES = ("organizations.json", "services.json", "translations.json")

TRANSLATIONS_SCHEMA: JSON = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "service_id": {"type": "string", "format": "uuid"},
            "language": {"type": "string"},
            **{name: {"type": "string"} for name in TRANSLATION_FIELDS},
        },
        "required": ["service_id", "language", "name", "description"],
    },
}

# Keys the import reads (or deliberately skips, such as derived ids and
# an organisation's list of services); anything else is counted as ignored.
_KNOWN_KEYS: dict[str, set[str]] = {
    "organization": {
        "id", "name", "alternate_name", "description", "email", "website", "phones",
        "locations", "attributes", "services",
    },
    "location": {
        "id", "location_type", "organization_id", "name", "transportation", "latitude",
        "longitude", "addresses", "accessibility", "phones",
    },
    "address": {
        "id", "location_id", "address_1", "city", "region", "state_province", "postal_code",
        "country", "address_type",
    },
    "service": {
        "id", "organization_id", "name", "alternate_name", "description", "url", "email",
        "status", "interpretation_services", "application_process", "fees_description",
        "eligibility_description", "minimum_age", "maximum_age", "assured_date",
        "last_modified", "organization", "phones", "service_areas", "service_at_locations",
        "languages", "cost_options", "attributes",
    },
    "service_at_location": {
        "id", "service_id", "location_id", "description", "schedules", "location", "service",
    },
    "schedule": {
        "id", "service_at_location_id", "valid_from", "valid_to", "dtstart", "timezone",
        "count", "freq", "interval", "wkst", "byday", "bymonthday", "description", "opens_at",
        "closes_at", "notes", "until", "byweekno", "byyearday",
    },
    "phone": {"id", "organization_id", "service_id", "location_id", "number", "description"},
}  # fmt: skip


class ImportProblem(Exception):
    """The first problem found in an import file, with the JSON path that points at it."""

    def __init__(self, where: str, message: str) -> None:
        super().__init__(f"{where}: {message}")
        self.where = where
        self.message = message


@dataclass
class HSDSPackage:
    """The parsed files of an import: lists of HSDS objects, None for a missing file."""

    services: list[Any] | None = None
    organizations: list[Any] | None = None
    translations: list[Any] | None = None
    labels: dict[str, str] = field(default_factory=dict)  # "services" → "services.json"

    def label(self, key: str) -> str:
        return self.labels.get(key, f"{key}.json")


def hsds_read(path: Path) -> HSDSPackage:
    """Read an export directory (its organizations.json, services.json and
    translations.json, each optional) or a single JSON file of services."""
    package = HSDSPackage()
    if path.is_dir():
        files = {name: path / name for name in PACKAGE_FILES if (path / name).exists()}
        if "services.json" not in files and "organizations.json" not in files:
            raise ImportProblem(str(path), "enthält weder services.json noch organizations.json.")
    elif path.is_file():
        files = {"services.json": path}
    else:
        raise ImportProblem(str(path), "Datei oder Verzeichnis gibt es nicht.")
    for name, file in files.items():
        key = name.removesuffix(".json")
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
        except UnicodeDecodeError as exc:
            raise ImportProblem(file.name, f"kein UTF-8 ({exc.reason}).") from None
        except json.JSONDecodeError as exc:
            raise ImportProblem(
                file.name,
                f"kein gültiges JSON (Zeile {exc.lineno}, Spalte {exc.colno}: {exc.msg}).",
            ) from None
        setattr(package, key, data)
        package.labels[key] = file.name
    return package


@dataclass
class ImportResult:
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    ignored: Counter[str] = field(default_factory=Counter)

    def count(self, what: str, label: str, number: int = 1) -> None:
        if number:
            getattr(self, what)[label] += number


_ORGANIZATION_FIELDS = (
    "office",
    "kind",
    "name",
    "alternate_name",
    "description",
    "email",
    "website",
)
_LOCATION_FIELDS = (
    "organization", "name", "address_1", "postal_code", "city", "district", "latitude",
    "longitude", "accessibility", "transportation",
)  # fmt: skip
_SERVICE_FIELDS = (
    "office", "organization", "name", "alternate_name", "description", "url", "email", "status",
    "kind", "topics", "free", "fees_description", "eligibility_description",
    "application_process", "minimum_age", "maximum_age", "languages", "interpretation_services",
    "last_verified",
)  # fmt: skip
_SAL_FIELDS = ("service", "location", "description")
_SCHEDULE_FIELDS = (
    "service_at_location", "freq", "byday", "bymonthday", "opens_at", "closes_at", "valid_from",
    "valid_to", "description",
)  # fmt: skip
_EXCEPTION_FIELDS = ("closed", "opens_at", "closes_at", "note")
_PHONE_PARENTS = ("organization", "service", "location")
_PHONE_FIELDS = (*_PHONE_PARENTS, "number", "description")
_BYDAY_WEEKLY = re.compile(r"^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$")
_BYDAY_MONTHLY = re.compile(
    r"^([+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,[+-]?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$"
)


def _values(instance: models.Model, names: Sequence[str]) -> tuple[Any, ...]:
    return tuple(getattr(instance, _attname(instance, name)) for name in names)


@dataclass
class _PhonePlan:
    phone: Phone
    path: str
    parents: dict[str, uuid.UUID] = field(default_factory=dict)


class _Reader:
    """Turns validated HSDS objects into unsaved model instances, checking what
    the schema cannot (Brücke's limits, districts, consistency); raises
    ImportProblem at the first problem."""

    def __init__(self, office: Office) -> None:
        self.office = office
        self.districts = {district.name: district for district in office.districts.all()}
        self.organizations: dict[uuid.UUID, Organization] = {}
        self.locations: dict[uuid.UUID, Location] = {}
        self.services: dict[uuid.UUID, Service] = {}
        self.service_districts: dict[uuid.UUID, list[int]] = {}
        self.service_modified: dict[uuid.UUID, dt.datetime] = {}
        self.sals: dict[uuid.UUID, ServiceAtLocation] = {}
        self.sals_of: dict[uuid.UUID, set[uuid.UUID]] = {}  # service → its places, if given
        self.schedules: dict[uuid.UUID, Schedule] = {}
        self.exceptions: dict[tuple[uuid.UUID, dt.date], ScheduleException] = {}
        self.schedules_of: set[uuid.UUID] = set()  # places whose schedules the file gives
        self.phones: dict[uuid.UUID, _PhonePlan] = {}
        self.phones_of: dict[tuple[str, uuid.UUID], set[uuid.UUID]] = {}
        self.translations: dict[uuid.UUID, list[ServiceTranslation]] | None = None
        self.paths: dict[tuple[str, uuid.UUID], str] = {}
        self.ignored: Counter[str] = Counter()
        self.today = local_today()

    # helpers

    def _ignore_unknown(self, kind: str, data: JSON, path: str) -> None:
        for key, value in data.items():
            if key not in _KNOWN_KEYS[kind] and value not in (None, "", [], {}):
                self.ignored[f"{kind}.{key}"] += 1

    def _clean(self, instance: models.Model, path: str, keys: dict[str, str]) -> None:
        """Django's field checks (lengths, choices, e-mail, URL); ``keys`` maps
        model fields to their place in the HSDS object."""
        excluded = [
            f.name for f in instance._meta.get_fields() if f.is_relation or f.name not in keys
        ]
        try:
            instance.clean_fields(exclude=excluded)
        except DjangoValidationError as exc:
            name, messages = next(iter(exc.message_dict.items()))
            raise ImportProblem(f"{path}.{keys[name]}", " ".join(messages)) from None

    def _merge(
        self,
        store: dict[Any, Any],
        key: Any,
        instance: models.Model,
        names: Sequence[str],
        path: str,
        label: str,
    ) -> None:
        """Keep the first occurrence of an object; a later one must say the same."""
        known = store.get(key)
        if known is None:
            store[key] = instance
            self.paths[(label, key)] = path
        elif _values(known, names) != _values(instance, names):
            raise ImportProblem(
                path,
                f"widerspricht {self.paths[(label, key)]} ({label} {key} steht dort anders).",
            )

    def _terms(self, attributes: list[JSON], path: str) -> list[tuple[Term, str]]:
        found = []
        for index, attribute in enumerate(attributes):
            raw = attribute.get("taxonomy_term_id") or (attribute.get("taxonomy_term") or {}).get(
                "id"
            )
            term = term_by_id(uuid.UUID(raw)) if raw else None
            if term is None:
                self.ignored["attributes (unknown taxonomy term)"] += 1
                continue
            found.append((term, f"{path}[{index}]"))
        return found

    def _single(self, found: list[tuple[Term, str]], taxonomy: Taxonomy) -> str | None:
        codes = [(term.code, where) for term, where in found if term.taxonomy == taxonomy]
        if len(codes) > 1:
            raise ImportProblem(codes[1][1], f"mehr als ein Begriff aus „{taxonomy.name}“.")
        return codes[0][0] if codes else None

    def _date(self, data: JSON, key: str) -> dt.date | None:
        value = data.get(key)
        return dt.date.fromisoformat(value) if value else None

    def _time(self, text: Any, day: dt.date, path: str) -> dt.time:
        match = _TIME_RE.match(text) if isinstance(text, str) else None
        if not match or not _is_time(text):
            raise ImportProblem(path, f"{text!r} ist keine Uhrzeit (HH:MM).")
        value = dt.time(int(match[1]), int(match[2]), int(match[3] or 0))
        if match[4] is None:
            return value
        offset = (
            dt.timedelta(0)
            if match[4] == "Z"
            else (-1 if match[4][0] == "-" else 1)
            * dt.timedelta(hours=int(match[4][1:3]), minutes=int(match[4][4:6]))
        )
        local_offsets = {utc_offset(dt.date(day.year, 1, 15)), utc_offset(dt.date(day.year, 7, 15))}
        if offset in local_offsets:
            # An offset of the local zone: the local wall-clock time is meant (a
            # weekly time stays 08:30 in summer and winter).
            return value
        moment = dt.datetime.combine(day, value, tzinfo=dt.timezone(offset))
        return moment.astimezone(timezone.get_default_timezone()).time().replace(tzinfo=None)

    # objects

    def organization(self, data: JSON, path: str) -> uuid.UUID:
        org_id = uuid.UUID(data["id"])
        found = self._terms(data.get("attributes") or [], f"{path}.attributes")
        kind = self._single(found, ORGANIZATION_KIND_TAXONOMY)
        organization = Organization(
            id=org_id,
            office=self.office,
            kind=kind or Organization.Kind.TRAEGER,
            name=data["name"],
            alternate_name=data.get("alternate_name") or "",
            description=data.get("description") or "",
            email=data.get("email") or "",
            website=data.get("website") or "",
        )
        self._clean(
            organization,
            path,
            {n: n for n in ("name", "alternate_name", "description", "email", "website")},
        )
        self._merge(
            self.organizations, org_id, organization, _ORGANIZATION_FIELDS, path, "organization"
        )
        if "phones" in data:
            self.phone_list(data["phones"], f"{path}.phones", "organization", org_id)
        for index, location in enumerate(data.get("locations") or []):
            self.location(location, f"{path}.locations[{index}]", org_id)
        self._ignore_unknown("organization", data, path)
        return org_id

    def location(self, data: JSON, path: str, organization_id: uuid.UUID) -> uuid.UUID:
        location_id = uuid.UUID(data["id"])
        if data["location_type"] != "physical":
            raise ImportProblem(
                f"{path}.location_type", "Brücke kennt nur Orte mit Anschrift („physical“)."
            )
        if data.get("organization_id"):
            organization_id = uuid.UUID(data["organization_id"])
        addresses = data.get("addresses") or []
        if not addresses:
            raise ImportProblem(f"{path}.addresses", "Ein Ort braucht eine Anschrift.")
        index = next(
            (i for i, address in enumerate(addresses) if address["address_type"] == "physical"), 0
        )
        address, address_path = addresses[index], f"{path}.addresses[{index}]"
        district = None
        if address.get("region"):
            district = self.districts.get(address["region"])
            if district is None:
                raise ImportProblem(
                    f"{address_path}.region",
                    f"Stadtbezirk „{address['region']}“ gibt es im {self.office.name} nicht.",
                )
        coordinates: dict[str, Decimal | None] = {}
        for key in ("latitude", "longitude"):
            value = data.get(key)
            if value is None:
                coordinates[key] = None
                continue
            limit = 90 if key == "latitude" else 180
            try:
                number = Decimal(str(value)).quantize(Decimal("0.000001"))
            except InvalidOperation:
                number = Decimal(limit + 1)
            if not -limit <= number <= limit:
                raise ImportProblem(f"{path}.{key}", f"{value} liegt außerhalb von ±{limit}.")
            coordinates[key] = number
        accessibility = "\n\n".join(
            item["description"]
            for item in data.get("accessibility") or []
            if item.get("description")
        )
        location = Location(
            id=location_id,
            organization_id=organization_id,
            name=data.get("name") or "",
            address_1=address["address_1"],
            postal_code=address["postal_code"],
            city=address["city"],
            district=district,
            latitude=coordinates["latitude"],
            longitude=coordinates["longitude"],
            accessibility=accessibility,
            transportation=data.get("transportation") or "",
        )
        self._clean(
            location,
            path,
            {
                "name": "name",
                "address_1": f"addresses[{index}].address_1",
                "postal_code": f"addresses[{index}].postal_code",
                "city": f"addresses[{index}].city",
                "transportation": "transportation",
                "accessibility": "accessibility",
            },
        )
        self._merge(self.locations, location_id, location, _LOCATION_FIELDS, path, "location")
        if "phones" in data:
            self.phone_list(data["phones"], f"{path}.phones", "location", location_id)
        self._ignore_unknown("location", data, path)
        for address_data_ in addresses:
            self._ignore_unknown("address", address_data_, address_path)
        return location_id

    def service(self, data: JSON, path: str) -> None:
        service_id = uuid.UUID(data["id"])
        organization_id = (
            uuid.UUID(data["organization_id"]) if data.get("organization_id") else None
        )
        if isinstance(data.get("organization"), dict):
            nested = self.organization(data["organization"], f"{path}.organization")
            if organization_id and organization_id != nested:
                raise ImportProblem(f"{path}.organization_id", "passt nicht zu organization.id.")
            organization_id = nested
        if organization_id is None:
            raise ImportProblem(f"{path}.organization_id", "Ein Angebot braucht eine Organisation.")
        found = self._terms(data.get("attributes") or [], f"{path}.attributes")
        kind = self._single(found, SERVICE_KIND_TAXONOMY)
        topics = list(
            dict.fromkeys(
                term.code for term, _ in found if term.taxonomy == HANDLUNGSFELDER_TAXONOMY
            )
        )
        ages: dict[str, int | None] = {}
        for key in ("minimum_age", "maximum_age"):
            value = data.get(key)
            if value is not None and (value < 0 or value != int(value) or value > 32767):
                raise ImportProblem(f"{path}.{key}", f"{value} ist kein Alter in ganzen Jahren.")
            ages[key] = int(value) if value is not None else None
        if (
            ages["minimum_age"] is not None
            and ages["maximum_age"] is not None
            and ages["minimum_age"] > ages["maximum_age"]
        ):
            raise ImportProblem(f"{path}.maximum_age", "ist kleiner als minimum_age.")
        languages: list[str] = []
        for index, language in enumerate(data.get("languages") or []):
            code = (language.get("code") or "").strip().lower()
            if not code:
                raise ImportProblem(f"{path}.languages[{index}].code", "Sprachcode fehlt.")
            if code not in languages:
                languages.append(code)
        district_ids: list[int] = []
        for index, area in enumerate(data.get("service_areas") or []):
            district = self.districts.get(area.get("name") or "")
            if district is None:
                raise ImportProblem(
                    f"{path}.service_areas[{index}].name",
                    f"Stadtbezirk „{area.get('name', '')}“ gibt es im {self.office.name} nicht.",
                )
            if district.pk not in district_ids:
                district_ids.append(district.pk)
        free = any(option.get("amount") == 0 for option in data.get("cost_options") or [])
        service = Service(
            id=service_id,
            office=self.office,
            organization_id=organization_id,
            name=data["name"],
            alternate_name=data.get("alternate_name") or "",
            description=data.get("description") or "",
            url=data.get("url") or "",
            email=data.get("email") or "",
            status=data["status"],
            kind=kind or Service.Kind.SONSTIGES,
            topics=topics,
            free=free,
            fees_description=data.get("fees_description") or "",
            eligibility_description=data.get("eligibility_description") or "",
            application_process=data.get("application_process") or "",
            minimum_age=ages["minimum_age"],
            maximum_age=ages["maximum_age"],
            languages=languages,
            interpretation_services=data.get("interpretation_services") or "",
            last_verified=self._date(data, "assured_date"),
        )
        self._clean(
            service,
            path,
            {
                name: name
                for name in (
                    "name", "alternate_name", "description", "url", "email", "status",
                    "fees_description", "eligibility_description", "application_process",
                    "interpretation_services",
                )
            },
        )  # fmt: skip
        if service_id in self.services:
            raise ImportProblem(f"{path}.id", f"Angebot {service_id} steht doppelt in der Datei.")
        self.services[service_id] = service
        self.paths[("service", service_id)] = path
        if "service_areas" in data:
            self.service_districts[service_id] = district_ids
        if data.get("last_modified"):
            self.service_modified[service_id] = dt.datetime.fromisoformat(
                data["last_modified"].upper().replace("Z", "+00:00")
            )
        if "phones" in data:
            self.phone_list(data["phones"], f"{path}.phones", "service", service_id)
        if "service_at_locations" in data:
            self.sals_of[service_id] = set()
            for index, sal in enumerate(data["service_at_locations"]):
                self.service_at_location(
                    sal, f"{path}.service_at_locations[{index}]", service_id, organization_id
                )
        self._ignore_unknown("service", data, path)

    def service_at_location(
        self, data: JSON, path: str, service_id: uuid.UUID, organization_id: uuid.UUID
    ) -> None:
        sal_id = uuid.UUID(data["id"])
        if data.get("service_id") and uuid.UUID(data["service_id"]) != service_id:
            raise ImportProblem(f"{path}.service_id", "passt nicht zum Angebot, in dem es steht.")
        location_id = uuid.UUID(data["location_id"]) if data.get("location_id") else None
        if isinstance(data.get("location"), dict):
            nested = self.location(data["location"], f"{path}.location", organization_id)
            if location_id and location_id != nested:
                raise ImportProblem(f"{path}.location_id", "passt nicht zu location.id.")
            location_id = nested
        if location_id is None:
            raise ImportProblem(f"{path}.location_id", "Ein Angebot am Standort braucht einen Ort.")
        sal = ServiceAtLocation(
            id=sal_id,
            service_id=service_id,
            location_id=location_id,
            description=data.get("description") or "",
        )
        self._clean(sal, path, {"description": "description"})
        if sal_id in self.sals:
            raise ImportProblem(f"{path}.id", f"{sal_id} steht doppelt in der Datei.")
        self.sals[sal_id] = sal
        self.paths[("service_at_location", sal_id)] = path
        self.sals_of[service_id].add(sal_id)
        if "schedules" in data:
            self.schedules_of.add(sal_id)
            for index, schedule in enumerate(data["schedules"]):
                self.schedule(schedule, f"{path}.schedules[{index}]", sal_id)
        self._ignore_unknown("service_at_location", data, path)

    def schedule(self, data: JSON, path: str, sal_id: uuid.UUID) -> None:
        self._ignore_unknown("schedule", data, path)
        if data.get("count") == 1 and data.get("dtstart"):
            self.schedule_exception(data, path, sal_id)
            return
        if data.get("count") is not None:
            raise ImportProblem(
                f"{path}.count", "Brücke kennt nur Einzeltermine mit dtstart und count 1."
            )
        if data.get("interval") not in (None, 1):
            raise ImportProblem(f"{path}.interval", "Brücke kennt nur jede Woche oder jeden Monat.")
        for key in ("byweekno", "byyearday"):
            if data.get(key):
                raise ImportProblem(
                    f"{path}.{key}", "Brücke kennt nur Wochentage oder einen Tag im Monat."
                )
        freq = data.get("freq")
        if not freq:
            raise ImportProblem(f"{path}.freq", "Rhythmus fehlt (WEEKLY oder MONTHLY).")
        byday = (data.get("byday") or "").replace(" ", "").upper()
        if byday and not (_BYDAY_WEEKLY if freq == "WEEKLY" else _BYDAY_MONTHLY).match(byday):
            raise ImportProblem(f"{path}.byday", f"{byday!r} sind keine Wochentage für {freq}.")
        bymonthday = None
        if data.get("bymonthday"):
            text = str(data["bymonthday"]).strip()
            if freq != "MONTHLY" or not text.isdigit() or not 1 <= int(text) <= 31:
                raise ImportProblem(
                    f"{path}.bymonthday", "Brücke kennt einen Tag im Monat (1–31) bei MONTHLY."
                )
            bymonthday = int(text)
        if not byday and bymonthday is None:
            raise ImportProblem(f"{path}.byday", "Wochentage oder Tag im Monat fehlen.")
        opens_at, closes_at = self._hours(data, path, self.today)
        schedule_id = uuid.UUID(data["id"])
        schedule = Schedule(
            id=schedule_id,
            service_at_location_id=sal_id,
            freq=freq,
            byday=byday,
            bymonthday=bymonthday,
            opens_at=opens_at,
            closes_at=closes_at,
            valid_from=self._date(data, "valid_from"),
            # RRULE's "until" ends a schedule as valid_to does.
            valid_to=self._date(data, "valid_to") or self._date(data, "until"),
            description=data.get("description") or "",
        )
        self._clean(schedule, path, {"description": "description"})
        if schedule_id in self.schedules:
            raise ImportProblem(
                f"{path}.id", f"Öffnungszeit {schedule_id} steht doppelt in der Datei."
            )
        self.schedules[schedule_id] = schedule
        self.paths[("schedule", schedule_id)] = path

    def _hours(self, data: JSON, path: str, day: dt.date) -> tuple[dt.time, dt.time]:
        for key in ("opens_at", "closes_at"):
            if not data.get(key):
                raise ImportProblem(f"{path}.{key}", "Uhrzeit fehlt.")
        opens_at = self._time(data["opens_at"], day, f"{path}.opens_at")
        closes_at = self._time(data["closes_at"], day, f"{path}.closes_at")
        if closes_at <= opens_at:
            raise ImportProblem(f"{path}.closes_at", "liegt nicht nach opens_at.")
        return opens_at, closes_at

    def schedule_exception(self, data: JSON, path: str, sal_id: uuid.UUID) -> None:
        day = dt.date.fromisoformat(data["dtstart"])
        closed = not data.get("opens_at") and not data.get("closes_at")
        opens_at, closes_at = (None, None) if closed else self._hours(data, path, day)
        exception = ScheduleException(
            service_at_location_id=sal_id,
            date=day,
            closed=closed,
            opens_at=opens_at,
            closes_at=closes_at,
            note=data.get("description") or "",
        )
        self._clean(exception, path, {"note": "description"})
        if (sal_id, day) in self.exceptions:
            raise ImportProblem(f"{path}.dtstart", f"zwei Ausnahmen am {day.isoformat()}.")
        self.exceptions[(sal_id, day)] = exception

    def phone_list(self, phones: list[JSON], path: str, parent: str, parent_id: uuid.UUID) -> None:
        ids = set()
        for index, data in enumerate(phones):
            ids.add(self.phone(data, f"{path}[{index}]", parent, parent_id))
        known = self.phones_of.get((parent, parent_id))
        if known is not None and known != ids:
            raise ImportProblem(
                path, f"andere Telefonnummern als an anderer Stelle ({parent} {parent_id})."
            )
        self.phones_of[(parent, parent_id)] = ids

    def phone(self, data: JSON, path: str, parent: str, parent_id: uuid.UUID) -> uuid.UUID:
        phone_id = uuid.UUID(data["id"])
        parents = {parent: parent_id}
        for name in _PHONE_PARENTS:
            if data.get(f"{name}_id"):
                given = uuid.UUID(data[f"{name}_id"])
                if name == parent and given != parent_id:
                    raise ImportProblem(
                        f"{path}.{name}_id", "passt nicht zu dem Eintrag, in dem sie steht."
                    )
                parents[name] = given
        phone = Phone(id=phone_id, number=data["number"], description=data.get("description") or "")
        self._clean(phone, path, {"number": "number", "description": "description"})
        plan = self.phones.get(phone_id)
        if plan is None:
            self.phones[phone_id] = _PhonePlan(phone, path, parents)
        else:
            if (plan.phone.number, plan.phone.description) != (phone.number, phone.description):
                raise ImportProblem(path, f"widerspricht {plan.path} (Telefonnummer {phone_id}).")
            for name, value in parents.items():
                if plan.parents.setdefault(name, value) != value:
                    raise ImportProblem(f"{path}.{name}_id", f"widerspricht {plan.path}.")
        self._ignore_unknown("phone", data, path)
        return phone_id

    def translation_list(self, items: list[JSON], label: str) -> None:
        languages = {code for code, _name in settings.LANGUAGES if code != "de"}
        self.translations = {service_id: [] for service_id in self.services}
        seen: set[tuple[uuid.UUID, str]] = set()
        for index, data in enumerate(items):
            path = f"{label}: $[{index}]"
            service_id = uuid.UUID(data["service_id"])
            if service_id not in self.services:
                raise ImportProblem(
                    f"{path}.service_id", "Dieses Angebot steht nicht in services.json."
                )
            if data["language"] not in languages:
                raise ImportProblem(
                    f"{path}.language",
                    f"Übersetzungen gibt es nur in {', '.join(sorted(languages))}.",
                )
            if (service_id, data["language"]) in seen:
                raise ImportProblem(path, "Diese Übersetzung steht doppelt in der Datei.")
            seen.add((service_id, data["language"]))
            item = ServiceTranslation(
                service_id=service_id,
                language=data["language"],
                **{name: data.get(name) or "" for name in TRANSLATION_FIELDS},
            )
            self._clean(item, path, {name: name for name in TRANSLATION_FIELDS})
            self.translations[service_id].append(item)


def _check_roots(office: Office, package: HSDSPackage) -> None:
    """Before reading everything: do organisations or offers of the file belong to another office?"""
    wanted: dict[tuple[str, str], str] = {}
    for index, item in enumerate(package.organizations or []):
        wanted.setdefault(
            ("organization", item["id"]), f"{package.label('organizations')}: $[{index}]"
        )
    for index, item in enumerate(package.services or []):
        path = f"{package.label('services')}: $[{index}]"
        wanted.setdefault(("service", item["id"]), path)
        if isinstance(item.get("organization"), dict):
            wanted.setdefault(("organization", item["organization"]["id"]), f"{path}.organization")
    for label, model in (("organization", Organization), ("service", Service)):
        ids = [key for kind, key in wanted if kind == label]
        foreign = model._default_manager.filter(pk__in=ids).exclude(office=office).first()
        if foreign is not None:
            raise ImportProblem(
                wanted[(label, str(foreign.pk))],
                f"{label} {foreign.pk} wird von einem anderen Jugendamt gepflegt.",
            )


def _check_offices(reader: _Reader) -> None:
    """Entries maintained by another office stay theirs; referenced entries must exist."""
    office = reader.office
    checks: list[tuple[str, QuerySet[Any], Q]] = [
        (
            "organization",
            Organization.objects.filter(pk__in=reader.organizations),
            Q(office=office),
        ),
        ("service", Service.objects.filter(pk__in=reader.services), Q(office=office)),
        (
            "location",
            Location.objects.filter(pk__in=reader.locations),
            Q(organization__office=office),
        ),
        (
            "service_at_location",
            ServiceAtLocation.objects.filter(pk__in=reader.sals),
            Q(service__office=office),
        ),
    ]
    for label, existing, ours in checks:
        foreign = existing.exclude(ours).values_list("pk", flat=True).first()
        if foreign is not None:
            raise ImportProblem(
                reader.paths[(label, foreign)],
                f"{label} {foreign} wird von einem anderen Jugendamt gepflegt.",
            )
    foreign_phone = (
        Phone.objects.filter(pk__in=reader.phones)
        .exclude(
            Q(organization__office=office)
            | Q(service__office=office)
            | Q(location__organization__office=office)
        )
        .values_list("pk", flat=True)
        .first()
    )
    if foreign_phone is not None:
        raise ImportProblem(
            reader.phones[foreign_phone].path,
            f"Telefonnummer {foreign_phone} gehört zu einem anderen Jugendamt.",
        )
    foreign_schedule = (
        Schedule.objects.filter(pk__in=reader.schedules)
        .exclude(service_at_location__service__office=office)
        .values_list("pk", flat=True)
        .first()
    )
    if foreign_schedule is not None:
        raise ImportProblem(
            reader.paths[("schedule", foreign_schedule)],
            f"Öffnungszeit {foreign_schedule} gehört zu einem anderen Jugendamt.",
        )

    # References to entries that are not in the file must point into this office.
    def missing(model: type[models.Model], wanted: dict[uuid.UUID, str], ours: Q) -> None:
        absent = {key: where for key, where in wanted.items()}
        for key in model._default_manager.filter(ours, pk__in=absent).values_list("pk", flat=True):
            absent.pop(key)
        if absent:
            key, where = next(iter(absent.items()))
            raise ImportProblem(where, f"{key} gibt es weder in der Datei noch im {office.name}.")

    organizations: dict[uuid.UUID, str] = {}
    for service_id, service in reader.services.items():
        if service.organization_id not in reader.organizations:
            organizations.setdefault(
                service.organization_id, f"{reader.paths[('service', service_id)]}.organization_id"
            )
    for location_id, location in reader.locations.items():
        if location.organization_id not in reader.organizations:
            organizations.setdefault(
                location.organization_id,
                f"{reader.paths[('location', location_id)]}.organization_id",
            )
    missing(Organization, organizations, Q(office=office))
    locations = {
        sal.location_id: f"{reader.paths[('service_at_location', sal_id)]}.location_id"
        for sal_id, sal in reader.sals.items()
        if sal.location_id not in reader.locations
    }
    missing(Location, locations, Q(organization__office=office))
    for parent, model, ours, known in (
        ("organization", Organization, Q(office=office), reader.organizations),
        ("service", Service, Q(office=office), reader.services),
        ("location", Location, Q(organization__office=office), reader.locations),
    ):
        wanted = {
            plan.parents[parent]: f"{plan.path}.{parent}_id"
            for plan in reader.phones.values()
            if parent in plan.parents and plan.parents[parent] not in known
        }
        missing(model, wanted, ours)


def _attname(model: type[models.Model] | models.Model, name: str) -> str:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field)
    return field.attname


def _changed(old: models.Model, new: models.Model, names: Sequence[str]) -> list[str]:
    return [
        name
        for name in names
        if getattr(old, _attname(old, name)) != getattr(new, _attname(new, name))
    ]


def _copy(old: models.Model, new: models.Model, names: Sequence[str]) -> None:
    for name in names:
        attname = _attname(old, name)
        setattr(old, attname, getattr(new, attname))


def _upsert(
    instances: Iterable[models.Model], names: Sequence[str], label: str, result: ImportResult
) -> None:
    """Create what is new; of what exists, save only the changed fields (so an
    unchanged entry keeps its last_modified)."""
    items = list(instances)
    if not items:
        return
    model = type(items[0])
    existing = model._default_manager.in_bulk([item.pk for item in items])
    has_modified = any(f.name == "last_modified" for f in model._meta.get_fields())
    for item in items:
        old = existing.get(item.pk)
        if old is None:
            item.save(force_insert=True)
            result.count("created", label)
            continue
        changed = _changed(old, item, names)
        if changed:
            _copy(old, item, changed)
            old.save(update_fields=[*changed, "last_modified"] if has_modified else changed)
            result.count("updated", label)


def _write_exceptions(reader: _Reader, result: ImportResult) -> None:
    """Exceptions have no id of their own: a place and a date name one."""
    existing = {
        (item.service_at_location_id, item.date): item
        for item in ScheduleException.objects.filter(service_at_location_id__in=reader.schedules_of)
    }
    for key, stale in existing.items():
        if key not in reader.exceptions:
            stale.delete()
            result.count("deleted", "schedule_exceptions")
    for key, item in reader.exceptions.items():
        known = existing.get(key)
        if known is None:
            item.save()
            result.count("created", "schedule_exceptions")
        elif changed := _changed(known, item, _EXCEPTION_FIELDS):
            _copy(known, item, changed)
            known.save(update_fields=changed)
            result.count("updated", "schedule_exceptions")


def _write_phones(reader: _Reader, result: ImportResult) -> None:
    """A number an entry of the file no longer lists loses that link, and goes
    when nothing else holds it; the listed numbers are created or updated."""
    listed = set(reader.phones)
    for parent in _PHONE_PARENTS:
        owners = [key for kind, key in reader.phones_of if kind == parent]
        for phone in Phone.objects.filter(**{f"{parent}_id__in": owners}).exclude(pk__in=listed):
            setattr(phone, f"{parent}_id", None)
            if any(getattr(phone, f"{name}_id") for name in _PHONE_PARENTS):
                phone.save(update_fields=[parent])
            else:
                phone.delete()
                result.count("deleted", "phones")
    current = Phone.objects.in_bulk(list(listed))
    for phone_id, plan in reader.phones.items():
        known = current.get(phone_id)
        for name in _PHONE_PARENTS:
            # A link the file does not mention stays as it is.
            fallback = getattr(known, f"{name}_id") if known else None
            setattr(plan.phone, f"{name}_id", plan.parents.get(name, fallback))
    _upsert([plan.phone for plan in reader.phones.values()], _PHONE_FIELDS, "phones", result)


def _write_translations(
    translations: dict[uuid.UUID, list[ServiceTranslation]], result: ImportResult
) -> None:
    """Each offer of the package gets exactly the translations translations.json gives it."""
    existing: dict[tuple[uuid.UUID, str], ServiceTranslation] = {
        (item.service_id, item.language): item
        for item in ServiceTranslation.objects.filter(service_id__in=translations)
    }
    wanted = {
        (item.service_id, item.language): item for items in translations.values() for item in items
    }
    for key, stale in existing.items():
        if key not in wanted:
            stale.delete()
            result.count("deleted", "translations")
    for key, item in wanted.items():
        known = existing.get(key)
        if known is None:
            item.save()
            result.count("created", "translations")
        elif changed := _changed(known, item, TRANSLATION_FIELDS):
            _copy(known, item, changed)
            known.save(update_fields=changed)
            result.count("updated", "translations")


def _write(reader: _Reader, result: ImportResult) -> None:
    """Entries (organisations, locations, offers) are created or updated, never
    deleted; what hangs on an offer or a place is replaced by what the file lists."""
    _upsert(reader.organizations.values(), _ORGANIZATION_FIELDS, "organizations", result)
    _upsert(reader.locations.values(), _LOCATION_FIELDS, "locations", result)
    _upsert(reader.services.values(), _SERVICE_FIELDS, "services", result)
    for service_id, district_ids in reader.service_districts.items():
        service = reader.services[service_id]
        if set(service.districts.values_list("pk", flat=True)) != set(district_ids):
            service.districts.set(district_ids)
            result.count("updated", "service districts")

    stale_sals = ServiceAtLocation.objects.filter(service_id__in=reader.sals_of).exclude(
        pk__in=reader.sals
    )
    result.count(
        "deleted",
        "service_at_locations",
        stale_sals.delete()[1].get(ServiceAtLocation._meta.label, 0),
    )
    _upsert(reader.sals.values(), _SAL_FIELDS, "service_at_locations", result)
    stale_schedules = Schedule.objects.filter(
        service_at_location_id__in=reader.schedules_of
    ).exclude(pk__in=reader.schedules)
    result.count("deleted", "schedules", stale_schedules.delete()[0])
    _upsert(reader.schedules.values(), _SCHEDULE_FIELDS, "schedules", result)
    _write_exceptions(reader, result)
    _write_phones(reader, result)
    if reader.translations is not None:
        _write_translations(reader.translations, result)

    # last_modified says when the offer changed at its source; update() leaves
    # auto_now alone, so the exported value survives the round trip.
    for service_id, modified in reader.service_modified.items():
        Service.objects.filter(pk=service_id).exclude(last_modified=modified).update(
            last_modified=modified
        )


def hsds_import(*, office: Office, package: HSDSPackage) -> ImportResult:
    """Validate a package against the HSDS schemas and Brücke's rules, then write
    it into ``office`` in one transaction. Idempotent: ids decide what is updated.

    Raises ImportProblem, naming the JSON path of the first problem, before
    anything is written.
    """
    reader = _Reader(office)
    for key, ref, many in (
        ("organizations", "organization.json", True),
        ("services", "service.json", True),
    ):
        data = getattr(package, key)
        if data is None:
            continue
        problem = first_schema_error(hsds_validator(ref, many=many), data)
        if problem is not None:
            raise ImportProblem(f"{package.label(key)}: {problem[0]}", problem[1])
    if package.translations is not None:
        cls, checker = _validator_class()
        problem = first_schema_error(
            cls(TRANSLATIONS_SCHEMA, format_checker=checker), package.translations
        )
        if problem is not None:
            raise ImportProblem(f"{package.label('translations')}: {problem[0]}", problem[1])

    _check_roots(office, package)
    for index, data in enumerate(package.organizations or []):
        reader.organization(data, f"{package.label('organizations')}: $[{index}]")
    for index, data in enumerate(package.services or []):
        reader.service(data, f"{package.label('services')}: $[{index}]")
    if package.translations is not None:
        reader.translation_list(package.translations, package.label("translations"))
    _check_offices(reader)

    from bruecke.audit.actions import audit_record
    from bruecke.directory.search import search_index_services

    result = ImportResult(ignored=reader.ignored)
    with transaction.atomic():
        _write(reader, result)
        search_index_services(reader.services)
        audit_record(
            office=office,
            actor=None,
            action="directory.hsds_import",
            target_type="office",
            target_id=office.pk,
            details={
                "created": dict(result.created),
                "updated": dict(result.updated),
                "deleted": dict(result.deleted),
            },
        )
    return result
