from __future__ import annotations

import importlib

import pytest
from django.db import connection
from django.test import SimpleTestCase
from django.test.utils import CaptureQueriesContext

from bruecke.directory.checks import search_languages
from bruecke.directory.models import Organization, SearchDocument, Service, ServiceTranslation
from bruecke.directory.search import (
    language_key,
    ranked_service_ids,
    search_index_rebuild,
    search_index_services,
)
from bruecke.test import BaseTestCase


class SearchTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        org = Organization.objects.create(office=cls.dortmund, name="Stadtteilzentrum Hörde")

        def offer(name, description, kind="beratung", topics=()):
            return Service.objects.create(
                office=cls.dortmund,
                organization=org,
                name=name,
                description=description,
                kind=kind,
                topics=list(topics),
            )

        cls.counselling = offer(
            "Erziehungsberatungsstelle Nord", "Beratung für Eltern bei Fragen zur Erziehung."
        )
        cls.language = offer(
            "Rucksack-Programm",
            "Sprachförderung für Kinder und ihre Familien in der Kita.",
            kind="kurs",
            topics=["inklusion/sprachfoerderung"],
        )
        cls.group = offer(
            "Krabbelgruppe", "Eltern-Kind-Gruppe für Familien mit Babys.", kind="gruppe"
        )
        ServiceTranslation.objects.create(
            service=cls.language,
            language="ar",
            name="برنامج دعم اللغة",
            description="دعم اللغة للأطفال وعائلاتهم في الروضة",
        )
        ServiceTranslation.objects.create(
            service=cls.group,
            language="tr",
            name="Emekleme grubu",
            description="Bebekli aileler için ebeveyn-çocuk grubu",
        )
        search_index_rebuild()

    def test_german_word_forms_match(self):
        # "Familie" finds "Familien"; "Beratung" finds "Beratung" (and would find "Beratungsstelle").
        assert set(ranked_service_ids("Familie")) == {self.language.pk, self.group.pk}
        assert ranked_service_ids("Beratung") == [self.counselling.pk]
        assert ranked_service_ids("Erziehungsberatung") == [self.counselling.pk]
        assert self.language.pk in ranked_service_ids("Sprachförderung Kinder")

    def test_every_word_must_match(self):
        assert ranked_service_ids("Sprachförderung Babys") == []

    def test_topic_labels_are_searchable(self):
        assert self.language.pk in ranked_service_ids("Inklusion")

    def test_search_in_the_familys_language_and_in_german(self):
        assert ranked_service_ids("اللغة", "ar") == [self.language.pk]
        assert ranked_service_ids("grubu", "tr") == [self.group.pk]
        assert self.group.pk in ranked_service_ids("Krabbelgruppe", "tr")

    def test_index_follows_changes(self):
        self.group.name = "Spielgruppe Sonnenschein"
        self.group.save()
        search_index_services([self.group.pk])
        assert ranked_service_ids("Sonnenschein") == [self.group.pk]
        assert ranked_service_ids("Krabbelgruppe") == []

    def test_query_without_words_finds_nothing(self):
        assert ranked_service_ids("  ,;- ") == []


class ReindexCommandTests(BaseTestCase):
    def test_command_rebuilds_the_index(self):
        from io import StringIO

        from django.core.management import call_command

        org = Organization.objects.create(office=self.dortmund, name="Träger")
        offer = Service.objects.create(
            office=self.dortmund,
            organization=org,
            name="Elterncafé",
            description="Treffpunkt",
            kind="gruppe",
        )
        assert ranked_service_ids("Elterncafé") == []
        out = StringIO()
        call_command("search_reindex", stdout=out)
        assert ranked_service_ids("Elterncafé") == [offer.pk]
        assert "1 offers" in out.getvalue()


