"""Counts for the reports, kept in the same transaction as the writes that change them.

The reports read only these tables, so a quarterly report costs a few small
index range scans whatever the number of contacts (docs/reports.md).

* ``StatCount`` holds additive counts per office, district, period, metric and
  key. Contacts, anonymous consultations, work without a family and case
  openings and closings count in their month (grain "m"); openings and
  closings also in their year (grain "y"), so the number of cases open on a
  given day is a short sum (whole years, then the months of the last year).
* Families and children reached are not additive over periods (a family seen in
  January and in March counts once in the quarter). They are counted per
  calendar quarter and year (grains "q" and "y"): a family counts once per
  period, in the district of its first contact in that period, and its
  children by their age at the end of the period. ``FamilyReach`` keeps each
  family's share, so that any later change takes back exactly what was counted.
  It also keeps a share per month (not counted in ``StatCount``), linked to the
  family's previous month: a range of whole months (``reach_in_months``)
  counts the families whose previous month lies before the range.
* Every count comes from one record through one pure function (``case_counts``,
  ``contact_counts``, ``consultation_counts``, ``work_counts``). A write
  counts what it touches before and after and applies the difference as
  ``n = n + delta`` upserts, which concurrent transactions cannot lose.
  ``rebuild`` runs the same functions over all records (seeding, repairs).
* Other apps count their records in the same table (referrals, intake
  requests): their module ``<app>.aggregates`` registers a ``CountSource``
  (its metrics, a rebuild, and the counts that follow a case's district) and
  uses ``apply`` and ``diff`` here. The modules are found by Django's
  autodiscovery, so cases imports none of those apps.

Dependencies point one way: cases knows nothing of the reports that read this.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.db import connection, transaction
from django.db import models as db
from django.db.models import Count, IntegerField, Q, Sum, Value, When
from django.utils.module_loading import autodiscover_modules

from bruecke.cases.models import (
    AnonymousConsultation,
    Case,
    Contact,
    FamilyFreeWork,
    FamilyReach,
    Grain,
    StatCount,
)
from bruecke.lib.bulk import Table
from bruecke.lib.school import age_in_years
from bruecke.lib.topics import TOPIC_LABELS, top_level
from bruecke.org.models import Office
from bruecke.people.models import Family, Person

# Metrics (StatCount.metric). Keys are Kontaktart, Handlungsfeld (top level),
# Zugangsweg, outcome, WorkKind or language codes; "" where there is no key.
CONTACT = "contact"  # contacts on cases, by Kontaktart
CONTACT_TOPIC = "contact_topic"  # by Handlungsfeld (the contact's, else its case's)
CONSULTATION = "consultation"  # anonymous consultations, by Kontaktart
CONSULTATION_TOPIC = "consultation_topic"
INTERPRETER = "interpreter"  # contacts and consultations with interpretation, by language
OPENED = "opened"  # cases opened; key ""
OPENED_ZW = "opened_zw"  # by Zugangsweg
OPENED_TOPIC = "opened_topic"  # by Handlungsfeld
CLOSED = "closed"
CLOSED_ZW = "closed_zw"
CLOSED_TOPIC = "closed_topic"
CLOSED_OUTCOME = "closed_outcome"
CLOSED_DAYS = "closed_days"  # closed cases by duration in days (for the median)
# The same for the whole office (district NO_DISTRICT): a report of all districts
# reads this histogram, about a tenth of the rows of CLOSED_DAYS.
CLOSED_DAYS_OFFICE = "closed_days_office"
WORK = "work"  # work without a family, by WorkKind
WORK_PARTICIPANTS = "work_participants"  # sum of participants, by WorkKind
FAMILIES = "families"  # families reached (grains q and y; months: reach_in_months); key ""
CHILDREN = "children"  # their children by age group (AGE_GROUPS)

# Opening and closing metrics that are also counted per year (open cases on a day).
BALANCE_PAIRS = ((OPENED, CLOSED), (OPENED_ZW, CLOSED_ZW), (OPENED_TOPIC, CLOSED_TOPIC))

# Age at the end of the period: under 1, 1 to under 3, 3 to under 6, 6 and older, unknown.
AGE_GROUPS = ("0", "1", "3", "6", "?")
OTHER_LANGUAGE = "other"
NO_DISTRICT = 0

# (grain, first day of the period, metric, district pk, key)
Key = tuple[str, dt.date, str, int, str]
Counts = Counter[Key]


# --- Periods ---------------------------------------------------------------------------


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def quarter_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def year_start(day: dt.date) -> dt.date:
    return dt.date(day.year, 1, 1)


def period_end(grain: str, start: dt.date) -> dt.date:
    """The last day of the month, quarter or year beginning on ``start``."""
    months = {Grain.MONTH: 1, Grain.QUARTER: 3, Grain.YEAR: 12}[Grain(grain)]
    month = start.month - 1 + months
    return dt.date(start.year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


# --- Keys --------------------------------------------------------------------------------


def topic_keys(codes: Iterable[str]) -> list[str]:
    """The Handlungsfelder (top level) of topic codes, each once, in taxonomy order."""
    wanted = {top_level(code) for code in codes}
    return [code for code in TOPIC_LABELS if "/" not in code and code in wanted]


@cache
def _language_table() -> dict[str, str]:
    from babel import Locale

    names = {str(code): str(name) for code, name in Locale("de").languages.items()}
    table = {code.lower(): code for code in names}
    table.update({name.lower(): code for code, name in names.items()})
    return table


def language_key(text: str) -> str:
    """A language code for the typed name of a language ("Arabisch" → "ar").

    What is not a known language name counts as "other": the field is free
    text, and nothing typed there may reach a report unless it is a language.
    """
    name = text.strip()
    for separator in "(,;/":
        name = name.split(separator, 1)[0]
    name = name.strip().lower()
    if not name:
        return ""
    return _language_table().get(name, OTHER_LANGUAGE)


def age_group(birth_date: dt.date | None, on: dt.date) -> str | None:
    """The age group of a child on ``on``; None if not yet born."""
    if birth_date is None:
        return "?"
    if birth_date > on:
        return None
    age = age_in_years(birth_date, on)
    return "0" if age < 1 else "1" if age < 3 else "3" if age < 6 else "6"


# --- What one record counts ---------------------------------------------------------------


def case_counts(
    *,
    district_pk: int,
    zugangsweg: str,
    topics: Sequence[str],
    opened_on: dt.date,
    closed_on: dt.date | None,
    outcome: str,
) -> Counts:
    counts: Counts = Counter()
    events = [(opened_on, OPENED, OPENED_ZW, OPENED_TOPIC)]
    if closed_on is not None:
        events.append((closed_on, CLOSED, CLOSED_ZW, CLOSED_TOPIC))
    tops = topic_keys(topics)
    for day, total, by_way, by_topic in events:
        for grain, start in ((Grain.MONTH, month_start(day)), (Grain.YEAR, year_start(day))):
            counts[(grain, start, total, district_pk, "")] += 1
            counts[(grain, start, by_way, district_pk, zugangsweg)] += 1
            for topic in tops:
                counts[(grain, start, by_topic, district_pk, topic)] += 1
    if closed_on is not None:
        month = month_start(closed_on)
        counts[(Grain.MONTH, month, CLOSED_OUTCOME, district_pk, outcome)] += 1
        days = (closed_on - opened_on).days
        counts[(Grain.MONTH, month, CLOSED_DAYS, district_pk, str(days))] += 1
        counts[(Grain.MONTH, month, CLOSED_DAYS_OFFICE, NO_DISTRICT, str(days))] += 1
    return counts


def contact_counts(
    *,
    district_pk: int,
    date: dt.date,
    kind: str,
    topics: Sequence[str],
    case_topics: Sequence[str],
    interpreter_language: str,
) -> Counts:
    month = month_start(date)
    counts: Counts = Counter({(Grain.MONTH, month, CONTACT, district_pk, kind): 1})
    # A contact without topics of its own is about its case's topics.
    for topic in topic_keys(topics or case_topics):
        counts[(Grain.MONTH, month, CONTACT_TOPIC, district_pk, topic)] += 1
    language = language_key(interpreter_language)
    if language:
        counts[(Grain.MONTH, month, INTERPRETER, district_pk, language)] += 1
    return counts


def consultation_counts(
    *, district_pk: int, date: dt.date, kind: str, topics: Sequence[str], interpreter_language: str
) -> Counts:
    month = month_start(date)
    counts: Counts = Counter({(Grain.MONTH, month, CONSULTATION, district_pk, kind): 1})
    for topic in topic_keys(topics):
        counts[(Grain.MONTH, month, CONSULTATION_TOPIC, district_pk, topic)] += 1
    language = language_key(interpreter_language)
    if language:
        counts[(Grain.MONTH, month, INTERPRETER, district_pk, language)] += 1
    return counts


def work_counts(
    *, district_pk: int | None, date: dt.date, kind: str, participants: int | None
) -> Counts:
    month = month_start(date)
    district = district_pk or NO_DISTRICT
    counts: Counts = Counter({(Grain.MONTH, month, WORK, district, kind): 1})
    if participants:
        counts[(Grain.MONTH, month, WORK_PARTICIPANTS, district, kind)] += participants
    return counts


def reach_counts(
    *, grain: str, start: dt.date, district_pk: int, ages: Sequence[int], sign: int = 1
) -> Counts:
    """What a family's share adds to StatCount: nothing for a month.

    Monthly shares only serve month ranges (``reach_in_months``), which count
    distinct families over the FamilyReach rows themselves.
    """
    if grain == Grain.MONTH:
        return Counter()
    counts: Counts = Counter({(grain, start, FAMILIES, district_pk, ""): sign})
    for group, number in zip(AGE_GROUPS, ages, strict=True):
        if number:
            counts[(grain, start, CHILDREN, district_pk, group)] += sign * number
    return counts


# --- Writing counts ------------------------------------------------------------------------

UPSERT_ROWS = 400  # rows per statement (7 parameters each, well below SQLite's limit)


def apply(deltas: dict[int, Counts]) -> None:
    """Add ``deltas`` (per office) to StatCount in one upsert per few hundred rows."""
    rows = [
        (office_id, district, grain, connection.ops.adapt_datefield_value(start), metric, key, n)
        for office_id, counts in deltas.items()
        for (grain, start, metric, district, key), n in counts.items()
        if n
    ]
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(StatCount._meta.db_table)
    columns = ("office_id", "district_pk", "grain", "start", "metric", "key", "n")
    column_list = ", ".join(quote(c) for c in columns)
    target = ", ".join(quote(c) for c in ("office_id", "grain", "metric", "start", "district_pk"))
    n = quote("n")
    with connection.cursor() as cursor:
        for first in range(0, len(rows), UPSERT_ROWS):
            batch = rows[first : first + UPSERT_ROWS]
            values = ", ".join(["(%s, %s, %s, %s, %s, %s, %s)"] * len(batch))
            # Identifiers come from model metadata (quoted); every value is a parameter.
            sql = (
                f"INSERT INTO {table} ({column_list}) VALUES {values} "  # noqa: S608
                f"ON CONFLICT ({target}, {quote('key')}) "
                f"DO UPDATE SET {n} = {table}.{n} + excluded.{n}"
            )
            cursor.execute(sql, [value for row in batch for value in row])


def diff(before: dict[int, Counts], after: dict[int, Counts]) -> dict[int, Counts]:
    """What to ``apply`` to go from the counts ``before`` to those ``after`` (per office)."""
    deltas: dict[int, Counts] = {}
    for office_id in before.keys() | after.keys():
        delta: Counts = Counter(after.get(office_id, {}))
        delta.subtract(before.get(office_id, {}))
        deltas[office_id] = delta
    return deltas


# --- Counts of other apps -----------------------------------------------------------------------


@dataclass(frozen=True)
class CountSource:
    """Counts another app keeps in StatCount, registered from its ``aggregates`` module."""

    name: str
    # The metrics it writes: nobody else writes them, and its rebuild replaces them.
    metrics: tuple[str, ...]
    # Everything one office counts, from the records (rebuild).
    office_counts: Callable[[int], Counts]
    # The counts of its records that belong to these cases (case pk -> district pk)
    # and follow the case's district (a referral does); None if none do.
    case_counts: Callable[[dict[uuid.UUID, int]], dict[int, Counts]] | None = None


_SOURCES: dict[str, CountSource] = {}
CASES = "cases"  # the counts kept in this module, rebuilt by name like a source


def register(source: CountSource) -> None:
    """Called when another app's ``aggregates`` module is imported."""
    _SOURCES[source.name] = source


