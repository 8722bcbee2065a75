"""The number of children under six per district: entered by administration or coordination."""

from __future__ import annotations

from django.urls import reverse

from bruecke.audit.models import AuditEvent
from bruecke.org.models import District
from bruecke.test import BaseTestCase

URL = reverse("planning:children")


class ChildrenTests(BaseTestCase):
    def _data(self, **numbers):
        data = {f"bezirk_{d.pk}": "" for d in District.objects.filter(office=self.dortmund)}
        for district, number in numbers.items():
            data[f"bezirk_{getattr(self, district).pk}"] = number
        return data

    def test_admin_enters_numbers_and_they_are_audited(self):
        self.client.force_login(self.admin_dortmund)
        assert self.client.get(URL).status_code == 200
        response = self.client.post(URL, self._data(hoerde="3000", eving="2.300"))
        self.assertRedirects(response, reverse("planning:districts"))
        self.hoerde.refresh_from_db()
        self.eving.refresh_from_db()
        assert (self.hoerde.children_under_6, self.eving.children_under_6) == (3000, 2300)
        events = AuditEvent.objects.filter(action="district.children_under_6")
        assert events.count() == 2
        assert events.get(target_id=str(self.hoerde.pk)).details == {"before": None, "after": 3000}

    def test_emptying_a_field_makes_the_number_unknown(self):
        District.objects.filter(pk=self.hoerde.pk).update(children_under_6=3000)
        self.client.force_login(self.coordinator_dortmund)
        self.client.post(URL, self._data(hoerde=""))
        self.hoerde.refresh_from_db()
        assert self.hoerde.children_under_6 is None

    def test_bad_input_keeps_what_was_typed_and_saves_nothing(self):
        self.client.force_login(self.admin_dortmund)
        response = self.client.post(URL, self._data(hoerde="3000", eving="viele"))
        assert response.status_code == 400
        page = response.content.decode()
        assert "Bitte geben Sie eine ganze Zahl ein" in page
        assert 'value="viele"' in page and 'value="3000"' in page
        self.hoerde.refresh_from_db()
        assert self.hoerde.children_under_6 is None
        response = self.client.post(URL, self._data(hoerde="-5"))
        assert response.status_code == 400
        assert not AuditEvent.objects.filter(action="district.children_under_6").exists()

    def test_other_offices_districts_are_not_touched(self):
        self.client.force_login(self.admin_dortmund)
        data = self._data(hoerde="3000")
        data[f"bezirk_{self.bochum_mitte.pk}"] = "999"
        self.client.post(URL, data)
        self.bochum_mitte.refresh_from_db()
        assert self.bochum_mitte.children_under_6 is None

    def test_who_may_enter_numbers(self):
        for user in (self.lead_dortmund, self.worker_hoerde, self.dpo_dortmund, self.partner_kita):
            self.client.force_login(user)
            assert self.client.get(URL).status_code == 404, user
            assert self.client.post(URL, self._data(hoerde="1")).status_code == 404, user
        self.hoerde.refresh_from_db()
        assert self.hoerde.children_under_6 is None
