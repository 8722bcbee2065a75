"""Forms of the public information pages: reporting a barrier."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from bruecke.lib.forms import KernForm
from bruecke.org.selectors import offices_public

# The honeypot's field name: a word that bots like to fill in.
HONEYPOT = "homepage"


class BarrierReportForm(KernForm):
    seite = forms.CharField(
        label=_("Seite mit der Barriere"),
        help_text=_("Die Adresse der Seite oder ihr Name."),
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    beschreibung = forms.CharField(
        label=_("Beschreibung"),
        help_text=_(
            "Was wollten Sie tun, und was hat nicht geklappt? "
            "Bitte schreiben Sie keine Angaben über Ihre Familie oder Ihre Gesundheit."
        ),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Bitte beschreiben Sie kurz, was nicht funktioniert hat."),
            "max_length": _("Bitte schreiben Sie höchstens %(limit_value)d Zeichen."),
        },
    )
    email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        help_text=_(
            "Nur wenn Sie eine Antwort möchten. Ohne E-Mail-Adresse bleibt Ihre Meldung anonym."
        ),
        required=False,
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
        error_messages={
            "invalid": _("Bitte prüfen Sie die E-Mail-Adresse. Sie sieht so aus: name@beispiel.de"),
        },
    )
    jugendamt = forms.ModelChoiceField(
        label=_("Jugendamt"),
        queryset=offices_public(),
        required=False,
        help_text=_(
            "Welches Jugendamt betrifft es? Wenn Sie es nicht wissen, wählen Sie nichts aus."
        ),
        empty_label=_("Weiß ich nicht"),
        error_messages={"invalid_choice": _("Bitte wählen Sie ein Jugendamt aus der Liste.")},
    )
    # Honeypot: hidden from people and assistive technology; only bots fill it in.
    homepage = forms.CharField(
        label=_("Bitte lassen Sie dieses Feld leer."),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def visible_fields(self) -> list[forms.BoundField]:
        return [field for field in super().visible_fields() if field.name != HONEYPOT]

    @property
    def is_bot(self) -> bool:
        """True when the honeypot holds anything (check after ``is_valid``)."""
        return bool(self.data.get(HONEYPOT, "").strip())