@cache
def sources() -> tuple[CountSource, ...]:
    """Every registered source: imports ``aggregates`` of every installed app once."""
    autodiscover_modules("aggregates")
    return tuple(_SOURCES[name] for name in sorted(_SOURCES))


def _dependent_counts(districts: dict[uuid.UUID, int]) -> dict[int, Counts]:
    counts: dict[int, Counts] = defaultdict(Counter)
    for source in sources():
        if source.case_counts is not None and districts:
            for office_id, part in source.case_counts(districts).items():
                counts[office_id].update(part)
    return counts


# --- Cases and contacts -----------------------------------------------------------------------

CASE_FIELDS = (
    "pk",
    "office_id",
    "family_id",
    "district_id",
    "zugangsweg",
    "topics",
    "opened_on",
    "closed_on",
    "outcome",
)
CONTACT_FIELDS = ("case_id", "date", "kind", "topics", "interpreter_language")


def _case_state(
    case_ids: Collection[uuid.UUID], *, contacts: bool, lock: bool
) -> tuple[dict[int, Counts], set[uuid.UUID]]:
    """What the cases (and, if asked, their contacts) count now; and their families."""
    cases = Case.objects.filter(pk__in=case_ids).order_by("pk")
    if lock:
        # PostgreSQL: writers of the same case wait for each other, so each
        # counts the state the other left. (SQLite writes one at a time anyway.)
        cases = cases.select_for_update()
    counts: dict[int, Counts] = defaultdict(Counter)
    families: set[uuid.UUID] = set()
    info: dict[uuid.UUID, tuple[int, int, list[str]]] = {}
    for (
        pk,
        office_id,
        family_id,
        district_id,
        way,
        topics,
        opened,
        closed,
        outcome,
    ) in cases.values_list(*CASE_FIELDS):
        families.add(family_id)
        info[pk] = (office_id, district_id, topics)
        counts[office_id].update(
            case_counts(
                district_pk=district_id,
                zugangsweg=way,
                topics=topics,
                opened_on=opened,
                closed_on=closed,
                outcome=outcome,
            )
        )
    if contacts and info:
        # Records of other apps that count in the case's district (referrals).
        districts = {pk: district_id for pk, (_office, district_id, _topics) in info.items()}
        for office_id, part in _dependent_counts(districts).items():
            counts[office_id].update(part)
        for case_id, date, kind, topics, language in Contact.objects.filter(
            case_id__in=list(info)
        ).values_list(*CONTACT_FIELDS):
            office_id, district_id, case_topics = info[case_id]
            counts[office_id].update(
                contact_counts(
                    district_pk=district_id,
                    date=date,
                    kind=kind,
                    topics=topics,
                    case_topics=case_topics,
                    interpreter_language=language,
                )
            )
    return counts, families


