"""The coordination's page of barrier reports: read, mark as handled, deleted a year later."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bruecke.org.actions import staff_user_create
from bruecke.org.models import Role
from bruecke.portal.actions import barrier_reports_purge
from bruecke.portal.models import BarrierReport
from bruecke.test import PASSWORD, BaseTestCase, World

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
class BarrierStaffPageTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.ours = BarrierReport.objects.create(
            office=cls.dortmund,
            page="/angebote/",
            description="Der Filter „Bezirk“ ist mit der Tastatur nicht erreichbar.",
            email="melder@example.org",
        )
        cls.shared = BarrierReport.objects.create(
            office=None, page="", description="Die Schrift ist auf dem Handy zu klein."
        )
        cls.theirs = BarrierReport.objects.create(
            office=cls.bochum, page="/impressum/", description="Bochumer Meldung"
        )
        cls.coordinator_bochum = staff_user_create(
            username="coordinator_bochum",
            password=PASSWORD,
            office=cls.bochum,
            role=Role.KOORDINATION,
        )

    def page(self, user):
        self.client.force_login(user)
        return self.client.get(reverse("portal:barrier_reports"))

    def handle(self, report, handled="1"):
        return self.client.post(
            reverse("portal:barrier_report_handle", args=[report.pk]), {"bearbeitet": handled}
        )

    def test_coordination_sees_its_office_and_shared_reports_only(self):
        response = self.page(self.coordinator_dortmund)
        assert response.status_code == 200
        self.assertContains(response, "mit der Tastatur nicht erreichbar")
        self.assertContains(response, "auf dem Handy zu klein")
        self.assertContains(response, 'href="mailto:melder@example.org"')
        self.assertNotContains(response, "Bochumer Meldung")
        self.assertContains(response, "Offen (2)")
        bochum = self.page(self.coordinator_bochum)
        self.assertContains(bochum, "Bochumer Meldung")
        self.assertNotContains(bochum, "mit der Tastatur nicht erreichbar")

    def test_other_roles_do_not_reach_the_page(self):
        for user in (self.worker_hoerde, self.lead_dortmund, self.dpo_dortmund, self.partner_kita):
            assert self.page(user).status_code == 404
            assert self.handle(self.ours).status_code == 404
        self.client.logout()
        response = self.client.get(reverse("portal:barrier_reports"))
        assert response.status_code == 302  # to the login
        self.ours.refresh_from_db()
        assert self.ours.handled_at is None

    def test_another_offices_report_cannot_be_marked(self):
        self.client.force_login(self.coordinator_dortmund)
        assert self.handle(self.theirs).status_code == 404
        self.theirs.refresh_from_db()
        assert self.theirs.handled_at is None

    def test_get_does_not_change_anything(self):
        self.client.force_login(self.coordinator_dortmund)
        url = reverse("portal:barrier_report_handle", args=[self.ours.pk])
        assert self.client.get(url).status_code == 405

    def test_marked_report_moves_to_handled_and_is_deleted_a_year_later(self):
        self.client.force_login(self.coordinator_dortmund)
        response = self.handle(self.ours)
        assert response.status_code == 302
        self.ours.refresh_from_db()
        assert self.ours.handled_at == NOW
        page = self.client.get(reverse("portal:barrier_reports"))
        self.assertContains(page, "Die Meldung ist als bearbeitet markiert.")
        self.assertContains(page, "Offen (1)")
        self.assertContains(page, "Wieder öffnen")
        # Kept for a year after handling, then the daily purge deletes it.
        assert barrier_reports_purge(now=NOW + dt.timedelta(days=364)) == 0
        assert barrier_reports_purge(now=NOW + dt.timedelta(days=366)) == 1
        assert not BarrierReport.objects.filter(pk=self.ours.pk).exists()
        assert BarrierReport.objects.filter(pk=self.shared.pk).exists()

    def test_a_report_can_be_opened_again(self):
        self.client.force_login(self.coordinator_dortmund)
        self.handle(self.shared)
        self.handle(self.shared, handled="0")
        self.shared.refresh_from_db()
        assert self.shared.handled_at is None
        assert barrier_reports_purge(now=NOW + dt.timedelta(days=400)) == 0

    def test_a_form_without_a_clear_choice_changes_nothing(self):
        self.client.force_login(self.coordinator_dortmund)
        for data in ({}, {"bearbeitet": "ja"}):
            response = self.client.post(
                reverse("portal:barrier_report_handle", args=[self.ours.pk]), data
            )
            assert response.status_code == 400
        self.ours.refresh_from_db()
        assert self.ours.handled_at is None

    def test_query_count_does_not_grow_with_the_reports(self):
        self.client.force_login(self.coordinator_dortmund)
        self.client.get(reverse("portal:barrier_reports"))  # warm the session and caches
        with CaptureQueriesContext(connection) as few:
            self.client.get(reverse("portal:barrier_reports"))
        for n in range(10):
            report = BarrierReport.objects.create(
                office=self.dortmund, page=f"/seite-{n}/", description="Zu kleiner Kontrast."
            )
            if n % 2:
                report.handled_at = NOW
                report.save()
        with CaptureQueriesContext(connection) as many:
            response = self.client.get(reverse("portal:barrier_reports"))
        self.assertContains(response, "/seite-9/")
        assert len(many) == len(few)

    def test_navigation_links_the_page_for_coordination(self):
        self.client.force_login(self.coordinator_dortmund)
        start = self.client.get(reverse("accounts:start"))
        self.assertContains(start, reverse("portal:barrier_reports"))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_reported_barrier_reaches_coordination_and_is_marked_handled(page, live_server, axe):
    World.build()
    base = live_server.url
    # A parent on a phone reports a barrier on the public form.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{base}/barrierefreiheit/melden/?seite=/angebote/")
    page.get_by_label("Beschreibung").fill("Die Karte der Angebote lässt sich nicht vergrößern.")
    page.get_by_label("Jugendamt").select_option(label="Jugendamt Dortmund")
    page.get_by_role("button", name="Meldung senden").click()
    page.wait_for_url("**/melden/danke/")

    # The coordination finds it under "Barrieren" and marks it as handled.
    page.goto(f"{base}/anmelden/")
    page.fill("input[name=username]", "coordinator_dortmund")
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{base}/arbeit/")
    page.get_by_role("link", name="Barrieren").click()
    page.wait_for_url("**/barrieren/")
    page.get_by_text("lässt sich nicht vergrößern").wait_for()
    assert page.get_by_text("/angebote/").count() == 1
    axe(page)
    page.get_by_role("button", name="Als bearbeitet markieren").click()
    page.get_by_text("Die Meldung ist als bearbeitet markiert.").wait_for()
    axe(page)
    assert page.get_by_role("button", name="Wieder öffnen").count() == 1
    assert BarrierReport.objects.get().handled_at is not None
