"""The pages of those who run an event: create, edit, publish, cancel; sessions and quotas;
participants and attendance; documentation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.core.exceptions import ApplicationError, PermissionDeniedError
from samverkan.core.forms import apply_error, render_form
from samverkan.core.uploads import serve_upload
from samverkan.events import permissions, selectors, services
from samverkan.events.forms import (
    CancelEventForm,
    DocumentForm,
    EventForm,
    QuotaForm,
    SessionForm,
)
from samverkan.events.models import EventDocument, EventSession, SeatQuota
from samverkan.events.views.common import forbidden, get_agreement, get_event


def _managed(request, agreement, slug):
    """(agreement, event, None) or (…, a 403 response) when the person may not manage it."""
    agreement = get_agreement(agreement)
    event = get_event(agreement, slug)
    allowed, reason = permissions.can_manage_event(request.user, event)
    if not allowed:
        if not event.is_published:
            raise Http404(_("There is no event at this address."))
        return agreement, event, forbidden(request, reason)
    return agreement, event, None


@login_required
def event_new(request, agreement):
    agreement = get_agreement(agreement)
    allowed, reason = permissions.can_create_event(request.user)
    if not allowed:
        return forbidden(request, reason)
    form = EventForm(request.POST or None, agreement=agreement)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.create_event(agreement=agreement, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(
                request, _("The event is saved as a draft. Publish it when it is ready.")
            )
            return redirect(event)
    return render_form(
        request,
        "events/event_form.html",
        {"agreement": agreement, "event": None, "form": form},
        form,
    )


@login_required
def event_edit(request, agreement, slug):
    agreement, event, refusal = _managed(request, agreement, slug)
    if refusal:
        return refusal
    form = EventForm(request.POST or None, agreement=agreement, initial=EventForm.initial_of(event))
    if request.method == "POST" and form.is_valid():
        try:
            event = services.update_event(event=event, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(event)
    return render_form(
        request,
        "events/event_form.html",
        {"agreement": agreement, "event": event, "form": form},
        form,
    )


@login_required
@require_POST
def event_publish(request, agreement, slug):
    agreement, event, refusal = _managed(request, agreement, slug)
    if refusal:
        return refusal
    publish = request.POST.get("publicera") != "0"
    try:
        services.set_published(event=event, published=publish, by=request.user)
    except ApplicationError as error:
        messages.error(request, str(error.message))
    else:
        messages.success(
            request,
            _("The event is published.") if publish else _("The event is a draft again."),
        )
    return redirect(event)


@login_required
def event_cancel(request, agreement, slug):
    """GET asks for confirmation (and a note); POST cancels the event."""
    agreement, event, refusal = _managed(request, agreement, slug)
    if refusal:
        return refusal
    form = CancelEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cancel_event(event=event, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("The event is cancelled; those registered are told."))
        return redirect(event)
    return render_form(
        request,
        "events/event_cancel.html",
        {"agreement": agreement, "event": event, "form": form},
        form,
    )


@login_required
def session_new(request, agreement, slug):
    agreement, event, refusal = _managed(request, agreement, slug)
    if refusal:
        return refusal
    form = SessionForm(request.POST or None, agreement=agreement)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_session(event=event, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The session has been added."))
            return redirect(event)
    return render_form(
        request,
        "events/session_form.html",
        {"agreement": agreement, "event": event, "form": form},
        form,
    )


@login_required
def session_delete(request, agreement, slug, pk):
    agreement, event, refusal = _managed(request, agreement, slug)
    if refusal:
        return refusal
    session = get_object_or_404(
        EventSession.objects.select_related("room__venue"), event=event, pk=pk
    )
    if request.method == "POST":
        services.remove_session(session=session, by=request.user)
        messages.success(request, _("The session has been removed."))
        return redirect(event)
    return render(
        request,
        "events/session_delete.html",
        {"agreement": agreement, "event": event, "session": session},
    )


@login_required
def quota_new(request, agreement, slug):
    agreement, event, refusal = _managed(request, agreement, slug)
    if refusal:
        return refusal
    form = QuotaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_quota(event=event, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The seats are reserved."))
            return redirect(event)
    return render_form(
        request,
        "events/quota_form.html",
        {"agreement": agreement, "event": event, "form": form},
        form,
    )


@login_required
@require_POST
def quota_delete(request, agreement, slug, pk):
    agreement, event, refusal = _managed(request, agreement, slug)
    if refusal:
        return refusal
    quota = get_object_or_404(SeatQuota, event=event, pk=pk)
    services.remove_quota(quota=quota, by=request.user)
    messages.success(request, _("The quota is removed; its seats are open to everyone."))
    return redirect(event)


@login_required
def participants(request, agreement, slug):
    """Who registered and who waits (personal data: organisers and coordinators only); once
    the event has begun, POST records who attended."""
    agreement, event, refusal = _managed(request, agreement, slug)
    if refusal:
        return refusal
    if request.method == "POST":
        try:
            count = services.mark_attendance(
                event=event, attended=request.POST.getlist("deltog"), by=request.user
            )
        except PermissionDeniedError as error:
            return forbidden(request, str(error.message))
        except (ApplicationError, ValueError) as error:
            messages.error(request, str(getattr(error, "message", error)))
        else:
            messages.success(
                request, _("Attendance is saved: %(count)d attended.") % {"count": count}
            )
        return redirect("events:participants", agreement=agreement.slug, slug=event.slug)
    rows = selectors.participants(event)
    from django.utils import timezone

    return render(
        request,
        "events/participants.html",
        {
            "agreement": agreement,
            "event": event,
            "registered": [r for r in rows if r.status == "registered"],
            "waiting": [r for r in rows if r.status == "waitlisted"],
            "has_begun": timezone.now() >= event.starts_at,
        },
    )


@login_required
def documents(request, agreement, slug):
    """The event's documentation, and a form to attach more."""
    agreement, event, refusal = _managed(request, agreement, slug)
    if refusal:
        return refusal
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.attach_document(event=event, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The document is attached."))
            return redirect("events:documents", agreement=agreement.slug, slug=event.slug)
    return render_form(
        request,
        "events/documents.html",
        {
            "agreement": agreement,
            "event": event,
            "documents": list(event.documents.order_by("kind", "uploaded_at", "pk")),
            "form": form,
        },
        form,
    )


@require_safe
def document(request, agreement, slug, pk):
    """The file itself, to those who may see it (public documents of published events to
    everyone)."""
    agreement = get_agreement(agreement)
    event = get_event(agreement, slug)
    doc = get_object_or_404(EventDocument.objects.select_related("event"), event=event, pk=pk)
    allowed, reason = permissions.can_view_document(request.user, doc)
    if not allowed:
        if not request.user.is_authenticated:
            raise Http404(_("There is no document at this address."))
        return forbidden(request, reason)
    return serve_upload(
        doc.file,
        content_type=doc.content_type,
        filename=doc.file.name.rsplit("/", 1)[-1].split("-", 1)[-1],
        missing=_("There is no document at this address."),
    )


@login_required
def document_delete(request, agreement, slug, pk):
    agreement, event, refusal = _managed(request, agreement, slug)
    if refusal:
        return refusal
    doc = get_object_or_404(EventDocument, event=event, pk=pk)
    if request.method == "POST":
        services.remove_document(document=doc, by=request.user)
        messages.success(request, _("The document is removed."))
        return redirect("events:documents", agreement=agreement.slug, slug=event.slug)
    return render(
        request,
        "events/document_delete.html",
        {"agreement": agreement, "event": event, "document": doc},
    )
