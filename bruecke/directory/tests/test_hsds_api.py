"""The public HSDS 3.0 API: schema-valid objects, envelope, filters, errors, CORS, query counts."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import time_machine
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bruecke.directory import hsds
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
from bruecke.directory.taxonomy import (
    HANDLUNGSFELDER_TAXONOMY,
    NAMESPACE,
    ORGANIZATION_KIND_TAXONOMY,
    SERVICE_KIND_TAXONOMY,
    Taxonomy,
    Term,
    term_for,
    terms,
)
from bruecke.test import BaseTestCase

# The official compiled schemas beside the project, as in CI and fresh clones
# (../shared). Missing schemas fail the tests: they are never skipped.
COMPILED_DIR = Path(settings.BASE_DIR).parent / "shared" / "hsds-3.0" / "schema" / "compiled"


def needs_compiled(test):
    """Marks tests that validate against the official schemas; they fail loudly without them."""
    if not COMPILED_DIR.is_dir():
        raise RuntimeError(
            f"HSDS compiled schemas not found at {COMPILED_DIR}: put ../shared beside the repo"
        )
    return test


WINTER = dt.datetime(2026, 1, 14, 9, 0, tzinfo=dt.UTC)  # a Wednesday
SUMMER = dt.datetime(2026, 7, 15, 9, 0, tzinfo=dt.UTC)  # a Wednesday


def term(taxonomy: Taxonomy, code: str) -> Term:
    found = term_for(taxonomy, code)
    assert found is not None, code
    return found


@cache
def registry() -> Any:
    """The repository's schema copies and openapi.json, plus the official compiled schemas."""
    return hsds.schema_registry(
        (
            (hsds.SCHEMA_DIR, hsds.SCHEMA_BASE_URI),
            (COMPILED_DIR, hsds.SCHEMA_BASE_URI + "compiled/"),
        )
    )


@cache
def validator(ref: str) -> Any:
    return hsds.hsds_validator(ref, registry=registry())


def assert_valid(ref: str, instance: Any) -> None:
    problem = hsds.first_schema_error(validator(ref), instance)
    assert problem is None, f"{ref}: {problem[0]}: {problem[1]}"


def response_schema(path: str) -> str:
    """The openapi.json response schema of a list path, as a JSON-pointer URI."""
    pointer = path.replace("~", "~0").replace("/", "~1")
    return (
        f"{hsds.SCHEMA_BASE_URI}openapi.json#/paths/{pointer}/get/responses/200/content/"
        "application~1json/schema"
    )


