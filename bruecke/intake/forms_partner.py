"""Forms of partner accounts: referring a family, and answering a referral."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import QuerySet
from django.forms import BoundField
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from bruecke.directory.models import Service
from bruecke.intake.models import Request
from bruecke.lib.forms import DateInput, KernForm, TopicsField
from bruecke.org.models import District
from bruecke.referrals.forms import RedirectOfferField
from bruecke.referrals.models import ConsentForm, DataCategory, Referral

# What a family can agree to pass on with a referral to Kita-Sozialarbeit
# ("Stand der Hilfe" is about feedback, not about the referral itself).
REFERRAL_CATEGORIES = [
    (c.value, c.label)
    for c in (
        DataCategory.KONTAKT,
        DataCategory.FAMILIE,
        DataCategory.ANLIEGEN,
        DataCategory.NACHRICHT,
    )
]

# The steps a partner takes on a referral, in the order the page offers them.
PARTNER_STEPS_SHOWN = (
    Referral.Status.ACCEPTED,
    Referral.Status.DECLINED,
    Referral.Status.REDIRECTED,
    Referral.Status.IN_CONTACT,
    Referral.Status.ON_HOLD,
    Referral.Status.CLOSED,
)

# The field each step needs: a reason to decline, an offer to pass on to, an outcome to close.
STEP_FIELDS: dict[str, str] = {
    Referral.Status.DECLINED: "decline_reason",
    Referral.Status.REDIRECTED: "redirected_to",
    Referral.Status.CLOSED: "outcome",
}

FAMILY_FIELDS = (
    "first_name",
    "phone",
    "email",
    "language",
    "preferred_time",
    "district",
    "children",
    "topics",
    "message",
)
CONSENT_FIELDS = (
    "consent_given_by",
    "consent_form",
    "consent_given_on",
    "consent_categories",
    "consent_evidence",
    "consent_confirmed",
)


def _language_choices() -> list[tuple[str, str]]:
    return [
        (code, get_language_info(code)["name_translated"]) for code, _name in settings.LANGUAGES
    ]


def _today() -> dt.date:
    return timezone.localdate()


class PartnerReferralForm(KernForm):
    """A partner refers a family to Kita-Sozialarbeit and records the family's consent."""

    first_name = forms.CharField(
        label=_("Vorname oder Pseudonym"),
        max_length=100,
        help_text=_("Ein Vorname reicht. Die Familie darf auch anonym bleiben."),
        error_messages={"required": _("Bitte geben Sie einen Vornamen oder ein Pseudonym an.")},
    )
    phone = forms.CharField(label=_("Telefon"), max_length=50, required=False)
    email = forms.EmailField(label=_("E-Mail"), required=False)
    language = forms.ChoiceField(label=_("Sprache der Familie"), initial="de")
    preferred_time = forms.ChoiceField(
        label=_("Gut erreichbar"),
        choices=Request.PreferredTime.choices,
        initial=Request.PreferredTime.ANY,
        widget=forms.RadioSelect,
    )
    district = forms.ModelChoiceField(
        label=_("Stadtbezirk der Familie"), queryset=District.objects.none(), required=False
    )
    children = forms.CharField(
        label=_("Alter der Kinder"),
        max_length=200,
        required=False,
        help_text=_("Zum Beispiel: 8 Monate, 3 Jahre"),
    )
    topics = TopicsField(
        label=_("Worum geht es? (Handlungsfelder)"), required=False, top_level_only=True
    )
    message = forms.CharField(
        label=_("Nachricht an die Kita-Sozialarbeit"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Nur was für die erste Kontaktaufnahme nötig ist."),
    )

    consent_given_by = forms.CharField(
        label=_("Wer hat eingewilligt?"),
        max_length=200,
        help_text=_("Name und Rolle, zum Beispiel „Frau K., Mutter“"),
        error_messages={"required": _("Bitte tragen Sie ein, wer eingewilligt hat.")},
    )
    consent_form = forms.ChoiceField(
        label=_("Wie hat die Familie eingewilligt?"),
        choices=ConsentForm.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie, wie die Familie eingewilligt hat.")},
    )
    consent_given_on = forms.DateField(
        label=_("Wann hat die Familie eingewilligt?"),
        widget=DateInput(),
        initial=_today,
        error_messages={"required": _("Bitte geben Sie das Datum der Einwilligung an.")},
    )
    consent_categories = forms.MultipleChoiceField(
        label=_("Welche Angaben darf die Kita-Sozialarbeit erhalten?"),
        choices=REFERRAL_CATEGORIES,
        widget=forms.CheckboxSelectMultiple,
        initial=[DataCategory.KONTAKT],
        error_messages={"required": _("Bitte wählen Sie, welche Angaben weitergegeben werden.")},
    )
    consent_evidence = forms.CharField(
        label=_("Nachweis"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Wo liegt die unterschriebene Einwilligung? Bei mündlicher Einwilligung: "
            "wer hat sie wann und wo festgehalten?"
        ),
    )
    consent_confirmed = forms.BooleanField(
        label=_(
            "Die Familie ist einverstanden, dass wir diese Angaben an die Kita-Sozialarbeit weitergeben."
        ),
        required=True,
        error_messages={"required": _("Bitte bestätigen Sie die Einwilligung der Familie.")},
    )
    # Explained in the template beside the checkbox (too long for a hint).
    feedback = forms.BooleanField(
        label=_("Die Familie ist einverstanden, dass wir Ihnen den Stand zurückmelden."),
        required=False,
    )

    def __init__(
        self,
        *args: Any,
        office_id: int,
        feedback_possible: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = _language_choices()  # type: ignore[attr-defined]
        self.fields["district"].queryset = District.objects.filter(  # type: ignore[attr-defined]
            office_id=office_id, kita_sozialarbeit=True
        ).order_by("name")
        # Feedback goes to the institution's entry in the directory; without one there is nobody to send it to.
        if not feedback_possible:
            del self.fields["feedback"]

    def clean_consent_given_on(self) -> dt.date:
        given_on: dt.date = self.cleaned_data["consent_given_on"]
        if given_on > _today():
            raise forms.ValidationError(
                _("Das Datum liegt in der Zukunft. Bitte tragen Sie den Tag der Einwilligung ein.")
            )
        return given_on

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            not (data.get("phone") or "").strip()
            and not data.get("email")
            and not self.has_error("email")
        ):
            self.add_error(
                "phone",
                _("Bitte geben Sie eine Telefonnummer oder eine E-Mail-Adresse der Familie an."),
            )
        if (
            data.get("consent_form") == ConsentForm.MUENDLICH
            and not (data.get("consent_evidence") or "").strip()
        ):
            self.add_error(
                "consent_evidence",
                _("Bitte halten Sie fest, wer die mündliche Einwilligung wann dokumentiert hat."),
            )
        if any(self.has_error(name) for name in CONSENT_FIELDS):
            self.add_error(
                None,
                _(
                    "Ohne festgehaltene Einwilligung der Familie können wir die Vermittlung nicht "
                    "annehmen. Bitte tragen Sie ein, wer wann und wie eingewilligt hat."
                ),
            )
        return data

    def fieldsets(self) -> list[tuple[str, Promise, list[BoundField]]]:
        """The form in three parts for the template: family, consent, feedback."""
        parts: list[tuple[str, Promise, list[BoundField]]] = [
            ("family", _("Angaben zur Familie"), [self[name] for name in FAMILY_FIELDS]),
            (
                "consent",
                _("Einwilligung der Familie"),
                [self[name] for name in CONSENT_FIELDS],
            ),
        ]
        if "feedback" in self.fields:
            parts.append(("feedback", _("Rückmeldung an Sie"), [self["feedback"]]))
        return parts


class ReferralStepForm(KernForm):
    """One step of a referral the partner takes: accept, decline, pass on, report."""

    to = forms.ChoiceField(
        choices=[(s.value, s.label) for s in PARTNER_STEPS_SHOWN], widget=forms.HiddenInput
    )
    decline_reason = forms.CharField(
        label=_("Grund der Ablehnung"),
        max_length=500,
        required=False,
        error_messages={
            "required": _(
                "Bitte geben Sie einen Grund an, damit die Kita-Sozialarbeit weiterhelfen kann."
            )
        },
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Zum Beispiel: keine freien Plätze, anderes Angebot passt besser."),
    )
    redirected_to = RedirectOfferField(label=_("Weiterleiten an"), required=False)
    outcome = forms.ChoiceField(
        label=_("Ergebnis"),
        choices=[("", _("Bitte wählen")), *Referral.Outcome.choices],
        required=False,
        error_messages={"required": _("Bitte wählen Sie ein Ergebnis.")},
    )

    def __init__(
        self,
        *args: Any,
        targets: QuerySet[Service] | None = None,
        candidates: Sequence[Service] = (),
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        redirected_to = self.fields["redirected_to"]
        assert isinstance(redirected_to, RedirectOfferField)
        redirected_to.narrow(targets if targets is not None else Service.objects.none(), candidates)
        # The field a step needs is required for that step (and shown without "optional").
        to = self.data.get("to") if self.is_bound else self.initial.get("to")
        needed = STEP_FIELDS.get(str(to or ""))
        if needed:
            self.fields[needed].required = True
