"""Coordinator pages: maintain the office's directory entries (not the Django admin)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bruecke.directory import actions
from bruecke.directory.access import COORDINATION_ROLES, get_service_for_coordinator
from bruecke.directory.access import services_managed_by as managed
from bruecke.directory.forms import (
    ExceptionForm,
    PlaceForm,
    ScheduleForm,
    ServiceFilterForm,
    ServiceForm,
    TranslationForm,
)
from bruecke.directory.models import (
    Schedule,
    ScheduleException,
    Service,
    ServiceAtLocation,
    ServiceTranslation,
)
from bruecke.directory.schedules import describe
from bruecke.directory.selectors import offer_text, organisation_choices, with_public_details
from bruecke.lib.topics import TOPIC_LABELS
from bruecke.org.access import MemberRequest, role_required

PER_PAGE = 50
# An entry is due for a check when it was last verified more than this long ago.
STALE_AFTER = dt.timedelta(days=365)
LANGUAGE_NAMES = dict(settings.LANGUAGES)


# A coordinator's request; see coordinator_required.
CoordinatorRequest = MemberRequest
coordinator_required = role_required(COORDINATION_ROLES)


def stale_q(today: dt.date) -> Q:
    """Entries never verified, or last verified more than 12 months ago."""
    return Q(last_verified__isnull=True) | Q(last_verified__lt=today - STALE_AFTER)


def _status(form: Any) -> int:
    return 400 if form is not None and form.errors else 200


# --- The list -------------------------------------------------------------------------


@coordinator_required
def service_list(request: CoordinatorRequest) -> HttpResponse:
    """The office's offers, filtered; the tab "ungeprüft" lists entries due for a check."""
    today = timezone.localdate()
    form = ServiceFilterForm(request.GET or None)
    unverified_tab = request.GET.get("ansicht") == "ungeprueft"
    services = managed(request.user)
    if form.is_valid():
        query, status = form.cleaned_data["q"].strip(), form.cleaned_data["status"]
        if query:
            services = services.filter(
                Q(name__icontains=query) | Q(organization__name__icontains=query)
            )
        if status:
            services = services.filter(status=status)
    unverified_count = services.filter(stale_q(today)).count()
    if unverified_tab:
        services = services.filter(stale_q(today)).order_by(
            Coalesce("last_verified", dt.date(1900, 1, 1)), "name"
        )
    else:
        services = services.order_by("name")
    places = (
        ServiceAtLocation.objects.filter(service=OuterRef("pk"))
        .order_by()
        .values("service")
        .annotate(n=Count("pk"))
        .values("n")
    )
    services = (
        services.select_related("organization")
        .annotate(place_count=Coalesce(Subquery(places, output_field=IntegerField()), 0))
        .prefetch_related(
            Prefetch(
                "translations",
                queryset=ServiceTranslation.objects.only("service_id", "language"),
                to_attr="translation_rows",
            )
        )
    )
    page = Paginator(services, PER_PAGE).get_page(request.GET.get("seite"))
    wanted = actions.TRANSLATION_LANGUAGES
    for service in page.object_list:
        have = {row.language for row in service.translation_rows}
        service.missing_languages = [code for code in wanted if code not in have]
        service.unverified = service.last_verified is None or (
            service.last_verified < today - STALE_AFTER
        )
    query = request.GET.copy()
    query.pop("seite", None)
    return render(
        request,
        "directory/service_list.html",
        {
            "form": form,
            "page": page,
            "unverified_tab": unverified_tab,
            "unverified_count": unverified_count,
            "query_string": query.urlencode(),
            "today": today,
        },
        status=_status(form),
    )


# --- Create and edit an offer ---------------------------------------------------------


def _service_data(form: ServiceForm) -> dict[str, Any]:
    return {name: form.cleaned_data[name] for name in actions.SERVICE_FIELDS}


# The offer form's organisation search: a field and a button inside the form, so
# that searching keeps everything typed (the form is sent, not saved).
ORGANISATION_SEARCH = "organisation_suche"
SEARCH_BUTTON = "organisation_suchen"


def _service_form(
    request: CoordinatorRequest, *, office_id: int, initial: dict[str, Any] | None = None
) -> tuple[ServiceForm, dict[str, Any]]:
    """The offer form, its organisations narrowed by the search typed into it."""
    data = request.POST or None
    query = (request.POST.get(ORGANISATION_SEARCH) or "").strip()[:100]
    selected = request.POST.get("organization") if data else None
    selected = selected or (initial or {}).get("organization")
    organisations, matched, more = organisation_choices(
        office_id=office_id, query=query, selected=selected
    )
    form = ServiceForm(
        data,
        initial=initial,
        office_id=office_id,
        organisations=organisations,
        searching=data is not None and SEARCH_BUTTON in request.POST,
    )
    return form, {
        "organisation_query": query,
        "organisations_matched": matched,
        "more_organisations": more,
    }