def build_directory(case: Any) -> SimpleNamespace:
    """A small but complete directory: every field, every kind of schedule, two offices."""
    d = SimpleNamespace()
    d.traeger = Organization.objects.create(
        office=case.dortmund,
        kind=Organization.Kind.TRAEGER,
        name="Familienhilfe Dortmund e. V.",
        alternate_name="FHD",
        description="Träger von Beratung und Gruppen für Familien.",
        email="info@familienhilfe-do.example",
        website="https://familienhilfe-do.example/",
    )
    d.kita = Organization.objects.create(
        office=case.dortmund,
        kind=Organization.Kind.KITA,
        name="Kita Sonnenschein",
        partner=case.kita_hoerde,
    )
    d.familienzentrum = Organization.objects.create(
        office=case.bochum,
        kind=Organization.Kind.FAMILIENZENTRUM,
        name="Familienzentrum Bochum-Mitte",
        description="Treffpunkt für Familien.",
    )
    d.hoerde_place = Location.objects.create(
        organization=d.traeger,
        name="Stadtteilbüro Hörde",
        address_1="Hörder Bahnhofstraße 1",
        postal_code="44263",
        city="Dortmund",
        district=case.hoerde,
        latitude=Decimal("51.493812"),
        longitude=Decimal("7.506123"),
        accessibility="Stufenloser Eingang, Aufzug.",
        transportation="U41 bis Clarenberg",
    )
    d.eving_place = Location.objects.create(
        organization=d.traeger,
        address_1="Evinger Platz 2",
        postal_code="44339",
        city="Dortmund",
        district=case.eving,
    )
    d.kita_place = Location.objects.create(
        organization=d.kita,
        name="Kita Sonnenschein",
        address_1="Sonnenweg 3",
        postal_code="44263",
        city="Dortmund",
    )
    d.bochum_place = Location.objects.create(
        organization=d.familienzentrum,
        address_1="Rathausplatz 1",
        postal_code="44787",
        city="Bochum",
        district=case.bochum_mitte,
    )
    d.sprechstunde = Service.objects.create(
        office=case.dortmund,
        organization=d.traeger,
        name="Offene Sprechstunde für Eltern",
        alternate_name="Elternsprechstunde",
        description="Beratung ohne Termin, auch zum Kinderarzt-Besuch.",
        url="https://familienhilfe-do.example/sprechstunde",
        email="sprechstunde@familienhilfe-do.example",
        status=Service.Status.ACTIVE,
        kind=Service.Kind.SPRECHSTUNDE,
        topics=["gesundheit/kinderarzt", "inklusion"],
        free=True,
        fees_description="Material wird gestellt.",
        eligibility_description="Eltern mit Kindern bis sechs Jahre.",
        application_process="Einfach vorbeikommen.",
        minimum_age=0,
        maximum_age=6,
        languages=["de", "tr", "ar"],
        interpretation_services="Dolmetschung nach Absprache.",
        last_verified=dt.date(2026, 1, 5),
    )
    d.sprechstunde.districts.set([case.hoerde, case.eving])
    d.elterncafe = Service.objects.create(
        office=case.dortmund,
        organization=d.traeger,
        name="Elterncafé",
        description="Andere Eltern treffen, mit Kinderbetreuung.",
        status=Service.Status.INACTIVE,
        kind=Service.Kind.GRUPPE,
        topics=["soziale-kontakte/eltern-kind-gruppen"],
        free=False,
        fees_description="2 € pro Treffen",
        minimum_age=1,
        maximum_age=3,
    )
    d.beratung = Service.objects.create(
        office=case.bochum,
        organization=d.familienzentrum,
        name="Erziehungsberatung Bochum",
        description="Beratung zu Entwicklung und Erziehung.",
        status=Service.Status.TEMPORARILY_CLOSED,
        kind=Service.Kind.BERATUNG,
        topics=["kindliche-entwicklung"],
    )
    d.sal_hoerde = ServiceAtLocation.objects.create(
        service=d.sprechstunde, location=d.hoerde_place, description="Im Erdgeschoss."
    )
    d.sal_eving = ServiceAtLocation.objects.create(service=d.sprechstunde, location=d.eving_place)
    d.sal_cafe = ServiceAtLocation.objects.create(service=d.elterncafe, location=d.hoerde_place)
    d.sal_bochum = ServiceAtLocation.objects.create(service=d.beratung, location=d.bochum_place)
    d.weekly = Schedule.objects.create(
        service_at_location=d.sal_hoerde,
        freq=Schedule.Freq.WEEKLY,
        byday="MO,TH",
        opens_at=dt.time(8, 30),
        closes_at=dt.time(10, 30),
        valid_from=dt.date(2026, 1, 1),
        description="Ohne Termin",
    )
    d.monthly = Schedule.objects.create(
        service_at_location=d.sal_eving,
        freq=Schedule.Freq.MONTHLY,
        byday="1TU",
        opens_at=dt.time(14),
        closes_at=dt.time(16),
    )
    d.monthday = Schedule.objects.create(
        service_at_location=d.sal_eving,
        freq=Schedule.Freq.MONTHLY,
        bymonthday=15,
        opens_at=dt.time(9),
        closes_at=dt.time(11, 15, 30),
    )
    d.cafe_time = Schedule.objects.create(
        service_at_location=d.sal_cafe,
        byday="WE",
        opens_at=dt.time(15),
        closes_at=dt.time(17),
        valid_to=dt.date(2025, 12, 31),  # ended: no longer open on Wednesdays
    )
    d.bochum_time = Schedule.objects.create(
        service_at_location=d.sal_bochum, byday="FR", opens_at=dt.time(9), closes_at=dt.time(12)
    )
    d.closed_day = ScheduleException.objects.create(
        service_at_location=d.sal_hoerde,
        date=dt.date(2026, 12, 24),
        closed=True,
        note="Heiligabend",
    )
    d.other_hours = ScheduleException.objects.create(
        service_at_location=d.sal_hoerde,
        date=dt.date(2026, 7, 16),
        closed=False,
        opens_at=dt.time(9),
        closes_at=dt.time(11),
    )
    d.shared_phone = Phone.objects.create(
        organization=d.traeger, service=d.sprechstunde, number="0231 1234-0", description="Zentrale"
    )
    d.service_phone = Phone.objects.create(service=d.sprechstunde, number="0231 1234-56")
    d.place_phone = Phone.objects.create(location=d.hoerde_place, number="0231 998877")
    d.kita_phone = Phone.objects.create(organization=d.kita, number="0231 445566")
    ServiceTranslation.objects.create(
        service=d.sprechstunde,
        language="tr",
        name="Ebeveynler için açık danışma saati",
        description="Randevusuz danışmanlık.",
    )
    search_index_rebuild()
    return d


