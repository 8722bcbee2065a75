"""Writes of the public portal: barrier reports, and the rate limit of public forms."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
from enum import StrEnum

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone, translation

from bruecke.org.models import Office
from bruecke.portal.models import BarrierReport, ReportAttempt

logger = logging.getLogger(__name__)

# At most this many reports per client and hour; more is a flood, not feedback.
REPORTS_PER_HOUR = 5
# Handled reports are kept this long (privacy notice: "ein Jahr nach der Bearbeitung").
KEEP_HANDLED = dt.timedelta(days=365)


class FormPurpose(StrEnum):
    """Which public form a sent form counts against: each has its own limit.

    The purpose is part of the keyed hash, so the same connection gets separate
    counts per form and no column tells the forms apart.
    """

    BARRIER_REPORT = "barrier-report"
    CONTACT_REQUEST = "contact-request"


def client_ip(request: HttpRequest) -> str:
    """The client's address; behind our reverse proxy, the one the proxy saw.

    Only the last X-Forwarded-For entry is the proxy's own; earlier ones are
    whatever the client sent. Used for the rate limit only, never stored.
    """
    if settings.SECURE_PROXY_SSL_HEADER:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return str(forwarded.split(",")[-1].strip())
    return str(request.META.get("REMOTE_ADDR", ""))


def client_key(
    ip_address: str,
    *,
    purpose: FormPurpose = FormPurpose.BARRIER_REPORT,
    now: dt.datetime | None = None,
) -> str:
    """A keyed hash of form, IP address and day: countable, but no IP address is stored."""
    day = timezone.localdate(now or timezone.now()).isoformat()
    return hmac.new(
        settings.SECRET_KEY.encode(), f"{purpose}|{day}|{ip_address}".encode(), hashlib.sha256
    ).hexdigest()


def client_rate_limited(key: str, *, limit: int, now: dt.datetime | None = None) -> bool:
    """True when the client behind ``key`` already sent ``limit`` forms in the last hour."""
    now = now or timezone.now()
    recent = ReportAttempt.objects.filter(
        client_key=key, created_at__gte=now - dt.timedelta(hours=1)
    )
    return recent.count() >= limit


def client_attempt_record(key: str, *, now: dt.datetime | None = None) -> None:
    """Count one sent form; forget attempts (of every form) older than a day."""
    now = now or timezone.now()
    ReportAttempt.objects.filter(created_at__lt=now - dt.timedelta(days=1)).delete()
    ReportAttempt.objects.create(client_key=key)


def report_rate_limited(key: str, *, now: dt.datetime | None = None) -> bool:
    """True when this client already sent ``REPORTS_PER_HOUR`` reports in the last hour."""
    return client_rate_limited(key, limit=REPORTS_PER_HOUR, now=now)


def report_attempt_record(key: str, *, now: dt.datetime | None = None) -> None:
    """Count one sent report form (also a bot's)."""
    client_attempt_record(key, now=now)


def barrier_report_create(
    *, office: Office | None, page: str, description: str, email: str
) -> BarrierReport:
    """Store a reported barrier and tell the office by e-mail once it is saved."""
    with transaction.atomic():
        report = BarrierReport.objects.create(
            office=office, page=page, description=description, email=email
        )
        transaction.on_commit(lambda: _notify(report))
    return report


def _notify(report: BarrierReport) -> None:
    office = report.office
    recipient = office.email if office is not None and office.email else ""
    recipient = recipient or settings.DEFAULT_FROM_EMAIL
    # The mail goes to staff: always German, whatever language the reporter used.
    with translation.override("de"):
        # One line, short: what people type must never become a mail header.
        page = " ".join(report.page.split())[:80] or "ohne Seitenangabe"
        subject = f"Brücke: Barriere gemeldet ({page})"
        body = "\n".join(
            [
                "Auf den öffentlichen Seiten von Brücke wurde eine Barriere gemeldet.",
                "",
                f"Gemeldet am: {timezone.localtime(report.created_at):%d.%m.%Y, %H:%M} Uhr",
                f"Jugendamt: {office.name if office else 'nicht angegeben'}",
                f"Seite: {report.page or 'nicht angegeben'}",
                f"E-Mail für eine Antwort: {report.email or 'keine (anonyme Meldung)'}",
                "",
                "Beschreibung:",
                report.description,
                "",
                f"Nummer der Meldung: {report.pk}",
                "Bitte prüfen Sie die Barriere und antworten Sie bald, wenn eine "
                "E-Mail-Adresse angegeben ist.",
            ]
        )
    try:
        EmailMessage(
            subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            [recipient],
            reply_to=[report.email] if report.email else None,
        ).send()
    except Exception:
        # The report is saved either way; a broken mail server must not lose it.
        logger.exception("Could not send the mail for barrier report %s", report.pk)


def barrier_reports_purge(*, now: dt.datetime | None = None) -> int:
    """Delete reports handled more than a year ago; returns how many."""
    now = now or timezone.now()
    deleted, _by_model = BarrierReport.objects.filter(handled_at__lt=now - KEEP_HANDLED).delete()
    return deleted


def barrier_report_handle(
    report: BarrierReport, *, handled: bool, now: dt.datetime | None = None
) -> None:
    """Mark a report as handled (the year until its deletion starts) or open again."""
    report.handled_at = (now or timezone.now()) if handled else None
    report.save(update_fields=["handled_at"])
