"""The disclosure gate: data leaves only with a covering, valid, unrevoked consent."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from bruecke.cases.actions import case_open
from bruecke.people.actions import family_create
from bruecke.referrals.gate import DisclosureRefused, consent_revoke, disclose
from bruecke.referrals.models import (
    Consent,
    ConsentForm,
    ConsentRevocation,
    DataCategory,
    Disclosure,
    Purpose,
)
from bruecke.test import World

CATEGORIES = st.sets(st.sampled_from(DataCategory.values), min_size=1)


@st.composite
def consents(draw: st.DrawFn) -> dict:
    valid_from = draw(st.integers(-40, 40))
    until = draw(st.one_of(st.none(), st.integers(valid_from, 60)))
    return {
        "right_recipient": draw(st.booleans()),
        "purpose": draw(st.sampled_from(Purpose.values)),
        "categories": draw(CATEGORIES),
        "valid_from": valid_from,
        "valid_until": until,
        "revoked": draw(st.booleans()),
    }


def covers(spec: dict, wanted: set[str]) -> bool:
    return (
        spec["right_recipient"]
        and spec["purpose"] == Purpose.VERMITTLUNG
        and wanted <= spec["categories"]
        and spec["valid_from"] <= 0
        and (spec["valid_until"] is None or spec["valid_until"] >= 0)
        and not spec["revoked"]
    )


class DisclosurePropertyTests(HypothesisTestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        cls.world = World.build()
        cls.targets = cls.world.referral_targets()
        family = family_create(
            by=cls.world.worker_hoerde,
            district=cls.world.hoerde,
            members=[],
            name="Yilmaz",
            phone="0231 123456",
        )
        cls.case = case_open(
            by=cls.world.worker_hoerde,
            family=family,
            district=cls.world.hoerde,
            assigned_to=cls.world.worker_hoerde,
            zugangsweg="selbst",
            topics=["kindliche-entwicklung"],
            opened_on=timezone.localdate(),
        )

    def _consent(self, spec: dict) -> Consent:
        today = timezone.localdate()
        recipient = self.targets.eb_org if spec["right_recipient"] else self.targets.free_org
        consent = Consent.objects.create(
            office=self.world.dortmund,
            case=self.case,
            given_by="Mutter",
            recipient_organisation=recipient,
            purpose=spec["purpose"],
            data_categories=sorted(spec["categories"]),
            form=ConsentForm.SCHRIFTLICH,
            given_on=today + dt.timedelta(days=min(spec["valid_from"], 0)),
            valid_from=today + dt.timedelta(days=spec["valid_from"]),
            valid_until=(
                None
                if spec["valid_until"] is None
                else today + dt.timedelta(days=spec["valid_until"])
            ),
            recorded_by=self.world.worker_hoerde,
        )
        if spec["revoked"]:
            consent_revoke(consent=consent, by=self.world.worker_hoerde, revoked_on=today)
        return consent

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(specs=st.lists(consents(), max_size=3), wanted=CATEGORIES)
    def test_disclosure_succeeds_exactly_when_a_covering_valid_unrevoked_consent_exists(
        self, specs: list[dict], wanted: set[str]
    ) -> None:
        made = [self._consent(spec) for spec in specs]
        expected = any(covers(spec, wanted) for spec in specs)
        before = Disclosure.objects.count()
        try:
            result = disclose(
                user=self.world.worker_hoerde,
                office=self.world.dortmund,
                kind=Disclosure.Kind.LIVE_REFERRAL,
                consents=Consent.objects.filter(pk__in=[c.pk for c in made]),
                recipient_organisation=self.targets.eb_org,
                purpose=Purpose.VERMITTLUNG,
                categories=wanted,
                produce=lambda log: log.consent_id,
            )
        except DisclosureRefused as refused:
            assert not expected, "a covering consent existed, yet the gate refused"
            assert refused.missing, "a refusal says what is missing"
            assert Disclosure.objects.count() == before
        else:
            assert expected, "the gate let data out without a covering consent"
            used = next(c for c in made if c.pk == result)
            assert covers(specs[made.index(used)], wanted)
            log = Disclosure.objects.get(consent_id=result, pk__gt=0, at__gte=used.recorded_at)
            assert log.data_categories == sorted(wanted)
            assert log.recipient_organisation_id == self.targets.eb_org.pk
            assert log.user_id == self.world.worker_hoerde.pk

    def test_another_office_consent_never_counts(self) -> None:
        consent = self._consent(
            {
                "right_recipient": True,
                "purpose": Purpose.VERMITTLUNG,
                "categories": {DataCategory.KONTAKT},
                "valid_from": 0,
                "valid_until": None,
                "revoked": False,
            }
        )
        with pytest.raises(DisclosureRefused):
            disclose(
                user=self.world.worker_bochum,
                office=self.world.bochum,
                kind=Disclosure.Kind.LIVE_REFERRAL,
                consents=Consent.objects.filter(pk=consent.pk),
                recipient_organisation=self.targets.eb_org,
                purpose=Purpose.VERMITTLUNG,
                categories=[DataCategory.KONTAKT],
                produce=lambda log: None,
            )

    def test_refusal_names_what_is_missing(self) -> None:
        consent = self._consent(
            {
                "right_recipient": True,
                "purpose": Purpose.VERMITTLUNG,
                "categories": {DataCategory.KONTAKT},
                "valid_from": 0,
                "valid_until": None,
                "revoked": False,
            }
        )
        with pytest.raises(DisclosureRefused) as refused:
            disclose(
                user=self.world.worker_hoerde,
                office=self.world.dortmund,
                kind=Disclosure.Kind.LIVE_REFERRAL,
                consents=Consent.objects.filter(pk=consent.pk),
                recipient_organisation=self.targets.eb_org,
                purpose=Purpose.VERMITTLUNG,
                categories=[DataCategory.KONTAKT, DataCategory.ANLIEGEN],
                produce=lambda log: None,
            )
        assert refused.value.missing == [
            "Diese Daten sind nicht abgedeckt: Anliegen und Handlungsfelder."
        ]

    def test_consent_rows_cannot_be_changed(self) -> None:
        consent = self._consent(
            {
                "right_recipient": True,
                "purpose": Purpose.VERMITTLUNG,
                "categories": {DataCategory.KONTAKT},
                "valid_from": 0,
                "valid_until": None,
                "revoked": False,
            }
        )
        with pytest.raises(PermissionError):
            consent.save()
        with pytest.raises(PermissionError):
            Consent.objects.filter(pk=consent.pk).update(given_by="x")
        # Also a path that bypasses the model meets the database trigger.
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("UPDATE referrals_consent SET given_by = 'x'")


@pytest.mark.django_db(transaction=True)
class TestRevocationAgainstDisclosure:
    """Revocation and disclosure run in two threads, each with its own connection."""

    def _setup(self) -> tuple[World, Consent]:
        world = World.build()
        targets = world.referral_targets()
        family = family_create(
            by=world.worker_hoerde,
            district=world.hoerde,
            members=[],
            name="Kaya",
            phone="0231 555",
        )
        case = case_open(
            by=world.worker_hoerde,
            family=family,
            district=world.hoerde,
            assigned_to=world.worker_hoerde,
            zugangsweg="selbst",
            topics=[],
            opened_on=timezone.localdate(),
        )
        consent = Consent.objects.create(
            office=world.dortmund,
            case=case,
            given_by="Vater",
            recipient_organisation=targets.eb_org,
            purpose=Purpose.VERMITTLUNG,
            data_categories=[DataCategory.KONTAKT],
            form=ConsentForm.MUENDLICH,
            given_on=timezone.localdate(),
            valid_from=timezone.localdate(),
            recorded_by=world.worker_hoerde,
        )
        self.org = targets.eb_org
        return world, consent

    def _disclose(self, world: World, consent: Consent, hold: threading.Event | None = None):
        def produce(log: Disclosure) -> str:
            if hold is not None:
                self.inside.set()
                assert hold.wait(10)
            return "data"

        return disclose(
            user=world.worker_hoerde,
            office=world.dortmund,
            kind=Disclosure.Kind.LIVE_REFERRAL,
            consents=Consent.objects.filter(pk=consent.pk),
            recipient_organisation=self.org,
            purpose=Purpose.VERMITTLUNG,
            categories=[DataCategory.KONTAKT],
            produce=produce,
        )

    def _thread(self, target, results: dict, key: str) -> threading.Thread:
        def run() -> None:
            try:
                results[key] = target()
            except Exception as error:  # reported to the test, which asserts on it
                results[key] = error
            finally:
                connection.close()

        return threading.Thread(target=run)

    def test_a_revocation_waits_for_a_running_disclosure_and_then_blocks_the_next(self) -> None:
        world, consent = self._setup()
        self.inside = threading.Event()
        release = threading.Event()
        results: dict = {}
        disclosing = self._thread(lambda: self._disclose(world, consent, release), results, "d")
        revoking = self._thread(
            lambda: consent_revoke(
                consent=consent, by=world.worker_hoerde, revoked_on=timezone.localdate()
            ),
            results,
            "r",
        )
        disclosing.start()
        assert self.inside.wait(10)
        revoking.start()
        revoking.join(0.7)
        # The running disclosure holds the consent: the revocation must wait for it.
        assert revoking.is_alive()
        assert "r" not in results
        release.set()
        disclosing.join(10)
        revoking.join(10)
        assert results["d"] == "data"
        assert isinstance(results["r"], ConsentRevocation)
        log = Disclosure.objects.get(consent=consent)
        assert log.at <= results["r"].recorded_at
        # From now on, nothing goes out.
        with pytest.raises(DisclosureRefused) as refused:
            self._disclose(world, consent)
        assert refused.value.missing == ["Die Einwilligung wurde widerrufen."]
        assert Disclosure.objects.filter(consent=consent).count() == 1

    def test_racing_revocations_and_disclosures_never_disclose_after_a_revocation(self) -> None:
        world, consent = self._setup()
        results: dict = {}
        start = threading.Barrier(4)

        def disclose_later(key: str):
            def go():
                start.wait(5)
                return self._disclose(world, consent)

            return self._thread(go, results, key)

        def revoke_later():
            start.wait(5)
            return consent_revoke(
                consent=consent, by=world.worker_hoerde, revoked_on=timezone.localdate()
            )

        threads = [disclose_later("d1"), disclose_later("d2"), disclose_later("d3")]
        threads.append(self._thread(revoke_later, results, "r"))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        revocation = results["r"]
        assert isinstance(revocation, ConsentRevocation)
        for key in ("d1", "d2", "d3"):
            assert results[key] == "data" or isinstance(results[key], DisclosureRefused), results[
                key
            ]
        logs = list(Disclosure.objects.filter(consent=consent))
        assert len(logs) == sum(1 for k in ("d1", "d2", "d3") if results[k] == "data")
        # Every disclosure that went out happened before the revocation was recorded.
        assert all(log.at <= revocation.recorded_at for log in logs)
