"""hsds_export and hsds_import: documented files, lossless round trip, all-or-nothing, idempotent."""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError

from bruecke.audit.models import AuditEvent
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
from bruecke.directory.tests.test_hsds_api import (
    SUMMER,
    WINTER,
    assert_valid,
    build_directory,
    needs_compiled,
)
from bruecke.test import BaseTestCase

FILES = {
    "services.json",
    "organizations.json",
    "taxonomies.json",
    "taxonomy_terms.json",
    "translations.json",
}
MODELS = (
    Organization,
    Location,
    Service,
    ServiceAtLocation,
    Schedule,
    ScheduleException,
    Phone,
    ServiceTranslation,
    SearchDocument,
    AuditEvent,
)


def row_counts() -> dict[str, int]:
    counts = {model.__name__: model.objects.count() for model in MODELS}
    counts["districts"] = Service.districts.through.objects.count()
    return counts


def delete_directory(office: Any) -> None:
    Service.objects.filter(office=office).delete()
    Organization.objects.filter(office=office).delete()


class ExchangeTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.d = build_directory(cls)

    def setUp(self) -> None:
        self.tmp = Path(self.enterContext(tempfile.TemporaryDirectory()))

    def export(self, name: str = "export", office: str | None = "dortmund") -> Path:
        target = self.tmp / name
        args = [str(target)] + (["--office", office] if office else [])
        call_command("hsds_export", *args, stdout=io.StringIO())
        return target

    def load(self, directory: Path) -> dict[str, Any]:
        return {
            path.name: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(directory.glob("*.json"))
        }

    def run_import(self, path: Path, office: str = "dortmund") -> str:
        out = io.StringIO()
        call_command("hsds_import", str(path), "--office", office, stdout=out)
        return out.getvalue()

    def write(self, data: Any, name: str = "services.json") -> Path:
        path = self.tmp / name
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        return path


class ExportTests(ExchangeTestCase):
    @needs_compiled
    @time_machine.travel(WINTER, tick=False)
    def test_export_writes_the_documented_files_of_valid_hsds_objects(self):
        data = self.load(self.export())
        assert set(data) == FILES
        assert {s["name"] for s in data["services.json"]} == {
            "Offene Sprechstunde für Eltern",
            "Elterncafé",
        }
        assert {o["name"] for o in data["organizations.json"]} == {
            "Familienhilfe Dortmund e. V.",
            "Kita Sonnenschein",
        }
        for service in data["services.json"]:
            assert_valid("compiled/service.json", service)
        for organization in data["organizations.json"]:
            assert_valid("compiled/organization.json", organization)
            assert "services" not in organization
        for taxonomy in data["taxonomies.json"]:
            assert_valid("taxonomy.json", taxonomy)
        for term in data["taxonomy_terms.json"]:
            assert_valid("taxonomy_term.json", term)
        assert data["translations.json"] == [
            {
                "service_id": str(self.d.sprechstunde.pk),
                "language": "tr",
                "name": "Ebeveynler için açık danışma saati",
                "description": "Randevusuz danışmanlık.",
                "fees_description": "",
                "eligibility_description": "",
                "application_process": "",
            }
        ]

    def test_without_office_every_office_is_exported(self):
        data = self.load(self.export(office=None))
        assert len(data["services.json"]) == 3
        assert [s["id"] for s in data["services.json"]] == sorted(
            s["id"] for s in data["services.json"]
        )

    def test_unknown_office_is_an_error(self):
        with pytest.raises(CommandError, match="No office"):
            call_command("hsds_export", str(self.tmp / "x"), "--office", "atlantis")
        with pytest.raises(CommandError, match="No office"):
            call_command("hsds_import", str(self.tmp), "--office", "atlantis")


