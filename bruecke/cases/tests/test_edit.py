"""Editing cases and families with optimistic locking, adding people, handover."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.urls import reverse

from bruecke.audit.models import AuditEvent
from bruecke.cases.actions import case_update
from bruecke.cases.models import Case
from bruecke.cases.tests.helpers import make_case
from bruecke.people.actions import family_update
from bruecke.people.models import Person
from bruecke.test import BaseTestCase

NOW = dt.datetime(2026, 11, 24, 10, 0, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
class CaseEditTests(BaseTestCase):
    def post_edit(self, case, user, **overrides):
        data = {
            "district": self.hoerde.pk,
            "assigned_to": self.worker_hoerde.pk,
            "covering": "",
            "zugangsweg": "kita",
            "topics": ["gesundheit"],
            "review_on": "2027-01-15",
            "version": "1",
        } | overrides
        self.client.force_login(user)
        return self.client.post(reverse("cases:edit", args=[case.pk]), data)

    def test_worker_edits_review_date_and_covering(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        response = self.post_edit(case, self.worker_hoerde, covering=self.lead_dortmund.pk)
        assert response.status_code == 302
        case.refresh_from_db()
        assert case.review_on == dt.date(2027, 1, 15) and case.covering == self.lead_dortmund
        assert AuditEvent.objects.filter(action="case.update", case_id=case.pk).exists()

    def test_worker_cannot_reassign_but_team_lead_can(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        self.post_edit(case, self.worker_hoerde, assigned_to=self.worker_eving.pk)
        case.refresh_from_db()
        assert case.assigned_to == self.worker_hoerde
        response = self.post_edit(
            case, self.lead_dortmund, assigned_to=self.worker_eving.pk, version=str(case.version)
        )
        assert response.status_code == 302
        case.refresh_from_db()
        assert case.assigned_to == self.worker_eving

    def test_worker_of_another_office_cannot_be_chosen(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        response = self.post_edit(case, self.lead_dortmund, assigned_to=self.worker_bochum.pk)
        assert response.status_code == 400
        case.refresh_from_db()
        assert case.assigned_to == self.worker_hoerde

    def test_stale_save_explains_what_changed_and_keeps_what_was_typed(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        # The team lead saves first ...
        case_update(by=self.lead_dortmund, case=case, version=1, review_on=dt.date(2026, 12, 1))
        # ... then the worker saves the form she opened at version 1.
        response = self.post_edit(
            case, self.worker_hoerde, review_on="2027-02-02", zugangsweg="selbst"
        )
        assert response.status_code == 409
        body = response.content.decode()
        assert "Inzwischen hat jemand anderes gespeichert" in body
        assert "2026-12-01" in body or "1. Dezember 2026" in body or "01.12.2026" in body
        assert 'value="2027-02-02"' in body
        case.refresh_from_db()
        assert case.review_on == dt.date(2026, 12, 1)
        # Saving again (with the version the page now carries) takes the worker's input.
        response = self.post_edit(
            case, self.worker_hoerde, review_on="2027-02-02", version=str(case.version)
        )
        assert response.status_code == 302
        case.refresh_from_db()
        assert case.review_on == dt.date(2027, 2, 2)


@time_machine.travel(NOW, tick=False)
class FamilyEditTests(BaseTestCase):
    def test_family_edit_and_stale_save(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde, name="Nowak")
        family = case.family
        family_update(by=self.lead_dortmund, family=family, version=1, phone="0231 555")
        self.client.force_login(self.worker_hoerde)
        data = {"name": "Nowak-Schulz", "district": self.hoerde.pk, "phone": "", "version": "1"}
        response = self.client.post(reverse("cases:family_edit", args=[family.pk]), data)
        assert response.status_code == 409
        self.assertContains(response, "0231 555", status_code=409)
        self.assertContains(response, 'value="Nowak-Schulz"', status_code=409)
        response = self.client.post(
            reverse("cases:family_edit", args=[family.pk]), data | {"version": "2"}
        )
        assert response.status_code == 302
        family.refresh_from_db()
        assert family.name == "Nowak-Schulz" and family.phone == ""

    def test_anonymous_family_refuses_contact_data(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            reverse("cases:family_edit", args=[case.family_id]),
            {
                "name": "Familie A.",
                "anonymous": "on",
                "district": self.hoerde.pk,
                "phone": "0231 1",
                "version": "1",
            },
        )
        assert response.status_code == 400
        self.assertContains(response, "keine Kontaktdaten", status_code=400)

    def test_add_a_sibling(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            reverse("cases:person_create", args=[case.family_id]),
            {
                "role": "child",
                "first_name": "Lina",
                "birth_date": "2025-06-01",
                "childcare": "none",
            },
        )
        assert response.status_code == 302
        assert Person.objects.filter(
            family=case.family, first_name="Lina", childcare="none"
        ).exists()

    def test_adding_a_person_without_name_or_birth_date_says_what_is_missing(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        self.client.force_login(self.worker_hoerde)
        response = self.client.post(
            reverse("cases:person_create", args=[case.family_id]), {"role": "child"}
        )
        self.assertContains(response, "Namen oder ein Geburtsdatum", status_code=400)


@time_machine.travel(NOW, tick=False)
class HandoverTests(BaseTestCase):
    def test_team_lead_hands_all_cases_of_a_worker_to_a_colleague(self):
        cases = [
            make_case(self.world, worker=self.worker_hoerde, district=self.hoerde, name=n)
            for n in "ABC"
        ]
        self.client.force_login(self.lead_dortmund)
        page = self.client.get(reverse("cases:handover"), {"von": self.worker_hoerde.pk})
        for case in cases:
            self.assertContains(page, case.number)
        response = self.client.post(
            reverse("cases:handover"),
            {
                "von": self.worker_hoerde.pk,
                "to": self.worker_eving.pk,
                "mode": "assign",
                "cases": [str(c.pk) for c in cases[:2]],
            },
        )
        assert response.status_code == 302
        assert Case.objects.filter(assigned_to=self.worker_eving).count() == 2
        assert Case.objects.filter(assigned_to=self.worker_hoerde).count() == 1
        assert AuditEvent.objects.filter(action="case.handover").count() == 2

    def test_handover_shows_in_the_case_timeline(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        self.client.force_login(self.lead_dortmund)
        self.client.post(
            reverse("cases:handover"),
            {
                "von": self.worker_hoerde.pk,
                "to": self.lead_dortmund.pk,
                "mode": "cover",
                "cases": [str(case.pk)],
            },
        )
        self.assertContains(
            self.client.get(reverse("cases:detail", args=[case.pk])), "Vertretung eingetragen"
        )

    def test_team_lead_cannot_hand_over_cases_outside_the_team(self):
        eving = make_case(self.world, worker=self.worker_eving, district=self.eving)
        self.client.force_login(self.lead_dortmund)
        response = self.client.post(
            reverse("cases:handover"),
            {
                "von": self.worker_eving.pk,
                "to": self.lead_dortmund.pk,
                "mode": "assign",
                "cases": [str(eving.pk)],
            },
        )
        assert response.status_code == 400
        eving.refresh_from_db()
        assert eving.assigned_to == self.worker_eving


@time_machine.travel(NOW, tick=False)
class ChildKitaTests(BaseTestCase):
    def test_a_child_is_linked_to_its_kita_from_the_directory(self):
        from bruecke.directory.models import Location, Organization

        kita = Organization.objects.create(
            office=self.dortmund, name="Kita Sonnenblume", kind="kita"
        )
        Location.objects.create(
            organization=kita,
            address_1="Weg 1",
            postal_code="44263",
            city="Dortmund",
            district=self.hoerde,
        )
        other = Organization.objects.create(office=self.bochum, name="Kita Bochum", kind="kita")
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        self.client.force_login(self.worker_hoerde)
        page = self.client.get(reverse("cases:family", args=[case.family_id]))
        self.assertContains(page, "Kita Sonnenblume (Hörde)")
        self.assertNotContains(page, "Kita Bochum")
        refused = self.client.post(
            reverse("cases:person_create", args=[case.family_id]),
            {
                "role": "child",
                "first_name": "Ali",
                "kita": other.pk,
            },
        )
        assert refused.status_code == 400
        response = self.client.post(
            reverse("cases:person_create", args=[case.family_id]),
            {
                "role": "child",
                "first_name": "Ali",
                "childcare": "kita",
                "kita": kita.pk,
            },
        )
        assert response.status_code == 302
        assert Person.objects.get(first_name="Ali").kita == kita
        self.assertContains(
            self.client.get(reverse("cases:detail", args=[case.pk])),
            '(<span dir="auto">Kita Sonnenblume</span>)',
        )


@time_machine.travel(NOW, tick=False)
class EditPageTests(BaseTestCase):
    def test_edit_pages_lead_back_where_they_came_from(self):
        case = make_case(self.world, worker=self.worker_hoerde, district=self.hoerde)
        self.client.force_login(self.worker_hoerde)
        case_page = self.client.get(reverse("cases:edit", args=[case.pk]))
        self.assertContains(
            case_page,
            f'href="{reverse("cases:detail", args=[case.pk])}"><span class="kern-label">Abbrechen',
        )
        family_page = self.client.get(reverse("cases:family_edit", args=[case.family_id]))
        self.assertContains(
            family_page,
            f'href="{reverse("cases:family", args=[case.family_id])}"><span class="kern-label">Abbrechen',
        )