@contextmanager
def tracking_cases(case_ids: Collection[uuid.UUID], *, contacts: bool = False) -> Iterator[None]:
    """Count the cases before and after the block and apply the difference.

    ``contacts=True`` when the block may move the cases' contacts to another
    district or Handlungsfeld (an edited case): their counts, the families'
    reach and what other apps count in the cases' districts (``CountSource``)
    are then recounted as well.
    """
    before, families = _case_state(case_ids, contacts=contacts, lock=True)
    yield
    after, families_after = _case_state(case_ids, contacts=contacts, lock=False)
    apply(diff(before, after))
    if contacts:
        family_reach_refresh(families | families_after)


def case_added(case: Case) -> None:
    """Count a newly opened case (it has no contacts yet)."""
    counts = case_counts(
        district_pk=case.district_id,
        zugangsweg=case.zugangsweg,
        topics=case.topics,
        opened_on=case.opened_on,
        closed_on=case.closed_on,
        outcome=case.outcome,
    )
    apply({case.office_id: counts})


def contact_added(contact: Contact) -> None:
    """Count a new contact on a case, and the family it reached."""
    office_id, family_id, district_id, case_topics = (
        Case.objects.select_for_update()
        .values_list("office_id", "family_id", "district_id", "topics")
        .get(pk=contact.case_id)
    )
    counts = contact_counts(
        district_pk=district_id,
        date=contact.date,
        kind=contact.kind,
        topics=contact.topics,
        case_topics=case_topics,
        interpreter_language=contact.interpreter_language,
    )
    apply({office_id: counts})
    family_reach_refresh([family_id], year=contact.date.year)


