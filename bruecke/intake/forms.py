"""Forms of the triage queue (Eingang)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bruecke.cases.choices import Zugangsweg
from bruecke.cases.forms import (
    AnonymousConsultationForm,
    DistrictChoiceMixin,
    WorkerChoiceField,
    casework_users,
)
from bruecke.intake.models import ContactAttempt, Request
from bruecke.lib.forms import DateInput, KernForm, TopicsField
from bruecke.org.models import District
from bruecke.people.models import Family

NEW_FAMILY = "neu"


class QueueFilterForm(KernForm):
    bezirk = forms.ChoiceField(label=_("Stadtbezirk"))

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bezirk"].choices = choices  # type: ignore[attr-defined]


class VersionForm(KernForm):
    """The state of the request the user saw; a newer one is refused (optimistic locking)."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class AssignForm(VersionForm):
    prefix = "assign"
    assigned_to = WorkerChoiceField(label=_("Zuweisen an"), queryset=District.objects.none())

    def __init__(self, *args: Any, office_id: int, may_choose: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if may_choose:
            self.fields["assigned_to"].queryset = casework_users(office_id)  # type: ignore[attr-defined]
        else:
            # A social worker can only take a request himself ("Ich übernehme").
            del self.fields["assigned_to"]


class ContactAttemptForm(KernForm):
    prefix = "attempt"
    channel = forms.ChoiceField(
        label=_("Wie haben Sie es versucht?"),
        choices=ContactAttempt.Channel.choices,
        initial=ContactAttempt.Channel.PHONE,
        widget=forms.RadioSelect,
    )
    reached = forms.TypedChoiceField(
        label=_("Haben Sie die Familie erreicht?"),
        choices=[("0", _("Nein, nicht erreicht")), ("1", _("Ja, erreicht"))],
        coerce=lambda value: value == "1",
        initial="0",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Notiz"),
        required=False,
        max_length=300,
        help_text=_("Kurz, zum Beispiel: „Mailbox, Rückruf erbeten“."),
    )


class CloseForm(VersionForm):
    prefix = "close"
    reason = forms.ChoiceField(label=_("Grund"), choices=Request.CloseReason.choices)
    note = forms.CharField(
        label=_("Anmerkung"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class FeedbackForm(KernForm):
    prefix = "feedback"
    text = forms.CharField(
        label=_("Rückmeldung"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Nur was die Familie erlaubt hat und die Stelle wissen muss, zum Beispiel: "
            "„Wir haben die Familie erreicht und einen Termin vereinbart.“"
        ),
    )


class RequestAnonymousForm(AnonymousConsultationForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class FamilyChoiceField(forms.ChoiceField):
    """An existing family from the duplicate check, or a new one."""

    def __init__(self, *, families: list[Family], **kwargs: Any) -> None:
        choices = [(str(f.pk), _family_label(f)) for f in families]
        choices.append((NEW_FAMILY, str(_("Nein, eine neue Familie anlegen"))))
        kwargs.setdefault(
            "error_messages",
            {"required": _("Bitte wählen Sie eine der Familien oder „neue Familie anlegen“.")},
        )
        super().__init__(choices=choices, widget=forms.RadioSelect, **kwargs)


def _family_label(family: Family) -> str:
    label = f"{family.name} – {family.district.name}"
    open_cases = getattr(family, "open_cases", 0)
    if open_cases:
        label += " – " + str(_("mit offenem Fall"))
    return label


class RequestCaseForm(DistrictChoiceMixin, VersionForm):
    """Turn a request into a case: for an existing family from the duplicate check, or a new one."""

    family = forms.ChoiceField(label=_("Vorhandene oder neue Familie"))
    name = forms.CharField(
        label=_("Name der Familie oder Pseudonym"),
        max_length=120,
        required=False,
        help_text=_(
            "Der Vorname aus der Anfrage genügt. Den Nachnamen können Sie später ergänzen."
        ),
    )
    phone = forms.CharField(label=_("Telefon"), required=False, max_length=50)
    email = forms.EmailField(label=_("E-Mail"), required=False)
    languages = forms.CharField(label=_("Gesprochene Sprachen"), required=False, max_length=200)
    add_person = forms.BooleanField(label="", required=False)
    district = forms.ModelChoiceField(label=_("Stadtbezirk"), queryset=District.objects.none())
    zugangsweg = forms.ChoiceField(label=_("Zugangsweg"), choices=Zugangsweg.choices)
    topics = TopicsField(required=True)
    opened_on = forms.DateField(label=_("Beginn"), widget=DateInput())

    FAMILY_FIELDS = ("name", "phone", "email", "languages", "add_person")

    def __init__(
        self,
        *args: Any,
        office_id: int,
        families: list[Family],
        first_name: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.families = {str(f.pk): f for f in families}
        self.fields["family"] = FamilyChoiceField(
            families=families, label=_("Vorhandene oder neue Familie")
        )
        if not families:
            self.fields["family"].widget = forms.HiddenInput()
            self.fields["family"].initial = NEW_FAMILY
            # Without a choice, the new family needs its name (with one, only "new" does).
            self.fields["name"].required = True
        self.fields["add_person"].label = _(
            "„%(name)s“ als Elternteil in der Familie eintragen"
        ) % {"name": first_name}
        # Cases, as in casework, only in districts where Kita-Sozialarbeit runs.
        self.limit_districts(office_id)

    def family_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.FAMILY_FIELDS]

    def case_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("district", "zugangsweg", "topics", "opened_on")]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        choice = data.get("family")
        if choice == NEW_FAMILY:
            data["existing"] = None
            if not (data.get("name") or "").strip():
                self.add_error(
                    "name", _("Bitte geben Sie einen Namen oder ein Pseudonym für die Familie an.")
                )
        elif choice is not None:
            data["existing"] = self.families[choice]
        return data
