"""Work without a family: entry form, monthly list with totals, who sees what."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bruecke.audit.models import AuditEvent
from bruecke.cases.actions import family_free_work_add
from bruecke.cases.models import FamilyFreeWork
from bruecke.cases.views_work import work_for
from bruecke.org.models import PartnerOrganisation
from bruecke.test import BaseTestCase, World, log_in

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)


def add_work(user, *, date=dt.date(2026, 11, 10), kind="netzwerktreffen", **fields):
    fields.setdefault("duration_minutes", 90)
    return family_free_work_add(
        by=user, office_id=user.membership.office_id, date=date, kind=kind, **fields
    )


@time_machine.travel(NOW, tick=False)
class WorkCreateTests(BaseTestCase):
    url = reverse("cases:work_create")

    def post(self, **data):
        self.client.force_login(self.worker_hoerde)
        payload = {"date": "2026-11-24", "duration_minutes": "90", **data}
        return self.client.post(self.url, payload)

    def test_the_form_shows_with_todays_date_and_the_privacy_hint(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.url)
        self.assertContains(response, 'value="2026-11-24"')
        self.assertContains(response, "Keine Namen von Familien oder Kindern eintragen.")
        self.assertContains(response, "Kita Testweg")

    def test_parent_evening_is_saved_with_an_audit_event(self):
        response = self.post(
            kind="elternabend",
            institution=self.kita_hoerde.pk,
            district=self.hoerde.pk,
            place="Turnhalle",
            participants="12",
            topics=["gesundheit", "kinderbetreuung"],
        )
        self.assertRedirects(
            response,
            reverse("cases:work_list") + "?monat=2026-11",
            fetch_redirect_response=False,
        )
        work = FamilyFreeWork.objects.get()
        assert (work.kind, work.participants, work.institution, work.district) == (
            "elternabend",
            12,
            self.kita_hoerde,
            self.hoerde,
        )
        assert (work.office, work.created_by, work.date) == (
            self.dortmund,
            self.worker_hoerde,
            dt.date(2026, 11, 24),
        )
        event = AuditEvent.objects.get(action="work.add")
        assert (event.office_id, event.actor_id, event.target_id) == (
            self.dortmund.pk,
            self.worker_hoerde.pk,
            str(work.pk),
        )
        self.assertContains(
            self.client.get(response["Location"]), "Gespeichert: Elternabend am 24.11.2026."
        )

    def test_a_network_meeting_needs_no_institution_and_no_participants(self):
        response = self.post(kind="netzwerktreffen", place="Bezirksverwaltungsstelle")
        assert response.status_code == 302
        assert FamilyFreeWork.objects.get().institution is None

    def test_parent_evening_without_participants_is_refused_and_keeps_the_input(self):
        response = self.post(kind="elternabend", place="Turnhalle der Kita", duration_minutes="75")
        assert response.status_code == 400
        self.assertContains(
            response, "Bitte geben Sie die Zahl der Teilnehmenden an.", status_code=400
        )
        self.assertContains(response, "Bitte prüfen Sie Ihre Eingaben", status_code=400)
        self.assertContains(response, 'value="Turnhalle der Kita"', status_code=400)
        self.assertContains(response, 'value="75"', status_code=400)
        self.assertContains(response, '<option value="elternabend" selected>', status_code=400)
        assert not FamilyFreeWork.objects.exists()
        assert not AuditEvent.objects.filter(action="work.add").exists()

    def test_information_event_needs_participants_too(self):
        response = self.post(kind="infoveranstaltung")
        assert response.status_code == 400
        assert "participants" in response.context["form"].errors

    def test_case_consultation_in_a_kita_needs_the_institution(self):
        response = self.post(kind="fallberatung_kita", place="Büro der Leitung")
        assert response.status_code == 400
        assert list(response.context["form"].errors) == ["institution"]
        self.assertContains(response, 'value="Büro der Leitung"', status_code=400)
        assert not FamilyFreeWork.objects.exists()
        response = self.post(kind="sprechstunde_kita")
        assert list(response.context["form"].errors) == ["institution"]

    def test_future_dates_and_odd_durations_are_refused(self):
        response = self.post(kind="bezirksteam", date="2026-11-25", duration_minutes="601")
        assert response.status_code == 400
        errors = response.context["form"].errors
        assert "in der Zukunft" in errors["date"][0]
        assert "duration_minutes" in errors
        assert not FamilyFreeWork.objects.exists()

    def test_another_offices_district_is_refused(self):
        response = self.post(kind="netzwerktreffen", district=self.bochum_mitte.pk)
        assert response.status_code == 400
        assert "district" in response.context["form"].errors
        assert not FamilyFreeWork.objects.exists()

    def test_another_offices_institution_is_refused(self):
        kita_bochum = PartnerOrganisation.objects.create(
            office=self.bochum, name="Kita Bochum", kind=PartnerOrganisation.Kind.KITA
        )
        response = self.post(kind="fallberatung_kita", institution=kita_bochum.pk)
        assert response.status_code == 400
        assert "institution" in response.context["form"].errors
        self.assertNotContains(response, "Kita Bochum", status_code=400)
        assert not FamilyFreeWork.objects.exists()

    def test_other_roles_get_404_on_both_pages(self):
        for user in (
            self.coordinator_dortmund,
            self.dpo_dortmund,
            self.admin_dortmund,
            self.partner_kita,
        ):
            self.client.force_login(user)
            for url in (reverse("cases:work_list"), self.url):
                assert self.client.get(url).status_code == 404, (user, url)
            assert self.client.post(self.url, {"kind": "bezirksteam"}).status_code == 404
        assert not FamilyFreeWork.objects.exists()

    def test_anonymous_visitors_are_sent_to_the_login(self):
        response = self.client.get(reverse("cases:work_list"))
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]


@time_machine.travel(NOW, tick=False)
class WorkListTests(BaseTestCase):
    url = reverse("cases:work_list")

    def test_a_worker_sees_own_entries_of_the_month_newest_first_with_totals(self):
        add_work(self.worker_hoerde, date=dt.date(2026, 11, 3), place="Rathaus Hörde")
        add_work(
            self.worker_hoerde,
            date=dt.date(2026, 11, 20),
            kind="elternabend",
            duration_minutes=120,
            participants=12,
            place="Turnhalle",
        )
        add_work(
            self.worker_hoerde,
            date=dt.date(2026, 11, 5),
            kind="elternabend",
            duration_minutes=60,
            participants=8,
        )
        add_work(self.worker_hoerde, date=dt.date(2026, 10, 30), place="Oktobertreffen")
        add_work(self.worker_eving, date=dt.date(2026, 11, 4), place="Eving-Treffen")
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.url)
        assert response.status_code == 200
        entries = response.context["entries"]
        assert [w.date.day for w in entries] == [20, 5, 3]
        self.assertNotContains(response, "Eving-Treffen")
        self.assertNotContains(response, "Oktobertreffen")
        totals = {
            str(t.label): (t.count, t.minutes, t.participants) for t in response.context["totals"]
        }
        assert totals == {"Netzwerktreffen": (1, 90, None), "Elternabend": (2, 180, 20)}
        total = response.context["total"]
        assert (total.count, total.minutes, total.participants) == (3, 270, 20)
        self.assertContains(response, "November 2026")
        self.assertContains(response, "?monat=2026-10")
        self.assertNotContains(response, "?monat=2026-12")  # nothing lies in the future
        self.assertContains(response, reverse("cases:work_create"))

    def test_another_month_is_chosen_with_monat(self):
        add_work(self.worker_hoerde, date=dt.date(2026, 10, 30), place="Oktobertreffen")
        add_work(self.worker_hoerde, date=dt.date(2026, 11, 2), place="Novembertreffen")
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.url, {"monat": "2026-10"})
        self.assertContains(response, "Oktobertreffen")
        self.assertNotContains(response, "Novembertreffen")
        self.assertContains(response, "?monat=2026-09")
        self.assertContains(response, "?monat=2026-11")
        for odd in ("2026-13", "gestern", "1999-01"):
            response = self.client.get(self.url, {"monat": odd})
            assert response.context["month"] == dt.date(2026, 11, 1)

    def test_institution_and_place_keep_their_own_direction(self):
        kita = PartnerOrganisation.objects.create(
            office=self.dortmund, name="روضة النور", kind=PartnerOrganisation.Kind.KITA
        )
        add_work(self.worker_hoerde, kind="sprechstunde_kita", institution=kita, place="غرفة الأهل")
        self.client.force_login(self.worker_hoerde)
        # Each in its own element, so the comma between them stays where it belongs;
        # once in the phone list, once in the table.
        self.assertContains(
            self.client.get(self.url),
            '<span dir="auto">روضة النور</span>, <span dir="auto">غرفة الأهل</span>',
            count=2,
        )

    def test_an_empty_month_says_so(self):
        self.client.force_login(self.worker_hoerde)
        self.assertContains(self.client.get(self.url), "ist noch nichts eingetragen")

    def test_the_team_lead_sees_the_teams_entries_but_not_other_teams(self):
        add_work(self.worker_hoerde, place="Hörder Netzwerk")
        add_work(self.worker_eving, place="Eving-Treffen")
        add_work(self.lead_dortmund, kind="bezirksteam", place="Leitungsrunde")
        add_work(self.worker_bochum, place="Bochumer Runde")
        self.client.force_login(self.lead_dortmund)
        response = self.client.get(self.url)
        self.assertContains(response, "Hörder Netzwerk")
        self.assertContains(response, "Leitungsrunde")
        self.assertContains(response, "Eingetragen von")
        self.assertNotContains(response, "Eving-Treffen")
        self.assertNotContains(response, "Bochumer Runde")
        # The worker sees only their own.
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(self.url)
        self.assertContains(response, "Hörder Netzwerk")
        self.assertNotContains(response, "Leitungsrunde")
        self.assertNotContains(response, "Eingetragen von")

    def test_work_for_never_crosses_offices_or_reaches_other_roles(self):
        add_work(self.worker_hoerde)
        month = dt.date(2026, 11, 1)
        assert work_for(user=self.worker_hoerde, month=month).count() == 1
        assert work_for(user=self.lead_dortmund, month=month).count() == 1
        for user in (self.worker_eving, self.lead_bochum, self.coordinator_dortmund):
            assert not work_for(user=user, month=month).exists()

    def count_queries(self, user, n):
        have = FamilyFreeWork.objects.filter(created_by=user).count()
        for i in range(have, n):
            add_work(
                user,
                date=dt.date(2026, 11, 1 + i % 20),
                kind=["netzwerktreffen", "elternabend", "fallberatung_kita"][i % 3],
                district=self.hoerde,
                institution=self.kita_hoerde,
                participants=10,
                topics=["gesundheit"],
            )
        self.client.force_login(self.lead_dortmund)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.url)
        assert response.status_code == 200
        assert len(response.context["entries"]) == FamilyFreeWork.objects.count()
        return len(queries)

    def test_the_list_does_not_grow_with_entries(self):
        small = self.count_queries(self.worker_hoerde, 3)
        large = self.count_queries(self.worker_hoerde, 30)
        assert small == large
        assert small <= 6


# Browser ---------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_worker_records_a_parent_evening_in_the_browser(page, phone, live_server, axe):
    World.build()
    base = live_server.url
    log_in(page, base, "worker_hoerde")

    page.goto(f"{base}{reverse('cases:work_list')}")
    page.get_by_text("ist noch nichts eingetragen").wait_for()
    axe(page)
    page.get_by_role("link", name="Neue Arbeit eintragen").click()
    page.wait_for_url("**/arbeit/ohne-familie/neu/")
    axe(page)

    # First try forgets the participants: refused, with everything kept.
    page.get_by_label("Art der Arbeit").select_option(label="Elternabend")
    page.get_by_label("Dauer in Minuten").fill("90")
    page.get_by_label("Einrichtung").select_option(label="Kita Testweg")
    page.get_by_label("Stadtbezirk").select_option(label="Hörde")
    page.get_by_label("Ort").fill("Turnhalle")
    page.get_by_label("Gesundheit").check()
    page.get_by_role("button", name="Speichern").click()
    page.get_by_text("Bitte geben Sie die Zahl der Teilnehmenden an.").first.wait_for()
    assert page.get_by_label("Ort").input_value() == "Turnhalle"
    axe(page)

    page.get_by_label("Zahl der Teilnehmenden").fill("12")
    page.get_by_role("button", name="Speichern").click()
    page.get_by_text("Gespeichert: Elternabend am").wait_for()
    axe(page)
    work = FamilyFreeWork.objects.get()
    assert (work.kind, work.participants, work.topics) == ("elternabend", 12, ["gesundheit"])
    assert page.locator("table").first.get_by_role("cell", name="12").count() == 1

    # On a phone the entries are cards instead of a wide table.
    log_in(phone, base, "worker_hoerde")
    phone.goto(f"{base}{reverse('cases:work_list')}")
    card = phone.locator("article").filter(has_text="Elternabend")
    card.get_by_text("Kita Testweg, Turnhalle").wait_for()
    assert not phone.locator("table").first.is_visible()
    axe(phone)
