"""The look of the platform: the favicon at the address browsers ask for, and the design-system
page that shows every shared component (their styles are in static/css/site.css)."""

from functools import cache

from django import forms
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

FAVICON = settings.BASE_DIR / "static" / "img" / "favicon.ico"


@cache
def _favicon_bytes() -> bytes:
    return FAVICON.read_bytes()


@require_safe
def favicon(request):
    """/favicon.ico, which browsers fetch on their own whatever the page links to. Served from
    the source tree, so that it answers with or without collectstatic, in every mode."""
    response = HttpResponse(_favicon_bytes(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response


class ExampleForm(forms.Form):
    """Every kind of control the platform's forms use, for the design-system page."""

    name = forms.CharField(
        label=_("Name of the association"), help_text=_("As it is written in the register.")
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    district = forms.ChoiceField(
        label=_("District"),
        choices=[("", "---------"), ("rosengard", "Rosengård"), ("mollevangen", "Möllevången")],
    )
    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    starts = forms.TimeField(label=_("Starts"), widget=forms.TimeInput(attrs={"type": "time"}))
    text = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    direction = forms.ChoiceField(
        label=_("Need or offer"),
        choices=[("need", _("Need")), ("offer", _("Offer"))],
        widget=forms.RadioSelect,
        initial="need",
    )
    kinds = forms.MultipleChoiceField(
        label=_("What kind of help"),
        choices=[("volunteers", _("Volunteers")), ("premises", _("Premises"))],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    newsletter = forms.BooleanField(label=_("Send me the newsletter"), required=False)


@require_safe
def design_system(request):
    """Every shared component with its class names, so that a new page reuses them."""
    return render(
        request,
        "core/designsystem.html",
        {
            "form": ExampleForm(prefix="example"),
            # Bound to nothing: the required fields show their errors and the summary.
            "invalid_form": ExampleForm({}, prefix="invalid"),
        },
    )
