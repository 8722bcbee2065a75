"""The filter of the report: period, and optionally a district or a team."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from bruecke.lib.forms import KernForm
from bruecke.org.models import District, Team
from bruecke.reports.periods import (
    CUSTOM,
    MAX_MONTHS,
    QUARTER,
    YEAR,
    Period,
    last_complete_quarter,
    months_between,
)

FIRST_YEAR = 2015


class MonthInput(forms.TextInput):
    """The browser's month picker (value 2026-03); a text field where there is none."""

    input_type = "month"


class ReportFilterForm(KernForm):
    period = forms.ChoiceField(
        label=_("Zeitraum"),
        choices=[
            (QUARTER, _("ein Quartal")),
            (YEAR, _("ein ganzes Jahr")),
            (CUSTOM, _("Monate von … bis …")),
        ],
        widget=forms.RadioSelect,
    )
    year = forms.TypedChoiceField(label=_("Jahr"), coerce=int)
    quarter = forms.TypedChoiceField(
        label=_("Quartal"),
        coerce=int,
        choices=[(n, _("%(n)s. Quartal") % {"n": n}) for n in range(1, 5)],
    )
    start = forms.CharField(
        label=_("Von (Monat)"),
        required=False,
        widget=MonthInput(attrs={"placeholder": "2026-01"}),
        help_text=_("Nur für „Monate von … bis …“, zum Beispiel 2026-01"),
    )
    end = forms.CharField(
        label=_("Bis (Monat)"),
        required=False,
        widget=MonthInput(attrs={"placeholder": "2026-06"}),
    )
    district = forms.ChoiceField(label=_("Stadtbezirk"), required=False)
    team = forms.ChoiceField(label=_("Team"), required=False)

    def __init__(
        self,
        data: Any,
        *,
        districts: tuple[District, ...],
        teams: tuple[Team, ...],
        today: dt.date,
        **kwargs: Any,
    ) -> None:
        default = last_complete_quarter(today)
        merged = {
            "period": QUARTER,
            "year": str(default.start.year),
            "quarter": str(default.quarter_number),
        }
        # Missing fields take the defaults; what was typed is kept as typed.
        merged.update({key: value for key, value in data.items() if value != ""})
        super().__init__(merged, **kwargs)
        self.today = today
        years = range(today.year, FIRST_YEAR - 1, -1)
        self.fields["year"].choices = [(y, str(y)) for y in years]  # type: ignore[attr-defined]
        self.fields["district"].choices = [("", _("Alle Stadtbezirke"))] + [  # type: ignore[attr-defined]
            (d.slug, d.name) for d in districts
        ]
        self.fields["team"].choices = [("", _("Alle Teams"))] + [  # type: ignore[attr-defined]
            (str(t.pk), t.name) for t in teams
        ]

    def _month(self, name: str) -> dt.date | None:
        value = (self.cleaned_data.get(name) or "").strip()
        if not value:
            return None
        try:
            month = dt.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            self.add_error(name, _("Bitte geben Sie den Monat so ein: 2026-03 (Jahr-Monat)."))
            return None
        if not FIRST_YEAR <= month.year <= self.today.year:
            self.add_error(
                name,
                _("Bitte wählen Sie einen Monat zwischen %(first)s und heute.")
                % {"first": FIRST_YEAR},
            )
            return None
        return month

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("period") == CUSTOM:
            start, end = self._month("start"), self._month("end")
            if "start" not in self.errors and start is None:
                self.add_error("start", _("Bitte geben Sie den ersten Monat ein."))
            if "end" not in self.errors and end is None:
                self.add_error("end", _("Bitte geben Sie den letzten Monat ein."))
            if start and end:
                if end < start:
                    raise ValidationError(_("Der letzte Monat liegt vor dem ersten."))
                if months_between(start, end) > MAX_MONTHS:
                    raise ValidationError(
                        _("Ein Zeitraum kann höchstens %(n)s Monate lang sein.") % {"n": MAX_MONTHS}
                    )
                data["the_period"] = Period.months(start, end)
        elif data.get("period") == YEAR and "year" in data:
            data["the_period"] = Period.year(data["year"])
        elif "year" in data and "quarter" in data:
            data["the_period"] = Period.quarter(data["year"], data["quarter"])
        return data

    @property
    def the_period(self) -> Period:
        period: Period = self.cleaned_data["the_period"]
        return period

    @property
    def district_slug(self) -> str | None:
        return self.cleaned_data.get("district") or None

    @property
    def team_pk(self) -> int | None:
        value = self.cleaned_data.get("team")
        return int(value) if value else None
