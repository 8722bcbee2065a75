"""District planning: where do families' worries cluster, and where is no offer?

Reads only. For one office and period, per district and Handlungsfeld:

* demand: cases open at some time in the period, and contacts in the period
  (contacts on cases plus anonymous consultations), each with that Handlungsfeld;
  cases also per 1,000 children under six (``District.children_under_6``);
* supply: active directory offers serving the district with that Handlungsfeld,
  and the languages they are offered in.

Only counts leave this module, never a family, case or person. Counts from 1 to
4 are shown as "<5" (``shown``, the primary rule of ``reports.suppression``).
The page shows no sums of cells, so no secondary suppression is needed here.

The number of queries is fixed (districts, demand, supply), whatever the number
of districts, cases or offers; demand is read from the report counts that
``cases.aggregates`` keeps up to date (one small query at any size).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Case as DbCase
from django.db.models import Count, F, Q, QuerySet, Sum, Value, When
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bruecke.cases import aggregates
from bruecke.cases.actions import add_months
from bruecke.cases.aggregates import year_start
from bruecke.cases.models import Grain, StatCount
from bruecke.directory.hsds import language_name
from bruecke.directory.models import Service
from bruecke.directory.views import stale_q
from bruecke.lib.handlungsfelder import HANDLUNGSFELDER, Topic
from bruecke.lib.topics import top_level
from bruecke.org.models import District, Office, Role
from bruecke.reports.suppression import PRIMARY, SMALL_MAX, is_small
from bruecke.reports.suppression import shown as shown_count

# Who may open district planning: the Bezirksteams' coordinators, team leads and
# the administration (which enters the number of children per district).
PLANNING_ROLES = {Role.KOORDINATION, Role.TEAMLEITUNG, Role.ADMINISTRATION}

# A Handlungsfeld needs at least this many cases in a district before supply is judged.
MIN_CASES = SMALL_MAX + 1
# "Little supply": high demand (see _judge) and at most this many offers.
LOW_OFFERS = 2
# Counts per (district id, Handlungsfeld slug).
Counts = dict[tuple[int, str], int]
# How many stale directory entries the page lists (the directory pages list all).
STALE_LIMIT = 50


def shown(count: int) -> str:
    """A count as it may be shown: "<5" for 1 to 4, else the number (primary rule only)."""
    return shown_count(count, PRIMARY if is_small(count) else "")


# --- The period ------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A period of whole months (first day to last day, both included).

    Whole months only: periods that differ by a day would let a reader subtract
    two counts and recover a suppressed small number.
    """

    key: str
    label: str
    start: dt.date
    end: dt.date


def period_choices(today: dt.date) -> list[Period]:
    """The last 12 full months (default), then the three previous calendar years."""
    first_of_month = today.replace(day=1)
    last12 = Period(
        "12m",
        str(_("Letzte 12 Monate")),
        add_months(first_of_month, -12),
        first_of_month - dt.timedelta(days=1),
    )
    years = [
        Period(str(year), str(year), dt.date(year, 1, 1), dt.date(year, 12, 31))
        for year in range(today.year - 1, today.year - 4, -1)
    ]
    return [last12, *years]


def period_for(key: str | None, today: dt.date) -> Period:
    choices = period_choices(today)
    return next((p for p in choices if p.key == key), choices[0])


# --- The matrix ------------------------------------------------------------------------


class Level:
    """How supply compares to demand in one cell."""

    GAP = "gap"  # enough cases, no offer at all
    LOW = "low"  # enough cases, demand above the city's median, at most LOW_OFFERS offers
    OK = "ok"
    FEW = "few"  # too few cases to judge
    NO_SERVICE = "none"  # no Kita-Sozialarbeit in the district: demand is not recorded


LEVEL_LABELS: dict[str, Promise] = {
    Level.GAP: _("Lücke: kein Angebot"),
    Level.LOW: _("Wenig Angebot"),
    Level.OK: _("Angebot vorhanden"),
    Level.FEW: _("Wenig Bedarf erfasst"),
    Level.NO_SERVICE: _("Keine Kita-Sozialarbeit"),
}


