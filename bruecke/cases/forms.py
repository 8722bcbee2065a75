from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bruecke.cases.choices import Kontaktart, Outcome, Zugangsweg
from bruecke.lib.forms import DateInput, KernForm, TopicsField
from bruecke.org.models import District
from bruecke.people.models import Person


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


class WorkerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.get_username()


def casework_users(office_id: int) -> Any:
    from django.contrib.auth.models import User

    return User.objects.filter(
        membership__office_id=office_id,
        membership__role__in=["sozialarbeit", "teamleitung"],
        is_active=True,
    ).order_by("last_name", "first_name")


class CaseEditForm(DistrictChoiceMixin, KernForm):
    district = forms.ModelChoiceField(label=_("Stadtbezirk"), queryset=District.objects.none())
    assigned_to = WorkerChoiceField(label=_("Zuständig"), queryset=District.objects.none())
    covering = WorkerChoiceField(
        label=_("Vertretung"), queryset=District.objects.none(), required=False
    )
    zugangsweg = forms.ChoiceField(label=_("Zugangsweg"), choices=Zugangsweg.choices)
    topics = TopicsField(required=True)
    review_on = forms.DateField(label=_("Nächste Überprüfung"), widget=DateInput())
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, office_id: int, may_reassign: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit_districts(office_id)
        users = casework_users(office_id)
        self.fields["assigned_to"].queryset = users  # type: ignore[attr-defined]
        self.fields["covering"].queryset = users  # type: ignore[attr-defined]
        if not may_reassign:
            # Handing a case to someone else is the team lead's decision.
            del self.fields["assigned_to"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        covering, assigned = data.get("covering"), data.get("assigned_to")
        if covering is not None and assigned is not None and covering == assigned:
            self.add_error(
                "covering", _("Die Vertretung muss eine andere Person sein als die zuständige.")
            )
        return data


class HandoverForm(KernForm):
    to = WorkerChoiceField(label=_("Übergeben an"), queryset=District.objects.none())
    mode = forms.ChoiceField(
        label=_("Art der Übergabe"),
        choices=[
            ("assign", _("Zuständigkeit übertragen")),
            ("cover", _("Als Vertretung eintragen")),
        ],
        widget=forms.RadioSelect,
        initial="assign",
    )
    cases = forms.MultipleChoiceField(label=_("Fälle"), widget=forms.CheckboxSelectMultiple)

    def __init__(
        self, *args: Any, office_id: int, case_choices: list[tuple[str, str]], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to"].queryset = casework_users(office_id)  # type: ignore[attr-defined]
        self.fields["cases"].choices = case_choices  # type: ignore[attr-defined]
        self.fields["cases"].initial = [value for value, _label in case_choices]


class KitaChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        district = getattr(obj, "district_name", "") or ""
        return f"{obj.name} ({district})" if district else str(obj.name)


def kitas_of_office(office_id: int) -> Any:
    """The office's Kitas from the public directory, by district and name."""
    from django.db.models import OuterRef, Subquery

    from bruecke.directory.models import Location, Organization

    places = Location.objects.filter(organization=OuterRef("pk"))
    first_district = places.values("district__name")[:1]
    return (
        Organization.objects.filter(office_id=office_id, kind=Organization.Kind.KITA)
        .annotate(district_name=Subquery(first_district))
        .order_by("district_name", "name")
    )


class PersonForm(KernForm):
    role = forms.ChoiceField(
        label=_("Rolle"), choices=Person.Role.choices, initial=Person.Role.CHILD
    )
    first_name = forms.CharField(label=_("Vorname"), required=False, max_length=80)
    last_name = forms.CharField(label=_("Nachname"), required=False, max_length=80)
    birth_date = forms.DateField(label=_("Geburtsdatum"), required=False, widget=DateInput())
    childcare = forms.ChoiceField(
        label=_("Betreuung (nur bei Kindern)"), required=False, choices=Person.Childcare.choices
    )
    kita = KitaChoiceField(
        label=_("Kita des Kindes"),
        required=False,
        queryset=District.objects.none(),
        empty_label=_("Keine oder nicht bekannt"),
    )

    def __init__(self, *args: Any, office_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kita"].queryset = kitas_of_office(office_id)  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not (data.get("first_name") or data.get("last_name") or data.get("birth_date")):
            raise forms.ValidationError(_("Bitte geben Sie einen Namen oder ein Geburtsdatum an."))
        birth = data.get("birth_date")
        if birth and birth > timezone.localdate():
            self.add_error(
                "birth_date", _("Das Geburtsdatum liegt in der Zukunft. Bitte prüfen Sie es.")
            )
        if data.get("role") != Person.Role.CHILD:
            data["childcare"] = ""
            data["kita"] = None
        return data


class FamilyEditForm(FamilyForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    MEMBER_FIELDS = (
        "parent_first_name",
        "parent_last_name",
        "child_first_name",
        "child_birth_date",
        "child_childcare",
        "confirmed_new",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.MEMBER_FIELDS:
            del self.fields[name]
