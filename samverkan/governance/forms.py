"""The coordinators' forms for meetings and minutes. The services hold the rules; the forms
only parse what is typed."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.core.bounds import MAX_SMALL_INTEGER
from samverkan.core.forms import Checkboxes
from samverkan.governance.models import MinutesParagraph, Statement


def person_label(membership) -> str:
    name = membership.user.get_full_name() or _("Name not given")
    if membership.organisation_id:
        return f"{name} ({membership.organisation.name})"
    return str(name)


class MembershipChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)


class OneMembershipChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_label(obj)


class MeetingForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(
        label=_("Time"),
        initial=datetime.time(13, 0),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)

    def starts_at(self) -> datetime.datetime:
        return timezone.make_aware(
            datetime.datetime.combine(self.cleaned_data["date"], self.cleaned_data["time"])
        )


class AgendaItemForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("May be left empty when a focus area proposal is chosen."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    focus_proposal = forms.ModelChoiceField(
        label=_("Focus area proposal"),
        queryset=None,
        required=False,
        empty_label=_("None"),
        help_text=_("A proposal the coordinators have prepared for the steering group."),
    )

    def __init__(self, *args, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        if proposals is None:
            del self.fields["focus_proposal"]
        else:
            self.fields["focus_proposal"].queryset = proposals
            self.fields["focus_proposal"].label_from_instance = lambda p: f"{p.year}: {p.title}"


class AttendanceForm(forms.Form):
    present = MembershipChoiceField(
        label=_("Present"),
        queryset=None,
        required=False,
        widget=Checkboxes,
    )

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = memberships


YES_NO = [("yes", _("Yes, adopted")), ("no", _("No, not adopted"))]


class DecisionForm(forms.Form):
    decision = forms.CharField(
        label=_("Decision"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    method = forms.ChoiceField(
        label=_("How it was decided"),
        choices=[
            (MinutesParagraph.Method.CONSENSUS, MinutesParagraph.Method.CONSENSUS.label),
            (MinutesParagraph.Method.VOTE, MinutesParagraph.Method.VOTE.label),
        ],
        widget=forms.RadioSelect,
        initial=MinutesParagraph.Method.CONSENSUS,
    )
    votes_for = forms.IntegerField(
        label=_("Votes for"), min_value=0, max_value=MAX_SMALL_INTEGER, required=False
    )
    votes_against = forms.IntegerField(
        label=_("Votes against"), min_value=0, max_value=MAX_SMALL_INTEGER, required=False
    )
    focus_area_adopted = forms.ChoiceField(
        label=_("Did the steering group adopt the focus area proposal?"),
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, with_focus: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_focus:
            del self.fields["focus_area_adopted"]

    def decision_kwargs(self) -> dict:
        data = self.cleaned_data
        adopted = data.get("focus_area_adopted")
        return {
            "decision": data.get("decision", ""),
            "method": data["method"],
            "votes_for": data.get("votes_for"),
            "votes_against": data.get("votes_against"),
            "focus_area_adopted": None if not adopted else adopted == "yes",
        }


class ParagraphForm(DecisionForm):
    """A paragraph, with a decision unless it only notes something."""

    field_order = ["agenda_item", "title", "text", "method", "decision"]

    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("May be left empty when an agenda item is chosen."),
    )
    text = forms.CharField(
        label=_("Text of the minutes"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"), queryset=None, required=False, empty_label=_("None")
    )

    def __init__(self, *args, agenda_items, **kwargs):
        super().__init__(*args, with_focus=True, **kwargs)
        self.fields["agenda_item"].queryset = agenda_items
        self.fields["method"].choices = [
            (MinutesParagraph.Method.NOTED, MinutesParagraph.Method.NOTED.label),
            *self.fields["method"].choices,
        ]
        self.fields["method"].initial = MinutesParagraph.Method.NOTED
        self.fields["focus_area_adopted"].help_text = _(
            "Only when the agenda item is a focus area proposal."
        )


class StatementForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), choices=Statement.Kind.choices, widget=forms.RadioSelect
    )
    membership = OneMembershipChoiceField(label=_("By"), queryset=None)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = memberships


class AdjustForm(forms.Form):
    adjusters = MembershipChoiceField(
        label=_("Minutes checkers"),
        queryset=None,
        widget=Checkboxes,
        help_text=_("Chosen among the members present at the meeting."),
    )
    adjusted_on = forms.DateField(
        label=_("Checked on"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adjusters"].queryset = memberships
        self.fields["adjusted_on"].initial = timezone.localdate()