@coordinator_required
def service_create(request: CoordinatorRequest) -> HttpResponse:
    membership = request.membership
    form, search = _service_form(request, office_id=membership.office_id)
    if request.method == "POST" and form.is_valid():
        try:
            service = actions.service_create(
                by=request.user,
                office=membership.office,
                organization=form.cleaned_data["organization"],
                new_organization=form.cleaned_data["new_organization"],
                districts=form.cleaned_data["districts"],
                **_service_data(form),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Angebot angelegt. Tragen Sie jetzt Orte und Öffnungszeiten ein."),
            )
            return redirect("directory:service_places", service_id=service.pk)
    return render(
        request,
        "directory/service_form.html",
        {"form": form, "service": None, **search},
        status=_status(form),
    )


def _shown(form: ServiceForm, name: str, value: Any) -> str:
    """A saved value as the coordinator knows it from the form."""
    field = form.fields[name]
    if name == "topics":
        return ", ".join(str(TOPIC_LABELS.get(code, code)) for code in value or [])
    if name == "districts":
        return ", ".join(district.name for district in value)
    if name == "organization":
        return value.name
    choices = dict(getattr(field, "choices", []) or [])
    if isinstance(value, list):
        return ", ".join(str(choices.get(item, item)) for item in value)
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if choices and value in choices:
        return str(choices[value])
    return "" if value is None else str(value)


def _stale_changes(form: ServiceForm, current: Service) -> list[dict[str, Any]]:
    """Fields whose saved value now differs from what this coordinator typed."""
    changes = []
    for name in [*actions.SERVICE_FIELDS, "organization", "districts"]:
        if name not in form.cleaned_data:
            continue
        typed = form.cleaned_data[name]
        if name == "districts":
            saved: Any = list(current.districts.order_by("name"))
            differs = {d.pk for d in saved} != {d.pk for d in typed}
        else:
            saved = getattr(current, name)
            if name == "organization" and form.cleaned_data.get("new_organization"):
                differs = True
            elif isinstance(saved, list):
                differs = sorted(saved) != sorted(typed or [])
            else:
                differs = saved != typed and not (saved in ("", None) and typed in ("", None))
        if differs:
            changes.append(
                {"label": form.fields[name].label, "saved": _shown(form, name, saved) or "–"}
            )
    return changes


@coordinator_required
def service_edit(request: CoordinatorRequest, service_id: str) -> HttpResponse:
    """The offer's German texts and facts, with optimistic locking (409 explains what changed)."""
    service = get_service_for_coordinator(request.user, service_id)
    initial = {name: getattr(service, name) for name in actions.SERVICE_FIELDS} | {
        "organization": service.organization_id,
        "districts": list(service.districts.values_list("pk", flat=True)),
        "last_modified": service.last_modified.isoformat(),
    }
    form, search = _service_form(request, office_id=service.office_id, initial=initial)
    stale: list[dict[str, Any]] = []
    if request.method == "POST" and form.is_valid():
        sent = form.cleaned_data["last_modified"]
        try:
            if sent is None:
                raise actions.StaleService(service)
            actions.service_update(
                by=request.user,
                service=service,
                last_modified=sent,
                organization=form.cleaned_data["organization"],
                new_organization=form.cleaned_data["new_organization"],
                districts=form.cleaned_data["districts"],
                **_service_data(form),
            )
        except actions.StaleService as error:
            stale = _stale_changes(form, error.current) or [
                {"label": _("Zuletzt geprüft"), "saved": _("ohne Änderung der Angaben")}
            ]
            # Saving again now overwrites the newer state knowingly.
            post = request.POST.copy()
            post["last_modified"] = error.current.last_modified.isoformat()
            form.data = post
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Änderungen gespeichert."))
            return redirect("directory:service_edit", service_id=service.pk)
    status = 409 if stale else _status(form)
    return render(
        request,
        "directory/service_form.html",
        {"form": form, "service": service, "stale": stale, "section": "edit", **search},
        status=status,
    )


@coordinator_required
@require_POST
def service_verify(request: CoordinatorRequest, service_id: str) -> HttpResponse:
    service = get_service_for_coordinator(request.user, service_id)
    actions.service_verify(by=request.user, service=service)
    messages.success(
        request,
        _("„%(name)s“ ist als geprüft markiert (%(date)s).")
        % {"name": service.name, "date": timezone.localdate().strftime("%d.%m.%Y")},
    )
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("directory:service_edit", args=[service.pk])
    return redirect(target)


# --- Places, opening times and closed days ---------------------------------------------


