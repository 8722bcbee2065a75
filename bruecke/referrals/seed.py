"""Synthetic consents, referrals (Vermittlungen), their steps and the transfer log.

Runs after the cases and directory seeders. For each office with cases:

* ``ctx.scale.referrals`` referrals in all, split over the offices by their
  cases, from a case to an active offer of the office's own directory whose
  Handlungsfeld matches the case;
* about 40 % are live (never for anonymous families). Each live referral has
  its own consent (recipient, purpose "Vermittlung", data categories, a parent
  as the person), a ``Disclosure`` when it was sent and one each time the
  receiving partner looked at it. Logged referrals pass nothing on and have no
  consent, so they have no disclosures;
* every referral's ``ReferralEvent`` chain follows ``actions.TRANSITIONS``:
  the receiving partner's steps are taken by its own account where it has one,
  otherwise by the worker on its behalf; live referrals left unanswered past
  ``answer_by`` are expired, as the daily job would have done;
* some consents are revoked (the referral is then withdrawn, or had been
  closed before) and some have run out.

The demo accounts get a showcase on their open cases: referrals in every
state, among them live referrals to the counselling centre whose staff answer
in Brücke (``eb.nord`` finds sent and opened ones in its inbox), and consents
that are ready to use, revoked or expired, so that a live referral can be
tried out, and refused.

Rows go through ``lib.bulk.Table`` (plain INSERTs; the append-only tables
refuse UPDATE, which bulk writing never needs). As in ``cases.seed`` no audit
events are written for synthetic history. Deterministic for a ``--seed`` on a
given day: dates count back from today.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
import zoneinfo
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from bruecke.cases.models import Case
from bruecke.cases.seed import _load_office, _Weighted
from bruecke.demo.context import SeedContext
from bruecke.directory.models import Organization, Service
from bruecke.lib.bulk import IncreasingIds, Table
from bruecke.lib.workdays import add_working_days
from bruecke.org.models import Membership, Office, Role
from bruecke.people.models import Person
from bruecke.referrals.actions import PARTNER_STEPS
from bruecke.referrals.models import (
    OPEN_STATUSES,
    Consent,
    ConsentForm,
    ConsentRevocation,
    DataCategory,
    Disclosure,
    Purpose,
    Referral,
    ReferralEvent,
)

S = Referral.Status
BATCH = 5_000  # referrals (with consents, events and disclosures) per transaction
LIVE_SHARE = 0.4
# Share of live referrals that go to partners answering in Brücke themselves, so
# that their inboxes are busy at every size (there are only a few such partners).
ACCOUNT_SHARE = 0.03
REVOKED_WHEN_WITHDRAWN = 0.5  # the family revoked, so the worker withdrew
REVOKED_AFTER_CLOSE = 0.03

LIVE_TARGET = _Weighted(
    [
        (S.CLOSED.value, 34),
        (S.IN_CONTACT.value, 12),
        (S.ACCEPTED.value, 6),
        (S.ON_HOLD.value, 4),
        (S.DECLINED.value, 8),
        (S.REDIRECTED.value, 5),
        (S.WITHDRAWN.value, 7),
        (S.EXPIRED.value, 6),
        (S.ERROR.value, 2),
        # Never answered: expired once the answer is overdue.
        (S.SENT.value, 10),
        (S.OPENED.value, 6),
    ]
)
# States in which the partner's help goes on.
LASTING = frozenset({S.ACCEPTED.value, S.IN_CONTACT.value, S.ON_HOLD.value})
LOGGED_TARGET = _Weighted([(S.LOGGED.value, 80), (S.CLOSED.value, 16), (S.ERROR.value, 4)])
OUTCOME = _Weighted(
    [
        (Referral.Outcome.HILFE_ERHALTEN.value, 50),
        (Referral.Outcome.HILFE_LAEUFT.value, 20),
        (Referral.Outcome.NICHT_GEKOMMEN.value, 12),
        (Referral.Outcome.FAMILIE_BEENDET.value, 12),
        (Referral.Outcome.SONSTIGES.value, 6),
    ]
)
# Ways to a closed and to a withdrawn referral (after sent, opened).
_A, _C, _H = S.ACCEPTED.value, S.IN_CONTACT.value, S.ON_HOLD.value
CLOSED_PATHS: tuple[tuple[str, ...], ...] = (
    *([(_A, _C, S.CLOSED.value)] * 3),
    (_A, S.CLOSED.value),
    (_A, _C, _H, _C, S.CLOSED.value),
)
BEFORE_WITHDRAWN: tuple[tuple[str, ...], ...] = ((), (_A,), (_A, _C))
# Days from the previous step to this one.
GAP_DAYS: dict[str, tuple[int, int]] = {
    S.OPENED: (0, 2),
    S.ACCEPTED: (0, 4),
    S.DECLINED: (1, 5),
    S.REDIRECTED: (1, 5),
    S.IN_CONTACT: (2, 14),
    S.ON_HOLD: (7, 40),
    S.CLOSED: (14, 120),
    S.WITHDRAWN: (1, 20),
    S.ERROR: (0, 1),
}

MESSAGES = (
    "Die Familie wünscht sich Unterstützung bei Erziehungsfragen; Rückruf bitte vormittags.",
    "Die Mutter möchte einen Termin; sie spricht wenig Deutsch, ein Dolmetscher wäre gut.",
    "Die Eltern haben Fragen zur Entwicklung ihres Kindes und bitten um ein Gespräch.",
    "Die Familie sucht Anschluss an eine Gruppe für Eltern mit kleinen Kindern.",
    "Bitte melden Sie sich bei der Familie; sie ist am besten nachmittags erreichbar.",
    "Die Familie braucht Hilfe bei Anträgen und möchte einen Beratungstermin.",
    "Der Vater möchte sich über das Angebot informieren und sich dann entscheiden.",
)
DECLINE_REASONS = (
    "Zurzeit keine freien Plätze; bitte in zwei Monaten erneut anfragen.",
    "Die Familie wohnt außerhalb unseres Einzugsgebiets.",
    "Das Angebot passt nicht zum Alter des Kindes.",
    "Für dieses Anliegen sind wir nicht die richtige Stelle.",
)
STEP_NOTES: dict[str, tuple[str, ...]] = {
    S.ACCEPTED: ("Erstgespräch ist vereinbart.", "Wir melden uns bei der Familie.", ""),
    S.IN_CONTACT: ("Erster Termin hat stattgefunden.", ""),
    S.ON_HOLD: ("Die Familie möchte eine Pause machen.", "Familie ist verreist.", ""),
    S.CLOSED: ("Beratung abgeschlossen.", ""),
    S.WITHDRAWN: ("Die Familie möchte das Angebot nicht mehr.", ""),
    S.ERROR: ("Versehentlich angelegt.",),
    S.REDIRECTED: ("An ein passenderes Angebot weitergegeben.",),
}
ON_BEHALF_NOTE = "Telefonisch von der Stelle mitgeteilt."
REVOCATION_NOTES = (
    "Die Familie hat die Einwilligung am Telefon widerrufen.",
    "Die Mutter hat im Gespräch widerrufen.",
    "Schriftlicher Widerruf liegt vor.",
)
EVIDENCE = {
    ConsentForm.SCHRIFTLICH.value: "Unterschriebene Einwilligung liegt in der Akte.",
    ConsentForm.MUENDLICH.value: "Im Beratungsgespräch mündlich erteilt und dokumentiert.",
}

# Showcase for the demo accounts of Kita-Sozialarbeit: (to a partner with an
# account?, mode, state, days ago, consent revoked?).
_Show = tuple[bool, str, str, int, bool]
LIVE = Referral.Mode.LIVE.value
LOGGED = Referral.Mode.LOGGED.value
SHOWCASE_FIRST: tuple[_Show, ...] = (
    (True, LIVE, S.SENT, 1, False),
    (True, LIVE, S.SENT, 3, False),
    (True, LIVE, S.OPENED, 2, False),
    (True, LIVE, S.ACCEPTED, 12, False),
    (True, LIVE, S.IN_CONTACT, 30, False),
    (True, LIVE, S.CLOSED, 70, False),
    (True, LIVE, S.DECLINED, 20, False),
)
SHOWCASE_OTHERS: tuple[_Show, ...] = (
    (True, LIVE, S.SENT, 2, False),
    (True, LIVE, S.OPENED, 4, False),
    (True, LIVE, S.IN_CONTACT, 40, False),
)
SHOWCASE_EVERY: tuple[_Show, ...] = (
    (False, LIVE, S.SENT, 2, False),
    (False, LIVE, S.ACCEPTED, 15, False),
    (False, LIVE, S.IN_CONTACT, 35, False),
    (False, LIVE, S.ON_HOLD, 50, False),
    (False, LIVE, S.REDIRECTED, 25, False),
    (False, LIVE, S.DECLINED, 18, False),
    (False, LIVE, S.WITHDRAWN, 40, True),
    (False, LIVE, S.EXPIRED, 45, False),
    (False, LIVE, S.CLOSED, 90, False),
    (False, LIVE, S.ERROR, 10, False),
    (False, LOGGED, S.LOGGED, 8, False),
    (False, LOGGED, S.LOGGED, 30, False),
    (False, LOGGED, S.CLOSED, 60, False),
    (False, LOGGED, S.ERROR, 5, False),
)


class Clock:
    """Today, now and aware times of day in the office's time zone; never in the future."""

    def __init__(self) -> None:
        self.tz = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        self.now = timezone.now().astimezone(dt.UTC)
        self.today = timezone.localdate(self.now)
        self.latest = self.now - dt.timedelta(minutes=1)
        self._answer: dict[dt.date, dt.date] = {}
        self._due: dict[tuple[dt.date, int], dt.date] = {}

    def at(self, day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
        """A local time of day, in UTC: arithmetic on it then never trips over summer time."""
        local = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=self.tz)
        return min(local.astimezone(dt.UTC), self.latest)

    def work_time(self, rng: random.Random, day: dt.date) -> dt.datetime:
        """A time in office hours on ``day`` (or just now, if that is later than now)."""
        return self.at(day, rng.randint(8, 16), rng.randrange(0, 60, 5))

    def answer_by(self, day: dt.date) -> dt.date:
        found = self._answer.get(day)
        if found is None:
            found = self._answer[day] = add_working_days(day, int(settings.REFERRAL_ANSWER_DAYS))
        return found

    def due_on(self, day: dt.date, days: int) -> dt.date:
        key = (day, days)
        found = self._due.get(key)
        if found is None:
            found = self._due[key] = add_working_days(day, days)
        return found


