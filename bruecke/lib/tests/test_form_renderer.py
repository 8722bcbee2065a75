"""The Python widgets of WidgetRenderer give exactly the HTML of Django's templates."""

from __future__ import annotations

import re
from pathlib import Path
from unittest import mock

import django
from django import forms
from django.forms.renderers import DjangoTemplates
from django.test import override_settings
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override
from hypothesis import given, settings
from hypothesis import strategies as st

from bruecke.cases.tests.helpers import make_case
from bruecke.lib import forms as kern
from bruecke.lib.form_renderer import PYTHON_WIDGETS, WidgetRenderer
from bruecke.test import PASSWORD, BaseTestCase

TEMPLATES = DjangoTemplates()
PYTHON = WidgetRenderer()

# What a form may put into a widget: text with every character HTML cares
# about, numbers, dates, already-safe text, a lazy translation, a tuple.
text = st.text(alphabet=st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ["<b>\"x\" & 'y'</b>", "", " ", "&amp;", "ä ü ß", "مرحبا"]
)
values = st.one_of(
    st.none(),
    text,
    st.integers(-5000, 5000),
    st.decimals(allow_nan=False, allow_infinity=False, places=2),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.dates(),
    st.booleans(),
    text.map(mark_safe),
    st.just(gettext_lazy("Telefon")),
    st.tuples(st.integers(0, 9), text),
)
attr_names = st.sampled_from(
    ["id", "class", "placeholder", "required", "disabled", "aria-describedby", "data-x", 'a"b']
)
attrs = st.dictionaries(attr_names, values, max_size=5)
labels = st.one_of(text, st.integers(0, 20), text.map(mark_safe), st.just(gettext_lazy("Fall")))
options = st.lists(st.tuples(st.one_of(text, st.integers(0, 99)), labels), max_size=6)
choices = st.lists(
    st.one_of(st.tuples(st.one_of(text, st.integers(0, 99)), labels), st.tuples(text, options)),
    max_size=6,
)

INPUTS = [
    forms.TextInput,
    forms.NumberInput,
    forms.EmailInput,
    forms.URLInput,
    forms.HiddenInput,
    forms.SearchInput,
    forms.TelInput,
    forms.ColorInput,
    lambda: forms.PasswordInput(render_value=True),
    forms.DateInput,
    forms.DateTimeInput,
    forms.TimeInput,
    forms.CheckboxInput,
    forms.Textarea,
    kern.DateInput,
    kern.TimeInput,
]


def both(widget: forms.Widget, value, attrs) -> tuple[str, str]:
    return (
        widget.render("feld", value, attrs, renderer=PYTHON),
        widget.render("feld", value, attrs, renderer=TEMPLATES),
    )


@settings(max_examples=400, deadline=None)
@given(
    widget=st.sampled_from(INPUTS),
    value=values,
    attrs=attrs,
    language=st.sampled_from(["de", "ar", "en"]),
)
def test_inputs_and_textareas_match_the_templates(widget, value, attrs, language):
    with override(language):
        python, template = both(widget(), value, attrs)
    assert python == template


@settings(max_examples=400, deadline=None)
@given(
    multiple=st.booleans(),
    choices=choices,
    value=st.one_of(values, st.lists(st.one_of(text, st.integers(0, 99)), max_size=3)),
    attrs=attrs,
)
def test_selects_match_the_templates(multiple, choices, value, attrs):
    widget = (forms.SelectMultiple if multiple else forms.Select)(choices=choices)
    python, template = both(widget, value, attrs)
    assert python == template


def test_a_widget_with_a_template_of_its_own_goes_through_the_template():
    class Own(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    widget = Own(choices=[("a", "A")])
    python, template = both(widget, "a", {})
    assert python == template
    assert "<input" in python  # the option template of its own was used


def test_no_app_overrides_a_template_rendered_in_python():
    """An app's own copy of one of these templates would be bypassed: then it must leave PYTHON_WIDGETS."""
    own = Path(django.__file__).parent / "forms" / "templates"
    for name in PYTHON_WIDGETS:
        origin = Path(TEMPLATES.get_template(name).template.origin.name)
        assert origin.is_relative_to(own), origin


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


class PagesTests(BaseTestCase):
    """Whole pages with forms of every kind: the same HTML with either renderer."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.case = make_case(cls.world, worker=cls.worker_hoerde, district=cls.hoerde)
        cls.world.referral_targets()

    def page(self, user, url: str, renderer: str) -> str:
        self.client.logout()
        if user is not None:
            self.client.login(username=user.username, password=PASSWORD)
        with override_settings(FORM_RENDERER=renderer):
            response = self.client.get(url)
        assert response.status_code in (200, 400), (url, response.status_code)
        return CSRF.sub("", response.content.decode())

    def test_pages_render_the_same(self):
        case, family = self.case, self.case.family
        pages = [
            (self.worker_hoerde, reverse("cases:detail", args=[case.pk])),
            (self.worker_hoerde, reverse("cases:edit", args=[case.pk])),
            (self.worker_hoerde, reverse("cases:family_edit", args=[family.pk])),
            (self.worker_hoerde, reverse("cases:family_create")),
            (self.worker_hoerde, reverse("cases:consultation")),
            (self.worker_hoerde, reverse("cases:family_search") + "?q=Yilmaz"),
            (self.coordinator_dortmund, reverse("directory:service_create")),
            (self.lead_dortmund, reverse("reports:report") + "?period=quarter"),
            # A wrong period: the form comes back with its errors.
            (self.lead_dortmund, reverse("reports:report") + "?period=custom&start=x"),
            (None, reverse("portal:offers") + "?q=Beratung&thema=gesundheit&alter=3"),
            (None, reverse("portal:offers") + "?alter=-1"),
            (None, reverse("accounts:login")),
        ]
        for user, url in pages:
            python = self.page(user, url, "bruecke.lib.form_renderer.WidgetRenderer")
            template = self.page(user, url, "django.forms.renderers.DjangoTemplates")
            assert python == template, url
            assert "<select" in python or "<input" in python, url


def test_the_python_widgets_do_not_touch_the_template_engine():
    form_widgets = [
        forms.TextInput(),
        forms.Textarea(),
        forms.CheckboxInput(),
        forms.Select(choices=[("a", "A"), ("Gruppe", [("b", "B")])]),
        kern.DateInput(),
    ]
    with mock.patch.object(WidgetRenderer, "get_template", side_effect=AssertionError):
        for widget in form_widgets:
            assert widget.render("feld", "a", {"id": "x"}, renderer=PYTHON).startswith("<")
