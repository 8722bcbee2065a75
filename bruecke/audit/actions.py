"""Writing to the audit trail. Call these inside the transaction of the write they record."""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from bruecke.audit.models import AuditEvent, CaseRead
from bruecke.org.models import Office


def audit_record(
    *,
    office: Office | int,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: str,
    target_type: str,
    target_id: object,
    case_id: uuid.UUID | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one audit event; the caller's transaction makes it atomic with the write."""
    return AuditEvent.objects.create(
        office_id=office if isinstance(office, int) else office.pk,
        actor_id=actor.pk if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        case_id=case_id,
        details=details or {},
    )


def case_read_record(*, office_id: int, user: AbstractBaseUser, case_id: uuid.UUID) -> None:
    """Record that ``user`` opened the page of case ``case_id``."""
    CaseRead.objects.create(office_id=office_id, user_id=user.pk, case_id=case_id)
