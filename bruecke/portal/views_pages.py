"""Public information pages: Kita-Sozialarbeit, Leichte Sprache, accessibility,
imprint and privacy, and the form to report a barrier.

None of these pages sets a cookie; only the report form sets the CSRF cookie.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from bruecke.directory.models import Service
from bruecke.lib.handlungsfelder import HANDLUNGSFELDER
from bruecke.org.models import District, Office
from bruecke.org.selectors import offices_public
from bruecke.portal.actions import (
    FormPurpose,
    barrier_report_create,
    client_ip,
    client_key,
    report_attempt_record,
    report_rate_limited,
)
from bruecke.portal.forms_pages import BarrierReportForm

# The day the accessibility statement was written and last reviewed (self-assessment).
STATEMENT_DATE = dt.date(2026, 11, 24)

# What the Office model does not hold: how Kita-Sozialarbeit itself is reached.
# Keyed by Office.slug; offices without an entry show their contact data only.
KITA_SOZIALARBEIT_DETAILS: dict[str, dict[str, Any]] = {
    "dortmund": {
        "address": "Jägerstraße 5, 44145 Dortmund",
        "hours": [
            _("Sprechstunde im Büro: montags und donnerstags von 8:30 bis 10:30 Uhr."),
            _("Oder Sie machen einen Termin aus, der Ihnen passt."),
        ],
        "notes": [
            _("Auf Wunsch kommen die Fachkräfte auch zu Ihnen nach Hause."),
            _("In einigen Kitas gibt es auch Beratung vor Ort. Fragen Sie am Telefon danach."),
        ],
        # Leichte Sprache is German by definition: not translated.
        "easy": [
            "Sie können in die Sprech·stunde kommen.",
            "Die Sprech·stunde ist am Montag und am Donnerstag.",
            "Sie ist von 8:30 Uhr bis 10:30 Uhr.",
            "Oder Sie machen einen Termin. Ein Termin ist eine feste Zeit für ein Gespräch.",
            "Wir können auch zu Ihnen nach Hause kommen.",
        ],
    },
    "bochum": {
        "hours": [
            _("Offene Sprechstunde im Jugendamt. Die Zeiten erfahren Sie am Telefon."),
        ],
        "notes": [],
        "easy": [
            "Sie können in die Sprech·stunde im Jugend·amt kommen.",
            "Rufen Sie vorher an. Dann sagen wir Ihnen die Zeiten.",
            "Oder Sie machen einen Termin. Ein Termin ist eine feste Zeit für ein Gespräch.",
        ],
    },
}

# The first sentence of each page: when it has no translation in the chosen
# language, the page is shown in German and marked lang="de".
INTRO_KITA = gettext_noop(
    "Die Kita-Sozialarbeit des Jugendamts hilft Familien mit kleinen Kindern. "
    "Sie hören zu, beraten und zeigen Ihnen, wo es weitere Hilfe gibt."
)
INTRO_ACCESSIBILITY = gettext_noop(
    "Das Jugendamt möchte, dass alle Menschen die Seiten von „Hilfe finden“ gut nutzen "
    "können. Diese Erklärung sagt, wie gut das heute gelingt und wo es noch Barrieren gibt."
)
INTRO_IMPRINT = gettext_noop(
    "Die Seiten „Hilfe finden“ werden von diesen Jugendämtern gemeinsam angeboten."
)
INTRO_REPORT = gettext_noop(
    "Konnten Sie etwas auf diesen Seiten nicht lesen, nicht finden oder nicht bedienen? "
    "Schreiben Sie es uns. So können wir es verbessern."
)
INTRO_THANKS = gettext_noop("Wir sehen uns die Barriere an und versuchen, sie zu beheben.")
INTRO_PRIVACY = gettext_noop(
    "Hier lesen Sie, welche Daten wir speichern, wenn Sie diese Seiten nutzen, "
    "und welche Rechte Sie haben. Kurz gesagt: Sie können alles lesen, ohne Daten "
    "über sich anzugeben."
)


@dataclass
class OfficeContact:
    office: Office
    address: str
    hours: list[Promise] = field(default_factory=list)
    notes: list[Promise] = field(default_factory=list)
    easy: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    all_districts: bool = False
    offer: Service | None = None


def _intro(msgid: str) -> dict[str, Any]:
    """The translated intro, and whether the page falls back to German."""
    intro = gettext(msgid)
    language = translation.get_language() or settings.LANGUAGE_CODE
    return {"intro": intro, "fallback": not language.startswith("de") and intro == msgid}


def _office_address(office: Office) -> str:
    return ", ".join(
        part for part in (office.street, f"{office.postal_code} {office.city}".strip()) if part
    )


def _kita_sozialarbeit_contacts() -> list[OfficeContact]:
    """Every office with where and when to find Kita-Sozialarbeit (three queries)."""
    offices = offices_public().prefetch_related(
        Prefetch("districts", queryset=District.objects.order_by("name"))
    )
    offers: dict[int, Service] = {}
    for service in Service.objects.filter(
        status=Service.Status.ACTIVE, name__startswith="Kita-Sozialarbeit"
    ).order_by("office_id", "name"):
        offers.setdefault(service.office_id, service)
    contacts = []
    for office in offices:
        details = KITA_SOZIALARBEIT_DETAILS.get(office.slug, {})
        districts = list(office.districts.all())
        active = [d.name for d in districts if d.kita_sozialarbeit]
        contacts.append(
            OfficeContact(
                office=office,
                address=details.get("address") or _office_address(office),
                hours=details.get("hours", []),
                notes=details.get("notes", []),
                easy=details.get("easy", []),
                districts=active,
                all_districts=bool(districts) and len(active) == len(districts),
                offer=offers.get(office.pk),
            )
        )
    return contacts


@login_not_required
@require_GET
def kita_sozialarbeit(request: HttpRequest) -> HttpResponse:
    """What Kita-Sozialarbeit is, for whom, on which topics, and how to reach it."""
    return render(
        request,
        "portal/pages/kita_sozialarbeit.html",
        {
            **_intro(INTRO_KITA),
            "topics": HANDLUNGSFELDER,
            "contacts": _kita_sozialarbeit_contacts(),
        },
    )


@login_not_required
@require_GET
def leichte_sprache(request: HttpRequest) -> HttpResponse:
    """The main information in Leichte Sprache (always German, marked lang="de")."""
    return render(
        request,
        "portal/pages/leichte_sprache.html",
        {"contacts": _kita_sozialarbeit_contacts()},
    )


@login_not_required
@require_GET
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement (EU model 2018/1523, BITV NRW)."""
    return render(
        request,
        "portal/pages/accessibility.html",
        {
            **_intro(INTRO_ACCESSIBILITY),
            "statement_date": STATEMENT_DATE,
            "offices": offices_public(),
            "report_url": reverse("portal:barrier_report"),
        },
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def barrier_report(request: HttpRequest) -> HttpResponse:
    """Report a barrier: stored, mailed to the office, then a confirmation."""
    status = 200
    if request.method == "POST":
        form = BarrierReportForm(request.POST)
        valid = form.is_valid()
        if form.is_bot:
            # Looks like success to the bot; nothing is stored or sent.
            return HttpResponseRedirect(reverse("portal:barrier_report_thanks"))
        if valid:
            key = client_key(client_ip(request), purpose=FormPurpose.BARRIER_REPORT)
            if report_rate_limited(key):
                form.add_error(
                    None,
                    _(
                        "Von Ihrem Anschluss kamen in der letzten Stunde schon viele Meldungen. "
                        "Bitte versuchen Sie es später noch einmal, oder rufen Sie uns an."
                    ),
                )
                status = 429
            else:
                report_attempt_record(key)
                data = form.cleaned_data
                barrier_report_create(
                    office=data["jugendamt"],
                    page=data["seite"],
                    description=data["beschreibung"],
                    email=data["email"],
                )
                return HttpResponseRedirect(reverse("portal:barrier_report_thanks"))
        else:
            status = 400
    else:
        form = BarrierReportForm(initial={"seite": request.GET.get("seite", "")[:500]})
    return render(
        request,
        "portal/pages/barrier_report.html",
        {**_intro(INTRO_REPORT), "form": form},
        status=status,
    )


@login_not_required
@require_GET
def barrier_report_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/pages/barrier_report_thanks.html", _intro(INTRO_THANKS))


@login_not_required
@require_GET
def imprint(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/pages/imprint.html",
        {
            **_intro(INTRO_IMPRINT),
            "offices": [(office, _office_address(office)) for office in offices_public()],
        },
    )


@login_not_required
@require_GET
def privacy(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/pages/privacy.html",
        {
            **_intro(INTRO_PRIVACY),
            "offices": offices_public(),
            "language_cookie": settings.LANGUAGE_COOKIE_NAME,
            "csrf_cookie": settings.CSRF_COOKIE_NAME,
            "retention_days": settings.INTAKE_RETENTION_DAYS,
        },
    )
