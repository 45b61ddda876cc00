"""Forms parse input; the services hold the rules (who posts, dates, areas), so none is written
twice."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.accounts.roles import is_coordinator
from samverkan.actors.models import District
from samverkan.areas.models import PriorityArea
from samverkan.core.forms import Checkboxes
from samverkan.matching.models import Posting
from samverkan.matching.permissions import organisations_to_post_for


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class PostingFilterForm(forms.Form):
    """Search and filters of the lists; every field optional, bad values ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    direction = forms.ChoiceField(
        label=_("Need or offer"),
        required=False,
        choices=[("", _("Both")), *list(Posting.Direction.choices)],
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All")), *list(Posting.Kind.choices)]
    )
    area = forms.ModelChoiceField(
        label=_("Priority area"),
        required=False,
        queryset=PriorityArea.objects.none(),
        empty_label=_("All"),
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        required=False,
        queryset=District.objects.all(),
        empty_label=_("All"),
        to_field_name="slug",
    )
    all = forms.BooleanField(label=_("Also withdrawn, closed and expired"), required=False)

    def __init__(self, *args, agreement, fixed_direction: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = PriorityArea.objects.filter(agreement=agreement)
        self.fields["area"].to_field_name = "slug"
        self.fields["q"].widget.attrs.update({"type": "search", "autocomplete": "off"})
        if fixed_direction:
            del self.fields["direction"]

    def filters(self) -> dict:
        data = {}
        if self.is_bound:
            self.is_valid()
            data = self.cleaned_data
        return {
            "q": (data.get("q") or "").strip(),
            "direction": data.get("direction") or "",
            "kind": data.get("kind") or "",
            "area": data.get("area"),
            "district": data.get("district"),
            "include_closed": bool(data.get("all")),
        }


class PostingForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    direction = forms.ChoiceField(
        label=_("Need or offer"), choices=Posting.Direction.choices, widget=forms.RadioSelect
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Posting.Kind.choices)
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("In a few words: what is needed or offered."),
    )
    text = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Describe it in Swedish: what, for whom, where and when. The words are used to find "
            "matching needs and offers."
        ),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Priority areas"),
        queryset=PriorityArea.objects.none(),
        required=False,
        widget=Checkboxes,
    )
    districts = forms.ModelMultipleChoiceField(
        label=_("Districts"),
        queryset=District.objects.all(),
        required=False,
        help_text=_("Leave empty if it concerns all of the city."),
        widget=Checkboxes,
    )
    valid_until = forms.DateField(
        label=_("Valid until"),
        required=False,
        widget=DateInput(),
        help_text=_("The last day the posting is shown and suggested; empty for no end."),
    )

    def __init__(self, *args, agreement, user, posting=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = PriorityArea.objects.filter(agreement=agreement)
        if posting is None:
            self.fields["organisation"].queryset = organisations_to_post_for(user).order_by("name")
            if not is_coordinator(user):
                # A person posts for an organisation they represent: the first one is chosen
                # from the start, and there is no blank choice that would only fail.
                self.fields["organisation"].empty_label = None
        else:
            del self.fields["organisation"]
            self.initial.update(
                {
                    "direction": posting.direction,
                    "kind": posting.kind,
                    "title": posting.title,
                    "text": posting.text,
                    "areas": list(posting.areas.all()),
                    "districts": list(posting.districts.all()),
                    "valid_until": posting.valid_until,
                }
            )
