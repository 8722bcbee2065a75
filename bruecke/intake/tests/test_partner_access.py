"""The access matrix of partner accounts (issue 5): a partner sees only its own referrals.

- Partner pages: only partner accounts; within them only the partner's own
  requests and the referrals to its own institution, never another partner's
  or another office's (404).
- Staff pages of cases, families, triage and referrals: never a partner
  (every URL of those namespaces is walked, so new pages are covered too).
"""

from __future__ import annotations

import datetime as dt
import uuid

import time_machine
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from bruecke.cases.models import Appointment
from bruecke.directory.models import Organization, Service
from bruecke.intake.tests.partner_fixtures import live_referral, partner_request
from bruecke.org.actions import staff_user_create
from bruecke.org.models import PartnerOrganisation, Role
from bruecke.test import PASSWORD, BaseTestCase

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)
# The staff areas a partner must never enter.
STAFF_NAMESPACES = ("cases", "intake", "referrals")
STAFF_USERS = (
    "worker_hoerde",
    "worker_eving",
    "lead_dortmund",
    "coordinator_dortmund",
    "dpo_dortmund",
    "admin_dortmund",
    "worker_bochum",
    "lead_bochum",
)
NOT_REACHED = {403, 404, 405}


def named_patterns(namespace: str) -> list[tuple[str, URLPattern]]:
    """(name, pattern) of every named URL in ``namespace``, included parts too."""

    def walk(resolver: URLResolver, ns: str) -> list[tuple[str, URLPattern]]:
        found: list[tuple[str, URLPattern]] = []
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                found += walk(entry, entry.namespace or ns)
            elif isinstance(entry, URLPattern) and entry.name and ns == namespace:
                found.append((f"{namespace}:{entry.name}", entry))
        return found

    return walk(get_resolver(), "")


