"""Offices (Jugendämter), their districts and teams, and who works there.

Every later record belongs to exactly one office; the office is the line that
nothing but the public directory ever crosses.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bruecke.lib.choice_labels import ChoiceLabels
from bruecke.lib.phone import tel_uri


class Office(models.Model):
    """A youth welfare office (Jugendamt) running Brücke."""

    name = models.CharField(_("Name"), max_length=200, unique=True)
    slug = models.SlugField(_("Kurzname"), max_length=50, unique=True)
    # Prefix of readable case numbers, for example DO-2026-00142.
    code = models.CharField(_("Kürzel"), max_length=5, unique=True)
    city = models.CharField(_("Stadt"), max_length=100)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    # Help is time-limited: a new case is due for review after this many months.
    review_months = models.PositiveSmallIntegerField(_("Überprüfung nach Monaten"), default=3)
    # Working days (NRW holidays excluded) within which a new request gets an answer.
    response_days = models.PositiveSmallIntegerField(_("Antwortfrist in Arbeitstagen"), default=3)

    class Meta:
        verbose_name = _("Jugendamt")
        verbose_name_plural = _("Jugendämter")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def phone_uri(self) -> str:
        return tel_uri(self.phone)


class District(models.Model):
    """A city district (Stadtbezirk) of one office."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="districts")
    name = models.CharField(_("Name"), max_length=100)
    slug = models.SlugField(_("Kurzname"), max_length=50)
    # Kita-Sozialarbeit may run in some districts only and grow over time.
    kita_sozialarbeit = models.BooleanField(_("Kita-Sozialarbeit aktiv"), default=False)
    # District planning relates demand to this (cases per 1,000 children under six);
    # empty while the office has not entered it.
    children_under_6 = models.PositiveIntegerField(
        _("Kinder unter 6 Jahren"),
        null=True,
        blank=True,
        help_text=_(
            "Zahl der Kinder unter 6 Jahren im Stadtbezirk, etwa aus der Einwohnerstatistik."
        ),
    )

    class Meta:
        verbose_name = _("Stadtbezirk")
        verbose_name_plural = _("Stadtbezirke")
        ordering = ["office", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "name"], name="district_name_unique_per_office"
            ),
            models.UniqueConstraint(
                fields=["office", "slug"], name="district_slug_unique_per_office"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Team(models.Model):
    """A team of social workers covering one or more districts of its office."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="teams")
    name = models.CharField(_("Name"), max_length=100)
    districts = models.ManyToManyField(
        District, related_name="teams", verbose_name=_("Stadtbezirke")
    )

    class Meta:
        verbose_name = _("Team")
        verbose_name_plural = _("Teams")
        ordering = ["office", "name"]
        constraints = [
            models.UniqueConstraint(fields=["office", "name"], name="team_name_unique_per_office"),
        ]

    def __str__(self) -> str:
        return self.name


class PartnerOrganisation(ChoiceLabels, models.Model):
    """An institution whose staff may refer families (Kita, Familienbüro, ...)."""

    class Kind(models.TextChoices):
        KITA = "kita", _("Kita")
        KINDERTAGESPFLEGE = "kindertagespflege", _("Kindertagespflege")
        FAMILIENBUERO = "familienbuero", _("Familienbüro")
        BERATUNGSSTELLE = "beratungsstelle", _("Beratungsstelle")
        BABYLOTSEN = "babylotsen", _("Babylotsen / Geburtsklinik")
        JUGENDHILFEDIENST = "jugendhilfedienst", _("Jugendhilfedienst / ASD")
        SCHULE = "schule", _("Schule / Familiengrundschulzentrum")
        SONSTIGE = "sonstige", _("Sonstige")

    office = models.ForeignKey(
        Office, on_delete=models.PROTECT, related_name="partner_organisations"
    )
    name = models.CharField(_("Name"), max_length=200)
    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices)
    district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner_organisations",
    )

    class Meta:
        verbose_name = _("Partnereinrichtung")
        verbose_name_plural = _("Partnereinrichtungen")
        ordering = ["office", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "name"], name="partner_name_unique_per_office"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    SOZIALARBEIT = "sozialarbeit", _("Kita-Sozialarbeit")
    TEAMLEITUNG = "teamleitung", _("Teamleitung")
    KOORDINATION = "koordination", _("Koordination")
    DATENSCHUTZ = "datenschutz", _("Datenschutz")
    ADMINISTRATION = "administration", _("Administration")
    PARTNER = "partner", _("Partnereinrichtung")


class Membership(ChoiceLabels, models.Model):
    """What a user is in Brücke: one office, one role.

    A user belongs to exactly one office (the one-to-one makes that a database
    fact), so no query scoped by membership can ever reach another office.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices)
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="members"
    )
    partner_organisation = models.ForeignKey(
        PartnerOrganisation, on_delete=models.PROTECT, null=True, blank=True, related_name="members"
    )

    class Meta:
        verbose_name = _("Mitgliedschaft")
        verbose_name_plural = _("Mitgliedschaften")
        constraints = [
            # Partner accounts always name their organisation, staff never do.
            models.CheckConstraint(
                condition=(
                    models.Q(role=Role.PARTNER, partner_organisation__isnull=False)
                    | (~models.Q(role=Role.PARTNER) & models.Q(partner_organisation__isnull=True))
                ),
                name="membership_partner_has_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()}, {self.office})"

    @property
    def is_staff_role(self) -> bool:
        return self.role != Role.PARTNER