class RankedOffersTests(BaseTestCase):
    """The portal's list: the ranking's order, filters, paging over the ranked ids."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        org = Organization.objects.create(office=cls.dortmund, name="Familienzentrum")

        def offer(name, description, topics=(), status=Service.Status.ACTIVE):
            return Service.objects.create(
                office=cls.dortmund,
                organization=org,
                name=name,
                description=description,
                kind="beratung",
                topics=list(topics),
                status=status,
            )

        # "Beratung" three times, twice and once: bm25 ranks them in that order.
        cls.best = offer("Beratung Nord", "Beratung, Beratung und Beratung für Eltern.")
        cls.second = offer("Beratung Mitte", "Beratung für Eltern, offene Beratung.")
        cls.third = offer(
            "Beratung Süd", "Sprechstunde für Eltern.", topics=["inklusion/sprachfoerderung"]
        )
        cls.inactive = offer(
            "Beratung Ost", "Beratung, Beratung, Beratung.", status=Service.Status.INACTIVE
        )
        search_index_rebuild()

    def offers(self, **filters):
        from django.utils import timezone

        from bruecke.directory.selectors import OfferFilters, public_offers

        found = public_offers(
            OfferFilters(query="Beratung", **filters), language="de", now=timezone.now()
        )
        return [service.pk for service in found]

    def test_offers_come_best_first_and_only_active(self):
        assert self.offers() == [self.best.pk, self.second.pk, self.third.pk]

    def test_a_status_keeps_only_its_offers_of_the_best(self):
        everything = ranked_service_ids("Beratung")
        assert everything[0] == self.inactive.pk  # three times in five words
        assert ranked_service_ids("Beratung", status="active") == everything[1:]
        assert ranked_service_ids("Beratung", status="inactive") == [self.inactive.pk]
        # The limit counts the best matches before the status is checked.
        assert ranked_service_ids("Beratung", status="active", limit=1) == []

    def test_a_filter_ranks_within_what_it_leaves(self):
        # Ranked over the whole directory, the third offer falls behind a
        # limit of two; ranked within the topic's offers, it is found.
        assert self.third.pk not in ranked_service_ids("Beratung", limit=2)
        language_support = Service.objects.filter(topics__icontains='"inklusion')
        assert ranked_service_ids("Beratung", within=language_support, limit=2) == [self.third.pk]
        assert self.offers(topic="inklusion") == [self.third.pk]
        assert self.offers(topic="gesundheit") == []

    def test_pages_read_only_their_offers(self):
        from django.core.paginator import Paginator
        from django.utils import timezone

        from bruecke.directory.selectors import OfferFilters, public_offers

        found = public_offers(OfferFilters(query="Beratung"), language="de", now=timezone.now())
        pages = Paginator(found, 2)
        assert pages.count == 3
        with CaptureQueriesContext(connection) as queries:
            second = list(pages.page(2).object_list)
        assert [service.pk for service in second] == [self.third.pk]
        # No count query, and the offers of other pages are not read.
        assert len(queries) == 3  # offers, their texts, their places (none here)
        sql = queries[0]["sql"].replace("-", "")  # uuids: hex on SQLite, dashed on PostgreSQL
        assert self.third.pk.hex in sql
        assert self.best.pk.hex not in sql
        assert self.second.pk.hex not in sql
        assert found[0].pk == self.best.pk


class LanguageRangeTests(BaseTestCase):
    """Each language is searched on its own, in both databases; on SQLite by a rowid range."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        org = Organization.objects.create(office=cls.dortmund, name="Träger")
        cls.group = Service.objects.create(
            office=cls.dortmund,
            organization=org,
            name="Krabbelgruppe",
            description="Für Familien mit Babys.",
            kind="gruppe",
        )
        for language, name in (("tr", "Emekleme grubu"), ("en", "Crawling group")):
            ServiceTranslation.objects.create(
                service=cls.group, language=language, name=name, description=name
            )
        search_index_rebuild()

    def test_a_word_of_one_language_is_not_found_from_another(self):
        assert ranked_service_ids("grubu", "tr") == [self.group.pk]
        # Arabic searches Arabic and German: the Turkish document is left out,
        # and so is the English one, whose code sorts between them.
        assert ranked_service_ids("grubu", "ar") == []
        assert ranked_service_ids("grubu", "en") == []
        assert ranked_service_ids("Crawling", "en") == [self.group.pk]
        assert ranked_service_ids("Crawling", "de") == []
        assert ranked_service_ids("Krabbelgruppe", "en") == [self.group.pk]  # German too

    def test_better_matches_in_another_language_take_no_place_in_the_limit(self):
        german = Service.objects.create(
            office=self.dortmund,
            organization=self.group.organization,
            name="Spielkreis",
            description="Eine Gruppe für Eltern und Kinder am Nachmittag.",
            kind="gruppe",
        )
        # The Turkish text of the other offer matches "Gruppe" three times in
        # four words: it would rank first if the search read every language.
        ServiceTranslation.objects.filter(service=self.group, language="tr").update(
            description="Gruppe Gruppe Gruppe"
        )
        search_index_services([german.pk, self.group.pk])
        assert ranked_service_ids("Gruppe", "tr", limit=1) == [self.group.pk]
        assert ranked_service_ids("Gruppe", "de", limit=1) == [german.pk]

    def test_changed_and_deleted_documents_leave_the_search(self):
        """Both databases: a document's old words, then the document, stop matching."""
        document = SearchDocument.objects.get(service=self.group, language="tr")
        SearchDocument.objects.filter(pk=document.pk).update(stems="emekl kulup")  # "kulübü"
        assert ranked_service_ids("grubu", "tr") == []
        assert ranked_service_ids("kulübü", "tr") == [self.group.pk]
        document.delete()
        assert ranked_service_ids("kulübü", "tr") == []

    def test_a_filter_keeps_to_the_language(self):
        within = Service.objects.filter(pk=self.group.pk)
        assert ranked_service_ids("grubu", "tr", within=within) == [self.group.pk]
        assert ranked_service_ids("grubu", "ar", within=within) == []
        assert ranked_service_ids("grubu", "tr", within=Service.objects.none()) == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index")
