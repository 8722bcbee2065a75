"""Request counts for the reports, kept in ``StatCount`` in the same transaction as the writes.

A request for contact counts in the month it came in (local date), in its
district (``NO_DISTRICT`` without one); spam and duplicates count nowhere.

* Answered (a first contact attempt): ``request_answered`` by "within" (on or
  before the due date) or "late", and ``request_days`` by the working days
  from coming in to the first attempt (the histogram of the median).
* Not answered: ``request_waiting`` by the due date. Whether a waiting request
  is late depends on the day the report is read, so the reader decides.

``request_create``, ``contact_attempt_add`` (the first sets
``first_contact_at``) and ``request_close`` (spam, duplicate) count the request
before and after and apply the difference with ``cases.aggregates.apply``.
Assigning, opening a case and the anonymous consultation change no counted
field. The purge of old requests (``requests_purge``) takes nothing back: the
numbers of a past quarter stay as they were counted.
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
from bruecke.cases.models import Grain
from bruecke.intake.models import Request
from bruecke.lib.workdays import working_days_between

REQUEST_ANSWERED = "request_answered"  # by "within" / "late"
REQUEST_WAITING = "request_waiting"  # not answered yet, by due date (ISO)
REQUEST_DAYS = "request_days"  # answered, by working days to the first attempt
METRICS = (REQUEST_ANSWERED, REQUEST_WAITING, REQUEST_DAYS)
# Requests that were never a real request count nowhere.
NOT_A_REQUEST = (Request.CloseReason.SPAM, Request.CloseReason.DUPLICATE)


def request_counts(
    *,
    district_pk: int | None,
    created_on: dt.date,
    due_on: dt.date,
    answered_on: dt.date | None,
    close_reason: str,
) -> agg.Counts:
    """What one request counts (dates local: came in, first attempt)."""
    counts: agg.Counts = Counter()
    if close_reason in NOT_A_REQUEST:
        return counts
    month = agg.month_start(created_on)
    district = district_pk or agg.NO_DISTRICT
    if answered_on is None:
        counts[(Grain.MONTH, month, REQUEST_WAITING, district, due_on.isoformat())] += 1
    else:
        state = "within" if answered_on <= due_on else "late"
        counts[(Grain.MONTH, month, REQUEST_ANSWERED, district, state)] += 1
        days = working_days_between(created_on, answered_on)
        counts[(Grain.MONTH, month, REQUEST_DAYS, district, str(days))] += 1
    return counts


FIELDS = ("office_id", "district_id", "created_at", "due_on", "first_contact_at", "close_reason")


def _state(request_ids: Collection[uuid.UUID], *, lock: bool) -> dict[int, agg.Counts]:
    """What the requests count now (one query)."""
    requests = Request.objects.filter(pk__in=request_ids).order_by("pk")
    if lock:
        # PostgreSQL: writers of the same request count one after the other.
        requests = requests.select_for_update()
    counts: dict[int, agg.Counts] = defaultdict(Counter)
    for (
        office_id,
        district_id,
        created_at,
        due_on,
        first_contact_at,
        reason,
    ) in requests.values_list(*FIELDS):
        counts[office_id].update(
            request_counts(
                district_pk=district_id,
                created_on=timezone.localdate(created_at),
                due_on=due_on,
                answered_on=timezone.localdate(first_contact_at) if first_contact_at else None,
                close_reason=reason,
            )
        )
    return counts


@contextmanager
def tracking_requests(request_ids: Collection[uuid.UUID]) -> Iterator[None]:
    """Count the requests before and after the block and apply the difference."""
    before = _state(request_ids, lock=True)
    yield
    agg.apply(agg.diff(before, _state(request_ids, lock=False)))


def request_added(request: Request) -> None:
    """Count a request just stored."""
    agg.apply(
        {
            request.office_id: request_counts(
                district_pk=request.district_id,
                created_on=timezone.localdate(request.created_at),
                due_on=request.due_on,
                answered_on=(
                    timezone.localdate(request.first_contact_at)
                    if request.first_contact_at
                    else None
                ),
                close_reason=request.close_reason,
            )
        }
    )


def office_counts(office_id: int) -> agg.Counts:
    """Everything the office's requests count, grouped in SQL by day (rebuild)."""
    counts: agg.Counts = Counter()
    rows = (
        Request.objects.filter(office_id=office_id)
        .exclude(close_reason__in=NOT_A_REQUEST)
        .annotate(created_on=TruncDate("created_at"), answered_on=TruncDate("first_contact_at"))
        .order_by()
        .values_list("district_id", "created_on", "due_on", "answered_on")
        .annotate(n=Count("pk"))
    )
    for district_id, created_on, due_on, answered_on, n in rows.iterator(10_000):
        for key, one in request_counts(
            district_pk=district_id,
            created_on=created_on,
            due_on=due_on,
            answered_on=answered_on,
            close_reason="",
        ).items():
            counts[key] += one * n
    return counts


agg.register(agg.CountSource(name="intake", metrics=METRICS, office_counts=office_counts))