def _places(service: Service) -> list[ServiceAtLocation]:
    return list(
        service.service_at_locations.select_related("location__district")
        .prefetch_related(
            Prefetch("schedules", queryset=Schedule.objects.order_by("freq", "opens_at")),
            Prefetch("schedule_exceptions", queryset=ScheduleException.objects.order_by("date")),
        )
        .order_by("location__name", "location__address_1")
    )


@dataclass
class PlaceEntry:
    """A place of the offer with its opening times in words and its two small forms."""

    place: ServiceAtLocation
    hours: list[tuple[Schedule, str]]
    schedule_form: ScheduleForm
    exception_form: ExceptionForm


def _prefix(place: ServiceAtLocation, kind: str) -> str:
    return f"{kind}-{place.pk.hex[:8]}"


def _places_page(
    request: CoordinatorRequest,
    service: Service,
    *,
    place_form: PlaceForm | None = None,
    bound: ScheduleForm | ExceptionForm | None = None,
    bound_place: ServiceAtLocation | None = None,
) -> HttpResponse:
    places = []
    for place in _places(service):
        entry = PlaceEntry(
            place=place,
            hours=[(s, describe(s)) for s in place.schedules.all()],
            schedule_form=ScheduleForm(prefix=_prefix(place, "zeit")),
            exception_form=ExceptionForm(prefix=_prefix(place, "ausnahme")),
        )
        if bound_place is not None and place.pk == bound_place.pk:
            if isinstance(bound, ScheduleForm):
                entry.schedule_form = bound
            elif isinstance(bound, ExceptionForm):
                entry.exception_form = bound
        places.append(entry)
    new_place = place_form or PlaceForm(
        prefix="ort", office_id=service.office_id, initial={"city": service.office.city}
    )
    failed = any(form is not None and form.errors for form in (place_form, bound))
    return render(
        request,
        "directory/places.html",
        {
            "service": service,
            "places": places,
            "place_form": new_place,
            "section": "places",
            "today": timezone.localdate(),
        },
        status=400 if failed else 200,
    )


def _place(service: Service, place_id: str) -> ServiceAtLocation:
    return get_object_or_404(
        ServiceAtLocation.objects.select_related("location__organization", "service__office"),
        pk=place_id,
        service=service,
    )


def _to_places(service: Service, place: ServiceAtLocation | None = None) -> HttpResponse:
    url = reverse("directory:service_places", args=[service.pk])
    return redirect(f"{url}#ort-{place.pk}" if place else url)


@coordinator_required
def service_places(request: CoordinatorRequest, service_id: str) -> HttpResponse:
    return _places_page(request, get_service_for_coordinator(request.user, service_id))


@coordinator_required
@require_POST
def place_create(request: CoordinatorRequest, service_id: str) -> HttpResponse:
    service = get_service_for_coordinator(request.user, service_id)
    form = PlaceForm(request.POST, prefix="ort", office_id=service.office_id)
    if form.is_valid():
        data = dict(form.cleaned_data)
        try:
            place = actions.location_create(by=request.user, service=service, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Ort gespeichert. Tragen Sie jetzt die Öffnungszeiten ein.")
            )
            return _to_places(service, place)
    return _places_page(request, service, place_form=form)


