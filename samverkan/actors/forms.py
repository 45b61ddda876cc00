from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import (
    PROFILE_FIELDS,
    PROFILE_RELATIONS,
    District,
    InterestArea,
    LegalForm,
    Organisation,
    Sector,
)
from samverkan.core.bounds import bounded_formfield
from samverkan.core.forms import Checkboxes, QuickSelect


class RegisterFilterForm(forms.Form):
    """The register's search and filters; every field optional, bad values ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    # The drop-downs' options written in Python (core.forms.QuickSelect): a logged-in search,
    # which the page cache does not serve, spent about a third of its time in Django's option
    # templates.
    sector = forms.ChoiceField(label=_("Sector"), required=False, widget=QuickSelect)
    district = forms.ChoiceField(label=_("District"), required=False, widget=QuickSelect)
    interest_area = forms.ChoiceField(
        label=_("Area of interest"), required=False, widget=QuickSelect
    )

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["sector"].choices = every + list(choices["sectors"])
        self.fields["district"].choices = every + list(choices["districts"])
        self.fields["interest_area"].choices = every + list(choices["interest_areas"])
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})


class OrganisationForm(forms.ModelForm):
    """The profile an organisation's representatives and coordinators edit."""

    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )

    class Meta:
        model = Organisation
        formfield_callback = bounded_formfield
        fields = [*PROFILE_FIELDS, *PROFILE_RELATIONS]
        widgets = {
            "districts": Checkboxes,
            "interest_areas": Checkboxes,
            "umbrellas": Checkboxes,
            "description": forms.Textarea(attrs={"rows": 6}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "street_address": forms.TextInput(attrs={"autocomplete": "street-address"}),
            "postal_code": forms.TextInput(attrs={"autocomplete": "postal-code"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["umbrellas"].queryset = Organisation.objects.umbrellas().order_by("name")
        if self.instance.pk:
            self.fields["umbrellas"].queryset = self.fields["umbrellas"].queryset.exclude(
                pk=self.instance.pk
            )
        self.fields["districts"].queryset = District.objects.order_by("name")
        self.fields["interest_areas"].queryset = InterestArea.objects.order_by("name")

    def _post_clean(self):
        # The service validates the whole model (and reports to the field); here the form only
        # checks its fields, so a rule is never written twice.
        pass


class NewOrganisationForm(OrganisationForm):
    class Meta(OrganisationForm.Meta):
        fields = ["sector", "legal_form", *OrganisationForm.Meta.fields]

    representative_title = forms.CharField(
        label=_("Your role in the organisation"),
        required=False,
        max_length=100,
        help_text=_("E.g. chair, secretary, unit manager."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sector"].initial = Sector.CIVIL_SOCIETY
        self.fields["legal_form"].initial = LegalForm.ASSOCIATION


class RepresentationRequestForm(forms.Form):
    title = forms.CharField(
        label=_("Your role in the organisation"),
        required=False,
        max_length=100,
        help_text=_("E.g. chair, secretary, unit manager."),
    )
    motivation = forms.CharField(
        label=_("Message to the organisation"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
