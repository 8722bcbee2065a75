"""The shapes of the directory's demo content: texts, templates, places and times.

Content modules hold plain data in these shapes; ``bruecke.directory.seed``
turns them into rows. Texts may contain ``{place}`` (the name shown for the
place, a district or an institution), ``{district}`` and ``{city}``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# Languages every demo offer is translated into; more are optional.
REQUIRED_LANGUAGES = ("en", "ar", "tr", "uk")


@dataclass(frozen=True)
class Text:
    """An offer's texts in one language."""

    name: str
    description: str
    eligibility: str = ""
    fees: str = ""
    application: str = ""


@dataclass(frozen=True)
class Template:
    """What an offer is, in every language; placements say where and when."""

    key: str
    kind: str
    topics: tuple[str, ...]
    ages: tuple[int | None, int | None]
    texts: Mapping[str, Text]
    free: bool = True
    # Kind of the organisation when a placement names none (it is then named like the offer).
    org_kind: str = "traeger"
    # Run by the city: city switchboard phone numbers.
    municipal: bool = False
    # Offered in many places, so city and state sizes may repeat it.
    repeatable: bool = False
    # Kinds of institutions where synthetic copies take place ("traeger" and
    # "beratungsstelle" mean synthetic providers of that kind).
    hosts: tuple[str, ...] = ()
    interpretation: str = ""


@dataclass(frozen=True)
class Slot:
    """A recurring opening time (HSDS schedule)."""

    byday: str
    opens: str
    closes: str
    freq: str = "WEEKLY"
    note: str = ""


def weekly(byday: str, opens: str, closes: str, note: str = "") -> Slot:
    return Slot(byday, opens, closes, "WEEKLY", note)


def monthly(byday: str, opens: str, closes: str, note: str = "") -> Slot:
    """``byday`` like "1MO" (first Monday) or "-1FR" (last Friday)."""
    return Slot(byday, opens, closes, "MONTHLY", note)


@dataclass(frozen=True)
class Org:
    """A named organisation of the demo, with its main address (blank: synthetic)."""

    name: str
    office: str
    kind: str
    district: str
    street: str = ""
    postal_code: str = ""
    municipal: bool = False
    description: str = ""
    website: str = ""
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Venue:
    """A further place where an offer takes place (an office hour in a Kita)."""

    org: str
    district: str
    slots: tuple[Slot, ...]
    note: str = ""


@dataclass(frozen=True)
class Placement:
    """One demo offer: a template at a place, with its times and contact data.

    ``org`` is a key of ``ORGANIZATIONS``, the name of an institution, or
    "@kita", "@familienzentrum", "@grundschule" for an institution of that kind
    in the district; blank means an organisation named like the offer.
    ``serves`` is "district", "office" (all districts), "kita-sozialarbeit"
    (the districts where it runs) or a tuple of district names.
    """

    template: str
    office: str
    district: str
    slots: tuple[Slot, ...]
    place: str = ""
    org: str = ""
    street: str = ""
    postal_code: str = ""
    location_name: str = ""
    languages: tuple[str, ...] = ("de",)
    serves: str | tuple[str, ...] = "district"
    status: str = "active"
    phone: str = ""
    email: str = ""
    url: str = ""
    note: str = ""
    also_at: tuple[Venue, ...] = field(default_factory=tuple)


def texts(**by_language: tuple[str, ...]) -> dict[str, Text]:
    """Texts per language from tuples (name, description, eligibility, fees, application)."""
    return {language: Text(*parts) for language, parts in by_language.items()}
