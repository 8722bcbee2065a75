"""The filter of the district planning page."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bruecke.lib.forms import KernForm
from bruecke.org.models import District
from bruecke.reports.planning import period_choices


class PlanningFilterForm(KernForm):
    ALL = "alle"

    zeitraum = forms.ChoiceField(label=_("Zeitraum"))
    bezirk = forms.ChoiceField(
        label=_("Stadtbezirk"), help_text=_("Einen Stadtbezirk wählen, um ihn genauer zu sehen.")
    )

    def __init__(self, *args: Any, districts: list[District], today: dt.date, **kwargs: Any):
        super().__init__(*args, **kwargs)
        period_field = self.fields["zeitraum"]
        district_field = self.fields["bezirk"]
        assert isinstance(period_field, forms.ChoiceField)
        assert isinstance(district_field, forms.ChoiceField)
        period_field.choices = [(p.key, p.label) for p in period_choices(today)]
        district_field.choices = [(self.ALL, _("Alle Stadtbezirke"))] + [
            (d.slug, d.name) for d in districts
        ]


class CountField(forms.IntegerField):
    """A whole number as people write it: "2500", "2.500" or "2 500"."""

    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
    GROUPED = re.compile(r"^\d{1,3}([. \u00a0]\d{3})+$")

    def to_python(self, value: Any) -> int | None:
        if isinstance(value, str) and self.GROUPED.match(value.strip()):
            value = re.sub(r"[. \u00a0]", "", value.strip())
        return super().to_python(value)


class ChildrenForm(KernForm):
    """The number of children under six, one field per district of the office."""

    def __init__(self, *args: Any, districts: list[District], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.districts = districts
        for district in districts:
            self.fields[self.field_name(district)] = CountField(
                label=district.name,
                required=False,
                min_value=0,
                max_value=1_000_000,
                initial=district.children_under_6,
                error_messages={
                    "invalid": _("Bitte geben Sie eine ganze Zahl ein, zum Beispiel 2500."),
                    "min_value": _("Bitte geben Sie eine Zahl ab 0 ein."),
                    "max_value": _("Diese Zahl ist zu groß für einen Stadtbezirk."),
                },
            )

    @staticmethod
    def field_name(district: District) -> str:
        return f"bezirk_{district.pk}"

    def numbers(self) -> dict[int, int | None]:
        return {d.pk: self.cleaned_data[self.field_name(d)] for d in self.districts}
