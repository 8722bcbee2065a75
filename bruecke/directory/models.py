"""The directory of offers, aligned with Open Referral HSDS 3.0.

HSDS names are kept where they exist (organization, service, location,
service_at_location, schedule, phone), so export and import map field to
field. The directory is public: it is the one thing that crosses offices.
Each entry is maintained by exactly one office, which alone may change it.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bruecke.lib.choice_labels import ChoiceLabels
from bruecke.org.models import District, Office, PartnerOrganisation


class Organization(ChoiceLabels, models.Model):
    """A provider (Träger) or an institution such as a Kita, a school or a family centre."""

    class Kind(models.TextChoices):
        TRAEGER = "traeger", _("Träger")
        KITA = "kita", _("Kita")
        GRUNDSCHULE = "grundschule", _("Grundschule (mit offenem Ganztag)")
        FAMILIENZENTRUM = "familienzentrum", _("Familienzentrum")
        FAMILIENBUERO = "familienbuero", _("Familienbüro")
        BERATUNGSSTELLE = "beratungsstelle", _("Beratungsstelle")
        KLINIK = "klinik", _("Klinik")
        AMT = "amt", _("Amt / Behörde")
        SONSTIGE = "sonstige", _("Sonstige")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="directory_organizations"
    )
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, default=Kind.TRAEGER)
    name = models.CharField(_("Name"), max_length=200)
    alternate_name = models.CharField(_("Weiterer Name"), max_length=200, blank=True)
    description = models.TextField(_("Beschreibung"), blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    # Institutions whose staff have partner accounts (a Kita referring families).
    partner = models.OneToOneField(
        PartnerOrganisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="directory_organization",
    )
    last_modified = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        ordering = ["name"]
        indexes = [
            # Institutions of a kind per office (Kitas for linking a child, partner accounts).
            models.Index(fields=["office", "kind", "name"], name="dir_org_office_kind"),
            # HSDS modified_after.
            models.Index(fields=["last_modified"], name="dir_org_modified"),
        ]

    def __str__(self) -> str:
        return self.name


class Location(models.Model):
    """A physical place with an address; optional coordinates."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="locations"
    )
    name = models.CharField(_("Name des Ortes"), max_length=200, blank=True)
    address_1 = models.CharField(_("Straße und Hausnummer"), max_length=200)
    postal_code = models.CharField(_("Postleitzahl"), max_length=10)
    city = models.CharField(_("Ort"), max_length=100)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="locations"
    )
    latitude = models.DecimalField(
        _("Breitengrad"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("Längengrad"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    accessibility = models.TextField(_("Barrierefreiheit"), blank=True)
    transportation = models.CharField(_("Anfahrt"), max_length=300, blank=True)
    last_modified = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Standort")
        verbose_name_plural = _("Standorte")

    def __str__(self) -> str:
        return self.name or f"{self.address_1}, {self.city}"


class Service(ChoiceLabels, models.Model):
    """An offer (Angebot, Modul): what a family can use."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("aktiv")
        INACTIVE = "inactive", _("inaktiv")
        DEFUNCT = "defunct", _("eingestellt")
        TEMPORARILY_CLOSED = "temporarily closed", _("vorübergehend geschlossen")

    class Kind(models.TextChoices):
        BERATUNG = "beratung", _("Beratung")
        GRUPPE = "gruppe", _("Gruppe")
        KURS = "kurs", _("Kurs")
        SPRECHSTUNDE = "sprechstunde", _("Sprechstunde")
        ANLAUFSTELLE = "anlaufstelle", _("Anlaufstelle")
        LOTSENDIENST = "lotsendienst", _("Lotsendienst")
        BETREUUNG = "betreuung", _("Betreuung")
        FOERDERUNG = "foerderung", _("Förderung")
        SONSTIGES = "sonstiges", _("Sonstiges")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="services")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="services"
    )
    # German texts; other languages live in ServiceTranslation.
    name = models.CharField(_("Name"), max_length=200)
    alternate_name = models.CharField(_("Weiterer Name"), max_length=200, blank=True)
    description = models.TextField(_("Beschreibung"))
    url = models.URLField(_("Website"), blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    kind = models.CharField(_("Art des Angebots"), max_length=20, choices=Kind.choices)
    topics = models.JSONField(_("Handlungsfelder"), default=list)
    free = models.BooleanField(_("kostenlos"), default=True)
    fees_description = models.CharField(_("Kosten"), max_length=300, blank=True)
    eligibility_description = models.TextField(_("Für wen"), blank=True)
    application_process = models.TextField(_("So erreichen Sie das Angebot"), blank=True)
    # Ages in whole years, as HSDS minimum_age/maximum_age (0 = from birth).
    minimum_age = models.PositiveSmallIntegerField(_("Mindestalter (Jahre)"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("Höchstalter (Jahre)"), null=True, blank=True)
    # ISO 639-1 codes of languages spoken without interpretation, for example ["de", "tr"].
    languages = models.JSONField(_("Sprachen"), default=list)
    interpretation_services = models.CharField(_("Dolmetschung"), max_length=300, blank=True)
    districts = models.ManyToManyField(
        District, blank=True, related_name="services", verbose_name=_("Stadtbezirke")
    )
    last_verified = models.DateField(_("Zuletzt geprüft"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_modified = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Angebot")
        verbose_name_plural = _("Angebote")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_age__isnull=True)
                | models.Q(maximum_age__isnull=True)
                | models.Q(minimum_age__lte=models.F("maximum_age")),
                name="service_age_range_ordered",
            ),
        ]
        indexes = [
            # Public search: active offers, filtered further in memory-free SQL.
            models.Index(fields=["status", "office"], name="dir_service_status_office"),
            # Coordinators: entries not verified for 12 months.
            models.Index(fields=["office", "last_verified"], name="dir_service_verified"),
            # HSDS modified_after.
            models.Index(fields=["last_modified"], name="dir_service_modified"),
        ]

    def __str__(self) -> str:
        return self.name


class ServiceTranslation(ChoiceLabels, models.Model):
    """An offer's texts in one more language. Missing texts fall back to German.

    A plain table rather than a translation library: the full-text index is
    built per language from exactly these rows.
    """

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(_("Sprache"), max_length=10, choices=settings.LANGUAGES)
    name = models.CharField(_("Name"), max_length=200)
    description = models.TextField(_("Beschreibung"))
    fees_description = models.CharField(_("Kosten"), max_length=300, blank=True)
    eligibility_description = models.TextField(_("Für wen"), blank=True)
    application_process = models.TextField(_("So erreichen Sie das Angebot"), blank=True)

    class Meta:
        verbose_name = _("Übersetzung")
        verbose_name_plural = _("Übersetzungen")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "language"], name="service_translation_unique"
            ),
            models.CheckConstraint(
                condition=~models.Q(language="de"), name="service_translation_not_german"
            ),
        ]


class ServiceAtLocation(models.Model):
    """Where an offer takes place; schedules hang here."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    description = models.CharField(_("Hinweis"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("Angebot am Standort")
        verbose_name_plural = _("Angebote an Standorten")
        constraints = [
            models.UniqueConstraint(
                fields=["service", "location"], name="service_at_location_unique"
            ),
        ]


class Schedule(ChoiceLabels, models.Model):
    """A recurring opening time in local time (Europe/Berlin), as HSDS/iCalendar RRULE parts.

    Weekly: ``byday`` = "MO,TH". Monthly: ``byday`` = "1MO" (first Monday) or
    ``bymonthday`` = 15.
    """

    class Freq(models.TextChoices):
        WEEKLY = "WEEKLY", _("wöchentlich")
        MONTHLY = "MONTHLY", _("monatlich")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service_at_location = models.ForeignKey(
        ServiceAtLocation, on_delete=models.CASCADE, related_name="schedules"
    )
    freq = models.CharField(_("Rhythmus"), max_length=10, choices=Freq.choices, default=Freq.WEEKLY)
    byday = models.CharField(_("Wochentage"), max_length=40, blank=True)
    bymonthday = models.PositiveSmallIntegerField(_("Tag im Monat"), null=True, blank=True)
    opens_at = models.TimeField(_("von"))
    closes_at = models.TimeField(_("bis"))
    valid_from = models.DateField(_("gültig ab"), null=True, blank=True)
    valid_to = models.DateField(_("gültig bis"), null=True, blank=True)
    description = models.CharField(_("Hinweis"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Öffnungszeit")
        verbose_name_plural = _("Öffnungszeiten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="schedule_closes_after_opening",
            ),
            models.CheckConstraint(
                condition=~models.Q(byday="") | models.Q(bymonthday__isnull=False),
                name="schedule_has_days",
            ),
        ]


class ScheduleException(models.Model):
    """A day on which an offer is closed (holiday, closure) or has other hours."""

    service_at_location = models.ForeignKey(
        ServiceAtLocation, on_delete=models.CASCADE, related_name="schedule_exceptions"
    )
    date = models.DateField(_("Datum"))
    closed = models.BooleanField(_("geschlossen"), default=True)
    opens_at = models.TimeField(_("von"), null=True, blank=True)
    closes_at = models.TimeField(_("bis"), null=True, blank=True)
    note = models.CharField(_("Hinweis"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Ausnahme")
        verbose_name_plural = _("Ausnahmen")
        constraints = [
            models.UniqueConstraint(
                fields=["service_at_location", "date"], name="schedule_exception_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(closed=True)
                | models.Q(opens_at__isnull=False, closes_at__isnull=False),
                name="schedule_exception_open_has_times",
            ),
        ]


class Phone(models.Model):
    """An institutional phone number of an organisation, service or location."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, null=True, blank=True, related_name="phones"
    )
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, null=True, blank=True, related_name="phones"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, null=True, blank=True, related_name="phones"
    )
    number = models.CharField(_("Nummer"), max_length=50)
    description = models.CharField(_("Hinweis"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("Telefonnummer")
        verbose_name_plural = _("Telefonnummern")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(organization__isnull=False)
                | models.Q(service__isnull=False)
                | models.Q(location__isnull=False),
                name="phone_belongs_somewhere",
            ),
        ]


class SearchDocument(models.Model):
    """An offer's searchable text in one language, as word stems (lib.stemming).

    SQLite searches it through an FTS5 table kept in sync by triggers, with a
    rowid range per language (migration 0004); PostgreSQL through a GIN index
    on its tsvector (migration 0003).
    """

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=10)
    stems = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["service", "language"], name="search_document_unique"),
        ]
