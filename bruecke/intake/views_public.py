"""The public form "Kontakt aufnehmen" and its confirmation, on the portal and the tablet.

Public pages set no cookie beyond language and CSRF, so there is no session:
the confirmation page gets its reference code from a signed, time-limited
token in the URL. The token holds the code, the chosen language, the office
and the answer date, nothing the family typed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from bruecke.directory.models import Service
from bruecke.directory.selectors import offer_text, public_offer
from bruecke.intake.actions import reference_new, request_create
from bruecke.intake.forms_public import ContactForm
from bruecke.intake.models import Request
from bruecke.lib.handlungsfelder import HANDLUNGSFELDER
from bruecke.lib.workdays import add_working_days
from bruecke.org.models import Office
from bruecke.org.selectors import offices_public
from bruecke.portal.actions import (
    FormPurpose,
    client_attempt_record,
    client_ip,
    client_key,
    client_rate_limited,
)
from bruecke.portal.views_tablet import tablet_context

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}

# The confirmation link works this long: enough to read, note or photograph the
# code, short enough that a link left in a shared browser's history says nothing.
CONFIRMATION_MAX_AGE = 2 * 60 * 60
CONFIRMATION_SALT = "bruecke.intake.contact-confirmation"

# The first sentence of each page: without a translation in the chosen
# language, the page content is shown in German and marked lang="de".
INTRO_FORM = gettext_noop(
    "Schreiben Sie uns. Wir melden uns bei Ihnen und sprechen in Ruhe über Ihre Fragen."
)
INTRO_THANKS = gettext_noop("Danke! Ihre Anfrage ist bei uns angekommen.")


@dataclass(frozen=True)
class Confirmation:
    """What the confirmation page shows, carried by the signed token."""

    reference: str
    language: str
    office: Office
    due_on: dt.date


def _intro(msgid: str) -> dict[str, Any]:
    """The translated first sentence, and whether the page falls back to German."""
    intro = gettext(msgid)
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {"intro": intro, "fallback": not language.startswith("de") and intro == msgid}


def confirmation_token(*, reference: str, language: str, office: Office, due_on: dt.date) -> str:
    return signing.dumps(
        {"r": reference, "l": language, "o": office.pk, "d": due_on.isoformat()},
        salt=CONFIRMATION_SALT,
        compress=True,
    )


def _confirmation(token: str) -> Confirmation:
    """The confirmation behind a token; ``SignatureExpired`` when it is too old, 404 when forged."""
    try:
        data = signing.loads(token, salt=CONFIRMATION_SALT, max_age=CONFIRMATION_MAX_AGE)
    except signing.SignatureExpired:
        raise
    except signing.BadSignature:
        raise Http404 from None
    try:
        reference, language, office_id = str(data["r"]), str(data["l"]), int(data["o"])
        due_on = dt.date.fromisoformat(str(data["d"]))
    except (KeyError, TypeError, ValueError):
        raise Http404 from None
    office = offices_public().filter(pk=office_id).first()
    if office is None:
        raise Http404
    if language not in LANGUAGE_CODES:
        language = settings.LANGUAGE_CODE
    return Confirmation(reference=reference, language=language, office=office, due_on=due_on)


def _offer(request: HttpRequest, language: str) -> Service | None:
    """The offer the family came from (``?angebot=<uuid>``); unknown ones are ignored."""
    try:
        offer_id = uuid.UUID(request.GET.get("angebot", "").strip())
    except ValueError:
        return None
    return public_offer(offer_id, language=language)


def _with_query(url: str, **query: Any) -> str:
    params = {key: value for key, value in query.items() if value not in (None, "")}
    return f"{url}?{urlencode(params)}" if params else url


def public_page(
    *, indexed: bool = False
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Public and never cached: what a family typed or its code must not linger.

    Only the portal's form may be found by search engines; confirmations and
    the tablet pages are never indexed.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            response = view(request, *args, **kwargs)
            if not indexed:
                response["X-Robots-Tag"] = "noindex, nofollow"
            return response

        return login_not_required(never_cache(wrapper))

    return decorator


def _contact(request: HttpRequest, *, tablet: bool) -> HttpResponse:
    language = translation.get_language() or settings.LANGUAGE_CODE
    extra: dict[str, Any] = tablet_context(request) if tablet else {}
    idle = extra.get("idle")
    offer = _offer(request, language)
    offices = list(offices_public())
    if not offices:
        # An installation without an office has nobody to answer.
        raise Http404
    office = next((o for o in offices if offer and o.pk == offer.office_id), None)
    if offer is not None and office is None:
        offer = None
    form_kwargs: dict[str, Any] = {"offices": offices, "office": office, "shared_device": tablet}
    status = 200
    if request.method == "POST":
        form = ContactForm(request.POST, **form_kwargs)
        valid = form.is_valid()
        if form.is_bot:
            # Looks like success to the bot; nothing is stored or counted.
            return _redirect_thanks(form, offices=offices, tablet=tablet, idle=idle)
        if valid:
            key = client_key(client_ip(request), purpose=FormPurpose.CONTACT_REQUEST)
            if client_rate_limited(key, limit=settings.INTAKE_REQUESTS_PER_HOUR):
                form.add_error(
                    None,
                    gettext(
                        "Von Ihrem Anschluss kamen in der letzten Stunde schon viele Anfragen. "
                        "Bitte versuchen Sie es später noch einmal, oder rufen Sie uns an."
                    ),
                )
                status = 429
            else:
                client_attempt_record(key)
                data = form.cleaned_data
                try:
                    created = request_create(
                        office=data["office"],
                        source=Request.Source.TABLET if tablet else Request.Source.PORTAL,
                        first_name=data["vorname"],
                        phone=data["telefon"],
                        email=data["email"],
                        language=data["sprache"],
                        preferred_time=data["zeit"],
                        district=data["district"],
                        topics=data["anliegen"],
                        message=data["nachricht"],
                        service=offer,
                    )
                except ValidationError as error:
                    form.add_error(None, error)
                    status = 400
                else:
                    token = confirmation_token(
                        reference=created.reference,
                        language=created.language,
                        office=data["office"],
                        due_on=created.due_on,
                    )
                    return HttpResponseRedirect(_thanks_url(token, tablet=tablet, idle=idle))
        else:
            status = 400
    else:
        form = ContactForm(initial={"sprache": language}, **form_kwargs)
    action = reverse("contact:tablet_form" if tablet else "contact:form")
    call_offices = [form.office] if form.office else offices
    return render(
        request,
        "intake/contact_form_tablet.html" if tablet else "intake/contact_form.html",
        {
            **extra,
            **_intro(INTRO_FORM),
            "form": form,
            "offer": offer,
            "offer_text": offer_text(offer, language=language, now=timezone.localtime())
            if offer
            else None,
            "action": _with_query(action, angebot=offer.pk if offer else "", idle=idle),
            # The six Handlungsfelder with the sentence that explains each.
            "topic_choices": list(
                zip(form["anliegen"], [topic.text for topic in HANDLUNGSFELDER], strict=True)
            ),
            "call_offices": [o for o in call_offices if o.phone],
            "retention_days": settings.INTAKE_RETENTION_DAYS,
            "tablet": tablet,
        },
        status=status,
    )


def _thanks_url(token: str, *, tablet: bool, idle: int | None) -> str:
    url = reverse("contact:tablet_thanks" if tablet else "contact:thanks", args=[token])
    return _with_query(url, idle=idle)


def _redirect_thanks(
    form: ContactForm, *, offices: list[Office], tablet: bool, idle: int | None
) -> HttpResponse:
    """A confirmation for a bot: a code that exists nowhere."""
    office = form.office or form.cleaned_data.get("office") or offices[0]
    language = form.cleaned_data.get("sprache") or settings.LANGUAGE_CODE
    token = confirmation_token(
        reference=reference_new(),
        language=language,
        office=office,
        due_on=add_working_days(timezone.localdate(), office.response_days),
    )
    return HttpResponseRedirect(_thanks_url(token, tablet=tablet, idle=idle))


def _thanks(request: HttpRequest, token: str, *, tablet: bool) -> HttpResponse:
    extra: dict[str, Any] = tablet_context(request) if tablet else {}
    template = "intake/contact_thanks_tablet.html" if tablet else "intake/contact_thanks.html"
    try:
        confirmation = _confirmation(token)
    except signing.SignatureExpired:
        return render(
            request,
            template,
            {
                **extra,
                "expired": True,
                "form_url": reverse("contact:tablet_form" if tablet else "contact:form"),
                "tablet": tablet,
            },
            status=410,
        )
    with translation.override(confirmation.language):
        intro = _intro(INTRO_THANKS)
        # The date is part of a sentence: in German when the sentence is.
        date_language = settings.LANGUAGE_CODE if intro["fallback"] else confirmation.language
        with translation.override(date_language):
            due = f"{date_format(confirmation.due_on, 'l')}, {date_format(confirmation.due_on)}"
        response = render(
            request,
            template,
            {
                **extra,
                **intro,
                "due": due,
                "confirmation": confirmation,
                "office": confirmation.office,
                "language": translation.get_language_info(confirmation.language),
                "retention_days": settings.INTAKE_RETENTION_DAYS,
                "tablet": tablet,
            },
        )
    response["Content-Language"] = confirmation.language
    return response


@public_page(indexed=True)
@require_http_methods(["GET", "POST"])
def contact(request: HttpRequest) -> HttpResponse:
    """Kontakt aufnehmen: a family asks Kita-Sozialarbeit to get in touch."""
    return _contact(request, tablet=False)


@public_page()
@require_GET
def contact_thanks(request: HttpRequest, token: str) -> HttpResponse:
    """The confirmation in the family's language: reference code and what happens next."""
    return _thanks(request, token, tablet=False)


@public_page()
@require_http_methods(["GET", "POST"])
def tablet_contact(request: HttpRequest) -> HttpResponse:
    """The same form on the Familienbüro's tablet: large, nothing remembered by the browser."""
    return _contact(request, tablet=True)


@public_page()
@require_GET
def tablet_contact_thanks(request: HttpRequest, token: str) -> HttpResponse:
    """The tablet's confirmation; it returns to the tablet start by itself."""
    return _thanks(request, token, tablet=True)
