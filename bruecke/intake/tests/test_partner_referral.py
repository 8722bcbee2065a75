"""A partner refers a family to Kita-Sozialarbeit ("Familie vermitteln")."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from bruecke.audit.models import AuditEvent
from bruecke.directory.models import Organization
from bruecke.intake.models import Request
from bruecke.intake.tests.partner_fixtures import partner_request
from bruecke.referrals.models import Consent, ConsentForm, DataCategory, Purpose
from bruecke.test import BaseTestCase

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)
URL = reverse("partner:referral_create")


def form_data(**changes):
    data = {
        "first_name": "Leyla",
        "phone": "0176 1234567",
        "email": "",
        "language": "tr",
        "preferred_time": "morning",
        "district": "",
        "children": "8 Monate, 3 Jahre",
        "topics": ["gesundheit", "kinderbetreuung"],
        "message": "Die Mutter sucht Hilfe bei der Kita-Anmeldung.",
        "consent_given_by": "Frau L., Mutter",
        "consent_form": ConsentForm.MUENDLICH,
        "consent_given_on": "2026-11-23",
        "consent_categories": ["kontakt", "familie", "anliegen", "nachricht"],
        "consent_evidence": "Im Elterngespräch am 23.11. festgehalten (Gesprächsnotiz Kita).",
        "consent_confirmed": "on",
        "feedback": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@time_machine.travel(NOW, tick=False)
class PartnerReferralFormTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        # The Kita's entry in the directory: where feedback on its referrals goes.
        cls.kita_org = Organization.objects.create(
            office=cls.dortmund,
            name="Kita Testweg",
            kind=Organization.Kind.KITA,
            partner=cls.kita_hoerde,
        )

    def setUp(self):
        self.client.force_login(self.partner_kita)

    def test_it_shows_the_form_with_the_fixed_purpose(self):
        response = self.client.get(URL)
        assert response.status_code == 200
        self.assertContains(response, "Weitergabe an die Kita-Sozialarbeit")
        self.assertContains(response, "Die Familie ist einverstanden, dass wir Ihnen den Stand")
        # Districts of the own office with Kita-Sozialarbeit only.
        self.assertContains(response, "Hörde")
        self.assertNotContains(response, "Wattenscheid")

    def test_partner_refers_a_family_with_consent_and_feedback_consent(self):
        response = self.client.post(URL, form_data(district=str(self.hoerde.pk)))
        self.assertRedirects(response, reverse("partner:request_list"))
        request = Request.objects.get()
        assert request.source == Request.Source.PARTNER
        assert request.office == self.dortmund
        assert request.partner_organisation == self.kita_hoerde
        assert request.referred_by == self.partner_kita
        assert (request.first_name, request.language, request.preferred_time) == (
            "Leyla",
            "tr",
            "morning",
        )
        assert request.district == self.hoerde
        assert request.topics == ["kinderbetreuung", "gesundheit"]
        consent = request.consent
        assert consent is not None
        assert consent.purpose == Purpose.ANMELDUNG
        assert consent.recipient_office == self.dortmund
        assert consent.recipient_organisation is None
        assert consent.given_by == "Frau L., Mutter"
        assert consent.form == ConsentForm.MUENDLICH
        assert consent.given_on == dt.date(2026, 11, 23)
        assert consent.data_categories == ["anliegen", "familie", "kontakt", "nachricht"]
        assert consent.recorded_by == self.partner_kita
        feedback = request.feedback_consent
        assert feedback is not None
        assert feedback.purpose == Purpose.RUECKMELDUNG
        assert feedback.recipient_organisation == self.kita_org
        assert feedback.data_categories == [DataCategory.NACHRICHT, DataCategory.STAND]
        actions = set(AuditEvent.objects.values_list("action", flat=True))
        assert {"consent.record", "request.create"} <= actions

    def test_without_feedback_consent_only_the_referral_consent_is_recorded(self):
        self.client.post(URL, form_data(feedback=None))
        request = Request.objects.get()
        assert request.feedback_consent is None
        assert Consent.objects.count() == 1

    def test_missing_consent_keeps_what_was_typed_and_saves_nothing(self):
        data = form_data(
            consent_given_by="",
            consent_form=None,
            consent_confirmed=None,
            consent_categories=None,
        )
        response = self.client.post(URL, data)
        assert response.status_code == 400
        self.assertContains(
            response, "Ohne festgehaltene Einwilligung der Familie", status_code=400
        )
        self.assertContains(
            response, "Bitte tragen Sie ein, wer eingewilligt hat.", status_code=400
        )
        # Everything typed is still there.
        self.assertContains(response, 'value="Leyla"', status_code=400)
        self.assertContains(
            response, "Die Mutter sucht Hilfe bei der Kita-Anmeldung.", status_code=400
        )
        self.assertContains(response, 'value="0176 1234567"', status_code=400)
        assert not Request.objects.exists()
        assert not Consent.objects.exists()

    def test_consent_date_cannot_be_in_the_future(self):
        response = self.client.post(URL, form_data(consent_given_on="2026-11-25"))
        self.assertContains(response, "Das Datum liegt in der Zukunft", status_code=400)
        assert not Request.objects.exists()

    def test_oral_consent_needs_a_note_on_how_it_was_documented(self):
        response = self.client.post(URL, form_data(consent_evidence=""))
        self.assertContains(response, "mündliche Einwilligung", status_code=400)
        assert not Consent.objects.exists()
        written = self.client.post(
            URL, form_data(consent_evidence="", consent_form=ConsentForm.SCHRIFTLICH)
        )
        assert written.status_code == 302

    def test_consent_must_cover_everything_that_is_sent(self):
        response = self.client.post(URL, form_data(consent_categories=["kontakt", "anliegen"]))
        assert response.status_code == 400
        self.assertContains(response, "Familie und Alter der Kinder", status_code=400)
        self.assertContains(response, "Nachricht an die Stelle", status_code=400)
        self.assertContains(response, 'value="8 Monate, 3 Jahre"', status_code=400)
        assert not Consent.objects.exists()
        assert not Request.objects.exists()

    def test_phone_or_email_is_needed(self):
        response = self.client.post(URL, form_data(phone="", email=""))
        self.assertContains(response, "Telefonnummer oder eine E-Mail-Adresse", status_code=400)
        assert not Request.objects.exists()

    def test_a_district_of_another_office_is_refused(self):
        response = self.client.post(URL, form_data(district=str(self.bochum_mitte.pk)))
        assert response.status_code == 400
        assert not Request.objects.exists()


@time_machine.travel(NOW, tick=False)
class FeedbackWithoutDirectoryEntryTests(BaseTestCase):
    def test_feedback_checkbox_is_hidden_when_the_institution_has_no_directory_entry(self):
        self.client.force_login(self.partner_kita)
        response = self.client.get(URL)
        self.assertNotContains(response, 'name="feedback"')

    def test_a_failed_feedback_consent_leaves_nothing_half_saved(self):
        with pytest.raises(ValidationError):
            partner_request(self.partner_kita, feedback=True)
        assert not Consent.objects.exists()
        assert not Request.objects.exists()

    def test_staff_cannot_refer_as_a_partner(self):
        with pytest.raises(ValidationError):
            partner_request(self.worker_hoerde, feedback=False)
        assert not Request.objects.exists()
