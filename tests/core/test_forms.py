"""The shared form templates of samverkan/core: choices of several as checkboxes, with a filter
box for long lists that JavaScript adds (without it, every checkbox shows)."""

import re

import pytest
from django import forms
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from samverkan.core.forms import Checkboxes, QuickSelect


class ChoiceForm(forms.Form):
    def __init__(self, *args, count: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["districts"] = forms.MultipleChoiceField(
            label="Stadsdelar",
            choices=[(str(n), f"Område {n}") for n in range(count)],
            widget=Checkboxes,
        )


def render_field(count: int) -> str:
    field = ChoiceForm(count=count)["districts"]
    return render_to_string("core/forms/field.html", {"field": field})


def test_a_choice_of_several_is_a_group_of_checkboxes_with_a_legend():
    html = render_field(5)

    assert "<select" not in html
    assert re.search(r'<fieldset id="id_districts"[^>]*>\s*<legend>Stadsdelar', html)
    assert html.count('type="checkbox"') == 5


def test_a_short_group_has_no_filter_box():
    html = render_field(19)

    assert "data-choice-filter" not in html
    assert "forms.js" not in html


def test_a_group_of_twenty_or_more_is_marked_for_the_filter_box():
    html = render_field(20)

    assert re.search(r'<fieldset id="id_districts"[^>]*data-choice-filter="[^"]+"', html)
    assert re.search(r'<script src="[^"]*core/js/forms\.js" defer></script>', html)


def test_without_javascript_every_checkbox_of_a_long_group_shows():
    html = render_field(40)

    assert html.count('type="checkbox"') == 40
    assert " hidden" not in html


def test_the_filter_script_is_a_static_file():
    """A file, not an inline script: the Content-Security-Policy allows scripts of the site only."""
    path = finders.find("core/js/forms.js")

    assert path is not None
    with open(path, encoding="utf-8") as script:
        assert "data-choice-filter" in script.read()


SELECT_CHOICES = [
    ("", "Alla"),
    ("Grupp <1>", [("a&b", 'Citat "x"'), (2, "Två")]),
    ("c", "Centrum"),
    # Labels that are lazy translations or already safe HTML, as model choices give them.
    ("d", gettext_lazy("Sector")),
    ("e", mark_safe("<b>Fet</b> &amp; tydlig")),
]


@pytest.mark.parametrize("value", [None, "", "a&b", 2, "c", "saknas"])
def test_a_quick_select_writes_what_django_s_select_writes(value):
    attrs = {"id": "filter-x", "required": True, "disabled": False, "data-note": '<"&>'}
    plain = forms.Select(choices=SELECT_CHOICES, attrs=attrs)
    quick = QuickSelect(choices=SELECT_CHOICES, attrs=attrs)
    assert quick.render("x<", value) == plain.render("x<", value)
