"""Tablet mode for Familienbüros: the public offers, presented on site.

A tablet in a Familienbüro shows the six worries as large buttons, the
matching offers as large cards and QR codes, so a parent can take an offer (or
an external portal, such as a city's KiTa-Portal) along on their own phone.

Nothing is stored: the pages set no cookie and use no session, responses are
``no-store`` (so the back/forward cache keeps nothing from the previous
family), and ``tablet.js`` returns to the start after a few idle minutes. The
only cookie involved is the language cookie of the shared ``portal:language``
view; returning to the start switches back to German.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from bruecke.directory.selectors import OfferFilters, offer_text, public_offer, public_offers
from bruecke.lib.handlungsfelder import HANDLUNGSFELDER
from bruecke.portal.forms import OfferSearchForm
from bruecke.portal.qr import qr_svg

# External portals shown with a QR code on the start screen. Each city
# configures its own with ``settings.TABLET_PORTALS`` (a list of dicts with
# "label", "url" and optionally "text"); this list is only the default.
DEFAULT_PORTALS: tuple[Mapping[str, Any], ...] = (
    {
        "label": _("KiTa-Portal Dortmund: Kita-Platz suchen und anmelden"),
        "url": "https://www.dortmund.de/kitaportal",
    },
)

IDLE_DEFAULT = 180
IDLE_MIN, IDLE_MAX = 2, 600
PER_PAGE = 10

TOPIC_TITLES: dict[str, Any] = {}
for _topic in HANDLUNGSFELDER:
    TOPIC_TITLES[_topic.slug] = _topic.title
    for _slug, _title in _topic.subtopics:
        TOPIC_TITLES[f"{_topic.slug}/{_slug}"] = _title


@dataclass(frozen=True)
class Portal:
    label: str
    url: str
    text: str
    qr: SafeString


def portals() -> list[Portal]:
    """The configured external portals; entries without an http(s) URL are skipped."""
    configured: Iterable[Mapping[str, Any]] = getattr(settings, "TABLET_PORTALS", DEFAULT_PORTALS)
    found = []
    for entry in configured:
        url = str(entry.get("url", ""))
        if urlsplit(url).scheme not in {"https", "http"} or not urlsplit(url).netloc:
            continue
        label = str(entry.get("label") or url)
        found.append(
            Portal(
                label=label, url=url, text=str(entry.get("text", "")), qr=qr_svg(url, label=label)
            )
        )
    return found


def _idle(request: HttpRequest) -> int | None:
    """Seconds until the idle reset from ``?idle=`` (for tests and set-up), bounded."""
    try:
        seconds = int(request.GET.get("idle", ""))
    except ValueError:
        return None
    return min(max(seconds, IDLE_MIN), IDLE_MAX)


def _url(name: str, *args: Any, **query: Any) -> str:
    """A tablet URL with the given query; empty values are left out."""
    url = reverse(f"portal:{name}", args=args)
    params = {key: value for key, value in query.items() if value not in (None, "")}
    return f"{url}?{urlencode(params)}" if params else url


def tablet_context(request: HttpRequest, **extra: Any) -> dict[str, Any]:
    """What every tablet page needs: idle time and where "Neu beginnen" leads."""
    idle = _idle(request)
    start = _url("tablet", idle=idle)
    reset = start
    if (translation.get_language() or settings.LANGUAGE_CODE) != settings.LANGUAGE_CODE:
        # Starting over also means German again for the next family.
        reset = _url("language", settings.LANGUAGE_CODE, next=start)
    return {
        "idle": idle,
        "idle_seconds": idle or IDLE_DEFAULT,
        "idle_minutes": round((idle or IDLE_DEFAULT) / 60) or 1,
        "start_url": start,
        "reset_url": reset,
        **extra,
    }


def tablet_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Public, GET only, never cached, never indexed."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return login_not_required(require_GET(never_cache(wrapper)))


@tablet_view
def tablet(request: HttpRequest) -> HttpResponse:
    """Start screen: six worries, languages, QR codes for external portals."""
    context = tablet_context(request)
    start = context["start_url"]
    languages = [
        {
            **translation.get_language_info(code),
            "url": _url("language", code, next=start),
        }
        for code, _name in settings.LANGUAGES
    ]
    topics = [
        {"topic": topic, "url": _url("tablet_offers", thema=topic.slug, idle=context["idle"])}
        for topic in HANDLUNGSFELDER
    ]
    return render(
        request,
        "portal/tablet/start.html",
        {**context, "topics": topics, "languages": languages, "portals": portals()},
    )


@tablet_view
def tablet_offers(request: HttpRequest) -> HttpResponse:
    """Offers for one worry (and optionally one district) as large cards with QR codes."""
    context = tablet_context(request)
    if not request.GET.get("thema"):
        return HttpResponseRedirect(context["start_url"])
    form = OfferSearchForm(
        {"thema": request.GET.get("thema", ""), "bezirk": request.GET.get("bezirk", "")}
    )
    if not form.is_valid():
        return render(
            request, "portal/tablet/offers.html", {**context, "invalid": True}, status=400
        )
    topic, district_id = form.cleaned_data["thema"], form.cleaned_data["bezirk"]
    language = translation.get_language() or settings.LANGUAGE_CODE
    now = timezone.localtime()
    offers = public_offers(
        OfferFilters(topic=topic, district_id=district_id), language=language, now=now
    )
    page = Paginator(offers, PER_PAGE).get_page(request.GET.get("seite"))
    for offer in page.object_list:
        offer.text = offer_text(offer, language=language, now=now)
        offer.public_url = request.build_absolute_uri(reverse("portal:offer", args=[offer.pk]))
        offer.qr = qr_svg(offer.public_url, label=offer.text.name)
        offer.tablet_url = _url(
            "tablet_offer", offer.pk, thema=topic, bezirk=district_id, idle=context["idle"]
        )

    def page_url(number: int) -> str:
        return _url(
            "tablet_offers", thema=topic, bezirk=district_id, seite=number, idle=context["idle"]
        )

    return render(
        request,
        "portal/tablet/offers.html",
        {
            **context,
            "topic": topic,
            "topic_title": TOPIC_TITLES.get(topic, topic),
            "district_id": district_id,
            "district_value": str(district_id or ""),
            "district_groups": [
                (city, options)
                for city, options in form.fields["bezirk"].choices  # type: ignore[attr-defined]
                if isinstance(options, list)
            ],
            "page": page,
            "previous_url": page_url(page.previous_page_number()) if page.has_previous() else "",
            "next_url": page_url(page.next_page_number()) if page.has_next() else "",
        },
    )


@tablet_view
def tablet_offer(request: HttpRequest, offer_id: str) -> HttpResponse:
    """One offer, large: hours in words, phone numbers to read, QR code to take along."""
    context = tablet_context(request)
    language = translation.get_language() or settings.LANGUAGE_CODE
    offer = public_offer(offer_id, language=language)
    if offer is None:
        raise Http404
    text = offer_text(offer, language=language, now=timezone.localtime())
    public_url = request.build_absolute_uri(reverse("portal:offer", args=[offer.pk]))
    back_url = ""
    topic = request.GET.get("thema", "")
    if topic in TOPIC_TITLES:
        district = request.GET.get("bezirk", "")
        back_url = _url(
            "tablet_offers",
            thema=topic,
            bezirk=district if district.isdigit() else "",
            idle=context["idle"],
        )
    return render(
        request,
        "portal/tablet/offer.html",
        {
            **context,
            "offer": offer,
            "text": text,
            "public_url": public_url,
            "qr": qr_svg(public_url, label=text.name),
            "back_url": back_url,
        },
    )