def more_services(case: Any, count: int) -> None:
    """``count`` further offers with places, schedules and phones (for query counts)."""
    org = Organization.objects.create(office=case.dortmund, name="Zusatzträger", description="")
    for number in range(count):
        service = Service.objects.create(
            office=case.dortmund,
            organization=org,
            name=f"Zusatzangebot {number:02d}",
            description="Noch ein Angebot.",
            kind=Service.Kind.KURS,
            topics=["gesundheit"],
        )
        service.districts.set([case.hoerde])
        place = Location.objects.create(
            organization=org, address_1=f"Weg {number}", postal_code="44263", city="Dortmund"
        )
        sal = ServiceAtLocation.objects.create(service=service, location=place)
        Schedule.objects.create(
            service_at_location=sal, byday="TU", opens_at=dt.time(9), closes_at=dt.time(10)
        )
        ScheduleException.objects.create(service_at_location=sal, date=dt.date(2026, 5, 1))
        Phone.objects.create(service=service, number="0231 1")
        Phone.objects.create(location=place, number="0231 2")


class HSDSApiTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.d = build_directory(cls)

    def get(self, name: str, *args: Any, **params: Any) -> Any:
        response = Client().get(reverse(f"hsds:{name}", args=args), params)
        assert response["Access-Control-Allow-Origin"] == "*"
        return response

    def contents(self, name: str, **params: Any) -> list[dict[str, Any]]:
        response = self.get(name, per_page=100, **params)
        assert response.status_code == 200, response.content
        return response.json()["contents"]

    def names(self, name: str = "services", **params: Any) -> set[str]:
        return {item["name"] for item in self.contents(name, **params)}


class RootAndOpenAPITests(HSDSApiTestCase):
    def test_root_names_version_profile_and_the_served_openapi_file(self):
        data = self.get("index").json()
        assert data["version"] == "3.0"
        assert data["profile"].startswith("https://")
        assert data["openapi_url"] == "http://testserver/api/hsds/openapi.json"
        response = Client().get("/api/hsds/openapi.json")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response["Access-Control-Allow-Origin"] == "*"
        document = json.loads(response.content)
        assert document["openapi"] == "3.1.0"
        assert "REQUIRED" not in document["info"]["title"]
        assert document["info"]["license"]["identifier"] == "CC-BY-SA-4.0"
        parameters = document["components"]["parameters"]
        assert {"minimum_age", "maximum_age", "day"} <= set(parameters)

    def test_the_api_needs_no_login_and_is_read_only(self):
        client = Client()
        for name in ("index", "services", "organizations", "taxonomies"):
            assert client.get(reverse(f"hsds:{name}")).status_code == 200
            response = client.post(reverse(f"hsds:{name}"))
            assert response.status_code == 405
            assert response["Access-Control-Allow-Origin"] == "*"


