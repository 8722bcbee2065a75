from __future__ import annotations

import datetime as dt

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from bruecke.lib.school import age_in_years
from bruecke.lib.topics import TOPIC_LABELS

register = template.Library()


@register.filter
def topic_labels(codes: list[str] | None) -> str:
    return ", ".join(str(TOPIC_LABELS.get(code, code)) for code in codes or [])


@register.filter
def age_on(birth_date: dt.date | None, today: dt.date) -> int | str:
    return age_in_years(birth_date, today) if birth_date else ""


@register.filter
def dir_auto(value: object) -> SafeString:
    """``value`` in a ``<span dir="auto">``: for typed text inside a translated
    sentence, where the template cannot wrap it without changing the msgid (an
    Arabic offer name in "{service}, eingegangen am {date}")."""
    return format_html('<span dir="auto">{}</span>', value)
