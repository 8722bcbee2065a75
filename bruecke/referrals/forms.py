"""Forms of the worker's side: record and revoke a consent, refer, record a step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bruecke.directory.models import Organization, Service
from bruecke.lib.forms import DateInput, KernForm
from bruecke.org.models import Office
from bruecke.people.models import Person
from bruecke.referrals.models import ConsentForm, DataCategory, Purpose, Referral
from bruecke.referrals.selectors import active_service

S = Referral.Status


def _today() -> dt.date:
    return timezone.localdate()


class RedirectOfferField(forms.ModelChoiceField):
    """The offer a referral was passed on to, chosen among the matches of a search.

    Validated against every offer it may go to (``targets``), shown as a
    choice among the offers a search found (``candidates``; see
    selectors.redirect_candidates): a directory's thousands never fill a list.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("queryset", Service.objects.none())
        kwargs.setdefault("widget", forms.RadioSelect)
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Bitte suchen und wählen Sie ein Angebot."),
                "invalid_choice": _(
                    "Dieses Angebot ist nicht mehr wählbar. Bitte suchen Sie es noch einmal."
                ),
            },
        )
        super().__init__(**kwargs)

    def narrow(self, targets: Any, candidates: Sequence[Service]) -> None:
        self.queryset = targets
        self.widget.choices = [
            (service.pk, f"{service.name} – {service.organization.name}") for service in candidates
        ]


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        name = f"{obj.first_name} {obj.last_name}".strip() or str(obj)
        return f"{name} ({obj.get_role_display()})"


