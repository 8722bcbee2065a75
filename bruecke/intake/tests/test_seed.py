from __future__ import annotations

import datetime as dt
from collections import Counter
from io import StringIO

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone

from bruecke.demo.scales import SCALES
from bruecke.intake.models import ContactAttempt, Request
from bruecke.intake.selectors import overdue_condition
from bruecke.lib.workdays import add_working_days
from bruecke.referrals.gate import consent_gaps
from bruecke.referrals.models import (
    Consent,
    ConsentRevocation,
    DataCategory,
    Disclosure,
    Purpose,
)

St = Request.Status


class DemoIntakeTests(TestCase):
    @classmethod
    def setUpTestData(cls) -> None:
        call_command("seed", "--scale", "demo", stdout=StringIO())

    def test_it_creates_requests_in_every_state_from_every_source(self):
        assert Request.objects.count() == SCALES["demo"].requests
        assert set(Request.objects.values_list("status", flat=True)) == set(St.values)
        assert set(Request.objects.values_list("source", flat=True)) == set(Request.Source.values)
        pairs = Counter(Request.objects.values_list("source", "status"))
        for status in St.values:
            assert pairs[Request.Source.PARTNER, status], status
        # Some wait too long, some are due today.
        today = timezone.localdate()
        queue = Request.objects.filter(status__in=[St.NEW, St.ASSIGNED])
        assert queue.filter(overdue_condition(today), status=St.NEW).exists()
        assert queue.filter(overdue_condition(today), status=St.ASSIGNED).exists()
        assert queue.filter(due_on=today).exists()
        assert queue.filter(due_on__gt=today).exists()

    def test_demo_workers_find_requests_in_their_district_queue(self):
        today = timezone.localdate()
        for username, district in (
            ("sozialarbeit.hoerde", "Hörde"),
            ("sozialarbeit.eving", "Eving"),
            ("sozialarbeit.bochum", "Mitte"),
        ):
            queue = Request.objects.filter(
                district__name=district, status__in=[St.NEW, St.ASSIGNED]
            )
            assert queue.filter(status=St.NEW).count() >= 3, username
            assert queue.filter(overdue_condition(today)).exists(), username
            assert queue.filter(due_on=today).exists(), username
            mine = queue.filter(assigned_to__username=username)
            assert mine.filter(attempts__reached=False).exists(), username

    def test_partner_requests_carry_the_familys_consent(self):
        partner = Request.objects.filter(source=Request.Source.PARTNER).select_related(
            "consent", "feedback_consent", "partner_organisation"
        )
        assert partner.filter(feedback_consent__isnull=False).exists()
        assert partner.filter(feedback_consent__isnull=True).exists()
        for request in partner:
            consent = request.consent
            assert consent is not None
            created = timezone.localtime(request.created_at).date()
            assert consent.recipient_office_id == request.office_id
            assert consent.purpose == Purpose.ANMELDUNG
            assert consent.given_on <= created
            assert consent.case_id is None
            if request.referred_by is not None:
                assert request.referred_by.membership.partner_organisation_id == (
                    request.partner_organisation_id
                )
                assert consent.recorded_by_id == request.referred_by_id
            feedback = request.feedback_consent
            if feedback is not None:
                assert feedback.purpose == Purpose.RUECKMELDUNG
                assert feedback.data_categories == [DataCategory.NACHRICHT, DataCategory.STAND]
                assert feedback.recipient_organisation is not None
                assert feedback.recipient_organisation.partner_id == (
                    request.partner_organisation_id
                )
        assert (
            not Request.objects.exclude(source=Request.Source.PARTNER)
            .filter(consent__isnull=False)
            .exists()
        )

    def test_feedback_goes_out_only_with_a_covering_consent(self):
        revoked = set(ConsentRevocation.objects.values_list("consent_id", flat=True))
        assert revoked & set(Request.objects.values_list("feedback_consent_id", flat=True)), (
            "some families took back their consent to feedback"
        )
        with_feedback = Request.objects.exclude(feedback="").select_related("feedback_consent")
        assert with_feedback.exists()
        for request in with_feedback:
            assert request.status == St.CASE
            assert request.feedback_consent is not None
            assert request.feedback_consent_id not in revoked
            disclosure = Disclosure.objects.get(request_id=request.pk)
            assert disclosure.kind == Disclosure.Kind.FEEDBACK
            assert disclosure.at == request.feedback_at
            assert disclosure.consent_id == request.feedback_consent_id
            assert (
                consent_gaps(
                    request.feedback_consent,
                    recipient_organisation=disclosure.recipient_organisation,
                    recipient_office=None,
                    purpose=Purpose.RUECKMELDUNG,
                    categories=disclosure.data_categories,
                    day=timezone.localtime(disclosure.at).date(),
                    revoked=False,
                )
                == []
            )
        assert Disclosure.objects.filter(kind=Disclosure.Kind.FEEDBACK).count() == (
            with_feedback.count()
        )

    def test_partner_accounts_find_their_referrals_in_every_state(self):
        for username in ("kita.hoerde", "eb.nord"):
            own = Request.objects.filter(referred_by__username=username)
            assert {St.NEW, St.ASSIGNED, St.CASE, St.CLOSED} <= set(
                own.values_list("status", flat=True)
            ), username
            assert own.filter(status=St.CASE).exclude(feedback="").exists(), username

    def test_times_and_attempts_fit_together(self):
        now = timezone.now()
        today = timezone.localdate()
        oldest = today - dt.timedelta(days=settings.INTAKE_RETENTION_DAYS)
        attempts: dict[object, list[ContactAttempt]] = {}
        for attempt in ContactAttempt.objects.order_by("at", "id"):
            attempts.setdefault(attempt.request_id, []).append(attempt)
        for request in Request.objects.select_related("case", "office"):
            created = timezone.localtime(request.created_at).date()
            assert request.created_at <= now
            if request.due_on != today:
                assert request.due_on == add_working_days(created, request.office.response_days)
            own = attempts.get(request.pk, [])
            assert all(a.by_id == request.assigned_to_id for a in own)
            if own:
                assert request.first_contact_at == own[0].at
                assert request.assigned_at is not None and request.assigned_at <= own[0].at
            else:
                assert request.first_contact_at is None
            reached = [a.at for a in own if a.reached]
            assert request.reached_at == (reached[0] if reached else None)
            assert (request.assigned_to_id is None) == (request.assigned_at is None)
            if request.status == St.NEW:
                assert request.assigned_to_id is None and not own
            if request.status in (St.CASE, St.ANONYMOUS, St.CLOSED):
                assert request.closed_at is not None and request.closed_at <= now
                assert all(a.at <= request.closed_at for a in own)
            else:
                assert request.closed_at is None
            if request.status == St.CASE:
                assert request.case is not None
                assert request.case.opened_on >= created
                assert request.assigned_to_id == request.case.assigned_to_id
                assert request.district_id == request.case.district_id
            else:
                # Not older than the retention period, or the daily purge would take it.
                assert created > oldest
                assert request.case_id is None
            assert bool(request.close_reason) == (request.status == St.CLOSED)

    def test_consents_of_requests_are_not_used_for_referrals(self):
        # Anmeldung and Rückmeldung consents never cover a Vermittlung.
        assert not Consent.objects.filter(
            purpose__in=[Purpose.ANMELDUNG, Purpose.RUECKMELDUNG], referrals__isnull=False
        ).exists()

    def test_a_request_counted_as_anonymous_has_its_consultation(self):
        from bruecke.cases.models import AnonymousConsultation

        anonymous = Request.objects.filter(status=St.ANONYMOUS)
        assert anonymous.exists()
        consultations: Counter[tuple[object, ...]] = Counter(
            AnonymousConsultation.objects.values_list("district_id", "date", "created_by_id")
        )
        for request in anonymous:
            day = timezone.localtime(request.closed_at).date()
            key = (request.district_id, day, request.assigned_to_id)
            assert consultations[key] > 0, request.reference
            consultations[key] -= 1

    def test_the_consultations_of_anonymous_requests_are_counted(self):
        from bruecke.cases.tests.test_aggregates import live_counts, stored_counts

        # The counts the cases app keeps (contacts, consultations, cases, ...)
        # equal a live GROUP BY over everything seeded, these consultations too.
        live = live_counts()
        metrics = {key[3] for key in live}
        stored = +Counter({key: n for key, n in stored_counts().items() if key[3] in metrics})
        assert stored == live
