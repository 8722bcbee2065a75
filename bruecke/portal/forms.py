from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from bruecke.lib.forms import KernForm
from bruecke.lib.handlungsfelder import HANDLUNGSFELDER
from bruecke.org.models import District


def _topic_choices() -> list[tuple[str, Any]]:
    choices: list[tuple[str, Any]] = [("", _("Alle Themen"))]
    for topic in HANDLUNGSFELDER:
        choices.append(
            (
                str(topic.title),
                [(topic.slug, topic.title)]
                + [(f"{topic.slug}/{slug}", title) for slug, title in topic.subtopics],
            )
        )
    return choices


def _district_choices() -> list[tuple[str, Any]]:
    choices: list[tuple[str, Any]] = [("", _("Alle Stadtbezirke"))]
    groups: dict[str, list[tuple[str, str]]] = {}
    for district in District.objects.select_related("office").order_by("office__city", "name"):
        groups.setdefault(district.office.city, []).append((str(district.pk), district.name))
    choices += [(city, options) for city, options in groups.items()]
    return choices


class OfferSearchForm(KernForm):
    q = forms.CharField(label=_("Suchbegriff"), required=False, max_length=100)
    thema = forms.ChoiceField(label=_("Thema"), required=False, choices=_topic_choices)
    bezirk = forms.TypedChoiceField(
        label=_("Stadtbezirk"), required=False, coerce=int, empty_value=None
    )
    alter = forms.IntegerField(
        label=_("Alter des Kindes (Jahre)"),
        required=False,
        min_value=0,
        max_value=17,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    sprache = forms.ChoiceField(
        label=_("Sprache im Angebot"),
        required=False,
        choices=[("", _("Alle Sprachen"))]
        + [(code, name) for code, name in settings.LANGUAGES]
        + [("ru", "Русский")],
    )
    jetzt_offen = forms.BooleanField(label=_("Jetzt geöffnet"), required=False)
    kostenlos = forms.BooleanField(label=_("Kostenlos"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bezirk"].choices = _district_choices()  # type: ignore[attr-defined]
