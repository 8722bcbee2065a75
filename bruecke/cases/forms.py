from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bruecke.cases.choices import Kontaktart, Outcome, Zugangsweg
from bruecke.lib.forms import KernForm
from bruecke.lib.topics import top_level_topic_choices, topic_choices
from bruecke.org.models import District
from bruecke.people.models import Person


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TopicsField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, top_level_only: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Handlungsfelder"))
        choices = top_level_topic_choices if top_level_only else topic_choices
        super().__init__(choices=choices, **kwargs)


def _today() -> dt.date:
    return timezone.localdate()


class ContactForm(KernForm):
    date = forms.DateField(label=_("Datum"), widget=DateInput(), initial=_today)
    kind = forms.ChoiceField(label=_("Kontaktart"), choices=Kontaktart.choices)
    duration_minutes = forms.IntegerField(
        label=_("Dauer in Minuten"), min_value=1, max_value=600, initial=30
    )
    place = forms.CharField(label=_("Ort"), required=False, max_length=120)
    topics = TopicsField(required=False)
    interpreter_language = forms.CharField(
        label=_("Dolmetschung (Sprache)"),
        required=False,
        max_length=50,
        help_text=_("Nur ausfüllen, wenn gedolmetscht wurde."),
    )
    note = forms.CharField(
        label=_("Kurznotiz"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kurz und sachlich. Keine Diagnosen, keine Daten Dritter."),
    )
    confided = forms.BooleanField(
        label=_("Anvertraut (§ 65 SGB VIII) – nur ich darf die Notiz lesen"), required=False
    )

    def clean_date(self) -> dt.date:
        date: dt.date = self.cleaned_data["date"]
        if date > _today():
            raise forms.ValidationError(
                _(
                    "Das Datum liegt in der Zukunft. Bitte tragen Sie Kontakte erst ein, wenn sie stattgefunden haben."
                )
            )
        return date


class DistrictChoiceMixin:
    def limit_districts(self, office_id: int) -> None:
        field = self.fields["district"]  # type: ignore[attr-defined]
        field.queryset = District.objects.filter(
            office_id=office_id, kita_sozialarbeit=True
        ).order_by("name")


class AnonymousConsultationForm(DistrictChoiceMixin, KernForm):
    district = forms.ModelChoiceField(label=_("Stadtbezirk"), queryset=District.objects.none())
    date = forms.DateField(label=_("Datum"), widget=DateInput(), initial=_today)
    kind = forms.ChoiceField(
        label=_("Kontaktart"), choices=Kontaktart.choices, initial=Kontaktart.TELEFON
    )
    duration_minutes = forms.IntegerField(
        label=_("Dauer in Minuten"), min_value=1, max_value=600, initial=15
    )
    # Quick entry: the six Handlungsfelder only, no subtopics.
    topics = TopicsField(required=False, top_level_only=True)
    interpreter_language = forms.CharField(
        label=_("Dolmetschung (Sprache)"), required=False, max_length=50
    )


class FamilyForm(DistrictChoiceMixin, KernForm):
    name = forms.CharField(
        label=_("Name der Familie oder Pseudonym"),
        max_length=120,
        help_text=_("Zum Beispiel der Nachname. Bei anonymer Beratung ein Pseudonym."),
    )
    anonymous = forms.BooleanField(
        label=_("Anonym (nur Pseudonym, keine Kontaktdaten)"), required=False
    )
    district = forms.ModelChoiceField(label=_("Stadtbezirk"), queryset=District.objects.none())
    street = forms.CharField(label=_("Straße und Hausnummer"), required=False, max_length=200)
    postal_code = forms.CharField(label=_("Postleitzahl"), required=False, max_length=10)
    phone = forms.CharField(label=_("Telefon"), required=False, max_length=50)
    email = forms.EmailField(label=_("E-Mail"), required=False)
    languages = forms.CharField(label=_("Gesprochene Sprachen"), required=False, max_length=200)
    interpreter_needed = forms.BooleanField(label=_("Dolmetschung nötig"), required=False)
    interpreter_language = forms.CharField(
        label=_("Sprache der Dolmetschung"), required=False, max_length=50
    )
    parent_first_name = forms.CharField(
        label=_("Vorname Elternteil"), required=False, max_length=80
    )
    parent_last_name = forms.CharField(
        label=_("Nachname Elternteil"), required=False, max_length=80
    )
    child_first_name = forms.CharField(label=_("Vorname Kind"), required=False, max_length=80)
    child_birth_date = forms.DateField(
        label=_("Geburtsdatum Kind"), required=False, widget=DateInput()
    )
    child_childcare = forms.ChoiceField(
        label=_("Betreuung des Kindes"), required=False, choices=Person.Childcare.choices
    )
    confirmed_new = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("anonymous"):
            for name in ("street", "postal_code", "phone", "email"):
                if data.get(name):
                    self.add_error(
                        name, _("Bei anonymer Beratung bitte keine Kontaktdaten eintragen.")
                    )
        birth = data.get("child_birth_date")
        if birth and birth > timezone.localdate():
            self.add_error(
                "child_birth_date", _("Das Geburtsdatum liegt in der Zukunft. Bitte prüfen Sie es.")
            )
        return data


class CaseForm(DistrictChoiceMixin, KernForm):
    district = forms.ModelChoiceField(label=_("Stadtbezirk"), queryset=District.objects.none())
    zugangsweg = forms.ChoiceField(label=_("Zugangsweg"), choices=Zugangsweg.choices)
    topics = TopicsField(required=True)
    opened_on = forms.DateField(label=_("Beginn"), widget=DateInput(), initial=_today)


class CloseCaseForm(KernForm):
    outcome = forms.ChoiceField(label=_("Ergebnis"), choices=Outcome.choices)
    closed_on = forms.DateField(label=_("Abgeschlossen am"), widget=DateInput(), initial=_today)


class FamilySearchForm(KernForm):
    q = forms.CharField(
        label=_("Name oder Telefonnummer"),
        required=False,
        max_length=100,
        help_text=_("Auch mit Schreibfehlern: „Maier“ findet „Meyer“."),
    )
    birth_date = forms.DateField(
        label=_("Geburtsdatum eines Kindes"), required=False, widget=DateInput()
    )
