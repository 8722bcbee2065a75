"""'Meine Vermittlungen': a partner sees the state of its own referrals only through the gate."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.urls import reverse
from django.utils import timezone

from bruecke.cases.actions import case_close
from bruecke.cases.choices import Outcome
from bruecke.cases.tests.helpers import make_case
from bruecke.directory.models import Organization
from bruecke.intake.actions_partner import partner_requests_view
from bruecke.intake.models import Request
from bruecke.intake.selectors_partner import PAGE_SIZE, PartnerState, partner_requests
from bruecke.intake.tests.partner_fixtures import partner_request
from bruecke.referrals.gate import consent_revoke
from bruecke.referrals.models import Disclosure, Purpose
from bruecke.test import BaseTestCase

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)
URL = reverse("partner:request_list")
HIDDEN = "übermittelt – Rückmeldung nur mit Einwilligung der Familie"


@time_machine.travel(NOW, tick=False)
class PartnerRequestListTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        with time_machine.travel(NOW, tick=False):
            cls.kita_org = Organization.objects.create(
                office=cls.dortmund,
                name="Kita Testweg",
                kind=Organization.Kind.KITA,
                partner=cls.kita_hoerde,
            )
            cls.received = partner_request(cls.partner_kita, first_name="Anna")
            cls.reached = partner_request(cls.partner_kita, first_name="Berta")
            Request.objects.filter(pk=cls.reached.pk).update(
                status=Request.Status.ASSIGNED, reached_at=timezone.now()
            )
            cls.case_open = partner_request(cls.partner_kita, first_name="Cem")
            case = make_case(cls.world, worker=cls.worker_hoerde, district=cls.hoerde, name="Cem")
            Request.objects.filter(pk=cls.case_open.pk).update(
                status=Request.Status.CASE,
                case=case,
                feedback="Die Familie ist in Beratung.",
            )
            cls.case_closed = partner_request(cls.partner_kita, first_name="Dana")
            closed = make_case(
                cls.world,
                worker=cls.worker_hoerde,
                district=cls.hoerde,
                name="D",
                opened_on=dt.date(2026, 10, 1),
            )
            case_close(
                by=cls.worker_hoerde,
                case=closed,
                outcome=Outcome.ZIEL_ERREICHT,
                closed_on=dt.date(2026, 11, 20),
            )
            Request.objects.filter(pk=cls.case_closed.pk).update(
                status=Request.Status.CASE, case=closed
            )
            cls.anonymous = partner_request(cls.partner_kita, first_name="Emil")
            Request.objects.filter(pk=cls.anonymous.pk).update(status=Request.Status.ANONYMOUS)
            cls.no_feedback = partner_request(cls.partner_kita, first_name="Fatma", feedback=False)
            Request.objects.filter(pk=cls.no_feedback.pk).update(
                status=Request.Status.CASE, case=case
            )
            # Another partner's referral never shows up here.
            cls.other = partner_request(cls.partner_eb, first_name="Zora", feedback=False)

    def setUp(self):
        self.client.force_login(self.partner_kita)

    def views(self):
        requests = list(partner_requests(self.partner_kita.membership))
        return {
            request.first_name: view
            for request, view in zip(
                requests,
                partner_requests_view(
                    by=self.partner_kita,
                    office=self.dortmund,
                    recipient=self.kita_org,
                    requests=requests,
                ).values(),
                strict=True,
            )
        }

    def test_states_are_received_in_contact_or_closed(self):
        views = self.views()
        assert {name: view.state for name, view in views.items()} == {
            "Anna": PartnerState.RECEIVED,
            "Berta": PartnerState.IN_CONTACT,
            "Cem": PartnerState.IN_CONTACT,
            "Dana": PartnerState.CLOSED,
            "Emil": PartnerState.CLOSED,
            "Fatma": "",
        }
        assert views["Cem"].feedback == "Die Familie ist in Beratung."

    def test_page_shows_own_referrals_with_state_and_feedback(self):
        response = self.client.get(URL)
        assert response.status_code == 200
        for name in ("Anna", "Berta", "Cem", "Dana", "Emil", "Fatma"):
            self.assertContains(response, name)
        self.assertNotContains(response, "Zora")
        self.assertContains(response, "in Kontakt")
        self.assertContains(response, "abgeschlossen")
        self.assertContains(response, "Die Familie ist in Beratung.")
        # Without feedback consent: nothing beyond "sent", although Fatma's case is open.
        self.assertContains(response, HIDDEN, count=1)

    def test_a_name_and_feedback_in_another_script_keep_their_direction(self):
        Request.objects.filter(pk=self.case_open.pk).update(
            first_name="جميلة", feedback="العائلة في الاستشارة."
        )
        response = self.client.get(URL)
        self.assertContains(response, 'dir="auto">جميلة</h2>')
        self.assertContains(response, 'note typed-text" dir="auto">العائلة في الاستشارة.</dd>')

    def test_every_shown_state_is_logged_as_a_disclosure(self):
        self.client.get(URL)
        logs = Disclosure.objects.filter(kind=Disclosure.Kind.PARTNER_VIEW)
        # One per request with a feedback consent; none for Fatma.
        assert logs.count() == 5
        assert set(logs.values_list("request_id", flat=True)) == {
            self.received.pk,
            self.reached.pk,
            self.case_open.pk,
            self.case_closed.pk,
            self.anonymous.pk,
        }
        for log in logs:
            assert log.user == self.partner_kita
            assert log.recipient_organisation == self.kita_org
            assert log.purpose == Purpose.RUECKMELDUNG
        cem = logs.get(request_id=self.case_open.pk)
        assert cem.data_categories == ["nachricht", "stand"]
        assert logs.get(request_id=self.received.pk).data_categories == ["stand"]

    def test_revoking_the_feedback_consent_hides_the_state_at_once(self):
        response = self.client.get(URL)
        self.assertContains(response, "Die Familie ist in Beratung.")
        consent_revoke(
            consent=self.case_open.feedback_consent,
            by=self.worker_hoerde,
            revoked_on=timezone.localdate(),
        )
        before = Disclosure.objects.count()
        # Ids keep growing across tests on PostgreSQL: compare with the newest id.
        last_id = Disclosure.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        response = self.client.get(URL)
        self.assertNotContains(response, "Die Familie ist in Beratung.")
        self.assertContains(response, HIDDEN, count=2)
        # Four logs for the four still covered; none for the revoked one.
        assert Disclosure.objects.count() == before + 4
        assert not Disclosure.objects.filter(request_id=self.case_open.pk, pk__gt=last_id).exists()

    def test_without_a_directory_entry_nothing_beyond_sent_is_shown(self):
        self.client.force_login(self.partner_eb)
        response = self.client.get(URL)
        self.assertContains(response, "Zora")
        self.assertContains(response, HIDDEN, count=1)
        assert not Disclosure.objects.exists()

    def test_query_count_does_not_grow_beyond_one_page(self):
        # Session, user, membership, count, page, directory entry; then for each
        # shown request with a feedback consent the gate: savepoint, lock the
        # consent, revocations, the log row, release.
        with self.assertNumQueries(6 + 5 * 5):
            self.client.get(URL)
        for more in (PAGE_SIZE, 2 * PAGE_SIZE):
            # Newer than the six above, so the first page holds only these.
            with time_machine.travel(NOW + dt.timedelta(hours=1), tick=False):
                for _n in range(more):
                    partner_request(self.partner_kita, first_name="Gül")
            with self.assertNumQueries(6 + 5 * PAGE_SIZE):
                response = self.client.get(URL)
            assert len(response.context["rows"]) == PAGE_SIZE
