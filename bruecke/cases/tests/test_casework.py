from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import DatabaseError, connection, transaction
from django.urls import reverse

from bruecke.audit.models import AuditEvent
from bruecke.cases.actions import case_close, case_open, case_update, cases_reassign, contact_add
from bruecke.cases.models import AnonymousConsultation, Case, Contact
from bruecke.cases.selectors import family_search, likely_duplicates
from bruecke.cases.tests.helpers import make_case
from bruecke.directory.models import Organization
from bruecke.people.actions import StaleEdit
from bruecke.people.models import Person
from bruecke.test import BaseTestCase

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
class CaseActionTests(BaseTestCase):
    def test_case_numbers_count_per_office_and_year(self):
        first = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        second = make_case(
            self.world, worker=self.worker_hoerde, district=self.hoerde, name="Meyer"
        )
        bochum = make_case(self.world, worker=self.worker_bochum, district=self.bochum_mitte)
        next_year = make_case(
            self.world,
            worker=self.worker_hoerde,
            district=self.hoerde,
            opened_on=dt.date(2027, 1, 2),
        )
        assert (first.number, second.number) == ("DO-2026-00001", "DO-2026-00002")
        assert bochum.number == "BO-2026-00001"
        assert next_year.number == "DO-2027-00001"

    def test_review_date_defaults_to_three_months(self):
        case = make_case(
            self.world,
            worker=self.worker_hoerde,
            district=self.hoerde,
            opened_on=dt.date(2026, 11, 30),
        )
        assert case.review_on == dt.date(2027, 2, 28)

    def test_case_cannot_be_given_to_a_worker_of_another_office(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        with pytest.raises(ValidationError):
            case_open(
                by=self.worker_hoerde,
                family=case.family,
                district=self.hoerde,
                assigned_to=self.worker_bochum,
                zugangsweg="kita",
                topics=[],
                opened_on=dt.date(2026, 11, 1),
            )

    def test_every_write_has_an_audit_event_in_the_same_office(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        contact_add(
            by=self.worker_hoerde,
            case=case,
            date=dt.date(2026, 11, 2),
            kind="telefon",
            duration_minutes=20,
        )
        case_close(
            by=self.worker_hoerde,
            case=case,
            outcome="ziel_erreicht",
            closed_on=dt.date(2026, 11, 20),
        )
        actions = list(
            AuditEvent.objects.filter(office=self.dortmund).values_list("action", flat=True)
        )
        assert actions == ["family.create", "case.open", "contact.add", "case.close"]

    def test_a_failed_close_leaves_nothing_half_written(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        events = AuditEvent.objects.count()
        with pytest.raises(ValidationError):
            case_close(
                by=self.worker_hoerde,
                case=case,
                outcome="ziel_erreicht",
                closed_on=dt.date(2026, 1, 1),
            )
        case.refresh_from_db()
        assert case.status == Case.Status.OPEN and AuditEvent.objects.count() == events

    def test_stale_edit_is_refused_and_reports_the_current_state(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        case_update(by=self.worker_hoerde, case=case, version=1, review_on=dt.date(2026, 12, 24))
        stale = Case.objects.get(pk=case.pk)
        stale.version = 1
        with pytest.raises(StaleEdit) as caught:
            case_update(by=self.lead_dortmund, case=stale, version=1, review_on=dt.date(2027, 1, 1))
        assert caught.value.current.review_on == dt.date(2026, 12, 24)

    def test_handover_moves_all_cases_and_is_in_the_history(self):
        cases = [
            make_case(self.world, worker=self.worker_hoerde, district=self.hoerde, name=n)
            for n in ("A", "B")
        ]
        assert cases_reassign(by=self.lead_dortmund, cases=cases, to=self.lead_dortmund) == 2
        assert set(Case.objects.values_list("assigned_to", flat=True)) == {self.lead_dortmund.pk}
        assert AuditEvent.objects.filter(action="case.handover").count() == 2

    def test_audit_rows_cannot_be_changed_or_deleted(self):
        make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        event = AuditEvent.objects.first()
        assert event is not None
        with pytest.raises(PermissionError):
            event.save()
        with pytest.raises(PermissionError):
            AuditEvent.objects.all().delete()
        # The database itself refuses (SQLite: IntegrityError, PostgreSQL: a raised exception).
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE audit_auditevent SET action = 'x'")


@time_machine.travel(NOW, tick=False)
class SearchTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        with time_machine.travel(NOW, tick=False):
            cls.meyer = make_case(
                cls.world,
                worker=cls.worker_hoerde,
                district=cls.hoerde,
                name="Meyer",
                phone="0231 12345-67",
                child_birth=dt.date(2022, 3, 14),
            )
            cls.schmidt = make_case(
                cls.world, worker=cls.worker_hoerde, district=cls.hoerde, name="Schmidt"
            )
            cls.other = make_case(
                cls.world, worker=cls.worker_eving, district=cls.eving, name="Maier"
            )

    def found(self, **kwargs):
        return {f.name for f in family_search(user=self.worker_hoerde, **kwargs)}

    def test_misspelt_name_is_found(self):
        assert self.found(query="Maier") == {"Meyer"}
        assert self.found(query="schmitt") == {"Schmidt"}

    def test_phone_in_any_notation(self):
        assert self.found(query="+49 231 1234567") == {"Meyer"}
        assert self.found(query="0049-231-12345 67") == {"Meyer"}

    def test_child_birth_date(self):
        assert self.found(birth_date=dt.date(2022, 3, 14)) == {"Meyer"}

    def test_a_family_with_two_cases_is_listed_once(self):
        with time_machine.travel(NOW, tick=False):
            case_open(
                by=self.worker_hoerde,
                family=self.meyer.family,
                district=self.hoerde,
                assigned_to=self.worker_hoerde,
                zugangsweg="kita",
                topics=["gesundheit"],
                opened_on=dt.date(2026, 10, 1),
            )
        for user in (self.worker_hoerde, self.lead_dortmund):
            names = [f.name for f in family_search(user=user, query="Meyer")]
            assert names == ["Meyer"], (user, names)

    def test_search_never_shows_families_of_other_workers(self):
        assert "Maier" not in self.found(query="Maier")

    def test_duplicates_are_found_office_wide_before_creating(self):
        names = {
            f.name
            for f in likely_duplicates(
                office_id=self.dortmund.pk,
                name="Mayer",
                phone="",
                child_birth_dates=[],
                member_names=[],
            )
        }
        assert names == {"Meyer", "Maier"}
        assert not likely_duplicates(
            office_id=self.bochum.pk, name="Mayer", phone="", child_birth_dates=[], member_names=[]
        )


@time_machine.travel(NOW, tick=False)
class CaseViewTests(BaseTestCase):
    def test_contact_form_keeps_what_was_typed_on_error(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            reverse("cases:contact", args=[case.pk]),
            {
                "date": "2026-11-24",
                "kind": "telefon",
                "duration_minutes": "",
                "note": "Rückruf wegen Kita-Platz",
            },
        )
        assert response.status_code == 400
        self.assertContains(response, "Rückruf wegen Kita-Platz", status_code=400)
        self.assertContains(response, "Bitte prüfen Sie Ihre Eingaben", status_code=400)
        assert not Contact.objects.exists()

    def test_confided_note_is_shown_to_its_author_only(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        contact_add(
            by=self.worker_hoerde,
            case=case,
            date=dt.date(2026, 11, 2),
            kind="beratung",
            duration_minutes=45,
            note="Vertraulich erzählt",
            confided=True,
        )
        self.client.force_login(self.worker_hoerde)
        self.assertContains(
            self.client.get(reverse("cases:detail", args=[case.pk])), "Vertraulich erzählt"
        )
        self.client.force_login(self.lead_dortmund)
        response = self.client.get(reverse("cases:detail", args=[case.pk]))
        self.assertNotContains(response, "Vertraulich erzählt")
        self.assertContains(response, "Anvertraute Notiz")

    def test_a_family_name_in_arabic_keeps_its_direction_in_the_case_list(self):
        # Typed in Arabic, shown in a German table: dir="auto" lets the browser
        # lay the name out right to left in its own cell.
        make_case(self.world, worker=self.worker_hoerde, district=self.hoerde, name="الخطيب")
        self.client.force_login(self.worker_hoerde)
        for url in (reverse("cases:list"), reverse("accounts:start")):
            self.assertContains(
                self.client.get(url), '<td class="kern-table__cell" dir="auto">الخطيب</td>'
            )

    def test_names_on_the_case_page_keep_their_direction(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde, name="الخطيب")
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(reverse("cases:detail", args=[case.pk]))
        # The heading is a German sentence around the Arabic name.
        self.assertContains(response, f'Fall {case.number}: Familie <span dir="auto">الخطيب</span>')
        for person in case.family.members.all():
            self.assertContains(response, f'<span dir="auto">{person}</span>')

    def test_the_childs_kita_keeps_its_direction_on_the_case_and_family_pages(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        kita = Organization.objects.create(office=self.dortmund, name="روضة النور")
        case.family.members.filter(role=Person.Role.CHILD).update(kita=kita, childcare="kita")
        self.client.force_login(self.worker_hoerde)
        for url in (
            reverse("cases:detail", args=[case.pk]),
            reverse("cases:family", args=[case.family_id]),
        ):
            # "Emre Yılmaz, 3 Jahre (…), Kita (روضة النور)": the name isolated in the sentence.
            self.assertContains(self.client.get(url), '(<span dir="auto">روضة النور</span>)')

    def test_names_in_the_family_search_keep_their_direction(self):
        make_case(
            self.world,
            worker=self.worker_hoerde,
            district=self.hoerde,
            name="الخطيب",
            phone="0231 998877",
        )
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(reverse("cases:family_search"), {"q": "0231 998877"})
        self.assertContains(response, '<span dir="auto">الخطيب</span> <span')
        # A member's name mixes scripts: isolated, the comma after it stays in place.
        self.assertContains(response, '<span dir="auto">Ayşe الخطيب</span>')

    def test_family_without_young_child_gets_a_warning_not_a_block(self):
        case = make_case(
            self.world,
            worker=self.worker_hoerde,
            district=self.hoerde,
            child_birth=dt.date(2015, 1, 1),
        )
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(reverse("cases:detail", args=[case.pk]))
        self.assertContains(response, "kein Kind vor der Einschulung")

    def test_anonymous_consultation_in_a_few_seconds(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            reverse("cases:consultation"),
            {
                "district": self.hoerde.pk,
                "date": "2026-11-24",
                "kind": "telefon",
                "duration_minutes": "10",
                "topics": ["wirtschaftliche-lage"],
            },
        )
        assert response.status_code == 302
        consultation = AnonymousConsultation.objects.get()
        assert consultation.topics == ["wirtschaftliche-lage"]

    def test_consultation_in_another_offices_district_is_refused(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            reverse("cases:consultation"),
            {
                "district": self.bochum_mitte.pk,
                "date": "2026-11-24",
                "kind": "telefon",
                "duration_minutes": "10",
            },
        )
        assert response.status_code == 400
        assert not AnonymousConsultation.objects.exists()


@time_machine.travel(NOW, tick=False)
class QueryCountTests(BaseTestCase):
    def count_queries(self, url_name, n_cases, *args):
        for i in range(n_cases - self.world_cases):
            make_case(
                self.world,
                worker=self.worker_hoerde,
                district=self.hoerde,
                name=f"F{i}{self.world_cases}",
            )
        self.world_cases = n_cases
        self.client.force_login(self.worker_hoerde)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(reverse(url_name, args=args))
        assert response.status_code == 200
        return len(queries)

    def test_start_page_and_case_list_do_not_grow_with_cases(self):
        self.world_cases = 0
        small = (self.count_queries("accounts:start", 10), self.count_queries("cases:list", 10))
        large = (self.count_queries("accounts:start", 200), self.count_queries("cases:list", 200))
        assert small == large
        assert small[1] <= 5

    def test_case_page_does_not_grow_with_contacts(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        self.client.force_login(self.worker_hoerde)

        def queries():
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as captured:
                assert self.client.get(reverse("cases:detail", args=[case.pk])).status_code == 200
            return len(captured)

        for day in range(1, 11):
            contact_add(
                by=self.worker_hoerde,
                case=case,
                date=dt.date(2026, 10, day),
                kind="telefon",
                duration_minutes=5,
            )
        small = queries()
        for day in range(1, 29):
            for _ in range(7):
                contact_add(
                    by=self.worker_hoerde,
                    case=case,
                    date=dt.date(2026, 9, day),
                    kind="telefon",
                    duration_minutes=5,
                )
        assert queries() == small


@time_machine.travel(NOW, tick=False)
class SearchQueryCountTests(BaseTestCase):
    def search_queries(self, families: int) -> int:
        from django.test.utils import CaptureQueriesContext

        existing = Case.objects.filter(assigned_to=self.worker_hoerde).count()
        for i in range(existing, families):
            make_case(
                self.world,
                worker=self.worker_hoerde,
                district=self.hoerde,
                name="Meyer",
                phone=f"0231 100{i}",
            )
        self.client.force_login(self.worker_hoerde)
        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(reverse("cases:family_search"), {"q": "Maier"})
        assert response.status_code == 200
        assert response.content.decode().count("/faelle/") >= families
        return len(captured)

    def test_family_search_does_not_grow_with_results(self):
        assert self.search_queries(3) == self.search_queries(30)

    def test_handover_page_does_not_grow_with_cases(self):
        from django.test.utils import CaptureQueriesContext

        def queries() -> int:
            self.client.force_login(self.lead_dortmund)
            with CaptureQueriesContext(connection) as captured:
                page = self.client.get(reverse("cases:handover"), {"von": self.worker_hoerde.pk})
            assert page.status_code == 200
            return len(captured)

        for i in range(3):
            make_case(self.world, worker=self.worker_hoerde, district=self.hoerde, name=f"H{i}")
        small = queries()
        for i in range(3, 25):
            make_case(self.world, worker=self.worker_hoerde, district=self.hoerde, name=f"H{i}")
        assert queries() == small


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner statistics")
class CaseListPlanTests(BaseTestCase):
    def test_a_workers_list_reads_the_workers_indexes_with_a_citys_statistics(self):
        """With a city's statistics (60,000 cases, few with a cover), the worker's
        open cases come from the worker's two indexes, not from a walk through
        the office's whole list (8 ms instead of 0.2 ms at city size)."""
        from bruecke.cases.selectors import case_list

        make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        with connection.cursor() as cursor:
            # The cover index holds only the cases with a cover, so its
            # statistics count those alone (as injected below).
            cursor.execute("SELECT sql FROM sqlite_schema WHERE name = 'case_covering_review'")
            assert '"covering_id" IS NOT NULL' in cursor.fetchone()[0]
            cursor.execute("ANALYZE")
            cursor.execute("DELETE FROM sqlite_stat1 WHERE tbl = 'cases_case'")
            # As ANALYZE found them on the city data set (covering: the rows with a cover).
            cursor.executemany(
                "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('cases_case', %s, %s)",
                [
                    ("case_office_closed", "60000 30000 15000 42"),
                    ("case_office_review", "60000 30000 15000 34 1"),
                    ("case_district_review", "60000 4286 2143 6"),
                    ("case_covering_review", "2158 72 72 2"),
                    ("case_assigned_review", "60000 2000 1000 4"),
                    ("cases_case_office_id_93691f7b", "60000 30000"),
                    ("cases_case_family_id_035a325a", "60000 2"),
                    ("cases_case_district_id_60fa1ba0", "60000 4286"),
                    ("cases_case_covering_id_37783233", "60000 1936"),
                    ("cases_case_assigned_to_id_370071aa", "60000 2000"),
                    ("sqlite_autoindex_cases_case_2", "60000 30000 1"),
                    ("sqlite_autoindex_cases_case_1", "60000 1"),
                ],
            )
            cursor.execute("ANALYZE sqlite_schema")  # reads the statistics again
            # The list's conditions and order on the cases table alone (the
            # joins only add one row each).
            ordered = case_list(user=self.worker_hoerde).select_related(None).values("pk")
            sql, params = ordered[:200].query.sql_with_params()
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
        assert "case_assigned_review" in plan and "case_covering_review" in plan, plan
        assert "case_office_review" not in plan, plan
