"""Forms parse input; the services hold the rules (parties, period, checklist), so none is
written twice."""

from django import forms
from django.db.models.functions import Collate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import District, Organisation
from samverkan.areas.models import PriorityArea
from samverkan.core.bounds import bounded_formfield
from samverkan.core.collation import SWEDISH_COLLATION
from samverkan.core.forms import Checkboxes, QuickSelect
from samverkan.partnerships import files
from samverkan.partnerships.models import Collaboration, CollaborationParty, IopAgreement
from samverkan.partnerships.selectors import ORGANISATION_CHOICES_LIMIT


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def _organisations():
    return Organisation.objects.order_by(Collate("name", SWEDISH_COLLATION))


class FilterForm(forms.Form):
    """The list's search and filters; every field optional, bad values ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    # The drop-downs' options written in Python (core.forms.QuickSelect): Django's templates,
    # one include per option, were much of the list's time.
    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=QuickSelect)
    status = forms.ChoiceField(label=_("Status"), required=False, widget=QuickSelect)
    area = forms.ChoiceField(label=_("Priority area"), required=False, widget=QuickSelect)
    district = forms.ChoiceField(label=_("District"), required=False, widget=QuickSelect)
    year = forms.TypedChoiceField(
        label=_("Year of the mapping"),
        required=False,
        coerce=int,
        empty_value=None,
        widget=QuickSelect,
    )
    organisation = forms.ChoiceField(label=_("Organisation"), required=False, widget=QuickSelect)

    def __init__(self, *args, choices: dict, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["kind"].choices = every + list(choices["kinds"])
        self.fields["status"].choices = every + list(choices["statuses"])
        self.fields["area"].choices = every + list(choices["areas"])
        self.fields["district"].choices = every + list(choices["districts"])
        self.fields["year"].choices = every + [(str(y), str(y)) for y in choices["years"]]
        organisations = list(choices["organisations"])
        if len(organisations) > ORGANISATION_CHOICES_LIMIT:
            self.fields["organisation"] = forms.CharField(
                label=_("Organisation"),
                required=False,
                max_length=200,
                help_text=_("A part of the name of an organisation that takes part."),
            )
        else:
            self.fields["organisation"].choices = every + organisations
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})


class CollaborationForm(forms.ModelForm):
    """The description of a collaboration: who edits it sees the same fields."""

    class Meta:
        model = Collaboration
        formfield_callback = bounded_formfield
        fields = [
            "title",
            "description",
            "kind",
            "status",
            "starts_on",
            "ends_on",
            "mapping_year",
            "areas",
            "districts",
            "results",
            "is_public",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "areas": Checkboxes,
            "districts": Checkboxes,
        }
        help_texts = {
            "results": _("What the collaboration has achieved so far, or achieved."),
            "mapping_year": _("The year the collaboration was first recorded in the mapping."),
            "ends_on": _("The planned or actual last day. An ended collaboration needs it."),
        }

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = PriorityArea.objects.filter(agreement=agreement).order_by(
            "position", "title"
        )
        self.fields["districts"].queryset = District.objects.order_by(
            Collate("name", SWEDISH_COLLATION)
        )
        self.fields["mapping_year"].widget.attrs.update({"min": 2000, "max": 2100})
        if self.instance.pk is None:
            self.initial.setdefault("mapping_year", timezone.localdate().year)

    def _post_clean(self):
        # The service validates and saves; the form only parses.
        pass


class NewCollaborationForm(CollaborationForm):
    """A new collaboration with its lead party and, optionally, partners."""

    lead = forms.ModelChoiceField(
        label=_("Lead organisation"),
        queryset=Organisation.objects.none(),
        help_text=_("The organisation that leads the collaboration."),
    )
    partners = forms.ModelMultipleChoiceField(
        label=_("Partners"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=Checkboxes,
        help_text=_("More can be added later."),
    )

    field_order = ["title", "lead", "partners"]

    def __init__(self, *args, lead_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = lead_choices
        self.fields["partners"].queryset = _organisations()
        self.fields["partners"].widget.attrs["size"] = 8

    def parties(self) -> list[tuple]:
        lead = self.cleaned_data["lead"]
        partners = [o for o in self.cleaned_data.get("partners") or [] if o.pk != lead.pk]
        return [(lead, CollaborationParty.Role.LEAD)] + [
            (o, CollaborationParty.Role.PARTNER) for o in partners
        ]

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("lead")
        data.pop("partners", None)
        return {**data, "parties": self.parties()}


class PartyForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=CollaborationParty.Role.choices, initial="partner"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisations()


class EndForm(forms.Form):
    ends_on = forms.DateField(label=_("Last day"), widget=DateInput())
    results = forms.CharField(
        label=_("Results"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "What the collaboration achieved. Leave empty to keep the results as they are."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ends_on"].initial = timezone.localdate()


class IopForm(forms.ModelForm):
    class Meta:
        model = IopAgreement
        formfield_callback = bounded_formfield
        fields = ["purpose", "starts_on", "ends_on", "value", "internal_note"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 4}),
            "internal_note": forms.Textarea(attrs={"rows": 3}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["value"].widget.attrs.update({"step": "0.01", "min": "0"})
        if self.instance.pk and self.instance.is_signed:
            for name in ("purpose", "starts_on", "ends_on", "value"):
                self.fields[name].disabled = True

    def _post_clean(self):
        pass


class ConditionForm(forms.Form):
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("How the condition was checked, e.g. a legal assessment or a decision."),
    )


class SignForm(forms.Form):
    signed_on = forms.DateField(label=_("Signed on"), widget=DateInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signed_on"].initial = timezone.localdate()


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), required=False, max_length=200)
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = files.accepted_text()
        self.fields["file"].widget.attrs["accept"] = files.ACCEPT_ATTRIBUTE


class FollowUpForm(forms.Form):
    followed_up_on = forms.DateField(label=_("Date"), widget=DateInput())
    text = forms.CharField(
        label=_("Follow-up"), max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["followed_up_on"].initial = timezone.localdate()
