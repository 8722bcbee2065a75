"""The append-only audit trail: every write (AuditEvent) and every read of a case (CaseRead).

Rows are never updated or deleted: the model refuses it, and database triggers
(migration 0002) refuse it for any code path that bypasses the model.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bruecke.org.models import Office


class AppendOnlyQuerySet(models.QuerySet):  # type: ignore[type-arg,unused-ignore]
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("audit rows are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("audit rows are append-only")


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise PermissionError(f"{type(self).__name__} rows are append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError(f"{type(self).__name__} rows are append-only")


class AuditEvent(AppendOnlyModel):
    """One write: who did what to which object, when. Never the content itself."""

    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(_("Zeitpunkt"), auto_now_add=True)
    action = models.CharField(_("Aktion"), max_length=50)  # for example "case.close"
    target_type = models.CharField(max_length=30)  # for example "case"
    target_id = models.CharField(max_length=40)
    # The case the event belongs to, for the case timeline (may equal target).
    case_id = models.UUIDField(null=True, blank=True)
    # Field names and non-personal values only (status, outcome, worker ids).
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("Protokolleintrag")
        indexes = [
            # The case timeline: events of one case in order.
            models.Index(fields=["case_id", "at"], name="audit_event_case_at"),
            # Data protection: everything one person did in an office.
            models.Index(fields=["office", "actor", "at"], name="audit_event_actor_at"),
        ]


class CaseRead(AppendOnlyModel):
    """One opening of a case page (who, when, which case)."""

    id = models.BigAutoField(primary_key=True)
    office = models.ForeignKey(Office, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    case_id = models.UUIDField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("Lesezugriff")
        indexes = [
            # Data protection: who read this case.
            models.Index(fields=["case_id", "at"], name="audit_read_case_at"),
        ]