@needs_compiled
class SchemaTests(HSDSApiTestCase):
    """Every object every endpoint serves validates against the official HSDS schemas."""

    LISTS = {
        # list url name: (openapi path, compiled schema of one item)
        "services": ("/services", "compiled/service_list.json"),
        "organizations": ("/organizations", "compiled/organization_list.json"),
        "service_at_locations": ("/service_at_locations", "compiled/service_at_location_list.json"),
        "taxonomies": ("/taxonomies", "taxonomy.json"),
        "taxonomy_terms": ("/taxonomy_terms", "taxonomy_term.json"),
    }
    FULL = {
        "services": "compiled/service.json",
        "organizations": "compiled/organization.json",
        "service_at_locations": "compiled/service_at_location.json",
        "taxonomies": "taxonomy.json",
        "taxonomy_terms": "taxonomy_term.json",
    }
    DETAIL = {
        "services": "service",
        "organizations": "organization",
        "service_at_locations": "service_at_location",
        "taxonomies": "taxonomy",
        "taxonomy_terms": "taxonomy_term",
    }

    @time_machine.travel(WINTER, tick=False)
    def test_every_list_page_and_item_validates(self):
        for name, (path, item_schema) in self.LISTS.items():
            for params in ({}, {"full": "true"}, {"full": "true", "full_service": "true"}):
                page = self.get(name, per_page=100, **params).json()
                assert page["contents"], name
                assert_valid(response_schema(path), page)
                for item in page["contents"]:
                    assert_valid(item_schema, item)
                    if params and name in ("services", "organizations", "service_at_locations"):
                        assert_valid(self.FULL[name], item)

    @time_machine.travel(SUMMER, tick=False)
    def test_every_detail_validates(self):
        for name, detail in self.DETAIL.items():
            ids = [item["id"] for item in self.contents(name)]
            assert ids, name
            for item_id in ids:
                for params in ({}, {"full_service": "true"}):
                    response = self.get(detail, item_id, **params)
                    assert response.status_code == 200
                    assert response.json()["id"] == item_id
                    assert_valid(self.FULL[name], response.json())

    def test_ndjson_lines_validate(self):
        for name in self.LISTS:
            response = self.get(name, format="ndjson", full="true")
            lines = b"".join(response.streaming_content).decode().splitlines()
            assert lines, name
            for line in lines:
                assert_valid(self.FULL[name], json.loads(line))

    def test_the_repository_copies_agree_with_the_compiled_schemas(self):
        # Import validates with hsds_schema/*.json (no ../shared at run time).
        service = self.get("service", str(self.d.sprechstunde.pk)).json()
        assert_valid("service.json", service)
        broken = {**service, "minimum_age": "0"}
        assert hsds.first_schema_error(hsds.hsds_validator("service.json"), broken) is not None
        assert hsds.first_schema_error(validator("compiled/service.json"), broken) is not None


