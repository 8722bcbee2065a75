"""The Sachbericht: the key numbers of a report in the frame the state programme asks for.

Built from a ``Report`` only, so it shows exactly the numbers of the report
(small ones hidden the same way). The sentences are German, as the report
goes to the funding body in German.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from bruecke.reports.report import Report, Row, Table, Value


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    table: Table | None = None


def _top(table: Table, count: int = 3) -> str:
    """The largest shown rows of a table's first column: "Telefonberatung (312), …"."""
    rows = [
        row
        for row in table.rows
        if not row.total and not row.values[0].is_hidden and (row.values[0].value or 0) > 0
    ]
    rows.sort(key=lambda row: -(row.values[0].value or 0))
    return ", ".join(f"{row.label} ({row.values[0].text})" for row in rows[:count]) or "–"


def _value(row: Row | None, column: int = 0) -> Value:
    return row.values[column] if row is not None else Value(None, "–")


def _row(table: Table, label: str) -> Row | None:
    return next((row for row in table.rows if row.label == label), None)


def _in_words(value: Value) -> str:
    """A count inside a sentence: "weniger als 5" reads better than "<5"."""
    if value.text == "<5":
        return _("weniger als 5")
    if value.text == "•":
        return _("(nicht angezeigt)")
    return value.text


def sections(report: Report) -> list[Section]:
    figures = {figure.label: figure for figure in report.figures}

    def now(label: str) -> str:
        return _in_words(figures[label].current)

    def before(label: str) -> str:
        return _in_words(figures[label].previous)

    period = report.period.label
    previous = report.previous.label
    reach = report.table("reach")
    children = [row for row in reach.rows if row.age_group]
    ages = "; ".join(f"{row.age_group}: {_in_words(row.values[0])}" for row in children)
    work = report.table("work")
    networking = sum(
        (_value(_row(work, label)).value or 0)
        for label in (_("Netzwerktreffen"), _("Bezirksteam"))
        if not _value(_row(work, label)).is_hidden
    )
    return [
        Section(
            _("1. Erreichte Familien und Kinder"),
            [
                _(
                    "Im Berichtszeitraum (%(period)s) hat die Kita-Sozialarbeit %(families)s "
                    "Familien mit %(children)s Kindern erreicht (%(previous)s: %(families_before)s "
                    "Familien, %(children_before)s Kinder)."
                )
                % {
                    "period": period,
                    "families": now(_("Erreichte Familien")),
                    "children": now(_("Erreichte Kinder")),
                    "previous": previous,
                    "families_before": before(_("Erreichte Familien")),
                    "children_before": before(_("Erreichte Kinder")),
                },
                _("Alter der Kinder am Ende des Zeitraums: %(ages)s.") % {"ages": ages},
            ],
            reach,
        ),
        Section(
            _("2. Beratung: Kontakte nach Kontaktart"),
            [
                _(
                    "Es fanden %(contacts)s Kontakte statt, darunter %(anonymous)s anonyme "
                    "Beratungen ohne Fall (%(previous)s: %(contacts_before)s). Am häufigsten: "
                    "%(top)s."
                )
                % {
                    "contacts": now(_("Kontakte")),
                    "anonymous": now(_("davon anonyme Beratungen")),
                    "previous": previous,
                    "contacts_before": before(_("Kontakte")),
                    "top": _top(report.table("contacts")),
                }
            ],
            report.table("contacts"),
        ),
        Section(
            _("3. Handlungsfelder"),
            [
                _(
                    "Die %(new)s neuen Fälle betrafen vor allem diese Handlungsfelder: %(top)s. "
                    "Ein Fall kann mehrere Handlungsfelder haben."
                )
                % {"new": now(_("Neue Fälle")), "top": _top(report.table("cases_topic"))}
            ],
            report.table("cases_topic"),
        ),
        Section(
            _("4. Zugangswege"),
            [
                _("Die Familien kamen vor allem so zur Kita-Sozialarbeit: %(top)s.")
                % {"top": _top(report.table("cases_zugangsweg"))}
            ],
            report.table("cases_zugangsweg"),
        ),
        Section(
            _("5. Vernetzung und Arbeit ohne Familienbezug"),
            [
                _(
                    "Neben der Arbeit mit Familien nahm die Kita-Sozialarbeit an %(networking)s "
                    "Netzwerktreffen und Bezirksteams teil; dazu kamen Fallberatungen in Kitas, "
                    "Elternabende und Veranstaltungen (siehe Tabelle). %(referrals)s Familien "
                    "wurden an Angebote des Netzwerks vermittelt (%(previous)s: %(referrals_before)s)."
                )
                % {
                    "networking": networking,
                    "referrals": now(_("Vermittlungen")),
                    "previous": previous,
                    "referrals_before": before(_("Vermittlungen")),
                }
            ],
            work,
        ),
        Section(
            _("6. Fälle und Dauer der Hilfe"),
            [
                _(
                    "%(new)s Fälle wurden neu eröffnet und %(closed)s abgeschlossen; am Ende "
                    "des Zeitraums liefen %(open)s Fälle. Die Hilfe dauerte im Median %(days)s Tage."
                )
                % {
                    "new": now(_("Neue Fälle")),
                    "closed": now(_("Abgeschlossene Fälle")),
                    "open": now(_("Offene Fälle am Ende")),
                    "days": now(_("Falldauer (Median, Tage)")),
                },
                _(
                    "Anfragen zur Kontaktaufnahme wurden im Median nach %(days)s Arbeitstagen "
                    "beantwortet."
                )
                % {"days": now(_("Antwort auf Anfragen (Median, Arbeitstage)"))},
            ],
            report.table("cases_district"),
        ),
        Section(
            _("7. Dolmetschung"),
            [
                _("Bei %(count)s Kontakten wurde gedolmetscht; am häufigsten: %(top)s.")
                % {
                    "count": _in_words(
                        _value(next((r for r in report.table("interpreter").rows if r.total), None))
                    ),
                    "top": _top(report.table("interpreter")),
                }
            ],
        ),
    ]