@dataclass
class Cell:
    topic: Topic
    cases: int = 0
    contacts: int = 0
    offers: int = 0
    languages: list[str] = field(default_factory=list)  # German names, sorted
    cases_per_1000: Decimal | None = None
    contacts_per_1000: Decimal | None = None
    level: str = Level.FEW

    @property
    def cases_shown(self) -> str:
        return shown(self.cases)

    @property
    def contacts_shown(self) -> str:
        return shown(self.contacts)

    @property
    def level_label(self) -> Promise:
        return LEVEL_LABELS[self.level]

    @property
    def is_gap(self) -> bool:
        return self.level in {Level.GAP, Level.LOW}


@dataclass
class DistrictRow:
    district: District
    cells: list[Cell]

    @property
    def gaps(self) -> list[Cell]:
        return [cell for cell in self.cells if cell.is_gap]


@dataclass
class Planning:
    office: Office
    period: Period
    rows: list[DistrictRow]
    topics: tuple[Topic, ...] = HANDLUNGSFELDER

    @property
    def gaps(self) -> list[tuple[District, Cell]]:
        """Every gap, gaps without any offer first, then by number of cases."""
        found = [(row.district, cell) for row in self.rows for cell in row.gaps]
        return sorted(found, key=lambda dc: (dc[1].level != Level.GAP, -dc[1].cases))

    @property
    def children_missing(self) -> list[District]:
        return [row.district for row in self.rows if row.district.children_under_6 is None]


def demand(office: Office, period: Period) -> tuple[Counts, Counts]:
    """Cases and contacts per (district id, Handlungsfeld), from the report counts.

    Cases open at some time in the period = cases opened up to its last day
    minus cases closed before its first day. Contacts = contacts on cases
    (under their case's topics when they have none) plus anonymous
    consultations in the period. ``cases.aggregates`` keeps these counts per
    month and year in the same transaction as every write, so this is one
    small query whatever the number of cases and contacts; whole years are
    read in the year grain, the rest in months.
    """
    end_year, start_year = year_start(period.end), year_start(period.start)
    opened = Q(metric=aggregates.OPENED_TOPIC) & (
        Q(grain=Grain.YEAR, start__lt=end_year)
        | Q(grain=Grain.MONTH, start__gte=end_year, start__lte=period.end)
    )
    closed_before = Q(metric=aggregates.CLOSED_TOPIC) & (
        Q(grain=Grain.YEAR, start__lt=start_year)
        | Q(grain=Grain.MONTH, start__gte=start_year, start__lt=period.start)
    )
    contacts = Q(
        metric__in=[aggregates.CONTACT_TOPIC, aggregates.CONSULTATION_TOPIC],
        grain=Grain.MONTH,
        start__range=(period.start, period.end),
    )
    rows = (
        StatCount.objects.filter(Q(office=office) & (opened | closed_before | contacts))
        .order_by()
        .values("district_pk", "key")
        .annotate(
            cases=Sum(
                DbCase(
                    When(opened, then=F("n")),
                    When(closed_before, then=-F("n")),
                    default=Value(0),
                )
            ),
            contacts=Sum(DbCase(When(contacts, then=F("n")), default=Value(0))),
        )
    )
    case_counts: Counts = {}
    contact_counts: Counts = {}
    for row in rows:
        key = (row["district_pk"], row["key"])
        case_counts[key] = row["cases"]
        contact_counts[key] = row["contacts"]
    return case_counts, contact_counts


@dataclass
class _Supply:
    offers: Counts
    languages: dict[tuple[int, str], set[str]]


