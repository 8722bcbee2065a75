"""The daily command: live referrals without an answer in time become "abgelaufen"."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import time_machine
from django.core.management import call_command

from bruecke.cases.tests.helpers import make_case
from bruecke.referrals.actions import referral_create, referral_step
from bruecke.referrals.models import Referral
from bruecke.referrals.tests.worker_fixtures import NOW, give_consent
from bruecke.test import BaseTestCase


def run() -> str:
    out = StringIO()
    call_command("referrals_expire", stdout=out)
    return out.getvalue()


class ReferralsExpireCommandTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        with time_machine.travel(NOW, tick=False):
            targets = cls.world.referral_targets()
            case = make_case(cls.world, worker=cls.worker_hoerde, district=cls.hoerde)
            give_consent(case, targets.eb_org, by=cls.worker_hoerde)
            give_consent(case, targets.free_org, by=cls.worker_hoerde)
            # Sent on Tuesday 24 November 2026; ten working days later is 8 December.
            cls.waiting = referral_create(
                by=cls.worker_hoerde, case=case, service=targets.eb_service, mode="live"
            )
            cls.answered = referral_create(
                by=cls.worker_hoerde, case=case, service=targets.free_service, mode="live"
            )
            referral_step(referral=cls.answered, by=cls.worker_hoerde, to="accepted")
            cls.logged = referral_create(
                by=cls.worker_hoerde, case=case, service=targets.free_service, mode="logged"
            )

    def test_nothing_expires_on_the_last_day_to_answer(self):
        assert self.waiting.answer_by == dt.date(2026, 12, 8)
        with time_machine.travel(dt.datetime(2026, 12, 8, 21, 0, tzinfo=dt.UTC), tick=False):
            assert run() == "0 referral(s) expired.\n"
        self.waiting.refresh_from_db()
        assert self.waiting.status == Referral.Status.SENT

    def test_an_unanswered_referral_expires_the_next_day(self):
        with time_machine.travel(dt.datetime(2026, 12, 9, 6, 0, tzinfo=dt.UTC), tick=False):
            assert run() == "1 referral(s) expired.\n"
            # Running twice a day changes nothing.
            assert run() == "0 referral(s) expired.\n"
        for referral in (self.waiting, self.answered, self.logged):
            referral.refresh_from_db()
        assert self.waiting.status == Referral.Status.EXPIRED
        assert self.answered.status == Referral.Status.ACCEPTED
        assert self.logged.status == Referral.Status.LOGGED
        event = self.waiting.events.order_by("at", "id").last()
        assert (event.from_status, event.to_status, event.by) == ("sent", "expired", None)