class CaseRow(NamedTuple):
    id: uuid.UUID
    family_id: uuid.UUID
    district_id: int
    worker: int
    opened: dt.date
    closed: dt.date | None
    topics: list[str]
    zugangsweg: str
    anonymous: bool


def office_cases(office: Office) -> list[CaseRow]:
    """All cases of ``office`` in a stable order (by number)."""
    return [
        CaseRow(*row)
        for row in Case.objects.filter(office=office)
        .order_by("number")
        .values_list(
            "id",
            "family_id",
            "district_id",
            "assigned_to_id",
            "opened_on",
            "closed_on",
            "topics",
            "zugangsweg",
            "family__anonymous",
        )
        .iterator(chunk_size=10_000)
    ]


class Parent(NamedTuple):
    id: uuid.UUID
    first_name: str
    last_name: str


def family_parents(family_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Parent]:
    """The first parent (as seeded: mostly the mother) of each named family."""
    wanted = sorted(set(family_ids))
    found: dict[uuid.UUID, Parent] = {}
    for start in range(0, len(wanted), 2_000):
        rows = (
            Person.objects.filter(
                family_id__in=wanted[start : start + 2_000], role=Person.Role.PARENT
            )
            .exclude(first_name="")
            .order_by("family_id", "pk")
            .values_list("family_id", "pk", "first_name", "last_name")
        )
        for family_id, pk, first, last in rows:
            if family_id not in found:
                found[family_id] = Parent(pk, first, last)
    return found


