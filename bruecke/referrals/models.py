"""Consents, referrals (Vermittlungen) and the log of every disclosure.

Nothing personal leaves the office without a consent that covers the
recipient, the purpose and the data categories; ``gate.disclose`` is the only
way out and writes a ``Disclosure`` row each time. Consents, revocations,
referral events and disclosures are append-only (model guards plus database
triggers, migration 0002).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import ClassVar

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bruecke.audit.models import AppendOnlyModel, AppendOnlyQuerySet
from bruecke.cases.models import Case
from bruecke.directory.models import Organization, Service
from bruecke.lib.choice_labels import ChoiceLabels
from bruecke.org.models import Office
from bruecke.people.models import Person


class Purpose(models.TextChoices):
    VERMITTLUNG = "vermittlung", _("Vermittlung an ein Angebot")
    RUECKMELDUNG = "rueckmeldung", _("Rückmeldung an die vermittelnde Stelle")
    ANMELDUNG = "anmeldung", _("Weitergabe an die Kita-Sozialarbeit")


class DataCategory(models.TextChoices):
    KONTAKT = "kontakt", _("Name und Kontaktdaten")
    FAMILIE = "familie", _("Familie und Alter der Kinder")
    ANLIEGEN = "anliegen", _("Anliegen und Handlungsfelder")
    NACHRICHT = "nachricht", _("Nachricht an die Stelle")
    STAND = "stand", _("Stand der Hilfe")


class ConsentForm(models.TextChoices):
    SCHRIFTLICH = "schriftlich", _("schriftlich")
    MUENDLICH = "muendlich", _("mündlich, dokumentiert")


class ConsentQuerySet(AppendOnlyQuerySet):
    def retention_delete(self) -> int:
        """Delete these consents with their revocations: the one deliberate exception to append-only.

        Only for retention: the consents recorded with intake requests that
        never became a case (``purge_requests``). Refuses consents that a case,
        a referral or a disclosure refers to, since those are evidence.
        Returns how many consents were deleted.
        """
        ids = list(self.values_list("pk", flat=True))
        if not ids:
            return 0
        evidence = Consent.objects.filter(pk__in=ids).filter(
            models.Q(case__isnull=False)
            | models.Q(referrals__isnull=False)
            | models.Q(disclosures__isnull=False)
        )
        if evidence.exists():
            raise PermissionError("consents used by a case, referral or disclosure are kept")
        # The plain QuerySet.delete, past the append-only guard (this method is the exception).
        models.QuerySet.delete(ConsentRevocation.objects.filter(consent_id__in=ids))
        _total, per_model = models.QuerySet.delete(Consent.objects.filter(pk__in=ids))
        return per_model.get(Consent._meta.label, 0)


ConsentManager = models.Manager.from_queryset(ConsentQuerySet)


class Consent(ChoiceLabels, AppendOnlyModel):
    """A family's consent to pass named data to one recipient for one purpose.

    Never changed after it is recorded: a mistake is revoked and recorded anew.
    """

    objects: ClassVar[ConsentManager] = ConsentManager()

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="consents")
    # Set for consents on a case; a partner's referral records one before any case exists.
    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, null=True, blank=True, related_name="consents"
    )
    persons = models.ManyToManyField(Person, blank=True, related_name="consents")
    given_by = models.CharField(_("Wer hat eingewilligt?"), max_length=200)
    recipient_organisation = models.ForeignKey(
        Organization,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents",
        verbose_name=_("Empfänger"),
    )
    recipient_office = models.ForeignKey(
        Office,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents_received",
        verbose_name=_("Empfangendes Jugendamt"),
    )
    purpose = models.CharField(_("Zweck"), max_length=20, choices=Purpose.choices)
    data_categories = models.JSONField(_("Daten"), default=list)
    form = models.CharField(_("Form"), max_length=20, choices=ConsentForm.choices)
    given_on = models.DateField(_("Eingewilligt am"))
    valid_from = models.DateField(_("Gültig ab"))
    valid_until = models.DateField(_("Gültig bis"), null=True, blank=True)
    evidence = models.TextField(_("Nachweis"), blank=True, max_length=2000)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Einwilligung")
        verbose_name_plural = _("Einwilligungen")
        ordering = ["-recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(recipient_organisation__isnull=False, recipient_office__isnull=True)
                    | models.Q(recipient_organisation__isnull=True, recipient_office__isnull=False)
                ),
                name="consent_one_recipient",
            ),
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="consent_valid_range",
            ),
        ]
        indexes = [
            # The case page and the gate: a case's consents.
            models.Index(fields=["case", "recorded_at"], name="consent_case"),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} → {self.recipient_name}"

    @property
    def recipient_name(self) -> str:
        if self.recipient_organisation_id:
            return self.recipient_organisation.name  # type: ignore[union-attr]
        return self.recipient_office.name if self.recipient_office else ""

    def is_valid_on(self, day: dt.date) -> bool:
        """Within its validity; says nothing about revocation."""
        return self.valid_from <= day and (self.valid_until is None or day <= self.valid_until)

    def data_category_labels(self) -> list[str]:
        labels = dict(DataCategory.choices)
        return [str(labels.get(c, c)) for c in self.data_categories]


class ConsentRevocation(AppendOnlyModel):
    """The dated revocation of a consent; the consent itself stays as it was."""

    consent = models.OneToOneField(Consent, on_delete=models.PROTECT, related_name="revocation")
    revoked_on = models.DateField(_("Widerrufen am"))
    note = models.CharField(_("Anmerkung"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Widerruf")
        verbose_name_plural = _("Widerrufe")


class Referral(ChoiceLabels, models.Model):
    """A Vermittlung from a case to an offer of the directory."""

    class Mode(models.TextChoices):
        LOGGED = "logged", _("Hinweis (die Familie geht selbst hin)")
        LIVE = "live", _("Vermittlung mit Datenweitergabe")

    class Status(models.TextChoices):
        LOGGED = "logged", _("Hinweis gegeben")
        SENT = "sent", _("gesendet")
        OPENED = "opened", _("geöffnet")
        ACCEPTED = "accepted", _("angenommen")
        DECLINED = "declined", _("abgelehnt")
        REDIRECTED = "redirected", _("weitergeleitet")
        IN_CONTACT = "in_contact", _("in Kontakt")
        ON_HOLD = "on_hold", _("pausiert")
        CLOSED = "closed", _("abgeschlossen")
        WITHDRAWN = "withdrawn", _("zurückgezogen")
        EXPIRED = "expired", _("abgelaufen")
        ERROR = "error", _("irrtümlich angelegt")

    class Outcome(models.TextChoices):
        HILFE_ERHALTEN = "hilfe_erhalten", _("Hilfe erhalten")
        HILFE_LAEUFT = "hilfe_laeuft", _("Hilfe läuft weiter")
        NICHT_GEKOMMEN = "nicht_gekommen", _("Familie ist nicht gekommen")
        FAMILIE_BEENDET = "familie_beendet", _("von der Familie beendet")
        SONSTIGES = "sonstiges", _("sonstiges")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="referrals")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="referrals")
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="referrals")
    # The receiving organisation (the service's, kept in case the offer moves).
    organisation = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="referrals_received"
    )
    mode = models.CharField(_("Art"), max_length=10, choices=Mode.choices)
    status = models.CharField(_("Stand"), max_length=20, choices=Status.choices)
    consent = models.ForeignKey(
        Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals"
    )
    data_categories = models.JSONField(_("Weitergegebene Daten"), default=list)
    message = models.TextField(_("Nachricht an die Stelle"), blank=True, max_length=2000)
    answer_by = models.DateField(_("Antwort erwartet bis"), null=True, blank=True)
    decline_reason = models.CharField(_("Grund der Ablehnung"), max_length=500, blank=True)
    redirected_to = models.ForeignKey(
        Service,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Weitergeleitet an"),
    )
    outcome = models.CharField(_("Ergebnis"), max_length=20, choices=Outcome.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Vermittlung")
        verbose_name_plural = _("Vermittlungen")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(mode="logged", consent__isnull=True)
                | models.Q(mode="live", consent__isnull=False),
                name="referral_live_needs_consent",
            ),
        ]
        indexes = [
            # The case page: a case's referrals.
            models.Index(fields=["case", "created_at"], name="referral_case"),
            # A partner's inbox: referrals to its organisation by state.
            models.Index(fields=["organisation", "status"], name="referral_inbox"),
            # The daily expiry: live referrals waiting for an answer.
            models.Index(fields=["status", "answer_by"], name="referral_waiting"),
            # Reports: referrals of an office in a period.
            models.Index(fields=["office", "created_at"], name="referral_office_created"),
        ]

    def __str__(self) -> str:
        return f"{self.case.number} → {self.service.name}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


OPEN_STATUSES = frozenset(
    {
        Referral.Status.SENT,
        Referral.Status.OPENED,
        Referral.Status.ACCEPTED,
        Referral.Status.IN_CONTACT,
        Referral.Status.ON_HOLD,
    }
)


class ReferralEvent(ChoiceLabels, AppendOnlyModel):
    """One step of a referral: who moved it from which state to which, and when."""

    id = models.BigAutoField(primary_key=True)
    referral = models.ForeignKey(Referral, on_delete=models.PROTECT, related_name="events")
    from_status = models.CharField(max_length=20, choices=Referral.Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Referral.Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # True when a worker recorded what the partner said (the partner has no account).
    on_behalf = models.BooleanField(default=False)
    note = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [
            models.Index(fields=["referral", "at"], name="referral_event_at"),
        ]


class Disclosure(ChoiceLabels, AppendOnlyModel):
    """The transfer log: one row for every time personal data left the office."""

    class Kind(models.TextChoices):
        LIVE_REFERRAL = "live_referral", _("Vermittlung gesendet")
        PARTNER_VIEW = "partner_view", _("Ansicht durch die Partnerstelle")
        FEEDBACK = "feedback", _("Rückmeldung an die vermittelnde Stelle")

    id = models.BigAutoField(primary_key=True)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, related_name="disclosures")
    recipient_organisation = models.ForeignKey(
        Organization, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    recipient_office = models.ForeignKey(
        Office, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    purpose = models.CharField(max_length=20, choices=Purpose.choices)
    data_categories = models.JSONField(default=list)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    referral = models.ForeignKey(
        Referral, on_delete=models.PROTECT, null=True, blank=True, related_name="disclosures"
    )
    # The intake request a feedback belongs to (no foreign key: intake depends on referrals).
    request_id = models.UUIDField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Datenweitergabe")
        verbose_name_plural = _("Datenweitergaben")
        ordering = ["-at"]
        indexes = [
            models.Index(fields=["consent", "at"], name="disclosure_consent"),
            # Data protection: everything given to one recipient.
            models.Index(fields=["office", "at"], name="disclosure_office_at"),
        ]
