"""The form for work without a family (no personal data)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bruecke.cases.choices import WorkKind
from bruecke.cases.forms import DistrictChoiceMixin
from bruecke.lib.forms import DateInput, KernForm, TopicsField
from bruecke.org.models import District, PartnerOrganisation

# Kinds that count people, and kinds that happen in one named institution.
KINDS_WITH_PARTICIPANTS = frozenset({WorkKind.ELTERNABEND, WorkKind.INFOVERANSTALTUNG})
KINDS_WITH_INSTITUTION = frozenset({WorkKind.FALLBERATUNG_KITA, WorkKind.SPRECHSTUNDE_KITA})


def _today() -> dt.date:
    return timezone.localdate()


class FamilyFreeWorkForm(DistrictChoiceMixin, KernForm):
    kind = forms.ChoiceField(
        label=_("Art der Arbeit"),
        choices=[("", _("Bitte wählen")), *WorkKind.choices],
    )
    date = forms.DateField(label=_("Datum"), widget=DateInput(), initial=_today)
    duration_minutes = forms.IntegerField(
        label=_("Dauer in Minuten"), min_value=1, max_value=600, initial=60
    )
    institution = forms.ModelChoiceField(
        label=_("Einrichtung"),
        queryset=PartnerOrganisation.objects.none(),
        required=False,
        empty_label=_("Keine Angabe"),
        help_text=_("Nötig bei Fallberatung und Sprechstunde in einer Kita."),
    )
    district = forms.ModelChoiceField(
        label=_("Stadtbezirk"),
        queryset=District.objects.none(),
        required=False,
        empty_label=_("Keine Angabe"),
    )
    place = forms.CharField(
        label=_("Ort"),
        required=False,
        max_length=120,
        help_text=_(
            "Zum Beispiel „Familienzentrum“ oder „Bezirksverwaltungsstelle“. "
            "Keine Namen von Familien oder Kindern eintragen."
        ),
    )
    participants = forms.IntegerField(
        label=_("Zahl der Teilnehmenden"),
        required=False,
        min_value=1,
        max_value=999,
        help_text=_("Nötig bei Elternabenden und Informationsveranstaltungen."),
    )
    topics = TopicsField(required=False, top_level_only=True)

    def __init__(self, *args: Any, office_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only this office's districts and institutions can be chosen; anything
        # else is refused as an invalid choice.
        self.limit_districts(office_id)
        institution = self.fields["institution"]
        assert isinstance(institution, forms.ModelChoiceField)
        institution.queryset = PartnerOrganisation.objects.filter(office_id=office_id).order_by(
            "name"
        )

    def clean_date(self) -> dt.date:
        date: dt.date = self.cleaned_data["date"]
        if date > _today():
            raise forms.ValidationError(
                _(
                    "Das Datum liegt in der Zukunft. Bitte tragen Sie die Arbeit erst ein, "
                    "wenn sie stattgefunden hat."
                )
            )
        return date

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        # Only when the field itself is fine: one message per field is enough.
        if (
            kind in KINDS_WITH_PARTICIPANTS
            and not data.get("participants")
            and "participants" not in self.errors
        ):
            self.add_error("participants", _("Bitte geben Sie die Zahl der Teilnehmenden an."))
        if (
            kind in KINDS_WITH_INSTITUTION
            and not data.get("institution")
            and "institution" not in self.errors
        ):
            self.add_error(
                "institution", _("Bitte wählen Sie die Einrichtung aus, in der Sie waren.")
            )
        return data
