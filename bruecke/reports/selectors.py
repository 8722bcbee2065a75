"""Reads for the reports: counts of one office for a period and the period before.

Everything comes from the aggregate tables kept by ``cases.aggregates``,
except referrals and intake requests (few, read directly through their
reporting indexes) and families reached in a custom period (counted from
the contacts, which takes longer at large sizes). The number of queries is
fixed, whatever the data.

Nothing here returns a name or an id of a family, person, case or request:
only counts per district and key.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from bruecke.cases import aggregates as agg
from bruecke.cases.models import Contact, StatCount
from bruecke.intake.models import Request
from bruecke.lib.workdays import is_working_day
from bruecke.org.models import District, Office, Team
from bruecke.people.models import Person
from bruecke.referrals.models import Referral
from bruecke.reports.periods import Period

# Metrics counted per month (the histogram of case durations is read apart).
MONTH_METRICS = (
    agg.CONTACT,
    agg.CONTACT_TOPIC,
    agg.CONSULTATION,
    agg.CONSULTATION_TOPIC,
    agg.INTERPRETER,
    agg.OPENED,
    agg.OPENED_ZW,
    agg.OPENED_TOPIC,
    agg.CLOSED,
    agg.CLOSED_ZW,
    agg.CLOSED_TOPIC,
    agg.CLOSED_OUTCOME,
    agg.WORK,
    agg.WORK_PARTICIPANTS,
)
REACH_METRICS = (agg.FAMILIES, agg.CHILDREN)
BALANCE_METRICS = tuple(metric for pair in agg.BALANCE_PAIRS for metric in pair)
# Intake requests that were never a real request do not count for the response time.
NOT_A_REQUEST = (Request.CloseReason.SPAM, Request.CloseReason.DUPLICATE)

# (district pk, key) -> count
Counts = dict[tuple[int, str], int]


@dataclass
class PeriodCounts:
    """One period's counts: ``metrics[metric][(district, key)]``."""

    metrics: dict[str, Counts] = field(default_factory=lambda: defaultdict(dict))
    # metric "open_*": cases open on the period's last day (opened minus closed up to then).
    closed_days: Counter[int] = field(default_factory=Counter)  # within the scope
    referrals: dict[str, Counts] = field(default_factory=lambda: defaultdict(dict))
    intake: Counts = field(default_factory=dict)  # (district, within|late|open) -> requests
    response_days: list[int] = field(default_factory=list)  # within the scope

    def add(self, metric: str, district: int, key: str, n: int) -> None:
        counts = self.metrics[metric]
        counts[(district, key)] = counts.get((district, key), 0) + n

    @property
    def median_case_days(self) -> float | None:
        n = sum(self.closed_days.values())
        if not n:
            return None
        # The median of a histogram: the middle one or two durations.
        ordered = sorted(self.closed_days.items())
        wanted = [(n - 1) // 2, n // 2]
        found: list[int] = []
        seen = 0
        for days, count in ordered:
            while wanted and wanted[0] < seen + count:
                found.append(days)
                wanted.pop(0)
            seen += count
        return sum(found) / 2

    @property
    def median_response_days(self) -> float | None:
        return statistics.median(self.response_days) if self.response_days else None


@dataclass(frozen=True)
class Scope:
    """Whose numbers: the whole office, one team's districts, or one district."""

    office: Office
    districts: tuple[District, ...]  # every district of the office
    teams: tuple[Team, ...]
    team_districts: dict[int, frozenset[int]]  # team pk -> district pks
    team: Team | None = None
    district: District | None = None

    @property
    def prefix(self) -> tuple[object, ...]:
        """The cell prefix of the scope in a suppression cube."""
        if self.district is not None:
            return ("d", self.district.pk)
        if self.team is not None:
            return ("t", self.team.pk)
        return ("o",)

    @property
    def district_pks(self) -> frozenset[int] | None:
        """The districts in scope; None for the whole office (work without a district too)."""
        if self.district is not None:
            return frozenset({self.district.pk})
        if self.team is not None:
            return self.team_districts.get(self.team.pk, frozenset())
        return None

    @property
    def label(self) -> str:
        if self.district is not None:
            return self.district.name
        if self.team is not None:
            return self.team.name
        return self.office.name


def scope_for(
    *, office: Office, team_pk: int | None = None, district_slug: str | None = None
) -> Scope:
    """The office's districts and teams (two queries), narrowed to a team or a district."""
    districts = tuple(District.objects.filter(office=office).order_by("name"))
    teams = tuple(Team.objects.filter(office=office).prefetch_related("districts").order_by("name"))
    team_districts = {team.pk: frozenset(d.pk for d in team.districts.all()) for team in teams}
    district = next((d for d in districts if d.slug == district_slug), None)
    team = next((t for t in teams if t.pk == team_pk), None) if district is None else None
    return Scope(
        office=office,
        districts=districts,
        teams=teams,
        team_districts=team_districts,
        team=team,
        district=district,
    )


def _aware(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _in_scope(scope: Scope, field_name: str) -> Q:
    pks = scope.district_pks
    return Q() if pks is None else Q(**{f"{field_name}__in": sorted(pks)})


def period_counts(*, scope: Scope, period: Period) -> tuple[PeriodCounts, PeriodCounts]:
    """The counts of ``period`` and of the period before, for every district of the office.

    Per district, so that the suppression can audit every view; the scope
    only narrows the medians, which are not counts.
    """
    office = scope.office
    previous = period.previous()
    current, before = PeriodCounts(), PeriodCounts()
    is_current = Q(start__gte=period.start)

    # 1. Everything counted per month, and families reached per quarter or year.
    wanted = Q(grain="m", metric__in=MONTH_METRICS, start__gte=previous.start)
    wanted &= Q(start__lte=period.end)
    if period.grain is not None:
        wanted |= Q(
            grain=period.grain, metric__in=REACH_METRICS, start__in=[previous.start, period.start]
        )
    for row in _grouped(StatCount.objects.filter(office=office).filter(wanted), is_current):
        for counts, n in ((current, row["now"]), (before, row["before"])):
            if n:
                counts.add(row["metric"], row["district_pk"], row["key"], n)

    # 2. Cases open on the last day: openings minus closings up to then
    #    (whole years, then the months of the last year).
    def up_to(day: dt.date) -> Q:
        new_year = dt.date(day.year, 1, 1)
        return Q(grain="y", start__lt=new_year) | Q(grain="m", start__gte=new_year, start__lte=day)

    balance = (
        StatCount.objects.filter(office=office, metric__in=BALANCE_METRICS)
        .filter(up_to(period.end) | up_to(previous.end))
        .order_by()
        .values("metric", "key", "district_pk")
        .annotate(
            now=Sum("n", filter=up_to(period.end)), before=Sum("n", filter=up_to(previous.end))
        )
    )
    for row in balance:
        for counts, n in ((current, row["now"]), (before, row["before"])):
            opened = row["metric"].startswith("opened")
            name = "open" + row["metric"].removeprefix("opened").removeprefix("closed")
            if n:
                counts.add(name, row["district_pk"], row["key"], n if opened else -n)

    # 3. Case durations of the scope (for the median).
    durations = (
        StatCount.objects.filter(
            office=office,
            grain="m",
            metric=agg.CLOSED_DAYS,
            start__gte=previous.start,
            start__lte=period.end,
        )
        .filter(_in_scope(scope, "district_pk"))
        .order_by()
        .values("key")
        .annotate(now=Sum("n", filter=is_current), before=Sum("n", filter=~is_current))
    )
    for row in durations:
        current.closed_days[int(row["key"])] += row["now"] or 0
        before.closed_days[int(row["key"])] += row["before"] or 0

    # 4. Families and children reached in a custom period: from the contacts.
    if period.grain is None:
        for counts, part in ((current, period), (before, previous)):
            _reach_live(counts, office=office, period=part)

    _referrals(current, before, office=office, period=period, previous=previous)
    _intake(current, before, scope=scope, period=period, previous=previous)
    return current, before


def _grouped(rows: QuerySet[StatCount], is_current: Q) -> QuerySet[StatCount, dict[str, Any]]:
    return (
        rows.order_by()
        .values("metric", "key", "district_pk")
        .annotate(now=Sum("n", filter=is_current), before=Sum("n", filter=~is_current))
    )


def _reach_live(counts: PeriodCounts, *, office: Office, period: Period) -> None:
    """Families (in the district of their first contact) and their children, counted directly.

    Always two queries (contacts, children), so the count does not depend on the data.
    """
    first: dict[object, tuple[dt.date, int]] = {}
    contacts = Contact.objects.filter(
        office=office, date__gte=period.start, date__lte=period.end
    ).values_list("case__family_id", "case__district_id", "date")
    for family_id, district_id, date in contacts.iterator(chunk_size=10_000):
        seen = first.get(family_id)
        if seen is None or (date, district_id) < seen:
            first[family_id] = (date, district_id)
    for _date, district_id in first.values():
        counts.add(agg.FAMILIES, district_id, "", 1)
    children = Person.objects.filter(
        family_id__in=Contact.objects.filter(
            office=office, date__gte=period.start, date__lte=period.end
        ).values("case__family_id"),
        role=Person.Role.CHILD,
    ).values_list("family_id", "birth_date")
    for family_id, birth_date in children.iterator(chunk_size=10_000):
        group = agg.age_group(birth_date, period.end)
        if group is not None and family_id in first:
            counts.add(agg.CHILDREN, first[family_id][1], group, 1)


def _referrals(
    current: PeriodCounts, before: PeriodCounts, *, office: Office, period: Period, previous: Period
) -> None:
    """Referrals made in the periods: by kind of receiving organisation, state and outcome."""
    is_current = Q(created_at__gte=_aware(period.start))
    rows = (
        Referral.objects.filter(
            office=office,
            created_at__gte=_aware(previous.start),
            created_at__lt=_aware(period.end + dt.timedelta(days=1)),
        )
        .exclude(status=Referral.Status.ERROR)
        .order_by()
        .values("case__district_id", "organisation__kind", "status", "outcome")
        .annotate(now=Count("pk", filter=is_current), before=Count("pk", filter=~is_current))
    )
    for row in rows:
        district = row["case__district_id"]
        for counts, n in ((current, row["now"]), (before, row["before"])):
            if not n:
                continue
            for name, key in (
                ("kind", row["organisation__kind"]),
                ("status", row["status"]),
                ("outcome", row["outcome"]),
            ):
                if key:
                    table = counts.referrals[name]
                    table[(district, key)] = table.get((district, key), 0) + n


def _intake(
    current: PeriodCounts, before: PeriodCounts, *, scope: Scope, period: Period, previous: Period
) -> None:
    """Requests for contact: how many, how many answered in time, how fast (working days).

    Grouped in SQL by the (local) day a request came in and the day of its
    first contact, so the rows are bounded by the calendar, not by the number
    of requests.
    """
    today = timezone.localdate()
    rows = (
        Request.objects.filter(
            office=scope.office,
            created_at__gte=_aware(previous.start),
            created_at__lt=_aware(period.end + dt.timedelta(days=1)),
        )
        .exclude(close_reason__in=NOT_A_REQUEST)
        .annotate(created=TruncDate("created_at"), answered=TruncDate("first_contact_at"))
        .order_by()
        .values_list("created", "answered", "due_on", "district_id")
        .annotate(n=Count("pk"))
    )
    pks = scope.district_pks
    workdays = _WorkingDays(previous.start)
    for created, answered, due_on, district_id, n in rows:
        counts = current if created >= period.start else before
        district = district_id or agg.NO_DISTRICT
        if answered is not None:
            state = "within" if answered <= due_on else "late"
            if pks is None or district in pks:
                counts.response_days.extend([workdays.between(created, answered)] * n)
        else:
            state = "late" if due_on < today else "open"
        counts.intake[(district, state)] = counts.intake.get((district, state), 0) + n


class _WorkingDays:
    """Working days between two dates in constant time (a running count from a first day)."""

    def __init__(self, first: dt.date) -> None:
        self.first = first
        self.count = [0]

    def _index(self, day: dt.date) -> int:
        offset = (day - self.first).days
        while len(self.count) <= offset:
            next_day = self.first + dt.timedelta(days=len(self.count))
            self.count.append(self.count[-1] + is_working_day(next_day))
        return self.count[offset]

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (as lib.workdays)."""
        if end <= start:
            return 0
        return self._index(end) - self._index(start)
