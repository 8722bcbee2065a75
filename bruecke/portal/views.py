from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from bruecke.lib.handlungsfelder import HANDLUNGSFELDER
from bruecke.org.selectors import offices_public

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


@login_not_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The public start page "Hilfe finden"."""
    return render(
        request,
        "portal/home.html",
        {"topics": HANDLUNGSFELDER, "offices": offices_public()},
    )


@login_not_required
@require_GET
def language(request: HttpRequest, code: str) -> HttpResponse:
    """Switch the interface language with a plain link, then go back.

    A link (not a form) so it works on any phone and without JavaScript; the
    only thing stored is the language cookie.
    """
    if code not in LANGUAGE_CODES:
        raise Http404
    target = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("portal:home")
    response = HttpResponseRedirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
    )
    return response