@coordinator_required
def place_edit(request: CoordinatorRequest, service_id: str, place_id: str) -> HttpResponse:
    service = get_service_for_coordinator(request.user, service_id)
    place = _place(service, place_id)
    form = PlaceForm(
        request.POST or None,
        initial=PlaceForm.initial_for(place.location, place.description),
        office_id=service.office_id,
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.location_update(by=request.user, place=place, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Ort gespeichert."))
            return _to_places(service, place)
    shared = (
        ServiceAtLocation.objects.filter(location=place.location).exclude(service=service).count()
    )
    return render(
        request,
        "directory/place_form.html",
        {"service": service, "place": place, "form": form, "shared": shared, "section": "places"},
        status=_status(form),
    )


@coordinator_required
@require_POST
def place_remove(request: CoordinatorRequest, service_id: str, place_id: str) -> HttpResponse:
    service = get_service_for_coordinator(request.user, service_id)
    place = _place(service, place_id)
    actions.location_unlink(by=request.user, place=place)
    messages.success(request, _("Der Ort gehört nicht mehr zu diesem Angebot."))
    return _to_places(service)


@coordinator_required
@require_POST
def schedule_create(request: CoordinatorRequest, service_id: str, place_id: str) -> HttpResponse:
    service = get_service_for_coordinator(request.user, service_id)
    place = _place(service, place_id)
    form = ScheduleForm(request.POST, prefix=_prefix(place, "zeit"))
    if form.is_valid():
        try:
            schedule = actions.schedule_add(by=request.user, place=place, **form.schedule_data())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Öffnungszeit gespeichert: %(hours)s") % {"hours": describe(schedule)}
            )
            return _to_places(service, place)
    return _places_page(request, service, bound=form, bound_place=place)


@coordinator_required
@require_POST
def schedule_remove(request: CoordinatorRequest, service_id: str, schedule_id: str) -> HttpResponse:
    service = get_service_for_coordinator(request.user, service_id)
    schedule = get_object_or_404(
        Schedule.objects.select_related("service_at_location__service"),
        pk=schedule_id,
        service_at_location__service=service,
    )
    place = schedule.service_at_location
    actions.schedule_delete(by=request.user, schedule=schedule)
    messages.success(request, _("Öffnungszeit gelöscht."))
    return _to_places(service, place)


@coordinator_required
@require_POST
def exception_create(request: CoordinatorRequest, service_id: str, place_id: str) -> HttpResponse:
    service = get_service_for_coordinator(request.user, service_id)
    place = _place(service, place_id)
    form = ExceptionForm(request.POST, prefix=_prefix(place, "ausnahme"))
    if form.is_valid():
        try:
            actions.schedule_exception_add(by=request.user, place=place, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Ausnahme gespeichert."))
            return _to_places(service, place)
    return _places_page(request, service, bound=form, bound_place=place)


@coordinator_required
@require_POST
def exception_remove(
    request: CoordinatorRequest, service_id: str, exception_id: int
) -> HttpResponse:
    service = get_service_for_coordinator(request.user, service_id)
    exception = get_object_or_404(
        ScheduleException.objects.select_related("service_at_location__service"),
        pk=exception_id,
        service_at_location__service=service,
    )
    place = exception.service_at_location
    actions.schedule_exception_delete(by=request.user, exception=exception)
    messages.success(request, _("Ausnahme gelöscht."))
    return _to_places(service, place)


# --- Translations ------------------------------------------------------------------------


@coordinator_required
def translations(request: CoordinatorRequest, service_id: str) -> HttpResponse:
    service = get_service_for_coordinator(request.user, service_id)
    existing = {t.language: t for t in service.translations.all()}
    rows = [
        {"code": code, "name": LANGUAGE_NAMES[code], "translation": existing.get(code)}
        for code in actions.TRANSLATION_LANGUAGES
    ]
    return render(
        request,
        "directory/translations.html",
        {
            "service": service,
            "rows": rows,
            "missing": [row for row in rows if row["translation"] is None],
            "section": "translations",
        },
    )


@coordinator_required
def translation_edit(request: CoordinatorRequest, service_id: str, language: str) -> HttpResponse:
    service = get_service_for_coordinator(request.user, service_id)
    if language not in actions.TRANSLATION_LANGUAGES:
        raise Http404
    current = service.translations.filter(language=language).first()
    initial = (
        {name: getattr(current, name) for name in actions.TRANSLATION_FIELDS} if current else {}
    )
    form = TranslationForm(request.POST or None, initial=initial, language=language)
    if request.method == "POST" and form.is_valid():
        try:
            saved = actions.translation_save(
                by=request.user, service=service, language=language, texts=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            name = LANGUAGE_NAMES[language]
            if saved is None:
                messages.success(
                    request, _("Übersetzung (%(language)s) entfernt.") % {"language": name}
                )
            else:
                messages.success(
                    request, _("Übersetzung (%(language)s) gespeichert.") % {"language": name}
                )
            return redirect("directory:translations", service_id=service.pk)
    german = [(form[name], getattr(service, name)) for name in actions.TRANSLATION_FIELDS]
    return render(
        request,
        "directory/translation_form.html",
        {
            "service": service,
            "form": form,
            "fields": german,
            "language": language,
            "language_name": LANGUAGE_NAMES[language],
            "current": current,
            "section": "translations",
        },
        status=_status(form),
    )


# --- Preview ----------------------------------------------------------------------------


def _preview_service(service: Service, language: str) -> Service:
    """The offer with everything the public page shows (as selectors.public_offer, any status)."""
    return with_public_details(Service.objects.all(), language).get(pk=service.pk)


@coordinator_required
def service_preview(request: CoordinatorRequest, service_id: str) -> HttpResponse:
    """The public offer page with this entry as it is saved now, in a chosen language."""
    service = get_service_for_coordinator(request.user, service_id)
    language = request.GET.get("sprache", "de")
    if language not in LANGUAGE_NAMES:
        language = "de"
    offer = _preview_service(service, language)
    with translation.override(language):
        text = offer_text(offer, language=language, now=timezone.localtime())
        html = render_to_string(
            "directory/preview.html",
            {
                "offer": offer,
                "text": text,
                "print": request.GET.get("druck") == "1",
                "preview_language": language,
                "preview_languages": settings.LANGUAGES,
                "public": offer.status != Service.Status.DEFUNCT,
                "listed": offer.status == Service.Status.ACTIVE,
            },
            request=request,
        )
    return HttpResponse(html)