@time_machine.travel(NOW, tick=False)
class PartnerAccessMatrixTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        with time_machine.travel(NOW, tick=False):
            cls.offers = cls.world.referral_targets()
            Organization.objects.create(
                office=cls.dortmund,
                name="Kita Testweg",
                kind=Organization.Kind.KITA,
                partner=cls.kita_hoerde,
            )
            # Dortmund: a referral to the counselling centre, a request of each partner.
            cls.ref_eb = live_referral(cls.world, cls.offers.eb_service)
            cls.req_kita = partner_request(cls.partner_kita, first_name="Kitakind")
            cls.req_eb = partner_request(cls.partner_eb, first_name="Ebkind", feedback=False)
            # Bochum: its own partner with an account, an offer, a referral and a request.
            fz_bochum = PartnerOrganisation.objects.create(
                office=cls.bochum,
                name="Familienzentrum Testallee",
                kind=PartnerOrganisation.Kind.FAMILIENBUERO,
                district=cls.bochum_mitte,
            )
            cls.partner_bochum = staff_user_create(
                username="partner_bochum",
                password=PASSWORD,
                office=cls.bochum,
                role=Role.PARTNER,
                partner_organisation=fz_bochum,
            )
            bochum_org = Organization.objects.create(
                office=cls.bochum, name="Familienzentrum Testallee", partner=fz_bochum
            )
            bochum_service = Service.objects.create(
                office=cls.bochum,
                organization=bochum_org,
                name="Familienberatung",
                description="Beratung für Familien.",
                kind=Service.Kind.BERATUNG,
            )
            cls.ref_bochum = live_referral(
                cls.world,
                bochum_service,
                worker=cls.worker_bochum,
                district=cls.bochum_mitte,
                name="Kowalski",
            )
            cls.req_bochum = partner_request(cls.partner_bochum, first_name="Bochumkind")
            cls.appointment = Appointment.objects.filter(case=cls.ref_eb.case).first()

    def partner_urls(self, referral):
        return {
            "referral_create": ("get", reverse("partner:referral_create")),
            "referral_create_post": ("post", reverse("partner:referral_create")),
            "request_list": ("get", reverse("partner:request_list")),
            "inbox": ("get", reverse("partner:inbox")),
            "inbox_detail": ("get", reverse("partner:inbox_detail", args=[referral.pk])),
            "inbox_step": ("post", reverse("partner:inbox_step", args=[referral.pk])),
        }

    def status(self, user, method, url, data=None):
        # One logged-in client per user: logging in for every URL would make this slow.
        clients = self.__dict__.setdefault("_clients", {})
        if user.pk not in clients:
            clients[user.pk] = Client()
            clients[user.pk].force_login(user)
        return getattr(clients[user.pk], method)(url, data or {}).status_code

    def test_every_partner_url_is_covered(self):
        names = {name for name, _pattern in named_patterns("partner")}
        covered = {f"partner:{key}" for key in self.partner_urls(self.ref_eb)}
        assert names <= covered, names - covered

    def test_partner_reaches_its_own_inbox_referral_only(self):
        expectations = [
            ("partner_eb", "ref_eb", True),
            ("partner_kita", "ref_eb", False),
            ("partner_bochum", "ref_eb", False),
            ("partner_eb", "ref_bochum", False),
            ("partner_kita", "ref_bochum", False),
            ("partner_bochum", "ref_bochum", True),
        ]
        for user_name, referral_name, reached in expectations:
            user = getattr(self, user_name)
            referral = getattr(self, referral_name)
            detail = self.status(user, "get", self.partner_urls(referral)["inbox_detail"][1])
            step = self.status(
                user, "post", self.partner_urls(referral)["inbox_step"][1], {"to": "accepted"}
            )
            if reached:
                assert (detail, step) == (200, 302), (user_name, referral_name, detail, step)
            else:
                assert (detail, step) == (404, 404), (user_name, referral_name, detail, step)

    def test_lists_show_only_the_partners_own_referrals(self):
        seen = {}
        for user_name in ("partner_kita", "partner_eb", "partner_bochum"):
            client = Client()
            client.force_login(getattr(self, user_name))
            requests = client.get(reverse("partner:request_list")).context["rows"]
            inbox = client.get(reverse("partner:inbox")).context["page"].object_list
            seen[user_name] = (
                {row["request"].first_name for row in requests},
                {referral.pk for referral in inbox},
            )
        assert seen == {
            "partner_kita": ({"Kitakind"}, set()),
            "partner_eb": ({"Ebkind"}, {self.ref_eb.pk}),
            "partner_bochum": ({"Bochumkind"}, {self.ref_bochum.pk}),
        }

    def test_staff_roles_cannot_use_partner_pages(self):
        for user_name in STAFF_USERS:
            user = getattr(self, user_name)
            for referral in (self.ref_eb, self.ref_bochum):
                for name, (method, url) in self.partner_urls(referral).items():
                    code = self.status(user, method, url)
                    assert code in NOT_REACHED, (user_name, name, code)

    def test_anonymous_users_are_sent_to_login(self):
        for _name, (method, url) in self.partner_urls(self.ref_eb).items():
            response = getattr(Client(), method)(url)
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("accounts:login"))

    def sample_kwargs(self, pattern: URLPattern) -> dict[str, object]:
        """Real ids of records the partners are closest to, where the URL names one."""
        case = self.ref_eb.case
        known = {
            "case_id": case.pk,
            "family_id": case.family_id,
            "referral_id": self.ref_eb.pk,
            "consent_id": self.ref_eb.consent_id,
            "request_id": self.req_kita.pk,
            "appointment_id": self.appointment.pk if self.appointment else uuid.uuid4(),
        }
        kwargs: dict[str, object] = {}
        for name, converter in pattern.pattern.converters.items():
            if name in known:
                kwargs[name] = known[name]
            elif type(converter).__name__ == "UUIDConverter":
                kwargs[name] = uuid.uuid4()
            elif type(converter).__name__ == "IntConverter":
                kwargs[name] = 1
            else:
                kwargs[name] = "probe"
        return kwargs

    def test_partners_cannot_open_staff_pages(self):
        checked = 0
        for namespace in STAFF_NAMESPACES:
            for name, pattern in named_patterns(namespace):
                url = reverse(name, kwargs=self.sample_kwargs(pattern))
                for user_name in ("partner_kita", "partner_eb", "partner_bochum"):
                    user = getattr(self, user_name)
                    for method in ("get", "post"):
                        code = self.status(user, method, url)
                        assert code in NOT_REACHED, (user_name, name, method, code)
                checked += 1
        # At least the case and family pages are there to check.
        assert checked >= 10
        for name in ("cases:list", "cases:family_search"):
            assert self.status(self.partner_eb, "get", reverse(name)) == 404
        case_page = reverse("cases:detail", args=[self.ref_eb.case_id])
        assert self.status(self.partner_eb, "get", case_page) == 404
        # The worker of the case does reach it: the 404 above is about the partner.
        assert self.status(self.worker_eving, "get", case_page) == 200
