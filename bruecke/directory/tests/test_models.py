from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from bruecke.directory.models import (
    Location,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTranslation,
)
from bruecke.test import BaseTestCase


class DirectoryModelTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.org = Organization.objects.create(
            office=cls.dortmund, name="Familienbüro Hörde", kind="familienbuero"
        )
        cls.service = Service.objects.create(
            office=cls.dortmund,
            organization=cls.org,
            name="Offene Sprechstunde",
            description="Beratung",
            kind="sprechstunde",
            minimum_age=0,
            maximum_age=6,
        )

    def test_age_range_must_be_ordered(self):
        self.service.minimum_age, self.service.maximum_age = 6, 3
        with pytest.raises(IntegrityError), transaction.atomic():
            self.service.save()

    def test_translations_are_for_other_languages_than_german(self):
        ServiceTranslation.objects.create(
            service=self.service, language="tr", name="Danışma", description="…"
        )
        with pytest.raises(IntegrityError), transaction.atomic():
            ServiceTranslation.objects.create(
                service=self.service, language="de", name="x", description="x"
            )

    def test_schedule_closes_after_it_opens_and_names_its_days(self):
        location = Location.objects.create(
            organization=self.org,
            address_1="Jägerstraße 5",
            postal_code="44145",
            city="Dortmund",
            district=self.hoerde,
        )
        sal = ServiceAtLocation.objects.create(service=self.service, location=location)
        Schedule.objects.create(
            service_at_location=sal,
            byday="MO,TH",
            opens_at=dt.time(8, 30),
            closes_at=dt.time(10, 30),
        )
        with pytest.raises(IntegrityError), transaction.atomic():
            Schedule.objects.create(
                service_at_location=sal, byday="MO", opens_at=dt.time(11), closes_at=dt.time(10)
            )
        with pytest.raises(IntegrityError), transaction.atomic():
            Schedule.objects.create(
                service_at_location=sal, opens_at=dt.time(8), closes_at=dt.time(10)
            )