def partner_users(office: Office) -> dict[int, int]:
    """Partner organisation id -> the user id of its first account."""
    users: dict[int, int] = {}
    for partner_id, user_id in (
        Membership.objects.filter(office=office, role=Role.PARTNER)
        .order_by("user__username")
        .values_list("partner_organisation_id", "user_id")
    ):
        users.setdefault(partner_id, user_id)
    return users


class _Offer(NamedTuple):
    id: uuid.UUID
    organisation: uuid.UUID
    top_topics: frozenset[str]
    kind: str


class _Directory:
    """The active offers of one office a case can be referred to, by Handlungsfeld."""

    def __init__(self, office: Office) -> None:
        self.offers: list[_Offer] = [
            _Offer(pk, org, frozenset(t.split("/", 1)[0] for t in topics), kind)
            for pk, org, topics, kind in Service.objects.filter(
                office=office, status=Service.Status.ACTIVE
            )
            # Kita-Sozialarbeit does not refer families to itself.
            .exclude(name__contains="Kita-Sozialarbeit")
            .order_by("organization__name", "name", "pk")
            .values_list("id", "organization_id", "topics", "kind")
        ]
        users = partner_users(office)
        # Directory organisation -> the partner account answering for it.
        self.account: dict[uuid.UUID, int] = {
            org: users[partner]
            for org, partner in Organization.objects.filter(
                office=office, partner__isnull=False
            ).values_list("pk", "partner_id")
            if partner in users
        }
        self.by_topic: dict[str, list[_Offer]] = defaultdict(list)
        for offer in self.offers:
            for top in offer.top_topics:
                self.by_topic[top].append(offer)
        self.with_account = [o for o in self.offers if o.organisation in self.account]
        self.without_account = [o for o in self.offers if o.organisation not in self.account]
        # The showcase's partner offer: counselling first.
        self.showcase = min(
            self.with_account,
            key=lambda o: (o.kind != Service.Kind.BERATUNG, self.offers.index(o)),
            default=None,
        )

    def pick(
        self, rng: random.Random, topics: Sequence[str], pool: Sequence[_Offer] | None = None
    ) -> _Offer:
        """An offer for one of the case's Handlungsfelder (any offer if none fits)."""
        if pool is None:
            tops = sorted({t.split("/", 1)[0] for t in topics})
            if tops:
                matching = self.by_topic.get(rng.choice(tops))
                if matching:
                    return rng.choice(matching)
            pool = self.offers
        tops_set = {t.split("/", 1)[0] for t in topics}
        fitting = [o for o in pool if o.top_topics & tops_set]
        return rng.choice(fitting or pool)


