"""Small numbers, and the sums that could give them away.

The rule (docs/reports.md explains it with an example):

1. **Primary suppression.** A count from 1 to 4 is never shown; it reads "<5".
   Zero is shown: nobody can be recognised in a zero.
2. **Secondary suppression.** Reports show sums of counts: a row's total, a
   column's total, a team's districts, the whole office; the filters show
   the same numbers for one district or one team. A reader who knows every
   number shown, and knows that "<5" means 1 to 4 and that "•" is not zero,
   could subtract and recover a small number. So every sum that any view
   shows is written down as an equation (``Sum``), and an audit narrows each
   hidden number to the smallest range these equations allow (interval
   propagation until nothing changes). While some "<5" could be pinned down
   to a single value, one more number in an equation that pins it is hidden
   ("•"): the smallest count of 5 or more, inner cells before totals.

The audit looks at one table at a time (with all its filtered views). It
does not compare different periods; docs/reports.md says what that means.

Pure functions, no Django: ``suppress`` for any set of equations, ``cube``
for the usual district × key table with district, team and office sums.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

SMALL_MAX = 4  # counts from 1 to this are hidden
PRIMARY = "primary"
SECONDARY = "secondary"
SMALL_TEXT = "<5"  # what a primary cell shows
HIDDEN_TEXT = "•"  # what a secondary cell shows (as Destatis: "Zahlenwert geheim zu halten")

H = TypeVar("H", bound=Hashable)

_BIG = 1 << 60  # "no upper bound" that stays an integer


@dataclass(frozen=True)
class Sum(Generic[H]):
    """The equation ``total == sum(parts)`` between cells of a table."""

    parts: tuple[H, ...]
    total: H


def is_small(value: int) -> bool:
    return 1 <= value <= SMALL_MAX


def suppress(
    values: Mapping[H, int], sums: Sequence[Sum[H]], *, cost: Mapping[H, int] | None = None
) -> dict[H, str]:
    """Which cells to hide: ``{cell: PRIMARY | SECONDARY}`` (cells shown are left out).

    ``values`` holds every cell that is shown somewhere (inner cells and
    totals); ``sums`` every equation between them that a reader can see.
    ``cost`` ranks the cells by how much hiding them costs the reader (the
    cheapest go first); by default totals cost more than the cells they sum.
    """
    for total in sums:
        got = sum(values[part] for part in total.parts)
        if got != values[total.total]:
            raise ValueError(f"{total.total!r} is {values[total.total]}, its parts make {got}")
    marks: dict[H, str] = {cell: PRIMARY for cell, value in values.items() if is_small(value)}
    if not marks:
        return marks
    member_of: dict[H, list[int]] = {cell: [] for cell in values}
    rank: dict[H, int] = dict.fromkeys(values, 0)
    for index, total in enumerate(sums):
        rank[total.total] += 1
        for cell in (*total.parts, total.total):
            member_of[cell].append(index)
    price = cost if cost is not None else rank
    order = {cell: position for position, cell in enumerate(values)}

    def new_lonely(cell: H) -> int:
        """How many equations of ``cell`` would get their first hidden cell."""
        return sum(
            1
            for index in member_of[cell]
            if not any(c in marks for c in (*sums[index].parts, sums[index].total))
        )

    def cheapest(cells: Iterable[H]) -> H | None:
        # The cheapest cell; among equals one whose other equations already hide
        # something (it closes a cycle instead of starting new ones), then the
        # smallest count.
        shown_counts = [c for c in cells if c not in marks and values[c] > SMALL_MAX]
        return min(
            shown_counts,
            key=lambda c: (price[c], new_lonely(c), values[c], order[c]),
            default=None,
        )

    # First the usual rule, which needs no algebra: no equation with exactly
    # one hidden cell (it could be worked out by subtraction).
    lonely = True
    while lonely:
        lonely = False
        for total in sums:
            cells = (*total.parts, total.total)
            if sum(1 for c in cells if c in marks) == 1:
                choice = cheapest(cells)
                if choice is not None:
                    marks[choice] = SECONDARY
                    lonely = True
    # Then the audit, for what the rule misses (differences of sums, bounds).
    while True:
        exposed = _audit(values, sums, marks, member_of)
        if not exposed:
            return marks
        # One new hidden cell per exposed count and round; counts whose
        # equations changed in this round wait for the next audit.
        touched: set[int] = set()
        progress = False
        for cell, culprits in exposed:
            if touched.intersection(member_of[cell]):
                continue
            # The equations that pin it: their small totals read "•" instead,
            # which has no upper bound (four 1s and their total "<5") ...
            totals = [
                sums[i].total
                for i in culprits
                if marks.get(sums[i].total) == PRIMARY and sums[i].total != cell
            ]
            if totals:
                for target in totals:
                    marks[target] = SECONDARY
                    touched.update(member_of[target])
                progress = True
                continue
            # ... or the cheapest of their shown counts goes.
            choice = min(
                (
                    other
                    for i in culprits
                    for other in (*sums[i].parts, sums[i].total)
                    if other not in marks and values[other] > SMALL_MAX
                ),
                key=lambda c: (price[c], values[c], order[c]),
                default=None,
            )
            if choice is None:
                choice = _next_to_hide(cell, values, sums, marks, member_of, price, order)
            if choice is not None:
                marks[choice] = SECONDARY
                touched.update(member_of[choice])
                progress = True
            elif marks[cell] == PRIMARY:
                # Nothing left to hide around it: the cell itself reads "•".
                marks[cell] = SECONDARY
                touched.update(member_of[cell])
                progress = True
        if not progress:
            # Nothing cheaper helps: hide every count rather than show a small one.
            rest = [c for c, v in values.items() if v and c not in marks]
            if not rest:
                return marks  # pragma: no cover - all hidden already
            marks.update(dict.fromkeys(rest, SECONDARY))


# sum(coefficient * hidden cell) == right-hand side, and the equations it was made from.
Row = tuple[dict[int, float], float, frozenset[int]]
EPSILON = 1e-7  # counts are whole numbers; this only absorbs rounding of the elimination


def _audit(
    values: Mapping[H, int],
    sums: Sequence[Sum[H]],
    marks: Mapping[H, str],
    member_of: Mapping[H, list[int]],
) -> list[tuple[H, frozenset[int]]]:
    """Small counts that what is shown pins to one value, each with the equations that do.

    The shown numbers turn each equation into one over the hidden cells.
    Elimination finds every hidden cell that a combination of equations fixes,
    however many sums it takes (an office minus a team is the other
    districts). Bounds ("<5" is 1 to 4, "•" at least 1) are then propagated
    through the equations and the eliminated rows (1 + 1 = 2 fixes both ones)
    until nothing changes. A cell is pinned when one whole number is left;
    the rows that pin it on their own name the equations to break.
    """
    hidden = list(marks)
    position = {cell: i for i, cell in enumerate(hidden)}
    rows: list[Row] = []
    for index in sorted({index for cell in marks for index in member_of[cell]}):
        equation = sums[index]
        coefficients: dict[int, float] = {}
        rhs = 0.0
        for cell, sign in [*((p, 1) for p in equation.parts), (equation.total, -1)]:
            if cell in position:
                i = position[cell]
                coefficients[i] = coefficients.get(i, 0.0) + sign
            else:
                rhs -= sign * values[cell]
        coefficients = {i: a for i, a in coefficients.items() if a}
        if coefficients:
            rows.append((coefficients, rhs, frozenset({index})))
    reduced = _eliminate(rows)
    # "<5" is 1 to 4; "•" is at least 1 (zero is never hidden).
    low = [1.0 for _ in hidden]
    high = [float(SMALL_MAX) if marks[c] == PRIMARY else math.inf for c in hidden]
    everything = rows + reduced
    _propagate(everything, low, high)
    exposed = []
    for cell in hidden:
        i = position[cell]
        # Every small count must stay uncertain, also one that now reads "•".
        if not is_small(values[cell]) or not _one_whole_number(low[i], high[i]):
            continue
        culprits: frozenset[int] = frozenset().union(
            *(
                source
                for coefficients, rhs, source in everything
                if i in coefficients and _row_pins(coefficients, rhs, i, low, high)
            )
        )
        exposed.append((cell, culprits))
    return exposed


def _row_pins(
    coefficients: dict[int, float], rhs: float, i: int, low: list[float], high: list[float]
) -> bool:
    """Whether this row alone leaves cell ``i`` one whole number, given the others' ranges."""
    others_low = others_high = 0.0
    for j, a in coefficients.items():
        if j == i:
            continue
        ends = (a * low[j], a * high[j])
        others_low += min(ends)
        others_high += max(ends)
    if math.isinf(others_low) or math.isinf(others_high):
        return False
    a = coefficients[i]
    ends = ((rhs - others_high) / a, (rhs - others_low) / a)
    return _one_whole_number(max(low[i], min(ends)), min(high[i], max(ends)))


