"""The report: key figures and tables for one office, period and scope, small numbers hidden.

``build_report`` reads the counts (``selectors``), puts each count into its
suppression cube (``suppression``) and lays out what the page, the exports
and the Sachbericht show. Every number shown passes through a cube, so a
number hidden in one view is hidden in all of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from bruecke.cases import aggregates as agg
from bruecke.cases.choices import Kontaktart, Outcome, WorkKind, Zugangsweg
from bruecke.directory.models import Organization
from bruecke.lib.handlungsfelder import HANDLUNGSFELDER
from bruecke.referrals.models import Referral
from bruecke.reports import suppression as sup
from bruecke.reports.periods import Period
from bruecke.reports.selectors import PeriodCounts, Scope, period_counts
from bruecke.reports.suppression import TOTAL, Dimension

# A median, a share or a mean is shown only when it rests on this many.
MIN_BASE = sup.SMALL_MAX + 1


@dataclass(frozen=True)
class Value:
    """One number as shown: its text ("1.234", "<5", "•", "–") and, if shown, its value."""

    value: int | float | None
    text: str
    mark: str = ""

    @property
    def is_hidden(self) -> bool:
        return bool(self.mark)

    @property
    def export_value(self) -> int | float | str:
        """What a spreadsheet cell holds: the number if shown, else the text."""
        if self.mark or self.value is None:
            return self.text
        return self.value


def count_value(value: int, mark: str) -> Value:
    return Value(None if mark else value, sup.shown(value, mark), mark)


NOT_SHOWN = Value(None, "–")


@dataclass(frozen=True)
class Column:
    label: str
    group: str = ""  # a heading over several columns ("Neue Fälle")
    previous: bool = False


@dataclass
class Row:
    label: str
    values: list[Value]
    total: bool = False
    # The age group of a "Kinder: …" row, for texts that name the groups (Sachbericht).
    age_group: str = ""


@dataclass
class Table:
    slug: str
    title: str
    row_heading: str
    columns: list[Column]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)
    # Columns drawn in the chart beside the table (none: no chart).
    chart_columns: tuple[int, ...] = ()

    @property
    def groups(self) -> list[tuple[str, int]]:
        """Column groups for a second header row: (label, span); empty without groups."""
        if not any(column.group for column in self.columns):
            return []
        groups: list[tuple[str, int]] = []
        for column in self.columns:
            if groups and groups[-1][0] == column.group:
                groups[-1] = (column.group, groups[-1][1] + 1)
            else:
                groups.append((column.group, 1))
        return groups


@dataclass(frozen=True)
class Figure:
    """A key number with the period before."""

    label: str
    current: Value
    previous: Value


@dataclass
class Report:
    scope: Scope
    period: Period
    previous: Period
    figures: list[Figure]
    tables: list[Table]
    made_on: dt.date

    def table(self, slug: str) -> Table:
        return next(table for table in self.tables if table.slug == slug)

    def figure(self, label: str) -> Figure:
        return next(figure for figure in self.figures if figure.label == label)

    @property
    def office(self):  # type: ignore[no-untyped-def]
        return self.scope.office


# --- Suppression cubes ----------------------------------------------------------------------------


# Bounded: every write changes some numbers, and with them the key.
@lru_cache(maxsize=256)
def _cube_cached(
    counts: tuple[tuple[tuple[Hashable, Hashable, Hashable], int], ...],
    districts: tuple[Hashable, ...],
    dimensions: tuple[tuple[Hashable, Dimension], ...],
    teams: tuple[tuple[Hashable, frozenset[Hashable]], ...],
    totals: tuple[tuple[Hashable, int], ...] | None,
) -> sup.Cube:
    return sup.cube(
        dict(counts),
        districts=districts,
        dimensions=dict(dimensions),
        teams=dict(teams),
        totals=dict(totals) if totals is not None else None,
    )


def _cube(
    scope: Scope,
    dimensions: dict[str, tuple[Sequence[str], bool, dict[tuple[int, str], int]]],
    totals: dict[tuple[int, str], int] | None = None,
) -> sup.Cube:
    """A suppressed cube over every district of the office (and "no district").

    ``dimensions``: name -> (keys, additive, counts by (district, key)).
    Cached by its numbers: the suppression is a pure function of them.
    """
    districts = (*(d.pk for d in scope.districts), agg.NO_DISTRICT)
    counts = tuple(
        sorted(
            ((district, name, key), n)
            for name, (keys, _additive, by_key) in dimensions.items()
            for (district, key), n in by_key.items()
            if n and key in keys and district in districts
        )
    )
    return _cube_cached(
        counts,
        districts,
        tuple(
            (name, Dimension(tuple(keys), additive))
            for name, (keys, additive, _c) in dimensions.items()
        ),
        tuple(sorted((t, frozenset(ds)) for t, ds in scope.team_districts.items())),
        tuple(sorted((d, n) for (d, _key), n in totals.items() if n))
        if totals is not None
        else None,
    )


def _cell(scope: Scope, cube: sup.Cube, *key: Hashable) -> Value:
    cell = (*scope.prefix, *key)
    return count_value(cube.value(cell), cube.mark(cell))


def _district_cell(cube: sup.Cube, district: int) -> Value:
    cell = ("d", district, TOTAL)
    return count_value(cube.value(cell), cube.mark(cell))


# --- Labels ----------------------------------------------------------------------------------


def age_labels() -> list[tuple[str, str]]:
    return [
        ("0", _("unter 1 Jahr")),
        ("1", _("1 bis unter 3 Jahre")),
        ("3", _("3 bis unter 6 Jahre")),
        ("6", _("6 Jahre und älter")),
        ("?", _("Alter nicht bekannt")),
    ]


@cache
def _language_names() -> dict[str, str]:
    from babel import Locale

    return {str(code): str(name) for code, name in Locale("de").languages.items()}


def language_label(code: str) -> str:
    if code == agg.OTHER_LANGUAGE:
        return _("andere Sprache")
    return _language_names().get(code, code)


def _choices(choices: Iterable[tuple[str, object]]) -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in choices]


TOPIC_LABELS: Callable[[], list[tuple[str, str]]] = lambda: [  # noqa: E731
    (topic.slug, str(topic.title)) for topic in HANDLUNGSFELDER
]


# --- Building -----------------------------------------------------------------------------------


@dataclass
class _Side:
    """One period's cubes."""

    counts: PeriodCounts
    contacts: sup.Cube
    families: sup.Cube
    children: sup.Cube
    cases: dict[str, sup.Cube]  # opened, closed, open
    work: sup.Cube
    participants: sup.Cube
    interpreter: sup.Cube
    referrals: sup.Cube
    referral_outcomes: sup.Cube
    intake: sup.Cube