class ConsentRecordForm(KernForm):
    """A new consent of the family; the recipient is ``org:<uuid>`` or ``office:<id>``."""

    persons = PersonChoiceField(
        label=_("Personen"),
        help_text=_("Für wen gilt die Einwilligung?"),
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"required": _("Bitte wählen Sie mindestens eine Person.")},
    )
    given_by = forms.CharField(
        label=_("Eingewilligt von"),
        max_length=200,
        help_text=_("Zum Beispiel „die Mutter, Frau Yılmaz“."),
        error_messages={"required": _("Bitte tragen Sie ein, wer eingewilligt hat.")},
    )
    recipient = forms.ChoiceField(
        label=_("Empfänger"),
        help_text=_("An wen dürfen die Daten gehen? Eine Stelle aus dem Angebotsverzeichnis."),
        error_messages={
            "required": _("Bitte wählen Sie, an wen die Daten gehen dürfen."),
            "invalid_choice": _("Bitte wählen Sie einen Empfänger aus der Liste."),
        },
    )
    purpose = forms.ChoiceField(
        label=_("Zweck"),
        choices=Purpose.choices,
        initial=Purpose.VERMITTLUNG,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie den Zweck.")},
    )
    data_categories = forms.MultipleChoiceField(
        label=_("Daten"),
        help_text=_("Welche Daten dürfen weitergegeben werden?"),
        choices=DataCategory.choices,
        initial=[DataCategory.KONTAKT],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Bitte wählen Sie mindestens eine Art von Daten.")},
    )
    consent_form = forms.ChoiceField(
        label=_("Form der Einwilligung"),
        choices=ConsentForm.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Bitte wählen Sie, wie eingewilligt wurde.")},
    )
    given_on = forms.DateField(
        label=_("Eingewilligt am"),
        widget=DateInput(),
        initial=_today,
        error_messages={"required": _("Bitte geben Sie das Datum der Einwilligung an.")},
    )
    valid_from = forms.DateField(
        label=_("Gültig ab"),
        required=False,
        widget=DateInput(),
        help_text=_("Leer lassen: ab dem Tag der Einwilligung."),
    )
    valid_until = forms.DateField(
        label=_("Gültig bis"),
        required=False,
        widget=DateInput(),
        help_text=_("Leer lassen, wenn die Einwilligung bis zu einem Widerruf gilt."),
    )
    evidence = forms.CharField(
        label=_("Nachweis"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Wo liegt die unterschriebene Erklärung? Oder: wer hat die mündliche "
            "Einwilligung wann aufgenommen?"
        ),
    )

    def __init__(
        self,
        *args: Any,
        office: Office,
        members: Sequence[Person],
        organisations: Iterable[Organization],
        offices: Iterable[Office],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.office = office
        persons = self.fields["persons"]
        assert isinstance(persons, forms.ModelMultipleChoiceField)
        persons.queryset = Person.objects.filter(pk__in=[m.pk for m in members]).order_by(
            "role", "first_name"
        )
        # Anonymous families may have nobody recorded; then nobody can be ticked.
        persons.required = bool(members)
        groups: dict[str, list[tuple[str, str]]] = {}
        kinds = dict(Organization.Kind.choices)
        for org in organisations:
            groups.setdefault(str(kinds.get(org.kind, org.kind)), []).append(
                (f"org:{org.pk}", org.name)
            )
        choices: list[Any] = [("", _("Bitte wählen"))]
        choices += [(label, options) for label, options in groups.items()]
        office_options = [(f"office:{o.pk}", o.name) for o in offices]
        if office_options:
            choices.append((_("Andere Jugendämter"), office_options))
        recipient = self.fields["recipient"]
        assert isinstance(recipient, forms.ChoiceField)
        recipient.choices = choices

    def clean_recipient(self) -> dict[str, Any]:
        value: str = self.cleaned_data["recipient"]
        kind, _sep, key = value.partition(":")
        try:
            if kind == "org":
                org = Organization.objects.get(office=self.office, pk=key)
                return {"recipient_organisation": org, "recipient_office": None}
            if kind == "office":
                other = Office.objects.exclude(pk=self.office.pk).get(pk=key)
                return {"recipient_organisation": None, "recipient_office": other}
        except (Organization.DoesNotExist, Office.DoesNotExist, ValueError, ValidationError):
            pass
        raise ValidationError(_("Bitte wählen Sie einen Empfänger aus der Liste."))

    def clean_given_on(self) -> dt.date:
        given_on: dt.date = self.cleaned_data["given_on"]
        if given_on > _today():
            raise ValidationError(_("Das Datum liegt in der Zukunft. Bitte prüfen Sie es."))
        return given_on

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start = data.get("valid_from") or data.get("given_on")
        until = data.get("valid_until")
        if start and until and until < start:
            self.add_error(
                "valid_until",
                _("„Gültig bis“ liegt vor dem Beginn der Gültigkeit. Bitte prüfen Sie das Datum."),
            )
        return data

    def action_kwargs(self) -> dict[str, Any]:
        """The cleaned values as keyword arguments for ``consent_record``."""
        data = self.cleaned_data
        return {
            "given_by": data["given_by"],
            "purpose": data["purpose"],
            "data_categories": data["data_categories"],
            "form": data["consent_form"],
            "given_on": data["given_on"],
            "valid_from": data["valid_from"],
            "valid_until": data["valid_until"],
            "evidence": data["evidence"],
            "persons": list(data["persons"]),
            **data["recipient"],
        }


class ConsentRevokeForm(KernForm):
    revoked_on = forms.DateField(
        label=_("Widerrufen am"),
        widget=DateInput(),
        initial=_today,
        error_messages={"required": _("Bitte geben Sie das Datum des Widerrufs an.")},
    )
    note = forms.CharField(
        label=_("Anmerkung"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Zum Beispiel: wie der Widerruf kam (Anruf, Brief, im Gespräch)."),
    )

    def clean_revoked_on(self) -> dt.date:
        day: dt.date = self.cleaned_data["revoked_on"]
        if day > _today():
            raise ValidationError(_("Ein Widerruf kann nicht in der Zukunft liegen."))
        return day


# What a live referral may pass on besides name and contact (which always go).
REFERRAL_CATEGORIES = [
    (c.value, c.label)
    for c in (DataCategory.FAMILIE, DataCategory.ANLIEGEN, DataCategory.NACHRICHT)
]


class ReferralForm(KernForm):
    service = forms.ChoiceField(
        label=_("Angebot"),
        error_messages={
            "required": _("Bitte wählen Sie ein Angebot."),
            "invalid_choice": _("Bitte wählen Sie ein Angebot aus der Liste."),
        },
    )
    mode = forms.ChoiceField(
        label=_("Art der Vermittlung"),
        choices=Referral.Mode.choices,
        initial=Referral.Mode.LOGGED,
        widget=forms.RadioSelect,
        help_text=_(
            "Bei einem Hinweis gehen keine Daten hinaus. Für eine Vermittlung mit "
            "Datenweitergabe braucht es eine passende Einwilligung der Familie."
        ),
        error_messages={"required": _("Bitte wählen Sie die Art der Vermittlung.")},
    )
    data_categories = forms.MultipleChoiceField(
        label=_("Weitere Daten für die Stelle"),
        choices=REFERRAL_CATEGORIES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Nur bei Vermittlung mit Datenweitergabe. Name und Kontaktdaten gehen immer mit."
        ),
    )
    message = forms.CharField(
        label=_("Nachricht an die Stelle"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Wird nur bei Vermittlung mit Datenweitergabe gesendet; wählen Sie dann auch "
            "„Nachricht an die Stelle“."
        ),
    )

    def __init__(self, *args: Any, office: Office, services: Iterable[Service], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.office = office
        service = self.fields["service"]
        assert isinstance(service, forms.ChoiceField)
        service.choices = [("", _("Bitte wählen"))] + [
            (str(s.pk), f"{s.name} – {s.organization.name}") for s in services
        ]

    def clean_service(self) -> Service:
        service = active_service(office=self.office, service_id=self.cleaned_data["service"])
        if service is None:
            raise ValidationError(_("Bitte wählen Sie ein Angebot aus der Liste."))
        return service

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("mode") == Referral.Mode.LIVE:
            categories = data.get("data_categories") or []
            message = (data.get("message") or "").strip()
            if message and DataCategory.NACHRICHT not in categories:
                self.add_error(
                    "data_categories",
                    _(
                        "Sie haben eine Nachricht geschrieben. Bitte wählen Sie auch "
                        "„Nachricht an die Stelle“ – oder lassen Sie die Nachricht leer."
                    ),
                )
            if DataCategory.NACHRICHT in categories and not message:
                self.add_error("message", _("Bitte schreiben Sie die Nachricht an die Stelle."))
        return data


# How a step reads as a choice for the worker.
STEP_LABELS = {
    S.ACCEPTED: _("Die Stelle hat angenommen"),
    S.DECLINED: _("Die Stelle hat abgelehnt"),
    S.REDIRECTED: _("Die Stelle hat an ein anderes Angebot verwiesen"),
    S.IN_CONTACT: _("Die Stelle ist mit der Familie in Kontakt"),
    S.ON_HOLD: _("Die Hilfe ruht (pausiert)"),
    S.CLOSED: _("Abgeschlossen, mit Ergebnis"),
    S.WITHDRAWN: _("Vermittlung zurückziehen"),
    S.ERROR: _("Irrtümlich angelegt"),
}
# The order in which steps are offered: the usual path first.
STEP_ORDER = [
    S.ACCEPTED,
    S.IN_CONTACT,
    S.ON_HOLD,
    S.CLOSED,
    S.DECLINED,
    S.REDIRECTED,
    S.WITHDRAWN,
    S.ERROR,
]


class ReferralStepForm(KernForm):
    to = forms.ChoiceField(
        label=_("Schritt"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Bitte wählen Sie einen Schritt."),
            "invalid_choice": _("Dieser Schritt ist jetzt nicht möglich."),
        },
    )
    decline_reason = forms.CharField(
        label=_("Grund der Ablehnung"),
        required=False,
        max_length=500,
        help_text=_("Nur bei „abgelehnt“."),
    )
    outcome = forms.ChoiceField(
        label=_("Ergebnis"),
        required=False,
        choices=[("", _("Bitte wählen")), *Referral.Outcome.choices],
        help_text=_("Nur beim Abschluss."),
    )
    redirected_to = RedirectOfferField(
        label=_("Verwiesen an"),
        required=False,
        help_text=_("Nur bei „verwiesen“: das Angebot aus dem Verzeichnis, falls es dort steht."),
    )
    note = forms.CharField(
        label=_("Anmerkung"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Zum Beispiel, wohin verwiesen wurde oder warum Sie zurückziehen."),
    )

    def __init__(
        self,
        *args: Any,
        steps: Iterable[str],
        targets: Any = None,
        candidates: Sequence[Service] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        allowed = set(steps)
        to = self.fields["to"]
        assert isinstance(to, forms.ChoiceField)
        to.choices = [(s.value, STEP_LABELS[s]) for s in STEP_ORDER if s in allowed]
        if S.DECLINED not in allowed:
            del self.fields["decline_reason"]
        if S.CLOSED not in allowed:
            del self.fields["outcome"]
        # The offer it was passed on to: a choice among the matches of a search
        # (shown only when there are some).
        redirected_to = self.fields["redirected_to"]
        assert isinstance(redirected_to, RedirectOfferField)
        if S.REDIRECTED in allowed and candidates and targets is not None:
            redirected_to.narrow(targets, candidates)
            if not self.is_bound:
                self.initial.setdefault("to", S.REDIRECTED)
        else:
            del self.fields["redirected_to"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        to = data.get("to")
        if to == S.DECLINED and not (data.get("decline_reason") or "").strip():
            self.add_error("decline_reason", _("Bitte geben Sie einen Grund für die Ablehnung an."))
        if to == S.CLOSED and not data.get("outcome"):
            self.add_error("outcome", _("Bitte wählen Sie ein Ergebnis."))
        if to != S.REDIRECTED:
            data["redirected_to"] = None
        return data