def _eliminate(rows: list[Row]) -> list[Row]:
    """Gauss-Jordan elimination of sparse rows: the reduced rows (no zero rows)."""
    done: list[Row] = []
    for coefficients, rhs, source in rows:
        coefficients = dict(coefficients)
        for pivot_row, pivot_rhs, pivot_source in done:
            pivot = next(iter(pivot_row))
            factor = coefficients.get(pivot)
            if factor:
                _subtract(coefficients, pivot_row, factor)
                rhs -= factor * pivot_rhs
                source = source | pivot_source
        if not coefficients:
            continue
        pivot = max(coefficients, key=lambda i: abs(coefficients[i]))
        scale = coefficients[pivot]
        new_row = {pivot: 1.0} | {i: a / scale for i, a in coefficients.items() if i != pivot}
        new_rhs = rhs / scale
        # Keep every earlier row reduced by the new pivot too (pivots come first in a row).
        kept: list[Row] = []
        for row, row_rhs, row_source in done:
            factor = row.get(pivot)
            if factor:
                row = dict(row)
                _subtract(row, new_row, factor)
                row_rhs -= factor * new_rhs
                row_source = row_source | source
            kept.append((row, row_rhs, row_source))
        done = [*kept, (new_row, new_rhs, source)]
    return done


def _subtract(row: dict[int, float], other: dict[int, float], factor: float) -> None:
    for i, a in other.items():
        value = row.get(i, 0.0) - factor * a
        if abs(value) > EPSILON:
            row[i] = value
        else:
            row.pop(i, None)