def supply(office: Office) -> _Supply:
    """Active offers serving each district of the office, per (district, Handlungsfeld).

    Offers of any office count: the directory is shared, and a neighbouring
    city's offer may well serve a district here.
    """
    # Grouped in SQL: many offers share their topics and languages.
    links = (
        Service.districts.through.objects.filter(
            district__office=office, service__status=Service.Status.ACTIVE
        )
        .order_by()
        .values_list("district_id", "service__topics", "service__languages")
        .annotate(n=Count("pk"))
    )
    offers: Counts = defaultdict(int)
    languages: dict[tuple[int, str], set[str]] = defaultdict(set)
    for district_id, topics, codes, number in links:
        for slug in {top_level(code) for code in topics or ()}:
            offers[(district_id, slug)] += number
            languages[(district_id, slug)].update(codes or ())
    return _Supply(offers, languages)


def _per_1000(count: int, children: int | None) -> Decimal | None:
    # No rate for suppressed counts: with the (public) number of children it
    # would give the small count away.
    if not children or is_small(count):
        return None
    return (Decimal(count) * 1000 / children).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def districts_of(office: Office) -> list[District]:
    """The office's districts by name (every one, with or without Kita-Sozialarbeit)."""
    return list(District.objects.filter(office=office).order_by("name"))


def planning_matrix(*, office: Office, period: Period) -> Planning:
    """Demand against supply for every district of ``office`` and every Handlungsfeld."""
    districts = districts_of(office)
    cases, contacts = demand(office, period)
    offered = supply(office)
    rows = []
    for district in districts:
        cells = []
        for topic in HANDLUNGSFELDER:
            key = (district.pk, topic.slug)
            cell = Cell(
                topic=topic,
                cases=cases.get(key, 0),
                contacts=contacts.get(key, 0),
                offers=offered.offers.get(key, 0),
                languages=sorted(language_name(c) for c in offered.languages.get(key, ())),
            )
            cell.cases_per_1000 = _per_1000(cell.cases, district.children_under_6)
            cell.contacts_per_1000 = _per_1000(cell.contacts, district.children_under_6)
            cells.append(cell)
        rows.append(DistrictRow(district, cells))
    _judge(rows)
    return Planning(office=office, period=period, rows=rows)


def _judge(rows: list[DistrictRow]) -> None:
    """Set each cell's level.

    "Little supply" needs high demand: more cases per 1,000 children than the
    median district of the office (the plain number of cases where the
    number of children is missing), and at most ``LOW_OFFERS`` offers.
    """
    measured = [row for row in rows if row.district.kita_sozialarbeit]
    for index, _topic in enumerate(HANDLUNGSFELDER):
        cells = [row.cells[index] for row in measured]
        rates = [c.cases_per_1000 for c in cells if c.cases_per_1000 is not None]
        rate_median = statistics.median(rates) if rates else None
        case_median = statistics.median(c.cases for c in cells) if cells else 0
        for row in rows:
            cell = row.cells[index]
            if cell.cases_per_1000 is not None and rate_median is not None:
                high = cell.cases_per_1000 > rate_median
            else:
                high = cell.cases > case_median
            if not row.district.kita_sozialarbeit and not cell.cases:
                cell.level = Level.NO_SERVICE
            elif cell.cases < MIN_CASES:
                cell.level = Level.FEW
            elif cell.offers == 0:
                cell.level = Level.GAP
            elif cell.offers <= LOW_OFFERS and high:
                cell.level = Level.LOW
            else:
                cell.level = Level.OK


# --- Directory entries due for a check -------------------------------------------------


def stale_offers(*, office: Office, today: dt.date) -> QuerySet[Service]:
    """The office's directory entries not verified for 12 months (oldest first).

    Uses the directory's own rule (``stale_q``), so both pages always agree.
    Discontinued offers are left out: nobody needs to check them.
    """
    return (
        Service.objects.filter(office=office)
        .exclude(status=Service.Status.DEFUNCT)
        .filter(stale_q(today))
        .select_related("organization")
        # Never verified first (NULLs sort differently in SQLite and PostgreSQL).
        .order_by(F("last_verified").asc(nulls_first=True), "name")
    )
