"""The triage queue (Eingang): who sees it, its order, and every way a request ends."""

from __future__ import annotations

import datetime as dt
import io
import zoneinfo

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from bruecke.audit.models import AuditEvent
from bruecke.cases.models import AnonymousConsultation, Case
from bruecke.cases.tests.helpers import make_case
from bruecke.directory.models import Organization
from bruecke.intake.actions import (
    RequestChanged,
    contact_attempt_add,
    request_assign,
    request_close,
    request_create,
    request_feedback_give,
    request_to_case,
    requests_purge,
)
from bruecke.intake.models import ContactAttempt, Request
from bruecke.org.models import PartnerOrganisation
from bruecke.people.models import Family, Person
from bruecke.referrals.actions import consent_record
from bruecke.referrals.gate import DisclosureRefused, consent_revoke, disclose
from bruecke.referrals.models import (
    Consent,
    ConsentForm,
    ConsentRevocation,
    DataCategory,
    Disclosure,
    Purpose,
)
from bruecke.test import BaseTestCase

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
# Friday before Whitsun 2026: Saturday, Sunday and Whit Monday (25 May, a public
# holiday in NRW) are no working days, so three working days end on Thursday 28 May.
FRIDAY = dt.datetime(2026, 5, 22, 10, 0, tzinfo=BERLIN)
THURSDAY = dt.datetime(2026, 5, 28, 9, 0, tzinfo=BERLIN)
NEXT_FRIDAY = dt.datetime(2026, 5, 29, 9, 0, tzinfo=BERLIN)


class TriageTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        User.objects.filter(pk=cls.world.worker_hoerde.pk).update(email="worker.hoerde@example.org")
        cls.worker_hoerde.email = "worker.hoerde@example.org"

    def make_request(self, *, district=None, first_name="Ayşe", phone="0231 1234567", **kwargs):
        return request_create(
            office=kwargs.pop("office", self.dortmund),
            source=kwargs.pop("source", Request.Source.PORTAL),
            first_name=first_name,
            phone=phone,
            district=district,
            language=kwargs.pop("language", "tr"),
            topics=kwargs.pop("topics", ["gesundheit/kinderarzt"]),
            message=kwargs.pop("message", "Wir suchen einen Kinderarzt."),
            **kwargs,
        )

    def make_partner_request(self, *, feedback=True, **kwargs):
        """A referral by Kita Testweg with the family's consent (and one to feedback)."""
        directory_kita, _created = Organization.objects.get_or_create(
            office=self.dortmund,
            partner=self.kita_hoerde,
            defaults={"name": "Kita Testweg", "kind": Organization.Kind.KITA},
        )
        today = timezone.localdate()
        consent = consent_record(
            by=self.partner_kita,
            office=self.dortmund,
            given_by="Mutter",
            purpose=Purpose.ANMELDUNG,
            data_categories=[DataCategory.KONTAKT, DataCategory.ANLIEGEN],
            form=ConsentForm.SCHRIFTLICH,
            given_on=today,
            recipient_office=self.dortmund,
        )
        feedback_consent = None
        if feedback:
            feedback_consent = consent_record(
                by=self.partner_kita,
                office=self.dortmund,
                given_by="Mutter",
                purpose=Purpose.RUECKMELDUNG,
                data_categories=[DataCategory.STAND, DataCategory.NACHRICHT],
                form=ConsentForm.SCHRIFTLICH,
                given_on=today,
                recipient_organisation=directory_kita,
            )
        return self.make_request(
            district=self.hoerde,
            source=Request.Source.PARTNER,
            partner_by=self.partner_kita,
            consent=consent,
            feedback_consent=feedback_consent,
            **kwargs,
        )

    def detail_url(self, request: Request, name: str = "detail") -> str:
        return reverse(f"intake:{name}", args=[request.pk])