def consultation_added(consultation: AnonymousConsultation) -> None:
    counts = consultation_counts(
        district_pk=consultation.district_id,
        date=consultation.date,
        kind=consultation.kind,
        topics=consultation.topics,
        interpreter_language=consultation.interpreter_language,
    )
    apply({consultation.office_id: counts})


def work_added(work: FamilyFreeWork) -> None:
    counts = work_counts(
        district_pk=work.district_id,
        date=work.date,
        kind=work.kind,
        participants=work.participants,
    )
    apply({work.office_id: counts})


# --- Families and children reached -------------------------------------------------------------

ReachKey = tuple[uuid.UUID, str, dt.date]  # family, grain, period start
# office, district pk, children per age group, birth date columns (monthly shares only)
ReachShare = tuple[int, int, tuple[int, ...], tuple[object, ...]]

BIRTH_SLOTS = ("birth_1", "birth_2", "birth_3", "birth_4")
BIRTH_FIELDS = (*BIRTH_SLOTS, "more_births")
NO_BIRTHS: tuple[object, ...] = (*(None for _slot in BIRTH_SLOTS), "")


def birth_columns(birth_dates: Iterable[dt.date | None]) -> tuple[object, ...]:
    """A monthly share's ``BIRTH_FIELDS``: the known birth dates, sorted, in the
    slots, and any further ones as ISO dates joined by commas. Unknown birth
    dates are counted in ``age_unknown``."""
    known = sorted(day for day in birth_dates if day is not None)
    slots = len(BIRTH_SLOTS)
    return (
        *known[:slots],
        *(None for _slot in range(slots - len(known[:slots]))),
        ",".join(day.isoformat() for day in known[slots:]),
    )


