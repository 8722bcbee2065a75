"""``get_FOO_display()`` without rebuilding the field's choices on every call.

Django's own version builds a dictionary of all the field's choices each time
it is called, hashing every (lazily translated) label and so translating it:
about 40 µs for a field of ten choices. A case page shows such a label for
every contact and referral (the timeline of a long case has a hundred). The
mixin keeps one dictionary per field and language instead.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language

_LABELS: dict[tuple[models.Field[Any, Any], str | None], dict[Any, Any]] = {}


def choice_label(field: models.Field[Any, Any], value: Any) -> Any:
    """What Django's ``get_FOO_display()`` returns for ``value`` in the active language."""
    key = (field, get_language())
    labels = _LABELS.get(key)
    if labels is None:
        labels = {
            choice: force_str(label, strings_only=True)
            for choice, label in make_hashable(field.flatchoices)
        }
        _LABELS[key] = labels
    return force_str(labels.get(make_hashable(value), value), strings_only=True)


class ChoiceLabels:
    """Mixin for models (before ``models.Model``): every ``get_FOO_display()`` uses ``choice_label``.

    Django binds ``get_FOO_display`` to the class's ``_get_FIELD_display`` when
    the field is added to the class, so this method takes its place.
    """

    def _get_FIELD_display(self, field: models.Field[Any, Any]) -> Any:  # Django's name
        return choice_label(field, getattr(self, field.attname))
