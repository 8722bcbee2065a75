from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from bruecke.org.selectors import membership_for


def membership(request: HttpRequest) -> dict[str, Any]:
    # Lazy, so public pages that never show it cost no query.
    return {"membership": SimpleLazyObject(lambda: membership_for(request.user))}
