from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bruecke.directory.models import Organization, Service, ServiceTranslation
from bruecke.directory.search import ranked_service_ids, search_index_rebuild, search_index_services
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
