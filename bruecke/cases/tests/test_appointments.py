"""Appointments: actions, the week view, the appointment form and the private calendar feed."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bruecke.audit.models import AuditEvent
from bruecke.cases.actions import case_close
from bruecke.cases.appointments import (
    appointment_create,
    appointment_update,
    feed_token_for,
    feed_token_renew,
    week_of,
)
from bruecke.cases.models import Appointment, CalendarFeed
from bruecke.cases.tests.helpers import make_case
from bruecke.test import PASSWORD, BaseTestCase, World

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
# Tuesday of calendar week 48; its Monday is 23 November 2026.
NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)
MONDAY = dt.date(2026, 11, 23)
FAMILY = "Wunderlichkeit"  # distinctive, so the feed test can prove it is absent


def berlin(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=BERLIN)


class AppointmentTestCase(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.case = make_case(cls.world, worker=cls.worker_hoerde, district=cls.hoerde, name=FAMILY)
        cls.case_eving = make_case(
            cls.world, worker=cls.worker_eving, district=cls.eving, name="Evinger"
        )
        cls.case_bochum = make_case(
            cls.world, worker=cls.worker_bochum, district=cls.bochum_mitte, name="Bochumer"
        )

    def add(self, starts_at, minutes=60, *, worker=None, case=None, place="Kita Testweg"):
        worker = worker or self.worker_hoerde
        return appointment_create(
            by=worker,
            worker=worker,
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(minutes=minutes),
            place=place,
            case=case,
            office_hour=case is None,
        )

    def form_data(self, **overrides):
        data = {
            "date": "2026-11-25",
            "start": "09:30",
            "end": "10:15",
            "place": "Kita Testweg",
            "case": str(self.case.pk),
        }
        data.update(overrides)
        return data


@time_machine.travel(NOW, tick=False)
class AppointmentActionTests(AppointmentTestCase):
    def test_create_writes_an_audit_event_on_the_case_without_personal_data(self):
        appointment = self.add(berlin(2026, 11, 25, 9, 30), case=self.case, place="Hausbesuch")
        assert appointment.office_id == self.dortmund.pk
        event = AuditEvent.objects.get(action="appointment.create")
        assert event.case_id == self.case.pk
        assert event.target_id == str(appointment.pk)
        assert event.details["case"] == self.case.number
        assert FAMILY not in str(event.details)
        assert "Hausbesuch" not in str(event.details)

    def test_office_hour_has_no_case(self):
        appointment = self.add(berlin(2026, 11, 25, 14, 0))
        assert appointment.office_hour and appointment.case is None
        assert AuditEvent.objects.get(action="appointment.create").case_id is None

    def test_end_must_be_after_start(self):
        start = berlin(2026, 11, 25, 9, 0)
        with pytest.raises(ValidationError, match="Ende muss nach dem Beginn"):
            appointment_create(
                by=self.worker_hoerde,
                worker=self.worker_hoerde,
                starts_at=start,
                ends_at=start,
                office_hour=True,
            )

    def test_needs_a_case_or_an_office_hour(self):
        start = berlin(2026, 11, 25, 9, 0)
        with pytest.raises(ValidationError):
            appointment_create(
                by=self.worker_hoerde,
                worker=self.worker_hoerde,
                starts_at=start,
                ends_at=start + dt.timedelta(hours=1),
            )

    def test_case_must_be_visible_and_in_the_same_office(self):
        start = berlin(2026, 11, 25, 9, 0)
        for case in (self.case_eving, self.case_bochum):
            with pytest.raises(ValidationError):
                self.add(start, case=case)
        assert not Appointment.objects.exists()

    def test_worker_must_do_casework(self):
        start = berlin(2026, 11, 25, 9, 0)
        for user in (self.coordinator_dortmund, self.partner_kita):
            with pytest.raises(ValidationError):
                self.add(start, worker=user)

    def test_closed_case_cannot_get_new_appointments_but_keeps_old_ones(self):
        appointment = self.add(berlin(2026, 11, 25, 9, 0), case=self.case)
        case_close(
            by=self.worker_hoerde,
            case=self.case,
            outcome="ziel_erreicht",
            closed_on=dt.date(2026, 11, 24),
        )
        with pytest.raises(ValidationError, match="abgeschlossen"):
            self.add(berlin(2026, 11, 26, 9, 0), case=self.case)
        # Moving the existing appointment keeps its (closed) case.
        appointment_update(
            by=self.worker_hoerde,
            appointment=appointment,
            starts_at=berlin(2026, 11, 25, 11, 0),
            ends_at=berlin(2026, 11, 25, 12, 0),
            case=self.case,
        )

    def test_week_of_is_monday_to_sunday_in_local_time(self):
        inside = [
            self.add(berlin(2026, 11, 23, 0, 30)),
            self.add(berlin(2026, 11, 29, 23, 30), minutes=20),
        ]
        self.add(berlin(2026, 11, 22, 23, 30), minutes=20)  # the Sunday before
        self.add(berlin(2026, 11, 30, 0, 30))  # the Monday after
        self.add(berlin(2026, 11, 24, 9, 0), worker=self.worker_eving)  # someone else's
        assert list(week_of(user=self.worker_hoerde, monday=MONDAY)) == inside
        # Any day of the week finds the same week.
        assert list(week_of(user=self.worker_hoerde, monday=dt.date(2026, 11, 26))) == inside

    def test_feed_token_is_created_once_and_renewed(self):
        token = feed_token_for(self.worker_hoerde)
        assert feed_token_for(self.worker_hoerde) == token
        assert len(token) >= 40
        new = feed_token_renew(user=self.worker_hoerde)
        assert new != token
        assert CalendarFeed.objects.get(user=self.worker_hoerde).token == new
        assert AuditEvent.objects.filter(action="calendar_feed.renew").count() == 1


@time_machine.travel(NOW, tick=False)
class AppointmentViewTests(AppointmentTestCase):
    def setUp(self):
        self.client.force_login(self.worker_hoerde)

    def test_create_for_a_case(self):
        response = self.client.post(reverse("cases:appointment_create"), self.form_data())
        assert response.status_code == 302
        assert response["Location"] == reverse("cases:week") + "?woche=2026-11-23"
        appointment = Appointment.objects.get()
        assert appointment.worker == self.worker_hoerde
        assert appointment.case == self.case
        assert appointment.starts_at == berlin(2026, 11, 25, 9, 30)
        assert appointment.ends_at == berlin(2026, 11, 25, 10, 15)
        assert appointment.place == "Kita Testweg"
        response = self.client.get(response["Location"])
        assert "Termin gespeichert." in response.content.decode()
        assert self.case.number in response.content.decode()

    def test_create_an_office_hour(self):
        response = self.client.post(
            reverse("cases:appointment_create"),
            self.form_data(case="", office_hour="on", place="Familienbüro Hörde"),
        )
        assert response.status_code == 302
        appointment = Appointment.objects.get()
        assert appointment.office_hour and appointment.case is None

    def test_case_is_preselected_from_the_case_page_link(self):
        url = reverse("cases:appointment_create")
        response = self.client.get(url, {"fall": str(self.case.pk)})
        assert response.status_code == 200
        assert response.context["form"].initial["case"] == self.case.pk
        assert f'<option value="{self.case.pk}" selected>' in response.content.decode()
        # Someone else's case, or rubbish, preselects nothing.
        for value in (str(self.case_eving.pk), "kein-uuid"):
            response = self.client.get(url, {"fall": value})
            assert response.status_code == 200
            assert "case" not in response.context["form"].initial

    def test_case_choice_lists_only_open_visible_cases(self):
        closed = make_case(
            self.world, worker=self.worker_hoerde, district=self.hoerde, name="Geschlossen"
        )
        case_close(
            by=self.worker_hoerde, case=closed, outcome="ziel_erreicht", closed_on=NOW.date()
        )
        content = self.client.get(reverse("cases:appointment_create")).content.decode()
        assert self.case.number in content
        for case in (closed, self.case_eving):
            assert str(case.pk) not in content
        # Posting a case that is not on the list is refused.
        response = self.client.post(
            reverse("cases:appointment_create"), self.form_data(case=str(self.case_eving.pk))
        )
        assert response.status_code == 400
        assert not Appointment.objects.exists()

    def test_invalid_input_answers_400_and_keeps_what_was_typed(self):
        response = self.client.post(
            reverse("cases:appointment_create"),
            self.form_data(start="11:00", end="10:00", place="Familienzentrum Nord"),
        )
        assert response.status_code == 400
        content = response.content.decode()
        assert "Bitte prüfen Sie Ihre Eingaben." in content
        assert "Das Ende muss nach dem Beginn liegen." in content
        assert 'value="Familienzentrum Nord"' in content
        assert 'value="11:00"' in content and 'value="10:00"' in content
        assert 'value="2026-11-25"' in content
        assert f'<option value="{self.case.pk}" selected>' in content
        assert not Appointment.objects.exists()

    def test_case_or_office_hour_is_required_and_not_both(self):
        url = reverse("cases:appointment_create")
        response = self.client.post(url, self.form_data(case=""))
        assert response.status_code == 400
        assert "Bitte wählen Sie einen Fall aus" in response.content.decode()
        response = self.client.post(url, self.form_data(office_hour="on"))
        assert response.status_code == 400
        assert "entweder zu einem Fall oder ist eine Sprechstunde" in response.content.decode()
        response = self.client.post(url, self.form_data(date="", start="9 Uhr"))
        assert response.status_code == 400
        assert not Appointment.objects.exists()

    def test_edit(self):
        appointment = self.add(berlin(2026, 11, 25, 9, 30), case=self.case)
        url = reverse("cases:appointment_edit", args=[appointment.pk])
        content = self.client.get(url).content.decode()
        assert 'value="09:30"' in content and 'value="10:30"' in content
        assert 'value="2026-11-25"' in content
        response = self.client.post(
            url, self.form_data(date="2026-12-01", start="13:00", end="14:00", place="Büro")
        )
        assert response.status_code == 302
        assert response["Location"].endswith("?woche=2026-11-30")
        appointment.refresh_from_db()
        assert appointment.starts_at == berlin(2026, 12, 1, 13, 0)
        assert appointment.place == "Büro"
        event = AuditEvent.objects.get(action="appointment.update")
        assert event.case_id == self.case.pk

    def test_edit_error_answers_400(self):
        appointment = self.add(berlin(2026, 11, 25, 9, 30), case=self.case)
        response = self.client.post(
            reverse("cases:appointment_edit", args=[appointment.pk]),
            self.form_data(end="08:00"),
        )
        assert response.status_code == 400
        appointment.refresh_from_db()
        assert appointment.ends_at == berlin(2026, 11, 25, 10, 30)

    def test_delete(self):
        appointment = self.add(berlin(2026, 11, 25, 9, 30), case=self.case)
        url = reverse("cases:appointment_delete", args=[appointment.pk])
        assert self.client.get(url).status_code == 405
        response = self.client.post(url)
        assert response.status_code == 302
        assert not Appointment.objects.exists()
        event = AuditEvent.objects.get(action="appointment.delete")
        assert event.case_id == self.case.pk

    def test_other_workers_appointments_are_not_found(self):
        theirs = self.add(berlin(2026, 11, 25, 9, 30), worker=self.worker_eving)
        for user in (self.worker_hoerde, self.lead_dortmund, self.worker_bochum):
            self.client.force_login(user)
            edit = reverse("cases:appointment_edit", args=[theirs.pk])
            assert self.client.get(edit).status_code == 404
            assert (
                self.client.post(edit, self.form_data(case="", office_hour="on")).status_code == 404
            )
            delete = reverse("cases:appointment_delete", args=[theirs.pk])
            assert self.client.post(delete).status_code == 404
            assert "Kita Testweg" not in self.client.get(reverse("cases:week")).content.decode()
        assert Appointment.objects.get() == theirs

    def test_roles_without_casework_get_404_on_every_calendar_page(self):
        appointment = self.add(berlin(2026, 11, 25, 9, 30))
        pages = [
            ("get", reverse("cases:week")),
            ("get", reverse("cases:appointment_create")),
            ("post", reverse("cases:appointment_create")),
            ("get", reverse("cases:appointment_edit", args=[appointment.pk])),
            ("post", reverse("cases:appointment_delete", args=[appointment.pk])),
            ("post", reverse("cases:calendar_feed_renew")),
        ]
        for user in (
            self.coordinator_dortmund,
            self.partner_kita,
            self.dpo_dortmund,
            self.admin_dortmund,
        ):
            self.client.force_login(user)
            for method, url in pages:
                response = getattr(self.client, method)(url)
                assert response.status_code == 404, (user.username, method, url)
        # A token such a user may once have had opens nothing either.
        feed = CalendarFeed.objects.create(user=self.coordinator_dortmund)
        assert Client().get(reverse("cases:calendar_feed", args=[feed.token])).status_code == 404

    def test_anonymous_users_are_sent_to_the_login(self):
        client = Client()
        for url in (reverse("cases:week"), reverse("cases:appointment_create")):
            response = client.get(url)
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("accounts:login"))

    def test_week_view_shows_the_week_with_time_place_and_case(self):
        self.add(berlin(2026, 11, 24, 9, 0), case=self.case, place="Kita Testweg")
        self.add(berlin(2026, 11, 26, 14, 0), place="Familienbüro Hörde")
        self.add(berlin(2026, 12, 1, 9, 0), place="Nächste Woche")
        response = self.client.get(reverse("cases:week"))
        assert response.status_code == 200
        content = response.content.decode()
        assert "09:00–10:00" in content and "14:00–15:00" in content
        assert "Kita Testweg" in content and "Familienbüro Hörde" in content
        assert "Nächste Woche" in content  # the link, not the appointment
        assert "Nächste Woche</p>" not in content
        assert reverse("cases:detail", args=[self.case.pk]) in content
        assert "Sprechstunde" in content
        assert "?woche=2026-11-16" in content and "?woche=2026-11-30" in content
        assert response.context["monday"] == MONDAY
        days = response.context["days"]
        assert [len(day["appointments"]) for day in days] == [0, 1, 0, 1, 0, 0, 0]
        assert days[1]["is_today"]
        # Any day of a week opens that week; rubbish opens this week.
        response = self.client.get(reverse("cases:week"), {"woche": "2026-12-03"})
        assert response.context["monday"] == dt.date(2026, 11, 30)
        assert "Nächste Woche</p>" in response.content.decode()
        response = self.client.get(reverse("cases:week"), {"woche": "morgen"})
        assert response.context["monday"] == MONDAY

    def test_a_place_in_another_script_keeps_its_direction(self):
        self.add(berlin(2026, 11, 24, 9, 0), case=self.case, place="مكتب الأسرة")
        week = self.client.get(reverse("cases:week"))
        self.assertContains(week, 'appointment__place" dir="auto">مكتب الأسرة</p>')
        start = self.client.get(reverse("accounts:start"))
        self.assertContains(start, ', <span dir="auto">مكتب الأسرة</span></li>')

    def test_week_view_shows_the_feed_address(self):
        content = self.client.get(reverse("cases:week")).content.decode()
        token = CalendarFeed.objects.get(user=self.worker_hoerde).token
        assert f"http://testserver/kalender/{token}.ics" in content
        assert "Neuen Link erzeugen" in content
        assert "keine Namen" in content

    def test_week_view_query_count_does_not_grow_with_appointments(self):
        def add(count):
            for i in range(count):
                self.add(
                    berlin(2026, 11, 23 + i % 7, 8, 0) + dt.timedelta(minutes=10 * i),
                    minutes=10,
                    case=self.case if i % 2 else None,
                )

        def queries():
            with CaptureQueriesContext(connection) as context:
                response = self.client.get(reverse("cases:week"))
            assert response.status_code == 200
            return len(context.captured_queries), response.context["count"]

        add(3)
        self.client.get(reverse("cases:week"))  # creates the feed token once
        few, shown = queries()
        assert shown == 3
        add(37)
        many, shown = queries()
        assert shown == 40
        assert few == many


@time_machine.travel(NOW, tick=False)
class CalendarFeedTests(AppointmentTestCase):
    def feed_url(self, user=None):
        return reverse("cases:calendar_feed", args=[feed_token_for(user or self.worker_hoerde)])

    def test_feed_has_times_places_and_case_numbers_but_no_names(self):
        with_case = self.add(berlin(2026, 11, 25, 9, 30), minutes=45, case=self.case)
        office_hour = self.add(berlin(2026, 11, 26, 14, 0), place="Familienbüro Hörde")
        self.add(NOW - dt.timedelta(days=31))  # too old
        self.add(NOW + dt.timedelta(days=181))  # too far ahead
        self.add(berlin(2026, 11, 25, 9, 0), worker=self.worker_eving, case=self.case_eving)
        recent = self.add(NOW - dt.timedelta(days=29), case=self.case)

        response = Client().get(self.feed_url())  # no login: the token is the key
        assert response.status_code == 200
        assert response["Content-Type"] == "text/calendar; charset=utf-8"
        assert response["Cache-Control"] == "private, no-store"
        assert response["X-Robots-Tag"] == "noindex"
        assert "Set-Cookie" not in response

        calendar = icalendar.Calendar.from_ical(response.content)
        events = {str(event["uid"]): event for event in calendar.walk("VEVENT")}
        assert set(events) == {
            f"{appointment.pk}@testserver" for appointment in (with_case, office_hour, recent)
        }
        event = events[f"{with_case.pk}@testserver"]
        assert str(event["summary"]) == f"Termin {self.case.number}"
        assert str(event["location"]) == "Kita Testweg"
        assert event.decoded("dtstart") == berlin(2026, 11, 25, 9, 30)
        assert event.decoded("dtend") == berlin(2026, 11, 25, 10, 15)
        start = event.decoded("dtstart").astimezone(BERLIN)
        assert start.date().isocalendar().week == 48 and start.hour == 9
        event = events[f"{office_hour.pk}@testserver"]
        assert str(event["summary"]) == "Sprechstunde"
        assert str(event["location"]) == "Familienbüro Hörde"

        # No names of the family, its members or the worker, not even folded over two lines.
        text = response.content.decode().replace("\r\n ", "")
        family = self.case.family
        names = [FAMILY, family.name, *(p.first_name for p in family.members.all())]
        names += [self.worker_hoerde.username, self.worker_hoerde.first_name]
        for name in names:
            assert name not in text, name
        assert self.case_eving.number not in text

    def test_unknown_token_is_not_found(self):
        assert Client().get(reverse("cases:calendar_feed", args=["unknown"])).status_code == 404
        assert Client().post(self.feed_url()).status_code == 405

    def test_renewing_the_token_retires_the_old_address(self):
        old = self.feed_url()
        client = Client()
        assert client.get(old).status_code == 200
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(reverse("cases:calendar_feed_renew"))
        assert response.status_code == 302
        assert client.get(old).status_code == 404
        new = self.feed_url()
        assert new != old
        assert client.get(new).status_code == 200
        assert new in self.client.get(reverse("cases:week")).content.decode()
        event = AuditEvent.objects.get(action="calendar_feed.renew")
        assert event.actor == self.worker_hoerde

    def test_feed_stops_when_the_account_is_deactivated(self):
        url = self.feed_url()
        self.worker_hoerde.is_active = False
        self.worker_hoerde.save()
        assert Client().get(url).status_code == 404


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_worker_adds_an_appointment_on_a_phone(phone, live_server, axe):
    world = World.build()
    case = make_case(world, worker=world.worker_hoerde, district=world.hoerde, name="Brennecke")
    page, base = phone, live_server.url
    page.goto(f"{base}/anmelden/")
    page.fill("input[name=username]", "worker_hoerde")
    page.fill("input[name=password]", PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url(f"{base}/arbeit/")

    page.goto(f"{base}{reverse('cases:week')}")
    assert page.locator("h1").inner_text() == "Meine Termine"
    axe(page)
    page.get_by_role("link", name="Neuer Termin").click()
    page.wait_for_url("**/termine/neu/")
    axe(page)

    # First try: the end is before the start; the page keeps everything typed.
    page.get_by_label("Beginn").fill("09:30")
    page.get_by_label("Ende").fill("08:00")
    page.get_by_label("Ort").fill("Kita Testweg")
    page.locator("select[name=case]").select_option(label=f"{case.number} – Brennecke")
    page.get_by_role("button", name="Termin speichern").click()
    page.get_by_text("Das Ende muss nach dem Beginn liegen.").first.wait_for()
    assert page.get_by_label("Ort").input_value() == "Kita Testweg"
    axe(page)
    page.get_by_label("Ende").fill("10:15")
    page.get_by_role("button", name="Termin speichern").click()

    page.get_by_text("Termin gespeichert.").wait_for()
    entry = page.locator(".appointment").filter(has_text=case.number)
    assert "09:30–10:15" in entry.inner_text()
    assert "Kita Testweg" in entry.inner_text()
    axe(page)
    assert Appointment.objects.get().case_id == case.pk
