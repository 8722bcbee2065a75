"""Synthetic requests for contact (Anfragen), partner referrals and contact attempts.

Runs after the referrals seeder. ``ctx.scale.requests`` requests in all (about
one per ten cases), split over the offices by their cases:

* most led to a case: their source matches the case's access route (selbst
  gemeldet: the portal or a Familienbüro's tablet; über Kita, Familienbüro,
  Beratungsstelle, Babylotsen ...: a partner of that kind, of the case's
  district where there is one). They came in a few days before the case was
  opened, were assigned to the case's worker and reached;
* the others came in during the last ``INTAKE_RETENTION_DAYS`` (older ones
  would have been purged): new, assigned (some with failed contact attempts),
  counted as an anonymous consultation (which is written and counted too, as
  ``request_anonymous`` does) or closed with a reason. Some are overdue, as a
  real queue has them.

Partner referrals carry the family's consent to pass its data to the office
(purpose "anmeldung", recipient the office) and, for about 60 %, a consent to
feedback to the partner ("rueckmeldung", data "Stand" and "Nachricht"); a request
that became a case then has the feedback and its ``Disclosure``. Some feedback
consents are revoked, and then no feedback went out. Where a partner has no
account, a worker recorded the referral (``referred_by`` stays empty).

The demo accounts find a few requests in their home district's queue (new,
due today, overdue, assigned to them with failed attempts, from a partner),
and the partner accounts (``kita.hoerde``, ``eb.nord``) find their own
referrals in every state, one of them with feedback.

Written through ``lib.bulk.Table``; no audit events (see ``cases.seed``).
Deterministic for a ``--seed`` on a given day.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from bruecke.cases import aggregates
from bruecke.cases.choices import Zugangsweg
from bruecke.cases.models import AnonymousConsultation
from bruecke.cases.seed import (
    CONSULTATION_COLUMNS,
    DURATIONS,
    EMAIL_DOMAINS,
    MOBILE_PREFIXES,
    OTHER_ORIGINS,
    _load_office,
    _Office,
    _topics,
    _Weighted,
)
from bruecke.demo.context import SeedContext
from bruecke.directory.models import Organization, Service
from bruecke.intake.actions import REFERENCE_ALPHABET
from bruecke.intake.models import ContactAttempt, Request
from bruecke.lib.bulk import IncreasingIds, Table
from bruecke.lib.workdays import is_working_day, working_days_between
from bruecke.org.models import Office, PartnerOrganisation
from bruecke.people.models import Family
from bruecke.referrals.models import (
    ConsentForm,
    DataCategory,
    Disclosure,
    Purpose,
)
from bruecke.referrals.seed import (
    CaseRow,
    Clock,
    ConsentRows,
    Parent,
    family_parents,
    office_cases,
    partner_users,
)

St = Request.Status
BATCH = 5_000
RECENT_SHARE = 0.03  # of requests: those of the last weeks that did not (yet) become a case
RECENT_MIN = 20  # per office, so that every queue has something in it
FEEDBACK_SHARE = 0.6
# What a consent to feedback covers, as the partner form records it: the state and a short text.
FEEDBACK_CATEGORIES = [DataCategory.NACHRICHT.value, DataCategory.STAND.value]
FEEDBACK_REVOKED = 0.1

SOURCE = _Weighted(
    [(Request.Source.PORTAL.value, 55), (Request.Source.TABLET.value, 15), ("partner", 30)]
)
PREFERRED_TIME = _Weighted(
    [
        (Request.PreferredTime.ANY.value, 50),
        (Request.PreferredTime.MORNING.value, 25),
        (Request.PreferredTime.AFTERNOON.value, 25),
    ]
)
CLOSE_REASON = _Weighted(
    [
        (Request.CloseReason.NOT_REACHED.value, 35),
        (Request.CloseReason.NO_NEED.value, 20),
        (Request.CloseReason.ELSEWHERE.value, 20),
        (Request.CloseReason.DUPLICATE.value, 10),
        (Request.CloseReason.SPAM.value, 5),
        (Request.CloseReason.OTHER.value, 10),
    ]
)
CLOSE_NOTES: dict[str, tuple[str, ...]] = {
    Request.CloseReason.NOT_REACHED: ("Dreimal versucht, keine Antwort.", ""),
    Request.CloseReason.NO_NEED: (
        "Anliegen hat sich erledigt.",
        "Familie hat schon Hilfe gefunden.",
    ),
    Request.CloseReason.ELSEWHERE: (
        "An die Schuldnerberatung verwiesen.",
        "Familie wohnt in einer anderen Stadt.",
        "Schulkind: an die Schulsozialarbeit verwiesen.",
    ),
    Request.CloseReason.DUPLICATE: ("Gleiche Anfrage am Vortag.",),
    Request.CloseReason.SPAM: ("",),
    Request.CloseReason.OTHER: ("",),
}
FAILED_NOTES = ("Mailbox, Rückruf erbeten.", "Niemand erreicht.", "Besetzt.", "")
REACHED_NOTES = ("Termin vereinbart.", "Anliegen am Telefon besprochen.", "Rückruf erfolgt.", "")
FEEDBACK_TEXTS = (
    "Wir sind mit der Familie in Kontakt. Vielen Dank für die Vermittlung!",
    "Die Familie wird von uns begleitet.",
    "Ein erstes Gespräch hat stattgefunden.",
)
PARTNER_EVIDENCE = {
    ConsentForm.SCHRIFTLICH.value: "Unterschriebene Einwilligung liegt in der Einrichtung vor.",
    ConsentForm.MUENDLICH.value: "Im Elterngespräch mündlich erteilt und dokumentiert.",
}
MESSAGES: dict[str, tuple[str, ...]] = {
    "kinderbetreuung": (
        "Wir suchen einen Kita-Platz und wissen nicht, wie die Anmeldung geht.",
        "Ab dem Sommer brauchen wir Betreuung für unser Kind.",
    ),
    "soziale-kontakte": (
        "Wir sind neu im Stadtteil und kennen noch niemanden.",
        "Gibt es eine Gruppe für Mütter mit Babys?",
    ),
    "inklusion": (
        "Unser Sohn spricht noch wenig Deutsch. Gibt es Sprachförderung?",
        "Wir sind neu in Deutschland und brauchen Hilfe.",
    ),
    "gesundheit": (
        "Wir haben noch keinen Kinderarzt gefunden.",
        "Ich fühle mich seit der Geburt oft erschöpft.",
    ),
    "wirtschaftliche-lage": (
        "Wir haben Fragen zu Anträgen und kommen mit dem Geld nicht aus.",
        "Wir haben einen Brief vom Jobcenter bekommen und verstehen ihn nicht.",
    ),
    "kindliche-entwicklung": (
        "Unsere Tochter ist oft sehr wütend. Wir brauchen Rat.",
        "Unser Kind schläft schlecht. Was können wir tun?",
    ),
}
PARTNER_MESSAGES = (
    "Die Mutter hat im Elterngespräch um Kontakt gebeten.",
    "Die Familie wünscht sich Unterstützung; bitte rufen Sie vormittags an.",
    "Die Eltern sind einverstanden, dass Sie sich melden.",
    "",
)
# Origin languages of the case seeder -> language codes of the portal.
LANGUAGE_CODES = {
    "Türkisch": "tr",
    "Arabisch": "ar",
    "Polnisch": "pl",
    "Ukrainisch": "uk",
    "Rumänisch": "ro",
    "Bulgarisch": "bg",
}
ORIGIN_LANGUAGE = [LANGUAGE_CODES.get(o.interpreter, "de") for o in OTHER_ORIGINS]
# Language code -> the language of interpretation as workers type it ("Türkisch").
INTERPRETER_BY_CODE = {
    code: o.interpreter
    for code, o in zip(ORIGIN_LANGUAGE, OTHER_ORIGINS, strict=True)
    if o.interpreter
}
# Access routes of cases -> the kind of partner that referred the family.
PARTNER_KINDS: dict[str, str] = {
    Zugangsweg.KITA: PartnerOrganisation.Kind.KITA,
    Zugangsweg.KINDERTAGESPFLEGE: PartnerOrganisation.Kind.KINDERTAGESPFLEGE,
    Zugangsweg.FAMILIENBUERO: PartnerOrganisation.Kind.FAMILIENBUERO,
    Zugangsweg.BERATUNGSSTELLE: PartnerOrganisation.Kind.BERATUNGSSTELLE,
    Zugangsweg.BABYLOTSEN: PartnerOrganisation.Kind.BABYLOTSEN,
    Zugangsweg.ASD: PartnerOrganisation.Kind.JUGENDHILFEDIENST,
    Zugangsweg.SCHULE: PartnerOrganisation.Kind.SCHULE,
}

REQUEST_COLUMNS = (
    "id",
    "office_id",
    "reference",
    "source",
    "district_id",
    "first_name",
    "phone",
    "email",
    "language",
    "preferred_time",
    "topics",
    "message",
    "children",
    "service_id",
    "created_at",
    "due_on",
    "status",
    "assigned_to_id",
    "assigned_at",
    "first_contact_at",
    "reached_at",
    "case_id",
    "close_reason",
    "close_note",
    "closed_at",
    "partner_organisation_id",
    "referred_by_id",
    "consent_id",
    "feedback_consent_id",
    "feedback",
    "feedback_at",
)
ATTEMPT_COLUMNS = ("request_id", "by_id", "at", "channel", "reached", "note")
DISCLOSURE_COLUMNS = (
    "office_id",
    "kind",
    "consent_id",
    "recipient_organisation_id",
    "purpose",
    "data_categories",
    "user_id",
    "request_id",
    "at",
)


@dataclass(frozen=True)
class _Partner:
    id: int
    kind: str
    district: int | None  # index into the office plan's districts
    user: int | None  # its first account
    organisation: uuid.UUID | None  # its directory organisation (feedback goes there)


@dataclass(frozen=True)
class _Who:
    first_name: str
    last_name: str
    phone: str
    email: str
    language: str


@dataclass
class _Spec:
    """One request to write."""

    district: int
    source: str
    status: str
    created: dt.datetime
    who: _Who
    topics: list[str]
    worker: int | None = None
    partner: _Partner | None = None
    case: CaseRow | None = None
    # When it left the queue (case, anonymous, closed).
    left: dt.datetime | None = None
    close_reason: str = ""
    failed: int = 0  # contact attempts without reaching the family
    reached: bool = False
    feedback: bool | None = None  # None: by chance
    due_on: dt.date | None = None  # None: from the office's response days


class _OfficeSeeder:
    def __init__(self, ctx: SeedContext, clock: Clock, consents: ConsentRows, office: Office):
        self.ctx = ctx
        self.rng = ctx.rng
        self.clock = clock
        self.consents = consents
        self.office = office
        self.requests: list[tuple[object, ...]] = []
        self.attempts: list[tuple[object, ...]] = []
        self.disclosures: list[tuple[object, ...]] = []
        self.request_table = Table(Request, REQUEST_COLUMNS)
        self.attempt_table = Table(ContactAttempt, ATTEMPT_COLUMNS)
        self.disclosure_table = Table(Disclosure, DISCLOSURE_COLUMNS)
        self.consultations: list[tuple[object, ...]] = []
        self.consultation_counts: aggregates.Counts = Counter()
        self.consultation_table = Table(AnonymousConsultation, CONSULTATION_COLUMNS)
        self.counts: dict[str, int] = defaultdict(int)

    # -- planning --------------------------------------------------------------

    def run(self, plan: _Office, cases: list[CaseRow], wanted: int, references: set[str]) -> None:
        rng = self.rng
        self.plan = plan
        self.references = references
        self.district_index = {d.pk: i for i, d in enumerate(plan.districts)}
        self.new_id = IncreasingIds(rng)
        self.services = list(
            Service.objects.filter(office=self.office, status=Service.Status.ACTIVE)
            .order_by("organization__name", "name", "pk")
            .values_list("pk", flat=True)
        )
        self.partners = self._partners()
        self.origin = _Weighted([(i, o.weight) for i, o in enumerate(OTHER_ORIGINS)])

        specs = self._showcase(cases)
        recent = max(RECENT_MIN, round(wanted * RECENT_SHARE))
        for _ in range(max(0, min(recent, wanted - len(specs)))):
            specs.append(self._recent())
        taken = {spec.case.id for spec in specs if spec.case is not None}
        specs += self._from_cases(cases, max(0, wanted - len(specs)), taken)
        self._fill_families(specs)
        specs.sort(key=lambda spec: spec.created)
        for spec in specs:
            self._write(spec)
            if len(self.requests) >= BATCH:
                self.flush()
        self.flush()

    def _partners(self) -> list[_Partner]:
        users = partner_users(self.office)
        organisations = dict(
            Organization.objects.filter(office=self.office, partner__isnull=False).values_list(
                "partner_id", "pk"
            )
        )
        return [
            _Partner(
                pk,
                kind,
                self.district_index.get(district_id) if district_id else None,
                users.get(pk),
                organisations.get(pk),
            )
            for pk, kind, district_id in PartnerOrganisation.objects.filter(office=self.office)
            .order_by("name")
            .values_list("pk", "kind", "district_id")
        ]

    def _showcase(self, cases: list[CaseRow]) -> list[_Spec]:
        """What the demo accounts find in their queues and partner lists."""
        rng = self.rng
        clock = self.clock
        plan = self.plan
        days = self.office.response_days
        specs: list[_Spec] = []
        portal, tablet, partner = Request.Source.PORTAL, Request.Source.TABLET, "partner"
        for user in sorted(plan.demo_workers, key=plan.usernames.__getitem__):
            home = plan.demo_workers[user][0]
            nearby = [p for p in self.partners if p.district == home] or self.partners
            referrer = min(nearby, key=lambda p: p.user is None) if nearby else None
            specs += [
                self._spec(home, portal, St.NEW, self._days_ago(0)),
                self._spec(home, tablet, St.NEW, self._due_today(), due_on=clock.today),
                self._spec(home, portal, St.NEW, self._days_ago(days + 2)),
                self._spec(home, portal, St.ASSIGNED, self._days_ago(1), worker=user, failed=1),
                self._spec(home, portal, St.ASSIGNED, self._days_ago(2), worker=user, failed=2),
                # Overdue: past the deadline and nobody has tried to call yet.
                self._spec(home, portal, St.ASSIGNED, self._days_ago(days + 1), worker=user),
                self._spec(home, portal, St.ANONYMOUS, self._days_ago(4), worker=user),
                self._spec(home, portal, St.CLOSED, self._days_ago(6), user, reason="not_reached"),
            ]
            if referrer is not None:
                specs.append(
                    self._spec(
                        home, partner, St.NEW, self._days_ago(1), partner=referrer, feedback=True
                    )
                )
        # Partners with accounts see their referrals in every state, one with feedback.
        for referrer in self.partners:
            if referrer.user is None:
                continue
            district = referrer.district if referrer.district is not None else 0
            specs += [
                self._spec(district, partner, St.NEW, self._days_ago(0), partner=referrer),
                self._spec(
                    district,
                    partner,
                    St.ASSIGNED,
                    self._days_ago(2),
                    rng.choice(plan.workers[district]),
                    partner=referrer,
                    failed=1,
                    feedback=True,
                ),
                self._spec(
                    district,
                    partner,
                    St.CLOSED,
                    self._days_ago(8),
                    rng.choice(plan.workers[district]),
                    partner=referrer,
                    reason="no_need",
                ),
            ]
            fitting = [
                c
                for c in cases
                if not c.anonymous
                and c.closed is None
                and PARTNER_KINDS.get(c.zugangsweg) == referrer.kind
            ]
            if fitting:
                case = max(fitting, key=lambda c: c.opened)
                specs.append(self._case_spec(case, referrer, feedback=True))
        return specs

    def _days_ago(self, working_days: int) -> dt.datetime:
        """A time ``working_days`` working days before today (today: earlier today)."""
        rng = self.rng
        day = self.clock.today
        remaining = working_days
        while remaining > 0:
            day -= dt.timedelta(days=1)
            if is_working_day(day):
                remaining -= 1
        return self.clock.at(day, rng.randint(7, 11), rng.randrange(0, 60, 5))

    def _due_today(self) -> dt.datetime:
        """A time on the latest day whose response deadline is today (or four days ago)."""
        clock = self.clock
        for back in range(1, 15):
            day = clock.today - dt.timedelta(days=back)
            if clock.due_on(day, self.office.response_days) == clock.today:
                return clock.at(day, self.rng.randint(8, 18))
        return clock.at(clock.today - dt.timedelta(days=4), 10)

    def _spec(
        self,
        district: int,
        source: str,
        status: str,
        created: dt.datetime,
        worker: int | None = None,
        *,
        partner: _Partner | None = None,
        failed: int = 0,
        reason: str = "",
        feedback: bool | None = None,
        due_on: dt.date | None = None,
    ) -> _Spec:
        rng = self.rng
        clock = self.clock
        left = None
        reached = False
        if status in (St.ANONYMOUS, St.CLOSED):
            left = min(created + dt.timedelta(days=rng.randint(1, 6), hours=2), clock.latest)
            reached = status == St.ANONYMOUS or reason in ("no_need", "elsewhere")
            if reason == "not_reached":
                failed = max(failed, rng.randint(2, 3))
        return _Spec(
            district=district,
            source=str(source),
            status=str(status),
            created=created,
            who=self._who(),
            topics=_topics(rng),
            worker=worker,
            partner=partner,
            left=left,
            close_reason=reason,
            failed=failed,
            reached=reached,
            feedback=feedback,
            due_on=due_on,
        )

    def _recent(self) -> _Spec:
        """A request of the last weeks that is still open or did not lead to a case."""
        rng = self.rng
        clock = self.clock
        retention = int(settings.INTAKE_RETENTION_DAYS)
        day = clock.today - dt.timedelta(days=rng.randint(0, max(0, retention - 3)))
        created = clock.at(day, rng.randint(6, 21), rng.randrange(0, 60, 5))
        source = SOURCE(rng)
        partner = None
        district = rng.randrange(len(self.plan.districts))
        if source == "partner" and self.partners:
            partner = rng.choice(self.partners)
            if partner.district is not None and rng.random() < 0.8:
                district = partner.district
        elif source == "partner":
            source = Request.Source.PORTAL.value
        age = working_days_between(day, clock.today)
        roll = rng.random()
        if age <= 1:
            status = St.NEW if roll < 0.65 else St.ASSIGNED
        elif age <= self.office.response_days:
            status = (
                St.NEW
                if roll < 0.25
                else St.ASSIGNED
                if roll < 0.7
                else St.ANONYMOUS
                if roll < 0.85
                else St.CLOSED
            )
        else:
            status = (
                St.NEW
                if roll < 0.03
                else St.ASSIGNED
                if roll < 0.08
                else St.ANONYMOUS
                if roll < 0.55
                else St.CLOSED
            )
        reason = CLOSE_REASON(rng) if status == St.CLOSED else ""
        worker = None
        if status != St.NEW and reason != Request.CloseReason.SPAM:
            worker = rng.choice(self.plan.workers[district])
        failed = 0
        if status == St.ASSIGNED:
            failed = rng.choice((0, 0, 1, 2))
        elif status == St.ANONYMOUS:
            failed = rng.choice((0, 0, 1))
        spec = self._spec(
            district, source, status, created, worker, partner=partner, failed=failed, reason=reason
        )
        if status == St.ASSIGNED and rng.random() < 0.15:
            spec.reached = True  # reached, the decision is still to come
        return spec

    def _from_cases(self, cases: list[CaseRow], wanted: int, taken: set[uuid.UUID]) -> list[_Spec]:
        """Requests that led to a case, matching the case's access route."""
        rng = self.rng
        by_kind: dict[str, list[_Partner]] = defaultdict(list)
        for each in self.partners:
            by_kind[each.kind].append(each)
        eligible = [
            c
            for c in cases
            if not c.anonymous
            and c.id not in taken
            and c.district_id in self.district_index
            and (
                c.zugangsweg == Zugangsweg.SELBST
                or by_kind.get(PARTNER_KINDS.get(c.zugangsweg, ""))
            )
        ]
        chosen = rng.sample(eligible, min(wanted, len(eligible)))
        specs: list[_Spec] = []
        for case in chosen:
            partner: _Partner | None = None
            kind = PARTNER_KINDS.get(case.zugangsweg)
            if kind is not None:
                candidates = by_kind[kind]
                district = self.district_index[case.district_id]
                local = [p for p in candidates if p.district == district]
                partner = rng.choice(local or candidates)
            specs.append(self._case_spec(case, partner))
        return specs

    def _case_spec(
        self, case: CaseRow, partner: _Partner | None, *, feedback: bool | None = None
    ) -> _Spec:
        rng = self.rng
        clock = self.clock
        created_day = case.opened - dt.timedelta(days=rng.randint(1, 5))
        created = clock.at(created_day, rng.randint(7, 20), rng.randrange(0, 60, 5))
        if partner is not None:
            source = "partner"
        else:
            source = Request.Source.TABLET.value if rng.random() < 0.2 else Request.Source.PORTAL
        return _Spec(
            district=self.district_index[case.district_id],
            source=str(source),
            status=St.CASE.value,
            created=created,
            who=_Who("", "", "", "", "de"),  # filled from the family
            topics=list(case.topics),
            worker=case.worker,
            partner=partner,
            case=case,
            left=clock.at(case.opened, rng.randint(12, 16), rng.randrange(0, 60, 5)),
            failed=rng.choice((0, 0, 1)),
            reached=True,
            feedback=feedback,
        )

    def _fill_families(self, specs: list[_Spec]) -> None:
        """Name, phone and language of requests that became cases, from their families."""
        family_ids = sorted({s.case.family_id for s in specs if s.case is not None})
        parents = family_parents(family_ids)
        families: dict[uuid.UUID, tuple[str, str, str]] = {}
        for start in range(0, len(family_ids), 2_000):
            for pk, phone, email, languages in Family.objects.filter(
                pk__in=family_ids[start : start + 2_000]
            ).values_list("pk", "phone", "email", "languages"):
                families[pk] = (phone, email, languages)
        for spec in specs:
            if spec.case is None:
                continue
            phone, email, languages = families[spec.case.family_id]
            parent = parents.get(spec.case.family_id) or Parent(uuid.UUID(int=0), "", "")
            if not phone and not email:
                phone = self._phone()
            first_language = languages.split(",")[0].strip()
            spec.who = _Who(
                parent.first_name or self.ctx.faker.first_name(),
                parent.last_name,
                phone,
                email,
                LANGUAGE_CODES.get(first_language, "de"),
            )

    def _who(self) -> _Who:
        """A synthetic person asking: German names from Faker, others from short lists."""
        rng = self.rng
        faker = self.ctx.faker
        if rng.random() < 0.6:
            female = rng.random() < 0.85
            first = faker.first_name_female() if female else faker.first_name_male()
            last = faker.last_name()
            language = "de" if rng.random() < 0.95 else "en"
        else:
            index = self.origin(rng)
            origin = OTHER_ORIGINS[index]
            first = rng.choice(origin.female if rng.random() < 0.85 else origin.male)
            last = rng.choice(origin.last)
            language = ORIGIN_LANGUAGE[index] if rng.random() < 0.6 else "de"
        if rng.random() < 0.04:
            first = f"Frau {last[0]}."  # a pseudonym is enough
        phone = self._phone() if rng.random() < 0.85 else ""
        email = ""
        if not phone or rng.random() < 0.3:
            email = f"{_ascii(first)}.{_ascii(last)}@{rng.choice(EMAIL_DOMAINS)}"
        return _Who(first, last, phone, email, language)

    def _phone(self) -> str:
        rng = self.rng
        return f"{rng.choice(MOBILE_PREFIXES)} {rng.randint(10_000_000, 99_999_999)}"

    def _reference(self) -> str:
        rng = self.rng
        while True:
            code = "KA-" + "".join(rng.choice(REFERENCE_ALPHABET) for _ in range(6))
            if code not in self.references:
                self.references.add(code)
                return code

    # -- rows --------------------------------------------------------------------

    def _write(self, spec: _Spec) -> None:
        rng = self.rng
        clock = self.clock
        office = self.office
        request_id = self.new_id()
        created = spec.created
        # Steps in the queue spread between arrival and leaving (or now).
        end = spec.left or clock.latest
        span = max(end - created, dt.timedelta(0))

        def moment(share: float) -> dt.datetime:
            return created + span * share

        assigned_at = moment(0.15) if spec.worker is not None else None
        attempts: list[tuple[dt.datetime, bool]] = []
        tries = spec.failed + (1 if spec.reached else 0)
        for n in range(tries):
            reached = spec.reached and n == tries - 1
            attempts.append((moment(0.3 + 0.6 * (n + 1) / (tries + 1)), reached))
        channel = ContactAttempt.Channel.PHONE if spec.who.phone else ContactAttempt.Channel.EMAIL
        for at, reached in attempts:
            self.attempts.append(
                (
                    request_id,
                    spec.worker,
                    at,
                    str(channel if rng.random() < 0.85 else ContactAttempt.Channel.SMS),
                    reached,
                    rng.choice(REACHED_NOTES if reached else FAILED_NOTES),
                )
            )

        consent_id = feedback_consent_id = None
        feedback = ""
        feedback_at: dt.datetime | None = None
        partner = spec.partner
        referred_by = partner.user if partner is not None else None
        if partner is not None:
            recorder = referred_by or spec.worker or rng.choice(self.plan.workers[spec.district])
            given = (created - dt.timedelta(days=rng.randint(0, 3))).astimezone(clock.tz).date()
            form = (
                ConsentForm.SCHRIFTLICH.value if rng.random() < 0.6 else ConsentForm.MUENDLICH.value
            )
            name = f"{spec.who.first_name} {spec.who.last_name}".strip()
            recorded_at = created - dt.timedelta(minutes=2)
            consent_id = self._consent(
                name,
                None,
                office.pk,
                Purpose.ANMELDUNG.value,
                [
                    DataCategory.KONTAKT.value,
                    DataCategory.FAMILIE.value,
                    DataCategory.ANLIEGEN.value,
                    DataCategory.NACHRICHT.value,
                ],
                form,
                given,
                recorder,
                recorded_at,
            )
            wants_feedback = spec.feedback if spec.feedback is not None else None
            if wants_feedback is None:
                wants_feedback = rng.random() < FEEDBACK_SHARE
            if wants_feedback and partner.organisation is not None:
                feedback_consent_id = self._consent(
                    name,
                    partner.organisation,
                    None,
                    Purpose.RUECKMELDUNG.value,
                    FEEDBACK_CATEGORIES,
                    form,
                    given,
                    recorder,
                    recorded_at,
                )
                revoked = spec.feedback is None and rng.random() < FEEDBACK_REVOKED
                if revoked:
                    at = min(created + dt.timedelta(days=rng.randint(1, 5)), clock.latest)
                    self.consents.revocations.append(
                        (
                            feedback_consent_id,
                            at.astimezone(clock.tz).date(),
                            "Die Familie möchte keine Rückmeldung an die Einrichtung.",
                            spec.worker or recorder,
                            at,
                        )
                    )
                elif spec.status == St.CASE and spec.left is not None and spec.worker:
                    when = spec.left + dt.timedelta(days=rng.randint(1, 3))
                    if when < clock.latest:
                        feedback, feedback_at = rng.choice(FEEDBACK_TEXTS), when
                        self.disclosures.append(
                            (
                                office.pk,
                                Disclosure.Kind.FEEDBACK.value,
                                feedback_consent_id,
                                partner.organisation,
                                Purpose.RUECKMELDUNG.value,
                                FEEDBACK_CATEGORIES,
                                spec.worker,
                                request_id,
                                when,
                            )
                        )

        source = spec.source
        top = spec.topics[0].split("/", 1)[0] if spec.topics else ""
        if source == "partner":
            message = rng.choice(PARTNER_MESSAGES)
        elif top in MESSAGES and rng.random() < 0.8:
            message = rng.choice(MESSAGES[top])
        else:
            message = ""
        service = None
        if source == Request.Source.PORTAL and self.services and rng.random() < 0.15:
            service = rng.choice(self.services)
        created_day = created.astimezone(clock.tz).date()
        due_on = spec.due_on or clock.due_on(created_day, office.response_days)
        closed = spec.status in (St.CASE, St.ANONYMOUS, St.CLOSED)
        self.requests.append(
            (
                request_id,
                office.pk,
                self._reference(),
                source,
                self.plan.districts[spec.district].pk,
                spec.who.first_name,
                spec.who.phone,
                spec.who.email,
                spec.who.language,
                PREFERRED_TIME(rng),
                spec.topics,
                message,
                _children(rng),
                service,
                created,
                due_on,
                spec.status,
                spec.worker,
                assigned_at,
                attempts[0][0] if attempts else None,
                next((at for at, reached in attempts if reached), None),
                spec.case.id if spec.case is not None else None,
                spec.close_reason,
                rng.choice(CLOSE_NOTES[spec.close_reason]) if spec.close_reason else "",
                spec.left if closed else None,
                partner.id if partner is not None else None,
                referred_by,
                consent_id,
                feedback_consent_id,
                feedback,
                feedback_at,
            )
        )
        self.counts[spec.status] += 1
        self.counts[f"source:{source}"] += 1
        if spec.status == St.ANONYMOUS and spec.worker and spec.left is not None:
            self._consultation(spec)

    def _consultation(self, spec: _Spec) -> None:
        """The anonymous consultation a request was counted as (as request_anonymous does)."""
        rng = self.rng
        kind = "telefon" if rng.random() < 0.8 else "beratung"
        topics = [code.split("/", 1)[0] for code in spec.topics][:2]
        language = INTERPRETER_BY_CODE.get(spec.who.language, "")
        interpreter = language if language and rng.random() < 0.3 else ""
        district = self.plan.districts[spec.district].pk
        day = spec.left.astimezone(self.clock.tz).date() if spec.left else None
        assert day is not None
        self.consultations.append(
            (
                self.office.pk,
                district,
                day,
                kind,
                topics,
                rng.choice(DURATIONS[kind]),
                interpreter,
                spec.worker,
            )
        )
        # cases.seed counted the consultations it wrote; these are counted here.
        self.consultation_counts.update(
            aggregates.consultation_counts(
                district_pk=district,
                date=day,
                kind=kind,
                topics=topics,
                interpreter_language=interpreter,
            )
        )

    def _consent(
        self,
        given_by: str,
        organisation: uuid.UUID | None,
        office_id: int | None,
        purpose: str,
        categories: list[str],
        form: str,
        given: dt.date,
        recorder: int,
        recorded_at: dt.datetime,
    ) -> uuid.UUID:
        consent_id = self.new_id()
        self.consents.consents.append(
            (
                consent_id,
                self.office.pk,
                None,
                given_by,
                organisation,
                office_id,
                purpose,
                categories,
                form,
                given,
                given,
                None,
                PARTNER_EVIDENCE[form],
                recorder,
                recorded_at,
            )
        )
        return consent_id

    def flush(self) -> None:
        with transaction.atomic():
            self.consents.flush()
            self.request_table.insert(self.requests)
            self.attempt_table.insert(self.attempts)
            self.disclosure_table.insert(self.disclosures)
            self.consultation_table.insert(self.consultations)
            aggregates.apply({self.office.pk: self.consultation_counts})
        self.counts["consultations"] += len(self.consultations)
        self.consultations, self.consultation_counts = [], Counter()
        self.counts["requests"] += len(self.requests)
        self.counts["attempts"] += len(self.attempts)
        self.counts["feedback"] += len(self.disclosures)
        self.requests, self.attempts, self.disclosures = [], [], []


