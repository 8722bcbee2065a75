"""A worker's appointments: the week view, the appointment form and the private calendar feed."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import icalendar
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from bruecke.cases import appointments
from bruecke.cases.access import cases_visible_to
from bruecke.cases.models import Appointment, Case
from bruecke.cases.views import CaseworkRequest, casework_required
from bruecke.lib.forms import DateInput, KernForm, TimeInput


class CaseChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.number} – {obj.family.name}"


class AppointmentForm(KernForm):
    date = forms.DateField(label=gettext_lazy("Datum"), widget=DateInput())
    start = forms.TimeField(label=gettext_lazy("Beginn"), widget=TimeInput())
    end = forms.TimeField(label=gettext_lazy("Ende"), widget=TimeInput())
    place = forms.CharField(
        label=gettext_lazy("Ort"),
        required=False,
        max_length=120,
        help_text=gettext_lazy(
            "Zum Beispiel „Kita Sonnenschein“ oder „Büro“. Bitte keine Namen: "
            "Der Ort erscheint in Ihrem Kalender-Abo."
        ),
    )
    case = CaseChoiceField(
        label=gettext_lazy("Fall"),
        queryset=Case.objects.none(),
        required=False,
        empty_label=gettext_lazy("– kein Fall –"),
        help_text=gettext_lazy("Ihre offenen Fälle. Ohne Fall kreuzen Sie „Sprechstunde“ an."),
    )
    office_hour = forms.BooleanField(label=gettext_lazy("Sprechstunde (ohne Fall)"), required=False)

    def __init__(
        self, *args: Any, user: User, current_case_id: uuid.UUID | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        # Open cases the user may see; when editing, also the appointment's own case.
        scope = Q(status=Case.Status.OPEN)
        if current_case_id is not None:
            scope |= Q(pk=current_case_id)
        field: forms.ModelChoiceField = self.fields["case"]  # type: ignore[assignment]
        field.queryset = (
            cases_visible_to(user).filter(scope).select_related("family").order_by("number")
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        date, start, end = data.get("date"), data.get("start"), data.get("end")
        if date and start and end:
            data["starts_at"] = timezone.make_aware(dt.datetime.combine(date, start))
            data["ends_at"] = timezone.make_aware(dt.datetime.combine(date, end))
            if data["ends_at"] <= data["starts_at"]:
                self.add_error("end", _("Das Ende muss nach dem Beginn liegen."))
        case, office_hour = data.get("case"), data.get("office_hour")
        if "case" not in self.errors:
            if case is None and not office_hour:
                self.add_error(
                    "case",
                    _("Bitte wählen Sie einen Fall aus oder kreuzen Sie „Sprechstunde“ an."),
                )
            elif case is not None and office_hour:
                self.add_error(
                    "office_hour",
                    _("Ein Termin gehört entweder zu einem Fall oder ist eine Sprechstunde."),
                )
        return data

    def appointment_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "place": data["place"],
            "case": data["case"],
            "office_hour": data["office_hour"],
        }


def _parse_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _week_url(day: dt.date) -> str:
    return f"{reverse('cases:week')}?woche={appointments.week_start(day).isoformat()}"


@casework_required
@require_safe
def week(request: CaseworkRequest) -> HttpResponse:
    today = timezone.localdate()
    monday = appointments.week_start(_parse_day(request.GET.get("woche")) or today)
    by_day: dict[dt.date, list[Appointment]] = {
        monday + dt.timedelta(days=offset): [] for offset in range(7)
    }
    for appointment in appointments.week_of(user=request.user, monday=monday):
        by_day[timezone.localtime(appointment.starts_at).date()].append(appointment)
    days = [
        {"date": day, "appointments": items, "is_today": day == today}
        for day, items in by_day.items()
    ]
    token = appointments.feed_token_for(request.user)
    return render(
        request,
        "cases/week.html",
        {
            "monday": monday,
            "sunday": monday + dt.timedelta(days=6),
            "iso_week": monday.isocalendar().week,
            "days": days,
            "count": sum(len(items) for items in by_day.values()),
            "previous_week": (monday - dt.timedelta(days=7)).isoformat(),
            "next_week": (monday + dt.timedelta(days=7)).isoformat(),
            "is_this_week": monday == appointments.week_start(today),
            "feed_url": request.build_absolute_uri(reverse("cases:calendar_feed", args=[token])),
        },
    )


def _form_page(
    request: CaseworkRequest, form: AppointmentForm, appointment: Appointment | None = None
) -> HttpResponse:
    return render(
        request,
        "cases/appointment_form.html",
        {"form": form, "appointment": appointment},
        status=400 if form.errors else 200,
    )


@casework_required
def appointment_create(request: CaseworkRequest) -> HttpResponse:
    if request.method == "POST":
        form = AppointmentForm(request.POST, user=request.user)
        if form.is_valid():
            try:
                appointment = appointments.appointment_create(
                    by=request.user, worker=request.user, **form.appointment_data()
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Termin gespeichert."))
                return redirect(_week_url(timezone.localtime(appointment.starts_at).date()))
        return _form_page(request, form)
    initial: dict[str, Any] = {"date": _parse_day(request.GET.get("datum")) or timezone.localdate()}
    form = AppointmentForm(user=request.user, initial=initial)
    case_id = request.GET.get("fall")
    if case_id:
        case = form.fields["case"].queryset.filter(pk=_uuid_or_none(case_id)).first()  # type: ignore[attr-defined]
        if case is not None:
            form.initial["case"] = case.pk
    return _form_page(request, form)


def _uuid_or_none(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _own_appointment(request: CaseworkRequest, appointment_id: uuid.UUID) -> Appointment:
    appointment = appointments.appointment_of_worker(
        user=request.user, appointment_id=appointment_id
    )
    if appointment is None:
        raise Http404
    return appointment


@casework_required
def appointment_edit(request: CaseworkRequest, appointment_id: uuid.UUID) -> HttpResponse:
    appointment = _own_appointment(request, appointment_id)
    if request.method == "POST":
        form = AppointmentForm(request.POST, user=request.user, current_case_id=appointment.case_id)
        if form.is_valid():
            try:
                appointments.appointment_update(
                    by=request.user, appointment=appointment, **form.appointment_data()
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Termin geändert."))
                return redirect(_week_url(timezone.localtime(appointment.starts_at).date()))
        return _form_page(request, form, appointment)
    starts_at = timezone.localtime(appointment.starts_at)
    form = AppointmentForm(
        user=request.user,
        current_case_id=appointment.case_id,
        initial={
            "date": starts_at.date(),
            "start": starts_at.time(),
            "end": timezone.localtime(appointment.ends_at).time(),
            "place": appointment.place,
            "case": appointment.case_id,
            "office_hour": appointment.office_hour,
        },
    )
    return _form_page(request, form, appointment)


@casework_required
@require_POST
def appointment_delete(request: CaseworkRequest, appointment_id: uuid.UUID) -> HttpResponse:
    appointment = _own_appointment(request, appointment_id)
    day = timezone.localtime(appointment.starts_at).date()
    appointments.appointment_delete(by=request.user, appointment=appointment)
    messages.success(request, _("Termin gelöscht."))
    return redirect(_week_url(day))


@casework_required
@require_POST
def calendar_feed_renew(request: CaseworkRequest) -> HttpResponse:
    appointments.feed_token_renew(user=request.user)
    messages.success(
        request,
        _(
            "Neuer Link erzeugt. Der alte Link funktioniert nicht mehr. "
            "Bitte tragen Sie den neuen Link in Ihrer Kalender-App ein."
        ),
    )
    return redirect("cases:week")


def _summary(appointment: Appointment) -> str:
    if appointment.case is not None:
        return _("Termin %(number)s") % {"number": appointment.case.number}
    return _("Sprechstunde")


def feed_calendar(*, user: User, host: str, now: dt.datetime) -> icalendar.Calendar:
    """The iCalendar of a worker's appointments: time, place and case number, never names."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Brücke//Kita-Sozialarbeit//DE")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Brücke – Termine"))
    calendar.add("refresh-interval", dt.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for appointment in appointments.feed_appointments(user=user, now=now):
        event = icalendar.Event()
        event.add("uid", f"{appointment.pk}@{host}")
        event.add("dtstamp", now.astimezone(dt.UTC))
        event.add("dtstart", appointment.starts_at.astimezone(dt.UTC))
        event.add("dtend", appointment.ends_at.astimezone(dt.UTC))
        event.add("summary", _summary(appointment))
        if appointment.place:
            event.add("location", appointment.place)
        event.add("class", "PRIVATE")
        calendar.add_component(event)
    return calendar


@login_not_required
@require_safe
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private feed for calendar apps: no login, the secret token in the URL is the key."""
    user = appointments.feed_owner(token)
    if user is None:
        raise Http404
    with translation.override("de"):
        calendar = feed_calendar(
            user=user, host=request.get_host().split(":")[0], now=timezone.now()
        )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="termine.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