class RoundTripTests(ExchangeTestCase):
    @time_machine.travel(WINTER, tick=False)
    def test_export_delete_import_export_is_lossless(self):
        first = self.export("first")
        before = self.load(first)
        counts = row_counts()
        delete_directory(self.dortmund)
        assert not Service.objects.filter(office=self.dortmund).exists()
        output = self.run_import(first)
        assert "created:" in output
        after = self.load(self.export("second"))
        assert after == before
        # Rows as well as JSON: nothing lost, nothing added (one audit event more).
        now = row_counts()
        assert now.pop("AuditEvent") == counts.pop("AuditEvent") + 1
        assert now == counts
        restored = Service.objects.get(pk=self.d.sprechstunde.pk)
        assert restored.last_modified == self.d.sprechstunde.last_modified.replace(
            microsecond=self.d.sprechstunde.last_modified.microsecond // 1000 * 1000
        )
        assert restored.topics == ["gesundheit/kinderarzt", "inklusion"]
        assert restored.languages == ["de", "tr", "ar"]
        assert set(restored.districts.values_list("name", flat=True)) == {"Hörde", "Eving"}
        assert restored.translations.get().language == "tr"
        closed = ScheduleException.objects.get(date=dt.date(2026, 12, 24))
        assert closed.closed and closed.note == "Heiligabend"
        shared = Phone.objects.get(pk=self.d.shared_phone.pk)
        assert (shared.organization_id, shared.service_id) == (
            self.d.traeger.pk,
            self.d.sprechstunde.pk,
        )
        assert SearchDocument.objects.filter(service_id=self.d.sprechstunde.pk).exists()

    def test_a_file_exported_in_winter_imports_the_same_times_in_summer(self):
        with time_machine.travel(WINTER, tick=False):
            directory = self.export()
            assert "08:30+01:00" in (directory / "services.json").read_text()
        delete_directory(self.dortmund)
        with time_machine.travel(SUMMER, tick=False):
            self.run_import(directory)
        weekly = Schedule.objects.get(pk=self.d.weekly.pk)
        assert (weekly.opens_at, weekly.closes_at) == (dt.time(8, 30), dt.time(10, 30))
        monthday = Schedule.objects.get(pk=self.d.monthday.pk)
        assert monthday.closes_at == dt.time(11, 15, 30)

    def test_times_in_other_offsets_are_converted_to_local_time(self):
        data = self.load(self.export())["services.json"]
        schedule = data[1]["service_at_locations"][0]["schedules"][0]
        schedule.update(opens_at="07:30Z", closes_at="09:30Z")
        with time_machine.travel(WINTER, tick=False):
            self.run_import(self.write(data))
        imported = Schedule.objects.get(pk=schedule["id"])
        assert (imported.opens_at, imported.closes_at) == (dt.time(8, 30), dt.time(10, 30))

    def test_a_single_services_file_restores_the_offers(self):
        directory = self.export()
        Service.objects.filter(office=self.dortmund).delete()
        self.run_import(directory / "services.json")
        assert set(Service.objects.filter(office=self.dortmund).values_list("name", flat=True)) == {
            "Offene Sprechstunde für Eltern",
            "Elterncafé",
        }
        # Translations live in translations.json, which a single file does not bring.
        assert not ServiceTranslation.objects.exists()


class IdempotencyTests(ExchangeTestCase):
    def test_importing_twice_changes_nothing(self):
        directory = self.export()
        self.run_import(directory)
        counts = row_counts()
        modified = dict(Service.objects.values_list("pk", "last_modified"))
        places = dict(Location.objects.values_list("pk", "last_modified"))
        output = self.run_import(directory)
        assert "Nothing changed." in output
        now = row_counts()
        assert now.pop("AuditEvent") == counts.pop("AuditEvent") + 1
        assert now == counts
        assert dict(Service.objects.values_list("pk", "last_modified")) == modified
        assert dict(Location.objects.values_list("pk", "last_modified")) == places
        assert (
            self.load(self.export("again"))["services.json"]
            == self.load(directory)["services.json"]
        )

    def test_import_keeps_what_hsds_does_not_carry(self):
        user = self.coordinator_dortmund
        Service.objects.filter(pk=self.d.sprechstunde.pk).update(verified_by=user)
        self.run_import(self.export())
        assert Service.objects.get(pk=self.d.sprechstunde.pk).verified_by == user
        assert Organization.objects.get(pk=self.d.kita.pk).partner == self.kita_hoerde

    def test_changes_in_the_file_update_and_drop_what_it_no_longer_lists(self):
        data = self.load(self.export())["services.json"]
        service = next(s for s in data if s["id"] == str(self.d.sprechstunde.pk))
        service["name"] = "Sprechstunde (neu)"
        service["service_areas"] = [a for a in service["service_areas"] if a["name"] == "Hörde"]
        service["phones"] = [p for p in service["phones"] if p["number"] != "0231 1234-56"]
        hoerde = next(
            s for s in service["service_at_locations"] if s["id"] == str(self.d.sal_hoerde.pk)
        )
        hoerde["schedules"] = [s for s in hoerde["schedules"] if s.get("dtstart") != "2026-12-24"]
        service["service_at_locations"] = [hoerde]
        self.run_import(self.write(data))
        changed = Service.objects.get(pk=self.d.sprechstunde.pk)
        assert changed.name == "Sprechstunde (neu)"
        assert list(changed.districts.values_list("name", flat=True)) == ["Hörde"]
        assert list(changed.service_at_locations.values_list("pk", flat=True)) == [
            self.d.sal_hoerde.pk
        ]
        assert not ScheduleException.objects.filter(date=dt.date(2026, 12, 24)).exists()
        assert ScheduleException.objects.filter(date=dt.date(2026, 7, 16)).exists()
        assert not Phone.objects.filter(number="0231 1234-56").exists()
        # The shared number stays, for the organisation and the offer.
        assert Phone.objects.filter(pk=self.d.shared_phone.pk, service=changed).exists()
        # Locations are never deleted by an import, only the link to them.
        assert Location.objects.filter(pk=self.d.eving_place.pk).exists()