class AccessTests(TriageTestCase):
    def test_anonymous_user_is_sent_to_login(self):
        request = self.make_request(district=self.hoerde)
        for url in (reverse("intake:queue"), self.detail_url(request)):
            response = self.client.get(url)
            assert response.status_code == 302
            assert "/anmelden/" in response["Location"]

    def test_it_refuses_roles_without_casework(self):
        request = self.make_request(district=self.hoerde)
        for user in (
            self.partner_kita,
            self.partner_eb,
            self.coordinator_dortmund,
            self.dpo_dortmund,
            self.admin_dortmund,
        ):
            self.client.force_login(user)
            assert self.client.get(reverse("intake:queue")).status_code == 404
            assert self.client.get(self.detail_url(request)).status_code == 404

    def test_it_checks_the_office(self):
        request = self.make_request(district=self.hoerde)
        self.client.force_login(self.worker_bochum)
        for name in ("detail", "to_case", "anonymous"):
            assert self.client.get(self.detail_url(request, name)).status_code == 404
        for name in ("assign", "attempt", "close", "feedback"):
            assert self.client.post(self.detail_url(request, name), {}).status_code == 404
        response = self.client.get(reverse("intake:queue"), {"bezirk": "alle"})
        assert request.reference not in response.content.decode()
        request.refresh_from_db()
        assert request.status == Request.Status.NEW

    def test_worker_and_lead_of_the_office_see_every_district(self):
        request = self.make_request(district=self.eving)
        for user in (self.worker_hoerde, self.lead_dortmund):
            self.client.force_login(user)
            assert self.client.get(self.detail_url(request)).status_code == 200

    def test_unknown_id_is_404(self):
        self.client.force_login(self.worker_hoerde)
        url = reverse("intake:detail", args=["00000000-0000-0000-0000-000000000000"])
        assert self.client.get(url).status_code == 404


class QueueTests(TriageTestCase):
    def queue(self, user, **params):
        self.client.force_login(user)
        response = self.client.get(reverse("intake:queue"), params)
        assert response.status_code == 200
        return response

    def references(self, response) -> list[str]:
        return [item.reference for item in response.context["queue"].items]

    def test_default_is_the_team_districts_and_requests_without_district(self):
        hoerde = self.make_request(district=self.hoerde)
        eving = self.make_request(district=self.eving)
        nowhere = self.make_request(district=None)
        closed = self.make_request(district=self.hoerde)
        request_close(request=closed, by=self.lead_dortmund, version=1, reason="no_need")
        shown = self.references(self.queue(self.worker_hoerde))
        assert sorted(shown) == sorted([hoerde.reference, nowhere.reference])
        assert eving.reference in self.references(self.queue(self.worker_eving))

    def test_a_select_shows_another_district_or_all(self):
        hoerde = self.make_request(district=self.hoerde)
        eving = self.make_request(district=self.eving)
        nowhere = self.make_request(district=None)
        assert self.references(self.queue(self.worker_hoerde, bezirk="eving")) == [eving.reference]
        assert self.references(self.queue(self.worker_hoerde, bezirk="ohne")) == [nowhere.reference]
        everything = self.queue(self.worker_hoerde, bezirk="alle")
        assert sorted(self.references(everything)) == sorted(
            [hoerde.reference, eving.reference, nowhere.reference]
        )
        html = everything.content.decode()
        assert "Meine Teambezirke (Brackel, Hörde, Innenstadt-Ost)" in html

    def test_an_unknown_filter_falls_back_to_the_team(self):
        eving = self.make_request(district=self.eving)
        response = self.queue(self.worker_hoerde, bezirk="bochum-mitte")
        assert response.context["scope"].value == "team"
        assert eving.reference not in self.references(response)

    def test_it_shows_source_age_deadline_and_worker(self):
        with time_machine.travel(FRIDAY, tick=False):
            referral = self.make_partner_request()
            request_assign(
                request=referral, by=self.lead_dortmund, to=self.worker_hoerde, version=1
            )
        with time_machine.travel(THURSDAY, tick=False):
            html = self.queue(self.lead_dortmund).content.decode()
        assert "Kita Testweg" in html
        assert "seit 3 Arbeitstagen" in html
        assert "28.05.2026" in html
        assert "heute fällig" in html
        assert "Worker Test" in html
        assert "Besuch beim Kinderarzt" in html

    def test_a_partners_name_in_another_script_keeps_its_direction(self):
        # The queue shows no message or family name; the partner's name is the
        # text people typed here, isolated from the " · " and district beside it.
        PartnerOrganisation.objects.filter(pk=self.kita_hoerde.pk).update(name="روضة النور")
        self.make_partner_request()
        html = self.queue(self.lead_dortmund).content.decode()
        # Once in the phone list, once in the table.
        assert html.count('<span dir="auto">روضة النور</span>') == 2

    def test_overdue_requests_come_first_across_a_weekend_and_whit_monday(self):
        with time_machine.travel(dt.datetime(2026, 5, 18, 10, 0, tzinfo=BERLIN), tick=False):
            contacted = self.make_request(district=self.hoerde, first_name="Früh")
            contact_attempt_add(
                request=contacted, by=self.worker_hoerde, channel="phone", reached=False
            )
        with time_machine.travel(FRIDAY, tick=False):
            friday = self.make_request(district=self.hoerde)
        with time_machine.travel(dt.datetime(2026, 5, 26, 10, 0, tzinfo=BERLIN), tick=False):
            tuesday = self.make_request(district=self.hoerde)
        assert friday.due_on == dt.date(2026, 5, 28)
        assert tuesday.due_on == dt.date(2026, 5, 29)
        assert contacted.due_on == dt.date(2026, 5, 21)

        # On the deadline itself nothing is overdue (the contacted one had its attempt).
        with time_machine.travel(THURSDAY, tick=False):
            response = self.queue(self.lead_dortmund)
        assert self.references(response) == [
            contacted.reference,
            friday.reference,
            tuesday.reference,
        ]
        assert response.context["queue"].overdue == 0
        assert "Keine Anfrage ist überfällig" in response.content.decode()

        # A working day later Friday's request is overdue and moves to the top.
        with time_machine.travel(NEXT_FRIDAY, tick=False):
            response = self.queue(self.lead_dortmund)
        assert self.references(response) == [
            friday.reference,
            contacted.reference,
            tuesday.reference,
        ]
        html = response.content.decode()
        assert "1 Anfrage ist überfällig" in html
        assert "seit 4 Arbeitstagen" in html
        # Once in the phone list, once in the table.
        assert html.count("kern-badge--danger") == 2

        # Social workers see the badge but not the team lead's count.
        with time_machine.travel(NEXT_FRIDAY, tick=False):
            html = self.queue(self.worker_hoerde).content.decode()
        assert "überfällig</span>" in html
        assert "1 Anfrage ist überfällig" not in html

    def test_query_count_does_not_grow_with_the_queue(self):
        def count_queries() -> int:
            self.client.force_login(self.lead_dortmund)
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as queries:
                assert self.client.get(reverse("intake:queue")).status_code == 200
            return len(queries)

        for _i in range(2):
            self.make_partner_request()
        few = count_queries()
        for _i in range(10):
            request = self.make_request(district=self.hoerde)
            request_assign(request=request, by=self.lead_dortmund, to=self.worker_hoerde, version=1)
            self.make_partner_request()
        assert count_queries() == few
        self.client.force_login(self.lead_dortmund)
        # Session, user, membership, districts, counts, rows.
        with self.assertNumQueries(6):
            self.client.get(reverse("intake:queue"))


