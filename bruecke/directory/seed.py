"""Demo directory: the offers of ``content`` as rows, plus synthetic institutions.

For every office with content (Dortmund, Bochum) this creates the named
organisations, synthetic Kitas (300/200), primary schools with open all-day
care (90/50) and family centres (40/25), links the org app's demo partner
institutions to directory organisations, and then the demo offers (about 150:
Kita-Sozialarbeit, the eighteen modules and the wider network) with their
translations, places, opening times, closed days and phone numbers.

When ``ctx.scale.offers`` asks for more offers than the demo content has
(city: 3,000, state: 30,000), synthetic offers fill up the rest: repeatable
templates at synthetic institutions and providers, with a location, one or
two opening times, a phone number, the districts served and, for about 30 %,
English, Turkish and Arabic texts. They are written through the cases
``lib.bulk.Table`` (plain prepared INSERTs), not ``bulk_create``.

Randomness comes from ``ctx.rng`` and ``ctx.faker`` only, so the same seed
gives the same rows.
"""

from __future__ import annotations

import datetime
import time
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal

from django.db import transaction
from django.utils import timezone, translation

from bruecke.demo.context import SeedContext
from bruecke.directory.content import kita_sozialarbeit, modules, network, places
from bruecke.directory.content.base import Org, Placement, Slot, Template, Text
from bruecke.directory.content.placements import ORGANIZATIONS, PLACEMENTS
from bruecke.directory.models import (
    Location,
    Organization,
    Phone,
    Schedule,
    ScheduleException,
    SearchDocument,
    Service,
    ServiceAtLocation,
    ServiceTranslation,
)
from bruecke.directory.search import (
    _topic_words,
    search_index_rebuild,
    search_index_services,
)
from bruecke.lib.bulk import IncreasingIds, Table
from bruecke.lib.stemming import stems
from bruecke.lib.topics import clean_topics
from bruecke.org.models import District, Office, PartnerOrganisation

TEMPLATES: dict[str, Template] = {
    template.key: template
    for template in (*kita_sozialarbeit.TEMPLATES, *modules.TEMPLATES, *network.TEMPLATES)
}

# Synthetic institutions per office.
KITAS = {"dortmund": 300, "bochum": 200}
SCHOOLS = {"dortmund": 90, "bochum": 50}
FAMILY_CENTRES = {"dortmund": 40, "bochum": 25}
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


SCHOOL_PATTERNS = (
    ("Grundschule {street}", 30),
    ("{person}-Grundschule", 20),
    ("Grundschule {landmark}", 10),
    ("Kath. Grundschule {parish}", 10),
    ("Ev. Grundschule {church}", 4),
    ("Gemeinschaftsgrundschule {street}", 10),
)
FAMILY_CENTRE_PATTERNS = (
    ("Familienzentrum {motif}", 20),
    ("Städtisches Familienzentrum {street}", 15),
    ("Ev. Familienzentrum der {church}-Gemeinde", 10),
    ("Kath. Familienzentrum {parish}", 12),
    ("AWO Familienzentrum {motif}", 8),
    ("Familienzentrum {landmark}", 6),
)
PATTERNS: dict[str, tuple[tuple[str, int], ...]] = {
    Organization.Kind.KITA: KITA_PATTERNS,
    Organization.Kind.GRUNDSCHULE: SCHOOL_PATTERNS,
    Organization.Kind.FAMILIENZENTRUM: FAMILY_CENTRE_PATTERNS,
}
# Historical namesakes, as schools in Germany are often named.
PERSONS = (
    "Astrid-Lindgren",
    "Erich-Kästner",
    "Brüder-Grimm",
    "Janusz-Korczak",
    "Anne-Frank",
    "Michael-Ende",
    "Otfried-Preußler",
    "Hans-Christian-Andersen",
    "Friedrich-Fröbel",
    "Maria-Montessori",
    "Albert-Schweitzer",
    "Pestalozzi",
    "Wilhelm-Busch",
    "James-Krüss",
    "Marie-Curie",
    "Heinrich-Heine",
)

