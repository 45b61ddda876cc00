from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import Organisation
from samverkan.areas.models import PriorityArea
from samverkan.core.bounds import bounded_formfield
from samverkan.plans.models import ActivityStatus, PlanActivity
from samverkan.plans.selectors import plan_years
from samverkan.plans.services import mandate_period_of


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class FollowUpYearForm(forms.Form):
    """The follow-up page's year; a value outside the plan is an error shown on the page."""

    ar = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ar"].choices = [(year, str(year)) for year in plan_years(plan)]


class ActivityForm(forms.ModelForm):
    """An activity of the plan; the plan's years are the choices of the planned year."""

    planned_year = forms.TypedChoiceField(label=_("Planned year"), coerce=int)

    class Meta:
        model = PlanActivity
        formfield_callback = bounded_formfield
        fields = [
            "title",
            "description",
            "planned_year",
            "responsible",
            "responsible_organisation",
            "area",
            "position",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["planned_year"].choices = [(year, str(year)) for year in plan_years(plan)]
        self.fields["responsible_organisation"].queryset = Organisation.objects.public().order_by(
            "name"
        )
        self.fields["area"].queryset = PriorityArea.objects.filter(
            agreement_id=plan.agreement_id
        ).order_by("position", "title")
        self.fields["position"].required = False
        self.fields["position"].help_text = _("Activities of a year are shown in this order.")

    def _post_clean(self):
        # The service validates the activity (and reports to the field): a rule is written once.
        pass


class StatusChangeForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=ActivityStatus.choices)
    changed_on = forms.DateField(
        label=_("Date"),
        widget=DateInput(),
        help_text=_("When the activity changed status; it may be in the past."),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("E.g. why the activity is delayed, or what was done."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["changed_on"].initial = timezone.localdate()


class RevisionForm(forms.Form):
    mandate_period = forms.CharField(
        label=_("Mandate period"),
        max_length=20,
        help_text=_("Four years following the elections, e.g. 2019–2022."),
    )
    revised_on = forms.DateField(label=_("Revised on"), widget=DateInput())
    summary = forms.CharField(
        label=_("What changed"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["revised_on"].initial = today
        self.fields["mandate_period"].initial = mandate_period_of(today)