class DetailTests(TriageTestCase):
    def test_it_shows_the_request_and_its_attempts(self):
        request = self.make_request(
            district=self.hoerde, email="ayse@example.org", children="2 und 4 Jahre"
        )
        contact_attempt_add(
            request=request, by=self.worker_hoerde, channel="phone", reached=False, note="Mailbox"
        )
        self.client.force_login(self.worker_hoerde)
        html = self.client.get(self.detail_url(request)).content.decode()
        for text in (
            request.reference,
            "Ayşe",
            'href="tel:+492311234567"',
            "ayse@example.org",
            "Türkisch",
            "2 und 4 Jahre",
            "Wir suchen einen Kinderarzt.",
            "Mailbox",
            "nicht erreicht",
            "Ich übernehme",
        ):
            assert text in html, text
        # Without a feedback consent there is no feedback form.
        assert "Rückmeldung senden" not in html

    def test_a_message_in_the_familys_script_keeps_its_own_direction(self):
        # Typed in Arabic, read in the German staff view: the browser lays it
        # out right to left (punctuation at the end) because of dir="auto".
        request = self.make_request(district=self.hoerde, message="نحتاج إلى طبيب أطفال.")
        self.client.force_login(self.lead_dortmund)
        response = self.client.get(self.detail_url(request))
        self.assertContains(response, 'dir="auto">نحتاج إلى طبيب أطفال.</dd>')

    def test_query_count_of_the_detail_page_does_not_grow_with_attempts(self):
        request = self.make_request(district=self.hoerde)
        self.client.force_login(self.lead_dortmund)
        contact_attempt_add(request=request, by=self.worker_hoerde, channel="phone", reached=False)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as first:
            self.client.get(self.detail_url(request))
        for _i in range(5):
            contact_attempt_add(request=request, by=self.worker_eving, channel="sms", reached=False)
        with CaptureQueriesContext(connection) as later:
            self.client.get(self.detail_url(request))
        assert len(later) == len(first)


