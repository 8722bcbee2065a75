"""Requests for contact: from the public form, the tablet, or a partner's referral.

They land in the triage queue of their district and are turned into a case,
counted as an anonymous consultation, or closed. A request that did not become
a case is deleted after ``INTAKE_RETENTION_DAYS`` (command ``purge_requests``).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bruecke.cases.models import Case
from bruecke.directory.models import Service
from bruecke.lib.choice_labels import ChoiceLabels
from bruecke.org.models import District, Office, PartnerOrganisation
from bruecke.referrals.models import Consent


class Request(ChoiceLabels, models.Model):
    class Source(models.TextChoices):
        PORTAL = "portal", _("Kontaktformular")
        TABLET = "tablet", _("Tablet im Familienbüro")
        PARTNER = "partner", _("Partnereinrichtung")

    class Status(models.TextChoices):
        NEW = "new", _("neu")
        ASSIGNED = "assigned", _("zugewiesen")
        CASE = "case", _("Fall eröffnet")
        ANONYMOUS = "anonymous", _("anonym beraten")
        CLOSED = "closed", _("abgeschlossen")

    class PreferredTime(models.TextChoices):
        ANY = "any", _("egal")
        MORNING = "morning", _("vormittags")
        AFTERNOON = "afternoon", _("nachmittags")

    class CloseReason(models.TextChoices):
        NOT_REACHED = "not_reached", _("nicht erreichbar")
        NO_NEED = "no_need", _("kein Bedarf mehr")
        ELSEWHERE = "elsewhere", _("andere Stelle zuständig")
        DUPLICATE = "duplicate", _("doppelte Anfrage")
        SPAM = "spam", _("keine echte Anfrage")
        OTHER = "other", _("sonstiges")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="requests")
    # What the family is told on the confirmation page ("KA-7QX4M2"); unique per installation.
    reference = models.CharField(_("Kennung"), max_length=12, unique=True)
    source = models.CharField(_("Weg"), max_length=10, choices=Source.choices)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
        verbose_name=_("Stadtbezirk"),
    )
    first_name = models.CharField(_("Vorname oder Pseudonym"), max_length=100)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    language = models.CharField(_("Sprache"), max_length=10, default="de")
    preferred_time = models.CharField(
        _("Beste Zeit"), max_length=10, choices=PreferredTime.choices, default=PreferredTime.ANY
    )
    topics = models.JSONField(_("Anliegen"), default=list)
    message = models.TextField(_("Nachricht"), blank=True, max_length=2000)
    children = models.CharField(_("Kinder (Alter)"), max_length=200, blank=True)
    # The offer page the request was sent from, if any.
    service = models.ForeignKey(
        Service, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)
    due_on = models.DateField(_("Antwort bis"))
    status = models.CharField(_("Stand"), max_length=10, choices=Status.choices, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests_assigned",
        verbose_name=_("Zuständig"),
    )
    assigned_at = models.DateTimeField(null=True, blank=True)
    # The first contact attempt: the response time of the reports.
    first_contact_at = models.DateTimeField(null=True, blank=True)
    # The family was reached (an attempt with "erreicht").
    reached_at = models.DateTimeField(null=True, blank=True)
    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, null=True, blank=True, related_name="requests"
    )
    close_reason = models.CharField(
        _("Grund"), max_length=20, choices=CloseReason.choices, blank=True
    )
    close_note = models.CharField(_("Anmerkung"), max_length=500, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    # Partner referrals: who sent it, and the consents recorded with it.
    partner_organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests",
    )
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="requests_referred",
    )
    consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="intake_requests"
    )
    feedback_consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    feedback = models.CharField(_("Rückmeldung an die Partnerstelle"), max_length=500, blank=True)
    feedback_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("Anfrage")
        verbose_name_plural = _("Anfragen")
        ordering = ["due_on", "created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(source="partner")
                | models.Q(partner_organisation__isnull=False, consent__isnull=False),
                name="request_partner_needs_consent",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="case") | models.Q(case__isnull=False),
                name="request_case_has_case",
            ),
        ]
        indexes = [
            # The triage queue: open requests of an office by deadline.
            models.Index(fields=["office", "status", "due_on"], name="request_queue"),
            # A partner's own referrals.
            models.Index(fields=["partner_organisation", "created_at"], name="request_partner"),
            # The daily purge: old requests without a case.
            models.Index(fields=["created_at"], name="request_created"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.NEW, self.Status.ASSIGNED)


class ContactAttempt(ChoiceLabels, models.Model):
    """One try to reach the family of a request (a call, a mail, a message)."""

    class Channel(models.TextChoices):
        PHONE = "phone", _("Anruf")
        EMAIL = "email", _("E-Mail")
        SMS = "sms", _("SMS / Messenger")
        OTHER = "other", _("anders")

    id = models.BigAutoField(primary_key=True)
    request = models.ForeignKey(Request, on_delete=models.CASCADE, related_name="attempts")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    channel = models.CharField(_("Weg"), max_length=10, choices=Channel.choices)
    reached = models.BooleanField(_("erreicht"), default=False)
    note = models.CharField(_("Notiz"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]
