"""Demo directory: the offers of ``content`` as rows, plus synthetic Kitas.

For every office with content (Dortmund, Bochum) this creates the named
organisations, the Kita-Sozialarbeit and the early-help modules with their
translations, places, opening times, closed days and phone numbers, about
300 (Dortmund) and 200 (Bochum) synthetic Kitas, and links the org app's demo
partner institutions to directory organisations. Randomness comes from
``ctx.rng`` and ``ctx.faker`` only, so the same seed gives the same rows.

Note: at every scale (also ``city`` and ``state``) this currently seeds the
demo content only; the 3,000/30,000 synthetic offers of the larger scales
(``Scale.offers``, ``Template.repeatable``, ``places.PROVIDER_PATTERNS``,
``places.CLOSINGS``) are not generated yet.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from decimal import Decimal

from django.utils import timezone

from bruecke.demo.context import SeedContext
from bruecke.directory.content import kita_sozialarbeit, modules, places
from bruecke.directory.content.base import Org, Placement, Slot, Template, Text
from bruecke.directory.content.placements import ORGANIZATIONS, PLACEMENTS
from bruecke.directory.models import (
    Location,
    Organization,
    Phone,
    Schedule,
    ScheduleException,
    Service,
    ServiceAtLocation,
    ServiceTranslation,
)
from bruecke.directory.search import search_index_rebuild
from bruecke.lib.topics import clean_topics
from bruecke.org.models import District, Office, PartnerOrganisation

TEMPLATES: dict[str, Template] = {
    template.key: template for template in (*kita_sozialarbeit.TEMPLATES, *modules.TEMPLATES)
}

# Synthetic Kitas per office.
KITAS = {"dortmund": 300, "bochum": 200}
# Share of offers whose last check is more than 12 months ago.
STALE_SHARE = 0.1

PARTNER_KINDS: dict[str, str] = {
    PartnerOrganisation.Kind.KITA: Organization.Kind.KITA,
    PartnerOrganisation.Kind.FAMILIENBUERO: Organization.Kind.FAMILIENBUERO,
    PartnerOrganisation.Kind.BERATUNGSSTELLE: Organization.Kind.BERATUNGSSTELLE,
    PartnerOrganisation.Kind.BABYLOTSEN: Organization.Kind.KLINIK,
    PartnerOrganisation.Kind.SCHULE: Organization.Kind.GRUNDSCHULE,
}

KITA_PATTERNS = (
    ("Städtische Kita {street}", 30),
    ("Städtische Kita {motif}", 10),
    ("Ev. Kita der {church}-Gemeinde", 12),
    ("Kath. Kita {parish}", 15),
    ("AWO Kita {motif}", 12),
    ("DRK Kita {landmark}", 6),
    ("Kita {motif} e. V.", 8),
    ("Elterninitiative {motif} e. V.", 7),
)


class _Office:
    """Per-office state while seeding: districts and what was created so far."""

    def __init__(self, office: Office) -> None:
        self.office = office
        self.slug = office.slug
        self.city = places.CITY.get(office.slug, office.city)
        self.districts = {d.name: d for d in District.objects.filter(office=office)}
        self.orgs: dict[str, Organization] = {}
        self.kitas_by_district: dict[str, list[Organization]] = defaultdict(list)
        self.main_location: dict[str, Location] = {}


def seed(ctx: SeedContext) -> None:
    offices = list(Office.objects.filter(slug__in=list(places.CITY)).order_by("slug"))
    created = 0
    for office in offices:
        if Organization.objects.filter(office=office).exists():
            ctx.say(f"directory: {office.slug} already has entries, skipped")
            continue
        state = _Office(office)
        _seed_named_organizations(ctx, state)
        _seed_partner_links(ctx, state)
        _seed_kitas(ctx, state, KITAS.get(office.slug, 0))
        placements = [p for p in PLACEMENTS if p.office == office.slug]
        stale_count = max(1, round(len(placements) * STALE_SHARE)) if placements else 0
        stale = set(ctx.rng.sample(range(len(placements)), stale_count))
        for index, placement in enumerate(placements):
            _seed_placement(ctx, state, placement, stale=index in stale)
            created += 1
        ctx.say(
            f"directory: {office.slug}: {len(placements)} offers, "
            f"{sum(len(v) for v in state.kitas_by_district.values())} Kitas"
        )
    indexed = search_index_rebuild()
    ctx.say(f"directory: {created} offers seeded, {indexed} in the search index")


# Organisations and places


def _point(ctx: SeedContext, state: _Office, district: str) -> tuple[Decimal, Decimal] | None:
    centre = places.CENTRES.get(state.slug, {}).get(district)
    if centre is None:
        return None
    lat = centre[0] + ctx.rng.uniform(-0.012, 0.012)
    lon = centre[1] + ctx.rng.uniform(-0.018, 0.018)
    return Decimal(f"{lat:.6f}"), Decimal(f"{lon:.6f}")


def _postal_code(ctx: SeedContext, state: _Office, district: str) -> str:
    codes = places.POSTAL_CODES.get(state.slug, {}).get(district) or (state.office.postal_code,)
    return ctx.rng.choice(codes)


def _street(ctx: SeedContext) -> str:
    return f"{ctx.faker.street_name()} {ctx.rng.randint(1, 120)}"


def _location(
    ctx: SeedContext,
    state: _Office,
    org: Organization,
    district: str,
    street: str = "",
    postal_code: str = "",
    name: str = "",
) -> Location:
    point = _point(ctx, state, district)
    return Location.objects.create(
        organization=org,
        name=name,
        address_1=street or _street(ctx),
        postal_code=postal_code or _postal_code(ctx, state, district),
        city=state.city,
        district=state.districts.get(district),
        latitude=point[0] if point else None,
        longitude=point[1] if point else None,
    )


def _organization(
    ctx: SeedContext,
    state: _Office,
    *,
    name: str,
    kind: str,
    district: str,
    street: str = "",
    postal_code: str = "",
    **fields: str,
) -> Organization:
    org = Organization.objects.create(office=state.office, name=name, kind=kind, **fields)
    state.orgs[name] = org
    state.main_location[name] = _location(ctx, state, org, district, street, postal_code)
    return org


def _seed_named_organizations(ctx: SeedContext, state: _Office) -> None:
    for spec in ORGANIZATIONS.values():
        if spec.office != state.slug:
            continue
        org = _named(ctx, state, spec)
        if spec.phone:
            Phone.objects.create(organization=org, number=spec.phone, description="Zentrale")


def _named(ctx: SeedContext, state: _Office, spec: Org) -> Organization:
    if spec.name in state.orgs:
        return state.orgs[spec.name]
    return _organization(
        ctx,
        state,
        name=spec.name,
        kind=spec.kind,
        district=spec.district,
        street=spec.street,
        postal_code=spec.postal_code,
        description=spec.description,
        website=spec.website,
        email=spec.email,
    )


def _seed_partner_links(ctx: SeedContext, state: _Office) -> None:
    """Each partner institution with accounts gets (or is linked to) a directory organisation."""
    partners = PartnerOrganisation.objects.filter(office=state.office).select_related("district")
    for partner in partners.order_by("name"):
        org = state.orgs.get(partner.name)
        if org is None:
            district = partner.district.name if partner.district else ""
            org = _organization(
                ctx,
                state,
                name=partner.name,
                kind=PARTNER_KINDS.get(partner.kind, Organization.Kind.SONSTIGE),
                district=district,
            )
            if org.kind == Organization.Kind.KITA:
                state.kitas_by_district[district].append(org)
        org.partner = partner
        org.save(update_fields=["partner", "last_modified"])


def _kita_name(ctx: SeedContext, district: str, used: set[str]) -> str:
    patterns = [p for p, _ in KITA_PATTERNS]
    weights = [w for _, w in KITA_PATTERNS]
    pattern = ctx.rng.choices(patterns, weights)[0]
    name = pattern.format(
        street=ctx.faker.street_name(),
        motif=ctx.rng.choice(places.MOTIFS),
        church=ctx.rng.choice(places.CHURCHES),
        parish=ctx.rng.choice(places.PARISHES),
        landmark=ctx.rng.choice(places.LANDMARKS),
    )
    if name in used:
        name = f"{name} ({district})"
    base, n = name, 2
    while name in used:
        name = f"{base} {n}"
        n += 1
    used.add(name)
    return name


def _seed_kitas(ctx: SeedContext, state: _Office, wanted: int) -> None:
    """Synthetic Kitas, one location each, spread over the office's districts (bulk)."""
    have = sum(len(kitas) for kitas in state.kitas_by_district.values())
    district_names = sorted(state.districts)
    if not district_names:
        return
    used = set(state.orgs)
    orgs: list[Organization] = []
    locations: list[Location] = []
    for _ in range(max(0, wanted - have)):
        district = ctx.rng.choice(district_names)
        org = Organization(
            office=state.office, kind=Organization.Kind.KITA, name=_kita_name(ctx, district, used)
        )
        point = _point(ctx, state, district)
        locations.append(
            Location(
                organization=org,
                address_1=_street(ctx),
                postal_code=_postal_code(ctx, state, district),
                city=state.city,
                district=state.districts[district],
                latitude=point[0] if point else None,
                longitude=point[1] if point else None,
            )
        )
        orgs.append(org)
        state.kitas_by_district[district].append(org)
    Organization.objects.bulk_create(orgs, batch_size=500)
    Location.objects.bulk_create(locations, batch_size=500)
    for org, location in zip(orgs, locations, strict=True):
        state.orgs[org.name] = org
        state.main_location[org.name] = location