def _reach_desired(
    family_ids: Collection[uuid.UUID], year: int | None
) -> dict[ReachKey, ReachShare]:
    """Each family's share per month, quarter and year, from its contacts and children now."""
    contacts = Contact.objects.filter(case__family_id__in=family_ids)
    if year is not None:
        contacts = contacts.filter(date__gte=dt.date(year, 1, 1), date__lte=dt.date(year, 12, 31))
    first: dict[ReachKey, tuple[dt.date, int, int]] = {}
    for family_id, office_id, district_id, date in contacts.values_list(
        "case__family_id", "office_id", "case__district_id", "date"
    ):
        for grain, start in (
            (Grain.MONTH.value, month_start(date)),
            (Grain.QUARTER.value, quarter_start(date)),
            (Grain.YEAR.value, year_start(date)),
        ):
            key = (family_id, grain, start)
            seen = first.get(key)
            # The first contact's district; on the same day, the lower district pk.
            if seen is None or (date, district_id) < (seen[0], seen[1]):
                first[key] = (date, district_id, office_id)
    if not first:
        return {}
    children: dict[uuid.UUID, list[dt.date | None]] = defaultdict(list)
    for family_id, birth_date in (
        Person.objects.filter(family_id__in={key[0] for key in first}, role=Person.Role.CHILD)
        .order_by()
        .values_list("family_id", "birth_date")
    ):
        children[family_id].append(birth_date)
    births = {family_id: birth_columns(dates) for family_id, dates in children.items()}
    desired: dict[ReachKey, ReachShare] = {}
    for key, (_date, district_id, office_id) in first.items():
        family_id, grain, start = key
        end = period_end(grain, start)
        ages = [0] * len(AGE_GROUPS)
        for birth_date in children[family_id]:
            group = age_group(birth_date, end)
            if group is not None:
                ages[AGE_GROUPS.index(group)] += 1
        monthly = grain == Grain.MONTH.value
        desired[key] = (
            office_id,
            district_id,
            tuple(ages),
            births.get(family_id, NO_BIRTHS) if monthly else NO_BIRTHS,
        )
    return desired