CONSENT_COLUMNS = (
    "id",
    "office_id",
    "case_id",
    "given_by",
    "recipient_organisation_id",
    "recipient_office_id",
    "purpose",
    "data_categories",
    "form",
    "given_on",
    "valid_from",
    "valid_until",
    "evidence",
    "recorded_by_id",
    "recorded_at",
)
REVOCATION_COLUMNS = ("consent_id", "revoked_on", "note", "recorded_by_id", "recorded_at")
REFERRAL_COLUMNS = (
    "id",
    "office_id",
    "case_id",
    "service_id",
    "organisation_id",
    "mode",
    "status",
    "consent_id",
    "data_categories",
    "message",
    "answer_by",
    "decline_reason",
    "redirected_to_id",
    "outcome",
    "created_by_id",
    "created_at",
    "updated_at",
)
EVENT_COLUMNS = ("referral_id", "from_status", "to_status", "by_id", "on_behalf", "note", "at")
DISCLOSURE_COLUMNS = (
    "office_id",
    "kind",
    "consent_id",
    "recipient_organisation_id",
    "recipient_office_id",
    "purpose",
    "data_categories",
    "user_id",
    "referral_id",
    "request_id",
    "at",
)


class ConsentRows:
    """Consents (with their persons and revocations) waiting to be written."""

    def __init__(self) -> None:
        self.consents: list[tuple[object, ...]] = []
        self.persons: list[tuple[object, ...]] = []
        self.revocations: list[tuple[object, ...]] = []
        self.consent_table = Table(Consent, CONSENT_COLUMNS)
        self.person_table = Table(Consent.persons.through, ("consent_id", "person_id"))
        self.revocation_table = Table(ConsentRevocation, REVOCATION_COLUMNS)
        self.written = 0
        self.revoked = 0

    def flush(self) -> None:
        """Write consents first: referrals, requests and disclosures refer to them."""
        self.consent_table.insert(self.consents)
        self.person_table.insert(self.persons)
        self.revocation_table.insert(self.revocations)
        self.written += len(self.consents)
        self.revoked += len(self.revocations)
        self.consents, self.persons, self.revocations = [], [], []


def given_by(parent: Parent) -> str:
    return f"{parent.first_name} {parent.last_name}".strip()


