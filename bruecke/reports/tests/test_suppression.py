"""Small numbers are never shown, and no shown sum lets anyone work one out."""

from __future__ import annotations

from collections.abc import Hashable

from hypothesis import given, settings
from hypothesis import strategies as st

from bruecke.reports.suppression import (
    HIDDEN_TEXT,
    PRIMARY,
    SECONDARY,
    SMALL_TEXT,
    TOTAL,
    Dimension,
    Sum,
    cube,
    shown,
    suppress,
)


def line(*parts: int) -> tuple[dict[str, int], list[Sum[str]]]:
    """One row with its total: cells a, b, c, ... and "total"."""
    names = [chr(ord("a") + i) for i in range(len(parts))]
    values = dict(zip(names, parts, strict=True)) | {"total": sum(parts)}
    return values, [Sum(tuple(names), "total")]


def test_nothing_is_hidden_when_no_count_is_small():
    assert suppress(*line(0, 5, 12)) == {}


def test_a_small_count_reads_less_than_five_and_zero_is_shown():
    assert shown(3, PRIMARY) == SMALL_TEXT == "<5"
    assert shown(0) == "0"
    assert shown(1234) == "1.234"
    assert shown(40, SECONDARY) == HIDDEN_TEXT


def test_one_small_count_beside_its_total_takes_the_smallest_other_count_with_it():
    # Shown: 10, 20 and the total 33 would give a = 3 away.
    assert suppress(*line(3, 10, 20)) == {"a": PRIMARY, "b": SECONDARY}


def test_two_small_counts_that_add_up_to_two_are_protected_by_a_third():
    # 1 + 1 = 2 leaves no choice: both would be known.
    assert suppress(*line(1, 1, 20)) == {"a": PRIMARY, "b": PRIMARY, "c": SECONDARY}


def test_four_and_four_are_as_obvious_as_one_and_one():
    assert suppress(*line(4, 4, 30))["c"] == SECONDARY


def test_two_small_counts_that_could_be_split_several_ways_need_nothing_more():
    # a + b = 5 with both from 1 to 4: (1,4), (2,3), (3,2), (4,1).
    assert suppress(*line(2, 3, 30)) == {"a": PRIMARY, "b": PRIMARY}


def test_a_small_total_is_hidden_too():
    marks = suppress(*line(0, 3, 0))
    assert marks == {"b": PRIMARY, "total": PRIMARY}


def test_inner_cells_are_hidden_before_totals():
    values = {"a": 2, "b": 40, "total": 42}
    # The only other cell is the total's partner; the total itself stays.
    assert suppress(values, [Sum(("a", "b"), "total")]) == {"a": PRIMARY, "b": SECONDARY}


def test_sums_that_do_not_add_up_are_refused():
    try:
        suppress({"a": 1, "total": 5}, [Sum(("a",), "total")])
    except ValueError:
        return
    raise AssertionError("inconsistent sums must be refused")


def test_a_district_hidden_in_the_office_table_stays_hidden_in_its_team():
    # Team Ost = Hörde + Brackel. Shown alone, Brackel (20) and the team (22)
    # would give Hörde (2) away; so Brackel is hidden too.
    result = cube(
        {
            ("hoerde", "art", "telefon"): 2,
            ("brackel", "art", "telefon"): 20,
            ("eving", "art", "telefon"): 30,
        },
        districts=["hoerde", "brackel", "eving"],
        dimensions={"art": Dimension(("telefon",), additive=False)},
        teams={"ost": {"hoerde", "brackel"}, "nord": {"eving"}},
    )
    assert result.mark(("d", "hoerde", "art", "telefon")) == PRIMARY
    assert result.mark(("d", "brackel", "art", "telefon")) == SECONDARY
    assert result.mark(("d", "eving", "art", "telefon")) == ""
    assert result.value(("t", "ost", "art", "telefon")) == 22
    assert result.mark(("o", "art", "telefon")) == ""
    assert _protected(result.values, result.marks, result.sums)


def test_additive_keys_get_totals_and_those_are_audited_too():
    result = cube(
        {
            ("hoerde", "art", "telefon"): 3,
            ("hoerde", "art", "beratung"): 9,
            ("eving", "art", "beratung"): 7,
        },
        districts=["hoerde", "eving"],
        dimensions={"art": Dimension(("telefon", "beratung"))},
        teams={},
    )
    assert result.value(("o", TOTAL)) == 19
    assert result.value(("d", "hoerde", TOTAL)) == 12
    assert result.mark(("d", "hoerde", "art", "telefon")) == PRIMARY
    # The office's Telefonberatung is the same 3.
    assert result.mark(("o", "art", "telefon")) == PRIMARY
    # Hörde's 9 Beratungen would give the 3 away from Hörde's total 12 ...
    assert result.mark(("d", "hoerde", "art", "beratung")) == SECONDARY
    assert _protected(result.values, result.marks, result.sums)