class AssignTests(TriageTestCase):
    def post_assign(self, user, request, **data):
        self.client.force_login(user)
        payload = {"assign-version": data.pop("version", request.version)}
        if "to" in data:
            payload["assign-assigned_to"] = data.pop("to").pk
        return self.client.post(self.detail_url(request, "assign"), payload)

    def test_lead_assigns_and_the_worker_gets_a_mail_without_personal_data(self):
        request = self.make_request(
            district=self.hoerde, email="ayse@example.org", message="Bitte rufen Sie an."
        )
        with self.captureOnCommitCallbacks(execute=True):
            response = self.post_assign(self.lead_dortmund, request, to=self.worker_hoerde)
        assert response.status_code == 302
        request.refresh_from_db()
        assert request.status == Request.Status.ASSIGNED
        assert request.assigned_to == self.worker_hoerde
        assert request.assigned_at is not None
        assert request.version == 2
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["worker.hoerde@example.org"]
        text = f"{message.subject}\n{message.body}"
        assert request.reference in message.subject
        assert "Hörde" in text
        assert f"{request.due_on:%d.%m.%Y}" in text
        assert f"http://testserver/eingang/{request.pk}/" in text
        for personal in ("Ayşe", "1234567", "ayse@example.org", "rufen", "Gesundheit"):
            assert personal not in text, personal
        event = AuditEvent.objects.get(action="request.assign")
        assert event.details == {"from": None, "to": self.worker_hoerde.pk}

    def test_no_mail_leaves_when_the_assignment_is_rolled_back(self):
        request = self.make_request(district=self.hoerde)
        with (
            self.captureOnCommitCallbacks(execute=True) as callbacks,
            pytest.raises(RequestChanged),
        ):
            request_assign(request=request, by=self.lead_dortmund, to=self.worker_hoerde, version=7)
        assert callbacks == []
        assert mail.outbox == []

    def test_worker_takes_a_request_himself_without_a_mail(self):
        request = self.make_request(district=self.hoerde)
        with self.captureOnCommitCallbacks(execute=True):
            response = self.post_assign(self.worker_hoerde, request, to=self.worker_eving)
        assert response.status_code == 302
        request.refresh_from_db()
        # The choice of a colleague is ignored: a worker can only take it himself.
        assert request.assigned_to == self.worker_hoerde
        assert mail.outbox == []

    def test_a_worker_cannot_give_a_request_to_someone_else(self):
        request = self.make_request(district=self.hoerde)
        with pytest.raises(ValidationError):
            request_assign(request=request, by=self.worker_hoerde, to=self.worker_eving, version=1)
        request_assign(request=request, by=self.lead_dortmund, to=self.worker_eving, version=1)
        with pytest.raises(ValidationError):
            request_assign(request=request, by=self.worker_hoerde, to=self.worker_hoerde, version=2)

    def test_it_cannot_be_assigned_outside_casework_or_the_office(self):
        request = self.make_request(district=self.hoerde)
        for user in (self.worker_bochum, self.coordinator_dortmund, self.partner_kita):
            with pytest.raises(ValidationError):
                request_assign(request=request, by=self.lead_dortmund, to=user, version=1)
        response = self.post_assign(self.lead_dortmund, request, to=self.worker_bochum)
        assert response.status_code == 400
        request.refresh_from_db()
        assert request.assigned_to is None

    def test_the_second_of_two_assigning_at_once_gets_a_clear_message(self):
        request = self.make_request(district=self.hoerde)
        # Both opened the page at version 1; the lead saves first.
        assert (
            self.post_assign(self.lead_dortmund, request, to=self.worker_eving).status_code == 302
        )
        response = self.post_assign(self.worker_hoerde, request, version=1)
        assert response.status_code == 409
        html = response.content.decode()
        assert "Inzwischen hat jemand anderes diese Anfrage bearbeitet" in html
        assert "Worker Test zugewiesen" in html
        request.refresh_from_db()
        assert request.assigned_to == self.worker_eving
        assert AuditEvent.objects.filter(action="request.assign").count() == 1

    def test_the_lead_can_reassign_with_the_current_version(self):
        request = self.make_request(district=self.hoerde)
        request_assign(request=request, by=self.lead_dortmund, to=self.worker_eving, version=1)
        response = self.post_assign(self.lead_dortmund, request, to=self.worker_hoerde, version=2)
        assert response.status_code == 302
        request.refresh_from_db()
        assert request.assigned_to == self.worker_hoerde