def family_reach_refresh(family_ids: Iterable[uuid.UUID], *, year: int | None = None) -> None:
    """Recount what the families add to "families and children reached".

    Call after anything that changes a family's contacts, the district of its
    cases, or its children (``year``: only the months, quarters and year of
    that year can have changed). The links between a family's monthly shares
    (``prev_start``) are set over all its months, since a month added in one
    year changes the link of the family's first month in a later year.
    """
    ids = sorted(set(family_ids))
    if not ids:
        return
    # PostgreSQL: one refresh per family at a time (see _case_state).
    list(Family.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))
    desired = _reach_desired(ids, year)
    stored_rows = FamilyReach.objects.filter(family_id__in=ids)
    if year is not None:
        in_year = Q(start__gte=dt.date(year, 1, 1), start__lte=dt.date(year, 12, 31))
        stored_rows = stored_rows.filter(in_year | Q(grain=Grain.MONTH))
    n_ages, n_births = len(AGE_GROUPS), len(BIRTH_FIELDS)
    stored: dict[ReachKey, tuple[int, ReachShare, dt.date | None]] = {}
    for row_pk, family_id, grain, start, office_id, district, *rest in stored_rows.values_list(
        "pk",
        "family_id",
        "grain",
        "start",
        "office_id",
        "district_pk",
        *REACH_SHARE_FIELDS[2:],
        "prev_start",
    ):
        ages, births = tuple(rest[:n_ages]), tuple(rest[n_ages : n_ages + n_births])
        stored[(family_id, grain, start)] = (row_pk, (office_id, district, ages, births), rest[-1])
    # Months of other years: not recounted, but linked to.
    others = {key for key in stored if year is not None and key[2].year != year}
    linked = _reach_links(desired.keys() | others)
    deltas: dict[int, Counts] = defaultdict(Counter)
    gone: list[int] = []
    changed: list[FamilyReach] = []
    new: list[FamilyReach] = []
    for key in stored.keys() - others | desired.keys():
        pk, old, old_link = stored.get(key, (None, None, None))
        share = desired.get(key)
        if old == share and old_link == linked.get(key):
            continue
        _family_id, grain, start = key
        counted = old is None or share is None or old[:3] != share[:3]  # not births or links
        if old is not None and counted:
            deltas[old[0]].update(
                reach_counts(grain=grain, start=start, district_pk=old[1], ages=old[2], sign=-1)
            )
        if share is None:
            gone.append(pk)  # type: ignore[arg-type]
            continue
        office_id, district_pk, ages, _births = share
        if counted:
            deltas[office_id].update(
                reach_counts(grain=grain, start=start, district_pk=district_pk, ages=ages)
            )
        row = _reach_row(key, share, linked.get(key), pk=pk)
        (new if pk is None else changed).append(row)
    for key in others:  # a month of another year whose previous month changed
        pk, old, old_link = stored[key]
        if old_link != linked.get(key):
            changed.append(_reach_row(key, old, linked.get(key), pk=pk))
    apply(deltas)
    if gone:
        FamilyReach.objects.filter(pk__in=gone).delete()
    if changed:
        FamilyReach.objects.bulk_update(changed, [*REACH_SHARE_FIELDS, "prev_start"])
    if new:
        FamilyReach.objects.bulk_create(new)


def _reach_links(keys: Iterable[ReachKey]) -> dict[ReachKey, dt.date]:
    """Each monthly share's previous month of the same family (none for its first)."""
    links: dict[ReachKey, dt.date] = {}
    last: dict[uuid.UUID, dt.date] = {}
    for key in sorted(key for key in keys if key[1] == Grain.MONTH.value):
        family_id, _grain, start = key
        if family_id in last:
            links[key] = last[family_id]
        last[family_id] = start
    return links


REACH_SHARE_FIELDS = (
    "office",
    "district_pk",
    "age_0",
    "age_1",
    "age_3",
    "age_6",
    "age_unknown",
    *BIRTH_FIELDS,
)


def _reach_row(
    key: ReachKey, share: ReachShare, prev_start: dt.date | None, *, pk: int | None = None
) -> FamilyReach:
    family_id, grain, start = key
    office_id, district_pk, (a0, a1, a3, a6, unknown), births = share
    slots = dict(zip(BIRTH_FIELDS, births, strict=True))
    return FamilyReach(
        pk=pk,
        prev_start=prev_start,
        office_id=office_id,
        family_id=family_id,
        grain=grain,
        start=start,
        district_pk=district_pk,
        age_0=a0,
        age_1=a1,
        age_3=a3,
        age_6=a6,
        age_unknown=unknown,
        **slots,
    )


