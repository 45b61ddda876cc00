"""Forms parse input; the services hold the rules (exact amounts, dates, eligibility)."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import District, LegalForm, Organisation, Sector
from samverkan.areas.models import PriorityArea
from samverkan.core.exceptions import ApplicationError
from samverkan.core.forms import Checkboxes
from samverkan.funding.models import ExpenseCategory, Funder, Grant
from samverkan.funding.services import exact_amount


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class AmountField(forms.CharField):
    """An amount in kronor as people write it: "12 345,50", "1 000 000 kr", "250.75".
    Cleans to an exact Decimal with two decimals; never a float."""

    def __init__(self, *, allow_zero: bool = False, **kwargs):
        self.allow_zero = allow_zero
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "decimal", "maxlength": "30"})
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, Decimal):
            return format(value, "f").replace(".", ",")
        return value

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        if len(text) > 30:
            raise ValidationError(_("Enter an amount in kronor, e.g. 12 345,50."))
        text = text.lower().replace("kr", "").replace("\u00a0", "").replace(" ", "")
        text = text.replace("\u2212", "-").replace(",", ".")
        try:
            return exact_amount(text, allow_zero=self.allow_zero)
        except ApplicationError as error:
            raise ValidationError(str(error.message)) from None


class CallFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    funder_kind = forms.ChoiceField(label=_("Funder"), required=False)
    sector = forms.ChoiceField(label=_("Open to the sector"), required=False)
    area = forms.ChoiceField(label=_("Priority area"), required=False)
    district = forms.ChoiceField(label=_("District"), required=False)
    deadline_before = forms.DateField(
        label=_("Deadline at the latest"), required=False, widget=DateInput()
    )

    def __init__(self, *args, areas=(), districts=(), **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["funder_kind"].choices = every + list(Funder.Kind.choices)
        self.fields["sector"].choices = every + list(Sector.choices)
        self.fields["area"].choices = every + [(a.slug, a.title) for a in areas]
        self.fields["district"].choices = every + [(d.slug, d.name) for d in districts]


class CallForm(forms.Form):
    funder = forms.ModelChoiceField(label=_("Funder"), queryset=Funder.objects.order_by("name"))
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 8}))
    national = forms.BooleanField(
        label=_("A national or EU call, shown in every agreement"), required=False
    )
    sectors = forms.MultipleChoiceField(
        label=_("Sectors that may apply"),
        choices=Sector.choices,
        required=False,
        widget=Checkboxes,
    )
    legal_forms = forms.MultipleChoiceField(
        label=_("Legal forms that may apply"),
        choices=LegalForm.choices,
        required=False,
        widget=Checkboxes,
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Priority areas"),
        queryset=PriorityArea.objects.none(),
        required=False,
        widget=Checkboxes,
    )
    districts = forms.ModelMultipleChoiceField(
        label=_("Districts"),
        queryset=District.objects.order_by("name"),
        required=False,
        widget=Checkboxes,
    )
    eligibility_note = forms.CharField(
        label=_("More about who may apply"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    amount_min = AmountField(label=_("Smallest amount (kr)"), required=False, allow_zero=True)
    amount_max = AmountField(label=_("Largest amount (kr)"), required=False)
    opens_on = forms.DateField(label=_("Opens on"), required=False, widget=DateInput())
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        widget=DateInput(),
        help_text=_("Empty for a rolling call."),
    )
    link = forms.URLField(
        label=_("Link to the call"), required=False, max_length=500, assume_scheme="https"
    )

    def __init__(self, *args, agreement, call=None, **kwargs):
        if call is not None:
            kwargs.setdefault(
                "initial",
                {
                    "funder": call.funder_id,
                    "title": call.title,
                    "description": call.description,
                    "national": call.agreement_id is None,
                    "sectors": call.sector_list,
                    "legal_forms": call.legal_form_list,
                    "areas": list(call.areas.all()),
                    "districts": list(call.districts.all()),
                    "eligibility_note": call.eligibility_note,
                    "amount_min": call.amount_min,
                    "amount_max": call.amount_max,
                    "opens_on": call.opens_on,
                    "deadline": call.deadline,
                    "link": call.link,
                },
            )
        super().__init__(*args, **kwargs)
        self.agreement = agreement
        self.fields["areas"].queryset = PriorityArea.objects.filter(agreement=agreement).order_by(
            "position", "title"
        )

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        national = data.pop("national")
        data["agreement"] = None if national else self.agreement
        if national:
            data["areas"] = []  # an agreement's areas mean nothing in a national call
        return data


class FunderForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=Funder.Kind.choices)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation in the register"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
    )


class GrantForm(forms.Form):
    purpose = forms.CharField(label=_("Purpose"), max_length=300)
    recipient = forms.ModelChoiceField(
        label=_("Recipient"), queryset=Organisation.objects.order_by("name"), required=False
    )
    recipient_name = forms.CharField(
        label=_("Recipient (if not in the register)"), max_length=200, required=False
    )
    amount = AmountField(label=_("Amount (kr)"), help_text=_("E.g. 1 000 000 or 12 345,50."))
    decided_by = forms.CharField(label=_("Decided by"), max_length=200, required=False)
    reference = forms.CharField(label=_("Diary number"), max_length=100, required=False)


class ExpenseForm(forms.Form):
    spent_on = forms.DateField(label=_("Date"), widget=DateInput())
    category = forms.ChoiceField(label=_("Category"), choices=ExpenseCategory.choices)
    description = forms.CharField(label=_("Description"), max_length=300)
    amount = AmountField(label=_("Amount (kr)"), help_text=_("E.g. 12 345,50."))
    grant = forms.ModelChoiceField(
        label=_("Paid from grant"), queryset=Grant.objects.none(), required=False
    )

    def __init__(self, *args, agreement, year, **kwargs):
        super().__init__(*args, **kwargs)
        self.year = year
        self.fields["grant"].queryset = Grant.objects.filter(agreement=agreement, year=year)
        self.fields["spent_on"].help_text = _("A date in %(year)d.") % {"year": year}

    def clean_spent_on(self):
        day = self.cleaned_data["spent_on"]
        if day and day.year != self.year:
            raise ValidationError(_("The date must be within %(year)d.") % {"year": self.year})
        return day