class ContactAttemptTests(TriageTestCase):
    def post_attempt(self, request, **data):
        self.client.force_login(self.worker_hoerde)
        payload = {f"attempt-{key}": value for key, value in data.items()}
        return self.client.post(self.detail_url(request, "attempt"), payload)

    def test_first_attempt_and_reaching_the_family_are_recorded(self):
        with time_machine.travel(FRIDAY, tick=False):
            request = self.make_request(district=self.hoerde)
        with time_machine.travel(NEXT_FRIDAY, tick=False):
            response = self.post_attempt(request, channel="phone", reached="0", note="Mailbox")
        assert response.status_code == 302
        request.refresh_from_db()
        assert request.first_contact_at == NEXT_FRIDAY
        assert request.reached_at is None
        later = NEXT_FRIDAY + dt.timedelta(hours=3)
        with time_machine.travel(later, tick=False):
            self.post_attempt(request, channel="sms", reached="1")
        request.refresh_from_db()
        assert request.first_contact_at == NEXT_FRIDAY
        assert request.reached_at == later
        assert list(request.attempts.values_list("channel", "reached", "note")) == [
            ("phone", False, "Mailbox"),
            ("sms", True, ""),
        ]
        # Tried within the deadline or not: with an attempt it is no longer overdue.
        with time_machine.travel(NEXT_FRIDAY, tick=False):
            self.client.force_login(self.lead_dortmund)
            response = self.client.get(reverse("intake:queue"))
        assert response.context["queue"].overdue == 0

    def test_a_missing_channel_keeps_the_note(self):
        request = self.make_request(district=self.hoerde)
        response = self.post_attempt(request, reached="0", note="Mailbox, später nochmal")
        assert response.status_code == 400
        assert "Mailbox, später nochmal" in response.content.decode()
        assert not ContactAttempt.objects.exists()

    def test_no_attempts_on_a_closed_request(self):
        request = self.make_request(district=self.hoerde)
        request_close(request=request, by=self.worker_hoerde, version=1, reason="spam")
        response = self.post_attempt(request, channel="phone", reached="0")
        assert response.status_code == 400
        assert not ContactAttempt.objects.exists()


