"""Referral counts for the reports, kept in ``StatCount`` in the same transaction as the writes.

A referral counts in the month it was made (local date), in its case's
district, three times: by the kind of the receiving organisation, by its
state today and by its outcome (if any). A referral entered by mistake
(state "error") counts nowhere.

``referral_create``, ``referral_step`` and ``referrals_expire`` count the
referral before and after (``tracking_referrals``) and apply the difference
with ``cases.aggregates.apply``. The case's district can change too
(``case_update``): cases recounts a case's referrals through the
``case_counts`` of the source registered here.

Not followed: a change of an organisation's kind (no action changes it; the
directory keeps it from its creation). Should one ever be needed, recount
with ``manage.py aggregates_rebuild --only referrals``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict
from collections.abc import Collection, Iterator
from contextlib import contextmanager

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.utils import timezone

from bruecke.cases import aggregates as agg
from bruecke.cases.models import Case, Grain
from bruecke.referrals.models import Referral

REFERRAL_KIND = "referral_kind"  # by Organization.kind of the receiving organisation
REFERRAL_STATUS = "referral_status"  # by Referral.Status today
REFERRAL_OUTCOME = "referral_outcome"  # by Referral.Outcome (closed referrals)
METRICS = (REFERRAL_KIND, REFERRAL_STATUS, REFERRAL_OUTCOME)
# The report's names of the three tables.
TABLES = {REFERRAL_KIND: "kind", REFERRAL_STATUS: "status", REFERRAL_OUTCOME: "outcome"}


def referral_counts(
    *, district_pk: int, created_on: dt.date, kind: str, status: str, outcome: str
) -> agg.Counts:
    """What one referral counts (``created_on``: the local date it was made)."""
    counts: agg.Counts = Counter()
    if status == Referral.Status.ERROR:
        return counts
    month = agg.month_start(created_on)
    for metric, key in (
        (REFERRAL_KIND, kind),
        (REFERRAL_STATUS, status),
        (REFERRAL_OUTCOME, outcome),
    ):
        if key:
            counts[(Grain.MONTH, month, metric, district_pk, key)] += 1
    return counts


FIELDS = ("office_id", "case_id", "organisation__kind", "created_at", "status", "outcome")


def _counts(rows: Collection[tuple], districts: dict[uuid.UUID, int]) -> dict[int, agg.Counts]:
    counts: dict[int, agg.Counts] = defaultdict(Counter)
    for office_id, case_id, kind, created_at, status, outcome in rows:
        counts[office_id].update(
            referral_counts(
                district_pk=districts[case_id],
                created_on=timezone.localdate(created_at),
                kind=kind,
                status=status,
                outcome=outcome,
            )
        )
    return counts


def _state(referral_ids: Collection[uuid.UUID], *, lock: bool) -> dict[int, agg.Counts]:
    """What the referrals count now (two queries)."""
    referrals = Referral.objects.filter(pk__in=referral_ids).order_by("pk")
    if lock:
        # PostgreSQL: writers of the same referral count one after the other.
        referrals = referrals.select_for_update(of=("self",))
    rows = list(referrals.values_list(*FIELDS))
    cases = Case.objects.filter(pk__in={row[1] for row in rows}).order_by("pk")
    if lock:
        # The case row orders this write after an edit of the case's district
        # (``cases.aggregates.tracking_cases`` locks it, then reads the referrals).
        cases = cases.select_for_update()
    return _counts(rows, dict(cases.values_list("pk", "district_id")))


@contextmanager
def tracking_referrals(referral_ids: Collection[uuid.UUID]) -> Iterator[None]:
    """Count the referrals before and after the block and apply the difference."""
    before = _state(referral_ids, lock=True)
    yield
    agg.apply(agg.diff(before, _state(referral_ids, lock=False)))


def referral_added(referral: Referral) -> None:
    """Count a referral just made."""
    agg.apply(_state([referral.pk], lock=True))


def _case_counts(districts: dict[uuid.UUID, int]) -> dict[int, agg.Counts]:
    """What the cases' referrals count in the given districts of their cases (one query)."""
    rows = Referral.objects.filter(case_id__in=list(districts)).values_list(*FIELDS)
    return _counts(list(rows), districts)


def office_counts(office_id: int) -> agg.Counts:
    """Everything the office's referrals count, grouped in SQL by day (rebuild)."""
    counts: agg.Counts = Counter()
    rows = (
        Referral.objects.filter(office_id=office_id)
        .annotate(created_on=TruncDate("created_at"))
        .order_by()
        .values_list("case__district_id", "organisation__kind", "status", "outcome", "created_on")
        .annotate(n=Count("pk"))
    )
    for district_id, kind, status, outcome, created_on, n in rows.iterator(10_000):
        for key, one in referral_counts(
            district_pk=district_id,
            created_on=created_on,
            kind=kind,
            status=status,
            outcome=outcome,
        ).items():
            counts[key] += one * n
    return counts


agg.register(
    agg.CountSource(
        name="referrals", metrics=METRICS, office_counts=office_counts, case_counts=_case_counts
    )
)