class _Seeder:
    def __init__(self, ctx: SeedContext) -> None:
        self.ctx = ctx
        self.rng = ctx.rng
        self.clock = Clock()
        self.new_id = IncreasingIds(ctx.rng)
        self.consents = ConsentRows()
        self.referrals: list[tuple[object, ...]] = []
        self.events: list[tuple[object, ...]] = []
        self.disclosures: list[tuple[object, ...]] = []
        self.referral_table = Table(Referral, REFERRAL_COLUMNS)
        self.event_table = Table(ReferralEvent, EVENT_COLUMNS)
        self.disclosure_table = Table(Disclosure, DISCLOSURE_COLUMNS)
        self.counts: dict[str, int] = defaultdict(int)
        # Case -> the organisations its consents name.
        self.recipients: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)

    def flush(self) -> None:
        with transaction.atomic():
            self.consents.flush()
            self.referral_table.insert(self.referrals)
            self.event_table.insert(self.events)
            self.disclosure_table.insert(self.disclosures)
        self.counts["referrals"] += len(self.referrals)
        self.counts["events"] += len(self.events)
        self.counts["disclosures"] += len(self.disclosures)
        self.referrals, self.events, self.disclosures = [], [], []

    # -- one office ----------------------------------------------------------

    def office(self, office: Office, cases: list[CaseRow], wanted: int) -> None:
        rng = self.rng
        today = self.clock.today
        directory = _Directory(office)
        if not directory.offers or not cases:
            return
        plan = _load_office(office)
        demo_workers = (
            sorted((plan.usernames[user], user) for user in plan.demo_workers) if plan else []
        )
        shows = self._showcase_plan(cases, [user for _name, user in demo_workers], directory)
        # Plan the others first, so that parents are read only for the families needed.
        planned: list[tuple[CaseRow, dt.date, bool]] = []
        for _ in range(max(0, wanted - len(shows))):
            case = cases[rng.randrange(len(cases))]
            end = case.closed or today
            created = case.opened + dt.timedelta(days=rng.randint(0, (end - case.opened).days))
            planned.append((case, created, not case.anonymous and rng.random() < LIVE_SHARE))
        demo_ids = {user for _name, user in demo_workers}
        parents = family_parents(
            [case.family_id for case, _created, live in planned if live]
            + [case.family_id for case in cases if case.worker in demo_ids and not case.anonymous]
        )

        for case, offer, mode, target, created, revoke in shows:
            self._referral(
                office,
                directory,
                case,
                offer,
                mode,
                target,
                created,
                parents.get(case.family_id),
                forced=True,
                revoke=revoke,
            )

        for case, created, live in planned:
            parent = parents.get(case.family_id)
            if live and parent is not None:
                pool = (
                    directory.with_account
                    if directory.with_account and rng.random() < ACCOUNT_SHARE
                    else None
                )
                offer = directory.pick(rng, case.topics, pool)
                target = LIVE_TARGET(rng)
                if case.closed is not None and target in LASTING:
                    # The case is closed: so, mostly, is the help it led to.
                    target = S.CLOSED.value
                self._referral(office, directory, case, offer, LIVE, target, created, parent)
            else:
                offer = directory.pick(rng, case.topics)
                self._referral(
                    office, directory, case, offer, LOGGED, LOGGED_TARGET(rng), created, None
                )
            if len(self.referrals) >= BATCH:
                self.flush()
        self._ready_consents(office, directory, cases, demo_workers, parents)
        self.flush()

    def _showcase_plan(
        self, cases: list[CaseRow], workers: list[int], directory: _Directory
    ) -> list[tuple[CaseRow, _Offer, str, str, dt.date, bool]]:
        """Referrals in every state on the open, named cases of the demo accounts."""
        rng = self.rng
        today = self.clock.today
        planned: list[tuple[CaseRow, _Offer, str, str, dt.date, bool]] = []
        for position, worker in enumerate(workers):
            own = sorted(
                (c for c in cases if c.worker == worker and c.closed is None and not c.anonymous),
                key=lambda c: c.opened,
            )
            if not own:
                continue
            shows: list[_Show] = list(SHOWCASE_EVERY)
            if directory.showcase is not None:
                shows = [*(SHOWCASE_OTHERS if position else SHOWCASE_FIRST), *shows]
            for index, (account, mode, target, days, revoke) in enumerate(shows):
                created = today - dt.timedelta(days=days)
                # A case open since then, taking turns over the caseload.
                fitting = [c for c in own if c.opened <= created] or own[:1]
                case = fitting[index % len(fitting)]
                created = max(created, case.opened)
                if account and directory.showcase is not None:
                    offer = directory.showcase
                else:
                    offer = directory.pick(rng, case.topics, directory.without_account)
                planned.append((case, offer, mode, target, created, revoke))
        return planned

    def _ready_consents(
        self,
        office: Office,
        directory: _Directory,
        cases: list[CaseRow],
        demo_workers: list[tuple[str, int]],
        parents: dict[uuid.UUID, Parent],
    ) -> None:
        """Consents without a referral yet on demo caseloads: valid, revoked and expired."""
        rng = self.rng
        clock = self.clock
        today = clock.today
        for _name, worker in demo_workers:
            own = sorted(
                (
                    c
                    for c in cases
                    if c.worker == worker and c.closed is None and c.family_id in parents
                ),
                key=lambda c: c.opened,
            )
            for kind in ("valid", "revoked", "expired"):
                # The newest case gets the consent ready for use, the oldest the others.
                # Best a case without other consents, so that the gate's refusal names
                # this one's gap; never one whose consents cover the same recipient.
                found: tuple[CaseRow, _Offer] | None = None
                for alone in (True, False):
                    for case in reversed(own) if kind == "valid" else own:
                        offer = directory.showcase or directory.pick(
                            rng, case.topics, directory.without_account
                        )
                        named = self.recipients[case.id]
                        fits = not named if alone else offer.organisation not in named
                        if fits:
                            found = case, offer
                            break
                    if found is not None:
                        break
                if found is None:
                    continue
                case, offer = found
                own.remove(case)
                if kind == "expired":
                    given = max(case.opened, today - dt.timedelta(days=200))
                    until = min(given + dt.timedelta(days=90), today - dt.timedelta(days=1))
                    if until < given:
                        continue
                else:
                    given = max(case.opened, today - dt.timedelta(days=rng.randint(3, 20)))
                    until = given + dt.timedelta(days=365)
                recorded_at = clock.work_time(rng, given)
                consent_id = self._consent(
                    office,
                    case,
                    parents[case.family_id],
                    offer.organisation,
                    [DataCategory.KONTAKT, DataCategory.FAMILIE, DataCategory.ANLIEGEN],
                    given,
                    until,
                    recorded_at,
                )
                if kind == "revoked":
                    revoked_at = min(recorded_at + dt.timedelta(days=2, hours=1), clock.latest)
                    self._revoke(consent_id, revoked_at, case.worker)

    # -- rows ------------------------------------------------------------------

    def _consent(
        self,
        office: Office,
        case: CaseRow,
        parent: Parent,
        organisation: uuid.UUID,
        categories: Iterable[str],
        given: dt.date,
        until: dt.date | None,
        recorded_at: dt.datetime,
    ) -> uuid.UUID:
        rng = self.rng
        consent_id = self.new_id()
        form = ConsentForm.SCHRIFTLICH.value if rng.random() < 0.6 else ConsentForm.MUENDLICH.value
        self.consents.consents.append(
            (
                consent_id,
                office.pk,
                case.id,
                given_by(parent),
                organisation,
                None,
                Purpose.VERMITTLUNG.value,
                sorted({str(c) for c in categories}),
                form,
                given,
                given,
                until,
                EVIDENCE[form],
                case.worker,
                recorded_at,
            )
        )
        self.consents.persons.append((consent_id, parent.id))
        self.recipients[case.id].add(organisation)
        return consent_id

    def _revoke(self, consent_id: uuid.UUID, at: dt.datetime, by: int) -> None:
        day = at.astimezone(self.clock.tz).date()
        note = self.rng.choice(REVOCATION_NOTES)
        self.consents.revocations.append((consent_id, day, note, by, at))

    def _steps(
        self, mode: str, target: str, has_account: bool, start: dt.datetime
    ) -> list[tuple[str, dt.datetime]]:
        """The states a referral passes on its way to ``target``, with their times."""
        rng = self.rng
        if mode == LOGGED:
            path = [S.LOGGED.value] + ([target] if target != S.LOGGED else [])
        else:
            head = [S.SENT.value]
            # Partners with accounts open what they answer (a worker never records "opened").
            if target != S.SENT and has_account:
                head.append(S.OPENED.value)
            middle: tuple[str, ...]
            if target in (S.SENT, S.OPENED):
                middle = ()
            elif target in (S.ACCEPTED, S.DECLINED, S.REDIRECTED, S.EXPIRED):
                middle = (target,)
            elif target == S.IN_CONTACT:
                middle = (S.ACCEPTED.value, S.IN_CONTACT.value)
            elif target == S.ON_HOLD:
                middle = (S.ACCEPTED.value, S.IN_CONTACT.value, S.ON_HOLD.value)
            elif target == S.CLOSED:
                middle = rng.choice(CLOSED_PATHS)
            elif target == S.WITHDRAWN:
                middle = (*rng.choice(BEFORE_WITHDRAWN), target)
            else:  # entered in error
                head, middle = [S.SENT.value], (target,)
            path = head + list(middle)
        steps = [(path[0], start)]
        day = start.astimezone(self.clock.tz).date()
        for step in path[1:]:
            if step == S.EXPIRED:
                # The daily job, the night after the answer was due.
                sent_on = start.astimezone(self.clock.tz).date()
                day = self.clock.answer_by(sent_on) + dt.timedelta(days=1)
                steps.append((step, self.clock.at(day, 1, 30)))
                continue
            low, high = GAP_DAYS[step]
            day = day + dt.timedelta(days=rng.randint(low, high))
            when = self.clock.work_time(rng, day)
            steps.append((step, max(when, steps[-1][1] + dt.timedelta(minutes=5))))
        return steps

    def _referral(
        self,
        office: Office,
        directory: _Directory,
        case: CaseRow,
        offer: _Offer,
        mode: str,
        target: str,
        created: dt.date,
        parent: Parent | None,
        *,
        forced: bool = False,
        revoke: bool = False,
    ) -> None:
        rng = self.rng
        clock = self.clock
        target = str(target)
        if mode == LIVE and parent is None:
            mode, target = LOGGED, S.LOGGED.value
        partner_user = directory.account.get(offer.organisation)
        start = clock.work_time(rng, created)
        steps = self._steps(mode, target, partner_user is not None, start)
        answer_by = clock.answer_by(created) if mode == LIVE else None
        if forced and steps[-1][1] >= clock.latest and len(steps) > 1:
            # Squeeze the steps between the start and now, keeping their order.
            span = (steps[-1][1] - start).total_seconds()
            room = max(0.0, (clock.latest - start).total_seconds())
            steps = [
                (step, start + dt.timedelta(seconds=(when - start).total_seconds() * room / span))
                for step, when in steps
            ]
        else:
            steps = [steps[0]] + [s for s in steps[1:] if s[1] < clock.latest]
        final = steps[-1][0]
        if (
            answer_by is not None
            and final in (S.SENT, S.OPENED)
            and answer_by < clock.today
            and not forced
        ):
            steps.append((S.EXPIRED.value, clock.at(answer_by + dt.timedelta(days=1), 1, 30)))
            final = S.EXPIRED.value

        referral_id = self.new_id()
        worker = case.worker
        consent_id: uuid.UUID | None = None
        categories: list[str] = []
        message = rng.choice(MESSAGES) if rng.random() < 0.6 else ""
        # Events and, for live referrals, what the partner saw.
        views: list[dt.datetime] = []
        previous = ""
        for step, when in steps:
            by: int | None = worker
            on_behalf = False
            note = ""
            if step in PARTNER_STEPS and mode == LIVE:
                if partner_user is not None:
                    by = partner_user
                    views.append(when - dt.timedelta(minutes=rng.randint(1, 5)))
                else:
                    on_behalf = True
                    note = ON_BEHALF_NOTE if rng.random() < 0.3 else ""
            elif step == S.EXPIRED:
                by = None
            if step in STEP_NOTES and not note and rng.random() < 0.5:
                note = rng.choice(STEP_NOTES[step])
            self.events.append((referral_id, previous, step, by, on_behalf, note, when))
            previous = step

        if mode == LIVE:
            assert parent is not None
            categories = [DataCategory.KONTAKT.value]
            if rng.random() < 0.7:
                categories.append(DataCategory.FAMILIE.value)
            if rng.random() < 0.8:
                categories.append(DataCategory.ANLIEGEN.value)
            if message:
                categories.append(DataCategory.NACHRICHT.value)
            given = max(case.opened, created - dt.timedelta(days=rng.randint(0, 5)))
            recorded_at = min(clock.work_time(rng, given), start - dt.timedelta(minutes=10))
            last_seen = max([start, *views]).date()
            is_open = final in OPEN_STATUSES
            roll = rng.random()
            until: dt.date | None = None
            if roll < 0.55:
                until = given + dt.timedelta(days=365)
            elif roll < 0.7:
                until = given + dt.timedelta(days=90)
            if until is not None and (until < last_seen or (is_open and until <= clock.today)):
                until = None
            extra = {DataCategory.FAMILIE.value, DataCategory.ANLIEGEN.value}
            consent_id = self._consent(
                office,
                case,
                parent,
                offer.organisation,
                set(categories) | (extra if rng.random() < 0.3 else set()),
                given,
                until,
                recorded_at,
            )
            revoked_at: dt.datetime | None = None
            if final == S.WITHDRAWN and (revoke or rng.random() < REVOKED_WHEN_WITHDRAWN):
                # The family revoked; the worker then withdrew the referral.
                withdrawn = steps[-1][1]
                revoked_at = withdrawn - (withdrawn - steps[-2][1]) / 2
            elif final == S.CLOSED and not forced and rng.random() < REVOKED_AFTER_CLOSE:
                day = steps[-1][1].astimezone(clock.tz).date()
                later = clock.work_time(rng, day + dt.timedelta(days=rng.randint(1, 60)))
                revoked_at = later if later < clock.latest else None
            if revoked_at is not None:
                self._revoke(consent_id, revoked_at, worker)
            categories = sorted(categories)
            self.disclosures.append(
                (
                    office.pk,
                    Disclosure.Kind.LIVE_REFERRAL.value,
                    consent_id,
                    offer.organisation,
                    None,
                    Purpose.VERMITTLUNG.value,
                    categories,
                    worker,
                    referral_id,
                    None,
                    start,
                )
            )
            for seen in views:
                self.disclosures.append(
                    (
                        office.pk,
                        Disclosure.Kind.PARTNER_VIEW.value,
                        consent_id,
                        offer.organisation,
                        None,
                        Purpose.VERMITTLUNG.value,
                        categories,
                        partner_user,
                        referral_id,
                        None,
                        max(seen, start),
                    )
                )

        redirected_to = None
        if final == S.REDIRECTED:
            others = [o for o in directory.by_topic.get(next(iter(offer.top_topics), ""), [])]
            others = [o for o in others if o.id != offer.id] or [
                o for o in directory.offers if o.id != offer.id
            ]
            redirected_to = rng.choice(others).id if others else None
        self.referrals.append(
            (
                referral_id,
                office.pk,
                case.id,
                offer.id,
                offer.organisation,
                mode,
                final,
                consent_id,
                categories,
                message,
                answer_by,
                rng.choice(DECLINE_REASONS) if final == S.DECLINED else "",
                redirected_to,
                OUTCOME(rng) if final == S.CLOSED else "",
                worker,
                start,
                steps[-1][1],
            )
        )
        self.counts[f"{mode}:{final}"] += 1


def seed(ctx: SeedContext) -> None:
    """Consents, referrals in every state, their events and the transfer log."""
    offices = [office for office in Office.objects.order_by("code")]
    loaded = [(office, office_cases(office)) for office in offices]
    loaded = [(office, cases) for office, cases in loaded if cases]
    if not loaded:
        ctx.say("referrals: no cases; nothing seeded")
        return
    seeder = _Seeder(ctx)
    total_cases = sum(len(cases) for _office, cases in loaded)
    # Split by cases: the larger office refers more.
    shares = [round(ctx.scale.referrals * len(cases) / total_cases) for _o, cases in loaded]
    shares[0] += ctx.scale.referrals - sum(shares)
    for (office, cases), wanted in zip(loaded, shares, strict=True):
        seeder.office(office, cases, wanted)
    counts = seeder.counts
    live = sum(n for key, n in counts.items() if key.startswith("live:"))
    ctx.say(
        f"referrals: {counts['referrals']:,} referrals ({live:,} live), "
        f"{seeder.consents.written:,} consents ({seeder.consents.revoked:,} revoked), "
        f"{counts['events']:,} events, {counts['disclosures']:,} disclosures"
    )