# Offers


def _fill(value: str, *, place: str, district: str, city: str) -> str:
    return value.replace("{place}", place).replace("{district}", district).replace("{city}", city)


def _resolve_org(
    ctx: SeedContext, state: _Office, placement: Placement, template: Template, name: str
) -> Organization:
    ref = placement.org
    if ref in ORGANIZATIONS:
        return _named(ctx, state, ORGANIZATIONS[ref])
    if ref == "@kita":
        kitas = state.kitas_by_district.get(placement.district) or [
            kita for kitas in state.kitas_by_district.values() for kita in kitas
        ]
        if kitas:
            return kitas[0] if len(kitas) == 1 else ctx.rng.choice(kitas)
        ref = ""
    if ref in ("@familienzentrum", "@grundschule"):
        kind = ref[1:]
        if placement.place:
            org_name = placement.place
        elif kind == "familienzentrum":
            org_name = f"Familienzentrum {ctx.rng.choice(places.MOTIFS)}"
        else:
            org_name = f"Grundschule {placement.district}"
        if org_name in state.orgs:
            return state.orgs[org_name]
        return _organization(
            ctx,
            state,
            name=org_name,
            kind=kind,
            district=placement.district,
            street=placement.street,
            postal_code=placement.postal_code,
        )
    org_name = ref or name
    if org_name in state.orgs:
        return state.orgs[org_name]
    return _organization(
        ctx,
        state,
        name=org_name,
        kind=template.org_kind,
        district=placement.district,
        street=placement.street,
        postal_code=placement.postal_code,
    )