def _side(scope: Scope, counts: PeriodCounts, languages: Sequence[str]) -> _Side:
    m = counts.metrics
    kinds = [k for k, _label in Kontaktart.choices]
    contacts_by_kind: dict[tuple[int, str], int] = dict(m[agg.CONTACT])
    for key, n in m[agg.CONSULTATION].items():
        contacts_by_kind[key] = contacts_by_kind.get(key, 0) + n
    source: dict[tuple[int, str], int] = {}
    for metric, name in ((agg.CONTACT, "case"), (agg.CONSULTATION, "anonymous")):
        for (district, _kind), n in m[metric].items():
            source[(district, name)] = source.get((district, name), 0) + n
    ways = [k for k, _label in Zugangsweg.choices]
    topics = [slug for slug, _label in TOPIC_LABELS()]
    outcomes = [k for k, _label in Outcome.choices]
    work_kinds = [k for k, _label in WorkKind.choices]

    def totals(metric: str) -> dict[tuple[int, str], int]:
        return {(d, ""): n for (d, key), n in m[metric].items() if key == ""}

    cases = {
        "opened": _cube(
            scope,
            {"zw": (ways, True, m[agg.OPENED_ZW]), "topic": (topics, False, m[agg.OPENED_TOPIC])},
            totals(agg.OPENED),
        ),
        "closed": _cube(
            scope,
            {
                "zw": (ways, True, m[agg.CLOSED_ZW]),
                "topic": (topics, False, m[agg.CLOSED_TOPIC]),
                "outcome": (outcomes, True, m[agg.CLOSED_OUTCOME]),
            },
            totals(agg.CLOSED),
        ),
        "open": _cube(
            scope,
            {"zw": (ways, True, m["open_zw"]), "topic": (topics, False, m["open_topic"])},
            totals("open"),
        ),
    }
    referral_kinds = [k for k, _label in Organization.Kind.choices]
    statuses = [k for k, _label in Referral.Status.choices]
    return _Side(
        counts=counts,
        contacts=_cube(
            scope,
            {
                "kind": (kinds, True, contacts_by_kind),
                "source": (["case", "anonymous"], True, source),
            },
        ),
        families=_cube(scope, {}, totals(agg.FAMILIES)),
        children=_cube(scope, {"age": (list(agg.AGE_GROUPS), True, m[agg.CHILDREN])}),
        cases=cases,
        work=_cube(scope, {"kind": (work_kinds, True, m[agg.WORK])}),
        participants=_cube(scope, {"kind": (work_kinds, True, m[agg.WORK_PARTICIPANTS])}),
        interpreter=_cube(scope, {"language": (languages, True, m[agg.INTERPRETER])}),
        referrals=_cube(
            scope,
            {
                "kind": (referral_kinds, True, counts.referrals["kind"]),
                "status": (statuses, True, counts.referrals["status"]),
            },
        ),
        referral_outcomes=_cube(
            scope,
            {
                "outcome": (
                    [k for k, _label in Referral.Outcome.choices],
                    True,
                    counts.referrals["outcome"],
                )
            },
        ),
        intake=_cube(scope, {"state": (["within", "late", "open"], True, counts.intake)}),
    )


