"""Forms parse input; the services hold the rules (sector, overlap, dates), so none is written
twice."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import Organisation, Sector
from samverkan.areas.models import HostSide, Phase, PriorityArea, SustainabilityGoal
from samverkan.core.bounds import bounded_formfield
from samverkan.core.forms import Checkboxes


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class AreaForm(forms.ModelForm):
    """A coordinator's form: every field of an area."""

    class Meta:
        model = PriorityArea
        formfield_callback = bounded_formfield
        fields = ["title", "summary", "description", "goals", "started_on", "ended_on", "position"]
        widgets = {
            "summary": forms.TextInput(),
            "description": forms.Textarea(attrs={"rows": 10}),
            "goals": Checkboxes,
            "started_on": DateInput(),
            "ended_on": DateInput(),
        }
        help_texts = {
            "summary": _("One sentence shown in the list of areas."),
            "goals": _("The goals of Agenda 2030 the area works towards."),
            "started_on": _("When the work on the area began; the plan counts four years."),
            "position": _("Where the area comes in the list; empty puts a new area last."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goals"].queryset = SustainabilityGoal.objects.order_by("number")
        if "position" in self.fields:
            self.fields["position"].required = False
            if self.instance.pk is None:
                self.initial["position"] = None
        if self.instance.pk is None:
            # A new area runs; it is ended later, on its own page's form.
            self.fields.pop("ended_on", None)

    def _post_clean(self):
        # The service validates and saves; the form only parses.
        pass


class HostAreaForm(AreaForm):
    """The hosts' form: the texts and goals, not the title, start or order."""

    class Meta(AreaForm.Meta):
        fields = ["summary", "description", "goals"]


class PhaseChangeForm(forms.Form):
    phase = forms.TypedChoiceField(label=_("New phase"), choices=Phase.choices, coerce=int)
    changed_on = forms.DateField(label=_("Date of the change"), widget=DateInput())
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the area moves on, what was done, what comes next."),
    )

    def __init__(self, *args, area: PriorityArea, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["changed_on"].initial = timezone.localdate()
        following = min(area.phase + 1, Phase.EVALUATION)
        self.fields["phase"].initial = following


class HostingForm(forms.Form):
    """Appoint a host. The organisation list is grouped by sector; the service checks that the
    organisation fits the side, so a mistake gets the rule's own message."""

    side = forms.ChoiceField(label=_("Side"), choices=HostSide.choices)
    organisation = forms.TypedChoiceField(label=_("Organisation"), coerce=int)
    contact_email = forms.EmailField(
        label=_("Contact person's e-mail address"),
        required=False,
        help_text=_("The person must have an account on Samverkansytan."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    starts_on = forms.DateField(label=_("From"), widget=DateInput())
    ends_on = forms.DateField(
        label=_("Until"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty when the hosting agreement runs until further notice."),
    )
    agreement_reference = forms.CharField(
        label=_("Hosting agreement"),
        required=False,
        max_length=200,
        help_text=_("Diary number or title of the hosting agreement."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_on"].initial = timezone.localdate()
        groups = {Sector.CIVIL_SOCIETY: [], Sector.MUNICIPALITY: []}
        for pk, name, sector in (
            Organisation.objects.filter(sector__in=list(groups))
            .order_by("name")
            .values_list("pk", "name", "sector")
        ):
            groups[sector].append((pk, name))
        self.fields["organisation"].choices = [
            ("", _("Choose an organisation")),
            (Sector.CIVIL_SOCIETY.label, groups[Sector.CIVIL_SOCIETY]),
            (Sector.MUNICIPALITY.label, groups[Sector.MUNICIPALITY]),
        ]

    def clean_organisation(self):
        pk = self.cleaned_data["organisation"]
        organisation = Organisation.objects.filter(pk=pk).first()
        if organisation is None:
            raise forms.ValidationError(_("Choose an organisation from the list."))
        return organisation

    def clean_contact_email(self):
        email = self.cleaned_data["contact_email"].strip()
        if not email:
            return None
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(
                _("No one with this e-mail address has an account. Ask the person to register.")
            )
        return user

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        data["contact_person"] = data.pop("contact_email")
        return data


class EndHostingForm(forms.Form):
    ends_on = forms.DateField(
        label=_("Last day of the hosting"),
        widget=DateInput(),
        help_text=_("A new host for the side can start the day after."),
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ends_on"].initial = timezone.localdate()


class ProposalForm(forms.Form):
    year = forms.TypedChoiceField(label=_("For the year"), coerce=int)
    title = forms.CharField(label=_("Title"), max_length=300)
    motivation = forms.CharField(
        label=_("Motivation"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What should the agreement's work focus on, and why this year?"),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Priority areas"),
        queryset=PriorityArea.objects.none(),
        required=False,
        widget=Checkboxes,
    )

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        years = [this_year, this_year + 1, this_year + 2]
        self.fields["year"].choices = [(year, str(year)) for year in years]
        self.fields["year"].initial = this_year + 1
        self.fields["areas"].queryset = PriorityArea.objects.filter(agreement=agreement).order_by(
            "position", "title"
        )


class PrepareForm(forms.Form):
    note = forms.CharField(
        label=_("The coordinators' preparation"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the steering group should know before it decides."),
    )