class FullTextIndexTests(BaseTestCase):
    """The FTS5 rows follow the documents: inserted, changed and deleted by triggers."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        org = Organization.objects.create(office=cls.dortmund, name="Träger")
        cls.offer = Service.objects.create(
            office=cls.dortmund, organization=org, name="Elterncafé", kind="gruppe"
        )

    def rowids(self, word):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM directory_search_fts WHERE directory_search_fts MATCH %s",
                [f'"{word}"*'],
            )
            return sorted(row[0] for row in cursor.fetchall())

    def check_integrity(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "INSERT INTO directory_search_fts(directory_search_fts) VALUES ('integrity-check')"
            )

    def test_rowids_are_the_languages_key_plus_the_document(self):
        de = SearchDocument.objects.create(service=self.offer, language="de", stems="elterncaf")
        uk = SearchDocument.objects.create(service=self.offer, language="uk", stems="elterncaf")
        assert self.rowids("elterncaf") == sorted(
            [language_key("de") + de.pk, language_key("uk") + uk.pk]
        )
        assert language_key("de") == (ord("d") * 256 + ord("e")) * 2**40

    def test_changed_and_deleted_documents_leave_the_fts_rows(self):
        document = SearchDocument.objects.create(service=self.offer, language="de", stems="alt")
        SearchDocument.objects.filter(pk=document.pk).update(stems="neu")
        assert self.rowids("alt") == []
        assert self.rowids("neu") == [language_key("de") + document.pk]
        self.check_integrity()
        document.delete()
        assert self.rowids("neu") == []
        self.check_integrity()

    def test_migration_moves_the_documents_between_both_index_forms(self):
        migration = importlib.import_module(
            "bruecke.directory.migrations.0004_search_index_by_language"
        )
        document = SearchDocument.objects.create(service=self.offer, language="tr", stems="kafe")
        with connection.cursor() as cursor:
            for statement in migration.SQLITE_REVERSE:
                cursor.execute(statement)
        assert self.rowids("kafe") == [document.pk]  # migration 0003: the document's id
        with connection.cursor() as cursor:
            for statement in migration.SQLITE:
                cursor.execute(statement)
        assert self.rowids("kafe") == [language_key("tr") + document.pk]
        assert ranked_service_ids("kafe", "tr") == [self.offer.pk]
        self.check_integrity()


class SearchLanguagesCheckTests(SimpleTestCase):
    def test_the_configured_languages_pass(self):
        assert search_languages() == []

    def test_codes_that_share_their_range_are_an_error(self):
        with self.settings(LANGUAGES=[("de", "Deutsch"), ("pt", "Português"), ("pt-br", "BR")]):
            assert [error.id for error in search_languages()] == ["directory.E002"]
        with self.settings(LANGUAGES=[("de", "Deutsch"), ("x", "X"), ("ñu", "Ñ")]):
            assert [error.id for error in search_languages()] == [
                "directory.E001",
                "directory.E001",
            ]

    def test_the_check_is_registered(self):
        from django.core import checks

        assert search_languages in checks.registry.registry.get_checks()
