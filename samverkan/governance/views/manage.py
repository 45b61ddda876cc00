"""The coordinators' forms: schedule a meeting, keep its minutes, adjust and publish them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samverkan.core.exceptions import ApplicationError, PermissionDeniedError
from samverkan.core.forms import apply_error, render_form
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
from samverkan.governance.views.common import forbidden, get_agreement, get_meeting


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


def _run(form, service, **kwargs):
    """Call a service; a refusal is shown on the form and gives None."""
    try:
        return service(**kwargs)
    except PermissionDeniedError:
        raise
    except ApplicationError as error:
        # The services speak of a meeting's start; the form asks for its date.
        apply_error(form, error, aliases={"starts_at": "date"})
        return None


def _meeting_for_minutes(request, agreement, body, pk, check):
    meeting = get_meeting(get_agreement(agreement), body, pk)
    allowed, reason = check(request.user, meeting)
    return meeting, (None if allowed else forbidden(request, reason))


@login_required
def meeting_new(request, agreement, body):
    body = get_object_or_404(
        Body.objects.select_related("agreement"), agreement=get_agreement(agreement), slug=body
    )
    allowed, reason = permissions.can_schedule_meeting(request.user, body)
    if not allowed:
        return forbidden(request, reason)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = _run(
            form,
            services.schedule_meeting,
            body=body,
            starts_at=form.starts_at(),
            place=form.cleaned_data["place"],
            by=request.user,
        )
        if meeting is not None:
            messages.success(request, _("The meeting has been scheduled."))
            return redirect(meeting)
    return _form_page(
        request, form=form, body=body, heading=_("New meeting"), submit=_("Schedule the meeting")
    )


@login_required
def agenda_item_new(request, agreement, body, pk):
    meeting, refusal = _meeting_for_minutes(
        request, agreement, body, pk, permissions.can_keep_minutes
    )
    if refusal:
        return refusal
    steering = meeting.body.kind == Body.Kind.STEERING_GROUP
    proposals = selectors.prepared_proposals(meeting.body.agreement) if steering else None
    form = AgendaItemForm(request.POST or None, proposals=proposals)
    if request.method == "POST" and form.is_valid():
        item = _run(
            form,
            services.add_agenda_item,
            meeting=meeting,
            title=form.cleaned_data["title"],
            description=form.cleaned_data["description"],
            focus_proposal=form.cleaned_data.get("focus_proposal"),
            by=request.user,
        )
        if item is not None:
            messages.success(request, _("The item has been added to the agenda."))
            return redirect(meeting)
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
    meeting, refusal = _meeting_for_minutes(
        request, agreement, body, pk, permissions.can_keep_minutes
    )
    if refusal:
        return refusal
    memberships = selectors.memberships_on(meeting.body, selectors.meeting_day(meeting))
    present = meeting.attendances.filter(present=True).values_list("membership_id", flat=True)
    form = AttendanceForm(
        request.POST if request.method == "POST" else None,
        memberships=memberships,
        initial={"present": list(present)},
    )
    if request.method == "POST" and form.is_valid():
        rows = _run(
            form,
            services.record_attendance,
            meeting=meeting,
            present=form.cleaned_data["present"],
            by=request.user,
        )
        if rows is not None:
            messages.success(request, _("The attendance has been recorded."))
            return redirect(meeting)
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
    meeting, refusal = _meeting_for_minutes(
        request, agreement, body, pk, permissions.can_keep_minutes
    )
    if refusal:
        return refusal
    form = ParagraphForm(request.POST or None, agenda_items=meeting.agenda_items.all())
    if request.method == "POST" and form.is_valid():
        paragraph = _run(
            form,
            services.add_paragraph,
            meeting=meeting,
            title=form.cleaned_data["title"],
            text=form.cleaned_data["text"],
            agenda_item=form.cleaned_data["agenda_item"],
            by=request.user,
            **form.decision_kwargs(),
        )
        if paragraph is not None:
            messages.success(
                request, _("§ %(number)d has been added.") % {"number": paragraph.number}
            )
            return redirect(meeting)
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
    meeting, refusal = _meeting_for_minutes(
        request, agreement, body, pk, permissions.can_record_decision
    )
    if refusal:
        return refusal
    paragraph = _paragraph(meeting, paragraph)
    with_focus = bool(paragraph.agenda_item and paragraph.agenda_item.focus_proposal_id)
    form = DecisionForm(request.POST or None, with_focus=with_focus)
    if request.method == "POST" and form.is_valid():
        done = _run(
            form,
            services.record_decision,
            paragraph=paragraph,
            by=request.user,
            **form.decision_kwargs(),
        )
        if done is not None:
            messages.success(request, _("The decision has been recorded."))
            return redirect(meeting)
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
    meeting, refusal = _meeting_for_minutes(
        request, agreement, body, pk, permissions.can_keep_minutes
    )
    if refusal:
        return refusal
    paragraph = _paragraph(meeting, paragraph)
    present = Membership.objects.filter(
        pk__in=meeting.attendances.filter(present=True).values("membership_id")
    ).select_related("user", "organisation")
    form = StatementForm(request.POST or None, memberships=present)
    if request.method == "POST" and form.is_valid():
        statement = _run(
            form,
            services.add_statement,
            paragraph=paragraph,
            by=request.user,
            **form.cleaned_data,
        )
        if statement is not None:
            messages.success(request, _("The statement has been entered in the minutes."))
            return redirect(meeting)
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
    meeting, refusal = _meeting_for_minutes(request, agreement, body, pk, permissions.can_adjust)
    if refusal:
        return refusal
    present = (
        Membership.objects.filter(
            pk__in=meeting.attendances.filter(present=True).values("membership_id")
        )
        .select_related("user", "organisation")
        .order_by("user__last_name", "user__first_name")
    )
    form = AdjustForm(request.POST or None, memberships=present)
    if request.method == "POST" and form.is_valid():
        adjusters = [m.user for m in form.cleaned_data["adjusters"]]
        if request.POST.get("confirmed") == "yes":
            done = _run(
                form,
                services.adjust_minutes,
                meeting=meeting,
                adjusters=adjusters,
                adjusted_on=form.cleaned_data["adjusted_on"],
                by=request.user,
            )
            if done is not None:
                messages.success(request, _("The minutes are checked and published."))
                return redirect(meeting)
        else:
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
