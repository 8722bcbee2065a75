"""Reads of the portal's own records for staff pages."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from bruecke.org.models import Membership
from bruecke.portal.models import BarrierReport


def barrier_reports_for(membership: Membership) -> QuerySet[BarrierReport]:
    """Reports about the member's office, and those that named no office.

    A report without an office concerns pages all offices share (start page,
    offer search), so every office's coordination sees it.
    """
    return BarrierReport.objects.filter(Q(office=membership.office) | Q(office__isnull=True))
