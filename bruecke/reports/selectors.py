"""Reads for the reports: counts of one office for a period and the period before.

Everything comes from the aggregate table kept by ``cases.aggregates`` (with
the referral and request counts of ``referrals.aggregates`` and
``intake.aggregates``), except families reached in a custom period (counted
from the contacts, which takes longer at large sizes). The number of queries
is fixed, whatever the data.

Nothing here returns a name or an id of a family, person, case or request:
only counts per district and key.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone

from bruecke.cases import aggregates as agg
from bruecke.cases.models import StatCount
from bruecke.intake import aggregates as intake_agg
from bruecke.org.models import District, Office, Team
from bruecke.referrals import aggregates as referral_agg
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
# Referrals and requests, also per month (read with the rest, sorted out below).
OTHER_MONTH_METRICS = referral_agg.METRICS + intake_agg.METRICS
REACH_METRICS = (agg.FAMILIES, agg.CHILDREN)
BALANCE_METRICS = tuple(metric for pair in agg.BALANCE_PAIRS for metric in pair)

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

    # 1. Everything counted per month (referrals and requests too), and families
    #    reached per quarter or year.
    wanted = Q(grain="m", metric__in=MONTH_METRICS + OTHER_MONTH_METRICS)
    wanted &= Q(start__gte=previous.start, start__lte=period.end)
    if period.grain is not None:
        wanted |= Q(
            grain=period.grain, metric__in=REACH_METRICS, start__in=[previous.start, period.start]
        )
    intake = _Intake(scope, today=timezone.localdate())
    for metric, key, district, now, then in _grouped(
        StatCount.objects.filter(office=office).filter(wanted), is_current
    ):
        for counts, n in ((current, now), (before, then)):
            if not n:
                continue
            if metric in referral_agg.TABLES:
                table = counts.referrals[referral_agg.TABLES[metric]]
                table[(district, key)] = table.get((district, key), 0) + n
            elif metric in intake_agg.METRICS:
                intake.add(counts, metric, district, key, n)
            else:
                counts.add(metric, district, key, n)

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
        .values_list("metric", "key", "district_pk", "now", "before")
    )
    for metric, key, district, now, then in balance:
        opened = metric.startswith("opened")
        name = "open" + metric.removeprefix("opened").removeprefix("closed")
        for counts, n in ((current, now), (before, then)):
            if n:
                counts.add(name, district, key, n if opened else -n)

    # 3. Case durations of the scope (for the median): the office's own histogram
    #    when the scope is the whole office, else the districts' histograms.
    if scope.district_pks is None:
        histogram = Q(metric=agg.CLOSED_DAYS_OFFICE)
    else:
        histogram = Q(metric=agg.CLOSED_DAYS) & _in_scope(scope, "district_pk")
    durations = (
        StatCount.objects.filter(
            histogram,
            office=office,
            grain="m",
            start__gte=previous.start,
            start__lte=period.end,
        )
        .order_by()
        .values("key")
        .annotate(now=Sum("n", filter=is_current), before=Sum("n", filter=~is_current))
        .values_list("key", "now", "before")
    )
    for key, now, then in durations:
        current.closed_days[int(key)] += now or 0
        before.closed_days[int(key)] += then or 0

    # 4. Families and children reached in a range of months: distinct over the
    #    monthly shares of the families (cases.aggregates.reach_in_months).
    if period.grain is None:
        for counts, part in ((current, period), (before, previous)):
            reached = agg.reach_in_months(office.pk, part.start, part.end)
            for (metric, district, key), n in reached.items():
                counts.add(metric, district, key, n)

    return current, before


def _grouped(
    rows: QuerySet[StatCount], is_current: Q
) -> QuerySet[StatCount, tuple[str, str, int, int | None, int | None]]:
    """(metric, key, district pk, n in the period, n in the period before); tuples, not dicts."""
    return (
        rows.order_by()
        .values("metric", "key", "district_pk")
        .annotate(now=Sum("n", filter=is_current), before=Sum("n", filter=~is_current))
        .values_list("metric", "key", "district_pk", "now", "before")
    )


class _Intake:
    """Sorts the request counts into the report's states and response times."""

    def __init__(self, scope: Scope, *, today: dt.date) -> None:
        self.pks = scope.district_pks
        self.today = today.isoformat()

    def add(self, counts: PeriodCounts, metric: str, district: int, key: str, n: int) -> None:
        if metric == intake_agg.REQUEST_ANSWERED:
            state = key  # "within" or "late"
        elif metric == intake_agg.REQUEST_WAITING:
            # Not answered: late once its due date (the key, ISO) has passed.
            state = "late" if key < self.today else "open"
        else:  # REQUEST_DAYS: the median is of the scope only
            if self.pks is None or district in self.pks:
                counts.response_days.extend([int(key)] * n)
            return
        counts.intake[(district, state)] = counts.intake.get((district, state), 0) + n
