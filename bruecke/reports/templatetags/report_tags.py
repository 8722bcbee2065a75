"""Template helpers of the report pages."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from bruecke.reports.report import Value
from bruecke.reports.suppression import PRIMARY, SECONDARY

register = template.Library()


@register.simple_tag
def shown(value: Value) -> SafeString:
    """A number as shown, with what "<5", "•" and "–" mean for screen readers."""
    if value.mark == PRIMARY:
        meaning = _("weniger als 5")
    elif value.mark == SECONDARY:
        meaning = _("nicht angezeigt")
    elif value.value is None:
        meaning = _("nicht berechnet")
    else:
        return format_html("{}", value.text)
    return format_html(
        '<span aria-hidden="true">{}</span><span class="kern-sr-only">{}</span>',
        value.text,
        meaning,
    )


@register.simple_tag(takes_context=True)
def chart_src(context: template.Context, slug: str) -> str:
    """The chart's address: inline (PDF) if the page has the charts, else its URL."""
    charts = context.get("charts")
    if charts:
        return str(charts.get(slug, ""))
    return f"{reverse('reports:chart', args=[slug])}?{context.get('query', '')}"
