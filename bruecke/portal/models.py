"""What the public portal stores: reports of barriers, and a throttle against floods.

The portal is anonymous. A barrier report holds only what the person typed;
the throttle holds a keyed hash of IP address and day, never the address.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from bruecke.org.models import Office


class BarrierReport(models.Model):
    """A barrier somebody met on the public pages (feedback under BITV 2.0 / BITV NRW).

    Deleted one year after it was handled (``barrier_reports_purge``).
    """

    office = models.ForeignKey(
        Office,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="barrier_reports",
        verbose_name=_("Jugendamt"),
    )
    page = models.CharField(_("Seite"), max_length=500, blank=True)
    description = models.TextField(_("Beschreibung"), max_length=5000)
    email = models.EmailField(_("E-Mail für eine Antwort"), blank=True)
    created_at = models.DateTimeField(_("Gemeldet am"), auto_now_add=True)
    handled_at = models.DateTimeField(_("Bearbeitet am"), null=True, blank=True)

    class Meta:
        verbose_name = _("Gemeldete Barriere")
        verbose_name_plural = _("Gemeldete Barrieren")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["office", "handled_at"], name="portal_barrier_open"),
        ]

    def __str__(self) -> str:
        return f"{self.page or '–'} ({self.created_at:%d.%m.%Y})"


class ReportAttempt(models.Model):
    """One sent public form (a barrier report, a contact request), for the rate limit.

    ``client_key`` is an HMAC of form, IP address and day under the secret key
    (``portal.actions.client_key``): it cannot be turned back into the address,
    it changes every day, and each form counts separately. Rows are deleted
    after a day.
    """

    client_key = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("Meldeversuch")
        verbose_name_plural = _("Meldeversuche")
