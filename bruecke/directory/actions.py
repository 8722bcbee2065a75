"""Writes to the directory by coordinators.

Every action is atomic and writes its audit event in the same transaction.
An office's entries are changed by that office's coordinators only, and an
offer only ever points at organisations, districts and places of its own
office. After any change the offer's ``last_modified`` moves (HSDS
``modified_after`` sees it) and its search documents are rebuilt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bruecke.audit.actions import audit_record
from bruecke.directory.models import (
    Location,
    Organization,
    Schedule,
    ScheduleException,
    Service,
    ServiceAtLocation,
    ServiceTranslation,
)
from bruecke.directory.search import search_index_services
from bruecke.lib.topics import clean_topics
from bruecke.org.models import District, Office, Role
from bruecke.org.selectors import membership_for

User = AbstractBaseUser | AnonymousUser

# The offer fields a coordinator edits on the main form (German texts included).
SERVICE_FIELDS = (
    "name",
    "description",
    "kind",
    "topics",
    "minimum_age",
    "maximum_age",
    "languages",
    "interpretation_services",
    "free",
    "fees_description",
    "status",
    "url",
    "email",
    "eligibility_description",
    "application_process",
)
LOCATION_FIELDS = (
    "name",
    "address_1",
    "postal_code",
    "city",
    "accessibility",
    "transportation",
)
TRANSLATION_FIELDS = (
    "name",
    "description",
    "fees_description",
    "eligibility_description",
    "application_process",
)
TRANSLATION_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code != "de")


class StaleService(Exception):
    """Someone else saved the offer since the form was opened."""

    def __init__(self, current: Service) -> None:
        super().__init__("stale edit")
        self.current = current


def _office_of(by: User) -> int:
    """The office a coordinator may change; anyone else may change nothing."""
    membership = membership_for(by)
    if membership is None or membership.role != Role.KOORDINATION:
        raise PermissionDenied
    return membership.office_id


def _own_service(by: User, service: Service) -> None:
    if service.office_id != _office_of(by):
        raise PermissionDenied


def _check_organization(organization: Organization, office_id: int) -> None:
    if organization.office_id != office_id:
        raise ValidationError(_("Die Organisation gehört zu einem anderen Jugendamt."))


def _check_districts(districts: Iterable[District], office_id: int) -> None:
    if any(district.office_id != office_id for district in districts):
        raise ValidationError(_("Ein Stadtbezirk gehört zu einem anderen Jugendamt."))


def _touch(service: Service) -> None:
    """Move the offer's last_modified (HSDS modified_after) and rebuild its search texts."""
    service.save(update_fields=["last_modified"])
    search_index_services([service.pk])


def _audit(by: User, service: Service, action: str, target: Any, **details: Any) -> None:
    audit_record(
        office=service.office_id,
        actor=by,
        action=action,
        target_type=type(target).__name__.lower(),
        target_id=target.pk,
        details={"service": str(service.pk), **details},
    )


def _clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(SERVICE_FIELDS)
    if unknown:
        raise TypeError(f"unknown service fields: {sorted(unknown)}")
    if "topics" in fields:
        fields["topics"] = clean_topics(fields["topics"] or [])
    if "languages" in fields:
        fields["languages"] = list(dict.fromkeys(fields["languages"] or []))
    low, high = fields.get("minimum_age"), fields.get("maximum_age")
    if low is not None and high is not None and low > high:
        raise ValidationError(_("Das Mindestalter ist höher als das Höchstalter."))
    return fields


@transaction.atomic
def organization_create(
    *, by: User, office: Office, name: str, kind: str = Organization.Kind.TRAEGER
) -> Organization:
    """A new provider or institution of the coordinator's office."""
    if office.pk != _office_of(by):
        raise PermissionDenied
    name = name.strip()
    if not name:
        raise ValidationError(_("Bitte geben Sie den Namen der Organisation an."))
    organization = Organization.objects.create(office=office, name=name, kind=kind)
    audit_record(
        office=office,
        actor=by,
        action="directory.organization.create",
        target_type="organization",
        target_id=organization.pk,
        details={"name": name},
    )
    return organization


def _resolve_organization(
    by: User, office: Office, organization: Organization | None, new_organization: str
) -> Organization:
    if new_organization.strip():
        return organization_create(by=by, office=office, name=new_organization)
    if organization is None:
        raise ValidationError(_("Bitte wählen Sie eine Organisation oder legen Sie eine neue an."))
    _check_organization(organization, office.pk)
    return organization


