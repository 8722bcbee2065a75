"""The six Handlungsfelder (fields of action) with example subtopics.

This is the two-level topic taxonomy of Kita-Sozialarbeit. Slugs are stable
identifiers used in data and URLs; titles and texts are translatable.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Topic:
    slug: str
    title: Promise
    text: Promise  # one plain sentence for parents
    subtopics: tuple[tuple[str, Promise], ...]


HANDLUNGSFELDER: tuple[Topic, ...] = (
    Topic(
        "kinderbetreuung",
        _("Kinderbetreuung"),
        _("Welche Betreuung passt zu Ihrem Kind, und wie bekommen Sie einen Kita-Platz?"),
        (
            ("betreuungsformen", _("Formen der Kinderbetreuung")),
            ("kita-anmeldung", _("Anmeldung für einen Kita-Platz")),
        ),
    ),
    Topic(
        "soziale-kontakte",
        _("Soziale Kontakte"),
        _("Andere Eltern kennenlernen, Eltern-Kind-Gruppen, nicht allein sein."),
        (
            ("eltern-kind-gruppen", _("Eltern-Kind-Gruppen")),
            ("isolation", _("Einsamkeit und Isolation")),
        ),
    ),
    Topic(
        "inklusion",
        _("Inklusion"),
        _("Sprachförderung, Kinder mit besonderem Förderbedarf, neu in Deutschland."),
        (
            ("sprachfoerderung", _("Sprachförderung")),
            ("foerderbedarf", _("Kinder mit erhöhtem Förderbedarf")),
            ("neu-in-deutschland", _("Familien, die neu in Deutschland sind")),
        ),
    ),
    Topic(
        "gesundheit",
        _("Gesundheit"),
        _("Gesundheit, Ernährung und Bewegung, Kinderarzt, seelische Krisen."),
        (
            ("gesundheitsinformation", _("Informationen zur Gesundheit")),
            ("ernaehrung-bewegung", _("Ernährung und Bewegung")),
            ("kinderarzt", _("Besuch beim Kinderarzt")),
            ("psychische-krise", _("Psychische Krise")),
        ),
    ),
    Topic(
        "wirtschaftliche-lage",
        _("Wirtschaftliche Lage und Umgang mit Ämtern"),
        _("Geld, Anträge, Jobcenter, Mietschulden oder drohender Wohnungsverlust."),
        (
            ("finanzielle-hilfen", _("Finanzielle Hilfen")),
            ("antraege", _("Hilfe bei Anträgen")),
            ("jobcenter", _("Jobcenter")),
            ("mietschulden", _("Mietschulden")),
            ("wohnungsverlust", _("Drohender Wohnungsverlust")),
        ),
    ),
    Topic(
        "kindliche-entwicklung",
        _("Kindliche Entwicklung"),
        _("Fragen zur Entwicklung und Erziehung Ihres Kindes, frühe Förderung."),
        (
            ("entwicklung", _("Entwicklung")),
            ("erziehungsfragen", _("Erziehungsfragen")),
            ("fruehfoerderung", _("Frühe Förderung")),
        ),
    ),
)
