"""Need-to-know: the access matrix over every case URL, for every role."""

from __future__ import annotations

from django.urls import reverse

from bruecke.audit.models import CaseRead
from bruecke.cases.tests.helpers import make_case
from bruecke.test import BaseTestCase


class CaseAccessMatrixTests(BaseTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.case_hoerde = make_case(
            cls.world, worker=cls.worker_hoerde, district=cls.hoerde, name="Hoerde"
        )
        cls.case_eving = make_case(
            cls.world, worker=cls.worker_eving, district=cls.eving, name="Eving"
        )
        cls.case_bochum = make_case(
            cls.world, worker=cls.worker_bochum, district=cls.bochum_mitte, name="Bochum"
        )

    def urls(self, case):
        return {
            "detail": ("get", reverse("cases:detail", args=[case.pk])),
            "edit": ("get", reverse("cases:edit", args=[case.pk])),
            "family": ("get", reverse("cases:family", args=[case.family_id])),
            "family_edit": ("get", reverse("cases:family_edit", args=[case.family_id])),
            "person_create": ("post", reverse("cases:person_create", args=[case.family_id])),
            "family_merge": ("get", reverse("cases:family_merge", args=[case.family_id])),
            "contact": ("post", reverse("cases:contact", args=[case.pk])),
            "close": ("post", reverse("cases:close", args=[case.pk])),
            "open": ("get", reverse("cases:open", args=[case.family_id])),
        }

    def can_reach(self, user, case) -> dict[str, bool]:
        self.client.force_login(user)
        reached = {}
        for name, (method, url) in self.urls(case).items():
            response = getattr(self.client, method)(url, {})
            assert response.status_code in {200, 400, 404, 302}, (name, response.status_code)
            reached[name] = response.status_code != 404
        return reached

    def test_access_matrix(self):
        # (user, case, expected): own case yes; other district, other office, non-casework roles: no.
        everything = dict.fromkeys(self.urls(self.case_hoerde), True)
        nothing = dict.fromkeys(everything, False)
        expectations = [
            ("worker_hoerde", "case_hoerde", everything),
            ("worker_hoerde", "case_eving", nothing),
            ("worker_hoerde", "case_bochum", nothing),
            ("worker_eving", "case_eving", everything),
            ("worker_eving", "case_hoerde", nothing),
            # Team lead of Team Ost (Hörde, Brackel, Innenstadt-Ost): Hörde yes, Eving no.
            ("lead_dortmund", "case_hoerde", everything),
            ("lead_dortmund", "case_eving", nothing),
            ("lead_dortmund", "case_bochum", nothing),
            ("worker_bochum", "case_bochum", everything),
            ("worker_bochum", "case_hoerde", nothing),
            ("lead_bochum", "case_bochum", everything),
            ("lead_bochum", "case_hoerde", nothing),
        ]
        for role in ("coordinator_dortmund", "dpo_dortmund", "admin_dortmund", "partner_kita"):
            for case in ("case_hoerde", "case_eving", "case_bochum"):
                expectations.append((role, case, nothing))
        for user, case, expected in expectations:
            assert self.can_reach(getattr(self, user), getattr(self, case)) == expected, (
                user,
                case,
            )

    def test_lists_and_search_are_404_for_non_casework_roles(self):
        for role in ("coordinator_dortmund", "dpo_dortmund", "admin_dortmund", "partner_kita"):
            self.client.force_login(getattr(self, role))
            for name in (
                "cases:list",
                "cases:family_search",
                "cases:family_create",
                "cases:consultation",
            ):
                assert self.client.get(reverse(name)).status_code == 404, (role, name)

    def test_case_list_shows_only_visible_cases(self):
        self.client.force_login(self.worker_hoerde)
        response = self.client.get(reverse("cases:list"))
        self.assertContains(response, self.case_hoerde.number)
        self.assertNotContains(response, self.case_eving.number)
        self.assertNotContains(response, self.case_bochum.number)

    def test_covering_worker_sees_the_case(self):
        from bruecke.cases.actions import cases_reassign

        cases_reassign(
            by=self.lead_dortmund, cases=[self.case_hoerde], to=self.worker_eving, as_cover=True
        )
        assert self.can_reach(self.worker_eving, self.case_hoerde)["detail"]

    def test_every_case_page_read_is_recorded(self):
        self.client.force_login(self.worker_hoerde)
        self.client.get(reverse("cases:detail", args=[self.case_hoerde.pk]))
        read = CaseRead.objects.get(case_id=self.case_hoerde.pk)
        assert read.user_id == self.worker_hoerde.pk

    def test_refused_read_is_not_recorded_as_read(self):
        self.client.force_login(self.worker_eving)
        self.client.get(reverse("cases:detail", args=[self.case_hoerde.pk]))
        assert not CaseRead.objects.filter(case_id=self.case_hoerde.pk).exists()

    def test_only_team_leads_hand_over(self):
        for role in ("worker_hoerde", "worker_bochum"):
            self.client.force_login(getattr(self, role))
            assert self.client.get(reverse("cases:handover")).status_code == 404
        self.client.force_login(self.lead_dortmund)
        assert self.client.get(reverse("cases:handover")).status_code == 200
