"""Families (households) and the people in them: the most sensitive data in Brücke."""

from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bruecke.lib.choice_labels import ChoiceLabels
from bruecke.lib.school import age_in_years, school_entry
from bruecke.org.models import District, Office


class Family(models.Model):
    """A household with at least one child; may be recorded under a pseudonym only."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="families")
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="families")
    # The household's name as the family uses it, or a pseudonym in anonymous mode.
    name = models.CharField(_("Name der Familie"), max_length=120)
    anonymous = models.BooleanField(
        _("Anonym (nur Pseudonym)"),
        default=False,
        help_text=_(
            "Die Familie möchte anonym bleiben: nur ein Pseudonym, keine Anschrift, kein Telefon."
        ),
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    phone_key = models.CharField(max_length=20, blank=True, editable=False)
    email = models.EmailField(_("E-Mail"), blank=True)
    languages = models.CharField(
        _("Gesprochene Sprachen"),
        max_length=200,
        blank=True,
        help_text=_("Zum Beispiel: Arabisch, Deutsch"),
    )
    interpreter_needed = models.BooleanField(_("Dolmetschung nötig"), default=False)
    interpreter_language = models.CharField(
        _("Sprache der Dolmetschung"), max_length=50, blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking: every edit increments it; a stale form is refused.
    version = models.PositiveIntegerField(default=1)
    # Set when this family was merged into another one; it then is only history.
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("Familie")
        verbose_name_plural = _("Familien")
        indexes = [
            # Family search by phone within an office.
            models.Index(fields=["office", "phone_key"], name="family_office_phone"),
        ]

    def __str__(self) -> str:
        return self.name


class FamilyNameCode(models.Model):
    """One Kölner Phonetik code of a family's name, one row per word.

    Family search looks a code up through the index below. A search inside
    one column of all codes (``LIKE '% 657 %'``) cannot use an index and read
    every family of the installation on each search. Written by the family
    actions whenever the name changes (and in bulk by the seeder).
    """

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+", db_index=False)
    family = models.ForeignKey(
        Family, on_delete=models.CASCADE, related_name="name_codes", db_index=False
    )
    code = models.CharField(max_length=120)

    class Meta:
        indexes = [
            # Family search by a phonetic code of the family name within an office;
            # holds the family id, so the search never reads this table's rows.
            models.Index(fields=["office", "code", "family"], name="familyname_office_code"),
        ]
        constraints = [
            # Also the index for rewriting (and cascading) one family's codes.
            models.UniqueConstraint(fields=["family", "code"], name="familyname_family_code"),
        ]

    def __str__(self) -> str:
        return self.code


class Person(ChoiceLabels, models.Model):
    """A parent, guardian or child of a family."""

    class Role(models.TextChoices):
        PARENT = "parent", _("Elternteil / Sorgeberechtigte*r")
        CHILD = "child", _("Kind")
        OTHER = "other", _("Weitere Person im Haushalt")

    class Childcare(models.TextChoices):
        KITA = "kita", _("Kita")
        KINDERTAGESPFLEGE = "kindertagespflege", _("Kindertagespflege")
        NONE = "none", _("Keine Betreuung")
        UNKNOWN = "", _("Nicht bekannt")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="members")
    role = models.CharField(_("Rolle"), max_length=10, choices=Role.choices)
    first_name = models.CharField(_("Vorname"), max_length=80, blank=True)
    last_name = models.CharField(_("Nachname"), max_length=80, blank=True)
    first_key = models.CharField(max_length=80, blank=True, editable=False)
    last_key = models.CharField(max_length=80, blank=True, editable=False)
    birth_date = models.DateField(_("Geburtsdatum"), null=True, blank=True)
    childcare = models.CharField(
        _("Betreuung"), max_length=20, choices=Childcare.choices, blank=True
    )
    # The child's Kita, an institution of the public directory.
    kita = models.ForeignKey(
        "directory.Organization",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Kita"),
    )

    class Meta:
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")
        ordering = ["role", "birth_date", "first_name"]
        indexes = [
            # Family search by phonetic first or last name within an office.
            models.Index(fields=["office", "last_key"], name="person_office_lastkey"),
            models.Index(fields=["office", "first_key"], name="person_office_firstkey"),
            # Family search by a child's birth date.
            models.Index(fields=["office", "birth_date"], name="person_office_birth"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role="child") | models.Q(childcare=""),
                name="person_childcare_only_for_children",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or str(self.get_role_display())

    def age(self, today: dt.date) -> int | None:
        return age_in_years(self.birth_date, today) if self.birth_date else None

    def before_school_entry(self, today: dt.date) -> bool:
        if self.birth_date is None:
            return False
        entry = school_entry(
            self.birth_date, cutoff=settings.SCHOOL_ENTRY_CUTOFF, start=settings.SCHOOL_START
        )
        return today < entry