class ToCaseTests(TriageTestCase):
    def case_data(self, request, **overrides):
        data = {
            "version": request.version,
            "family": "neu",
            "name": request.first_name,
            "phone": request.phone,
            "email": "",
            "languages": "Türkisch",
            "add_person": "on",
            "district": self.hoerde.pk,
            "zugangsweg": "selbst",
            "topics": ["gesundheit/kinderarzt"],
            "opened_on": "2026-05-22",
        }
        data.update(overrides)
        return {key: value for key, value in data.items() if value is not None}

    def test_the_form_is_prefilled_from_the_request(self):
        request = self.make_request(district=self.hoerde, email="ayse@example.org")
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.detail_url(request, "to_case"))
        assert response.status_code == 200
        form = response.context["form"]
        assert form["name"].value() == "Ayşe"
        assert form["phone"].value() == "0231 1234567"
        assert form["email"].value() == "ayse@example.org"
        assert form["district"].value() == self.hoerde.pk
        assert form["languages"].value() == "Türkisch"
        assert form["zugangsweg"].value() == "selbst"
        assert form["topics"].value() == ["gesundheit/kinderarzt"]
        assert "„Ayşe“ als Elternteil in der Familie eintragen" in response.content.decode()

    def test_a_partner_referral_brings_its_access_route(self):
        request = self.make_partner_request()
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.detail_url(request, "to_case"))
        assert response.context["form"]["zugangsweg"].value() == "kita"

    @time_machine.travel(FRIDAY, tick=False)
    def test_it_creates_a_new_family_and_the_case(self):
        request = self.make_request(district=self.hoerde)
        request_assign(request=request, by=self.lead_dortmund, to=self.worker_eving, version=1)
        self.client.force_login(self.lead_dortmund)
        response = self.client.post(
            self.detail_url(request, "to_case"), self.case_data(request, version=2)
        )
        case = Case.objects.get()
        self.assertRedirects(
            response, reverse("cases:detail", args=[case.pk]), fetch_redirect_response=False
        )
        family = case.family
        assert (family.name, family.phone, family.languages) == ("Ayşe", "0231 1234567", "Türkisch")
        assert list(family.members.values_list("role", "first_name")) == [
            (Person.Role.PARENT, "Ayşe")
        ]
        # The case goes to the worker the request was assigned to.
        assert case.assigned_to == self.worker_eving
        assert (case.zugangsweg, case.topics) == ("selbst", ["gesundheit/kinderarzt"])
        request.refresh_from_db()
        assert (request.status, request.case) == (Request.Status.CASE, case)
        actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
        assert actions[-3:] == ["family.create", "case.open", "request.case"]

    def test_a_likely_duplicate_is_offered_and_used(self):
        existing = make_case(
            self.world,
            worker=self.worker_hoerde,
            district=self.hoerde,
            name="Yılmaz",
            phone="0231/123 45 67",
        ).family
        request = self.make_request(district=self.hoerde)
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.detail_url(request, "to_case"))
        html = response.content.decode()
        assert "Gibt es diese Familie schon?" in html
        assert "Yılmaz – Hörde – mit offenem Fall" in html
        response = self.client.post(
            self.detail_url(request, "to_case"), self.case_data(request, family=str(existing.pk))
        )
        assert response.status_code == 302
        assert Family.objects.count() == 1
        new_case = Case.objects.get(requests=request)
        assert new_case.family == existing
        assert new_case.assigned_to == self.worker_hoerde
        # The family already has an "Ayşe": nobody is added twice.
        assert existing.members.filter(first_name="Ayşe").count() == 1

    def test_a_new_person_joins_an_existing_family_when_asked(self):
        existing = make_case(
            self.world, worker=self.worker_hoerde, district=self.hoerde, phone="0231 1234567"
        ).family
        request = self.make_request(district=self.hoerde, first_name="Leyla")
        request_to_case(
            request=request,
            by=self.worker_hoerde,
            version=1,
            family=existing,
            district=self.hoerde,
            zugangsweg="selbst",
            topics=["gesundheit"],
            opened_on=dt.date(2026, 5, 22),
        )
        assert existing.members.filter(first_name="Leyla", role=Person.Role.PARENT).exists()

    def test_a_missing_field_keeps_the_input_and_saves_nothing(self):
        request = self.make_request(district=self.hoerde)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            self.detail_url(request, "to_case"),
            self.case_data(request, topics=None, name="Familie Demir"),
        )
        assert response.status_code == 400
        assert 'value="Familie Demir"' in response.content.decode()
        assert not Family.objects.exists()
        assert not Case.objects.exists()

    def test_converting_twice_rolls_back_the_second(self):
        request = self.make_request(district=self.hoerde)
        self.client.force_login(self.worker_hoerde)
        url = self.detail_url(request, "to_case")
        assert self.client.post(url, self.case_data(request)).status_code == 302
        # A colleague had the form open at the same version.
        self.client.force_login(self.worker_eving)
        response = self.client.post(url, self.case_data(request, name="Doppelt"))
        assert response.status_code == 302  # a done request leads back to its page
        assert Family.objects.count() == 1
        with pytest.raises(RequestChanged) as changed:
            request_to_case(
                request=request,
                by=self.worker_eving,
                version=1,
                family=None,
                name="Doppelt",
                district=self.hoerde,
                zugangsweg="selbst",
                topics=["gesundheit"],
                opened_on=dt.date(2026, 5, 22),
            )
        assert "erledigt" in changed.value.message
        assert Family.objects.count() == 1
        assert Case.objects.count() == 1

    def test_a_stale_form_saves_nothing(self):
        request = self.make_request(district=self.hoerde)
        request_assign(request=request, by=self.lead_dortmund, to=self.worker_eving, version=1)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            self.detail_url(request, "to_case"), self.case_data(request, version=1)
        )
        assert response.status_code == 409
        assert "Inzwischen hat jemand anderes" in response.content.decode()
        assert not Family.objects.exists()
        assert not Case.objects.exists()