# Synthetic offers (city and state sizes).
SYNTHETIC_TRANSLATED = 0.3  # share with English, Turkish and Arabic texts
SYNTHETIC_LANGUAGES = ("en", "tr", "ar")
OFFERS_PER_PROVIDER = 8
# Less weight: open all-day care is one per school.
TEMPLATE_WEIGHTS = {"offener-ganztag": 0.3}
PROVIDER_KINDS = (Organization.Kind.TRAEGER, Organization.Kind.BERATUNGSSTELLE)
SPOKEN = ("tr", "ar", "en", "uk", "pl", "ro", "bg")
# (freq, byday, opens, closes)
SLOT_POOL = (
    ("WEEKLY", "MO", "09:00", "11:00"),
    ("WEEKLY", "TU", "09:30", "11:00"),
    ("WEEKLY", "WE", "15:00", "16:30"),
    ("WEEKLY", "TH", "09:00", "12:00"),
    ("WEEKLY", "FR", "09:30", "11:30"),
    ("WEEKLY", "MO,WE", "09:00", "12:00"),
    ("WEEKLY", "TU,TH", "14:00", "17:00"),
    ("WEEKLY", "MO,TU,TH", "08:30", "12:30"),
    ("WEEKLY", "MO,TU,WE,TH,FR", "11:30", "16:00"),
    ("WEEKLY", "WE", "17:00", "19:00"),
    ("MONTHLY", "1SA", "10:00", "13:00"),
    ("MONTHLY", "2TU", "15:00", "17:00"),
    ("MONTHLY", "-1FR", "15:00", "17:00"),
)


class _Office:
    """Per-office state while seeding: districts and what was created so far."""

    def __init__(self, office: Office) -> None:
        self.office = office
        self.slug = office.slug
        self.city = places.CITY.get(office.slug, office.city)
        self.districts = {d.name: d for d in District.objects.filter(office=office)}
        self.orgs: dict[str, Organization] = {}
        # Synthetic institutions by kind and district.
        self.institutions: dict[str, dict[str, list[Organization]]] = defaultdict(
            lambda: defaultdict(list)
        )
        self.kitas_by_district = self.institutions[Organization.Kind.KITA]
        self.main_location: dict[str, Location] = {}


def seed(ctx: SeedContext) -> None:
    offices = list(Office.objects.filter(slug__in=list(places.CITY)).order_by("slug"))
    created = 0
    seeded: list[_Office] = []
    for office in offices:
        if Organization.objects.filter(office=office).exists():
            ctx.say(f"directory: {office.slug} already has entries, skipped")
            continue
        state = _Office(office)
        seeded.append(state)
        _seed_named_organizations(ctx, state)
        _seed_partner_links(ctx, state)
        for kind, counts in (
            (Organization.Kind.KITA, KITAS),
            (Organization.Kind.GRUNDSCHULE, SCHOOLS),
            (Organization.Kind.FAMILIENZENTRUM, FAMILY_CENTRES),
        ):
            _seed_institutions(ctx, state, kind, counts.get(office.slug, 0))
        placements = [p for p in PLACEMENTS if p.office == office.slug]
        stale_count = max(1, round(len(placements) * STALE_SHARE)) if placements else 0
        stale = set(ctx.rng.sample(range(len(placements)), stale_count))
        for index, placement in enumerate(placements):
            _seed_placement(ctx, state, placement, stale=index in stale)
            created += 1
        sizes = ", ".join(
            f"{sum(len(v) for v in state.institutions[kind].values())} {kind}" for kind in PATTERNS
        )
        ctx.say(f"directory: {office.slug}: {len(placements)} offers; {sizes}")
    missing = ctx.scale.offers - Service.objects.count()
    started = time.monotonic()
    if seeded and missing > 0:
        synthetic = _seed_synthetic(ctx, seeded, missing)
        created += synthetic
        ctx.say(f"directory: {synthetic} synthetic offers in {time.monotonic() - started:.1f} s")
        # Synthetic offers were indexed as they were written (see _Index); the rest here.
        started = time.monotonic()
        indexed_ids = SearchDocument.objects.values("service_id")
        search_index_services(
            Service.objects.exclude(pk__in=indexed_ids).values_list("pk", flat=True)
        )
        indexed = Service.objects.filter(pk__in=indexed_ids).count()
    else:
        indexed = search_index_rebuild()
    ctx.say(
        f"directory: {created} offers seeded, {indexed} in the search index "
        f"({time.monotonic() - started:.1f} s)"
    )


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
            if org.kind in PATTERNS and district:
                state.institutions[org.kind][district].append(org)
        org.partner = partner
        org.save(update_fields=["partner", "last_modified"])