def _served(state: _Office, placement: Placement) -> list[District]:
    serves = placement.serves
    if serves == "office":
        return list(state.districts.values())
    if serves == "kita-sozialarbeit":
        return [d for d in state.districts.values() if d.kita_sozialarbeit]
    if serves == "district":
        names: tuple[str, ...] = (placement.district,)
    elif isinstance(serves, tuple):
        names = serves
    else:
        names = ()
    return [state.districts[n] for n in names if n in state.districts]


def _last_verified(ctx: SeedContext, *, stale: bool) -> datetime.date:
    today = timezone.localdate()
    days = ctx.rng.randint(380, 720) if stale else ctx.rng.randint(0, 340)
    return today - datetime.timedelta(days=days)


def _phone(ctx: SeedContext, state: _Office, placement: Placement, template: Template) -> str:
    if placement.phone:
        return placement.phone
    if template.municipal and state.slug in places.SWITCHBOARD:
        return f"{places.SWITCHBOARD[state.slug]}{ctx.rng.randint(20000, 29999)}"
    area = places.AREA_CODE.get(state.slug, "")
    return f"{area} {ctx.rng.randint(100000, 9999999)}".strip()


def _schedules(sal: ServiceAtLocation, slots: tuple[Slot, ...]) -> list[Schedule]:
    return [
        Schedule(
            service_at_location=sal,
            freq=slot.freq,
            byday=slot.byday,
            opens_at=datetime.time.fromisoformat(slot.opens),
            closes_at=datetime.time.fromisoformat(slot.closes),
            description=slot.note,
        )
        for slot in slots
    ]


