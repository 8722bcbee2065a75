"""Cases, contacts, anonymous consultations, work without a family, appointments."""

from __future__ import annotations

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bruecke.cases.choices import Kontaktart, Outcome, WorkKind, Zugangsweg
from bruecke.lib.choice_labels import ChoiceLabels
from bruecke.org.models import District, Office, PartnerOrganisation
from bruecke.people.models import Family


class CaseCounter(models.Model):
    """The last case number handed out per office and year (DO-2026-00142)."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="case_counter_unique")
        ]


class Case(ChoiceLabels, models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("offen")
        CLOSED = "closed", _("abgeschlossen")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="cases")
    number = models.CharField(_("Fallnummer"), max_length=20)
    family = models.ForeignKey(Family, on_delete=models.PROTECT, related_name="cases")
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="cases")
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="assigned_cases",
        verbose_name=_("Zuständig"),
    )
    covering = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="covered_cases",
        verbose_name=_("Vertretung"),
    )
    zugangsweg = models.CharField(_("Zugangsweg"), max_length=20, choices=Zugangsweg.choices)
    topics = models.JSONField(_("Handlungsfelder"), default=list)
    opened_on = models.DateField(_("Beginn"))
    review_on = models.DateField(_("Nächste Überprüfung"))
    status = models.CharField(
        _("Status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    closed_on = models.DateField(_("Abgeschlossen am"), null=True, blank=True)
    outcome = models.CharField(_("Ergebnis"), max_length=20, choices=Outcome.choices, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Fall")
        verbose_name_plural = _("Fälle")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "number"], name="case_number_unique_per_office"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status="open", closed_on__isnull=True, outcome="")
                    | (models.Q(status="closed", closed_on__isnull=False) & ~models.Q(outcome=""))
                ),
                name="case_closed_has_date_and_outcome",
            ),
        ]
        indexes = [
            # A worker's open cases ordered by review date (start page, case list).
            models.Index(
                fields=["assigned_to", "status", "review_on"], name="case_assigned_review"
            ),
            # Only cases with a cover: most have none, and counted with them the
            # planner took a worker's covered cases for thousands and read the
            # office's whole list instead (8 ms at city size, 0.2 ms with this).
            models.Index(
                fields=["covering", "status", "review_on"],
                name="case_covering_review",
                condition=models.Q(covering__isnull=False),
            ),
            # A team lead's cases: the districts of the team.
            models.Index(fields=["district", "status", "review_on"], name="case_district_review"),
            # A team lead's case list, open ones by review date, closed ones newest first:
            # read in list order, the first 200 of the team's cases are found without
            # collecting and sorting all of them (tens of thousands at state size).
            models.Index(
                fields=["office", "status", "review_on", "number"], name="case_office_review"
            ),
            models.Index(fields=["office", "status", "closed_on"], name="case_office_closed"),
        ]

    def __str__(self) -> str:
        return self.number


class Contact(ChoiceLabels, models.Model):
    """A short dated entry on a case."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="contacts")
    date = models.DateField(_("Datum"))
    kind = models.CharField(_("Kontaktart"), max_length=30, choices=Kontaktart.choices)
    duration_minutes = models.PositiveSmallIntegerField(_("Dauer (Minuten)"))
    place = models.CharField(_("Ort"), max_length=120, blank=True)
    topics = models.JSONField(_("Handlungsfelder"), default=list, blank=True)
    interpreter_language = models.CharField(_("Dolmetschung (Sprache)"), max_length=50, blank=True)
    note = models.TextField(_("Kurznotiz"), blank=True, max_length=2000)
    # Confided in personal counselling (§ 65 SGB VIII): only its author may read the note.
    confided = models.BooleanField(_("anvertraut (§ 65 SGB VIII)"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Kontakt")
        verbose_name_plural = _("Kontakte")
        indexes = [
            # The case timeline.
            models.Index(fields=["case", "date"], name="contact_case_date"),
            # Reports by office and period.
            models.Index(fields=["office", "date"], name="contact_office_date"),
        ]


class AnonymousConsultation(ChoiceLabels, models.Model):
    """A one-off consultation without a case (most phone calls): counted, never named."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("Datum"))
    kind = models.CharField(
        _("Kontaktart"), max_length=30, choices=Kontaktart.choices, default=Kontaktart.TELEFON
    )
    topics = models.JSONField(_("Handlungsfelder"), default=list, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("Dauer (Minuten)"))
    interpreter_language = models.CharField(_("Dolmetschung (Sprache)"), max_length=50, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Anonyme Beratung")
        verbose_name_plural = _("Anonyme Beratungen")
        indexes = [models.Index(fields=["office", "date"], name="anon_office_date")]  # reports


class FamilyFreeWork(ChoiceLabels, models.Model):
    """Work without a family: networking, consultations in Kitas, parent events, office hours."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("Art"), max_length=30, choices=WorkKind.choices)
    date = models.DateField(_("Datum"))
    duration_minutes = models.PositiveSmallIntegerField(_("Dauer (Minuten)"))
    place = models.CharField(_("Ort"), max_length=120, blank=True)
    topics = models.JSONField(_("Handlungsfelder"), default=list, blank=True)
    institution = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Einrichtung"),
    )
    participants = models.PositiveSmallIntegerField(_("Teilnehmende"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Arbeit ohne Familienbezug")
        verbose_name_plural = _("Arbeit ohne Familienbezug")
        indexes = [models.Index(fields=["office", "date"], name="work_office_date")]  # reports


class Appointment(models.Model):
    """A worker's appointment: with a case, or an office hour (Sprechstunde)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="appointments"
    )
    case = models.ForeignKey(
        Case, on_delete=models.PROTECT, null=True, blank=True, related_name="appointments"
    )
    office_hour = models.BooleanField(_("Sprechstunde"), default=False)
    starts_at = models.DateTimeField(_("Beginn"))
    ends_at = models.DateTimeField(_("Ende"))
    place = models.CharField(_("Ort"), max_length=120, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="appointment_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(case__isnull=False) | models.Q(office_hour=True),
                name="appointment_case_or_office_hour",
            ),
        ]
        indexes = [
            # A worker's day and week view, and the calendar feed.
            models.Index(fields=["worker", "starts_at"], name="appointment_worker_start"),
        ]


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret token of a worker's private iCalendar feed."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)


# --- Counts for the reports (kept by cases.aggregates) ---------------------------------


class Grain(models.TextChoices):
    """The length of the period a count belongs to."""

    MONTH = "m", _("Monat")
    QUARTER = "q", _("Quartal")
    YEAR = "y", _("Jahr")


class StatCount(ChoiceLabels, models.Model):
    """One number of the reports: how many of ``metric`` with ``key``, per district and period.

    Written only by ``cases.aggregates``, in the same transaction as the
    contact, consultation, case or work that changes it. Holds no family,
    person or case: only office, district, period, what is counted and a count.
    """

    id = models.BigAutoField(primary_key=True)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    # The district's primary key, 0 for work without a district. A plain number
    # (no foreign key) so that "no district" takes part in the unique key below.
    district_pk = models.PositiveIntegerField()
    grain = models.CharField(max_length=1, choices=Grain.choices)
    # The first day of the month, quarter or year.
    start = models.DateField()
    metric = models.CharField(max_length=24)
    key = models.CharField(max_length=40, blank=True)
    n = models.BigIntegerField(default=0)

    class Meta:
        constraints = [
            # The upsert's conflict target; also the index of every report query
            # (one office, one grain, a few metrics, a range of periods).
            models.UniqueConstraint(
                fields=["office", "grain", "metric", "start", "district_pk", "key"],
                name="stat_count_unique",
            ),
        ]


class FamilyReach(ChoiceLabels, models.Model):
    """What one family adds to "families and children reached" in one month, quarter or year.

    The family counts once per period, in the district of its first contact in
    that period; its children by age group at the end of the period. Kept so
    that a later change (another contact, a new child, a merge) can take back
    exactly what was counted before.
    """

    id = models.BigAutoField(primary_key=True)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    family = models.ForeignKey(Family, on_delete=models.CASCADE, related_name="+")
    grain = models.CharField(max_length=1, choices=Grain.choices)
    start = models.DateField()
    district_pk = models.PositiveIntegerField()
    # Children by age at the end of the period: under 1, 1-2, 3-5, 6 and older, unknown.
    age_0 = models.PositiveSmallIntegerField(default=0)
    age_1 = models.PositiveSmallIntegerField(default=0)
    age_3 = models.PositiveSmallIntegerField(default=0)
    age_6 = models.PositiveSmallIntegerField(default=0)
    age_unknown = models.PositiveSmallIntegerField(default=0)
    # Monthly shares only, so that a range of months is counted by the index
    # alone (aggregates.reach_in_months): the start of the family's previous
    # month with a contact (its first month in a range is the one whose
    # previous month lies before the range), and its children's known birth
    # dates, sorted, to group them by age on any day: the first four in
    # columns, any further ones as ISO dates joined by commas.
    prev_start = models.DateField(null=True, blank=True)
    birth_1 = models.DateField(null=True, blank=True)
    birth_2 = models.DateField(null=True, blank=True)
    birth_3 = models.DateField(null=True, blank=True)
    birth_4 = models.DateField(null=True, blank=True)
    more_births = models.TextField(blank=True, default="")

    class Meta:
        constraints = [
            # One row per family and period; also the index of a family's refresh.
            models.UniqueConstraint(
                fields=["family", "grain", "start"], name="family_reach_unique"
            ),
        ]
        indexes = [
            # A range of months, read from the index alone: the office's monthly
            # shares by start, the family's first month in the range, and what it counts.
            models.Index(
                fields=[
                    "office",
                    "grain",
                    "start",
                    "prev_start",
                    "district_pk",
                    "age_unknown",
                    "birth_1",
                    "birth_2",
                    "birth_3",
                    "birth_4",
                    "more_births",
                ],
                name="family_reach_range",
            ),
        ]