@transaction.atomic
def service_create(
    *,
    by: User,
    office: Office,
    organization: Organization | None = None,
    new_organization: str = "",
    districts: Iterable[District] = (),
    **fields: Any,
) -> Service:
    """A new offer of the coordinator's office (German texts; translations come later)."""
    if office.pk != _office_of(by):
        raise PermissionDenied
    districts = list(districts)
    _check_districts(districts, office.pk)
    fields = _clean_fields(fields)
    organization = _resolve_organization(by, office, organization, new_organization)
    service = Service.objects.create(office=office, organization=organization, **fields)
    service.districts.set(districts)
    audit_record(
        office=office,
        actor=by,
        action="directory.service.create",
        target_type="service",
        target_id=service.pk,
        details={"name": service.name},
    )
    search_index_services([service.pk])
    return service


@transaction.atomic
def service_update(
    *,
    by: User,
    service: Service,
    last_modified: dt.datetime,
    organization: Organization | None = None,
    new_organization: str = "",
    districts: Iterable[District] = (),
    **fields: Any,
) -> Service:
    """Change an offer; raises StaleService when it was saved since ``last_modified``."""
    _own_service(by, service)
    current = Service.objects.select_for_update().select_related("organization").get(pk=service.pk)
    if current.last_modified != last_modified:
        raise StaleService(Service.objects.select_related("organization").get(pk=service.pk))
    districts = list(districts)
    _check_districts(districts, service.office_id)
    fields = _clean_fields(fields)
    organization = _resolve_organization(by, service.office, organization, new_organization)
    before = {name: getattr(current, name) for name in SERVICE_FIELDS}
    before_districts = set(current.districts.values_list("pk", flat=True))
    changed = sorted(name for name, value in fields.items() if before[name] != value)
    if organization.pk != current.organization_id:
        changed.append("organization")
    if {d.pk for d in districts} != before_districts:
        changed.append("districts")
    for name, value in fields.items():
        setattr(service, name, value)
    service.organization = organization
    service.save()
    service.districts.set(districts)
    _audit(by, service, "directory.service.update", service, fields=changed)
    search_index_services([service.pk])
    return service


@transaction.atomic
def service_verify(*, by: User, service: Service) -> Service:
    """The coordinator checked the entry: it is correct as of today."""
    _own_service(by, service)
    service.last_verified = timezone.localdate()
    service.verified_by = by if isinstance(by, AbstractBaseUser) else None  # type: ignore[assignment]
    service.save(update_fields=["last_verified", "verified_by", "last_modified"])
    _audit(by, service, "directory.service.verify", service, date=service.last_verified.isoformat())
    return service