def _closed_days(sal: ServiceAtLocation) -> list[ScheduleException]:
    year = timezone.localdate().year
    return [
        ScheduleException(
            service_at_location=sal,
            date=datetime.date(year, month, day),
            closed=True,
            note=note,
        )
        for (month, day), note in places.CLOSED_NOTES.items()
    ]


def _texts(text: Text, **where: str) -> dict[str, str]:
    return {
        "name": _fill(text.name, **where)[:200],
        "description": _fill(text.description, **where),
        "eligibility_description": _fill(text.eligibility, **where),
        "fees_description": _fill(text.fees, **where)[:300],
        "application_process": _fill(text.application, **where),
    }


def _seed_placement(
    ctx: SeedContext, state: _Office, placement: Placement, *, stale: bool
) -> Service:
    template = TEMPLATES[placement.template]
    german = template.texts["de"]
    place = placement.place or placement.location_name or placement.district
    where = {"place": place, "district": placement.district, "city": state.city}
    texts = _texts(german, **where)
    org = _resolve_org(ctx, state, placement, template, texts["name"])
    if placement.street and state.main_location[org.name].address_1 != placement.street:
        location = _location(
            ctx,
            state,
            org,
            placement.district,
            placement.street,
            placement.postal_code,
            placement.location_name,
        )
    else:
        location = state.main_location[org.name]
    languages = list(dict.fromkeys(("de", *placement.languages)))
    service = Service.objects.create(
        office=state.office,
        organization=org,
        url=placement.url,
        email=placement.email,
        status=placement.status,
        kind=template.kind,
        topics=clean_topics(template.topics),
        free=template.free,
        minimum_age=template.ages[0],
        maximum_age=template.ages[1],
        languages=languages,
        interpretation_services=template.interpretation[:300],
        last_verified=_last_verified(ctx, stale=stale),
        **texts,
    )
    service.districts.set(_served(state, placement))
    ServiceTranslation.objects.bulk_create(
        ServiceTranslation(service=service, language=language, **_texts(text, **where))
        for language, text in template.texts.items()
        if language != "de"
    )
    sal = ServiceAtLocation.objects.create(
        service=service, location=location, description=placement.note[:300]
    )
    schedules = _schedules(sal, placement.slots)
    exceptions = _closed_days(sal)
    for venue in placement.also_at:
        venue_org = state.orgs.get(venue.org)
        if venue_org is None and venue.org == "@kita":
            candidates = state.kitas_by_district.get(venue.district, [])
            venue_org = ctx.rng.choice(candidates) if candidates else None
        if venue_org is None:
            continue
        venue_sal = ServiceAtLocation.objects.create(
            service=service,
            location=state.main_location[venue_org.name],
            description=venue.note[:300],
        )
        schedules += _schedules(venue_sal, venue.slots)
        exceptions += _closed_days(venue_sal)
    Schedule.objects.bulk_create(schedules)
    ScheduleException.objects.bulk_create(exceptions)
    Phone.objects.create(
        service=service, number=_phone(ctx, state, placement, template), description=""
    )
    return service
