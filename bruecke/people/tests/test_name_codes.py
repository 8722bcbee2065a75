"""Family search by name reads an index of name codes that the family actions keep current."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bruecke.cases.actions import case_open
from bruecke.cases.selectors import family_search, likely_duplicates
from bruecke.people.actions import PersonData, family_create, family_name_codes, family_update
from bruecke.people.models import Family, FamilyNameCode, Person
from bruecke.test import BaseTestCase

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
class NameCodeTests(BaseTestCase):
    def family(self, name, *, members=None, worker=None, district=None):
        worker = worker or self.worker_hoerde
        district = district or self.hoerde
        family = family_create(
            by=worker,
            district=district,
            name=name,
            members=(
                [PersonData(Person.Role.CHILD, "Mila", "Demir", dt.date(2023, 2, 1))]
                if members is None
                else members
            ),
        )
        case_open(
            by=worker,
            family=family,
            district=district,
            assigned_to=worker,
            zugangsweg="kita",
            topics=[],
            opened_on=dt.date(2026, 11, 1),
        )
        return family

    def found(self, query, user=None):
        return {f.name for f in family_search(user=user or self.worker_hoerde, query=query)}

    def test_multi_word_family_name_is_found_by_each_word(self):
        # No member carries these names: only the family's name codes can find it.
        self.family("Schulze-Öztürk")
        self.family("Lüdenscheidt Wagner")
        assert self.found("Schulze") == {"Schulze-Öztürk"}
        assert self.found("Öztürk") == {"Schulze-Öztürk"}
        assert self.found("Schultze Oeztürk") == {"Schulze-Öztürk"}
        assert self.found("Lüdenscheidt") == {"Lüdenscheidt Wagner"}
        assert self.found("Wagner") == {"Lüdenscheidt Wagner"}
        assert self.found("Schulze Wagner") == set()

    def test_team_lead_search_gives_the_same_answers(self):
        # A team lead's search starts from the search terms, a worker's from their families.
        self.family("Schulze-Öztürk")
        self.family(
            "Schmidt",
            members=[
                PersonData(Person.Role.PARENT, "Anna", "Schmidt"),
                PersonData(Person.Role.CHILD, "Peter", "Müller", dt.date(2022, 3, 14)),
            ],
        )
        self.family("Yıldız", members=[])
        self.family("Maier", worker=self.worker_eving, district=self.eving)
        for query, birth_date, names in (
            ("Schultze", None, {"Schulze-Öztürk"}),
            ("Öztürk Mila", None, {"Schulze-Öztürk"}),
            ("Peter Müller", None, {"Schmidt"}),
            ("Anna Müller", None, set()),
            ("Yıldız", None, {"Yıldız"}),
            ("", dt.date(2022, 3, 14), {"Schmidt"}),
            ("Müller", dt.date(2022, 3, 14), {"Schmidt"}),
            ("Anna", dt.date(2022, 3, 14), set()),
            ("Maier", None, set()),
        ):
            for user in (self.worker_hoerde, self.lead_dortmund):
                found = family_search(user=user, query=query, birth_date=birth_date)
                assert {f.name for f in found} == names, (user, query, birth_date)

    def test_every_word_is_one_code_row_once(self):
        family = self.family("Müller Müller-Lüdenscheidt")
        codes = list(FamilyNameCode.objects.filter(family=family).values_list("code", flat=True))
        assert sorted(codes) == sorted(family_name_codes(family.name))
        assert len(codes) == len(set(codes)) == 2
        assert set(FamilyNameCode.objects.values_list("office_id", flat=True)) == {self.dortmund.pk}

    def test_renamed_family_is_found_by_its_new_name_only(self):
        family = self.family("Kowalski")
        family_update(by=self.worker_hoerde, family=family, version=family.version, name="Nowak")
        assert self.found("Nowak") == {"Nowak"}
        assert self.found("Kowalski") == set()

    def test_other_changes_keep_the_codes(self):
        family = self.family("Kowalski")
        before = list(FamilyNameCode.objects.filter(family=family).values_list("pk", flat=True))
        family_update(by=self.worker_hoerde, family=family, version=family.version, phone="0231 1")
        after = list(FamilyNameCode.objects.filter(family=family).values_list("pk", flat=True))
        assert before == after

    def test_family_without_members_is_found_by_its_name(self):
        self.family("Yıldız", members=[])
        assert self.found("Yıldız") == {"Yıldız"}

    def test_all_words_fit_one_person_or_the_family_name(self):
        self.family(
            "Schmidt",
            members=[
                PersonData(Person.Role.PARENT, "Anna", "Schmidt"),
                PersonData(Person.Role.PARENT, "Peter", "Müller"),
            ],
        )
        assert self.found("Peter Müller") == {"Schmidt"}
        assert self.found("Anna Schmidt") == {"Schmidt"}
        # Family name and one person's first name.
        assert self.found("Peter Schmidt") == {"Schmidt"}
        # Anna is no Müller.
        assert self.found("Anna Müller") == set()

    def test_search_and_duplicates_stay_in_the_office(self):
        self.family("Schulze-Öztürk")
        self.family(
            "Schulze-Öztürk", worker=self.worker_bochum, district=self.bochum_mitte, members=[]
        )
        assert self.found("Öztürk", user=self.worker_bochum) == {"Schulze-Öztürk"}
        dortmund = likely_duplicates(
            office_id=self.dortmund.pk,
            name="Öztürk",
            phone="",
            child_birth_dates=[],
            member_names=[],
        )
        assert [f.office_id for f in dortmund] == [self.dortmund.pk]

    def test_deleting_a_family_deletes_its_codes(self):
        family = family_create(
            by=self.worker_hoerde, district=self.hoerde, name="Schulze-Öztürk", members=[]
        )
        assert FamilyNameCode.objects.filter(family=family).count() == 2
        Family.objects.filter(pk=family.pk).delete()
        assert not FamilyNameCode.objects.exists()

    def test_search_query_count_does_not_depend_on_words(self):
        self.family("Schulze-Öztürk")

        def queries(query):
            with CaptureQueriesContext(connection) as captured:
                assert family_search(user=self.worker_hoerde, query=query)
            return len(captured)

        queries("Demir")  # the membership is looked up once per user
        assert queries("Öztürk") == queries("Schulze Öztürk Demir Mila") == 3

    # ı is typed as i on German keyboards: both spellings find the family.

    def test_dotless_i_and_i_find_each_other(self):
        self.family("Yıldız", members=[])
        self.family("Kilic", members=[])
        assert self.found("Yildiz") == {"Yıldız"}
        assert self.found("Yıldız") == {"Yıldız"}
        assert self.found("Kılıç") == {"Kilic"}

    def test_migration_recomputes_the_short_keys(self):
        import importlib

        from django.apps import apps

        family = self.family(
            "Yıldız", members=[PersonData(Person.Role.PARENT, "Aylın", "Yıldız", None)]
        )
        # What the old phonetic_key stored: "Yıldız" cut short to 058.
        FamilyNameCode.objects.filter(family=family).update(code="058")
        Person.objects.filter(family=family).update(first_key="05", last_key="058")
        migration = importlib.import_module("bruecke.people.migrations.0006_turkish_dotless_i_keys")
        migration.recompute(apps, None)
        assert list(
            FamilyNameCode.objects.filter(family=family).values_list("code", flat=True)
        ) == ["0528"]
        person = Person.objects.get(family=family)
        assert (person.first_key, person.last_key) == ("056", "0528")
        assert self.found("Yildiz") == {"Yıldız"}