def _location_fields(fields: dict[str, Any]) -> dict[str, Any]:
    unknown = set(fields) - set(LOCATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown location fields: {sorted(unknown)}")
    return fields


@transaction.atomic
def location_create(
    *,
    by: User,
    service: Service,
    district: District | None = None,
    note: str = "",
    **fields: Any,
) -> ServiceAtLocation:
    """A new place of the offer's organisation, linked to the offer."""
    _own_service(by, service)
    if district is not None:
        _check_districts([district], service.office_id)
    location = Location.objects.create(
        organization=service.organization, district=district, **_location_fields(fields)
    )
    place = ServiceAtLocation.objects.create(service=service, location=location, description=note)
    _audit(by, service, "directory.location.create", location)
    _touch(service)
    return place


@transaction.atomic
def location_link(
    *, by: User, service: Service, location: Location, note: str = ""
) -> ServiceAtLocation:
    """Offer an existing place of the same office for this offer too."""
    _own_service(by, service)
    if location.organization.office_id != service.office_id:
        raise ValidationError(_("Der Ort gehört zu einem anderen Jugendamt."))
    place, created = ServiceAtLocation.objects.get_or_create(
        service=service, location=location, defaults={"description": note}
    )
    if not created:
        raise ValidationError(_("Dieser Ort ist dem Angebot schon zugeordnet."))
    _audit(by, service, "directory.location.link", location)
    _touch(service)
    return place


@transaction.atomic
def location_update(
    *,
    by: User,
    place: ServiceAtLocation,
    district: District | None = None,
    note: str = "",
    **fields: Any,
) -> ServiceAtLocation:
    """Change a place (address, district, accessibility) and the offer's note for it.

    A place may be shared by several offers of the office; all of them are
    marked as changed.
    """
    service = place.service
    _own_service(by, service)
    if district is not None:
        _check_districts([district], service.office_id)
    location = place.location
    if location.organization.office_id != service.office_id:
        raise PermissionDenied
    for name, value in _location_fields(fields).items():
        setattr(location, name, value)
    location.district = district
    location.save()
    place.description = note
    place.save(update_fields=["description"])
    _audit(by, service, "directory.location.update", location, fields=sorted(fields))
    for other in Service.objects.filter(service_at_locations__location=location).distinct():
        _touch(other)
    return place


@transaction.atomic
def location_unlink(*, by: User, place: ServiceAtLocation) -> None:
    """The offer no longer takes place here (the place itself stays for other offers)."""
    service = place.service
    _own_service(by, service)
    location = place.location
    place.delete()
    _audit(by, service, "directory.location.unlink", location)
    _touch(service)


def _check_times(opens_at: dt.time | None, closes_at: dt.time | None) -> None:
    if opens_at is not None and closes_at is not None and closes_at <= opens_at:
        raise ValidationError(_("Die Endzeit muss nach der Anfangszeit liegen."))


@transaction.atomic
def schedule_add(
    *,
    by: User,
    place: ServiceAtLocation,
    freq: str,
    opens_at: dt.time,
    closes_at: dt.time,
    byday: str = "",
    bymonthday: int | None = None,
    valid_from: dt.date | None = None,
    valid_to: dt.date | None = None,
    description: str = "",
) -> Schedule:
    """A recurring opening time: weekly on days, or monthly (nth weekday or day of month)."""
    service = place.service
    _own_service(by, service)
    _check_times(opens_at, closes_at)
    if freq not in Schedule.Freq.values:
        raise ValidationError(_("Bitte wählen Sie einen Rhythmus."))
    if not byday and bymonthday is None:
        raise ValidationError(_("Bitte wählen Sie mindestens einen Tag."))
    if valid_from and valid_to and valid_to < valid_from:
        raise ValidationError(_("„Gültig bis“ liegt vor „gültig ab“."))
    schedule = Schedule.objects.create(
        service_at_location=place,
        freq=freq,
        byday=byday,
        bymonthday=bymonthday,
        opens_at=opens_at,
        closes_at=closes_at,
        valid_from=valid_from,
        valid_to=valid_to,
        description=description,
    )
    _audit(by, service, "directory.schedule.add", schedule)
    _touch(service)
    return schedule


@transaction.atomic
def schedule_delete(*, by: User, schedule: Schedule) -> None:
    service = schedule.service_at_location.service
    _own_service(by, service)
    _audit(by, service, "directory.schedule.delete", schedule)
    schedule.delete()
    _touch(service)


@transaction.atomic
def schedule_exception_add(
    *,
    by: User,
    place: ServiceAtLocation,
    date: dt.date,
    note: str = "",
    opens_at: dt.time | None = None,
    closes_at: dt.time | None = None,
) -> ScheduleException:
    """A closed day, or a day with other hours when both times are given."""
    service = place.service
    _own_service(by, service)
    if (opens_at is None) != (closes_at is None):
        raise ValidationError(
            _("Für andere Öffnungszeiten geben Sie bitte Anfang und Ende an, sonst keine Zeit.")
        )
    _check_times(opens_at, closes_at)
    if ScheduleException.objects.filter(service_at_location=place, date=date).exists():
        raise ValidationError(_("Für diesen Tag gibt es schon eine Ausnahme."))
    try:
        with transaction.atomic():
            exception = ScheduleException.objects.create(
                service_at_location=place,
                date=date,
                closed=opens_at is None,
                opens_at=opens_at,
                closes_at=closes_at,
                note=note,
            )
    except IntegrityError:
        raise ValidationError(_("Für diesen Tag gibt es schon eine Ausnahme.")) from None
    _audit(by, service, "directory.exception.add", exception, date=date.isoformat())
    _touch(service)
    return exception


@transaction.atomic
def schedule_exception_delete(*, by: User, exception: ScheduleException) -> None:
    service = exception.service_at_location.service
    _own_service(by, service)
    _audit(by, service, "directory.exception.delete", exception, date=exception.date.isoformat())
    exception.delete()
    _touch(service)


@transaction.atomic
def translation_save(
    *, by: User, service: Service, language: str, texts: dict[str, str]
) -> ServiceTranslation | None:
    """Save the offer's texts in ``language``; all texts empty removes the translation.

    German is the offer itself, not a translation.
    """
    _own_service(by, service)
    if language not in TRANSLATION_LANGUAGES:
        raise ValidationError(_("Für diese Sprache gibt es keine Übersetzung."))
    unknown = set(texts) - set(TRANSLATION_FIELDS)
    if unknown:
        raise TypeError(f"unknown translation fields: {sorted(unknown)}")
    values = {name: (texts.get(name) or "").strip() for name in TRANSLATION_FIELDS}
    translation: ServiceTranslation | None
    if not any(values.values()):
        deleted, _rows = ServiceTranslation.objects.filter(
            service=service, language=language
        ).delete()
        translation = None
        action = "directory.translation.delete" if deleted else ""
    else:
        if not values["name"] or not values["description"]:
            raise ValidationError(_("Name und Beschreibung sind in jeder Sprache nötig."))
        translation, created = ServiceTranslation.objects.update_or_create(
            service=service, language=language, defaults=values
        )
        action = "directory.translation.create" if created else "directory.translation.update"
    if action:
        audit_record(
            office=service.office_id,
            actor=by,
            action=action,
            target_type="service",
            target_id=service.pk,
            details={"language": language},
        )
        _touch(service)
    return translation