class ServiceContentTests(HSDSApiTestCase):
    @time_machine.travel(WINTER, tick=False)
    def test_a_service_carries_everything_the_directory_holds(self):
        d = self.d
        data = self.get("service", str(d.sprechstunde.pk)).json()
        assert data["name"] == "Offene Sprechstunde für Eltern"
        assert data["status"] == "active"
        assert data["minimum_age"] == 0
        assert data["maximum_age"] == 6
        assert data["assured_date"] == "2026-01-05"
        assert data["last_modified"].endswith("Z")
        assert len(data["last_modified"]) == len("2026-01-14T09:00:00.000Z")
        assert data["organization"]["id"] == str(d.traeger.pk)
        assert [p["number"] for p in data["organization"]["phones"]] == ["0231 1234-0"]
        assert {p["number"] for p in data["phones"]} == {"0231 1234-0", "0231 1234-56"}
        assert [a["name"] for a in data["service_areas"]] == ["Eving", "Hörde"]
        assert [(lang["code"], lang["name"]) for lang in data["languages"]] == [
            ("de", "Deutsch"),
            ("tr", "Türkisch"),
            ("ar", "Arabisch"),
        ]
        assert data["cost_options"][0]["amount"] == 0
        assert data["cost_options"][0]["currency"] == "EUR"
        linked = [a["taxonomy_term"]["code"] for a in data["attributes"]]
        assert linked == ["gesundheit/kinderarzt", "inklusion", "sprechstunde"]
        kinderarzt = data["attributes"][0]["taxonomy_term"]
        assert kinderarzt["parent_id"] == str(term(HANDLUNGSFELDER_TAXONOMY, "gesundheit").id)
        assert kinderarzt["taxonomy_detail"]["name"] == "Brücke Handlungsfelder"

        hoerde = next(s for s in data["service_at_locations"] if s["id"] == str(d.sal_hoerde.pk))
        address = hoerde["location"]["addresses"][0]
        assert address == {
            "id": address["id"],
            "location_id": str(d.hoerde_place.pk),
            "address_1": "Hörder Bahnhofstraße 1",
            "city": "Dortmund",
            "region": "Hörde",
            "state_province": "NW",
            "postal_code": "44263",
            "country": "DE",
            "address_type": "physical",
        }
        assert hoerde["location"]["latitude"] == 51.493812
        assert (
            hoerde["location"]["accessibility"][0]["description"] == "Stufenloser Eingang, Aufzug."
        )
        assert [p["number"] for p in hoerde["location"]["phones"]] == ["0231 998877"]
        weekly, *exceptions = hoerde["schedules"]
        assert weekly["byday"] == "MO,TH"
        assert weekly["opens_at"] == "08:30+01:00"
        assert weekly["closes_at"] == "10:30+01:00"
        assert weekly["timezone"] == 1
        closed, other = sorted(exceptions, key=lambda s: s["dtstart"], reverse=True)
        assert closed["dtstart"] == "2026-12-24" and closed["count"] == 1
        assert "opens_at" not in closed and closed["description"] == "Heiligabend"
        # An exception carries the offset of its own day (summer time in July).
        assert other["opens_at"] == "09:00+02:00" and other["timezone"] == 2

    @time_machine.travel(SUMMER, tick=False)
    def test_weekly_times_carry_the_offset_of_the_day(self):
        data = self.get("service_at_location", str(self.d.sal_eving.pk)).json()
        assert {s["opens_at"] for s in data["schedules"]} == {"14:00+02:00", "09:00+02:00"}
        assert "11:15:30+02:00" in {s["closes_at"] for s in data["schedules"]}
        assert {s.get("bymonthday") for s in data["schedules"]} == {None, "15"}

    def test_every_status_is_served_as_it_is(self):
        statuses = {item["name"]: item["status"] for item in self.contents("services")}
        assert statuses["Elterncafé"] == "inactive"
        assert statuses["Erziehungsberatung Bochum"] == "temporarily closed"

    def test_texts_are_german_whatever_the_request_asks_for(self):
        gesundheit = term(HANDLUNGSFELDER_TAXONOMY, "gesundheit")
        for language in ("en", "tr"):
            client = Client(HTTP_ACCEPT_LANGUAGE=language)
            url = reverse("hsds:taxonomy_term", args=[gesundheit.id])
            data = client.get(url, {"lang": "en"}).json()
            assert data["name"] == "Gesundheit"
            service = client.get(reverse("hsds:service", args=[self.d.sprechstunde.pk])).json()
            assert service["name"] == "Offene Sprechstunde für Eltern"

    def test_organizations_carry_locations_services_and_their_kind(self):
        data = self.get("organization", str(self.d.kita.pk)).json()
        assert [loc["name"] for loc in data["locations"]] == ["Kita Sonnenschein"]
        assert data["services"] == []
        assert data["attributes"][0]["taxonomy_term"]["code"] == "kita"
        assert data["attributes"][0]["taxonomy_term"]["taxonomy_id"] == str(
            ORGANIZATION_KIND_TAXONOMY.id
        )
        traeger = self.get("organization", str(self.d.traeger.pk)).json()
        assert [s["name"] for s in traeger["services"]] == [
            "Elterncafé",
            "Offene Sprechstunde für Eltern",
        ]
        assert "service_at_locations" not in traeger["services"][0]
        full = self.get("organization", str(self.d.traeger.pk), full_service="true").json()
        assert "service_at_locations" in full["services"][0]

    def test_taxonomies_and_terms_have_stable_ids(self):
        taxonomies = self.contents("taxonomies")
        assert [t["name"] for t in taxonomies] == [
            "Brücke Handlungsfelder",
            "Art des Angebots",
            "Art der Einrichtung",
        ]
        assert taxonomies[0]["id"] == str(uuid.uuid5(NAMESPACE, "handlungsfelder"))
        gesundheit = term(HANDLUNGSFELDER_TAXONOMY, "gesundheit")
        assert gesundheit.id == uuid.uuid5(HANDLUNGSFELDER_TAXONOMY.id, "gesundheit")
        assert len(self.contents("taxonomy_terms")) == len(terms())
        children = self.contents("taxonomy_terms", parent_id=str(gesundheit.id))
        assert {t["code"] for t in children} == {
            "gesundheit/gesundheitsinformation",
            "gesundheit/ernaehrung-bewegung",
            "gesundheit/kinderarzt",
            "gesundheit/psychische-krise",
        }
        top = self.contents(
            "taxonomy_terms", top_only="true", taxonomy_id=str(HANDLUNGSFELDER_TAXONOMY.id)
        )
        assert len(top) == 6
        kinds = self.contents("taxonomy_terms", taxonomy_id=str(SERVICE_KIND_TAXONOMY.id))
        assert {t["code"] for t in kinds} == set(Service.Kind.values)
        assert {t["name"] for t in self.contents("taxonomy_terms", search="besuch beim")} == {
            "Besuch beim Kinderarzt"
        }
        assert [t["name"] for t in self.contents("taxonomies", search="EINRICHTUNG")] == [
            "Art der Einrichtung"
        ]


