"""Public information pages and the form to report a barrier."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from bruecke.directory.models import Organization, Service
from bruecke.portal.actions import REPORTS_PER_HOUR, barrier_reports_purge
from bruecke.portal.models import BarrierReport, ReportAttempt
from bruecke.test import BaseTestCase, World

INFO_PAGES = [
    "portal:kita_sozialarbeit",
    "portal:leichte_sprache",
    "portal:accessibility",
    "portal:barrier_report_thanks",
    "portal:imprint",
    "portal:privacy",
]


def kita_sozialarbeit_offer(office, name, status=Service.Status.ACTIVE):
    organization = Organization.objects.create(office=office, name=f"{office.name} (Träger)")
    return Service.objects.create(
        office=office,
        organization=organization,
        name=name,
        description="Beratung für Familien mit kleinen Kindern.",
        kind=Service.Kind.BERATUNG,
        status=status,
    )


class InformationPageTests(BaseTestCase):
    def get(self, name, **kwargs):
        response = self.client.get(reverse(name), **kwargs)
        assert response.status_code == 200
        return response

    def test_kita_sozialarbeit_says_what_for_whom_and_that_it_is_free_and_confidential(self):
        response = self.get("portal:kita_sozialarbeit")
        for text in (
            "Kostenlos",
            "Freiwillig",
            "Vertraulich",
            "Ohne Antrag",
            "von der Geburt bis zum Beginn der Schule",
            "ob Ihr Kind in eine Kita geht",
            "Schweigepflicht",
        ):
            self.assertContains(response, text)

    def test_kita_sozialarbeit_lists_the_six_handlungsfelder(self):
        response = self.get("portal:kita_sozialarbeit")
        for title in (
            "Kinderbetreuung",
            "Soziale Kontakte",
            "Inklusion",
            "Gesundheit",
            "Wirtschaftliche Lage und Umgang mit Ämtern",
            "Kindliche Entwicklung",
        ):
            self.assertContains(response, title)
        self.assertContains(response, 'href="/angebote/?thema=kindliche-entwicklung"')

    def test_kita_sozialarbeit_tells_how_to_reach_each_office(self):
        response = self.get("portal:kita_sozialarbeit")
        self.assertContains(response, "Jägerstraße 5, 44145 Dortmund")
        self.assertContains(response, "montags und donnerstags von 8:30 bis 10:30 Uhr")
        self.assertContains(response, "Termin")
        self.assertContains(response, "zu Ihnen nach Hause")
        self.assertContains(response, 'href="tel:+492315011580"')
        self.assertContains(response, 'href="mailto:kita-sozialarbeit@stadtdo.de"')
        # Bochum straight from its Office record.
        self.assertContains(response, "Jugendamt Bochum")
        self.assertContains(response, "Willy-Brandt-Platz 2–6, 44777 Bochum")
        self.assertContains(response, 'href="tel:+492349100"')
        self.assertContains(response, 'href="mailto:jugendamt@bochum.de"')
        self.assertContains(response, "in allen Stadtbezirken")
        self.assertContains(response, "Lütgendortmund")

    def test_kita_sozialarbeit_links_the_offer_in_the_directory(self):
        offer = kita_sozialarbeit_offer(self.dortmund, "Kita-Sozialarbeit Dortmund")
        kita_sozialarbeit_offer(self.bochum, "Kita-Sozialarbeit Bochum", Service.Status.DEFUNCT)
        response = self.get("portal:kita_sozialarbeit")
        self.assertContains(response, reverse("portal:offer", args=[offer.pk]))
        self.assertContains(response, "Mehr zur Kita-Sozialarbeit im Jugendamt Dortmund")
        self.assertNotContains(response, "Mehr zur Kita-Sozialarbeit im Jugendamt Bochum")

    def test_kita_sozialarbeit_query_count_is_fixed(self):
        with self.assertNumQueries(3):
            self.get("portal:kita_sozialarbeit")

    def test_leichte_sprache_is_german_easy_language_with_its_icon(self):
        response = self.get("portal:leichte_sprache")
        self.assertContains(response, '<article class="kern-stack-xl easy-language" lang="de"')
        self.assertContains(response, "kern-icon--easy-language")
        self.assertContains(response, "kern-body--large")
        self.assertContains(response, "Kita·sozial·arbeit")
        self.assertContains(response, "Die Beratung kostet nichts.")
        self.assertContains(response, "Schweige·pflicht heißt:")
        self.assertContains(response, "Die Sprech·stunde ist am Montag und am Donnerstag.")
        self.assertContains(response, 'href="tel:+492315011580"')

    def test_leichte_sprache_stays_german_in_another_language(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
        response = self.get("portal:leichte_sprache")
        self.assertContains(response, '<html lang="ar" dir="rtl"')
        self.assertContains(response, 'lang="de" dir="ltr"')

    def test_accessibility_statement_follows_the_eu_model(self):
        response = self.get("portal:accessibility")
        for text in (
            "weitgehend vereinbar",
            "BITV NRW",
            "(EU) 2018/1523",
            "Leichter Sprache",
            "Nicht alle sind in alle Sprachen übersetzt",
            "Gebärdensprache",
            "24. November 2026",
            "Selbstbewertung",
            "axe-core",
            "Prüfungen von Hand",
            "Ombudsstelle für barrierefreie Informationstechnik des Landes NRW",
            "Durchsetzungsstelle des Landes Nordrhein-Westfalen",
        ):
            self.assertContains(response, text)
        self.assertContains(response, f'href="{reverse("portal:barrier_report")}"')

    def test_translated_page_is_in_the_chosen_language(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
        response = self.get("portal:accessibility")
        self.assertContains(response, '<article class="kern-stack-xl">')
        self.assertNotContains(response, "هذا النص غير متوفر بلغتك حتى الآن")

    def test_untranslated_page_is_shown_in_german_and_says_so(self):
        # A language enabled without a catalogue of ours (as a newly added one would be).
        with self.settings(LANGUAGES=[*settings.LANGUAGES, ("fr", "Français")]):
            self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
            response = self.get("portal:accessibility")
        self.assertContains(response, '<article class="kern-stack-xl" lang="de" dir="ltr">')
        self.assertContains(response, "Diesen Text gibt es noch nicht in Ihrer Sprache")

    def test_imprint_names_the_offices_without_personal_names(self):
        response = self.get("portal:imprint")
        for text in (
            "Stadt Dortmund",
            "Jugendamt Dortmund",
            "Jägerstraße 5, 44145 Dortmund",
            "Stadt Bochum",
            "Willy-Brandt-Platz 2–6, 44777 Bochum",
            'href="tel:+492315011580"',
            'href="mailto:jugendamt@bochum.de"',
            "vertreten durch den Oberbürgermeister oder die Oberbürgermeisterin",
        ):
            self.assertContains(response, text)

    def test_privacy_notice_covers_cookies_logs_reports_and_rights(self):
        response = self.get("portal:privacy")
        for text in (
            settings.LANGUAGE_COOKIE_NAME,
            settings.CSRF_COOKIE_NAME,
            "Nach 7 Tagen wird es gelöscht",
            "keine Statistik-Programme",
            "OpenStreetMap",
            "Ein Jahr, nachdem Ihre Meldung bearbeitet wurde",
            "nicht Ihre IP-Adresse",
            "Artikel 6 Absatz 1 Buchstabe e",
            "SGB VIII",
            "SGB X",
            "Artikel 15 DSGVO",
            "Artikel 77 DSGVO",
            "Datenschutzbeauftragte",
        ):
            self.assertContains(response, text)
        self.assertContains(response, 'id="barrier-reports"')

    def test_information_pages_set_no_cookie(self):
        for name in INFO_PAGES:
            response = Client().get(reverse(name))
            assert response.status_code == 200, name
            assert not response.cookies, (name, response.cookies)

    def test_information_pages_only_answer_get(self):
        for name in INFO_PAGES:
            assert self.client.post(reverse(name)).status_code == 405, name


class BarrierReportTests(BaseTestCase):
    url = reverse("portal:barrier_report")

    def post(self, data=None, ip="203.0.113.7", **extra):
        payload = {"seite": "/angebote/", "beschreibung": "Der Knopf ist zu klein.", "email": ""}
        payload.update(data or {})
        with self.captureOnCommitCallbacks(execute=True):
            return self.client.post(self.url, payload, REMOTE_ADDR=ip, **extra)

    def test_form_is_prefilled_with_the_page_and_only_sets_the_csrf_cookie(self):
        response = Client().get(self.url + "?seite=/angebote/")
        assert response.status_code == 200
        self.assertContains(response, 'value="/angebote/"')
        assert set(response.cookies) == {settings.CSRF_COOKIE_NAME}

    def test_honeypot_is_hidden_from_people_and_assistive_technology(self):
        response = self.client.get(self.url)
        self.assertContains(response, '<div class="kern-sr-only" aria-hidden="true">')
        self.assertContains(response, 'name="homepage"')
        self.assertContains(response, 'tabindex="-1"')

    def test_valid_report_is_stored_and_mailed_to_the_office(self):
        response = self.post(
            {"jugendamt": self.dortmund.pk, "email": "mutter@example.org"},
        )
        self.assertRedirects(response, reverse("portal:barrier_report_thanks"))
        report = BarrierReport.objects.get()
        assert report.office == self.dortmund
        assert report.page == "/angebote/"
        assert report.description == "Der Knopf ist zu klein."
        assert report.email == "mutter@example.org"
        assert report.handled_at is None
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["kita-sozialarbeit@stadtdo.de"]
        assert "Der Knopf ist zu klein." in message.body
        assert "mutter@example.org" in message.body
        assert message.reply_to == ["mutter@example.org"]
        assert "/angebote/" in message.subject

    def test_report_without_office_goes_to_the_default_address(self):
        self.post()
        report = BarrierReport.objects.get()
        assert report.office is None
        assert report.email == ""
        assert mail.outbox[0].to == [settings.DEFAULT_FROM_EMAIL]

    def test_what_people_type_never_breaks_the_mail_header(self):
        self.post({"seite": "/a/\nBcc: spam@example.org"})
        assert BarrierReport.objects.get().page == "/a/\nBcc: spam@example.org"
        message = mail.outbox[0]
        assert "\n" not in message.subject
        assert message.bcc == []

    def test_form_in_an_untranslated_language_is_german_and_says_so(self):
        with self.settings(LANGUAGES=[*settings.LANGUAGES, ("fr", "Français")]):
            self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
            response = self.client.get(self.url)
        self.assertContains(response, 'lang="de" dir="ltr"')
        self.assertContains(response, "Diesen Text gibt es noch nicht in Ihrer Sprache")

    def test_confirmation_page(self):
        response = self.client.get(reverse("portal:barrier_report_thanks"))
        self.assertContains(response, "Danke für Ihre Meldung")

    def test_bad_input_is_explained_in_german_and_kept(self):
        response = self.post({"beschreibung": "  ", "email": "keine-adresse", "seite": "/hilfe/"})
        assert response.status_code == 400
        self.assertContains(response, "Bitte prüfen Sie Ihre Eingaben.", status_code=400)
        self.assertContains(
            response, "Bitte beschreiben Sie kurz, was nicht funktioniert hat.", status_code=400
        )
        self.assertContains(response, "Bitte prüfen Sie die E-Mail-Adresse.", status_code=400)
        self.assertContains(response, 'value="keine-adresse"', status_code=400)
        self.assertContains(response, 'value="/hilfe/"', status_code=400)
        self.assertContains(response, 'aria-invalid="true"', status_code=400)
        assert not BarrierReport.objects.exists()
        assert not mail.outbox

    def test_unknown_office_is_bad_input(self):
        response = self.post({"jugendamt": "999999"})
        assert response.status_code == 400
        assert not BarrierReport.objects.exists()

    def test_bots_filling_the_honeypot_get_a_normal_confirmation_and_nothing_is_stored(self):
        response = self.post({"homepage": "https://spam.example/"})
        self.assertRedirects(response, reverse("portal:barrier_report_thanks"))
        assert not BarrierReport.objects.exists()
        assert not ReportAttempt.objects.exists()
        assert not mail.outbox

    def test_sixth_report_in_an_hour_is_refused_kindly(self):
        for n in range(REPORTS_PER_HOUR):
            assert self.post({"beschreibung": f"Meldung {n}"}).status_code == 302
        response = self.post({"beschreibung": "Noch eine Meldung"})
        assert response.status_code == 429
        self.assertContains(response, "später noch einmal", status_code=429)
        self.assertContains(response, "Noch eine Meldung", status_code=429)
        assert BarrierReport.objects.count() == REPORTS_PER_HOUR
        # Another connection may still report.
        assert self.post(ip="198.51.100.20").status_code == 302

    def test_rate_limit_ends_after_an_hour(self):
        start = timezone.make_aware(dt.datetime(2026, 11, 24, 9, 0))
        with time_machine.travel(start, tick=False):
            for _n in range(REPORTS_PER_HOUR):
                self.post()
            assert self.post().status_code == 429
        with time_machine.travel(start + dt.timedelta(minutes=61), tick=False):
            assert self.post().status_code == 302

    def test_no_ip_address_is_stored(self):
        self.post(ip="203.0.113.7")
        key = ReportAttempt.objects.get().client_key
        assert "203.0.113" not in key
        assert len(key) == 64

    @override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"))
    def test_behind_the_proxy_the_proxys_view_of_the_client_counts(self):
        for n in range(REPORTS_PER_HOUR):
            # The client may forge the first entries, not the one our proxy appends.
            self.post(HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.9", ip="127.0.0.1")
        response = self.post(HTTP_X_FORWARDED_FOR="10.9.9.9, 203.0.113.9", ip="127.0.0.1")
        assert response.status_code == 429

    def test_form_needs_the_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        response = client.post(self.url, {"beschreibung": "Test"})
        assert response.status_code == 403
        assert not BarrierReport.objects.exists()

    def test_handled_reports_are_deleted_a_year_later(self):
        now = timezone.now()
        old = BarrierReport.objects.create(
            description="alt", handled_at=now - dt.timedelta(days=366)
        )
        recent = BarrierReport.objects.create(
            description="neu", handled_at=now - dt.timedelta(days=30)
        )
        open_report = BarrierReport.objects.create(description="offen")
        assert barrier_reports_purge(now=now) == 1
        remaining = set(BarrierReport.objects.values_list("pk", flat=True))
        assert remaining == {recent.pk, open_report.pk}
        assert old.pk not in remaining


PAGES = [
    "/kita-sozialarbeit/",
    "/leichte-sprache/",
    "/barrierefreiheit/",
    "/barrierefreiheit/melden/?seite=/angebote/",
    "/barrierefreiheit/melden/danke/",
    "/impressum/",
    "/datenschutz/",
]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["de", "ar"])
def test_information_pages_are_accessible_on_a_phone(phone, live_server, axe, language):
    World.build()
    phone.goto(f"{live_server.url}/sprache/{language}/?next={PAGES[0]}")
    axe(phone)
    for path in PAGES[1:]:
        phone.goto(f"{live_server.url}{path}")
        assert phone.locator("html").get_attribute("lang") == language
        axe(phone)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["de", "ar"])
def test_parent_reports_a_barrier_on_a_phone(phone, live_server, axe, language):
    world = World.build()
    phone.goto(f"{live_server.url}/sprache/{language}/?next=/barrierefreiheit/")
    phone.locator(".kern-btn--primary").click()
    phone.wait_for_url("**/barrierefreiheit/melden/")
    # Sent empty: the errors are shown, and the page stays accessible.
    phone.locator("form button[type=submit]").click()
    phone.wait_for_load_state()
    assert phone.locator("[aria-invalid=true]").count() == 1
    axe(phone)
    phone.locator("textarea[name=beschreibung]").fill("Die Schrift ist zu klein.")
    phone.locator("select[name=jugendamt]").select_option(str(world.bochum.pk))
    phone.locator("form button[type=submit]").click()
    phone.wait_for_url("**/barrierefreiheit/melden/danke/")
    axe(phone)
    report = BarrierReport.objects.get()
    assert report.office == world.bochum
    assert report.description == "Die Schrift ist zu klein."


def test_purge_command_deletes_reports_handled_over_a_year_ago(db):
    import datetime as dt
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    from bruecke.portal.models import BarrierReport

    old = BarrierReport.objects.create(page="/", description="alt")
    BarrierReport.objects.filter(pk=old.pk).update(
        handled_at=timezone.now() - dt.timedelta(days=400)
    )
    BarrierReport.objects.create(page="/", description="offen")
    out = StringIO()
    call_command("purge_barrier_reports", stdout=out)
    assert list(BarrierReport.objects.values_list("description", flat=True)) == ["offen"]
    assert "Deleted 1" in out.getvalue()
