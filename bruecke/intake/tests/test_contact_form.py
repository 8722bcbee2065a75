"""The public form "Kontakt aufnehmen" on the portal and the tablet."""

from __future__ import annotations

import datetime as dt
import re

import time_machine
from django.conf import settings
from django.core import signing
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from bruecke.audit.models import AuditEvent
from bruecke.intake.forms_public import ContactForm
from bruecke.intake.models import Request
from bruecke.intake.views_public import CONFIRMATION_MAX_AGE, confirmation_token
from bruecke.portal.actions import FormPurpose, client_key
from bruecke.portal.models import BarrierReport, ReportAttempt
from bruecke.test import BaseTestCase

ALLOWED_COOKIES = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
# A Friday: three working days later is Wednesday.
FRIDAY = timezone.make_aware(dt.datetime(2026, 11, 27, 9, 30))
CODE = re.compile(r"KA-[A-Z0-9]{6}")


class ContactFormTests(BaseTestCase):
    url = reverse("contact:form")

    def data(self, **changes):
        data = {
            "vorname": "Ayşe",
            "telefon": "0231 1234567",
            "email": "",
            "sprache": "de",
            "zeit": "morning",
            "jugendamt": str(self.dortmund.pk),
            "bezirk": str(self.hoerde.pk),
            "anliegen": ["kindliche-entwicklung", "gesundheit"],
            "nachricht": "Bitte rufen Sie mich vormittags an.",
        }
        data.update(changes)
        return {key: value for key, value in data.items() if value is not None}

    def post(self, url=None, ip="203.0.113.5", client=None, **changes):
        client = client or self.client
        return client.post(url or self.url, self.data(**changes), REMOTE_ADDR=ip)

    # The page

    def test_form_asks_only_for_little_and_says_what_happens_to_the_data(self):
        with override_settings(INTAKE_RETENTION_DAYS=14):
            response = self.client.get(self.url)
        assert response.status_code == 200
        for text in (
            "Kontakt aufnehmen",
            "Ihr Vorname",
            "Telefon oder E-Mail: Eins davon reicht.",
            "Wann erreichen wir Sie am besten?",
            "Ihre Stadt",
            "In welcher Stadt wohnen Sie?",
            "Weiß ich nicht",
            "Was passiert mit Ihren Angaben?",
            "Nur die Fachkräfte der Kita-Sozialarbeit",
            "löschen wir Ihre Anfrage nach 14 Tagen",
            "Sie schreiben uns freiwillig. Die Beratung ist kostenlos.",
            "Wirtschaftliche Lage und Umgang mit Ämtern",
            "Kindliche Entwicklung",
        ):
            self.assertContains(response, text)
        # The six Handlungsfelder, each with its explaining sentence as description.
        assert response.content.decode().count('name="anliegen"') == 6
        self.assertContains(response, 'aria-describedby="id_anliegen_0-text"')
        self.assertContains(response, 'name="csrfmiddlewaretoken"')
        self.assertContains(response, 'href="tel:+492315011580"')

    def test_preferred_language_is_the_interface_language(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "tr"
        response = self.client.get(self.url)
        self.assertContains(response, '<option value="tr" selected lang="tr">Türkçe</option>')
        for code, _name in settings.LANGUAGES:
            self.assertContains(response, f'value="{code}"')

    def test_form_page_reads_a_fixed_number_of_queries(self):
        with self.assertNumQueries(3):
            self.client.get(self.url)

    def test_one_office_is_not_asked_for(self):
        form = ContactForm(offices=[self.dortmund])
        assert not form.ask_city
        assert "jugendamt" not in form.fields
        assert form.office == self.dortmund
        labels = [label for _value, label in form.fields["bezirk"].choices]
        assert "Hörde" in labels
        assert "Mitte" not in labels

    # Sending

    def test_sending_lands_in_the_queue_with_its_deadline(self):
        with time_machine.travel(FRIDAY, tick=False):
            response = self.post(sprache="tr")
        request = Request.objects.get()
        assert response.status_code == 302
        assert response["Location"].startswith("/kontakt/danke/")
        assert request.office == self.dortmund
        assert request.district == self.hoerde
        assert request.source == Request.Source.PORTAL
        assert request.status == Request.Status.NEW
        assert request.due_on == dt.date(2026, 12, 2)
        assert request.first_name == "Ayşe"
        assert request.phone == "0231 1234567"
        assert request.language == "tr"
        assert request.preferred_time == Request.PreferredTime.MORNING
        assert request.topics == ["gesundheit", "kindliche-entwicklung"]
        assert request.message == "Bitte rufen Sie mich vormittags an."
        assert request.service is None
        assert CODE.fullmatch(request.reference)
        assert AuditEvent.objects.filter(
            action="request.create", target_id=str(request.pk)
        ).exists()
        confirmation = self.client.get(response["Location"])
        self.assertContains(confirmation, request.reference)

    def test_an_email_address_is_enough(self):
        response = self.post(telefon="", email="ayse@example.org", bezirk="", anliegen=[])
        assert response.status_code == 302
        request = Request.objects.get()
        assert request.email == "ayse@example.org"
        assert request.phone == ""
        assert request.district is None
        assert request.topics == []

    def test_missing_phone_and_email_is_explained_and_keeps_everything_typed(self):
        response = self.post(telefon="", email="", sprache="ar", nachricht="Wir sind neu hier.")
        assert response.status_code == 400
        self.assertContains(
            response,
            "Bitte geben Sie eine Telefonnummer oder eine E-Mail-Adresse an.",
            status_code=400,
        )
        self.assertContains(response, "Bitte prüfen Sie Ihre Eingaben.", status_code=400)
        self.assertContains(response, "Ihre Eingaben sind erhalten geblieben.", status_code=400)
        self.assertContains(response, 'value="Ayşe"', status_code=400)
        self.assertContains(response, "Wir sind neu hier.</textarea>", status_code=400)
        self.assertContains(response, '<option value="ar" selected lang="ar">', status_code=400)
        self.assertContains(
            response, f'<option value="{self.hoerde.pk}" selected>Hörde</option>', status_code=400
        )
        self.assertContains(
            response,
            f'value="{self.dortmund.pk}" id="id_jugendamt_1" checked',
            status_code=400,
        )
        self.assertContains(response, 'value="morning" id="id_zeit_1" checked', status_code=400)
        self.assertContains(
            response, 'value="gesundheit" id="id_anliegen_3" checked', status_code=400
        )
        self.assertContains(response, 'aria-invalid="true"', status_code=400)
        assert not Request.objects.exists()
        assert not ReportAttempt.objects.exists()

    def test_bad_phone_number_and_email_are_explained(self):
        response = self.post(telefon="abc", email="keine-adresse")
        assert response.status_code == 400
        self.assertContains(response, "Bitte prüfen Sie die Telefonnummer.", status_code=400)
        self.assertContains(response, "Bitte prüfen Sie die E-Mail-Adresse.", status_code=400)
        self.assertContains(response, 'value="keine-adresse"', status_code=400)
        assert not Request.objects.exists()

    def test_a_name_is_needed(self):
        response = self.post(vorname="   ")
        assert response.status_code == 400
        self.assertContains(response, "Bitte geben Sie einen Vornamen an", status_code=400)
        assert not Request.objects.exists()

    def test_unknown_worry_or_time_is_bad_input(self):
        assert self.post(anliegen=["gesundheit", "erfunden"]).status_code == 400
        assert self.post(zeit="nachts").status_code == 400
        assert self.post(sprache="xx").status_code == 400
        assert not Request.objects.exists()

    # Which office

    def test_district_of_another_office_is_rejected(self):
        response = self.post(jugendamt=str(self.bochum.pk), bezirk=str(self.hoerde.pk))
        assert response.status_code == 400
        self.assertContains(response, "Dieser Stadtbezirk liegt nicht in Bochum.", status_code=400)
        assert not Request.objects.exists()

    def test_without_a_city_the_district_names_the_office(self):
        response = self.post(jugendamt="", bezirk=str(self.bochum_mitte.pk))
        assert response.status_code == 302
        request = Request.objects.get()
        assert request.office == self.bochum
        assert request.district == self.bochum_mitte

    def test_without_city_or_district_the_family_is_asked_for_the_city(self):
        response = self.post(jugendamt="", bezirk="")
        assert response.status_code == 400
        self.assertContains(
            response, "Bitte wählen Sie die Stadt, in der Sie wohnen.", status_code=400
        )
        # The summary's link leads to the question.
        self.assertContains(response, 'href="#id_jugendamt"', status_code=400)
        self.assertContains(response, 'id="id_jugendamt"', status_code=400)
        assert not Request.objects.exists()

    def test_from_an_offer_page_the_offer_decides_the_office(self):
        offers = self.world.referral_targets()
        url = f"{self.url}?angebot={offers.eb_service.pk}"
        response = self.client.get(url)
        self.assertContains(response, "Ihre Frage zu einem Angebot")
        self.assertContains(response, "Erziehungsberatung")
        self.assertContains(response, f'href="/angebote/{offers.eb_service.pk}/"')
        self.assertContains(response, f'action="/kontakt/?angebot={offers.eb_service.pk}"')
        self.assertNotContains(response, "In welcher Stadt wohnen Sie?")
        self.assertContains(response, "im Jugendamt Dortmund lesen Ihre Anfrage")
        assert self.post(url=url, jugendamt=None).status_code == 302
        request = Request.objects.get()
        assert request.service == offers.eb_service
        assert request.office == self.dortmund

    def test_from_an_offer_page_another_office_district_is_rejected(self):
        offers = self.world.referral_targets()
        url = f"{self.url}?angebot={offers.eb_service.pk}"
        response = self.post(url=url, jugendamt=None, bezirk=str(self.bochum_mitte.pk))
        assert response.status_code == 400
        self.assertContains(
            response, "Bitte wählen Sie einen Stadtbezirk aus der Liste.", status_code=400
        )
        # A city sent by hand does not move the request to another office.
        response = self.post(url=url, jugendamt=str(self.bochum.pk), bezirk="")
        assert response.status_code == 302
        assert Request.objects.get().office == self.dortmund

    def test_unknown_offer_is_ignored(self):
        response = self.client.get(f"{self.url}?angebot=00000000-0000-0000-0000-000000000000")
        assert response.status_code == 200
        self.assertNotContains(response, "Ihre Frage zu einem Angebot")
        response = self.client.get(f"{self.url}?angebot=kaputt")
        assert response.status_code == 200

    # Abuse

    def test_bots_filling_the_honeypot_see_success_and_nothing_is_stored(self):
        response = self.post(homepage="https://spam.example/")
        assert response.status_code == 302
        assert response["Location"].startswith("/kontakt/danke/")
        assert not Request.objects.exists()
        assert not ReportAttempt.objects.exists()
        assert not AuditEvent.objects.filter(action="request.create").exists()
        # The confirmation looks real, with a code that exists nowhere.
        confirmation = self.client.get(response["Location"])
        code = CODE.search(confirmation.content.decode())
        assert code is not None
        assert not Request.objects.filter(reference=code.group()).exists()

    def test_honeypot_is_hidden_from_people_keyboards_and_screen_readers(self):
        response = self.client.get(self.url)
        html = response.content.decode()
        trap = html[html.index('<div class="contact-trap"') :]
        trap = trap[: trap.index("</div>")]
        assert 'aria-hidden="true"' in trap
        assert 'tabindex="-1"' in trap
        assert 'autocomplete="off"' in trap
        assert 'name="homepage"' in trap

    @override_settings(INTAKE_REQUESTS_PER_HOUR=2)
    def test_too_many_requests_from_one_address_are_refused_kindly(self):
        start = FRIDAY
        with time_machine.travel(start, tick=False):
            assert self.post().status_code == 302
            assert self.post().status_code == 302
            response = self.post(nachricht="Noch eine Anfrage")
            assert response.status_code == 429
            self.assertContains(response, "später noch einmal", status_code=429)
            self.assertContains(response, "Noch eine Anfrage", status_code=429)
            assert Request.objects.count() == 2
            # Another connection may still send.
            assert self.post(ip="198.51.100.20").status_code == 302
        with time_machine.travel(start + dt.timedelta(minutes=61), tick=False):
            assert self.post().status_code == 302

    @override_settings(INTAKE_REQUESTS_PER_HOUR=1)
    def test_contact_requests_and_barrier_reports_count_separately(self):
        assert self.post().status_code == 302
        assert self.post().status_code == 429
        response = self.client.post(
            reverse("portal:barrier_report"),
            {"beschreibung": "Knopf zu klein"},
            REMOTE_ADDR="203.0.113.5",
        )
        assert response.status_code == 302
        assert BarrierReport.objects.count() == 1

    def test_no_ip_address_is_stored(self):
        self.post(ip="203.0.113.7")
        key = ReportAttempt.objects.get().client_key
        assert "203.0.113" not in key
        assert len(key) == 64
        assert key == client_key("203.0.113.7", purpose=FormPurpose.CONTACT_REQUEST)
        assert key != client_key("203.0.113.7", purpose=FormPurpose.BARRIER_REPORT)

    def test_form_needs_the_csrf_token(self):
        client = Client(enforce_csrf_checks=True)
        response = client.post(self.url, self.data(), REMOTE_ADDR="203.0.113.5")
        assert response.status_code == 403
        assert not Request.objects.exists()

    def test_pages_set_no_cookie_but_language_and_csrf(self):
        client = Client()
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "tr"
        form = client.get(self.url)
        sent = self.post(client=client)
        confirmation = client.get(sent["Location"])
        for response in (form, sent, confirmation):
            assert set(response.cookies) <= ALLOWED_COOKIES, response.cookies
            assert "no-store" in response["Cache-Control"]
        # Families may find the form by search; a confirmation is never indexed.
        assert "X-Robots-Tag" not in form
        assert "noindex" in confirmation["X-Robots-Tag"]
        assert set(client.cookies) <= ALLOWED_COOKIES
        assert settings.SESSION_COOKIE_NAME not in client.cookies

    # The confirmation

    def test_confirmation_shows_code_deadline_and_what_happens_next(self):
        with time_machine.travel(FRIDAY, tick=False):
            response = self.client.get(self.post()["Location"])
        reference = Request.objects.get().reference
        self.assertContains(response, f'id="contact-code">{reference}</p>')
        for text in (
            "Danke! Ihre Anfrage ist bei uns angekommen.",
            "innerhalb von 3 Arbeitstagen",
            "spätestens am Mittwoch, 2. Dezember 2026",
            "in Ihrer Sprache",
            "Kostenlos:",
            "Freiwillig:",
            "Vertraulich:",
            "Kennung kopieren",
        ):
            self.assertContains(response, text)
        self.assertContains(response, 'src="/static/intake/contact.js"')

    def test_confirmation_is_in_turkish_when_turkish_was_chosen(self):
        # The form was read in German; the family asked to be answered in Turkish.
        response = self.client.get(self.post(sprache="tr")["Location"])
        assert response["Content-Language"] == "tr"
        self.assertContains(response, '<html lang="tr" dir="ltr"')
        self.assertContains(response, "Yardım bulun")  # the portal's name, in Turkish
        self.assertContains(response, '<span lang="tr" dir="ltr">Türkçe</span>')
        self.assertContains(response, Request.objects.get().reference)

    def test_confirmation_in_arabic_is_right_to_left_and_german_stays_german(self):
        response = self.client.get(self.post(sprache="ar")["Location"])
        self.assertContains(response, '<html lang="ar" dir="rtl"')
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
        response = self.client.get(self.post(sprache="de")["Location"])
        self.assertContains(response, '<html lang="de" dir="ltr"')

    def test_confirmation_link_expires_and_cannot_be_forged(self):
        with time_machine.travel(FRIDAY, tick=False):
            location = self.post()["Location"]
        later = FRIDAY + dt.timedelta(seconds=CONFIRMATION_MAX_AGE + 60)
        with time_machine.travel(later, tick=False):
            response = self.client.get(location)
        assert response.status_code == 410
        self.assertContains(response, "Diese Bestätigung ist abgelaufen", status_code=410)
        self.assertNotContains(response, Request.objects.get().reference, status_code=410)
        token = confirmation_token(
            reference="KA-AAAAAA", language="de", office=self.dortmund, due_on=dt.date.today()
        )
        payload, signature = token.split(":", 1)
        other = signing.b64_encode(
            signing.b64_decode(payload.encode()).replace(b"KA-AAAAAA", b"KA-CCCCCC")
        ).decode()
        forged = f"{other}:{signature}"
        assert self.client.get(reverse("contact:thanks", args=[forged])).status_code == 404
        assert self.client.get(reverse("contact:thanks", args=["kaputt"])).status_code == 404

    def test_only_get_and_post(self):
        assert self.client.put(self.url).status_code == 405
        token = confirmation_token(
            reference="KA-AAAAAA", language="de", office=self.dortmund, due_on=dt.date.today()
        )
        assert self.client.post(reverse("contact:thanks", args=[token])).status_code == 405


class TabletContactTests(BaseTestCase):
    url = reverse("contact:tablet_form")

    def test_tablet_form_uses_the_tablet_layout_and_the_browser_remembers_nothing(self):
        response = self.client.get(f"{self.url}?idle=30")
        assert response.status_code == 200
        self.assertContains(response, 'data-idle-seconds="30"')
        self.assertContains(response, 'src="/static/bruecke/tablet.js"')
        self.assertContains(response, 'action="/tablet/kontakt/?idle=30"')
        self.assertContains(response, 'name="vorname" maxlength="100" autocomplete="off"')
        self.assertNotContains(response, 'autocomplete="tel"')
        assert "no-store" in response["Cache-Control"]
        assert "noindex" in response["X-Robots-Tag"]

    def test_tablet_request_is_marked_and_returns_to_the_tablet_start(self):
        self.client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
        response = self.client.post(
            f"{self.url}?idle=30",
            {
                "vorname": "Olena",
                "telefon": "0170 1234567",
                "sprache": "uk",
                "zeit": "any",
                "jugendamt": str(self.dortmund.pk),
            },
            REMOTE_ADDR="203.0.113.9",
        )
        assert response.status_code == 302
        assert response["Location"].startswith("/tablet/kontakt/danke/")
        assert response["Location"].endswith("?idle=30")
        request = Request.objects.get()
        assert request.source == Request.Source.TABLET
        assert request.language == "uk"
        confirmation = self.client.get(response["Location"])
        self.assertContains(confirmation, request.reference)
        self.assertContains(confirmation, 'data-idle-seconds="30"')
        # "Fertig" starts over for the next family, in German.
        self.assertContains(confirmation, 'href="/sprache/de/?next=%2Ftablet%2F%3Fidle%3D30"')
        # A shared device: no copying to the clipboard the next family would find.
        self.assertNotContains(confirmation, "Kennung kopieren")
        assert "no-store" in confirmation["Cache-Control"]


class ContactLinkTests(BaseTestCase):
    def test_portal_start_offer_page_and_tablet_start_link_to_the_form(self):
        offers = self.world.referral_targets()
        self.assertContains(self.client.get(reverse("portal:home")), 'href="/kontakt/"')
        response = self.client.get(reverse("portal:offer", args=[offers.free_service.pk]))
        self.assertContains(response, f'href="/kontakt/?angebot={offers.free_service.pk}"')
        response = self.client.get(reverse("portal:tablet") + "?idle=30")
        self.assertContains(response, 'href="/tablet/kontakt/?idle=30"')