class RejectionTests(ExchangeTestCase):
    def assert_rejected(self, path: Path, *expected: str, office: str = "dortmund") -> None:
        counts = row_counts()
        with pytest.raises(CommandError) as raised:
            self.run_import(path, office=office)
        message = str(raised.value)
        assert message.startswith("Nothing imported.")
        for text in expected:
            assert text in message, message
        assert row_counts() == counts

    def test_a_schema_error_names_the_json_path_and_nothing_is_written(self):
        data = self.load(self.export())["services.json"]
        delete_directory(self.dortmund)
        data[1]["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] = 44263
        self.assert_rejected(
            self.write(data),
            "services.json: $[1].service_at_locations[0].location.addresses[0].postal_code: "
            "44263 is not of type 'string'",
        )

    def test_the_first_error_in_the_document_is_reported(self):
        data = self.load(self.export())["services.json"]
        data[1]["email"] = "keine-adresse"
        data[1]["status"] = "offen"
        data[0]["organization"]["phones"][0]["number"] = None
        self.assert_rejected(
            self.write(data), "$[0].organization.phones[0].number: None is not of type 'string'"
        )

    def test_a_problem_in_the_last_offer_keeps_the_first_ones_out(self):
        directory = self.export()
        data = self.load(directory)["services.json"]
        delete_directory(self.dortmund)
        data[-1]["service_areas"] = [{"id": data[-1]["id"], "name": "Atlantis"}]
        (directory / "services.json").write_text(json.dumps(data), encoding="utf-8")
        self.assert_rejected(
            directory, "services.json: $[1].service_areas[0].name", "Stadtbezirk „Atlantis“"
        )

    def test_brueckes_own_rules_are_checked_with_paths(self):
        data = self.load(self.export())["services.json"]
        # The Elterncafé (ages 1 to 3) second, so that every path below starts with $[1].
        data.sort(key=lambda service: service["name"] == "Elterncafé")
        cases = [
            (("minimum_age",), 2.5, "$[1].minimum_age"),
            (("maximum_age",), 0, "$[1].maximum_age: ist kleiner als minimum_age"),
            (("name",), "x" * 201, "$[1].name"),
            (("description",), "", "$[1].description"),
            (("service_at_locations", 0, "location", "addresses", 0, "region"), "Mitte", "region"),
            (("service_at_locations", 0, "location", "location_type"), "virtual", "location_type"),
            (("service_at_locations", 0, "schedules", 0, "interval"), 2, "schedules[0].interval"),
            (("service_at_locations", 0, "schedules", 0, "closes_at"), "07:00", "closes_at"),
            (("service_at_locations", 0, "schedules", 0, "byday"), "MO,XX", "byday"),
        ]
        for keys, value, expected in cases:
            broken = json.loads(json.dumps(data))
            target = broken[1]
            for key in keys[:-1]:
                target = target[key]
            target[keys[-1]] = value
            self.assert_rejected(self.write(broken), expected)

    def test_entries_of_another_office_are_not_overwritten(self):
        directory = self.export()
        self.assert_rejected(
            directory, "wird von einem anderen Jugendamt gepflegt", office="bochum"
        )

    def test_a_failure_while_writing_rolls_everything_back(self):
        directory = self.export()
        delete_directory(self.dortmund)
        counts = row_counts()
        with (
            mock.patch(
                "bruecke.directory.search.search_index_services", side_effect=RuntimeError("kaputt")
            ),
            pytest.raises(RuntimeError),
        ):
            self.run_import(directory)
        assert row_counts() == counts

    def test_broken_json_and_missing_files(self):
        broken = self.tmp / "broken.json"
        broken.write_text('[{"id": ', encoding="utf-8")
        self.assert_rejected(broken, "broken.json: kein gültiges JSON (Zeile 1")
        self.assert_rejected(self.tmp / "nirgends.json", "gibt es nicht")
        empty = self.tmp / "leer"
        empty.mkdir()
        self.assert_rejected(empty, "weder services.json noch organizations.json")
        self.assert_rejected(self.write({"id": "x"}), "$: {'id': 'x'} is not of type 'array'")

    def test_a_bad_translation_is_rejected(self):
        directory = self.export()
        path = directory / "translations.json"
        items = json.loads(path.read_text(encoding="utf-8"))
        items[0]["language"] = "de"
        path.write_text(json.dumps(items), encoding="utf-8")
        self.assert_rejected(directory, "translations.json: $[0].language")


class ForeignDataTests(ExchangeTestCase):
    def test_fields_brueckes_models_cannot_hold_are_counted_as_ignored(self):
        data = self.load(self.export())["services.json"]
        data[0]["contacts"] = [{"id": data[0]["id"], "name": "Frau Beispiel"}]
        data[0]["attributes"].append(
            {"id": data[0]["id"], "taxonomy_term_id": "0a4f3c50-0000-4000-8000-000000000000"}
        )
        output = self.run_import(self.write(data))
        assert "service.contacts 1" in output
        assert "attributes (unknown taxonomy term) 1" in output

    def test_audit_event_records_the_import(self):
        directory = self.export()
        delete_directory(self.dortmund)
        self.run_import(directory)
        event = AuditEvent.objects.filter(action="directory.hsds_import").get()
        assert event.office == self.dortmund
        assert event.actor is None
        assert event.details["created"]["services"] == 2
        assert event.details["created"]["organizations"] == 2
