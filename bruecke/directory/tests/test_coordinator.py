"""Coordinator pages: maintaining the office's directory entries."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bruecke.audit.models import AuditEvent
from bruecke.directory import actions
from bruecke.directory.models import (
    Location,
    Organization,
    Schedule,
    ScheduleException,
    Service,
    ServiceAtLocation,
    ServiceTranslation,
)
from bruecke.directory.search import ranked_service_ids
from bruecke.org.actions import staff_user_create
from bruecke.org.models import Role
from bruecke.test import PASSWORD, BaseTestCase, World

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)


def make_service(office, organization, name="Elterncafé Hörde", **fields):
    defaults = {
        "description": "Offenes Café für Eltern mit kleinen Kindern.",
        "kind": Service.Kind.GRUPPE,
        "topics": ["soziale-kontakte"],
    }
    return Service.objects.create(
        office=office, organization=organization, name=name, **(defaults | fields)
    )


@time_machine.travel(NOW, tick=False)
class CoordinatorTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.coordinator_bochum = staff_user_create(
            username="coordinator_bochum",
            password=PASSWORD,
            office=cls.bochum,
            role=Role.KOORDINATION,
        )
        cls.org_do = Organization.objects.create(office=cls.dortmund, name="AWO Dortmund")
        cls.org_bo = Organization.objects.create(office=cls.bochum, name="Caritas Bochum")
        cls.offer_do = make_service(cls.dortmund, cls.org_do)
        cls.offer_do.districts.set([cls.hoerde])
        cls.offer_bo = make_service(cls.bochum, cls.org_bo, name="Babytreff Bochum")

    def form_data(self, **overrides):
        return {
            "name": "Sprachcafé für Eltern",
            "description": "Deutsch sprechen üben, während die Kinder spielen.",
            "kind": "gruppe",
            "topics": ["inklusion/sprachfoerderung"],
            "organization": str(self.org_do.pk),
            "new_organization": "",
            "minimum_age": "0",
            "maximum_age": "6",
            "languages": ["de", "ar"],
            "free": "on",
            "districts": [str(self.hoerde.pk)],
            "status": "active",
            "url": "",
            "email": "",
            "eligibility_description": "Eltern mit Kindern bis 6 Jahre",
            "application_process": "Einfach vorbeikommen",
        } | overrides

    def edit_data(self, service, **overrides):
        service.refresh_from_db()
        data = self.form_data(
            name=service.name,
            description=service.description,
            topics=service.topics,
            last_modified=service.last_modified.isoformat(),
        )
        return data | overrides

    # --- Access ---------------------------------------------------------------------

    def urls(self, service):
        return [
            reverse("directory:service_list"),
            reverse("directory:service_list") + "?ansicht=ungeprueft",
            reverse("directory:service_create"),
            reverse("directory:service_edit", args=[service.pk]),
            reverse("directory:service_places", args=[service.pk]),
            reverse("directory:translations", args=[service.pk]),
            reverse("directory:translation_edit", args=[service.pk, "en"]),
            reverse("directory:service_preview", args=[service.pk]),
        ]

    def test_coordinator_lists_and_opens_own_offices_offers(self):
        self.client.force_login(self.coordinator_dortmund)
        for url in self.urls(self.offer_do):
            assert self.client.get(url).status_code == 200, url
        listing = self.client.get(reverse("directory:service_list")).content.decode()
        assert "Elterncafé Hörde" in listing and "Babytreff Bochum" not in listing

    def test_coordinator_gets_404_for_other_offices_offer(self):
        self.client.force_login(self.coordinator_dortmund)
        for url in self.urls(self.offer_bo)[3:]:
            assert self.client.get(url).status_code == 404, url
        response = self.client.post(reverse("directory:service_verify", args=[self.offer_bo.pk]))
        assert response.status_code == 404

    def test_other_roles_get_404_on_every_page(self):
        for user in (
            self.worker_hoerde,
            self.lead_dortmund,
            self.dpo_dortmund,
            self.admin_dortmund,
            self.partner_kita,
            self.worker_bochum,
        ):
            self.client.force_login(user)
            for url in self.urls(self.offer_do):
                assert self.client.get(url).status_code == 404, (user.username, url)
            response = self.client.post(
                reverse("directory:service_edit", args=[self.offer_do.pk]),
                self.edit_data(self.offer_do, name="Übernommen"),
            )
            assert response.status_code == 404
        self.offer_do.refresh_from_db()
        assert self.offer_do.name == "Elterncafé Hörde"

    def test_bochum_coordinator_cannot_edit_dortmund_offer(self):
        self.client.force_login(self.coordinator_bochum)
        assert self.client.get(reverse("directory:service_list")).status_code == 200
        response = self.client.post(
            reverse("directory:service_edit", args=[self.offer_do.pk]),
            self.edit_data(self.offer_do, name="Übernommen"),
        )
        assert response.status_code == 404
        self.offer_do.refresh_from_db()
        assert self.offer_do.name == "Elterncafé Hörde"
        with pytest.raises(actions.PermissionDenied):
            actions.service_verify(by=self.coordinator_bochum, service=self.offer_do)

    def test_a_search_narrows_the_organisations_and_keeps_what_was_typed(self):
        Organization.objects.create(office=self.dortmund, name="Caritas Dortmund")
        Organization.objects.create(office=self.dortmund, name="Diakonie Dortmund")
        self.client.force_login(self.coordinator_dortmund)
        count = Service.objects.count()
        data = self.form_data(
            organization="", organisation_suche="caritas", organisation_suchen="1"
        )
        response = self.client.post(reverse("directory:service_create"), data)
        assert response.status_code == 200
        assert Service.objects.count() == count  # searched, not saved
        html = response.content.decode()
        assert "Sprachcafé für Eltern" in html  # what was typed stays
        assert 'value="caritas"' in html
        caritas = Organization.objects.get(name="Caritas Dortmund")
        listed = [
            (str(pk), label)
            for pk, label in response.context["form"]["organization"].field.widget.choices
        ]
        assert listed == [("", "Bitte wählen"), (str(caritas.pk), "Caritas Dortmund (Träger)")]
        # Nothing is judged while searching: no error messages.
        assert "kern-error" not in html
        response = self.client.post(
            reverse("directory:service_create"),
            data | {"organisation_suche": "Volkshochschule"},
        )
        self.assertContains(response, "Keine Organisation gefunden für „Volkshochschule“.")
        # Saving with an organisation the list does not show right now still works.
        response = self.client.post(
            reverse("directory:service_create"),
            self.form_data(organisation_suche="caritas"),
        )
        assert response.status_code == 302
        assert Service.objects.get(name="Sprachcafé für Eltern").organization == self.org_do

    def test_a_long_list_of_organisations_stops_and_keeps_the_chosen_one(self):
        for n in range(3):
            Organization.objects.create(office=self.dortmund, name=f"AB Träger {n}")
        self.client.force_login(self.coordinator_dortmund)
        with mock.patch("bruecke.directory.selectors.ORGANISATION_CHOICES", 2):
            response = self.client.get(reverse("directory:service_create"))
            self.assertContains(response, "Die Liste zeigt die ersten 2 Organisationen.")
            names = [
                label
                for _pk, label in response.context["form"]["organization"].field.widget.choices
            ]
            assert names == ["Bitte wählen", "AB Träger 0 (Träger)", "AB Träger 1 (Träger)"]
            # The offer's own organisation ("AWO Dortmund", third by name) stays listed.
            response = self.client.get(reverse("directory:service_edit", args=[self.offer_do.pk]))
            choices = response.context["form"]["organization"].field.widget.choices
            assert (self.org_do.pk, "AWO Dortmund (Träger)") in choices
            self.assertContains(response, "selected>AWO Dortmund (Träger)")

    def test_other_offices_organisation_or_district_is_refused(self):
        self.client.force_login(self.coordinator_dortmund)
        count = Service.objects.count()
        response = self.client.post(
            reverse("directory:service_create"), self.form_data(organization=str(self.org_bo.pk))
        )
        assert response.status_code == 400
        response = self.client.post(
            reverse("directory:service_create"),
            self.form_data(districts=[str(self.bochum_mitte.pk)]),
        )
        assert response.status_code == 400
        assert "Sprachcafé für Eltern" in response.content.decode()  # input kept
        assert Service.objects.count() == count
        # The actions refuse as well, whatever a form lets through.
        with pytest.raises(actions.ValidationError):
            actions.service_create(
                by=self.coordinator_dortmund,
                office=self.dortmund,
                organization=self.org_bo,
                name="X",
                description="Y",
                kind="gruppe",
            )
        place = ServiceAtLocation.objects.create(
            service=self.offer_do,
            location=Location.objects.create(
                organization=self.org_do, address_1="Hauptstr. 1", postal_code="44263", city="Do"
            ),
        )
        response = self.client.post(
            reverse("directory:place_edit", args=[self.offer_do.pk, place.pk]),
            {
                "address_1": "Hauptstr. 2",
                "postal_code": "44263",
                "city": "Dortmund",
                "district": str(self.bochum_mitte.pk),
            },
        )
        assert response.status_code == 400
        assert Location.objects.get(pk=place.location_id).address_1 == "Hauptstr. 1"

    # --- Create, edit, verify ----------------------------------------------------------

    def test_create_offer_appears_in_public_search_with_audit(self):
        self.client.force_login(self.coordinator_dortmund)
        response = self.client.post(
            reverse("directory:service_create"),
            self.form_data(organization="", new_organization="Stadtteilverein Hörde e. V."),
        )
        assert response.status_code == 302
        service = Service.objects.get(name="Sprachcafé für Eltern")
        assert service.office == self.dortmund
        assert service.organization.name == "Stadtteilverein Hörde e. V."
        assert service.organization.office == self.dortmund
        assert service.languages == ["de", "ar"] and service.maximum_age == 6
        assert list(service.districts.all()) == [self.hoerde]
        assert service.pk in ranked_service_ids("Sprachcafé")
        assert service.pk in ranked_service_ids("Stadtteilverein")
        assert AuditEvent.objects.filter(
            action="directory.service.create", target_id=str(service.pk)
        ).exists()
        assert AuditEvent.objects.filter(action="directory.organization.create").exists()

    def test_bad_input_is_400_keeps_input_and_writes_nothing(self):
        self.client.force_login(self.coordinator_dortmund)
        count = Service.objects.count(), Organization.objects.count()
        response = self.client.post(
            reverse("directory:service_create"),
            self.form_data(
                organization="",
                new_organization="Neuer Träger",
                minimum_age="8",
                maximum_age="3",
                description="",
            ),
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert "Bitte prüfen Sie Ihre Eingaben." in html
        assert "Das Höchstalter ist kleiner als das Mindestalter." in html
        assert 'value="Neuer Träger"' in html
        assert (Service.objects.count(), Organization.objects.count()) == count

    def test_edit_saves_and_reindexes(self):
        self.client.force_login(self.coordinator_dortmund)
        response = self.client.post(
            reverse("directory:service_edit", args=[self.offer_do.pk]),
            self.edit_data(self.offer_do, name="Familiencafé Clarenberg"),
        )
        assert response.status_code == 302
        self.offer_do.refresh_from_db()
        assert self.offer_do.name == "Familiencafé Clarenberg"
        assert self.offer_do.pk in ranked_service_ids("Clarenberg")
        event = AuditEvent.objects.get(action="directory.service.update")
        assert "name" in event.details["fields"]

    def test_stale_edit_is_409_explains_and_keeps_input(self):
        self.client.force_login(self.coordinator_dortmund)
        data = self.edit_data(self.offer_do, name="Mein neuer Name")
        # Meanwhile a colleague renames the offer.
        with time_machine.travel(NOW + dt.timedelta(minutes=5), tick=False):
            actions.service_update(
                by=self.coordinator_dortmund,
                service=Service.objects.get(pk=self.offer_do.pk),
                last_modified=Service.objects.get(pk=self.offer_do.pk).last_modified,
                organization=self.org_do,
                districts=[self.hoerde],
                **{
                    name: getattr(self.offer_do, name)
                    for name in actions.SERVICE_FIELDS
                    if name != "name"
                },
                name="Name der Kollegin",
            )
        response = self.client.post(
            reverse("directory:service_edit", args=[self.offer_do.pk]), data
        )
        assert response.status_code == 409
        html = response.content.decode()
        assert "Inzwischen hat jemand anderes gespeichert." in html
        assert "Name der Kollegin" in html
        assert 'value="Mein neuer Name"' in html
        self.offer_do.refresh_from_db()
        assert self.offer_do.name == "Name der Kollegin"
        # Saving again knowingly overwrites.
        current = Service.objects.get(pk=self.offer_do.pk).last_modified.isoformat()
        response = self.client.post(
            reverse("directory:service_edit", args=[self.offer_do.pk]),
            data | {"last_modified": current},
        )
        assert response.status_code == 302
        self.offer_do.refresh_from_db()
        assert self.offer_do.name == "Mein neuer Name"

    def test_verify_sets_date_and_user(self):
        self.client.force_login(self.coordinator_dortmund)
        response = self.client.post(
            reverse("directory:service_verify", args=[self.offer_do.pk]),
            {"next": "https://example.org/"},
        )
        assert response.status_code == 302
        assert response["Location"] == reverse("directory:service_edit", args=[self.offer_do.pk])
        self.offer_do.refresh_from_db()
        assert self.offer_do.last_verified == dt.date(2026, 11, 24)
        assert self.offer_do.verified_by == self.coordinator_dortmund
        assert AuditEvent.objects.filter(action="directory.service.verify").exists()
        assert (
            self.client.get(
                reverse("directory:service_verify", args=[self.offer_do.pk])
            ).status_code
            == 405
        )

    def test_unverified_tab_lists_old_and_never_verified_only(self):
        old = make_service(
            self.dortmund, self.org_do, name="Alt geprüft", last_verified=dt.date(2025, 11, 1)
        )
        never = make_service(self.dortmund, self.org_do, name="Nie geprüft")
        make_service(
            self.dortmund, self.org_do, name="Frisch geprüft", last_verified=dt.date(2026, 6, 1)
        )
        make_service(
            self.dortmund, self.org_do, name="Genau ein Jahr", last_verified=dt.date(2025, 11, 24)
        )
        make_service(self.bochum, self.org_bo, name="Bochum ungeprüft")
        self.offer_do.last_verified = dt.date(2026, 1, 5)
        self.offer_do.save()
        self.client.force_login(self.coordinator_dortmund)
        response = self.client.get(reverse("directory:service_list") + "?ansicht=ungeprueft")
        html = response.content.decode()
        assert "Alt geprüft" in html and "Nie geprüft" in html
        for name in ("Frisch geprüft", "Genau ein Jahr", "Bochum ungeprüft", "Elterncafé"):
            assert name not in html, name
        assert list(response.context["page"].object_list) == [never, old]

    def test_list_filters_by_text_and_status(self):
        make_service(self.dortmund, self.org_do, name="Krabbelgruppe", status="inactive")
        self.client.force_login(self.coordinator_dortmund)
        html = self.client.get(reverse("directory:service_list") + "?q=krabbel").content.decode()
        assert "Krabbelgruppe" in html and "Elterncafé" not in html
        html = self.client.get(
            reverse("directory:service_list") + "?status=active"
        ).content.decode()
        assert "Krabbelgruppe" not in html and "Elterncafé" in html

    def test_offer_and_organisation_names_keep_their_direction_in_the_list(self):
        org = Organization.objects.create(office=self.dortmund, name="جمعية الجسر")
        make_service(self.dortmund, org, name="مقهى الأهل")
        self.client.force_login(self.coordinator_dortmund)
        html = self.client.get(reverse("directory:service_list")).content.decode()
        assert 'dir="auto">مقهى الأهل</a>' in html
        assert '<td class="kern-table__cell" dir="auto">جمعية الجسر</td>' in html

    def test_list_query_count_is_constant(self):
        def queries():
            self.client.force_login(self.coordinator_dortmund)
            with CaptureQueriesContext(connection) as context:
                assert self.client.get(reverse("directory:service_list")).status_code == 200
            return len(context.captured_queries)

        def add(n):
            for i in range(n):
                service = make_service(self.dortmund, self.org_do, name=f"Angebot {i:03}")
                ServiceTranslation.objects.create(
                    service=service, language="en", name="Offer", description="An offer"
                )
                ServiceAtLocation.objects.create(
                    service=service,
                    location=Location.objects.create(
                        organization=self.org_do,
                        address_1=f"Weg {i}",
                        postal_code="44263",
                        city="Dortmund",
                    ),
                )

        add(2)
        few = queries()
        add(27)
        assert queries() == few

    # --- Places, schedules, translations, preview ---------------------------------------------

    def add_place(self):
        self.client.force_login(self.coordinator_dortmund)
        response = self.client.post(
            reverse("directory:place_create", args=[self.offer_do.pk]),
            {
                "ort-name": "Familienzentrum Clarenberg",
                "ort-address_1": "Am Clarenberg 10",
                "ort-postal_code": "44263",
                "ort-city": "Dortmund",
                "ort-district": str(self.hoerde.pk),
                "ort-accessibility": "Stufenloser Zugang",
            },
        )
        assert response.status_code == 302
        return ServiceAtLocation.objects.get(service=self.offer_do)

    def test_schedule_shows_in_preview_and_bumps_last_modified(self):
        before = Service.objects.get(pk=self.offer_do.pk).last_modified
        with time_machine.travel(NOW + dt.timedelta(minutes=1), tick=False):
            place = self.add_place()
            prefix = f"zeit-{place.pk.hex[:8]}"
            response = self.client.post(
                reverse("directory:schedule_create", args=[self.offer_do.pk, place.pk]),
                {
                    f"{prefix}-mode": "weekly",
                    f"{prefix}-days": ["TH", "MO"],
                    f"{prefix}-opens_at": "08:30",
                    f"{prefix}-closes_at": "10:30",
                },
            )
        assert response.status_code == 302
        schedule = Schedule.objects.get(service_at_location=place)
        assert schedule.byday == "MO,TH"
        assert Service.objects.get(pk=self.offer_do.pk).last_modified > before
        html = self.client.get(
            reverse("directory:service_preview", args=[self.offer_do.pk])
        ).content.decode()
        assert "Mo und Do 8:30–10:30" in html
        assert "Vorschau" in html and "Am Clarenberg 10" in html
        assert AuditEvent.objects.filter(action="directory.schedule.add").exists()
        assert AuditEvent.objects.filter(action="directory.location.create").exists()
        # Delete it again.
        response = self.client.post(
            reverse("directory:schedule_remove", args=[self.offer_do.pk, schedule.pk])
        )
        assert response.status_code == 302 and not Schedule.objects.exists()

    def test_monthly_schedule_and_bad_schedule_input(self):
        place = self.add_place()
        prefix = f"zeit-{place.pk.hex[:8]}"
        url = reverse("directory:schedule_create", args=[self.offer_do.pk, place.pk])
        response = self.client.post(
            url,
            {
                f"{prefix}-mode": "weekly",
                f"{prefix}-opens_at": "10:30",
                f"{prefix}-closes_at": "08:30",
                f"{prefix}-description": "nicht in den Ferien",
            },
        )
        assert response.status_code == 400
        html = response.content.decode()
        assert "Bitte wählen Sie mindestens einen Wochentag." in html
        assert "Die Endzeit muss nach der Anfangszeit liegen." in html
        assert 'value="nicht in den Ferien"' in html
        assert not Schedule.objects.exists()
        response = self.client.post(
            url,
            {
                f"{prefix}-mode": "monthly_weekday",
                f"{prefix}-nth": "1",
                f"{prefix}-weekday": "MO",
                f"{prefix}-opens_at": "15:00",
                f"{prefix}-closes_at": "17:00",
            },
        )
        assert response.status_code == 302
        response = self.client.post(
            url,
            {
                f"{prefix}-mode": "monthly_day",
                f"{prefix}-monthday": "15",
                f"{prefix}-opens_at": "09:00",
                f"{prefix}-closes_at": "11:00",
            },
        )
        assert response.status_code == 302
        html = self.client.get(
            reverse("directory:service_preview", args=[self.offer_do.pk])
        ).content.decode()
        assert "jeden ersten Mo im Monat 15:00–17:00" in html
        assert "jeden Monat am 15. 9:00–11:00" in html

    def test_closed_day_added_and_duplicate_refused(self):
        place = self.add_place()
        prefix = f"ausnahme-{place.pk.hex[:8]}"
        url = reverse("directory:exception_create", args=[self.offer_do.pk, place.pk])
        data = {f"{prefix}-date": "2026-12-24", f"{prefix}-note": "Heiligabend"}
        assert self.client.post(url, data).status_code == 302
        response = self.client.post(url, data)
        assert response.status_code == 400
        assert "Für diesen Tag gibt es schon eine Ausnahme." in response.content.decode()
        exception = ScheduleException.objects.get()
        assert exception.closed and exception.note == "Heiligabend"
        html = self.client.get(
            reverse("directory:service_preview", args=[self.offer_do.pk])
        ).content.decode()
        assert "24.12.2026: geschlossen (Heiligabend)" in html

    def test_translation_saved_and_used_by_public_page(self):
        self.client.force_login(self.coordinator_dortmund)
        page = self.client.get(reverse("directory:translations", args=[self.offer_do.pk]))
        assert "Es fehlen noch 7 Sprachen" in page.content.decode()
        url = reverse("directory:translation_edit", args=[self.offer_do.pk, "tr"])
        response = self.client.post(url, {"name": "Ebeveyn kafesi", "description": ""})
        assert response.status_code == 400
        assert 'value="Ebeveyn kafesi"' in response.content.decode()
        response = self.client.post(
            url,
            {
                "name": "Ebeveyn kafesi",
                "description": "Küçük çocuklu ebeveynler için açık kafe.",
            },
        )
        assert response.status_code == 302
        assert ServiceTranslation.objects.get(service=self.offer_do, language="tr")
        assert self.offer_do.pk in ranked_service_ids("kafesi", "tr")
        assert AuditEvent.objects.filter(action="directory.translation.create").exists()
        page = self.client.get(reverse("directory:translations", args=[self.offer_do.pk]))
        assert "Es fehlen noch 6 Sprachen" in page.content.decode()
        # The public page in Turkish.
        self.client.logout()
        self.client.cookies["django_language"] = "tr"
        html = self.client.get(f"/angebote/{self.offer_do.pk}/").content.decode()
        assert "Ebeveyn kafesi" in html
        # The preview in Turkish, and in Arabic (missing: German with a note).
        self.client.force_login(self.coordinator_dortmund)
        url = reverse("directory:service_preview", args=[self.offer_do.pk])
        assert "Ebeveyn kafesi" in self.client.get(url + "?sprache=tr").content.decode()
        html = self.client.get(url + "?sprache=ar").content.decode()
        assert "Elterncafé Hörde" in html and 'dir="rtl"' in html
        # Emptying every field removes the translation.
        self.client.post(
            reverse("directory:translation_edit", args=[self.offer_do.pk, "tr"]),
            {"name": "", "description": ""},
        )
        assert not ServiceTranslation.objects.filter(language="tr").exists()
        assert (
            self.client.get(
                reverse("directory:translation_edit", args=[self.offer_do.pk, "de"])
            ).status_code
            == 404
        )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_coordinator_creates_offer_with_place_and_schedule_verifies_and_previews(
    page, live_server, axe
):
    world = World.build()
    Organization.objects.create(office=world.dortmund, name="AWO Unterbezirk Dortmund")
    base = live_server.url
    page.goto(f"{base}/anmelden/")
    page.fill("input[name=username]", "coordinator_dortmund")
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{base}/arbeit/")
    page.goto(f"{base}/angebotsverwaltung/")
    axe(page)

    page.get_by_role("link", name="Neues Angebot").click()
    axe(page)
    page.get_by_label("Name des Angebots").fill("Elterncafé Clarenberg")
    page.get_by_label("Beschreibung").fill("Offenes Café für Eltern mit Babys und Kleinkindern.")
    page.get_by_label("Art des Angebots").select_option(label="Gruppe")
    page.get_by_label("Soziale Kontakte", exact=True).check()
    # The search narrows the list of organisations and keeps what was typed.
    page.get_by_label("Organisation suchen").fill("AWO")
    page.get_by_role("button", name="Organisation suchen").click()
    page.wait_for_url("**/neu/#organisation-search")
    assert page.get_by_label("Name des Angebots").input_value() == "Elterncafé Clarenberg"
    assert page.get_by_label("Soziale Kontakte", exact=True).is_checked()
    axe(page)
    page.get_by_label("Organisation (Träger oder Einrichtung)").select_option(
        label="AWO Unterbezirk Dortmund (Träger)"
    )
    page.get_by_label("Hörde").check()
    page.get_by_label("Arabisch").check()
    # Enter in a field saves (the organisation search does not take it over).
    page.get_by_label("Name des Angebots").press("Enter")
    page.wait_for_url("**/orte/")
    axe(page)

    page.get_by_label("Straße und Hausnummer").fill("Am Clarenberg 10")
    page.get_by_label("Postleitzahl").fill("44263")
    page.get_by_label("Stadtbezirk").select_option(label="Hörde")
    page.get_by_role("button", name="Ort speichern").click()
    page.get_by_text("Ort gespeichert.").wait_for()
    axe(page)
    page.get_by_label("Montag", exact=True).check()
    page.get_by_label("Donnerstag", exact=True).check()
    page.get_by_label("von (Uhrzeit)").fill("08:30")
    page.get_by_label("bis (Uhrzeit)").fill("10:30")
    page.get_by_role("button", name="Öffnungszeit speichern").click()
    page.get_by_text("Öffnungszeit gespeichert: Mo und Do 8:30–10:30").wait_for()
    axe(page)

    page.get_by_role("button", name="Als geprüft markieren").click()
    page.get_by_text("ist als geprüft markiert").wait_for()
    axe(page)
    service = Service.objects.get(name="Elterncafé Clarenberg")
    assert service.last_verified is not None

    page.get_by_role("link", name="Vorschau").click()
    page.get_by_text("Vorschau – so sehen Familien dieses Angebot").wait_for()
    assert "Mo und Do 8:30–10:30" in page.content()
    axe(page)
    page.locator(".dir-preview-banner").get_by_role("link", name="Türkçe").click()
    page.wait_for_url("**?sprache=tr")
    assert page.locator("html").get_attribute("lang") == "tr"
    assert page.locator("h1").inner_text() == "Elterncafé Clarenberg"  # German, not translated
    axe(page)
