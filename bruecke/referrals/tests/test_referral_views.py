"""The worker's pages: record and revoke consents, refer, take the next step."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.forms.models import model_to_dict
from django.urls import reverse

from bruecke.cases.actions import case_close
from bruecke.cases.tests.helpers import make_case
from bruecke.directory.search import search_index_services
from bruecke.referrals.actions import referral_create, referral_step
from bruecke.referrals.models import Consent, ConsentRevocation, Disclosure, Referral, ReferralEvent
from bruecke.referrals.tests.worker_fixtures import NOW, TODAY, give_consent
from bruecke.test import BaseTestCase


class WorkerTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        with time_machine.travel(NOW, tick=False):
            cls.targets = cls.world.referral_targets()
            cls.case = make_case(cls.world, worker=cls.worker_hoerde, district=cls.hoerde)

    def consent_url(self, case=None):
        return reverse("referrals:consent_create", kwargs={"case_id": (case or self.case).pk})

    def referral_url(self, case=None):
        return reverse("referrals:referral_create", kwargs={"case_id": (case or self.case).pk})


@time_machine.travel(NOW, tick=False)
class ConsentRecordTests(WorkerTestCase):
    def valid_post(self, **changes):
        data = {
            "persons": [p.pk for p in self.case.family.members.all()],
            "given_by": "Mutter, Frau Yılmaz",
            "recipient": f"org:{self.targets.eb_org.pk}",
            "purpose": "vermittlung",
            "data_categories": ["kontakt", "anliegen"],
            "consent_form": "schriftlich",
            "given_on": "2026-11-23",
            "valid_from": "",
            "valid_until": "2027-05-31",
            "evidence": "Unterschriebene Erklärung in der Papierakte",
        }
        data.update(changes)
        return data

    def test_it_records_a_consent(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(self.consent_url(), self.valid_post())
        self.assertRedirects(
            response,
            reverse("cases:detail", kwargs={"case_id": self.case.pk})
            + "#einwilligungen-vermittlungen",
            fetch_redirect_response=False,
        )
        consent = Consent.objects.get()
        assert consent.case == self.case
        assert consent.recipient_organisation == self.targets.eb_org
        assert consent.data_categories == ["anliegen", "kontakt"]
        assert consent.valid_from == dt.date(2026, 11, 23)
        assert consent.valid_until == dt.date(2027, 5, 31)
        assert consent.recorded_by == self.worker_hoerde
        assert consent.persons.count() == 2

    def test_it_offers_organisations_with_active_offers_and_other_offices(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.consent_url())
        self.assertContains(response, f'value="org:{self.targets.eb_org.pk}"')
        self.assertContains(response, f'value="office:{self.bochum.pk}"')
        self.assertNotContains(response, f'value="office:{self.dortmund.pk}"')
        self.assertContains(response, "Beratungsstelle")  # the optgroup

    def test_search_narrows_the_recipients(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.consent_url(), {"suche": "Familienbildung"})
        self.assertContains(response, f'value="org:{self.targets.free_org.pk}"')
        self.assertNotContains(response, f'value="org:{self.targets.eb_org.pk}"')

    def test_offer_from_the_referral_form_preselects_recipient_and_leads_back(self):
        self.client.force_login(self.worker_hoerde)
        service = self.targets.eb_service
        query = f"?angebot={service.pk}&daten=kontakt&daten=familie"
        response = self.client.get(self.consent_url() + query)
        self.assertContains(response, f'value="org:{self.targets.eb_org.pk}" selected')
        self.assertContains(response, 'value="familie" id="id_data_categories_1" checked')
        response = self.client.post(self.consent_url() + query, self.valid_post())
        self.assertRedirects(
            response, self.referral_url() + f"?angebot={service.pk}", fetch_redirect_response=False
        )

    def test_bad_input_keeps_what_was_typed_and_saves_nothing(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            self.consent_url(),
            self.valid_post(given_by="", valid_until="2026-01-01", data_categories=[]),
        )
        assert response.status_code == 400
        self.assertContains(
            response, "Bitte tragen Sie ein, wer eingewilligt hat.", status_code=400
        )
        self.assertContains(response, "„Gültig bis“ liegt vor dem Beginn", status_code=400)
        self.assertContains(
            response, "Bitte wählen Sie mindestens eine Art von Daten.", status_code=400
        )
        self.assertContains(
            response, "Unterschriebene Erklärung in der Papierakte", status_code=400
        )
        self.assertContains(
            response, f'value="org:{self.targets.eb_org.pk}" selected', status_code=400
        )
        assert not Consent.objects.exists()

    def test_a_future_date_is_refused(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(self.consent_url(), self.valid_post(given_on="2026-12-01"))
        self.assertContains(response, "Das Datum liegt in der Zukunft", status_code=400)
        assert not Consent.objects.exists()

    def test_persons_of_another_family_cannot_be_chosen(self):
        other = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde, name="Meyer")
        self.client.force_login(self.worker_hoerde)
        stranger = other.family.members.all()[0]
        response = self.client.post(self.consent_url(), self.valid_post(persons=[stranger.pk]))
        assert response.status_code == 400
        assert not Consent.objects.exists()

    def test_an_organisation_of_another_office_cannot_be_chosen(self):
        from bruecke.directory.models import Organization

        bochum_org = Organization.objects.create(office=self.bochum, name="Beratung Bochum")
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            self.consent_url(), self.valid_post(recipient=f"org:{bochum_org.pk}")
        )
        self.assertContains(
            response, "Bitte wählen Sie einen Empfänger aus der Liste.", status_code=400
        )
        assert not Consent.objects.exists()

    def test_another_office_can_be_the_recipient(self):
        self.client.force_login(self.worker_hoerde)
        self.client.post(self.consent_url(), self.valid_post(recipient=f"office:{self.bochum.pk}"))
        assert Consent.objects.get().recipient_office == self.bochum


@time_machine.travel(NOW, tick=False)
class ConsentRevokeTests(WorkerTestCase):
    def revoke_url(self, consent):
        return reverse(
            "referrals:consent_revoke", kwargs={"case_id": self.case.pk, "consent_id": consent.pk}
        )

    def test_revocation_is_a_new_row_and_the_consent_stays_as_it_was(self):
        consent = give_consent(self.case, self.targets.eb_org, by=self.worker_hoerde)
        before = model_to_dict(Consent.objects.get(pk=consent.pk))
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            self.revoke_url(consent), {"revoked_on": "2026-11-24", "note": "Anruf der Mutter"}
        )
        assert response.status_code == 302
        revocation = ConsentRevocation.objects.get()
        assert revocation.consent_id == consent.pk
        assert revocation.revoked_on == TODAY
        assert revocation.note == "Anruf der Mutter"
        assert revocation.recorded_by == self.worker_hoerde
        assert model_to_dict(Consent.objects.get(pk=consent.pk)) == before
        assert Consent.objects.count() == 1
        page = self.client.get(reverse("cases:detail", kwargs={"case_id": self.case.pk}))
        self.assertContains(page, "widerrufen am 24.11.2026")

    def test_a_future_revocation_keeps_the_note(self):
        consent = give_consent(self.case, self.targets.eb_org, by=self.worker_hoerde)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            self.revoke_url(consent), {"revoked_on": "2026-12-24", "note": "Brief kam heute"}
        )
        self.assertContains(response, "nicht in der Zukunft", status_code=400)
        self.assertContains(response, "Brief kam heute", status_code=400)
        assert not ConsentRevocation.objects.exists()

    def test_a_revoked_consent_cannot_be_revoked_again(self):
        consent = give_consent(self.case, self.targets.eb_org, by=self.worker_hoerde)
        self.client.force_login(self.worker_hoerde)
        self.client.post(self.revoke_url(consent), {"revoked_on": "2026-11-24"})
        response = self.client.post(self.revoke_url(consent), {"revoked_on": "2026-11-24"})
        self.assertContains(response, "bereits widerrufen")
        assert ConsentRevocation.objects.count() == 1

    def test_the_page_names_open_referrals_built_on_the_consent(self):
        consent = give_consent(self.case, self.targets.eb_org, by=self.worker_hoerde)
        referral_create(
            by=self.worker_hoerde, case=self.case, service=self.targets.eb_service, mode="live"
        )
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.revoke_url(consent))
        self.assertContains(response, "Grundlage offener Vermittlungen")
        self.assertContains(response, "Erziehungsberatung")

    def test_a_consent_of_another_case_is_not_found(self):
        other = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde, name="Meyer")
        consent = give_consent(other, self.targets.eb_org, by=self.worker_hoerde)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(self.revoke_url(consent), {"revoked_on": "2026-11-24"})
        assert response.status_code == 404
        assert not ConsentRevocation.objects.exists()


@time_machine.travel(NOW, tick=False)
class ReferralCreateTests(WorkerTestCase):
    def live_post(self, service=None, **changes):
        data = {
            "service": str((service or self.targets.eb_service).pk),
            "mode": "live",
            "data_categories": ["anliegen", "nachricht"],
            "message": "Die Mutter wünscht einen Termin am Vormittag.",
        }
        data.update(changes)
        return data

    def test_live_referral_without_consent_is_refused_and_nothing_is_written(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(self.referral_url(), self.live_post())
        self.assertContains(
            response,
            "Es ist keine Einwilligung für „Erziehungsberatungsstelle Testplatz“ erfasst.",
            status_code=400,
        )
        self.assertContains(
            response, "Die Mutter wünscht einen Termin am Vormittag.", status_code=400
        )
        consent_link = (
            self.consent_url()
            + f"?angebot={self.targets.eb_service.pk}&amp;daten=anliegen&amp;daten=kontakt"
            "&amp;daten=nachricht"
        )
        self.assertContains(response, consent_link, status_code=400)
        assert not Referral.objects.exists()
        assert not Disclosure.objects.exists()
        assert not ReferralEvent.objects.exists()

    def test_a_consent_that_misses_a_category_is_named(self):
        give_consent(self.case, self.targets.eb_org, by=self.worker_hoerde, categories=["kontakt"])
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(self.referral_url(), self.live_post())
        self.assertContains(
            response,
            "Diese Daten sind nicht abgedeckt: Anliegen und Handlungsfelder, "
            "Nachricht an die Stelle.",
            status_code=400,
        )
        assert not Referral.objects.exists()
        assert not Disclosure.objects.exists()

    def test_a_revoked_consent_does_not_count(self):
        from bruecke.referrals.gate import consent_revoke

        consent = give_consent(
            self.case,
            self.targets.eb_org,
            by=self.worker_hoerde,
            categories=["kontakt", "anliegen", "nachricht"],
        )
        consent_revoke(consent=consent, by=self.worker_hoerde, revoked_on=TODAY)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(self.referral_url(), self.live_post())
        self.assertContains(response, "Die Einwilligung wurde widerrufen.", status_code=400)
        assert not Disclosure.objects.exists()

    def test_live_referral_with_consent_is_sent_and_logged(self):
        consent = give_consent(
            self.case,
            self.targets.eb_org,
            by=self.worker_hoerde,
            categories=["kontakt", "anliegen", "nachricht"],
        )
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(self.referral_url(), self.live_post())
        referral = Referral.objects.get()
        self.assertRedirects(
            response,
            reverse("referrals:detail", kwargs={"referral_id": referral.pk}),
            fetch_redirect_response=False,
        )
        assert referral.status == Referral.Status.SENT
        assert referral.consent == consent
        assert referral.data_categories == ["anliegen", "kontakt", "nachricht"]
        disclosure = Disclosure.objects.get()
        assert disclosure.referral == referral
        assert disclosure.consent == consent
        assert disclosure.recipient_organisation == self.targets.eb_org
        assert disclosure.user == self.worker_hoerde

    def test_logged_referral_writes_no_disclosure(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            self.referral_url(),
            {"service": str(self.targets.free_service.pk), "mode": "logged", "message": ""},
        )
        assert response.status_code == 302
        referral = Referral.objects.get()
        assert referral.mode == Referral.Mode.LOGGED
        assert referral.status == Referral.Status.LOGGED
        assert referral.consent is None
        assert not Disclosure.objects.exists()

    def test_a_message_without_its_category_is_caught_before_the_gate(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(self.referral_url(), self.live_post(data_categories=[]))
        self.assertContains(response, "Bitte wählen Sie auch", status_code=400)
        self.assertContains(
            response, "Die Mutter wünscht einen Termin am Vormittag.", status_code=400
        )
        assert not Referral.objects.exists()

    def test_offer_from_the_directory_is_preselected(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.referral_url(), {"angebot": self.targets.eb_service.pk})
        self.assertContains(response, f'value="{self.targets.eb_service.pk}" selected')

    def test_an_unknown_offer_in_the_address_is_ignored(self):
        self.client.force_login(self.worker_hoerde)
        for value in ("kein-angebot", "00000000-0000-0000-0000-000000000000"):
            response = self.client.get(self.referral_url(), {"angebot": value})
            assert response.status_code == 200
            response = self.client.get(self.consent_url(), {"angebot": value})
            assert response.status_code == 200

    def test_search_narrows_the_offers(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.referral_url(), {"suche": "eltern-kind"})
        self.assertContains(response, f'value="{self.targets.free_service.pk}"')
        self.assertNotContains(response, f'value="{self.targets.eb_service.pk}"')

    def test_inactive_offers_cannot_be_chosen(self):
        service = self.targets.free_service
        service.status = service.Status.INACTIVE
        service.save(update_fields=["status"])
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            self.referral_url(), {"service": str(service.pk), "mode": "logged"}
        )
        self.assertContains(
            response, "Bitte wählen Sie ein Angebot aus der Liste.", status_code=400
        )
        assert not Referral.objects.exists()

    def test_a_closed_case_cannot_refer(self):
        case_close(by=self.worker_hoerde, case=self.case, outcome="ziel_erreicht", closed_on=TODAY)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            self.referral_url(), {"service": str(self.targets.free_service.pk), "mode": "logged"}
        )
        assert response.status_code == 302
        assert not Referral.objects.exists()


@time_machine.travel(NOW, tick=False)
class ReferralStepTests(WorkerTestCase):
    def live(self, service):
        give_consent(self.case, service.organization, by=self.worker_hoerde)
        return referral_create(by=self.worker_hoerde, case=self.case, service=service, mode="live")

    def step_url(self, referral):
        return reverse("referrals:step", kwargs={"referral_id": referral.pk})

    def detail_url(self, referral):
        return reverse("referrals:detail", kwargs={"referral_id": referral.pk})

    def test_detail_shows_events_and_disclosures(self):
        referral = self.live(self.targets.eb_service)
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.detail_url(referral))
        self.assertContains(response, "Vermittlung gesendet")  # the disclosure kind
        self.assertContains(response, "Einwilligung vom 20.11.2026")
        self.assertContains(response, "Worker Test")
        self.assertContains(response, "Die Stelle arbeitet mit Brücke")

    def test_the_page_costs_the_same_queries_however_long_its_history(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from bruecke.referrals.actions import referral_partner_view

        referral = self.live(self.targets.eb_service)
        self.client.force_login(self.worker_hoerde)
        url = self.detail_url(referral)
        self.client.get(url)
        with CaptureQueriesContext(connection) as short:
            self.client.get(url)
        # More events and disclosures (the first view marks the referral opened, which
        # offers the same steps as sent: the count depends on the state, not the history).
        for _ in range(3):
            referral_partner_view(referral=referral, by=self.partner_eb)
        with CaptureQueriesContext(connection) as long:
            response = self.client.get(url)
        self.assertContains(response, "Ansicht durch die Partnerstelle", count=3)
        assert len(long) == len(short)

    def test_partner_with_accounts_answers_itself(self):
        referral = self.live(self.targets.eb_service)
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.detail_url(referral))
        self.assertContains(response, 'value="withdrawn"')
        self.assertContains(response, 'value="error"')
        self.assertNotContains(response, 'value="accepted"')
        response = self.client.post(self.step_url(referral), {"to": "accepted"})
        self.assertContains(response, "Dieser Schritt ist jetzt nicht möglich.", status_code=400)
        referral.refresh_from_db()
        assert referral.status == Referral.Status.SENT

    def test_worker_records_the_answer_of_a_partner_without_accounts(self):
        referral = self.live(self.targets.free_service)
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.detail_url(referral))
        self.assertContains(response, 'value="accepted"')
        self.assertContains(response, "Die Stelle hat keinen Zugang zu Brücke.")
        response = self.client.post(self.step_url(referral), {"to": "accepted", "note": "Anruf"})
        self.assertRedirects(response, self.detail_url(referral), fetch_redirect_response=False)
        referral.refresh_from_db()
        assert referral.status == Referral.Status.ACCEPTED
        event = referral.events.order_by("at", "id").last()
        assert event.on_behalf
        assert event.by == self.worker_hoerde
        assert event.note == "Anruf"
        response = self.client.post(
            self.step_url(referral), {"to": "closed", "outcome": "hilfe_erhalten"}
        )
        referral.refresh_from_db()
        assert referral.status == Referral.Status.CLOSED
        assert referral.outcome == "hilfe_erhalten"
        page = self.client.get(self.detail_url(referral))
        self.assertContains(page, "für die Stelle eingetragen")

    def test_a_decline_needs_a_reason_and_keeps_the_note(self):
        referral = self.live(self.targets.free_service)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            self.step_url(referral), {"to": "declined", "note": "Telefonat mit der Leitung"}
        )
        self.assertContains(response, "Bitte geben Sie einen Grund", status_code=400)
        self.assertContains(response, "Telefonat mit der Leitung", status_code=400)
        referral.refresh_from_db()
        assert referral.status == Referral.Status.SENT

    def test_logged_referral_is_closed_with_an_outcome(self):
        referral = referral_create(
            by=self.worker_hoerde, case=self.case, service=self.targets.eb_service, mode="logged"
        )
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.detail_url(referral))
        self.assertContains(response, 'value="closed"')
        self.assertNotContains(response, 'value="withdrawn"')
        self.assertNotContains(response, "Datenweitergaben")
        response = self.client.post(self.step_url(referral), {"to": "closed"})
        self.assertContains(response, "Bitte wählen Sie ein Ergebnis.", status_code=400)
        self.client.post(self.step_url(referral), {"to": "closed", "outcome": "nicht_gekommen"})
        referral.refresh_from_db()
        assert (referral.status, referral.outcome) == ("closed", "nicht_gekommen")
        assert not referral.events.filter(on_behalf=True).exists()

    def test_worker_records_where_a_provider_without_accounts_sent_the_family(self):
        search_index_services([self.targets.eb_service.pk, self.targets.free_service.pk])
        referral = self.live(self.targets.free_service)
        self.client.force_login(self.worker_hoerde)
        choice = "Erziehungsberatung – Erziehungsberatungsstelle Testplatz"
        response = self.client.get(self.detail_url(referral))
        self.assertContains(response, 'name="angebot"')
        self.assertNotContains(response, 'name="redirected_to"')
        response = self.client.get(self.detail_url(referral), {"angebot": "Sprachkurs"})
        self.assertContains(response, "Kein aktives Angebot passt zu „Sprachkurs“.")
        # The search finds the other offer (not the referral's own) and chooses the step.
        response = self.client.get(self.detail_url(referral), {"angebot": "Beratung Eltern"})
        self.assertContains(response, choice)
        self.assertNotContains(response, f'value="{self.targets.free_service.pk}"')
        assert response.context["step_form"].initial["to"] == Referral.Status.REDIRECTED
        post = {"to": "redirected", "angebot": "Beratung Eltern", "note": "Anruf der Mutter"}
        response = self.client.post(
            self.step_url(referral), {**post, "redirected_to": str(self.targets.free_service.pk)}
        )
        self.assertContains(response, "Dieses Angebot ist nicht mehr wählbar.", status_code=400)
        self.assertContains(response, choice, status_code=400)
        self.assertContains(response, "Anruf der Mutter", status_code=400)
        response = self.client.post(
            self.step_url(referral), {**post, "redirected_to": str(self.targets.eb_service.pk)}
        )
        self.assertRedirects(response, self.detail_url(referral), fetch_redirect_response=False)
        referral.refresh_from_db()
        assert (referral.status, referral.redirected_to) == ("redirected", self.targets.eb_service)
        event = referral.events.order_by("at", "id").last()
        assert (event.note, event.on_behalf) == ("Anruf der Mutter", True)
        self.assertContains(self.client.get(self.detail_url(referral)), "Erziehungsberatung")

    def test_an_offer_chosen_with_another_step_is_not_recorded(self):
        search_index_services([self.targets.eb_service.pk])
        referral = self.live(self.targets.free_service)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            self.step_url(referral),
            {
                "to": "accepted",
                "angebot": "Beratung",
                "redirected_to": str(self.targets.eb_service.pk),
            },
        )
        assert response.status_code == 302
        referral.refresh_from_db()
        assert (referral.status, referral.redirected_to) == ("accepted", None)

    def test_worker_withdraws(self):
        referral = self.live(self.targets.eb_service)
        self.client.force_login(self.worker_hoerde)
        self.client.post(self.step_url(referral), {"to": "withdrawn", "note": "Familie zieht um"})
        referral.refresh_from_db()
        assert referral.status == Referral.Status.WITHDRAWN
        response = self.client.get(self.detail_url(referral))
        self.assertNotContains(response, "Nächsten Schritt eintragen")

    def test_a_finished_referral_offers_no_steps(self):
        referral = self.live(self.targets.free_service)
        referral_step(referral=referral, by=self.worker_hoerde, to="error")
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(self.step_url(referral), {"to": "accepted"})
        assert response.status_code == 400
        referral.refresh_from_db()
        assert referral.status == Referral.Status.ERROR


@time_machine.travel(NOW, tick=False)
class AccessTests(WorkerTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        with time_machine.travel(NOW, tick=False):
            cls.consent = give_consent(cls.case, cls.targets.eb_org, by=cls.worker_hoerde)
            cls.referral = referral_create(
                by=cls.worker_hoerde, case=cls.case, service=cls.targets.eb_service, mode="live"
            )

    def urls(self):
        return [
            self.consent_url(),
            reverse(
                "referrals:consent_revoke",
                kwargs={"case_id": self.case.pk, "consent_id": self.consent.pk},
            ),
            self.referral_url(),
            reverse("referrals:detail", kwargs={"referral_id": self.referral.pk}),
        ]

    def test_the_worker_and_the_team_lead_may_open_every_page(self):
        for user in (self.worker_hoerde, self.lead_dortmund):
            self.client.force_login(user)
            for url in self.urls():
                assert self.client.get(url).status_code == 200, (user, url)

    def test_everyone_else_gets_404(self):
        outsiders = [
            self.worker_eving,  # another district
            self.worker_bochum,  # another office
            self.lead_bochum,
            self.partner_eb,  # the receiving partner has its own pages
            self.partner_kita,
            self.coordinator_dortmund,
            self.dpo_dortmund,
            self.admin_dortmund,
        ]
        for user in outsiders:
            self.client.force_login(user)
            for url in self.urls():
                assert self.client.get(url).status_code == 404, (user, url)

    def test_outsiders_cannot_write(self):
        step = reverse("referrals:step", kwargs={"referral_id": self.referral.pk})
        revoke = self.urls()[1]
        for user in (self.worker_eving, self.worker_bochum, self.partner_eb):
            self.client.force_login(user)
            assert self.client.post(step, {"to": "withdrawn"}).status_code == 404
            assert self.client.post(revoke, {"revoked_on": "2026-11-24"}).status_code == 404
            assert (
                self.client.post(
                    self.referral_url(),
                    {"service": str(self.targets.free_service.pk), "mode": "logged"},
                ).status_code
                == 404
            )
        self.referral.refresh_from_db()
        assert self.referral.status == Referral.Status.SENT
        assert not ConsentRevocation.objects.exists()
        assert Referral.objects.count() == 1

    def test_anonymous_users_are_sent_to_login(self):
        response = self.client.get(self.referral_url())
        assert response.status_code == 302
        assert "/anmelden/" in response["Location"]
