"""Bar charts as SVG, drawn on the server with matplotlib.

Each chart shows the numbers of the table beside it and nothing else: a
hidden number ("<5", "•") gets no bar, only its marker. Text stays text in
the SVG (``svg.fonttype = none``), so the page's fonts draw it and nothing is
fetched from anywhere. matplotlib's object API (no pyplot) is safe in threads.
"""

from __future__ import annotations

import io
import re
from functools import lru_cache
from textwrap import fill
from typing import Any

from bruecke.reports.report import Table, Value

# KERN UX colours: action blue for the period, a grey for the period before,
# then two more for the third series of the case tables.
COLOURS = ("#0b5cad", "#8a9099", "#2f7d32", "#b35c00")
TEXT = "#171a1f"
BAR_HEIGHT = 0.8


def table_chart(table: Table) -> str:
    """The SVG of the table's chart (rows without their total row)."""
    rows = [row for row in table.rows if not row.total]
    labels = tuple(row.label for row in rows)
    series = tuple(
        (
            (table.columns[c].group + " " if table.columns[c].group else "")
            + table.columns[c].label,
            tuple(_plain(row.values[c]) for row in rows),
        )
        for c in table.chart_columns
    )
    return _svg(table.title, labels, series)


def _plain(value: Value) -> tuple[float, str]:
    """(length of the bar, text beside it)."""
    if value.mark or value.value is None:
        return (0.0, value.text)
    return (float(value.value), value.text)


@lru_cache(maxsize=256)
def _svg(
    title: str,
    labels: tuple[str, ...],
    series: tuple[tuple[str, tuple[tuple[float, str], ...]], ...],
) -> str:
    from matplotlib import rc_context
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    settings: dict[Any, Any] = {
        "svg.fonttype": "none",  # text stays text: no glyph outlines, no font files
        "svg.hashsalt": "bruecke",  # the same chart gives the same SVG
        "font.family": "sans-serif",
        "font.size": 10,
        "text.color": TEXT,
        "axes.labelcolor": TEXT,
        "xtick.color": TEXT,
        "ytick.color": TEXT,
    }
    with rc_context(settings):
        height = 0.9 + 0.32 * max(1, len(labels)) * max(1, len(series))
        figure = Figure(figsize=(6.4, height), layout="constrained")
        axes = figure.subplots()
        count = len(series)
        bar = BAR_HEIGHT / max(1, count)
        largest = max((length for _name, values in series for length, _t in values), default=0)
        for index, (name, values) in enumerate(series):
            positions = [row - BAR_HEIGHT / 2 + bar * (index + 0.5) for row in range(len(labels))]
            lengths = [length for length, _text in values]
            axes.barh(positions, lengths, height=bar * 0.92, color=COLOURS[index % 4], label=name)
            for position, (length, text) in zip(positions, values, strict=True):
                axes.text(
                    length + largest * 0.01,
                    position,
                    text,
                    va="center",
                    ha="left",
                    fontsize=8,
                )
        # Long names (a Handlungsfeld) on two lines, so the bars keep their room.
        axes.set_yticks(range(len(labels)), labels=[fill(label, 24) for label in labels])
        axes.invert_yaxis()
        axes.set_xlim(0, max(1.0, largest * 1.15))
        axes.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        axes.spines[["top", "right"]].set_visible(False)
        axes.tick_params(axis="y", length=0)
        axes.xaxis.grid(True, color="#d8dbe0", linewidth=0.6)
        axes.set_axisbelow(True)
        # Whole numbers with German digit grouping on the axis, as in the table.
        axes.xaxis.set_major_formatter(
            FuncFormatter(lambda x, _pos: f"{x:,.0f}".replace(",", ".") if x == int(x) else "")
        )
        if count > 1:
            # Above the bars, so it never covers one.
            axes.legend(
                loc="lower left",
                bbox_to_anchor=(0, 1.0),
                ncol=min(count, 2),
                frameon=False,
                fontsize=8,
            )
        buffer = io.StringIO()
        # No creation date: the same numbers give the same file.
        figure.savefig(buffer, format="svg", metadata={"Date": None}, transparent=True)
    svg = buffer.getvalue()
    # An <img> needs no XML prolog or DOCTYPE; keep the <svg> element only.
    svg = svg[svg.index("<svg") :]
    return re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.DOTALL)