def _institution_name(ctx: SeedContext, kind: str, district: str, used: set[str]) -> str:
    pairs = PATTERNS[kind]
    patterns = [p for p, _ in pairs]
    weights = [w for _, w in pairs]
    pattern = ctx.rng.choices(patterns, weights)[0]
    name = pattern.format(
        street=ctx.faker.street_name(),
        motif=ctx.rng.choice(places.MOTIFS),
        church=ctx.rng.choice(places.CHURCHES),
        parish=ctx.rng.choice(places.PARISHES),
        landmark=ctx.rng.choice(places.LANDMARKS),
        person=ctx.rng.choice(PERSONS),
    )
    return _unique(name, district, used)


def _unique(name: str, district: str, used: set[str]) -> str:
    if name in used:
        name = f"{name} ({district})"
    base, n = name, 2
    while name in used:
        name = f"{base} {n}"
        n += 1
    used.add(name)
    return name


def _seed_institutions(ctx: SeedContext, state: _Office, kind: str, wanted: int) -> None:
    """Synthetic institutions of one kind, one location each, spread over the districts (bulk)."""
    by_district = state.institutions[kind]
    have = sum(len(orgs) for orgs in by_district.values())
    district_names = sorted(state.districts)
    if not district_names:
        return
    used = set(state.orgs)
    orgs: list[Organization] = []
    locations: list[Location] = []
    for _ in range(max(0, wanted - have)):
        district = ctx.rng.choice(district_names)
        org = Organization(
            office=state.office, kind=kind, name=_institution_name(ctx, kind, district, used)
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
        by_district[district].append(org)
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
    if ref in ("@kita", "@familienzentrum", "@grundschule") and not placement.place:
        found = _institution(ctx, state, ref[1:], placement.district)
        if found is not None:
            return found
        if ref == "@kita":
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


def _institution(ctx: SeedContext, state: _Office, kind: str, district: str) -> Organization | None:
    """A synthetic institution of ``kind`` in ``district`` (anywhere if it has none)."""
    by_district = state.institutions[kind]
    candidates = by_district.get(district) or [org for orgs in by_district.values() for org in orgs]
    if not candidates:
        return None
    return candidates[0] if len(candidates) == 1 else ctx.rng.choice(candidates)


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
    if placement.org.startswith("@") and not placement.place:
        # An institution drawn from the district: its name is the place.
        org = _resolve_org(ctx, state, placement, template, "")
        place = org.name
        where = {"place": place, "district": placement.district, "city": state.city}
        texts = _texts(german, **where)
    else:
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


# Synthetic offers (city and state sizes)

# A place where synthetic offers take place: (organisation id, name, district, location id).
_Host = tuple[object, str, str, object]


def _split_by(total: int, weights: Sequence[float]) -> list[int]:
    whole = sum(weights)
    shares = [int(total * weight / whole) for weight in weights]
    shares[0] += total - sum(shares)
    return shares


def _seed_synthetic(ctx: SeedContext, states: list[_Office], wanted: int) -> int:
    """``wanted`` more offers from the repeatable templates, split over the offices."""
    templates = [t for t in TEMPLATES.values() if t.repeatable and t.hosts]
    if not templates:
        return 0
    ids = IncreasingIds(ctx.rng)
    shares = _split_by(wanted, [KITAS.get(state.slug, 0) or 1 for state in states])
    for state, count in zip(states, shares, strict=True):
        if count <= 0 or not state.districts:
            continue
        with transaction.atomic():
            hosts = _institution_hosts(state)
            providers = max(5 * len(PROVIDER_KINDS), count // OFFERS_PER_PROVIDER)
            for kind, provider_hosts in _seed_providers(ctx, state, ids, providers).items():
                hosts[kind] = provider_hosts
            _seed_synthetic_offers(ctx, state, ids, templates, hosts, count)
        ctx.say(f"directory: {state.slug}: {count} synthetic offers")
    return wanted


def _institution_hosts(state: _Office) -> dict[str, list[_Host]]:
    hosts: dict[str, list[_Host]] = {}
    for kind, by_district in state.institutions.items():
        hosts[kind] = [
            (org.pk, org.name, district, state.main_location[org.name].pk)
            for district in sorted(by_district)
            for org in by_district[district]
        ]
    return hosts


def _seed_providers(
    ctx: SeedContext, state: _Office, ids: IncreasingIds, count: int
) -> dict[str, list[_Host]]:
    """Synthetic providers (Träger, counselling centres) with one location and phone each."""
    rng = ctx.rng
    district_names = sorted(state.districts)
    used = set(state.orgs)
    area = places.AREA_CODE.get(state.slug, "")
    org_rows: list[tuple[object, ...]] = []
    location_rows: list[tuple[object, ...]] = []
    phone_rows: list[tuple[object, ...]] = []
    hosts: dict[str, list[_Host]] = defaultdict(list)
    for _ in range(count):
        district = rng.choice(district_names)
        for _attempt in range(3):
            pattern, kind = rng.choice(places.PROVIDER_PATTERNS)
            name = pattern.format(street=ctx.faker.street_name(), district=district)
            if name not in used:
                break
        name = _unique(name, district, used)
        org_id, location_id = ids(), ids()
        point = _point(ctx, state, district)
        org_rows.append((org_id, state.office.pk, kind, name))
        location_rows.append(
            (
                location_id,
                org_id,
                _street(ctx),
                _postal_code(ctx, state, district),
                state.city,
                state.districts[district].pk,
                point[0] if point else None,
                point[1] if point else None,
            )
        )
        phone_rows.append(
            (ids(), org_id, f"{area} {rng.randint(100000, 9999999)}".strip(), "Zentrale")
        )
        hosts[kind].append((org_id, name, district, location_id))
    Table(Organization, ("id", "office_id", "kind", "name")).insert(org_rows)
    Table(
        Location,
        (
            "id",
            "organization_id",
            "address_1",
            "postal_code",
            "city",
            "district_id",
            "latitude",
            "longitude",
        ),
    ).insert(location_rows)
    Table(Phone, ("id", "organization_id", "number", "description")).insert(phone_rows)
    return hosts


def _seed_synthetic_offers(
    ctx: SeedContext,
    state: _Office,
    ids: IncreasingIds,
    templates: list[Template],
    hosts: dict[str, list[_Host]],
    count: int,
) -> None:
    rng = ctx.rng
    today = timezone.localdate()
    year = today.year
    closed_days = [
        (datetime.date(year, month, day), note)
        for (month, day), note in places.CLOSED_NOTES.items()
    ]
    slots = [
        (freq, byday, datetime.time.fromisoformat(opens), datetime.time.fromisoformat(closes))
        for freq, byday, opens, closes in SLOT_POOL
    ]
    district_pks = {name: district.pk for name, district in state.districts.items()}
    district_names = sorted(district_pks)
    every_host = [host for kind_hosts in hosts.values() for host in kind_hosts]
    candidates = {
        t.key: [host for kind in t.hosts for host in hosts.get(kind, ())] or every_host
        for t in templates
    }
    topics = {t.key: clean_topics(t.topics) for t in templates}
    switchboard = places.SWITCHBOARD.get(state.slug)
    area = places.AREA_CODE.get(state.slug, "")
    weights = [TEMPLATE_WEIGHTS.get(t.key, 1.0) for t in templates]

    index = _Index(templates)
    documents: list[tuple[object, ...]] = []
    services: list[tuple[object, ...]] = []
    served: list[tuple[object, ...]] = []
    translations: list[tuple[object, ...]] = []
    sals: list[tuple[object, ...]] = []
    schedules: list[tuple[object, ...]] = []
    exceptions: list[tuple[object, ...]] = []
    phones: list[tuple[object, ...]] = []
    for template in rng.choices(templates, weights, k=count):
        org_id, place, district, location_id = rng.choice(candidates[template.key])
        where = {"place": place, "district": district, "city": state.city}
        closing = rng.choice(places.CLOSINGS)
        german = _texts(template.texts["de"], **where)
        description = f"{german['description']} {closing['de']}"
        service_id = ids()
        stale = rng.random() < STALE_SHARE
        spoken = ["de", rng.choice(SPOKEN)] if rng.random() < 0.2 else ["de"]
        services.append(
            (
                service_id,
                state.office.pk,
                org_id,
                german["name"],
                description,
                template.kind,
                topics[template.key],
                template.free,
                german["fees_description"],
                german["eligibility_description"],
                german["application_process"],
                template.ages[0],
                template.ages[1],
                spoken,
                template.interpretation[:300],
                today
                - datetime.timedelta(days=rng.randint(380, 720) if stale else rng.randint(0, 340)),
            )
        )
        documents.append(
            (
                service_id,
                "de",
                index.document(
                    template,
                    "de",
                    (german["name"], description, german["eligibility_description"]),
                    place,
                ),
            )
        )
        served.append((service_id, district_pks[district]))
        if rng.random() < 0.25:
            other = rng.choice(district_names)
            if other != district:
                served.append((service_id, district_pks[other]))
        if rng.random() < SYNTHETIC_TRANSLATED:
            for language in SYNTHETIC_LANGUAGES:
                text = template.texts.get(language)
                if text is None:
                    continue
                item = _texts(text, **where)
                description = f"{item['description']} {closing.get(language, '')}".strip()
                translations.append(
                    (
                        service_id,
                        language,
                        item["name"],
                        description,
                        item["fees_description"],
                        item["eligibility_description"],
                        item["application_process"],
                    )
                )
                parts = (item["name"], description, item["eligibility_description"])
                documents.append(
                    (service_id, language, index.document(template, language, parts, place))
                )
        sal_id = ids()
        sals.append((sal_id, service_id, location_id, ""))
        for freq, byday, opens, closes in rng.sample(slots, rng.randint(1, 2)):
            schedules.append((ids(), sal_id, freq, byday, opens, closes, ""))
        for date, note in closed_days:
            exceptions.append((sal_id, date, True, note))
        if template.municipal and switchboard:
            number = f"{switchboard}{rng.randint(20000, 29999)}"
        else:
            number = f"{area} {rng.randint(100000, 9999999)}".strip()
        phones.append((ids(), service_id, number, ""))

    Table(
        Service,
        (
            "id",
            "office_id",
            "organization_id",
            "name",
            "description",
            "kind",
            "topics",
            "free",
            "fees_description",
            "eligibility_description",
            "application_process",
            "minimum_age",
            "maximum_age",
            "languages",
            "interpretation_services",
            "last_verified",
        ),
    ).insert(services)
    Table(Service.districts.through, ("service_id", "district_id")).insert(served)
    Table(
        ServiceTranslation,
        (
            "service_id",
            "language",
            "name",
            "description",
            "fees_description",
            "eligibility_description",
            "application_process",
        ),
    ).insert(translations)
    Table(ServiceAtLocation, ("id", "service_id", "location_id", "description")).insert(sals)
    Table(
        Schedule,
        ("id", "service_at_location_id", "freq", "byday", "opens_at", "closes_at", "description"),
    ).insert(schedules)
    Table(ScheduleException, ("service_at_location_id", "date", "closed", "note")).insert(
        exceptions
    )
    Table(Phone, ("id", "service_id", "number", "description")).insert(phones)
    Table(SearchDocument, ("service_id", "language", "stems")).insert(documents)


class _Index:
    """Search documents for synthetic offers, exactly as ``search._documents`` builds them.

    ``search_index_rebuild`` stems every word of every document again
    (about 300 s for the state size's 58,000 documents); the synthetic texts
    repeat a few hundred words, so stems are cached per word here. Stemming is
    word by word, so ``stems`` of a text equals the stems of its words joined.
    """

    def __init__(self, templates: Sequence[Template]) -> None:
        self.words: dict[str, dict[str, list[str]]] = defaultdict(dict)
        # Kind label and topic labels per template and language (the "tail" of a document).
        self.tails: dict[tuple[str, str], list[str]] = {}
        for template in templates:
            for language in ("de", *template.texts):
                with translation.override(language):
                    kind = str(Service.Kind(template.kind).label)
                    topics = _topic_words(clean_topics(template.topics))
                self.tails[template.key, language] = [kind, *topics]

    def stems(self, text: str, language: str) -> list[str]:
        cache = self.words[language]
        result: list[str] = []
        for word in text.split():
            found = cache.get(word)
            if found is None:
                found = cache[word] = stems(word, language)
            result.extend(found)
        return result

    def document(
        self, template: Template, language: str, parts: Sequence[str], organization: str
    ) -> str:
        # Same parts and order as search._documents: texts, organisation, kind, topics.
        text = " ".join(
            part for part in (*parts, organization, *self.tails[template.key, language]) if part
        )
        return " ".join(self.stems(text, language))
