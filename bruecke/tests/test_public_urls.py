"""Login is required everywhere except on an explicit list of public pages."""

from __future__ import annotations

import re
import uuid

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from bruecke.test import BaseTestCase

# Every view a person without an account may open. Adding to this list is a
# privacy decision: say why in the commit.
PUBLIC = {
    "healthz",
    "portal:home",
    "portal:language",
    "portal:offers",
    "portal:offer",
    "portal:tablet",
    # Information pages and the barrier report (BITV NRW feedback); the form sets only the CSRF cookie.
    "portal:kita_sozialarbeit",
    "portal:leichte_sprache",
    "portal:accessibility",
    "portal:barrier_report",
    "portal:barrier_report_thanks",
    "portal:imprint",
    "portal:privacy",
    "portal:tablet_offers",
    "portal:tablet_offer",
    # "Kontakt aufnehmen": families ask for contact without an account. Only the
    # CSRF and language cookies; the confirmation is a signed, expiring link.
    "contact:form",
    "contact:thanks",
    "contact:tablet_form",
    "contact:tablet_thanks",
    # The directory's open data (HSDS 3.0): read-only, public by design, no personal data.
    "hsds:index",
    "hsds:openapi",
    "hsds:services",
    "hsds:service",
    "hsds:organizations",
    "hsds:organization",
    "hsds:taxonomies",
    "hsds:taxonomy",
    "hsds:taxonomy_terms",
    "hsds:taxonomy_term",
    "hsds:service_at_locations",
    "hsds:service_at_location",
    "accounts:login",
    "accounts:logout",  # only logs out; answers nothing to anonymous users
    # A worker's private iCalendar feed: calendar apps cannot log in, so the
    # secret token in the URL is the key; the feed holds no names.
    "cases:calendar_feed",
}

SAMPLE_ARGS = {"int": "1", "str": "de", "slug": "probe", "uuid": str(uuid.uuid4()), "path": "probe"}


def url_patterns(
    resolver: URLResolver | None = None, prefix: str = "", namespace: str = ""
) -> list[tuple[str, str]]:
    """(name, route) for every named pattern, with namespaces joined by ':'."""
    resolver = resolver or get_resolver()
    found: list[tuple[str, str]] = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            found += url_patterns(entry, prefix + str(entry.pattern), ns)
        elif isinstance(entry, URLPattern):
            found.append(
                (
                    f"{namespace}{entry.name}" if entry.name else str(entry.pattern),
                    prefix + str(entry.pattern),
                )
            )
    return found


def sample_path(route: str) -> str:
    path = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_ARGS[m.group(1) or "str"], route)
    return "/" + path.lstrip("^").rstrip("$")


class LoginRequiredTests(BaseTestCase):
    def test_every_non_public_url_redirects_anonymous_users_to_login(self):
        client = Client()
        login = reverse("accounts:login")
        checked = 0
        for name, route in url_patterns():
            if name in PUBLIC:
                continue
            path = sample_path(route)
            for method in (client.get, client.post):
                response = method(path)
                assert response.status_code == 302, (
                    f"{name} ({path}) answered {response.status_code}"
                )
                assert response["Location"].startswith(login), (
                    f"{name} redirects to {response['Location']}"
                )
            checked += 1
        assert checked >= 1

    def test_public_list_names_only_existing_urls(self):
        names = {name for name, _route in url_patterns()}
        assert names >= PUBLIC, PUBLIC - names

    def test_public_pages_answer_anonymous_users(self):
        client = Client()
        assert client.get(reverse("portal:home")).status_code == 200
        assert client.get(reverse("accounts:login")).status_code == 200
        assert client.get(reverse("healthz")).status_code == 200


class NotFoundPageTests(BaseTestCase):
    def test_unknown_page_is_a_friendly_german_404(self):
        response = Client().get("/gibt-es-nicht/")
        assert response.status_code == 404
        assert "Diese Seite gibt es nicht" in response.content.decode()
        client = Client()
        client.force_login(self.worker_hoerde)
        response = client.get("/faelle/00000000-0000-0000-0000-000000000000/")
        assert response.status_code == 404
        assert "Diese Seite gibt es nicht" in response.content.decode()
