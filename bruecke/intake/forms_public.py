"""The public form "Kontakt aufnehmen": few fields, each one explained.

A first name (or any name) and one way to reach the family are all that is
needed; everything else helps to prepare the first call.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bruecke.intake.models import Request
from bruecke.lib.forms import KernForm, TopicsField
from bruecke.lib.phone import phone_key
from bruecke.org.models import District, Office

# The honeypot's field name: a word that bots like to fill in.
HONEYPOT = "homepage"

# The answers as a parent would say them (the model's labels are for staff lists).
TIME_CHOICES: list[tuple[str, Promise]] = [
    (Request.PreferredTime.ANY, _("Egal, wann es passt")),
    (Request.PreferredTime.MORNING, _("Vormittags")),
    (Request.PreferredTime.AFTERNOON, _("Nachmittags")),
]


class LanguageSelect(forms.Select):
    """A select whose options name each language in itself, marked with its ``lang``.

    So a screen reader reads "Türkçe" with Turkish pronunciation.
    """

    def create_option(
        self,
        name: str,
        value: Any,
        label: int | str,
        selected: bool,
        index: int,
        subindex: int | None = None,
        attrs: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value:
            option["attrs"]["lang"] = str(value)
        return option


class ContactForm(KernForm):
    vorname = forms.CharField(
        label=_("Ihr Vorname"),
        help_text=_("Ein Vorname reicht. Sie können auch einen anderen Namen angeben."),
        max_length=100,
        error_messages={
            "required": _("Bitte geben Sie einen Vornamen an, mit dem wir Sie ansprechen können."),
            "max_length": _("Bitte schreiben Sie höchstens %(limit_value)d Zeichen."),
        },
    )
    telefon = forms.CharField(
        label=_("Telefonnummer"),
        required=False,
        max_length=50,
        widget=forms.TextInput(attrs={"type": "tel", "inputmode": "tel", "dir": "ltr"}),
        error_messages={"max_length": _("Bitte schreiben Sie höchstens %(limit_value)d Zeichen.")},
    )
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"dir": "ltr"}),
        error_messages={
            "invalid": _("Bitte prüfen Sie die E-Mail-Adresse. Sie sieht so aus: name@beispiel.de"),
            "max_length": _("Bitte schreiben Sie höchstens %(limit_value)d Zeichen."),
        },
    )
    sprache = forms.ChoiceField(
        label=_("In welcher Sprache möchten Sie sprechen?"),
        help_text=_("Wir versuchen, in Ihrer Sprache mit Ihnen zu sprechen."),
        choices=settings.LANGUAGES,
        widget=LanguageSelect,
        error_messages={"invalid_choice": _("Bitte wählen Sie eine Sprache aus der Liste.")},
    )
    zeit = forms.ChoiceField(
        label=_("Wann erreichen wir Sie am besten?"),
        choices=TIME_CHOICES,
        initial=Request.PreferredTime.ANY,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie eine Zeit."),
            "invalid_choice": _("Bitte wählen Sie eine Zeit."),
        },
    )
    jugendamt = forms.ModelChoiceField(
        label=_("Ihre Stadt"),
        help_text=_("In welcher Stadt wohnen Sie?"),
        queryset=Office.objects.none(),
        required=False,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"invalid_choice": _("Bitte wählen Sie eine Stadt aus der Liste.")},
    )
    bezirk = forms.TypedChoiceField(
        label=_("Stadtbezirk"),
        help_text=_(
            "In welchem Stadtbezirk wohnen Sie? Wenn Sie es nicht wissen, ist das kein Problem."
        ),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("Bitte wählen Sie einen Stadtbezirk aus der Liste.")},
    )
    anliegen = TopicsField(
        top_level_only=True,
        label=_("Worum geht es?"),
        help_text=_("Sie können mehreres ankreuzen, oder nichts."),
        required=False,
        error_messages={"invalid_choice": _("Bitte wählen Sie nur Themen aus der Liste.")},
    )
    nachricht = forms.CharField(
        label=_("Ihre Nachricht"),
        help_text=_(
            "Schreiben Sie kurz, wobei wir helfen können. Zum Beispiel: wie alt Ihre Kinder sind."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Bitte schreiben Sie höchstens %(limit_value)d Zeichen.")},
    )
    # Honeypot: hidden from people and assistive technology; only bots fill it in.
    homepage = forms.CharField(
        label=_("Bitte lassen Sie dieses Feld leer."),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(
        self,
        *args: Any,
        offices: Sequence[Office],
        office: Office | None = None,
        shared_device: bool = False,
        **kwargs: Any,
    ) -> None:
        """``offices``: the public offices; ``office``: fixed by the offer the family came from.

        With one office or a fixed one, nobody is asked for the city. On a shared
        device (the tablet) the browser must not offer the previous family's input.
        """
        super().__init__(*args, **kwargs)
        self.office = office or (offices[0] if len(offices) == 1 else None)
        self.ask_city = self.office is None
        shown = [self.office] if self.office is not None else list(offices)
        if self.ask_city:
            self.fields["jugendamt"].queryset = Office.objects.filter(  # type: ignore[attr-defined]
                pk__in=[o.pk for o in shown]
            ).order_by("city")
            self.fields["jugendamt"].label_from_instance = lambda o: o.city  # type: ignore[attr-defined]
        else:
            del self.fields["jugendamt"]
        self.districts: dict[int, District] = {
            d.pk: d
            for d in District.objects.filter(office__in=[o.pk for o in shown])
            .select_related("office")
            .order_by("office__city", "name")
        }
        self.fields["bezirk"].choices = self._district_choices(shown)  # type: ignore[attr-defined]
        autocomplete = {
            "vorname": "given-name",
            "telefon": "tel",
            "email": "email",
            "nachricht": "off",
        }
        for name, value in autocomplete.items():
            self.fields[name].widget.attrs["autocomplete"] = "off" if shared_device else value

    def _district_choices(self, shown: Sequence[Office]) -> list[tuple[Any, Any]]:
        choices: list[tuple[Any, Any]] = [("", _("Weiß ich nicht"))]
        if len(shown) == 1:
            return choices + [(str(pk), d.name) for pk, d in self.districts.items()]
        cities = {o.pk: o.city for o in shown}
        groups: dict[str, list[tuple[str, str]]] = {}
        for pk, district in self.districts.items():
            groups.setdefault(cities[district.office_id], []).append((str(pk), district.name))
        return choices + list(groups.items())

    def visible_fields(self) -> list[forms.BoundField]:
        return [field for field in super().visible_fields() if field.name != HONEYPOT]

    @property
    def is_bot(self) -> bool:
        """True when the honeypot holds anything (check after ``is_valid``)."""
        return bool(str(self.data.get(HONEYPOT, "")).strip())

    def clean_vorname(self) -> str:
        value = str(self.cleaned_data["vorname"]).strip()
        if not value:
            raise forms.ValidationError(self.fields["vorname"].error_messages["required"])
        return value

    def clean_telefon(self) -> str:
        value = str(self.cleaned_data["telefon"]).strip()
        if value and not phone_key(value):
            raise forms.ValidationError(
                _("Bitte prüfen Sie die Telefonnummer. Sie sieht zum Beispiel so aus: 0231 1234567")
            )
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        typed_phone = str(self.data.get("telefon", "")).strip()
        typed_email = str(self.data.get("email", "")).strip()
        if not typed_phone and not typed_email:
            self.add_error(
                "telefon",
                _(
                    "Bitte geben Sie eine Telefonnummer oder eine E-Mail-Adresse an. "
                    "Sonst können wir Sie nicht erreichen."
                ),
            )
        district = self.districts.get(data["bezirk"]) if data.get("bezirk") else None
        office = self.office or data.get("jugendamt")
        if office is None and district is not None:
            # A district names its city: no need to ask twice.
            office = district.office
        if office is None:
            if "jugendamt" not in self.errors:
                self.add_error("jugendamt", _("Bitte wählen Sie die Stadt, in der Sie wohnen."))
        elif district is not None and district.office_id != office.pk:
            self.add_error(
                "bezirk",
                _(
                    "Dieser Stadtbezirk liegt nicht in %(city)s. Bitte wählen Sie einen "
                    "Stadtbezirk in %(city)s oder „Weiß ich nicht“."
                )
                % {"city": office.city},
            )
        data["office"] = office
        data["district"] = district
        return data