def test_two_ways_of_splitting_the_same_whole_share_their_totals():
    # 12 contacts in Hörde: 3 by phone and 9 in person; 10 with a case, 2 anonymous.
    result = cube(
        {
            ("hoerde", "art", "telefon"): 3,
            ("hoerde", "art", "beratung"): 9,
            ("hoerde", "weg", "fall"): 10,
            ("hoerde", "weg", "anonym"): 2,
            ("eving", "art", "beratung"): 30,
            ("eving", "weg", "fall"): 30,
        },
        districts=["hoerde", "eving"],
        dimensions={
            "art": Dimension(("telefon", "beratung")),
            "weg": Dimension(("fall", "anonym")),
        },
        teams={},
    )
    assert result.value(("d", "hoerde", TOTAL)) == 12
    assert _protected(result.values, result.marks, result.sums)
    # Whatever hides Hörde's total hides it for both ways of splitting it.
    assert len({result.mark(("d", "hoerde", TOTAL))}) == 1


def test_a_separately_counted_total_takes_part_in_the_audit():
    # Cases opened: 7 in Hörde; by Handlungsfeld (overlapping) 3 and 6.
    result = cube(
        {("hoerde", "feld", "gesundheit"): 3, ("hoerde", "feld", "inklusion"): 6},
        districts=["hoerde", "eving"],
        dimensions={"feld": Dimension(("gesundheit", "inklusion"), additive=False)},
        teams={},
        totals={"hoerde": 7, "eving": 0},
    )
    assert result.value(("o", TOTAL)) == 7
    assert result.mark(("d", "hoerde", "feld", "gesundheit")) == PRIMARY
    assert _protected(result.values, result.marks, result.sums)


def _protected(values, marks, sums):
    """Brute force: every "<5" could be at least two values, given all that is shown.

    The reader knows every shown cell, that "<5" is 1 to 4 and "•" is 1 or
    more; totals are sums of inner cells, so only inner cells are guessed
    (by backtracking, checking each sum as soon as its parts are known).
    """
    totals = {s.total for s in sums}
    inner = [c for c in values if c not in totals]
    hidden = [c for c in inner if c in marks]
    limit = sum(values[c] for c in inner) + 1  # no cell exceeds what all cells make

    def fits(cell, value):
        mark = marks.get(cell, "")
        if mark == PRIMARY:
            return 1 <= value <= 4
        if mark == SECONDARY:
            return value >= 1
        return value == values[cell]

    def options(cell):
        return range(1, 5) if marks[cell] == PRIMARY else range(1, limit)

    possible: dict[object, set[int]] = {
        c: set() for c in marks if marks[c] == PRIMARY and c in inner
    }
    world = {c: values[c] for c in inner if c not in marks}

    def search(i):
        if i and not all(
            fits(s.total, sum(world[p] for p in s.parts))
            for s in sums
            if hidden[i - 1] in s.parts and all(p in world for p in s.parts)
        ):
            return
        if i == len(hidden):
            for cell in possible:
                possible[cell].add(world[cell])
            return
        for value in options(hidden[i]):
            world[hidden[i]] = value
            search(i + 1)
            del world[hidden[i]]

    search(0)
    return all(len(found) >= 2 for found in possible.values())


counts = st.integers(min_value=0, max_value=9)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(counts, min_size=2, max_size=2), min_size=2, max_size=2))
def test_no_small_count_can_be_worked_out_from_what_a_table_with_totals_shows(rows):
    data: dict[tuple[Hashable, Hashable, Hashable], int] = {
        (d, "k", k): value for d, row in enumerate(rows) for k, value in enumerate(row)
    }
    result = cube(data, districts=[0, 1], dimensions={"k": Dimension((0, 1))}, teams={})
    # Every small count is hidden, only small ones read "<5", and zero is shown ...
    for cell, value in result.values.items():
        if 1 <= value <= 4:
            assert result.mark(cell) in (PRIMARY, SECONDARY)
        elif value == 0:
            assert result.mark(cell) == ""
        else:
            assert result.mark(cell) in ("", SECONDARY)
    # ... and none of them can be worked out.
    assert _protected(result.values, result.marks, result.sums)


@settings(max_examples=200, deadline=None)
@given(st.lists(counts, min_size=2, max_size=5))
def test_no_small_count_can_be_worked_out_from_a_line_and_its_total(parts):
    values, sums = line(*parts)
    marks = suppress(values, sums)
    assert _protected(values, marks, sums)


def test_four_ones_and_their_total_four_do_not_give_each_other_away():
    values, sums = line(1, 1, 1, 1)
    marks = suppress(values, sums)
    assert marks == {"a": PRIMARY, "b": PRIMARY, "c": PRIMARY, "d": PRIMARY, "total": SECONDARY}
    assert _protected(values, marks, sums)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(counts, min_size=2, max_size=2), min_size=3, max_size=3))
def test_a_team_view_gives_away_no_district_hidden_in_the_office_view(rows):
    data: dict[tuple[Hashable, Hashable, Hashable], int] = {
        (d, "k", k): value for d, row in enumerate(rows) for k, value in enumerate(row)
    }
    result = cube(
        data,
        districts=[0, 1, 2],
        dimensions={"k": Dimension((0, 1), additive=False)},
        teams={"a": {0, 1}},
    )
    assert _protected(result.values, result.marks, result.sums)
