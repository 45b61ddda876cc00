"""The coordinators' forms: schedule a meeting, keep its minutes, adjust and publish them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from samverkan.agreements.selectors import get_agreement
from samverkan.core.forms import render_form
from samverkan.core.web import check, save_form
from samverkan.governance import permissions, selectors, services
from samverkan.governance.forms import (
    AdjustForm,
    AgendaItemForm,
    AttendanceForm,
    DecisionForm,
    MeetingForm,
    ParagraphForm,
    StatementForm,
)
from samverkan.governance.models import Body, Membership, MinutesParagraph
from samverkan.governance.views.common import get_meeting

# The services speak of a meeting's start; the forms ask for its date.
ALIASES = {"starts_at": "date"}


def _form_page(request, *, form, meeting=None, body, heading, intro="", submit):
    context = {
        "agreement": body.agreement,
        "body": body,
        "meeting": meeting,
        "form": form,
        "heading": heading,
        "intro": intro,
        "submit": submit,
        "cancel_url": meeting.get_absolute_url() if meeting else body.get_absolute_url(),
    }
    return render_form(request, "governance/form.html", context, form)


def _meeting_for_minutes(request, agreement, body, pk, right):
    """The meeting at this address (404), if `right` lets the person change it (403)."""
    meeting = get_meeting(get_agreement(agreement), body, pk)
    check(right(request.user, meeting))
    return meeting


@login_required
def meeting_new(request, agreement, body):
    body = get_object_or_404(
        Body.objects.select_related("agreement"), agreement=get_agreement(agreement), slug=body
    )
    check(permissions.can_schedule_meeting(request.user, body))
    form = MeetingForm(request.POST or None)
    if done := save_form(
        request,
        form,
        lambda data: services.schedule_meeting(
            body=body, starts_at=form.starts_at(), place=data["place"], by=request.user
        ),
        success=_("The meeting has been scheduled."),
        aliases=ALIASES,
    ):
        return done
    return _form_page(
        request, form=form, body=body, heading=_("New meeting"), submit=_("Schedule the meeting")
    )


@login_required
def agenda_item_new(request, agreement, body, pk):
    meeting = _meeting_for_minutes(request, agreement, body, pk, permissions.can_keep_minutes)
    steering = meeting.body.kind == Body.Kind.STEERING_GROUP
    proposals = selectors.prepared_proposals(meeting.body.agreement) if steering else None
    form = AgendaItemForm(request.POST or None, proposals=proposals)
    if done := save_form(
        request,
        form,
        lambda data: services.add_agenda_item(
            meeting=meeting,
            title=data["title"],
            description=data["description"],
            focus_proposal=data.get("focus_proposal"),
            by=request.user,
        ),
        success=_("The item has been added to the agenda."),
        redirect_to=meeting,
        aliases=ALIASES,
    ):
        return done
    return _form_page(
        request,
        form=form,
        meeting=meeting,
        body=meeting.body,
        heading=_("Add an agenda item"),
        submit=_("Add to the agenda"),
    )


@login_required
def attendance(request, agreement, body, pk):
    meeting = _meeting_for_minutes(request, agreement, body, pk, permissions.can_keep_minutes)
    memberships = selectors.memberships_on(meeting.body, selectors.meeting_day(meeting))
    present = meeting.attendances.filter(present=True).values_list("membership_id", flat=True)
    form = AttendanceForm(
        request.POST if request.method == "POST" else None,
        memberships=memberships,
        initial={"present": list(present)},
    )
    if done := save_form(
        request,
        form,
        lambda data: services.record_attendance(
            meeting=meeting, present=data["present"], by=request.user
        ),
        success=_("The attendance has been recorded."),
        redirect_to=meeting,
        aliases=ALIASES,
    ):
        return done
    return _form_page(
        request,
        form=form,
        meeting=meeting,
        body=meeting.body,
        heading=_("Attendance"),
        intro=_("Tick the members who took part in the meeting."),
        submit=_("Save the attendance"),
    )


@login_required
def paragraph_new(request, agreement, body, pk):
    meeting = _meeting_for_minutes(request, agreement, body, pk, permissions.can_keep_minutes)
    form = ParagraphForm(request.POST or None, agenda_items=meeting.agenda_items.all())

    def add(data):
        paragraph = services.add_paragraph(
            meeting=meeting,
            title=data["title"],
            text=data["text"],
            agenda_item=data["agenda_item"],
            by=request.user,
            **form.decision_kwargs(),
        )
        # The message names the number the paragraph was given.
        messages.success(request, _("§ %(number)d has been added.") % {"number": paragraph.number})
        return paragraph

    if done := save_form(request, form, add, success="", redirect_to=meeting, aliases=ALIASES):
        return done
    return _form_page(
        request,
        form=form,
        meeting=meeting,
        body=meeting.body,
        heading=_("Add a paragraph"),
        intro=_("The paragraph gets the next number of the body's minutes this year."),
        submit=_("Add the paragraph"),
    )


def _paragraph(meeting, paragraph_pk) -> MinutesParagraph:
    return get_object_or_404(
        MinutesParagraph.objects.select_related("agenda_item__focus_proposal"),
        meeting=meeting,
        pk=paragraph_pk,
    )


@login_required
def decision(request, agreement, body, pk, paragraph):
    meeting = _meeting_for_minutes(request, agreement, body, pk, permissions.can_record_decision)
    paragraph = _paragraph(meeting, paragraph)
    with_focus = bool(paragraph.agenda_item and paragraph.agenda_item.focus_proposal_id)
    form = DecisionForm(request.POST or None, with_focus=with_focus)
    if done := save_form(
        request,
        form,
        lambda data: services.record_decision(
            paragraph=paragraph, by=request.user, **form.decision_kwargs()
        ),
        success=_("The decision has been recorded."),
        redirect_to=meeting,
        aliases=ALIASES,
    ):
        return done
    return _form_page(
        request,
        form=form,
        meeting=meeting,
        body=meeting.body,
        heading=_("Decision in § %(number)d") % {"number": paragraph.number},
        intro=paragraph.title,
        submit=_("Record the decision"),
    )


@login_required
def statement_new(request, agreement, body, pk, paragraph):
    meeting = _meeting_for_minutes(request, agreement, body, pk, permissions.can_keep_minutes)
    paragraph = _paragraph(meeting, paragraph)
    present = Membership.objects.filter(
        pk__in=meeting.attendances.filter(present=True).values("membership_id")
    ).select_related("user", "organisation")
    form = StatementForm(request.POST or None, memberships=present)
    if done := save_form(
        request,
        form,
        lambda data: services.add_statement(paragraph=paragraph, by=request.user, **data),
        success=_("The statement has been entered in the minutes."),
        redirect_to=meeting,
        aliases=ALIASES,
    ):
        return done
    return _form_page(
        request,
        form=form,
        meeting=meeting,
        body=meeting.body,
        heading=_("Statement to § %(number)d") % {"number": paragraph.number},
        intro=paragraph.title,
        submit=_("Enter the statement"),
    )


@login_required
def adjust(request, agreement, body, pk):
    """Adjust and publish the minutes in two steps: the form, then a confirmation that repeats
    the choices in hidden fields; only the confirmed POST calls the service."""
    meeting = _meeting_for_minutes(request, agreement, body, pk, permissions.can_adjust)
    present = (
        Membership.objects.filter(
            pk__in=meeting.attendances.filter(present=True).values("membership_id")
        )
        .select_related("user", "organisation")
        .order_by("user__last_name", "user__first_name")
    )
    form = AdjustForm(request.POST or None, memberships=present)
    confirmed = request.POST.get("confirmed") == "yes"
    if request.method == "POST" and form.is_valid() and not confirmed:
        return render(
            request,
            "governance/adjust_confirm.html",
            {
                "agreement": meeting.body.agreement,
                "body": meeting.body,
                "meeting": meeting,
                "form": form,
                "adjusters": form.cleaned_data["adjusters"],
            },
        )
    if done := save_form(
        request,
        form,
        lambda data: services.adjust_minutes(
            meeting=meeting,
            adjusters=[m.user for m in data["adjusters"]],
            adjusted_on=data["adjusted_on"],
            by=request.user,
        ),
        success=_("The minutes are checked and published."),
        redirect_to=meeting,
        aliases=ALIASES,
    ):
        return done
    return _form_page(
        request,
        form=form,
        meeting=meeting,
        body=meeting.body,
        heading=_("Check and publish the minutes"),
        intro=_(
            "Once checked, the minutes are published for everyone and can no longer be changed."
        ),
        submit=_("Continue"),
    )
