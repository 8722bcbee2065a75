from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from bruecke.audit.models import AuditEvent
from bruecke.cases.actions import contact_add, families_merge
from bruecke.cases.models import Case, Contact
from bruecke.cases.tests.helpers import make_case
from bruecke.test import BaseTestCase

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
class MergeTests(BaseTestCase):
    def test_merge_keeps_every_case_contact_and_the_history(self):
        first = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde, name="Meyer")
        second = make_case(
            self.world,
            worker=self.worker_hoerde,
            district=self.hoerde,
            name="Maier",
            phone="0231 777",
        )
        contact_add(
            by=self.worker_hoerde,
            case=second,
            date=dt.date(2026, 10, 1),
            kind="telefon",
            duration_minutes=10,
        )
        self.client.force_login(self.worker_hoerde)
        page = self.client.get(
            reverse("cases:family_merge", args=[first.family_id]), {"q": "Maier"}
        )
        self.assertContains(page, "Maier")
        response = self.client.post(
            reverse("cases:family_merge", args=[first.family_id]), {"mit": str(second.family_id)}
        )
        assert response.status_code == 302
        assert set(Case.objects.filter(family=first.family).values_list("pk", flat=True)) == {
            first.pk,
            second.pk,
        }
        assert Contact.objects.get().case_id == second.pk
        first.family.refresh_from_db()
        assert first.family.phone == "0231 777"
        second.family.refresh_from_db()
        assert second.family.merged_into_id == first.family_id
        # The same child (Emre, same birth date) is kept once, the parents both.
        assert first.family.members.filter(role="child").count() == 1
        assert AuditEvent.objects.filter(action="case.family_merged", case_id=second.pk).exists()
        # The merged family no longer appears in search.
        self.assertNotContains(
            self.client.get(reverse("cases:family_search"), {"q": "Maier"}),
            '<span dir="auto">Maier</span> (',
        )

    def test_names_in_another_script_keep_their_direction(self):
        keep = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde, name="Meyer")
        other = make_case(
            self.world,
            worker=self.worker_hoerde,
            district=self.hoerde,
            name="الخطيب",
            phone="0231 998877",
        )
        self.client.force_login(self.worker_hoerde)
        url = reverse("cases:family_merge", args=[keep.family_id])
        found = self.client.get(url, {"q": "0231 998877"})
        self.assertContains(found, '<span dir="auto">الخطيب</span> (Hörde)')
        chosen = self.client.get(url, {"mit": str(other.family_id)})
        self.assertContains(chosen, ': <span dir="auto">Ayşe الخطيب</span>')

    def test_families_of_different_offices_never_merge(self):
        do = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        bo = make_case(self.world, worker=self.worker_bochum, district=self.bochum_mitte)
        with pytest.raises(ValidationError):
            families_merge(by=self.worker_hoerde, keep=do.family, merge=bo.family)

    def test_merging_with_a_family_out_of_scope_is_404(self):
        mine = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        other = make_case(self.world, worker=self.worker_eving, district=self.eving)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            reverse("cases:family_merge", args=[mine.family_id]), {"mit": str(other.family_id)}
        )
        assert response.status_code == 404
        other.refresh_from_db()
        assert other.family_id != mine.family_id