def reach_in_months(office_id: int, first: dt.date, last: dt.date) -> Counter[tuple[str, int, str]]:
    """Families and children reached in the whole months from ``first`` to ``last``.

    ``(FAMILIES, district pk, "")`` and ``(CHILDREN, district pk, age group)``:
    each family once, in the district of its first contact in the range (the
    district of its earliest month there), its children by age on ``last``.
    The earliest month of a family in the range is the monthly share whose
    previous month (``prev_start``) lies before the range, so one range scan
    of the index ``family_reach_range`` finds them all, and the database
    counts their children born by each age group's limit from the birth date
    columns. One query, about one row per district: only families with more
    children than slots come back in rows of their own (one per set of
    further birth dates).
    """
    start = month_start(first)
    # Children born on or before each day: on ``last``, and the last birth date
    # of a child 1, 3 and 6 years old then. The slots are sorted, so the last
    # slot born by then says how many are.
    days = {
        "born": last,
        "1": years_before(last, 1),
        "3": years_before(last, 3),
        "6": years_before(last, 6),
    }

    def born_by(day: dt.date) -> Sum:
        slots = list(enumerate(BIRTH_SLOTS, start=1))
        whens = [When(Q(**{f"{slot}__lte": day}), then=Value(n)) for n, slot in reversed(slots)]
        return Sum(db.Case(*whens, default=Value(0)), output_field=IntegerField())

    firsts = (
        FamilyReach.objects.filter(
            office_id=office_id, grain=Grain.MONTH, start__gte=start, start__lte=last
        )
        .filter(Q(prev_start__isnull=True) | Q(prev_start__lt=start))
        .order_by()
        .values("district_pk", "more_births")
        .annotate(
            families=Count("district_pk"),
            unknown=Sum("age_unknown"),
            **{f"by_{name}": born_by(day) for name, day in days.items()},
        )
        .values_list(
            "district_pk", "more_births", "families", "unknown", *(f"by_{name}" for name in days)
        )
    )
    counts: Counter[tuple[str, int, str]] = Counter()
    for district_pk, more_births, families, unknown, born, by_1, by_3, by_6 in firsts:
        counts[(FAMILIES, district_pk, "")] += families
        for group, n in (("0", born - by_1), ("1", by_1 - by_3), ("3", by_3 - by_6), ("6", by_6)):
            counts[(CHILDREN, district_pk, group)] += n
        counts[(CHILDREN, district_pk, "?")] += unknown
        for birth in more_births.split(",") if more_births else ():
            older = age_group(dt.date.fromisoformat(birth), last)
            if older is not None:
                counts[(CHILDREN, district_pk, older)] += families
    return +counts  # without zeros


def years_before(day: dt.date, years: int) -> dt.date:
    """The last birth date of a child ``years`` old or older on ``day`` (29 February: the 28th)."""
    year = day.year - years
    return dt.date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


def _reach_write(
    families: Iterable[uuid.UUID], *, grains: Collection[str] | None = None
) -> Iterator[tuple[ReachKey, ReachShare]]:
    """Insert the FamilyReach rows of ``families`` (all grains, or ``grains``), in batches.

    Yields each share as it is written, so the caller can count it. For
    rebuilds only: rows already there for these families are not replaced.
    """
    table = Table(
        FamilyReach,
        (
            "office_id",
            "family_id",
            "grain",
            "start",
            "district_pk",
            *REACH_SHARE_FIELDS[2:],
            "prev_start",
        ),
    )
    ordered = sorted(families)
    for first in range(0, len(ordered), REBUILD_FAMILIES):
        desired = _reach_desired(ordered[first : first + REBUILD_FAMILIES], None)
        shares = [
            (key, share)
            for key, share in sorted(desired.items())
            if grains is None or key[1] in grains
        ]
        linked = _reach_links(desired)
        rows: list[tuple[object, ...]] = []
        for key, (office, district_pk, ages, births) in shares:
            family_id, grain, start = key
            rows.append(
                (office, family_id, grain, start, district_pk, *ages, *births, linked.get(key))
            )
        table.insert(rows)
        yield from shares


def reach_months_fill(*, say: Callable[[str], Any] = print) -> int:
    """Write the monthly FamilyReach shares of every family that has contacts.

    For installations counted before monthly shares existed (migration
    cases 0004). Touches nothing else: monthly shares add nothing to
    StatCount. Returns the number of rows written.
    """
    families = set(Contact.objects.order_by().values_list("case__family_id", flat=True).distinct())
    FamilyReach.objects.filter(grain=Grain.MONTH).delete()
    written = sum(1 for _share in _reach_write(families, grains={Grain.MONTH.value}))
    say(f"aggregates: {written} monthly shares of {len(families)} families")
    return written


# --- Rebuild ----------------------------------------------------------------------------------

