from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET

from bruecke.directory.selectors import OfferFilters, offer_text, public_offer, public_offers
from bruecke.lib.handlungsfelder import HANDLUNGSFELDER
from bruecke.org.selectors import offices_public
from bruecke.portal.forms import OfferSearchForm

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
PER_PAGE = 20


@login_not_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The public start page "Hilfe finden": six worries and a search box."""
    return render(
        request, "portal/home.html", {"topics": HANDLUNGSFELDER, "offices": offices_public()}
    )


@login_not_required
@require_GET
def offer_search(request: HttpRequest) -> HttpResponse:
    """Offers filtered by worry, district, child's age, language, open now and free."""
    form = OfferSearchForm(request.GET or None)
    language = translation.get_language() or "de"
    now = timezone.localtime()
    page = None
    if form.is_valid():
        data = form.cleaned_data
        filters = OfferFilters(
            query=data["q"],
            topic=data["thema"],
            district_id=data["bezirk"],
            age=data["alter"],
            language=data["sprache"],
            open_now=data["jetzt_offen"],
            free=data["kostenlos"],
        )
        page = Paginator(public_offers(filters, language=language, now=now), PER_PAGE).get_page(
            request.GET.get("seite")
        )
        for service in page.object_list:
            service.text = offer_text(service, language=language, now=now)
    query = request.GET.copy()
    query.pop("seite", None)
    return render(
        request,
        "portal/offer_search.html",
        {
            "form": form,
            "page": page,
            "query_string": query.urlencode(),
        },
        status=400 if form.errors else 200,
    )


@login_not_required
@require_GET
def offer_detail(request: HttpRequest, offer_id: str) -> HttpResponse:
    language = translation.get_language() or "de"
    offer = public_offer(offer_id, language=language)
    if offer is None:
        raise Http404
    now = timezone.localtime()
    return render(
        request,
        "portal/offer_detail.html",
        {
            "offer": offer,
            "text": offer_text(offer, language=language, now=now),
            "print": request.GET.get("druck") == "1",
        },
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
