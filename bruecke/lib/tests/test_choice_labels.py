"""ChoiceLabels gives what Django's get_FOO_display() gives, in every language."""

from __future__ import annotations

from django.apps import apps
from django.db import models
from django.utils.translation import override

from bruecke.cases.models import Contact
from bruecke.lib.choice_labels import ChoiceLabels

LANGUAGES = ("de", "en", "ar", "tr")


def choice_fields() -> list[tuple[type[models.Model], models.Field]]:
    return [
        (model, field)
        for model in apps.get_models()
        if model.__module__.startswith("bruecke.")
        for field in model._meta.concrete_fields
        if field.choices and not field.is_relation
    ]


def test_every_model_with_choices_uses_the_mixin():
    found = choice_fields()
    assert len(found) > 20
    for model, field in found:
        assert issubclass(model, ChoiceLabels), model
        # The labels are kept per field: choices that change at run time would go stale.
        assert not callable(field.choices), (model, field.name)


def test_labels_equal_djangos_in_every_language():
    checked = 0
    for model, field in choice_fields():
        values = [value for value, _label in field.flatchoices] + ["unbekannt", None, ""]
        for language in LANGUAGES:
            with override(language):
                for value in values:
                    instance = model(**{field.attname: value})
                    ours = getattr(instance, f"get_{field.name}_display")()
                    djangos = models.Model._get_FIELD_display(instance, field)
                    assert ours == djangos, (model, field.name, language, value)
                    assert type(ours) is type(djangos)
                    checked += 1
    assert checked > 500


def test_the_label_follows_the_language():
    contact = Contact(kind="telefon")
    with override("de"):
        german = contact.get_kind_display()
    with override("en"):
        english = contact.get_kind_display()
    with override("de"):
        again = contact.get_kind_display()
    assert german == again == "Telefonberatung"
    assert english != german
