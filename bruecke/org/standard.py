"""The two offices Brücke ships with: Dortmund and Bochum.

Institutional contact data only. Kita-Sozialarbeit in Dortmund started as a
model in eight of the twelve districts; Bochum runs it city-wide.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TeamSpec:
    name: str
    districts: tuple[str, ...]


@dataclass(frozen=True)
class OfficeSpec:
    name: str
    slug: str
    code: str
    city: str
    street: str
    postal_code: str
    phone: str
    email: str
    website: str
    # (district name, Kita-Sozialarbeit active)
    districts: tuple[tuple[str, bool], ...]
    teams: tuple[TeamSpec, ...] = field(default_factory=tuple)


DORTMUND = OfficeSpec(
    name="Jugendamt Dortmund",
    slug="dortmund",
    code="DO",
    city="Dortmund",
    street="Jägerstraße 5",
    postal_code="44145",
    phone="0231 50-11580",
    email="kita-sozialarbeit@stadtdo.de",
    website="https://www.dortmund.de",
    districts=(
        ("Innenstadt-West", True),
        ("Innenstadt-Nord", True),
        ("Innenstadt-Ost", True),
        ("Eving", True),
        ("Scharnhorst", True),
        ("Brackel", True),
        ("Aplerbeck", False),
        ("Hörde", True),
        ("Hombruch", False),
        ("Lütgendortmund", True),
        ("Huckarde", False),
        ("Mengede", False),
    ),
    teams=(
        TeamSpec("Team Nord", ("Innenstadt-Nord", "Eving", "Scharnhorst")),
        TeamSpec("Team Ost", ("Innenstadt-Ost", "Brackel", "Hörde")),
        TeamSpec("Team West", ("Innenstadt-West", "Lütgendortmund")),
    ),
)

BOCHUM = OfficeSpec(
    name="Jugendamt Bochum",
    slug="bochum",
    code="BO",
    city="Bochum",
    street="Willy-Brandt-Platz 2–6",
    postal_code="44777",
    phone="0234 910-0",
    email="jugendamt@bochum.de",
    website="https://www.bochum.de",
    districts=(
        ("Mitte", True),
        ("Wattenscheid", True),
        ("Nord", True),
        ("Ost", True),
        ("Süd", True),
        ("Südwest", True),
    ),
    teams=(
        TeamSpec("Team Mitte-West", ("Mitte", "Wattenscheid", "Südwest")),
        TeamSpec("Team Nord-Ost-Süd", ("Nord", "Ost", "Süd")),
    ),
)

STANDARD_OFFICES = (DORTMUND, BOCHUM)