class EnvelopeTests(HSDSApiTestCase):
    def test_pages_count_and_flag_correctly(self):
        first = self.get("taxonomy_terms", per_page=10).json()
        total = len(terms())
        pages = -(-total // 10)
        assert first["total_items"] == total
        assert first["total_pages"] == pages
        assert first["page_number"] == 1
        assert first["size"] == 10 and len(first["contents"]) == 10
        assert first["first_page"] is True and first["last_page"] is False
        assert first["empty"] is False
        last = self.get("taxonomy_terms", per_page=10, page=pages).json()
        assert last["size"] == total - 10 * (pages - 1)
        assert last["first_page"] is False and last["last_page"] is True
        beyond = self.get("taxonomy_terms", per_page=10, page=pages + 1).json()
        assert beyond["contents"] == [] and beyond["empty"] is True and beyond["size"] == 0
        assert beyond["last_page"] is True
        assert self.get("taxonomy_terms", page=10**30).json()["empty"] is True

    def test_services_paginate_in_a_stable_order(self):
        seen = []
        for page in (1, 2):
            data = self.get("services", per_page=2, page=page).json()
            assert data["total_items"] == 3 and data["total_pages"] == 2
            seen += [item["name"] for item in data["contents"]]
        assert seen == sorted(seen) and len(set(seen)) == 3

    def test_default_page_size_is_fifty(self):
        data = self.get("taxonomy_terms").json()
        assert data["size"] == min(50, len(terms()))

    def test_an_empty_result(self):
        data = self.get("services", search="gibt es nicht").json()
        assert data == {
            "total_items": 0,
            "total_pages": 0,
            "page_number": 1,
            "size": 0,
            "first_page": True,
            "last_page": True,
            "empty": True,
            "contents": [],
        }

    def test_ndjson_streams_every_result_one_object_per_line(self):
        response = self.get("services", format="ndjson", per_page=1, page=3)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/x-ndjson")
        assert response.streaming
        lines = b"".join(response.streaming_content).decode().splitlines()
        assert len(lines) == 3
        assert {json.loads(line)["name"] for line in lines} == self.names()
        terms_lines = b"".join(self.get("taxonomy_terms", format="ndjson").streaming_content)
        assert len(terms_lines.decode().splitlines()) == len(terms())


class ErrorTests(HSDSApiTestCase):
    def assert_bad(self, name: str, parameter: str, value: str) -> None:
        response = self.get(name, **{parameter: value})
        assert response.status_code == 400, (parameter, value)
        assert response["Content-Type"] == "application/json"
        data = response.json()
        assert data["status"] == 400
        assert data["error"] == "invalid_parameter"
        assert data["parameter"] == parameter
        assert data["message"] and data["message_en"] and data["message"] != data["message_en"]

    def test_bad_parameters_answer_400_in_german_and_english(self):
        for parameter, value in (
            ("page", "abc"),
            ("page", "0"),
            ("per_page", "101"),
            ("per_page", "-5"),
            ("format", "xml"),
            ("full", "vielleicht"),
            ("taxonomy_term_id", "gesundheit"),
            ("taxonomy_id", "123"),
            ("organization_id", "x"),
            ("modified_after", "gestern"),
            ("minimum_age", "-1"),
            ("maximum_age", "drei"),
            ("day", "Montag"),
        ):
            self.assert_bad("services", parameter, value)
        self.assert_bad("service_at_locations", "day", "XX")
        self.assert_bad("taxonomy_terms", "parent_id", "nope")
        self.assert_bad("organizations", "full_service", "maybe")

    def test_per_page_up_to_one_hundred_is_fine(self):
        assert self.get("services", per_page=100).status_code == 200

    def test_unknown_or_malformed_ids_answer_404_json(self):
        for name in SchemaTests.DETAIL.values():
            for item_id in (str(uuid.uuid4()), "kein-id"):
                response = self.get(name, item_id)
                assert response.status_code == 404
                assert response.json()["error"] == "not_found"
                assert response.json()["message"] == "Diesen Eintrag gibt es nicht."


class FilterTests(HSDSApiTestCase):
    def test_search_matches_name_or_description_ignoring_case(self):
        assert self.names(search="ELTERNCAFÉ".lower()) == {"Elterncafé"}
        assert self.names(search="beratung") == {
            "Offene Sprechstunde für Eltern",
            "Erziehungsberatung Bochum",
        }
        assert self.names("organizations", search="familienzentrum") == {
            "Familienzentrum Bochum-Mitte"
        }
        sals = self.contents("service_at_locations", search="Elterncafé")
        assert [s["id"] for s in sals] == [str(self.d.sal_cafe.pk)]

    def test_taxonomy_term_of_a_handlungsfeld_finds_its_subtopics(self):
        gesundheit = term(HANDLUNGSFELDER_TAXONOMY, "gesundheit")
        assert self.names(taxonomy_term_id=str(gesundheit.id)) == {"Offene Sprechstunde für Eltern"}
        kinderarzt = term(HANDLUNGSFELDER_TAXONOMY, "gesundheit/kinderarzt")
        assert self.names(taxonomy_term_id=str(kinderarzt.id)) == {"Offene Sprechstunde für Eltern"}
        other = term(HANDLUNGSFELDER_TAXONOMY, "gesundheit/psychische-krise")
        assert self.names(taxonomy_term_id=str(other.id)) == set()
        gruppe = term(SERVICE_KIND_TAXONOMY, "gruppe")
        assert self.names(taxonomy_term_id=str(gruppe.id)) == {"Elterncafé"}
        zentrum = term(ORGANIZATION_KIND_TAXONOMY, "familienzentrum")
        assert self.names(taxonomy_term_id=str(zentrum.id)) == {"Erziehungsberatung Bochum"}
        assert self.names(taxonomy_term_id=str(uuid.uuid4())) == set()
        sals = self.contents("service_at_locations", taxonomy_term_id=str(gruppe.id))
        assert [s["id"] for s in sals] == [str(self.d.sal_cafe.pk)]

    def test_taxonomy_id(self):
        Service.objects.filter(pk=self.d.beratung.pk).update(topics=[])
        assert self.names(taxonomy_id=str(HANDLUNGSFELDER_TAXONOMY.id)) == {
            "Offene Sprechstunde für Eltern",
            "Elterncafé",
        }
        assert len(self.names(taxonomy_id=str(SERVICE_KIND_TAXONOMY.id))) == 3
        assert self.names(taxonomy_id=str(uuid.uuid4())) == set()

    def test_organization_id(self):
        assert self.names(organization_id=str(self.d.traeger.pk)) == {
            "Offene Sprechstunde für Eltern",
            "Elterncafé",
        }
        sals = self.contents("service_at_locations", organization_id=str(self.d.familienzentrum.pk))
        assert [s["id"] for s in sals] == [str(self.d.sal_bochum.pk)]

    def test_modified_after(self):
        old = dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC)
        Service.objects.update(last_modified=old)
        Location.objects.update(last_modified=old)
        Service.objects.filter(pk=self.d.elterncafe.pk).update(
            last_modified=dt.datetime(2026, 2, 1, 12, tzinfo=dt.UTC)
        )
        assert self.names(modified_after="2026-01-01T00:00:00Z") == {"Elterncafé"}
        assert self.names(modified_after="2026-01-01T00:00:00+01:00") == {"Elterncafé"}
        # A "+" sent unencoded arrives as a space; it still means the offset.
        response = Client().get("/api/hsds/services?modified_after=2026-01-01T00:00:00+01:00")
        assert [s["name"] for s in response.json()["contents"]] == ["Elterncafé"]
        assert self.names(modified_after="2026-02-01") == {"Elterncafé"}
        assert self.names(modified_after="2026-03-01") == set()
        assert len(self.names(modified_after="2025-06-01T12:00:00Z")) == 3
        # A place counts as modified when its location changed.
        Location.objects.filter(pk=self.d.bochum_place.pk).update(
            last_modified=dt.datetime(2026, 2, 1, 12, tzinfo=dt.UTC)
        )
        sals = self.contents("service_at_locations", modified_after="2026-01-01T00:00:00Z")
        assert {s["id"] for s in sals} == {str(self.d.sal_cafe.pk), str(self.d.sal_bochum.pk)}

    def test_minimum_and_maximum_age_follow_open_referral_uk(self):
        # minimum_age: offers whose minimum age is at least the value.
        assert self.names(minimum_age="1") == {"Elterncafé"}
        assert len(self.names(minimum_age="0")) == 3
        assert self.names(minimum_age="0.5") == {"Elterncafé"}
        # maximum_age: offers whose maximum age is at most the value (none given: no match).
        assert self.names(maximum_age="3") == {"Elterncafé"}
        assert self.names(maximum_age="6") == {"Offene Sprechstunde für Eltern", "Elterncafé"}
        assert self.names(minimum_age="1", maximum_age="6") == {"Elterncafé"}

    @time_machine.travel(WINTER, tick=False)
    def test_day_finds_current_weekly_and_monthly_schedules(self):
        assert self.names(day="MO") == {"Offene Sprechstunde für Eltern"}
        assert self.names(day="monday") == {"Offene Sprechstunde für Eltern"}
        assert self.names(day="TU") == {"Offene Sprechstunde für Eltern"}  # 1TU, monthly
        assert self.names(day="Friday") == {"Erziehungsberatung Bochum"}
        assert self.names(day="fr,th") == {
            "Offene Sprechstunde für Eltern",
            "Erziehungsberatung Bochum",
        }
        # The Elterncafé's Wednesday ended in 2025.
        assert self.names(day="WE") == set()
        assert self.names(day="SU") == set()
        # At places, only that place's schedules count.
        sals = self.contents("service_at_locations", day="TU")
        assert [s["id"] for s in sals] == [str(self.d.sal_eving.pk)]

    def test_filters_combine_with_and(self):
        assert self.names(
            search="eltern", organization_id=str(self.d.traeger.pk), maximum_age="3"
        ) == {"Elterncafé"}


