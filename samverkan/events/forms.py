"""Forms parse input; the services hold the rules (place, seats, window, quotas)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import District, Organisation
from samverkan.areas.models import FocusArea, PriorityArea
from samverkan.core.bounds import MAX_INTEGER
from samverkan.core.forms import Checkboxes, QuickSelect
from samverkan.events.models import (
    EventDocument,
    EventKind,
    ParticipantSector,
    PlaceKind,
    Registration,
)
from samverkan.venues.models import Room


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


def _datetime(label, *, required=True, help_text=""):
    return forms.DateTimeField(
        label=label,
        required=required,
        help_text=help_text,
        widget=DateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )


SECTOR_CHOICES = [("", _("Choose a sector")), *ParticipantSector.choices]


def _last_used(user, organisations) -> int | None:
    """The organisation among `organisations` that `user` last registered for an event from."""
    return (
        Registration.objects.filter(user=user, organisation__in=organisations)
        .order_by("-created_at", "-pk")
        .values_list("organisation_id", flat=True)
        .first()
    )


class RegistrationForm(forms.Form):
    """Where the person comes from: an organisation they represent, or a name and a sector."""

    organisation = forms.ModelChoiceField(
        label=_("I come from"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Another organisation, or none"),
        help_text=_("The organisations you represent. Their sector is counted for you."),
        # Options written in Python (core.forms.QuickSelect): the form is on every logged-in
        # visitor's event page, which the page cache does not serve.
        widget=QuickSelect,
    )
    organisation_name = forms.CharField(
        label=_("Other organisation"),
        required=False,
        max_length=200,
        help_text=_("If you come from an organisation that is not in the list."),
    )
    sector = forms.ChoiceField(
        label=_("Sector"),
        choices=SECTOR_CHOICES,
        required=False,
        help_text=_("Needed when you do not choose an organisation you represent."),
        widget=QuickSelect,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        represented = Organisation.objects.filter(
            representations__user=user, representations__status="confirmed"
        ).order_by("name")
        self.fields["organisation"].queryset = represented
        represented = list(represented)
        if not represented:
            del self.fields["organisation"]
        elif "organisation" not in self.initial:
            # Most people register for the organisation they represent: offer it from the
            # start (the one they came from last time, else the first by name), so that the
            # form as shown can be sent; "another organisation, or none" stays one choice away.
            self.initial["organisation"] = _last_used(user, represented) or represented[0].pk

    def clean(self):
        data = super().clean()
        if not data.get("organisation") and not data.get("sector"):
            self.add_error("sector", _("Choose the sector you come from."))
        return data

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "organisation": data.get("organisation"),
            "organisation_name": data.get("organisation_name", ""),
            "sector": data.get("sector", ""),
        }


class PlaceFields(forms.Form):
    place_kind = forms.ChoiceField(
        label=_("Where"), choices=PlaceKind.choices, widget=forms.RadioSelect
    )
    room = forms.ModelChoiceField(
        label=_("Room"),
        queryset=Room.objects.none(),
        required=False,
        help_text=_("When the event is in a room of the association centre."),
    )
    address = forms.CharField(
        label=_("Address"),
        required=False,
        max_length=300,
        help_text=_("When the event is somewhere else."),
    )
    online_url = forms.URLField(
        label=_("Link to the online meeting"),
        required=False,
        assume_scheme="https",
        help_text=_("When the event is online."),
    )

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = Room.objects.filter(
            venue__agreement=agreement
        ).select_related("venue")


class EventForm(PlaceFields):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=300,
        help_text=_("One sentence shown in the calendar."),
    )
    text = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Plain text; an empty line starts a new paragraph."),
    )
    theme = forms.CharField(
        label=_("Theme"),
        required=False,
        max_length=200,
        help_text=_("What the event is about, in a few words, for the annual report."),
    )
    organisers = forms.ModelMultipleChoiceField(
        label=_("Organisers"),
        queryset=Organisation.objects.none(),
        widget=Checkboxes,
        help_text=_("At least one of them an organisation you represent."),
    )
    areas = forms.ModelMultipleChoiceField(
        label=_("Priority areas"),
        queryset=PriorityArea.objects.none(),
        required=False,
        widget=Checkboxes,
    )
    focus_area = forms.ModelChoiceField(
        label=_("Focus area"), queryset=FocusArea.objects.none(), required=False
    )
    districts = forms.ModelMultipleChoiceField(
        label=_("Districts"),
        queryset=District.objects.none(),
        required=False,
        widget=Checkboxes,
    )
    starts_at = _datetime(_("Starts"))
    ends_at = _datetime(_("Ends"))
    capacity = forms.IntegerField(
        label=_("Seats"),
        required=False,
        min_value=1,
        max_value=MAX_INTEGER,
        help_text=_("Empty: no limit."),
    )
    registration_opens_at = _datetime(
        _("Registration opens"), required=False, help_text=_("Empty: when it is published.")
    )
    registration_closes_at = _datetime(
        _("Registration closes"), required=False, help_text=_("Empty: when the event starts.")
    )

    field_order = [
        "kind",
        "title",
        "summary",
        "text",
        "theme",
        "organisers",
        "areas",
        "focus_area",
        "districts",
        "starts_at",
        "ends_at",
        "place_kind",
        "room",
        "address",
        "online_url",
        "capacity",
        "registration_opens_at",
        "registration_closes_at",
    ]

    def __init__(self, *args, agreement, user=None, **kwargs):
        super().__init__(*args, agreement=agreement, **kwargs)
        self.fields["organisers"].queryset = Organisation.objects.order_by("name")
        self.fields["areas"].queryset = PriorityArea.objects.filter(agreement=agreement).order_by(
            "position"
        )
        self.fields["focus_area"].queryset = FocusArea.objects.filter(agreement=agreement)
        self.fields["focus_area"].label_from_instance = lambda f: f"{f.year}: {f.title}"
        self.fields["districts"].queryset = District.objects.order_by("name")

    @classmethod
    def initial_of(cls, event) -> dict:
        from django.utils import timezone

        initial = {
            name: getattr(event, name)
            for name in (
                "kind",
                "title",
                "summary",
                "text",
                "theme",
                "focus_area",
                "place_kind",
                "room",
                "address",
                "online_url",
                "capacity",
            )
        }
        for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
            value = getattr(event, name)
            initial[name] = timezone.localtime(value) if value else None
        initial["organisers"] = list(event.organisers.all())
        initial["areas"] = list(event.areas.all())
        initial["districts"] = list(event.districts.all())
        return initial


class SessionForm(PlaceFields):
    title = forms.CharField(label=_("Title"), required=False, max_length=200)
    starts_at = _datetime(_("Starts"))
    ends_at = _datetime(_("Ends"))

    field_order = ["title", "starts_at", "ends_at", "place_kind", "room", "address", "online_url"]


class QuotaForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, help_text=_("E.g. Seats via Malmöandan.")
    )
    seats = forms.IntegerField(label=_("Seats"), min_value=1, max_value=MAX_INTEGER)
    sectors = forms.MultipleChoiceField(
        label=_("For people of the sectors"),
        choices=ParticipantSector.choices,
        required=False,
        widget=Checkboxes,
    )
    organisations = forms.ModelMultipleChoiceField(
        label=_("For people of the organisations"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        widget=Checkboxes,
    )


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=EventDocument.Kind.choices)
    title = forms.CharField(label=_("Title"), required=False, max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word, OpenDocument, PowerPoint, JPEG, PNG or WebP; at most 10 MB."),
    )
    is_public = forms.BooleanField(
        label=_("Show it to everyone on the event's page"), required=False, initial=True
    )


class CancelEventForm(forms.Form):
    note = forms.CharField(
        label=_("Why the event is cancelled"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to everyone registered and shown on the event's page."),
    )


class FiguresFilterForm(forms.Form):
    """The search of the figures page's event-by-event table: words of the title, a kind."""

    sok = forms.CharField(label=_("Search in the titles"), required=False, max_length=200)
    typ = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *EventKind.choices]
    )