REBUILD_FAMILIES = 2_000  # families per reach query


def rebuild(
    *,
    offices: Iterable[Office] | None = None,
    only: Collection[str] | None = None,
    say: Callable[[str], Any] = print,
) -> None:
    """Recount everything from the records, one office per transaction.

    ``only`` names the parts to recount: ``CASES`` (the counts kept in this
    module) and the names of registered sources (``"referrals"``,
    ``"intake"``); all of them by default. For seeding and repairs only: the
    counts are otherwise kept as records change. Note that it counts the
    records still there; statistics of records deleted later (retention)
    would be lost by a rebuild.
    """
    known = {CASES, *(source.name for source in sources())}
    names = known if only is None else set(only)
    if names - known:
        raise ValueError(f"unknown counts {sorted(names - known)}; known: {sorted(known)}")
    chosen = [source for source in sources() if source.name in names]
    for office in offices if offices is not None else Office.objects.order_by("pk"):
        with transaction.atomic():
            _rebuild_office(office.pk, cases=CASES in names, chosen=chosen, everything=only is None)
        say(f"aggregates: counted {', '.join(sorted(names))} of office {office}")


def _rebuild_office(
    office_id: int, *, cases: bool, chosen: Sequence[CountSource], everything: bool
) -> None:
    stale = StatCount.objects.filter(office_id=office_id)
    if not everything:
        wanted = Q(metric__in=[metric for source in chosen for metric in source.metrics])
        if cases:
            # Everything no source claims (and rows of metrics nobody writes any more).
            wanted |= ~Q(metric__in=[metric for source in sources() for metric in source.metrics])
        stale = stale.filter(wanted)
    stale.delete()
    counts: Counts = Counter()
    if cases:
        _count_cases(office_id, counts)
    for source in chosen:
        part = source.office_counts(office_id)
        strays = {key[2] for key in part} - set(source.metrics)
        if strays:
            raise ValueError(f"{source.name} counted metrics it does not own: {sorted(strays)}")
        counts.update(part)
    Table(StatCount, ("office_id", "grain", "start", "metric", "district_pk", "key", "n")).insert(
        [
            (office_id, grain, start, metric, district, key, n)
            for (grain, start, metric, district, key), n in sorted(counts.items())
            if n
        ]
    )


def _count_cases(office_id: int, counts: Counts) -> None:
    """Count the office's cases, contacts, consultations and work; write its FamilyReach rows."""
    FamilyReach.objects.filter(office_id=office_id).delete()
    info: dict[uuid.UUID, tuple[int, list[str]]] = {}
    families: set[uuid.UUID] = set()
    for pk, _office, family_id, district_id, way, topics, opened, closed, outcome in (
        Case.objects.filter(office_id=office_id).values_list(*CASE_FIELDS).iterator(10_000)
    ):
        info[pk] = (district_id, topics)
        families.add(family_id)
        counts.update(
            case_counts(
                district_pk=district_id,
                zugangsweg=way,
                topics=topics,
                opened_on=opened,
                closed_on=closed,
                outcome=outcome,
            )
        )
    for case_id, date, kind, topics, language in (
        Contact.objects.filter(office_id=office_id).values_list(*CONTACT_FIELDS).iterator(10_000)
    ):
        district_id, case_topics = info[case_id]
        counts.update(
            contact_counts(
                district_pk=district_id,
                date=date,
                kind=kind,
                topics=topics,
                case_topics=case_topics,
                interpreter_language=language,
            )
        )
    for district_id, date, kind, topics, language in (
        AnonymousConsultation.objects.filter(office_id=office_id)
        .values_list("district_id", "date", "kind", "topics", "interpreter_language")
        .iterator(10_000)
    ):
        counts.update(
            consultation_counts(
                district_pk=district_id,
                date=date,
                kind=kind,
                topics=topics,
                interpreter_language=language,
            )
        )
    for district_id, date, kind, participants in (
        FamilyFreeWork.objects.filter(office_id=office_id)
        .values_list("district_id", "date", "kind", "participants")
        .iterator(10_000)
    ):
        counts.update(
            work_counts(district_pk=district_id, date=date, kind=kind, participants=participants)
        )
    for (_family, grain, start), (_office, district_pk, ages, _births) in _reach_write(families):
        counts.update(reach_counts(grain=grain, start=start, district_pk=district_pk, ages=ages))