class AnonymousAndCloseTests(TriageTestCase):
    def test_it_is_counted_as_an_anonymous_consultation(self):
        request = self.make_request(district=self.hoerde)
        self.client.force_login(self.worker_hoerde)
        url = self.detail_url(request, "anonymous")
        response = self.client.get(url)
        form = response.context["form"]
        assert form["district"].value() == self.hoerde.pk
        assert form["topics"].value() == ["gesundheit"]
        response = self.client.post(
            url,
            {
                "version": 1,
                "district": self.hoerde.pk,
                "date": "2026-05-22",
                "kind": "telefon",
                "duration_minutes": 20,
                "topics": ["gesundheit"],
            },
        )
        self.assertRedirects(response, reverse("intake:queue"), fetch_redirect_response=False)
        consultation = AnonymousConsultation.objects.get()
        assert (consultation.district, consultation.kind, consultation.duration_minutes) == (
            self.hoerde,
            "telefon",
            20,
        )
        request.refresh_from_db()
        assert request.status == Request.Status.ANONYMOUS
        assert request.closed_at is not None

    def test_a_missing_duration_saves_nothing(self):
        request = self.make_request(district=self.hoerde)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            self.detail_url(request, "anonymous"),
            {"version": 1, "district": self.hoerde.pk, "date": "2026-05-22", "kind": "telefon"},
        )
        assert response.status_code == 400
        assert not AnonymousConsultation.objects.exists()
        request.refresh_from_db()
        assert request.status == Request.Status.NEW

    def test_it_is_closed_with_a_reason(self):
        request = self.make_request(district=self.hoerde)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            self.detail_url(request, "close"),
            {"close-version": 1, "close-reason": "not_reached", "close-note": "3 Versuche"},
        )
        self.assertRedirects(response, reverse("intake:queue"), fetch_redirect_response=False)
        request.refresh_from_db()
        assert (request.status, request.close_reason, request.close_note) == (
            Request.Status.CLOSED,
            "not_reached",
            "3 Versuche",
        )
        assert AuditEvent.objects.filter(action="request.close").exists()
        html = self.client.get(self.detail_url(request)).content.decode()
        assert "nicht erreichbar" in html
        assert "Ich übernehme" not in html

    def test_closing_without_a_reason_is_refused(self):
        request = self.make_request(district=self.hoerde)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            self.detail_url(request, "close"), {"close-version": 1, "close-note": "egal"}
        )
        assert response.status_code == 400
        assert "egal" in response.content.decode()
        request.refresh_from_db()
        assert request.status == Request.Status.NEW


class FeedbackTests(TriageTestCase):
    def post_feedback(self, request, text="Wir haben die Familie erreicht."):
        self.client.force_login(self.worker_hoerde)
        return self.client.post(self.detail_url(request, "feedback"), {"feedback-text": text})

    def test_feedback_passes_the_gate_and_is_logged(self):
        request = self.make_partner_request()
        self.client.force_login(self.worker_hoerde)
        html = self.client.get(self.detail_url(request)).content.decode()
        assert "Rückmeldung an Kita Testweg" in html
        response = self.post_feedback(request)
        assert response.status_code == 302
        request.refresh_from_db()
        assert request.feedback == "Wir haben die Familie erreicht."
        assert request.feedback_at is not None
        log = Disclosure.objects.get()
        assert log.kind == Disclosure.Kind.FEEDBACK
        assert log.consent_id == request.feedback_consent_id
        assert log.recipient_organisation is not None
        assert log.recipient_organisation.partner == self.kita_hoerde
        assert log.purpose == Purpose.RUECKMELDUNG
        assert log.data_categories == [DataCategory.NACHRICHT, DataCategory.STAND]
        assert log.request_id == request.pk
        assert log.user == self.worker_hoerde

    def test_a_revoked_consent_stops_the_feedback(self):
        request = self.make_partner_request()
        consent_revoke(
            consent=request.feedback_consent,
            by=self.partner_kita,
            revoked_on=timezone.localdate(),
        )
        response = self.post_feedback(request, text="Termin am Montag.")
        assert response.status_code == 400
        html = response.content.decode()
        assert "Die Rückmeldung wurde nicht gesendet" in html
        assert "Die Einwilligung wurde widerrufen." in html
        assert "Termin am Montag." in html
        request.refresh_from_db()
        assert request.feedback == ""
        assert not Disclosure.objects.exists()

    def test_no_feedback_without_the_familys_consent(self):
        request = self.make_partner_request(feedback=False)
        self.client.force_login(self.worker_hoerde)
        assert (
            "Rückmeldung senden" not in self.client.get(self.detail_url(request)).content.decode()
        )
        assert self.post_feedback(request).status_code == 400
        with pytest.raises(DisclosureRefused):
            request_feedback_give(request=request, by=self.worker_hoerde, text="Hallo")
        public = self.make_request(district=self.hoerde)
        with pytest.raises(ValidationError):
            request_feedback_give(request=public, by=self.worker_hoerde, text="Hallo")
        assert not Disclosure.objects.exists()


