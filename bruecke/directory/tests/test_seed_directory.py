from __future__ import annotations

import dataclasses
import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from bruecke.demo.context import SeedContext
from bruecke.demo.scales import SCALES
from bruecke.directory import seed as directory_seed
from bruecke.directory.content.base import REQUIRED_LANGUAGES
from bruecke.directory.content.modules import MODULE_NAMES
from bruecke.directory.models import Organization, Schedule, SearchDocument, Service
from bruecke.directory.search import ranked_service_ids, search_index_rebuild
from bruecke.lib.topics import TOPIC_LABELS
from bruecke.org import seed as org_seed
from bruecke.org.models import District, PartnerOrganisation


def _ctx() -> SeedContext:
    return SeedContext.create(scale=SCALES["demo"], seed=1, say=lambda m: None)


def _seed_all() -> None:
    org_seed.seed(_ctx())
    directory_seed.seed(_ctx())


@pytest.fixture
def seeded(db: None) -> None:
    _seed_all()


@pytest.mark.django_db
def test_kita_sozialarbeit_dortmund(seeded: None) -> None:
    service = Service.objects.get(name="Kita-Sozialarbeit Dortmund")
    sal = service.service_at_locations.get(location__address_1="Jägerstraße 5")
    schedule = Schedule.objects.get(service_at_location=sal)
    assert (schedule.freq, schedule.byday) == ("WEEKLY", "MO,TH")
    assert (schedule.opens_at, schedule.closes_at) == (datetime.time(8, 30), datetime.time(10, 30))
    model = District.objects.filter(office__slug="dortmund", kita_sozialarbeit=True)
    assert model.count() == 8
    assert set(service.districts.all()) == set(model)
    assert sal.schedule_exceptions.filter(closed=True).count() == 2


@pytest.mark.django_db
def test_modules_translations_topics_districts(seeded: None) -> None:
    assert len(MODULE_NAMES) == 18
    names = set(Service.objects.values_list("name", flat=True))
    assert set(MODULE_NAMES) <= names
    for service in Service.objects.prefetch_related("translations", "districts"):
        languages = {t.language for t in service.translations.all()}
        assert set(REQUIRED_LANGUAGES) <= languages, service.name
        assert service.topics and all(code in TOPIC_LABELS for code in service.topics)
        assert service.districts.exists(), service.name
        assert all(d.office_id == service.office_id for d in service.districts.all())
        assert service.phones.exists()
        assert service.languages[0] == "de"


@pytest.mark.django_db
def test_kitas_partners_and_staleness(seeded: None) -> None:
    kitas = Organization.objects.filter(kind=Organization.Kind.KITA)
    assert 280 <= kitas.filter(office__slug="dortmund").count() <= 320
    assert 180 <= kitas.filter(office__slug="bochum").count() <= 220
    assert all(kita.locations.count() == 1 for kita in kitas.prefetch_related("locations")[:50])
    for partner in PartnerOrganisation.objects.all():
        assert partner.directory_organization.name == partner.name
    year_ago = timezone.localdate() - datetime.timedelta(days=365)
    assert Service.objects.filter(last_verified__lt=year_ago).exists()
    assert Service.objects.filter(last_verified__gte=year_ago).count() > Service.objects.count() / 2


@pytest.mark.django_db
def test_search_finds_kita_sozialarbeit(seeded: None) -> None:
    ids = ranked_service_ids("Sozialarbeit")
    names = set(Service.objects.filter(pk__in=ids).values_list("name", flat=True))
    assert "Kita-Sozialarbeit Dortmund" in names


class _Rollback(Exception):
    pass


def _names_of_one_run() -> tuple[list[str], list[str]]:
    result: tuple[list[str], list[str]] = ([], [])
    try:
        with transaction.atomic():
            _seed_all()
            result = (
                sorted(Service.objects.values_list("name", flat=True)),
                sorted(Organization.objects.values_list("name", flat=True)),
            )
            raise _Rollback
    except _Rollback:
        pass
    return result


@pytest.mark.django_db
def test_deterministic() -> None:
    first = _names_of_one_run()
    assert Organization.objects.count() == 0
    second = _names_of_one_run()
    assert first[0] and first[1]
    assert first == second


@pytest.mark.django_db
def test_demo_network_offers(seeded: None) -> None:
    assert 130 <= Service.objects.count() <= 200
    for slug in ("dortmund", "bochum"):
        assert Service.objects.filter(office__slug=slug).count() >= 40
    dortmund = District.objects.filter(office__slug="dortmund")
    assert dortmund.count() == 12
    for district in dortmund:
        office = Service.objects.get(office__slug="dortmund", name=f"Familienbüro {district.name}")
        assert list(office.districts.all()) == [district]
        assert office.organization.kind == Organization.Kind.FAMILIENBUERO
    centres = Service.objects.filter(name__startswith="Familiengrundschulzentrum an der ")
    assert centres.count() == 3
    assert all(c.organization.kind == Organization.Kind.GRUNDSCHULE for c in centres)
    for slug in ("dortmund", "bochum"):
        pilots = Service.objects.filter(office__slug=slug, name__startswith="Babylotsen")
        assert 2 <= pilots.count() <= 3
        assert all(p.kind == Service.Kind.LOTSENDIENST for p in pilots)
    on_site = Service.objects.filter(name__startswith="Kita-Sozialarbeit vor Ort: ")
    assert on_site.filter(office__slug="dortmund").count() == 8
    assert all(s.organization.kind == Organization.Kind.KITA for s in on_site)
    for prefix in ("Erziehungsberatung", "Frühförderstelle", "Jobcenter", "Schwangerschaft"):
        for slug in ("dortmund", "bochum"):
            assert Service.objects.filter(office__slug=slug, name__startswith=prefix).exists()


@pytest.mark.django_db
def test_schools_and_family_centres(seeded: None) -> None:
    orgs = Organization.objects.all()
    schools = orgs.filter(kind=Organization.Kind.GRUNDSCHULE)
    centres = orgs.filter(kind=Organization.Kind.FAMILIENZENTRUM)
    assert 85 <= schools.filter(office__slug="dortmund").count() <= 95
    assert 45 <= schools.filter(office__slug="bochum").count() <= 55
    assert 38 <= centres.filter(office__slug="dortmund").count() <= 45
    assert 23 <= centres.filter(office__slug="bochum").count() <= 30
    assert all(org.locations.exists() for org in schools[:20])
    assert orgs.values("office", "name").distinct().count() == orgs.count()


@pytest.mark.django_db
def test_synthetic_offers_fill_up_to_scale() -> None:
    scale = dataclasses.replace(SCALES["demo"], offers=400)
    org_seed.seed(SeedContext.create(scale=scale, seed=1, say=lambda m: None))
    directory_seed.seed(SeedContext.create(scale=scale, seed=1, say=lambda m: None))
    assert Service.objects.count() == 400
    services = Service.objects.prefetch_related("districts", "translations", "phones")
    translated = 0
    for service in services:
        assert service.topics and all(code in TOPIC_LABELS for code in service.topics)
        districts = list(service.districts.all())
        assert districts and all(d.office_id == service.office_id for d in districts)
        assert list(service.phones.all())
        assert service.service_at_locations.exists()
        translated += bool(list(service.translations.all()))
    assert translated >= 157 + 30
    # The synthetic offers' search documents are what search_index_rebuild writes.
    written = set(SearchDocument.objects.values_list("service_id", "language", "stems"))
    assert len({service_id for service_id, _, _ in written}) == 400
    search_index_rebuild()
    assert set(SearchDocument.objects.values_list("service_id", "language", "stems")) == written