class QueryCountTests(HSDSApiTestCase):
    URLS: tuple[tuple[str, dict[str, str]], ...] = (
        ("services", {"full": "true"}),
        ("services", {}),
        ("organizations", {"full": "true"}),
        ("organizations", {"full": "true", "full_service": "true"}),
        ("service_at_locations", {"full": "true"}),
        ("service_at_locations", {}),
        ("services", {"full": "true", "format": "ndjson"}),
        ("service_at_locations", {"full": "true", "format": "ndjson", "day": "TU"}),
    )

    def count_queries(self) -> dict[str, int]:
        counts = {}
        for name, params in self.URLS:
            with CaptureQueriesContext(connection) as captured:
                response = self.get(name, per_page=100, **params)
                if response.streaming:
                    b"".join(response.streaming_content)
            assert response.status_code == 200
            counts[f"{name} {params}"] = len(captured)
        return counts

    def test_query_counts_do_not_grow_with_the_number_of_results(self):
        few = self.count_queries()  # 3 offers
        more_services(self, 27)
        assert Service.objects.count() == 30
        assert self.count_queries() == few
        # Count, page and one query per prefetched relation; nothing per item.
        assert max(few.values()) <= 13, few
        with CaptureQueriesContext(connection) as captured:
            self.get("service", str(self.d.sprechstunde.pk))
        assert len(captured) <= 10
