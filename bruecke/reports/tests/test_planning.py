"""District planning: demand against supply per district and Handlungsfeld."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

import time_machine
from django.urls import reverse

from bruecke.cases.actions import anonymous_consultation_add, case_close, contact_add
from bruecke.cases.aggregates import topic_keys
from bruecke.cases.choices import Outcome
from bruecke.cases.models import AnonymousConsultation, Case, Contact
from bruecke.cases.tests.helpers import make_case
from bruecke.directory.models import Organization, Service
from bruecke.org.models import District
from bruecke.reports import planning
from bruecke.reports.planning import Level, period_for, planning_matrix
from bruecke.test import BaseTestCase

TODAY = dt.date(2026, 11, 15)
NOW = dt.datetime(2026, 11, 15, 10, 0, tzinfo=dt.UTC)
URL = reverse("planning:districts")
OUTCOME = Outcome.values[0]
# The default period: the last 12 full months before November 2026.
PERIOD_START, PERIOD_END = dt.date(2025, 11, 1), dt.date(2026, 10, 31)


class PlanningData(BaseTestCase):
    """Cases, contacts and offers in Hörde and Eving, and one case in Bochum."""

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        District.objects.filter(pk=cls.hoerde.pk).update(children_under_6=3_000)
        District.objects.filter(pk=cls.eving.pk).update(children_under_6=2_000)
        cls.hoerde.refresh_from_db()
        cls.eving.refresh_from_db()
        cls.org = Organization.objects.create(office=cls.dortmund, name="Familienzentrum Test")
        # Hörde: 6 health cases (one only by a subtopic), 2 about childcare.
        cls.hoerde_cases = [
            make_case(
                cls.world,
                worker=cls.worker_hoerde,
                district=cls.hoerde,
                name=f"Hoerdefamilie{n}",
                topics=("gesundheit/kinderarzt",) if n == 0 else ("gesundheit",),
                opened_on=dt.date(2026, 3, 1),
            )
            for n in range(6)
        ]
        for n in range(2):
            make_case(
                cls.world,
                worker=cls.worker_hoerde,
                district=cls.hoerde,
                name=f"Betreuungsfamilie{n}",
                topics=("kinderbetreuung",),
                opened_on=dt.date(2026, 4, 1),
            )
        # Eving: 7 cases about money and authorities, no offer for it anywhere.
        for n in range(7):
            make_case(
                cls.world,
                worker=cls.worker_eving,
                district=cls.eving,
                name=f"Evingfamilie{n}",
                topics=("wirtschaftliche-lage/mietschulden",),
                opened_on=dt.date(2026, 2, 1),
            )
        # Outside the period: closed before it, and opened after it.
        old = make_case(
            cls.world,
            worker=cls.worker_hoerde,
            district=cls.hoerde,
            name="Altfall",
            topics=("gesundheit",),
            opened_on=dt.date(2025, 1, 10),
        )
        case_close(by=cls.worker_hoerde, case=old, outcome=OUTCOME, closed_on=dt.date(2025, 10, 31))
        make_case(
            cls.world,
            worker=cls.worker_hoerde,
            district=cls.hoerde,
            name="Neufall",
            topics=("gesundheit",),
            opened_on=dt.date(2026, 11, 2),
        )
        # Bochum: never in Dortmund's numbers.
        make_case(
            cls.world,
            worker=cls.worker_bochum,
            district=cls.bochum_mitte,
            name="Bochumfamilie",
            topics=("gesundheit",),
            opened_on=dt.date(2026, 3, 1),
        )
        # Contacts in Hörde: 5 with their own topic, 2 without (they count under
        # the case's topics), 1 before the period.
        first = cls.hoerde_cases[0]
        for day in range(1, 6):
            contact_add(
                by=cls.worker_hoerde,
                case=first,
                date=dt.date(2026, 5, day),
                kind="telefon",
                duration_minutes=10,
                topics=["gesundheit/ernaehrung-bewegung"],
            )
        for day in range(1, 3):
            contact_add(
                by=cls.worker_hoerde,
                case=first,
                date=dt.date(2026, 6, day),
                kind="beratung",
                duration_minutes=30,
            )
        contact_add(
            by=cls.worker_hoerde,
            case=first,
            date=dt.date(2025, 10, 30),
            kind="beratung",
            duration_minutes=30,
            topics=["gesundheit"],
        )
        # Two anonymous phone consultations about childcare in Hörde.
        for day in (3, 4):
            anonymous_consultation_add(
                by=cls.worker_hoerde,
                district=cls.hoerde,
                date=dt.date(2026, 7, day),
                kind="telefon",
                duration_minutes=10,
                topics=["kinderbetreuung"],
            )
        # Supply: two active health offers for Hörde (Turkish and Arabic), one
        # inactive one, and a childcare offer for Hörde and Eving.
        cls.health = cls._offer(
            "Gesundheitssprechstunde", ["gesundheit"], ["de", "tr"], [cls.hoerde]
        )
        cls._offer("Kinderarzt-Lotsen", ["gesundheit/kinderarzt"], ["ar"], [cls.hoerde])
        cls._offer(
            "Alte Sprechstunde",
            ["gesundheit"],
            ["pl"],
            [cls.hoerde],
            status=Service.Status.INACTIVE,
        )
        cls._offer("Kita-Lotsen", ["kinderbetreuung"], ["de"], [cls.hoerde, cls.eving])

    @classmethod
    def _offer(cls, name, topics, languages, districts, *, status=Service.Status.ACTIVE, **kw):
        service = Service.objects.create(
            office=cls.dortmund,
            organization=cls.org,
            name=name,
            description="Ein Angebot.",
            kind=Service.Kind.BERATUNG,
            topics=topics,
            languages=languages,
            status=status,
            last_verified=kw.pop("last_verified", TODAY),
            **kw,
        )
        service.districts.set(districts)
        return service


def _live_demand(office, period):
    """Demand counted straight from cases, contacts and consultations (the reference)."""
    cases: Counter[tuple[int, str]] = Counter()
    contacts: Counter[tuple[int, str]] = Counter()
    for case in Case.objects.filter(office=office, opened_on__lte=period.end).exclude(
        closed_on__lt=period.start
    ):
        for topic in topic_keys(case.topics):
            cases[(case.district_id, topic)] += 1
    for contact in Contact.objects.filter(
        office=office, date__range=(period.start, period.end)
    ).select_related("case"):
        for topic in topic_keys(contact.topics or contact.case.topics):
            contacts[(contact.case.district_id, topic)] += 1
    for consultation in AnonymousConsultation.objects.filter(
        office=office, date__range=(period.start, period.end)
    ):
        for topic in topic_keys(consultation.topics):
            contacts[(consultation.district_id, topic)] += 1
    return cases, contacts


def _cell(result, district, slug):
    row = next(r for r in result.rows if r.district == district)
    return next(c for c in row.cells if c.topic.slug == slug)


@time_machine.travel(NOW, tick=False)
class PlanningNumbersTests(PlanningData):
    def setUp(self) -> None:
        self.result = planning_matrix(office=self.dortmund, period=period_for(None, TODAY))

    def test_default_period_is_the_last_twelve_full_months(self):
        period = self.result.period
        assert (period.start, period.end) == (PERIOD_START, PERIOD_END)
        assert [p.key for p in planning.period_choices(TODAY)] == ["12m", "2025", "2024", "2023"]
        year = period_for("2025", TODAY)
        assert (year.start, year.end) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))

    def test_it_counts_cases_open_in_the_period_with_subtopics_under_their_field(self):
        health = _cell(self.result, self.hoerde, "gesundheit")
        assert health.cases == 6  # not the case closed before, nor the one opened after
        assert health.cases_per_1000 == Decimal("2.0")

    def test_it_counts_contacts_and_anonymous_consultations(self):
        health = _cell(self.result, self.hoerde, "gesundheit")
        # 5 with their own topic + 2 without topics on a health case; not the one before.
        assert health.contacts == 7
        assert health.contacts_per_1000 == Decimal("2.3")
        childcare = _cell(self.result, self.hoerde, "kinderbetreuung")
        assert childcare.contacts == 2  # the anonymous consultations
        assert childcare.contacts_shown == "<5"
        assert childcare.contacts_per_1000 is None

    def test_it_counts_active_offers_serving_the_district_and_their_languages(self):
        health = _cell(self.result, self.hoerde, "gesundheit")
        assert health.offers == 2  # not the inactive one
        assert health.languages == ["Arabisch", "Deutsch", "Türkisch"]
        assert _cell(self.result, self.eving, "kinderbetreuung").offers == 1
        assert _cell(self.result, self.eving, "gesundheit").offers == 0

    def test_small_counts_are_suppressed_and_give_no_rate(self):
        childcare = _cell(self.result, self.hoerde, "kinderbetreuung")
        assert childcare.cases == 2
        assert childcare.cases_shown == "<5"
        assert childcare.cases_per_1000 is None
        assert childcare.level == Level.FEW
        assert planning.shown(0) == "0"
        assert [planning.shown(n) for n in range(1, 6)] == ["<5"] * 4 + ["5"]
        assert planning.shown(1234) == "1.234"

    def test_many_cases_without_an_offer_are_a_gap(self):
        money = _cell(self.result, self.eving, "wirtschaftliche-lage")
        assert (money.cases, money.offers, money.level) == (7, 0, Level.GAP)
        # Gaps without any offer come first, then those with little supply.
        assert [(d, c.topic.slug) for d, c in self.result.gaps] == [
            (self.eving, "wirtschaftliche-lage"),
            (self.hoerde, "gesundheit"),
        ]

    def test_high_demand_with_at_most_two_offers_is_little_supply(self):
        # Hörde: 6 health cases (2.0 per 1,000) against none in Eving (median 1.0),
        # and only two offers.
        assert _cell(self.result, self.hoerde, "gesundheit").level == Level.LOW
        for n in range(5):
            make_case(
                self.world,
                worker=self.worker_eving,
                district=self.eving,
                name=f"Gesundheit{n}",
                topics=("gesundheit",),
                opened_on=dt.date(2026, 3, 1),
            )
        self._offer("Eving gesund", ["gesundheit"], [], [self.eving])
        result = planning_matrix(office=self.dortmund, period=period_for(None, TODAY))
        # Eving: 5 cases per 2,000 children (2.5) is above Hörde's 2.0, with one offer.
        eving = _cell(result, self.eving, "gesundheit")
        assert (eving.cases_per_1000, eving.offers, eving.level) == (
            Decimal("2.5"),
            1,
            Level.LOW,
        )
        # Hörde is below the median now (2.0 < 2.25): two offers are enough there.
        assert _cell(result, self.hoerde, "gesundheit").level == Level.OK

    def test_demand_from_the_report_counts_equals_counting_the_records(self):
        for key in ("12m", "2025", "2024"):
            period = period_for(key, TODAY)
            cases, contacts = planning.demand(self.dortmund, period)
            live_cases, live_contacts = _live_demand(self.dortmund, period)
            assert {k: v for k, v in cases.items() if v} == dict(live_cases), key
            assert {k: v for k, v in contacts.items() if v} == dict(live_contacts), key

    def test_districts_without_kita_sozialarbeit_are_not_judged(self):
        mengede = District.objects.get(office=self.dortmund, name="Mengede")
        assert not mengede.kita_sozialarbeit
        assert _cell(self.result, mengede, "gesundheit").level == Level.NO_SERVICE

    def test_unknown_number_of_children_gives_no_rate(self):
        brackel = District.objects.get(office=self.dortmund, name="Brackel")
        assert brackel in self.result.children_missing
        for n in range(5):
            make_case(
                self.world,
                worker=self.worker_hoerde,
                district=brackel,
                name=f"Brackel{n}",
                topics=("inklusion",),
                opened_on=dt.date(2026, 3, 1),
            )
        result = planning_matrix(office=self.dortmund, period=period_for(None, TODAY))
        inclusion = _cell(result, brackel, "inklusion")
        assert (inclusion.cases, inclusion.cases_per_1000) == (5, None)

    def test_other_offices_do_not_count(self):
        bochum = planning_matrix(office=self.bochum, period=period_for(None, TODAY))
        assert {row.district.office_id for row in bochum.rows} == {self.bochum.pk}
        assert _cell(bochum, self.bochum_mitte, "gesundheit").cases == 1
        assert all(row.district.office_id == self.dortmund.pk for row in self.result.rows)


@time_machine.travel(NOW, tick=False)
class PlanningPageTests(PlanningData):
    def test_coordinator_sees_the_matrix_gaps_and_stale_entries(self):
        stale = self._offer(
            "Vergessenes Angebot", ["inklusion"], [], [], last_verified=dt.date(2025, 6, 1)
        )
        self._offer("Nie geprüft", ["inklusion"], [], [], last_verified=None)
        Service.objects.filter(pk=stale.pk).update(status=Service.Status.TEMPORARILY_CLOSED)
        self.client.force_login(self.coordinator_dortmund)
        response = self.client.get(URL)
        assert response.status_code == 200
        page = response.content.decode()
        assert "Bezirksplanung" in page
        # The gap is said in words, not only by colour.
        assert "Lücke: kein Angebot" in page
        assert "Eving – Wirtschaftliche Lage und Umgang mit Ämtern" in page
        # Stale entries: the never verified one first, both linked for the coordinator.
        assert page.index("Nie geprüft") < page.index("Vergessenes Angebot")
        assert reverse("directory:service_edit", args=[stale.pk]) in page
        assert "Seit 12 Monaten nicht geprüft: 2 Einträge" in page
        assert "Gesundheitssprechstunde" not in page  # verified today

    def test_page_shows_no_family_or_case(self):
        self.client.force_login(self.coordinator_dortmund)
        page = self.client.get(URL).content.decode()
        for case in Case.objects.select_related("family"):
            assert case.number not in page
            assert case.family.name not in page
            assert str(case.pk) not in page
            assert str(case.family_id) not in page

    def test_one_district_in_detail(self):
        self.client.force_login(self.lead_dortmund)
        response = self.client.get(URL, {"zeitraum": "12m", "bezirk": self.hoerde.slug})
        assert response.status_code == 200
        page = response.content.decode()
        assert "Bedarf und Angebot in Hörde" in page
        assert "Kinder unter 6 Jahren: 3.000" in page
        assert "Arabisch, Deutsch, Türkisch" in page
        assert "2,0" in page  # cases per 1,000 children, German decimal comma
        # Team leads do not maintain the directory: no links into it.
        assert reverse("directory:service_list") not in page

    def test_unknown_district_keeps_the_overview_and_says_so(self):
        self.client.force_login(self.coordinator_dortmund)
        response = self.client.get(URL, {"bezirk": self.bochum_mitte.slug + "-x"})
        assert response.status_code == 400
        assert "Übersicht: Bedarf und Angebot je Stadtbezirk" in response.content.decode()
        assert response.context["form"].errors["bezirk"]

    def test_a_previous_year(self):
        self.client.force_login(self.coordinator_dortmund)
        response = self.client.get(URL, {"zeitraum": "2025"})
        assert response.status_code == 200
        assert response.context["planning"].period.start == dt.date(2025, 1, 1)

    def test_who_may_open_it(self):
        for user in (self.coordinator_dortmund, self.lead_dortmund, self.admin_dortmund):
            self.client.force_login(user)
            assert self.client.get(URL).status_code == 200, user
        for user in (
            self.worker_hoerde,
            self.dpo_dortmund,
            self.partner_kita,
            self.worker_bochum,
        ):
            self.client.force_login(user)
            assert self.client.get(URL).status_code == 404, user
        self.client.logout()
        assert self.client.get(URL).status_code == 302

    def test_bochum_lead_sees_bochum_only(self):
        self.client.force_login(self.lead_bochum)
        response = self.client.get(URL)
        names = [row.district.name for row in response.context["planning"].rows]
        assert "Mitte" in names and "Hörde" not in names

    def test_query_count_does_not_grow_with_districts_cases_or_offers(self):
        self.client.force_login(self.coordinator_dortmund)
        self.client.get(URL)  # session and caches warm
        # session, user, membership, districts, demand (report counts), offers,
        # stale entries and their count.
        with self.assertNumQueries(8):
            self.client.get(URL)
        extra = District.objects.create(
            office=self.dortmund, name="Neustadt", slug="neustadt", kita_sozialarbeit=True
        )
        for n in range(5):
            case = make_case(
                self.world,
                worker=self.worker_hoerde,
                district=extra,
                name=f"Neu{n}",
                topics=("inklusion", "gesundheit"),
                opened_on=dt.date(2026, 3, 1),
            )
            contact_add(
                by=self.worker_hoerde,
                case=case,
                date=dt.date(2026, 3, 2),
                kind="telefon",
                duration_minutes=5,
            )
            self._offer(f"Neu {n}", ["inklusion"], ["uk"], [extra, self.eving])
            self._offer(f"Alt {n}", ["inklusion"], [], [], last_verified=None)
        with self.assertNumQueries(8):
            response = self.client.get(URL, {"bezirk": "neustadt"})
        assert response.context["chosen"].district == extra
