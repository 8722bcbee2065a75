"""Synthetic offices, teams, staff and partner accounts for demo and benchmarks."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.text import slugify

from bruecke.demo.context import SeedContext
from bruecke.org.actions import office_ensure, staff_user_create
from bruecke.org.models import Office, PartnerOrganisation, Role, Team
from bruecke.org.standard import STANDARD_OFFICES

# Shown in README and printed by `make run`. Demo installations only.
DEMO_PASSWORD = "Bruecke-Demo-2026"  # noqa: S105 - public by design, demo data only


@dataclass(frozen=True)
class DemoAccount:
    username: str
    office_slug: str
    role: Role
    first_name: str
    last_name: str
    team: str = ""
    partner: str = ""
    description: str = ""


DEMO_ACCOUNTS = (
    DemoAccount(
        "sozialarbeit.hoerde",
        "dortmund",
        Role.SOZIALARBEIT,
        "Lena",
        "Brandt",
        team="Team Ost",
        description="Kita-Sozialarbeit in Hörde",
    ),
    DemoAccount(
        "sozialarbeit.eving",
        "dortmund",
        Role.SOZIALARBEIT,
        "Murat",
        "Kaya",
        team="Team Nord",
        description="Kita-Sozialarbeit in Eving",
    ),
    DemoAccount(
        "teamleitung.do",
        "dortmund",
        Role.TEAMLEITUNG,
        "Sabine",
        "Vogt",
        team="Team Ost",
        description="Teamleitung Team Ost",
    ),
    DemoAccount(
        "koordination.do",
        "dortmund",
        Role.KOORDINATION,
        "Jonas",
        "Petersen",
        description="Koordinierungsstelle",
    ),
    DemoAccount(
        "datenschutz.do",
        "dortmund",
        Role.DATENSCHUTZ,
        "Miriam",
        "Schäfer",
        description="Datenschutz",
    ),
    DemoAccount(
        "admin.do", "dortmund", Role.ADMINISTRATION, "Tobias", "Lange", description="Administration"
    ),
    DemoAccount(
        "kita.hoerde",
        "dortmund",
        Role.PARTNER,
        "Anke",
        "Hoffmann",
        partner="Städtische Kita Am Remberg",
        description="Partner-Kita in Hörde",
    ),
    DemoAccount(
        "eb.nord",
        "dortmund",
        Role.PARTNER,
        "Katrin",
        "Albers",
        partner="Erziehungsberatungsstelle Dortmund-Nord",
        description="Partner: Erziehungsberatungsstelle",
    ),
    DemoAccount(
        "sozialarbeit.bochum",
        "bochum",
        Role.SOZIALARBEIT,
        "Elif",
        "Demir",
        team="Team Mitte-West",
        description="Kita-Sozialarbeit in Bochum-Mitte",
    ),
    DemoAccount(
        "teamleitung.bo",
        "bochum",
        Role.TEAMLEITUNG,
        "Frank",
        "Becker",
        team="Team Mitte-West",
        description="Teamleitung Team Mitte-West",
    ),
)

# Partner institutions with accounts, by office: (name, kind, district).
DEMO_PARTNERS = {
    "dortmund": (
        ("Städtische Kita Am Remberg", PartnerOrganisation.Kind.KITA, "Hörde"),
        ("Familienbüro Hörde", PartnerOrganisation.Kind.FAMILIENBUERO, "Hörde"),
        ("Familienbüro Eving", PartnerOrganisation.Kind.FAMILIENBUERO, "Eving"),
        ("Babylotsen am Klinikum Dortmund", PartnerOrganisation.Kind.BABYLOTSEN, "Innenstadt-Ost"),
        (
            "Erziehungsberatungsstelle Dortmund-Nord",
            PartnerOrganisation.Kind.BERATUNGSSTELLE,
            "Innenstadt-Nord",
        ),
    ),
    "bochum": (
        ("Kita Regenbogen Bochum-Mitte", PartnerOrganisation.Kind.KITA, "Mitte"),
        (
            "Familienbüro Bochum-Wattenscheid",
            PartnerOrganisation.Kind.FAMILIENBUERO,
            "Wattenscheid",
        ),
    ),
}

# Children under six per district, for district planning (cases per 1,000 children).
# Synthetic round numbers of a plausible size, not official statistics; an office
# enters its own from the population register. Mengede is left empty on purpose,
# so the demo shows how planning looks while a number is missing.
DEMO_CHILDREN_UNDER_6 = {
    "dortmund": {
        "Innenstadt-West": 2_900,
        "Innenstadt-Nord": 4_600,
        "Innenstadt-Ost": 2_700,
        "Eving": 2_300,
        "Scharnhorst": 2_800,
        "Brackel": 2_900,
        "Aplerbeck": 2_700,
        "Hörde": 3_000,
        "Hombruch": 2_900,
        "Lütgendortmund": 2_500,
        "Huckarde": 1_900,
    },
    "bochum": {
        "Mitte": 4_900,
        "Wattenscheid": 3_400,
        "Nord": 1_800,
        "Ost": 2_500,
        "Süd": 2_300,
        "Südwest": 2_800,
    },
}


def seed(ctx: SeedContext) -> None:
    offices = {spec.slug: office_ensure(spec=spec) for spec in STANDARD_OFFICES}
    for slug, children in DEMO_CHILDREN_UNDER_6.items():
        for name, number in children.items():
            offices[slug].districts.filter(name=name).update(children_under_6=number)
    for slug, partners in DEMO_PARTNERS.items():
        office = offices[slug]
        for name, kind, district in partners:
            PartnerOrganisation.objects.get_or_create(
                office=office,
                name=name,
                defaults={"kind": kind, "district": office.districts.get(name=district)},
            )
    for account in DEMO_ACCOUNTS:
        office = offices[account.office_slug]
        staff_user_create(
            username=account.username,
            password=DEMO_PASSWORD,
            office=office,
            role=account.role,
            first_name=account.first_name,
            last_name=account.last_name,
            email=f"{account.username}@demo.invalid",
            team=Team.objects.get(office=office, name=account.team) if account.team else None,
            partner_organisation=(
                PartnerOrganisation.objects.get(office=office, name=account.partner)
                if account.partner
                else None
            ),
        )
    _seed_more_workers(ctx)
    ctx.say(f"org: {len(offices)} offices, {len(DEMO_ACCOUNTS)} demo accounts")


def _seed_more_workers(ctx: SeedContext) -> None:
    """Synthetic colleagues so every team has its scale's number of workers."""
    for team in Team.objects.select_related("office").order_by("pk"):
        have = team.members.filter(role=Role.SOZIALARBEIT).count()
        for n in range(have, ctx.scale.workers_per_team):
            staff_user_create(
                # Stable names (no database ids), so the same seed gives the same users.
                username=f"sa.{team.office.slug}.{slugify(team.name)}.{n}",
                # No password: synthetic colleagues exist for data, not for login.
                password=None,
                office=team.office,
                role=Role.SOZIALARBEIT,
                first_name=ctx.faker.first_name(),
                last_name=ctx.faker.last_name(),
                team=team,
            )


def offices_exist() -> bool:
    return Office.objects.exists()
