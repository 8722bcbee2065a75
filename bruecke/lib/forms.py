"""Forms rendered with KERN UX classes and accessible error wiring."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bruecke.lib.topics import top_level_topic_choices, topic_choices


class KernBoundField(forms.BoundField):
    """Adds KERN classes and links hint and error text to the input for screen readers."""

    def build_widget_attrs(
        self, attrs: dict[str, Any], widget: forms.Widget | None = None
    ) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        error = bool(self.form.is_bound and self.errors)
        if isinstance(widget, forms.CheckboxInput):
            css = "kern-form-check__checkbox" + (
                " kern-form-check__checkbox--error" if error else ""
            )
        elif isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            css = ""
        elif isinstance(widget, forms.Select):
            css = "kern-form-input__select" + (" kern-form-input__select--error" if error else "")
        else:
            css = "kern-form-input__input" + (" kern-form-input__input--error" if error else "")
        if css:
            attrs["class"] = f"{attrs.get('class', '')} {css}".strip()
        described = [f"{self.auto_id}-hint"] if self.help_text else []
        if error:
            described.append(f"{self.auto_id}-error")
            attrs["aria-invalid"] = "true"
        if described:
            attrs["aria-describedby"] = " ".join(described)
        return attrs

    @property
    def widget_kind(self) -> str:
        """For the field template: checkbox, choices (radio/multi), select or input."""
        widget = self.field.widget
        if getattr(self.field, "grouped", False):
            return "groups"
        if isinstance(widget, forms.CheckboxInput):
            return "checkbox"
        if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            return "choices"
        if isinstance(widget, forms.Select):
            return "select"
        return "input"

    @property
    def groups(self) -> list[dict[str, Any]]:
        """For grouped multiple choices: the first option of each group, and the rest.

        Used for the Handlungsfelder: the six fields stay visible, their
        subtopics fold away, so the form stays short on a phone.
        """
        selected = {str(v) for v in (self.value() or [])}
        groups = []
        for index, (label, options) in enumerate(self.field.choices):  # type: ignore[attr-defined]
            items = [
                {
                    "value": value,
                    "label": text,
                    "checked": str(value) in selected,
                    "id": f"{self.auto_id}_{index}_{n}",
                }
                for n, (value, text) in enumerate(options)
            ]
            groups.append(
                {
                    "label": label,
                    "main": items[0],
                    "more": items[1:],
                    "open": any(item["checked"] for item in items[1:]),
                }
            )
        return groups


class KernFormMixin:
    bound_field_class: type[forms.BoundField] | None = KernBoundField


class KernForm(KernFormMixin, forms.Form):
    pass


class KernModelForm(KernFormMixin, forms.ModelForm):
    pass


class DateInput(forms.DateInput):
    """The browser's date picker (ISO value, shown in the user's locale)."""

    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    """The browser's time picker (HH:MM)."""

    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class TopicsField(forms.MultipleChoiceField):
    """Handlungsfelder as checkboxes: grouped with subtopics, or the six fields only."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, top_level_only: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("label", _("Handlungsfelder"))
        choices = top_level_topic_choices if top_level_only else topic_choices
        super().__init__(choices=choices, **kwargs)
        # Grouped (Handlungsfeld + subtopics) unless only the six fields are offered.
        self.grouped = not top_level_only
