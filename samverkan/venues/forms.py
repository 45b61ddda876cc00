"""Forms parse input; the services hold the rules (opening hours, overlaps, who may book)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import Organisation
from samverkan.core.uploads import CSV, TXT, UploadValidator

MAX_PURPOSE = 200


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs={"step": 900, **(attrs or {})}, format="%H:%M")


class _BookingFields(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=None,
        help_text=_("The organisation the room is booked for."),
    )
    starts_at = forms.TimeField(label=_("Starts"), widget=TimeInput())
    ends_at = forms.TimeField(label=_("Ends"), widget=TimeInput())
    purpose = forms.CharField(
        label=_("Purpose"),
        max_length=MAX_PURPOSE,
        help_text=_("What the room is for, e.g. board meeting or study circle."),
    )
    expected_participants = forms.IntegerField(
        label=_("Expected participants"), min_value=1, max_value=10_000
    )

    def __init__(self, *args, organisations=None, room=None, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        if organisations is None:  # a coordinator: any organisation
            field.queryset = Organisation.objects.order_by("name")
            field.empty_label = "—"
        else:
            field.queryset = organisations
            only = list(organisations[:2])
            if len(only) == 1:
                field.initial = only[0]
        if room is not None:
            self.fields["expected_participants"].help_text = _("The room has %(seats)s seats.") % {
                "seats": room.capacity
            }
            self.fields["expected_participants"].widget.attrs["max"] = room.capacity

    def clean(self):
        data = super().clean()
        starts, ends = data.get("starts_at"), data.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("A booking must end after it starts."))
        return data


class BookingForm(_BookingFields):
    date = forms.DateField(label=_("Date"), widget=DateInput())

    field_order = ["organisation", "date", "starts_at", "ends_at", "purpose"]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        day = data["date"]
        return {
            "organisation": data["organisation"],
            "starts_at": timezone.make_aware(datetime.datetime.combine(day, data["starts_at"])),
            "ends_at": timezone.make_aware(datetime.datetime.combine(day, data["ends_at"])),
            "purpose": data["purpose"],
            "expected_participants": data["expected_participants"],
        }


class SeriesForm(_BookingFields):
    first_date = forms.DateField(
        label=_("First date"),
        widget=DateInput(),
        help_text=_("The series repeats on this weekday every week."),
    )
    last_date = forms.DateField(label=_("Last date"), widget=DateInput())

    field_order = ["organisation", "first_date", "last_date", "starts_at", "ends_at", "purpose"]

    def service_arguments(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.fields}


class CancelForm(forms.Form):
    """The confirmation page's form: nothing to fill in, the button is the answer."""


class VisitorCountForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    visitors = forms.IntegerField(label=_("Visitors"), min_value=0, max_value=100_000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()


class VisitorImportForm(forms.Form):
    file = forms.FileField(
        label=_("File from the door counter"),
        validators=[UploadValidator(kinds=(CSV, TXT), max_bytes=1024 * 1024)],
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt"}),
        help_text=_(
            "A CSV file with one day a line: date;count, e.g. 2022-03-14;87. A header line is "
            "allowed. If any line is wrong, nothing is imported and every wrong line is listed."
        ),
    )


class YearForm(forms.Form):
    ar = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
