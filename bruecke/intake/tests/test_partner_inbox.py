"""'Eingegangene Vermittlungen': the receiving partner opens, accepts, declines and reports."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.urls import reverse
from django.utils import timezone

from bruecke.directory.models import Service
from bruecke.directory.search import search_index_services
from bruecke.intake.selectors_partner import PAGE_SIZE
from bruecke.intake.tests.partner_fixtures import live_referral
from bruecke.referrals.actions import referral_create, referral_step
from bruecke.referrals.gate import consent_revoke
from bruecke.referrals.models import Disclosure, Purpose, Referral, ReferralEvent
from bruecke.referrals.selectors import REDIRECT_CHOICES
from bruecke.test import BaseTestCase

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)
S = Referral.Status
INBOX = reverse("partner:inbox")


def detail(referral):
    return reverse("partner:inbox_detail", args=[referral.pk])


def step(referral):
    return reverse("partner:inbox_step", args=[referral.pk])


@time_machine.travel(NOW, tick=False)
class PartnerInboxTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        with time_machine.travel(NOW, tick=False):
            cls.offers = cls.world.referral_targets()
            cls.referral = live_referral(cls.world, cls.offers.eb_service, name="Yılmaz")
            # Not in the inbox: a logged referral, and one to a provider without accounts.
            cls.logged = referral_create(
                by=cls.worker_eving,
                case=cls.referral.case,
                service=cls.offers.eb_service,
                mode=Referral.Mode.LOGGED,
            )
            cls.elsewhere = live_referral(cls.world, cls.offers.free_service, name="Nowak")
            cls.other_offer = Service.objects.create(
                office=cls.dortmund,
                organization=cls.offers.free_org,
                name="Elterncafé",
                description="Ein offener Treff für Eltern.",
                kind=Service.Kind.GRUPPE,
            )

    def setUp(self):
        self.client.force_login(self.partner_eb)

    def refresh(self):
        self.referral.refresh_from_db()
        return self.referral

    def test_start_page_links_to_the_partner_pages_with_counts(self):
        response = self.client.get(reverse("accounts:start"))
        self.assertContains(response, reverse("partner:referral_create"))
        self.assertContains(response, "Meine Vermittlungen (0)")
        self.assertContains(response, "Eingegangene Vermittlungen (1 offen)")
        # Staff do not get the partner block.
        self.client.force_login(self.worker_eving)
        self.assertNotContains(self.client.get(reverse("accounts:start")), "Meine Vermittlungen")

    def test_inbox_lists_own_live_referrals_without_family_data(self):
        response = self.client.get(INBOX)
        assert response.status_code == 200
        assert [r.pk for r in response.context["page"].object_list] == [self.referral.pk]
        self.assertContains(response, "Erziehungsberatung")
        self.assertContains(response, "gesendet")
        self.assertContains(response, self.referral.answer_by.strftime("%d.%m.%Y"))
        self.assertNotContains(response, "Yılmaz")
        self.assertNotContains(response, "Ayşe")
        # The list is no disclosure.
        assert not Disclosure.objects.filter(kind=Disclosure.Kind.PARTNER_VIEW).exists()

    def test_an_offer_name_in_another_script_keeps_its_direction(self):
        Service.objects.filter(pk=self.offers.eb_service.pk).update(name="استشارة تربوية")
        self.assertContains(
            self.client.get(INBOX), '<span dir="auto">استشارة تربوية</span>, eingegangen am'
        )

    def test_an_offer_name_is_still_escaped(self):
        Service.objects.filter(pk=self.offers.eb_service.pk).update(name="Beratung <b>&</b>")
        self.assertContains(
            self.client.get(INBOX), '<span dir="auto">Beratung &lt;b&gt;&amp;&lt;/b&gt;</span>'
        )

    def test_finished_referrals_move_to_the_second_tab(self):
        referral_step(
            referral=self.referral, by=self.partner_eb, to=S.DECLINED, decline_reason="voll"
        )
        assert not self.client.get(INBOX).context["page"].object_list
        finished = self.client.get(INBOX, {"ansicht": "erledigt"})
        assert [r.pk for r in finished.context["page"].object_list] == [self.referral.pk]

    def test_opening_shows_the_family_data_through_the_gate_and_marks_it_opened(self):
        response = self.client.get(detail(self.referral))
        assert response.status_code == 200
        self.assertContains(response, "Ayşe Yılmaz")
        self.assertContains(response, 'href="tel:+492315550101"')
        self.assertContains(response, "Kindliche Entwicklung")
        self.assertContains(response, "Die Mutter wünscht einen Termin am Vormittag.")
        assert self.refresh().status == S.OPENED
        log = Disclosure.objects.get(kind=Disclosure.Kind.PARTNER_VIEW)
        assert log.referral_id == self.referral.pk
        assert log.user == self.partner_eb
        assert log.purpose == Purpose.VERMITTLUNG
        assert log.recipient_organisation == self.offers.eb_org
        # The steps a partner may take on an opened referral.
        for label in ("Annehmen", "Ablehnen", "Weiterleiten"):
            self.assertContains(response, label)
        self.assertNotContains(response, "Abschließen")

    def test_after_revocation_no_data_and_only_ending_steps(self):
        consent_revoke(
            consent=self.referral.consent, by=self.worker_eving, revoked_on=timezone.localdate()
        )
        response = self.client.get(detail(self.referral))
        assert response.status_code == 200
        self.assertContains(
            response, "Die Einwilligung der Familie deckt diese Ansicht nicht mehr ab"
        )
        self.assertContains(response, "Die Einwilligung wurde widerrufen.")
        self.assertNotContains(response, "Yılmaz")
        self.assertNotContains(response, "555-0101")
        self.assertNotContains(response, "Annehmen")
        self.assertContains(response, "Ablehnen")
        assert not Disclosure.objects.filter(kind=Disclosure.Kind.PARTNER_VIEW).exists()
        # Not opened either: nothing was seen.
        assert self.refresh().status == S.SENT
        # Accepting is refused by the server too, declining still works.
        response = self.client.post(step(self.referral), {"to": S.ACCEPTED})
        assert response.status_code == 400
        assert self.refresh().status == S.SENT
        response = self.client.post(
            step(self.referral), {"to": S.DECLINED, "decline_reason": "Familie will nicht mehr."}
        )
        assert response.status_code == 302
        assert self.refresh().status == S.DECLINED

    def test_partner_accepts_and_reports_the_outcome(self):
        self.client.get(detail(self.referral))
        response = self.client.post(step(self.referral), {"to": S.ACCEPTED})
        self.assertRedirects(response, detail(self.referral))
        assert self.refresh().status == S.ACCEPTED
        response = self.client.post(step(self.referral), {"to": S.IN_CONTACT}, follow=True)
        self.assertContains(response, "Sie sind mit der Familie in Kontakt.")
        self.client.post(step(self.referral), {"to": S.ON_HOLD})
        assert self.refresh().status == S.ON_HOLD
        self.client.post(step(self.referral), {"to": S.IN_CONTACT})
        response = self.client.post(
            step(self.referral), {"to": S.CLOSED, "outcome": Referral.Outcome.HILFE_ERHALTEN}
        )
        assert response.status_code == 302
        assert self.refresh().status == S.CLOSED
        assert self.referral.outcome == Referral.Outcome.HILFE_ERHALTEN
        events = ReferralEvent.objects.filter(referral=self.referral).order_by("at", "id")
        assert [e.to_status for e in events] == [
            S.SENT,
            S.OPENED,
            S.ACCEPTED,
            S.IN_CONTACT,
            S.ON_HOLD,
            S.IN_CONTACT,
            S.CLOSED,
        ]
        assert all(e.by == self.partner_eb and not e.on_behalf for e in events[1:])
        # Closed: the family's data is no longer shown, nothing more goes out.
        before = Disclosure.objects.count()
        response = self.client.get(detail(self.referral))
        self.assertContains(response, "Die Vermittlung ist erledigt.")
        self.assertNotContains(response, "Yılmaz")
        assert Disclosure.objects.count() == before

    def test_closing_needs_an_outcome(self):
        referral_step(referral=self.referral, by=self.partner_eb, to=S.ACCEPTED)
        response = self.client.post(step(self.referral), {"to": S.CLOSED, "outcome": ""})
        self.assertContains(response, "Bitte wählen Sie ein Ergebnis.", status_code=400)
        assert self.refresh().status == S.ACCEPTED

    def test_declining_needs_a_reason(self):
        response = self.client.post(step(self.referral), {"to": S.DECLINED, "decline_reason": " "})
        self.assertContains(response, "Bitte geben Sie einen Grund an", status_code=400)
        # Not declined; the page was shown again, so the referral counts as opened.
        assert self.refresh().status == S.OPENED
        response = self.client.post(
            step(self.referral), {"to": S.DECLINED, "decline_reason": "Keine freien Termine."}
        )
        assert response.status_code == 302
        referral = self.refresh()
        assert (referral.status, referral.decline_reason) == (S.DECLINED, "Keine freien Termine.")

    def test_partner_searches_for_an_offer_and_passes_the_referral_on(self):
        search_index_services(Service.objects.values_list("pk", flat=True))
        choice = "Elterncafé – Familienbildung Teststraße"
        # Nothing to choose from before a search: a city has thousands of offers.
        response = self.client.get(detail(self.referral))
        self.assertContains(response, 'name="angebot"')
        self.assertNotContains(response, choice)
        self.assertNotContains(response, 'name="redirected_to"')
        response = self.client.get(detail(self.referral), {"angebot": "Sprachkurs"})
        self.assertContains(response, "Kein aktives Angebot passt zu „Sprachkurs“.")
        # "Treff" is in the description, "Eltern" a prefix of its name.
        for words in ("offener Treff", "eltern", "Familienbildung"):
            response = self.client.get(detail(self.referral), {"angebot": words})
            self.assertContains(response, choice)
        # The referral's own offer is no choice.
        self.assertNotContains(response, f'value="{self.offers.eb_service.pk}"')

        post = {"to": S.REDIRECTED, "angebot": "eltern"}
        response = self.client.post(step(self.referral), {**post, "redirected_to": ""})
        self.assertContains(response, "Bitte suchen und wählen Sie ein Angebot.", status_code=400)
        # The search is kept, so the choice is there again.
        self.assertContains(response, choice, status_code=400)
        self.assertContains(response, 'value="eltern"', status_code=400)
        response = self.client.post(
            step(self.referral), {**post, "redirected_to": str(self.offers.eb_service.pk)}
        )
        self.assertContains(response, "Dieses Angebot ist nicht mehr wählbar.", status_code=400)
        assert self.refresh().status == S.OPENED
        response = self.client.post(
            step(self.referral), {**post, "redirected_to": str(self.other_offer.pk)}
        )
        assert response.status_code == 302
        referral = self.refresh()
        assert (referral.status, referral.redirected_to) == (S.REDIRECTED, self.other_offer)

    def test_the_page_does_not_grow_with_the_directory(self):
        """A search shows the best twenty matches, never the whole directory."""
        for n in range(25):
            Service.objects.create(
                office=self.dortmund,
                organization=self.offers.free_org,
                name=f"Elterntreff {n}",
                description="Ein offener Treff für Eltern.",
                kind=Service.Kind.GRUPPE,
            )
        search_index_services(Service.objects.values_list("pk", flat=True))
        self.client.get(detail(self.referral))  # opened
        # Session, user, membership, referral, case, family, consent and the
        # disclosure log (with savepoints), persons (once, for names and ages).
        with self.assertNumQueries(14):
            response = self.client.get(detail(self.referral))
        assert response.content.count(b'name="redirected_to"') == 0
        # And the search: the ranked matches, then those twenty offers.
        with self.assertNumQueries(16):
            response = self.client.get(detail(self.referral), {"angebot": "Treff"})
        assert response.content.count(b'name="redirected_to"') == REDIRECT_CHOICES

    def test_a_step_that_is_no_longer_possible_says_so(self):
        referral_step(referral=self.referral, by=self.partner_eb, to=S.ACCEPTED)
        response = self.client.post(step(self.referral), {"to": S.ACCEPTED}, follow=True)
        self.assertContains(response, "Dieser Schritt ist jetzt nicht möglich.")
        # Worker-only steps cannot even be asked for.
        response = self.client.post(step(self.referral), {"to": S.WITHDRAWN})
        assert response.status_code == 400
        assert self.refresh().status == S.ACCEPTED

    def test_steps_are_post_only(self):
        assert self.client.get(step(self.referral)).status_code == 405

    def test_inbox_query_count_does_not_grow_with_data(self):
        # Session, user, membership, count, page.
        with self.assertNumQueries(5):
            self.client.get(INBOX)
        with time_machine.travel(NOW, tick=False):
            for n in range(PAGE_SIZE + 3):
                live_referral(self.world, self.offers.eb_service, name=f"Familie{n}")
        with self.assertNumQueries(5):
            response = self.client.get(INBOX)
        assert len(response.context["page"].object_list) == PAGE_SIZE
