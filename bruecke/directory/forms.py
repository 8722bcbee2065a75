"""Forms of the coordinators' directory pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms
from django.forms.utils import ErrorDict
from django.utils.translation import gettext_lazy as _

from bruecke.directory.models import Location, Organization, Schedule, Service
from bruecke.lib.forms import DateInput, KernForm, TimeInput, TopicsField
from bruecke.org.models import District

# Languages an offer can be held in (ISO 639-1), most common in the Ruhr area first.
# Every code must be known to Django (the public page shows its local name).
SPOKEN_LANGUAGES = [
    ("de", _("Deutsch")),
    ("en", _("Englisch")),
    ("ar", _("Arabisch")),
    ("tr", _("Türkisch")),
    ("uk", _("Ukrainisch")),
    ("ru", _("Russisch")),
    ("ro", _("Rumänisch")),
    ("bg", _("Bulgarisch")),
    ("pl", _("Polnisch")),
    ("fa", _("Persisch (Farsi/Dari)")),
    ("fr", _("Französisch")),
    ("es", _("Spanisch")),
    ("it", _("Italienisch")),
    ("el", _("Griechisch")),
    ("sq", _("Albanisch")),
    ("sr", _("Serbisch")),
    ("hr", _("Kroatisch")),
    ("bs", _("Bosnisch")),
]

DAY_CHOICES = [
    ("MO", _("Montag")),
    ("TU", _("Dienstag")),
    ("WE", _("Mittwoch")),
    ("TH", _("Donnerstag")),
    ("FR", _("Freitag")),
    ("SA", _("Samstag")),
    ("SU", _("Sonntag")),
]
NTH_CHOICES = [
    ("1", _("ersten")),
    ("2", _("zweiten")),
    ("3", _("dritten")),
    ("4", _("vierten")),
    ("-1", _("letzten")),
]


class OrganizationChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.get_kind_display()})"


class ServiceFilterForm(KernForm):
    q = forms.CharField(label=_("Name oder Organisation"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("alle")), *Service.Status.choices],
    )


class ServiceForm(KernForm):
    """An offer's German texts and facts; translations have their own page."""

    name = forms.CharField(label=_("Name des Angebots"), max_length=200)
    description = forms.CharField(
        label=_("Beschreibung"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In einfacher Sprache: Was erwartet die Familie?"),
    )
    kind = forms.ChoiceField(label=_("Art des Angebots"), choices=Service.Kind.choices)
    topics = TopicsField(required=True)
    organization = OrganizationChoiceField(
        label=_("Organisation (Träger oder Einrichtung)"),
        queryset=Organization.objects.none(),
        empty_label=_("Bitte wählen"),
        error_messages={
            "required": _("Bitte wählen Sie eine Organisation oder legen Sie unten eine neue an.")
        },
        help_text=_("Fehlt sie in der Liste, legen Sie sie im nächsten Feld neu an."),
    )
    new_organization = forms.CharField(
        label=_("Oder neue Organisation anlegen"),
        required=False,
        max_length=200,
        help_text=_("Nur ausfüllen, wenn die Organisation oben noch fehlt."),
    )
    minimum_age = forms.IntegerField(
        label=_("Mindestalter (Jahre)"),
        required=False,
        min_value=0,
        max_value=99,
        help_text=_("0 = ab Geburt"),
    )
    maximum_age = forms.IntegerField(
        label=_("Höchstalter (Jahre)"), required=False, min_value=0, max_value=99
    )
    languages = forms.MultipleChoiceField(
        label=_("Sprachen, in denen beraten wird (ohne Dolmetschung)"),
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    interpretation_services = forms.CharField(
        label=_("Dolmetschung"),
        required=False,
        max_length=300,
        help_text=_("Zum Beispiel: „Dolmetschung nach Absprache möglich“."),
    )
    free = forms.BooleanField(label=_("kostenlos"), required=False, initial=True)
    fees_description = forms.CharField(
        label=_("Kosten"),
        required=False,
        max_length=300,
        help_text=_("Nur wenn das Angebot etwas kostet."),
    )
    districts = forms.ModelMultipleChoiceField(
        label=_("Für Familien aus diesen Stadtbezirken"),
        queryset=District.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=Service.Status.choices, initial=Service.Status.ACTIVE
    )
    url = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("E-Mail"), required=False)
    eligibility_description = forms.CharField(
        label=_("Für wen"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    application_process = forms.CharField(
        label=_("So erreichen Sie das Angebot"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Zum Beispiel: „Einfach vorbeikommen“ oder „Bitte vorher anrufen“."),
    )
    last_modified = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        office_id: int,
        organisations: Sequence[Organization] | None = None,
        searching: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # Any organisation of the office is a valid choice; the select lists
        # ``organisations`` (selectors.organisation_choices), all when not given.
        organization = self.fields["organization"]
        assert isinstance(organization, OrganizationChoiceField)
        organization.queryset = Organization.objects.filter(office_id=office_id).order_by("name")
        if organisations is not None:
            organization.widget.choices = [
                ("", organization.empty_label),
                *((o.pk, organization.label_from_instance(o)) for o in organisations),
            ]
        # A search for the organisation sends the form without saving it: what
        # was typed stays, and nothing is judged yet.
        self.searching = searching
        if self.is_bound and str(self.data.get(self.add_prefix("new_organization"), "")).strip():
            # A new organisation typed in replaces the choice from the list.
            self.fields["organization"].required = False
        self.fields["districts"].queryset = District.objects.filter(  # type: ignore[attr-defined]
            office_id=office_id
        ).order_by("name")

    def is_valid(self) -> bool:
        return not self.searching and super().is_valid()

    def full_clean(self) -> None:
        if self.searching:
            self._errors = ErrorDict()
            self.cleaned_data = {}
            return
        super().full_clean()

    def clean_last_modified(self) -> dt.datetime | None:
        value = self.cleaned_data.get("last_modified") or ""
        if not value:
            return None
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            raise forms.ValidationError(
                _("Die Seite ist veraltet. Bitte laden Sie sie neu.")
            ) from None
        return parsed

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            not data.get("organization")
            and not (data.get("new_organization") or "").strip()
            and "organization" not in self.errors
        ):
            self.add_error(
                "organization",
                _("Bitte wählen Sie eine Organisation oder legen Sie unten eine neue an."),
            )
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and low > high:
            self.add_error("maximum_age", _("Das Höchstalter ist kleiner als das Mindestalter."))
        if data.get("free"):
            data["fees_description"] = data.get("fees_description") or ""
        return data


class PlaceForm(KernForm):
    """A place of an offer: its address, district and accessibility."""

    name = forms.CharField(
        label=_("Name des Ortes"),
        required=False,
        max_length=200,
        help_text=_("Zum Beispiel „Familienzentrum Sonnenblume“."),
    )
    address_1 = forms.CharField(label=_("Straße und Hausnummer"), max_length=200)
    postal_code = forms.RegexField(
        label=_("Postleitzahl"),
        regex=r"^\d{5}$",
        max_length=5,
        error_messages={"invalid": _("Bitte geben Sie eine fünfstellige Postleitzahl an.")},
    )
    city = forms.CharField(label=_("Ort"), max_length=100)
    district = forms.ModelChoiceField(
        label=_("Stadtbezirk"),
        queryset=District.objects.none(),
        required=False,
        empty_label=_("keiner / außerhalb"),
    )
    accessibility = forms.CharField(
        label=_("Barrierefreiheit"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Zum Beispiel: „Stufenloser Zugang, Aufzug, Platz für Kinderwagen“."),
    )
    transportation = forms.CharField(
        label=_("Anfahrt"),
        required=False,
        max_length=300,
        help_text=_("Zum Beispiel: „U41 bis Clarenberg“."),
    )
    note = forms.CharField(
        label=_("Hinweis zum Angebot an diesem Ort"), required=False, max_length=300
    )

    def __init__(self, *args: Any, office_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = District.objects.filter(  # type: ignore[attr-defined]
            office_id=office_id
        ).order_by("name")

    @staticmethod
    def initial_for(location: Location, note: str) -> dict[str, Any]:
        return {
            "name": location.name,
            "address_1": location.address_1,
            "postal_code": location.postal_code,
            "city": location.city,
            "district": location.district_id,
            "accessibility": location.accessibility,
            "transportation": location.transportation,
            "note": note,
        }


class ScheduleForm(KernForm):
    """A recurring opening time: weekly days, or monthly by weekday or day of month."""

    MODES = [
        ("weekly", _("jede Woche")),
        ("monthly_weekday", _("jeden Monat an einem Wochentag (zum Beispiel am ersten Montag)")),
        ("monthly_day", _("jeden Monat an einem Datum (zum Beispiel am 15.)")),
    ]

    mode = forms.ChoiceField(
        label=_("Rhythmus"), choices=MODES, initial="weekly", widget=forms.RadioSelect
    )
    days = forms.MultipleChoiceField(
        label=_("Wochentage (bei „jede Woche“)"),
        choices=DAY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    nth = forms.ChoiceField(
        label=_("Welcher im Monat"),
        choices=[("", _("bitte wählen")), *NTH_CHOICES],
        required=False,
    )
    weekday = forms.ChoiceField(
        label=_("Wochentag im Monat"),
        choices=[("", _("bitte wählen")), *DAY_CHOICES],
        required=False,
    )
    monthday = forms.IntegerField(
        label=_("Tag im Monat"), required=False, min_value=1, max_value=31
    )
    opens_at = forms.TimeField(label=_("von (Uhrzeit)"), widget=TimeInput())
    closes_at = forms.TimeField(label=_("bis (Uhrzeit)"), widget=TimeInput())
    valid_from = forms.DateField(label=_("gültig ab"), required=False, widget=DateInput())
    valid_to = forms.DateField(label=_("gültig bis"), required=False, widget=DateInput())
    description = forms.CharField(
        label=_("Hinweis"),
        required=False,
        max_length=200,
        help_text=_("Zum Beispiel: „nicht in den Schulferien“."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        mode = data.get("mode")
        if mode == "weekly" and not data.get("days"):
            self.add_error("days", _("Bitte wählen Sie mindestens einen Wochentag."))
        if mode == "monthly_weekday":
            if not data.get("nth"):
                self.add_error("nth", _("Bitte wählen Sie, der wievielte Wochentag im Monat."))
            if not data.get("weekday"):
                self.add_error("weekday", _("Bitte wählen Sie den Wochentag."))
        if mode == "monthly_day" and not data.get("monthday"):
            self.add_error("monthday", _("Bitte geben Sie den Tag im Monat an (1 bis 31)."))
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("Die Endzeit muss nach der Anfangszeit liegen."))
        start, end = data.get("valid_from"), data.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("„Gültig bis“ liegt vor „gültig ab“."))
        return data

    def schedule_data(self) -> dict[str, Any]:
        """The form's answer as Schedule fields (freq, byday, bymonthday, ...)."""
        data = self.cleaned_data
        mode = data["mode"]
        result: dict[str, Any] = {
            name: data[name]
            for name in ("opens_at", "closes_at", "valid_from", "valid_to", "description")
        }
        if mode == "weekly":
            order = [code for code, _label in DAY_CHOICES]
            days = sorted(data["days"], key=order.index)
            result.update(freq=Schedule.Freq.WEEKLY, byday=",".join(days), bymonthday=None)
        elif mode == "monthly_weekday":
            result.update(
                freq=Schedule.Freq.MONTHLY, byday=f"{data['nth']}{data['weekday']}", bymonthday=None
            )
        else:
            result.update(freq=Schedule.Freq.MONTHLY, byday="", bymonthday=data["monthday"])
        return result


class ExceptionForm(KernForm):
    """A closed day (holiday, closure), or a day with other hours."""

    date = forms.DateField(label=_("Datum"), widget=DateInput())
    note = forms.CharField(
        label=_("Hinweis"),
        required=False,
        max_length=200,
        help_text=_("Zum Beispiel: „Betriebsausflug“ oder „Weihnachtsferien“."),
    )
    opens_at = forms.TimeField(
        label=_("Andere Öffnungszeit: von"),
        required=False,
        widget=TimeInput(),
        help_text=_("Leer lassen, wenn an diesem Tag geschlossen ist."),
    )
    closes_at = forms.TimeField(
        label=_("Andere Öffnungszeit: bis"), required=False, widget=TimeInput()
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if (opens is None) != (closes is None) and not self.errors:
            self.add_error(
                "closes_at" if opens else "opens_at",
                _("Für andere Öffnungszeiten geben Sie bitte Anfang und Ende an."),
            )
        elif opens and closes and closes <= opens:
            self.add_error("closes_at", _("Die Endzeit muss nach der Anfangszeit liegen."))
        return data


class TranslationForm(KernForm):
    """An offer's texts in one more language; leave all empty to remove the translation."""

    name = forms.CharField(label=_("Name"), required=False, max_length=200)
    description = forms.CharField(
        label=_("Beschreibung"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    fees_description = forms.CharField(label=_("Kosten"), required=False, max_length=300)
    eligibility_description = forms.CharField(
        label=_("Für wen"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    application_process = forms.CharField(
        label=_("So erreichen Sie das Angebot"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, language: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Inputs carry the language, so screen readers and spell checkers use it.
        for field in self.fields.values():
            field.widget.attrs["lang"] = language
            field.widget.attrs["dir"] = "auto"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if any((value or "").strip() for value in data.values()):
            for name in ("name", "description"):
                if not (data.get(name) or "").strip() and name not in self.errors:
                    self.add_error(
                        name,
                        _("Bitte füllen Sie Name und Beschreibung aus (oder alle Felder leer)."),
                    )
        return data
