"""Role checks shared by every app: who may open a page at all."""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import wraps
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser, User
from django.http import Http404, HttpRequest, HttpResponse

from bruecke.org.models import Membership, Role
from bruecke.org.selectors import membership_for

View = Callable[..., HttpResponse]


class MemberRequest(HttpRequest):
    """A request whose view is wrapped in ``role_required``: user and membership are known."""

    user: User
    membership: Membership


def membership_with_role(
    user: AbstractBaseUser | AnonymousUser, roles: Collection[Role]
) -> Membership | None:
    """The user's membership if it has one of ``roles``, else None."""
    membership = membership_for(user)
    if membership is None or membership.role not in roles:
        return None
    return membership


def role_required(roles: Collection[Role]) -> Callable[[View], View]:
    """Only members with one of ``roles``; everyone else gets 404 (nothing to see here).

    The membership is put on ``request.membership`` for the view.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            membership = membership_with_role(request.user, roles)
            if membership is None:
                raise Http404
            request.membership = membership  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
