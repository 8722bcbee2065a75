from __future__ import annotations

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
    """The page lists offers in the ranking's order (the ranking itself is faked here)."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        org = Organization.objects.create(office=cls.dortmund, name="Familienzentrum")
        cls.group, cls.counselling, cls.language = (
            Service.objects.create(
                office=cls.dortmund, organization=org, name=name, kind="beratung", topics=topics
            )
            for name, topics in (
                ("Krabbelgruppe", []),
                ("Erziehungsberatung", []),
                ("Sprachförderung", ["inklusion/sprachfoerderung"]),
            )
        )

    def offers(self, ranked, **filters):
        from unittest import mock

        from django.utils import timezone

        from bruecke.directory import selectors

        with mock.patch.object(selectors, "ranked_service_ids", return_value=ranked):
            found = selectors.public_offers(
                selectors.OfferFilters(query="x", **filters),
                language="de",
                now=timezone.now(),
            )
            return [service.pk for service in found]

    def test_offers_come_in_the_order_of_the_ranking(self):
        order = [self.group.pk, self.counselling.pk, self.language.pk]
        assert self.offers(order) == order
        assert self.offers(order[::-1]) == order[::-1]

    def test_filters_keep_the_order_of_the_ranking(self):
        order = [self.group.pk, self.counselling.pk, self.language.pk]
        assert self.offers(order, topic="inklusion") == [self.language.pk]
        Service.objects.filter(pk=self.counselling.pk).update(status=Service.Status.INACTIVE)
        assert self.offers(order) == [self.group.pk, self.language.pk]

    def test_nothing_ranked_finds_nothing(self):
        assert self.offers([]) == []