def _ceil(value: float) -> float:
    return value if value in (math.inf, -math.inf) else float(math.ceil(value - EPSILON))


def _floor(value: float) -> float:
    return value if value in (math.inf, -math.inf) else float(math.floor(value + EPSILON))


def _one_whole_number(low: float, high: float) -> bool:
    """At most one whole number lies between ``low`` and ``high``."""
    if high == math.inf:
        return False
    return math.floor(high + EPSILON) <= math.ceil(low - EPSILON)


def _propagate(rows: list[Row], low: list[float], high: list[float]) -> None:
    """Narrow each hidden cell to what every row still allows, until nothing changes.

    A work list: a row is looked at again only when one of its cells narrowed.
    """
    inf = math.inf
    terms_of = [(list(coefficients.items()), rhs) for coefficients, rhs, _source in rows]
    rows_of: dict[int, list[int]] = {}
    for number, (terms, _rhs) in enumerate(terms_of):
        for i, _a in terms:
            rows_of.setdefault(i, []).append(number)
    pending = list(range(len(terms_of)))
    queued = [True] * len(terms_of)
    budget = 200 * len(terms_of) + 1000  # converges long before; guards odd cases
    while pending and budget:
        budget -= 1
        number = pending.pop()
        queued[number] = False
        terms, rhs = terms_of[number]
        ends = [(a * low[i], a * high[i]) if a > 0 else (a * high[i], a * low[i]) for i, a in terms]
        low_sum = sum(t for t, _h in ends if t != -inf)
        low_inf = sum(1 for t, _h in ends if t == -inf)
        high_sum = sum(h for _t, h in ends if h != inf)
        high_inf = sum(1 for _t, h in ends if h == inf)
        for (i, a), (t_low, t_high) in zip(terms, ends, strict=True):
            if low_inf - (t_low == -inf):
                others_min = -inf
            else:
                others_min = low_sum - (t_low if t_low != -inf else 0.0)
            if high_inf - (t_high == inf):
                others_max = inf
            else:
                others_max = high_sum - (t_high if t_high != inf else 0.0)
            # a * x = rhs - others
            first, second = (rhs - others_max) / a, (rhs - others_min) / a
            # Counts are whole numbers: round the bounds inwards.
            new_low = max(low[i], _ceil(min(first, second)))
            new_high = min(high[i], _floor(max(first, second)))
            if new_low > low[i] or new_high < high[i]:
                low[i], high[i] = new_low, new_high
                for other in rows_of[i]:
                    if not queued[other] and other != number:
                        queued[other] = True
                        pending.append(other)


def _next_to_hide(
    cell: H,
    values: Mapping[H, int],
    sums: Sequence[Sum[H]],
    marks: Mapping[H, str],
    member_of: Mapping[H, list[int]],
    price: Mapping[H, int],
    order: Mapping[H, int],
) -> H | None:
    """The cheapest shown count (5 or more) to hide so that ``cell`` is no longer pinned.

    First in the equations of ``cell`` itself; if all of those are hidden or
    zero, in the equations of the hidden cells that pin it, and so on outwards.
    """
    seen = {cell}
    ring = [cell]
    while ring:
        candidates: set[H] = set()
        next_ring: list[H] = []
        for hidden in ring:
            for index in member_of[hidden]:
                for other in (*sums[index].parts, sums[index].total):
                    if other in marks:
                        if other not in seen:
                            seen.add(other)
                            next_ring.append(other)
                    elif values[other] > SMALL_MAX:
                        candidates.add(other)
        if candidates:
            return min(candidates, key=lambda c: (price[c], values[c], order[c]))
        ring = next_ring
    return None