def _children(rng: random.Random) -> str:
    """Ages of the children as a parent would write them, oldest first."""
    months = sorted(
        (rng.randint(2, 75) for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))), reverse=True
    )
    ages = [f"{m} Monate" if m < 12 else "1 Jahr" if m < 24 else f"{m // 12} Jahre" for m in months]
    return ages[0] if len(ages) == 1 else ", ".join(ages[:-1]) + " und " + ages[-1]


_ASCII = str.maketrans({"ß": "ss", "ä": "ae", "ö": "oe", "ü": "ue", " ": "", ".": ""})


def _ascii(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.lower().translate(_ASCII))
    return folded.encode("ascii", "ignore").decode() or "kontakt"


def seed(ctx: SeedContext) -> None:
    """Requests in every state, partner referrals with consents, contact attempts."""
    clock = Clock()
    consents = ConsentRows()
    loaded: list[tuple[Office, _Office, list[CaseRow]]] = []
    for office in Office.objects.order_by("code"):
        plan = _load_office(office)
        if plan is not None:
            loaded.append((office, plan, office_cases(office)))
    if not loaded:
        ctx.say("intake: no office with Kita-Sozialarbeit and workers; nothing seeded")
        return
    total_cases = sum(len(cases) for *_rest, cases in loaded) or 1
    shares = [round(ctx.scale.requests * len(cases) / total_cases) for *_rest, cases in loaded]
    shares[0] += ctx.scale.requests - sum(shares)
    references = set(Request.objects.values_list("reference", flat=True))
    counts: dict[str, int] = defaultdict(int)
    for (office, plan, cases), wanted in zip(loaded, shares, strict=True):
        seeder = _OfficeSeeder(ctx, clock, consents, office)
        seeder.run(plan, cases, wanted, references)
        for key, value in seeder.counts.items():
            counts[key] += value
    states = ", ".join(f"{counts[s]:,} {s}" for s in St.values)
    ctx.say(
        f"intake: {counts['requests']:,} requests ({states}), "
        f"{counts['source:partner']:,} from partners, {counts['attempts']:,} contact attempts, "
        f"{counts['feedback']:,} feedbacks"
    )