@override_settings(INTAKE_RETENTION_DAYS=30)
class PurgeTests(TriageTestCase):
    def test_old_requests_without_a_case_go_with_their_attempts_and_consents(self):
        start = dt.datetime(2026, 3, 2, 10, 0, tzinfo=BERLIN)
        with time_machine.travel(start, tick=False):
            closed = self.make_request(district=self.hoerde)
            contact_attempt_add(
                request=closed, by=self.worker_hoerde, channel="phone", reached=False
            )
            request_close(request=closed, by=self.worker_hoerde, version=1, reason="not_reached")
            referral = self.make_partner_request()
            revoked = self.make_partner_request()
            consent_revoke(
                consent=revoked.consent, by=self.partner_kita, revoked_on=dt.date(2026, 3, 2)
            )
            into_case = self.make_partner_request()
            request_to_case(
                request=into_case,
                by=self.worker_hoerde,
                version=1,
                family=None,
                name="Fall",
                district=self.hoerde,
                zugangsweg="kita",
                topics=["gesundheit"],
                opened_on=dt.date(2026, 3, 2),
            )
            seen = self.make_partner_request()
            # The partner looked at the state: that feedback consent is evidence now.
            disclose(
                user=self.partner_kita,
                office=self.dortmund,
                kind=Disclosure.Kind.PARTNER_VIEW,
                consents=Consent.objects.filter(pk=seen.feedback_consent_id),
                recipient_organisation=Organization.objects.get(partner=self.kita_hoerde),
                purpose=Purpose.RUECKMELDUNG,
                categories=[DataCategory.STAND],
                produce=lambda log: None,
                request_id=seen.pk,
            )
        with time_machine.travel(start + dt.timedelta(days=20), tick=False):
            young = self.make_request(district=self.hoerde)
        bochum = None
        with time_machine.travel(start, tick=False):
            bochum = self.make_request(office=self.bochum, district=self.bochum_mitte)

        # 30 days later nothing is old enough yet.
        with time_machine.travel(start + dt.timedelta(days=30, hours=-1), tick=False):
            assert requests_purge().requests == 0

        out = io.StringIO()
        with time_machine.travel(start + dt.timedelta(days=31), tick=False):
            call_command("purge_requests", stdout=out)
        assert (
            "Deleted 5 request(s) older than 30 days, 1 contact attempt(s) and 5 consent(s)."
            in (out.getvalue())
        )
        remaining = set(Request.objects.values_list("pk", flat=True))
        assert remaining == {into_case.pk, young.pk}
        assert not Request.objects.filter(pk__in=[closed.pk, referral.pk, bochum.pk]).exists()
        assert not ContactAttempt.objects.exists()
        # Kept: the consents of the case, and the one the partner's view was logged with.
        kept = set(Consent.objects.values_list("pk", flat=True))
        assert kept == {
            into_case.consent_id,
            into_case.feedback_consent_id,
            seen.feedback_consent_id,
        }
        assert not ConsentRevocation.objects.exists()
        purge_events = AuditEvent.objects.filter(action="request.purge")
        assert {(e.office_id, e.details["requests"]) for e in purge_events} == {
            (self.dortmund.pk, 4),
            (self.bochum.pk, 1),
        }

    def test_the_retention_path_keeps_consents_that_are_evidence(self):
        request = self.make_partner_request()
        make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        case_consent = consent_record(
            by=self.worker_hoerde,
            office=self.dortmund,
            given_by="Mutter",
            purpose=Purpose.VERMITTLUNG,
            data_categories=[DataCategory.KONTAKT],
            form=ConsentForm.MUENDLICH,
            given_on=timezone.localdate(),
            recipient_office=self.bochum,
            case=Case.objects.get(),
        )
        with pytest.raises(PermissionError):
            Consent.objects.filter(pk=case_consent.pk).retention_delete()
        with pytest.raises(PermissionError):
            Consent.objects.filter(pk=request.consent_id).delete()
        assert Consent.objects.count() == 3