# --- District × key tables --------------------------------------------------------------------

TOTAL = "__total__"
Cell = tuple[Hashable, ...]


@dataclass(frozen=True)
class Dimension:
    """A way to split a count: Kontaktart, Zugangsweg, Handlungsfeld ...

    ``additive``: its keys split the whole (each contact has one Kontaktart),
    so they add up to the total; not so for keys that overlap (a case with two
    Handlungsfelder).
    """

    keys: tuple[Hashable, ...]
    additive: bool = True


@dataclass
class Cube:
    """A count per district, split by one or more dimensions, with every sum a report shows.

    Cells: ``("d", district, dimension, key)`` and the groups ``("t", team, ...)``
    and ``("o", ...)`` (the office); ``(..., TOTAL)`` the totals. Additive
    dimensions share the totals, so a total hidden for one is hidden for all.
    """

    values: dict[Cell, int]
    marks: dict[Cell, str]
    sums: list[Sum[Cell]]

    def value(self, cell: Cell) -> int:
        return self.values.get(cell, 0)

    def mark(self, cell: Cell) -> str:
        return self.marks.get(cell, "")


def cube(
    counts: Mapping[tuple[Hashable, Hashable, Hashable], int],
    *,
    districts: Sequence[Hashable],
    dimensions: Mapping[Hashable, Dimension],
    teams: Mapping[Hashable, Collection[Hashable]],
    totals: Mapping[Hashable, int] | None = None,
) -> Cube:
    """Build the cube of ``counts`` by (district, dimension, key) and suppress it.

    ``totals`` per district, where the whole is counted on its own (cases
    opened, whatever their Handlungsfelder); otherwise an additive dimension
    gives it.
    """
    values: dict[Cell, int] = {}
    sums: list[Sum[Cell]] = []
    additive = [name for name, dimension in dimensions.items() if dimension.additive]
    for d in districts:
        for name, dimension in dimensions.items():
            for k in dimension.keys:
                values[("d", d, name, k)] = counts.get((d, name, k), 0)
        if totals is not None:
            values[("d", d, TOTAL)] = totals.get(d, 0)
        elif additive:
            name = additive[0]
            values[("d", d, TOTAL)] = sum(values[("d", d, name, k)] for k in dimensions[name].keys)
    has_total = totals is not None or bool(additive)
    groups: list[tuple[Cell, Sequence[Hashable]]] = [(("o",), districts)]
    groups += [(("t", t), [d for d in districts if d in members]) for t, members in teams.items()]
    for prefix, members in groups:
        for name, dimension in dimensions.items():
            for k in dimension.keys:
                parts: tuple[Cell, ...] = tuple(("d", d, name, k) for d in members)
                values[(*prefix, name, k)] = sum(values[p] for p in parts)
                sums.append(Sum(parts, (*prefix, name, k)))
        if has_total:
            totals_of: tuple[Cell, ...] = tuple(("d", d, TOTAL) for d in members)
            values[(*prefix, TOTAL)] = sum(values[p] for p in totals_of)
            sums.append(Sum(totals_of, (*prefix, TOTAL)))
    for prefix in [*(("d", d) for d in districts), *(prefix for prefix, _members in groups)]:
        for name in additive:
            keys: tuple[Cell, ...] = tuple((*prefix, name, k) for k in dimensions[name].keys)
            sums.append(Sum(keys, (*prefix, TOTAL)))
    return Cube(values=values, marks=suppress(values, sums, cost=_tiers(values)), sums=sums)


def _tiers(values: Mapping[Cell, int]) -> dict[Cell, int]:
    """What hiding a cell costs: the finest detail first, the office's total last.

    A district's count by key is seen only when one looks at that district;
    the office's numbers are what most readers come for.
    """
    tiers = {}
    for cell in values:
        level, is_total = cell[0], cell[-1] == TOTAL
        if level == "d":
            tiers[cell] = 1 if is_total else 0
        elif level == "t":
            tiers[cell] = 4 if is_total else 2
        else:
            tiers[cell] = 9 if is_total else 3
    return tiers


def shown(value: int | None, mark: str = "") -> str:
    """A count as a report shows it: "<5", "•", or the number (German digit grouping)."""
    if mark == PRIMARY:
        return SMALL_TEXT
    if mark == SECONDARY:
        return HIDDEN_TEXT
    if value is None:
        return "–"
    return f"{value:,}".replace(",", ".")