def build_report(*, scope: Scope, period: Period) -> Report:
    """Every figure and table of the report (a fixed number of queries)."""
    current_counts, previous_counts = period_counts(scope=scope, period=period)
    languages = sorted(
        {
            key
            for c in (current_counts, previous_counts)
            for (_d, key) in c.metrics[agg.INTERPRETER]
        },
        key=lambda code: (code == agg.OTHER_LANGUAGE, language_label(code)),
    )
    now = _side(scope, current_counts, languages)
    before = _side(scope, previous_counts, languages)
    previous = period.previous()
    builder = _Builder(scope, period, previous, now, before)
    return Report(
        scope=scope,
        period=period,
        previous=previous,
        figures=builder.figures(),
        tables=builder.tables(languages),
        made_on=timezone.localdate(),
    )


class _Builder:
    def __init__(
        self, scope: Scope, period: Period, previous: Period, now: _Side, before: _Side
    ) -> None:
        self.scope = scope
        self.period = period
        self.previous = previous
        self.now = now
        self.before = before

    # -- helpers --

    def both(self, pick: Callable[[_Side], sup.Cube], *key: Hashable) -> list[Value]:
        return [_cell(self.scope, pick(self.now), *key), _cell(self.scope, pick(self.before), *key)]

    def period_columns(self, group: str = "") -> list[Column]:
        return [
            Column(self.period.short, group),
            Column(self.previous.short, group, previous=True),
        ]

    def key_rows(
        self,
        pick: Callable[[_Side], sup.Cube],
        dimension: str,
        labels: Sequence[tuple[str, str]],
        *,
        total: str | None = None,
        skip_empty: bool = False,
    ) -> list[Row]:
        rows = []
        for key, label in labels:
            values = self.both(pick, dimension, key)
            if skip_empty and all(v.value == 0 for v in values):
                continue
            rows.append(Row(label, values))
        if total is not None:
            rows.append(Row(total, self.both(pick, TOTAL), total=True))
        return rows

    # -- figures --

    def figures(self) -> list[Figure]:
        def figure(label: str, values: list[Value]) -> Figure:
            return Figure(label, values[0], values[1])

        return [
            figure(_("Kontakte"), self.both(lambda s: s.contacts, TOTAL)),
            figure(
                _("davon anonyme Beratungen"),
                self.both(lambda s: s.contacts, "source", "anonymous"),
            ),
            figure(_("Erreichte Familien"), self.both(lambda s: s.families, TOTAL)),
            figure(_("Erreichte Kinder"), self.both(lambda s: s.children, TOTAL)),
            figure(_("Neue Fälle"), self.both(lambda s: s.cases["opened"], TOTAL)),
            figure(_("Abgeschlossene Fälle"), self.both(lambda s: s.cases["closed"], TOTAL)),
            figure(_("Offene Fälle am Ende"), self.both(lambda s: s.cases["open"], TOTAL)),
            figure(
                _("Falldauer (Median, Tage)"),
                [self.median_days(self.now), self.median_days(self.before)],
            ),
            figure(_("Vermittlungen"), self.both(lambda s: s.referrals, TOTAL)),
            figure(
                _("Antwort auf Anfragen (Median, Arbeitstage)"),
                [self.response_days(self.now), self.response_days(self.before)],
            ),
        ]

    def median_days(self, side: _Side) -> Value:
        closed = _cell(self.scope, side.cases["closed"], TOTAL)
        median = side.counts.median_case_days
        if closed.is_hidden or median is None or closed.value is None or closed.value < MIN_BASE:
            return NOT_SHOWN
        return Value(median, _number(median))

    def response_days(self, side: _Side) -> Value:
        days = side.counts.response_days
        median = side.counts.median_response_days
        if median is None or len(days) < MIN_BASE:
            return NOT_SHOWN
        return Value(median, _number(median))

    def within_share(self, side: _Side) -> Value:
        within = _cell(self.scope, side.intake, "state", "within")
        late = _cell(self.scope, side.intake, "state", "late")
        if within.is_hidden or late.is_hidden or within.value is None or late.value is None:
            return NOT_SHOWN
        answered = within.value + late.value
        if answered < MIN_BASE:
            return NOT_SHOWN
        share = round(100 * within.value / answered)
        return Value(share, f"{share} %")

    # -- tables --

    def tables(self, languages: Sequence[str]) -> list[Table]:
        return [
            self.contacts(),
            self.contact_sources(),
            self.reach(),
            self.cases_by_district(),
            self.cases_by(
                "cases_topic",
                _("Fälle nach Handlungsfeld"),
                _("Handlungsfeld"),
                "topic",
                TOPIC_LABELS(),
                total=False,
                note=_(
                    "Ein Fall kann mehrere Handlungsfelder haben; die Zeilen ergeben keine Summe."
                ),
            ),
            self.cases_by(
                "cases_zugangsweg",
                _("Fälle nach Zugangsweg"),
                _("Zugangsweg"),
                "zw",
                _choices(Zugangsweg.choices),
                total=True,
            ),
            self.outcomes(),
            self.referrals_by(
                "referrals_kind",
                _("Vermittlungen nach Art der Stelle"),
                _("Art der Stelle"),
                "kind",
                _choices(Organization.Kind.choices),
            ),
            self.referrals_by(
                "referrals_status",
                _("Vermittlungen nach Stand"),
                _("Stand"),
                "status",
                _choices(Referral.Status.choices),
                chart=False,
            ),
            self.referral_outcomes(),
            self.work(),
            self.interpreter(languages),
            self.intake(),
        ]

    def contacts(self) -> Table:
        return Table(
            slug="contacts",
            title=_("Kontakte nach Kontaktart"),
            row_heading=_("Kontaktart"),
            columns=self.period_columns(),
            rows=self.key_rows(
                lambda s: s.contacts,
                "kind",
                _choices(Kontaktart.choices),
                total=_("Kontakte gesamt"),
            ),
            notes=[_("Kontakte in Fällen und anonyme Beratungen zusammen.")],
            chart_columns=(0, 1),
        )

    def contact_sources(self) -> Table:
        return Table(
            slug="contact_sources",
            title=_("Kontakte in Fällen und anonyme Beratungen"),
            row_heading=_("Art"),
            columns=self.period_columns(),
            rows=self.key_rows(
                lambda s: s.contacts,
                "source",
                [("case", _("Kontakte in Fällen")), ("anonymous", _("anonyme Beratungen"))],
                total=_("Kontakte gesamt"),
            ),
        )

    def reach(self) -> Table:
        rows = [Row(_("Familien"), self.both(lambda s: s.families, TOTAL))]
        for key, label in age_labels():
            values = self.both(lambda s: s.children, "age", key)
            # "Age not known" only where there is such a child.
            if key != "?" or any(v.value != 0 for v in values):
                rows.append(Row(_("Kinder: %(age)s") % {"age": label}, values, age_group=label))
        rows.append(Row(_("Kinder gesamt"), self.both(lambda s: s.children, TOTAL), total=True))
        return Table(
            slug="reach",
            title=_("Erreichte Familien und Kinder"),
            row_heading=_("Erreicht"),
            columns=self.period_columns(),
            rows=rows,
            notes=[
                _(
                    "Familien mit mindestens einem Kontakt im Zeitraum, jede einmal – im "
                    "Stadtbezirk ihres ersten Kontakts. Kinder nach ihrem Alter am Ende des Zeitraums."
                )
            ],
            chart_columns=(0, 1),
        )

    def case_columns(self) -> list[Column]:
        return [
            *self.period_columns(_("Neue Fälle")),
            *self.period_columns(_("Abgeschlossen")),
            *self.period_columns(_("Offen am Ende")),
        ]

    def case_values(self, *key: Hashable) -> list[Value]:
        return [
            value
            for name in ("opened", "closed", "open")
            for value in self.both(lambda s, name=name: s.cases[name], *key)  # type: ignore[misc]
        ]

    def cases_by_district(self) -> Table:
        in_scope = self.scope.district_pks
        rows = []
        for district in self.scope.districts:
            if in_scope is not None and district.pk not in in_scope:
                continue
            values = [
                _district_cell(side.cases[name], district.pk)
                for name in ("opened", "closed", "open")
                for side in (self.now, self.before)
            ]
            if not district.kita_sozialarbeit and all(v.value == 0 for v in values):
                continue
            rows.append(Row(district.name, values))
        if len(rows) != 1:
            rows.append(Row(_("Gesamt"), self.case_values(TOTAL), total=True))
        return Table(
            slug="cases_district",
            title=_("Fälle nach Stadtbezirk"),
            row_heading=_("Stadtbezirk"),
            columns=self.case_columns(),
            rows=rows,
            notes=[
                _("„Offen am Ende“: am letzten Tag des Zeitraums (%(end)s) laufende Fälle.")
                % {"end": f"{self.period.end:%d.%m.%Y}"}
            ],
            chart_columns=(0, 2, 4),
        )

    def cases_by(
        self,
        slug: str,
        title: str,
        heading: str,
        dimension: str,
        labels: Sequence[tuple[str, str]],
        *,
        total: bool,
        note: str = "",
    ) -> Table:
        rows = [Row(label, self.case_values(dimension, key)) for key, label in labels]
        if total:
            rows.append(Row(_("Gesamt"), self.case_values(TOTAL), total=True))
        return Table(
            slug=slug,
            title=title,
            row_heading=heading,
            columns=self.case_columns(),
            rows=rows,
            notes=[note] if note else [],
            chart_columns=(0, 2, 4),
        )

    def outcomes(self) -> Table:
        median = [self.median_days(self.now), self.median_days(self.before)]
        return Table(
            slug="outcomes",
            title=_("Abgeschlossene Fälle nach Ergebnis"),
            row_heading=_("Ergebnis"),
            columns=self.period_columns(),
            rows=self.key_rows(
                lambda s: s.cases["closed"],
                "outcome",
                _choices(Outcome.choices),
                total=_("Abgeschlossene Fälle gesamt"),
            ),
            notes=[
                _(
                    "Mittlere Dauer der abgeschlossenen Fälle (Median): %(now)s Tage "
                    "(%(previous_label)s: %(previous)s Tage)."
                )
                % {
                    "now": median[0].text,
                    "previous_label": self.previous.short,
                    "previous": median[1].text,
                }
            ],
        )

    def referrals_by(
        self,
        slug: str,
        title: str,
        heading: str,
        dimension: str,
        labels: Sequence[tuple[str, str]],
        *,
        chart: bool = True,
    ) -> Table:
        return Table(
            slug=slug,
            title=title,
            row_heading=heading,
            columns=self.period_columns(),
            rows=self.key_rows(
                lambda s: s.referrals,
                dimension,
                labels,
                total=_("Vermittlungen gesamt"),
                skip_empty=True,
            ),
            notes=[_("Vermittlungen, die im Zeitraum angelegt wurden, mit ihrem heutigen Stand.")],
            chart_columns=(0, 1) if chart else (),
        )

    def referral_outcomes(self) -> Table:
        return Table(
            slug="referrals_outcome",
            title=_("Abgeschlossene Vermittlungen nach Ergebnis"),
            row_heading=_("Ergebnis"),
            columns=self.period_columns(),
            rows=self.key_rows(
                lambda s: s.referral_outcomes,
                "outcome",
                _choices(Referral.Outcome.choices),
                total=_("Gesamt"),
            ),
        )

    def work(self) -> Table:
        rows = []
        for key, label in _choices(WorkKind.choices):
            rows.append(
                Row(
                    label,
                    [
                        *self.both(lambda s: s.work, "kind", key),
                        *self.both(lambda s: s.participants, "kind", key),
                    ],
                )
            )
        rows.append(
            Row(
                _("Gesamt"),
                [*self.both(lambda s: s.work, TOTAL), *self.both(lambda s: s.participants, TOTAL)],
                total=True,
            )
        )
        notes = [_("Netzwerkarbeit, Fallberatungen in Kitas, Elternabende und Veranstaltungen.")]
        if self.scope.district_pks is not None:
            notes.append(
                _("Arbeit ohne Stadtbezirk zählt nur in der Auswertung des ganzen Jugendamts.")
            )
        return Table(
            slug="work",
            title=_("Arbeit ohne Familienbezug"),
            row_heading=_("Art"),
            columns=[*self.period_columns(_("Anzahl")), *self.period_columns(_("Teilnehmende"))],
            rows=rows,
            notes=notes,
            chart_columns=(0, 1),
        )

    def interpreter(self, languages: Sequence[str]) -> Table:
        return Table(
            slug="interpreter",
            title=_("Kontakte mit Dolmetschung nach Sprache"),
            row_heading=_("Sprache"),
            columns=self.period_columns(),
            rows=self.key_rows(
                lambda s: s.interpreter,
                "language",
                [(code, language_label(code)) for code in languages],
                total=_("Kontakte mit Dolmetschung"),
            ),
            notes=[_("Kontakte in Fällen und anonyme Beratungen.")],
            chart_columns=(0, 1),
        )

    def intake(self) -> Table:
        rows = self.key_rows(
            lambda s: s.intake,
            "state",
            [
                ("within", _("innerhalb der Frist beantwortet")),
                ("late", _("nach der Frist oder noch nicht beantwortet (Frist vorbei)")),
                ("open", _("noch offen (Frist läuft)")),
            ],
        )
        rows.insert(0, Row(_("Anfragen"), self.both(lambda s: s.intake, TOTAL), total=True))
        rows.append(
            Row(
                _("Anteil innerhalb der Frist"),
                [self.within_share(self.now), self.within_share(self.before)],
            )
        )
        rows.append(
            Row(
                _("Zeit bis zum ersten Kontakt (Median, Arbeitstage)"),
                [self.response_days(self.now), self.response_days(self.before)],
            )
        )
        return Table(
            slug="intake",
            title=_("Anfragen zur Kontaktaufnahme"),
            row_heading=_("Anfragen"),
            columns=self.period_columns(),
            rows=rows,
            notes=[
                _(
                    "Anfragen aus dem Kontaktformular, dem Tablet und von Partnereinrichtungen, "
                    "die im Zeitraum eingingen; Frist in Arbeitstagen (NRW)."
                )
            ],
        )


def _number(value: float) -> str:
    if float(value).is_integer():
        return number_format(int(value), use_l10n=True, force_grouping=True)
    return number_format(value, decimal_pos=1, use_l10n=True)
