"""Django's form renderer, with the plain widgets written out in Python.

Every form field of a page went through three to twenty small templates
(``input.html``, ``attrs.html``, one ``select_option.html`` per option): on the
directory search, with its three selects, that was more than half of the
page's rendering. For the widgets below, :class:`WidgetRenderer` builds the
same HTML as Django's own templates, character for character, with the same
escaping; every other template (and a widget with a template of its own) goes
through Django's template engine as before. ``bruecke/lib/tests/test_form_renderer.py``
holds both to the same output, and fails if an app ever overrides one of
these templates (it would then have to leave ``PYTHON_WIDGETS``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]  # not in the stubs

_WIDGETS = "django/forms/widgets/"
SELECT_OPTION = _WIDGETS + "select_option.html"


class _Unsupported(Exception):
    """A value the template engine would treat in its own way (a callable)."""


def _value(value: Any) -> str:
    """``{{ value }}``: localised and escaped, as the template engine shows a variable."""
    if callable(value):
        raise _Unsupported
    return conditional_escape(localize(template_localtime(value)))


def _formatted(value: Any) -> str:
    """``{{ value|stringformat:'s' }}``: the filter keeps the safety of what it formats."""
    if callable(value):
        raise _Unsupported
    try:  # what the filter does, tuples included
        text = "%s" % (str(value) if isinstance(value, tuple) else value)
    except (ValueError, TypeError):
        text = ""
    if isinstance(value, SafeData):
        text = mark_safe(text)  # noqa: S308 - safe text stays safe, as in the filter
    return conditional_escape(text)


def _attrs(attrs: Mapping[str, Any]) -> str:
    """``attrs.html``: ``True`` gives the bare name, ``False`` leaves the attribute out."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {_value(name)}")
        else:
            parts.append(f' {_value(name)}="{_formatted(value)}"')
    return "".join(parts)


def _input(widget: Mapping[str, Any]) -> str:
    """``input.html`` (and text, number, date, checkbox, hidden ... which include it)."""
    value = widget["value"]
    shown = f' value="{_formatted(value)}"' if value is not None else ""
    return (
        f'<input type="{_value(widget["type"])}" name="{_value(widget["name"])}"'
        f"{shown}{_attrs(widget['attrs'])}>"
    )


def _option(option: Mapping[str, Any]) -> str:
    if option["template_name"] != SELECT_OPTION:
        raise _Unsupported
    return (
        f'<option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>'
        f"{_value(option['label'])}</option>\n"  # the template file ends with a newline
    )


def _select(widget: Mapping[str, Any]) -> str:
    parts = [f'<select name="{_value(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_value(group_name)}">')
        parts.extend(f"\n  {_option(option)}" for option in options)
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _textarea(widget: Mapping[str, Any]) -> str:
    value = widget["value"]
    return (
        f'<textarea name="{_value(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{_value(value) if value else ''}</textarea>"
    )


INPUT_TEMPLATES = (
    "input",
    "text",
    "number",
    "email",
    "url",
    "password",
    "hidden",
    "date",
    "datetime",
    "time",
    "checkbox",
    "search",
    "tel",
    "color",
)
PYTHON_WIDGETS: dict[str, Callable[[Mapping[str, Any]], str]] = {
    **{f"{_WIDGETS}{name}.html": _input for name in INPUT_TEMPLATES},
    _WIDGETS + "select.html": _select,
    _WIDGETS + "textarea.html": _textarea,
}


class WidgetRenderer(DjangoTemplates):
    """Renders the widgets of ``PYTHON_WIDGETS`` in Python, everything else with templates."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        build = PYTHON_WIDGETS.get(template_name)
        if build is not None and set(context) == {"widget"}:
            try:
                return build(context["widget"])
            except _Unsupported:
                pass
        return super().render(template_name, context, request=request)
