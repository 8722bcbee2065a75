"""The panel "Einwilligungen und Vermittlungen" on the case page."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bruecke.cases.actions import case_close
from bruecke.cases.tests.helpers import make_case
from bruecke.intake.models import Request
from bruecke.referrals.actions import consent_record, referral_create, referral_step
from bruecke.referrals.gate import consent_revoke
from bruecke.referrals.tests.worker_fixtures import NOW, TODAY, give_consent
from bruecke.test import BaseTestCase


@time_machine.travel(NOW, tick=False)
class CasePanelTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        with time_machine.travel(NOW, tick=False):
            cls.targets = cls.world.referral_targets()
            cls.case = make_case(cls.world, worker=cls.worker_hoerde, district=cls.hoerde)

    def page(self, user=None):
        self.client.force_login(user or self.worker_hoerde)
        return self.client.get(reverse("cases:detail", kwargs={"case_id": self.case.pk}))

    def test_an_empty_panel_says_what_a_live_referral_needs(self):
        response = self.page()
        self.assertContains(response, "Einwilligungen und Vermittlungen")
        self.assertContains(response, "Noch keine Vermittlung.")
        self.assertContains(response, "braucht es eine Einwilligung der Familie")
        self.assertContains(
            response, reverse("referrals:referral_create", kwargs={"case_id": self.case.pk})
        )

    def test_it_lists_consents_with_their_details_and_state(self):
        eb = self.targets.eb_org
        give_consent(
            self.case,
            eb,
            by=self.worker_hoerde,
            categories=["kontakt", "anliegen"],
            valid_until=dt.date(2027, 5, 31),
            evidence="Erklärung liegt in der Akte",
        )
        give_consent(
            self.case,
            eb,
            by=self.worker_hoerde,
            given_on=dt.date(2026, 1, 10),
            valid_until=dt.date(2026, 6, 30),
        )
        give_consent(self.case, eb, by=self.worker_hoerde, valid_from=dt.date(2026, 12, 1))
        revoked = give_consent(self.case, self.targets.free_org, by=self.worker_hoerde)
        consent_revoke(consent=revoked, by=self.worker_hoerde, revoked_on=TODAY, note="am Telefon")
        response = self.page()
        self.assertContains(response, "Erziehungsberatungsstelle Testplatz")
        self.assertContains(response, "Vermittlung an ein Angebot")
        self.assertContains(response, "Name und Kontaktdaten, Anliegen und Handlungsfelder")
        self.assertContains(
            response, '<span dir="auto">Mutter, Frau Yılmaz</span>, schriftlich, 20.11.2026'
        )
        self.assertContains(response, "vom 20.11.2026 bis 31.05.2027")
        self.assertContains(response, "Erklärung liegt in der Akte")
        self.assertContains(
            response, '<span dir="auto">Emre Yılmaz</span>, <span dir="auto">Ayşe Yılmaz</span>'
        )
        self.assertContains(response, "Worker Test, 24.11.2026")
        self.assertContains(response, ">gültig<")
        self.assertContains(response, ">abgelaufen<")
        self.assertContains(response, ">noch nicht gültig<")
        self.assertContains(response, ">widerrufen am 24.11.2026<")
        self.assertContains(response, '24.11.2026: <span dir="auto">am Telefon</span>')
        # Every consent but the revoked one can be revoked.
        self.assertContains(response, "Widerruf eintragen", count=3)

    def test_text_typed_in_another_script_keeps_its_own_direction(self):
        """Arabic names and notes inside German sentences: dir="auto" on each typed value."""
        targets = self.targets
        type(targets.free_org).objects.filter(pk=targets.free_org.pk).update(name="بيت العائلة")
        type(targets.free_service).objects.filter(pk=targets.free_service.pk).update(
            name="مجموعة الأم والطفل"
        )
        targets.free_org.refresh_from_db()
        targets.free_service.refresh_from_db()
        consent_record(
            by=self.worker_hoerde,
            office=self.dortmund,
            case=self.case,
            given_by="الأم",
            purpose="vermittlung",
            data_categories=["kontakt"],
            form="schriftlich",
            given_on=dt.date(2026, 11, 20),
            recipient_organisation=targets.free_org,
            persons=list(self.case.family.members.all()),
            evidence="الإقرار في الملف",
        )
        referral_create(
            by=self.worker_hoerde, case=self.case, service=targets.free_service, mode="logged"
        )
        response = self.page()
        self.assertContains(response, 'dir="auto">مجموعة الأم والطفل</a></h4>')
        self.assertContains(
            response, '<dd class="kern-description-list-item__value" dir="auto">بيت العائلة</dd>'
        )
        self.assertContains(response, '<h4 class="kern-title" dir="auto">بيت العائلة</h4>')
        self.assertContains(response, '<span dir="auto">الأم</span>, schriftlich, 20.11.2026')
        self.assertContains(response, 'note" dir="auto">الإقرار في الملف</dd>')

    def test_a_consent_recorded_with_the_partner_request_is_listed(self):
        consent = consent_record(
            by=self.partner_kita,
            office=self.dortmund,
            given_by="Vater",
            purpose="anmeldung",
            data_categories=["kontakt", "familie"],
            form="muendlich",
            given_on=dt.date(2026, 11, 2),
            recipient_office=self.dortmund,
        )
        Request.objects.create(
            office=self.dortmund,
            reference="KA-TEST01",
            source=Request.Source.PARTNER,
            district=self.hoerde,
            first_name="Familie Yılmaz",
            due_on=dt.date(2026, 11, 5),
            status=Request.Status.CASE,
            case=self.case,
            partner_organisation=self.kita_hoerde,
            referred_by=self.partner_kita,
            consent=consent,
        )
        response = self.page()
        self.assertContains(response, "Weitergabe an die Kita-Sozialarbeit")
        self.assertContains(
            response, '<span dir="auto">Vater</span>, mündlich, dokumentiert, 02.11.2026'
        )
        self.assertContains(response, "Partner Test")

    def test_it_lists_referrals_with_their_last_step(self):
        give_consent(self.case, self.targets.free_org, by=self.worker_hoerde)
        live = referral_create(
            by=self.worker_hoerde, case=self.case, service=self.targets.free_service, mode="live"
        )
        referral_step(referral=live, by=self.worker_hoerde, to="accepted")
        referral_create(
            by=self.worker_hoerde, case=self.case, service=self.targets.eb_service, mode="logged"
        )
        response = self.page()
        self.assertContains(response, "Eltern-Kind-Gruppe")
        self.assertContains(response, "Familienbildung Teststraße")
        self.assertContains(response, "Vermittlung mit Datenweitergabe")
        self.assertContains(response, "angenommen")
        self.assertContains(response, "24.11.2026 11:00, Worker Test (für die Stelle eingetragen)")
        self.assertContains(response, "Hinweis (die Familie geht selbst hin)")
        self.assertContains(response, "Hinweis gegeben")
        self.assertContains(response, reverse("referrals:detail", kwargs={"referral_id": live.pk}))

    def test_answer_by_is_shown_while_the_partner_has_not_answered(self):
        give_consent(self.case, self.targets.eb_org, by=self.worker_hoerde)
        referral = referral_create(
            by=self.worker_hoerde, case=self.case, service=self.targets.eb_service, mode="live"
        )
        response = self.page()
        self.assertContains(response, "Antwort erwartet bis")
        self.assertContains(response, f"{referral.answer_by:%d.%m.%Y}")

    def test_a_closed_case_keeps_revocation_but_offers_no_new_referral(self):
        give_consent(self.case, self.targets.eb_org, by=self.worker_hoerde)
        case_close(by=self.worker_hoerde, case=self.case, outcome="ziel_erreicht", closed_on=TODAY)
        response = self.page()
        self.assertNotContains(
            response, reverse("referrals:referral_create", kwargs={"case_id": self.case.pk})
        )
        self.assertContains(response, "Widerruf eintragen")

    def test_the_panel_costs_the_same_queries_for_one_or_many_entries(self):
        def page_queries() -> int:
            self.client.force_login(self.worker_hoerde)
            url = reverse("cases:detail", kwargs={"case_id": self.case.pk})
            self.client.get(url)  # warm the session and the membership
            with CaptureQueriesContext(connection) as queries:
                assert self.client.get(url).status_code == 200
            return len(queries)

        empty = page_queries()
        give_consent(self.case, self.targets.eb_org, by=self.worker_hoerde)
        referral_create(
            by=self.worker_hoerde, case=self.case, service=self.targets.eb_service, mode="live"
        )
        one = page_queries()
        for _ in range(3):
            consent = give_consent(self.case, self.targets.free_org, by=self.worker_hoerde)
            consent_revoke(consent=consent, by=self.worker_hoerde, revoked_on=TODAY)
        give_consent(self.case, self.targets.free_org, by=self.worker_hoerde)
        for _ in range(3):
            referral = referral_create(
                by=self.worker_hoerde,
                case=self.case,
                service=self.targets.free_service,
                mode="live",
            )
            referral_step(referral=referral, by=self.worker_hoerde, to="accepted")
        many = page_queries()
        # Consents, their persons, referrals, their events: two queries more than empty.
        assert one == empty + 2
        assert many == one

    def test_the_panel_asserts_its_query_count(self):
        give_consent(self.case, self.targets.eb_org, by=self.worker_hoerde)
        referral_create(
            by=self.worker_hoerde, case=self.case, service=self.targets.eb_service, mode="live"
        )
        from django.template import Context, Template

        template = Template("{% load referral_tags %}{% case_referrals_panel case %}")
        with self.assertNumQueries(4):
            template.render(Context({"case": self.case, "today": TODAY}))
