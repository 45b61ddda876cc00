"""The pages of those who run an event: create, edit, publish, cancel; sessions and quotas;
participants and attendance; documentation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core.forms import render_form
from samverkan.core.uploads import serve_upload
from samverkan.core.web import check, run_action, save_form
from samverkan.events import permissions, selectors, services
from samverkan.events.forms import (
    CancelEventForm,
    DocumentForm,
    EventForm,
    QuotaForm,
    SessionForm,
)
from samverkan.events.models import EventDocument, EventSession, SeatQuota
from samverkan.events.views.common import get_event


def _managed(request, agreement, slug):
    """(agreement, event) when the person may manage the event: else 403 with the reason, or
    404 for a draft (whether it exists is not for others to know)."""
    agreement = get_agreement(agreement)
    event = get_event(agreement, slug)
    check(
        permissions.can_manage_event(request.user, event),
        hide=not event.is_published,
        not_found=_("There is no event at this address."),
    )
    return agreement, event


@login_required
def event_new(request, agreement):
    agreement = get_agreement(agreement)
    check(permissions.can_create_event(request.user))
    form = EventForm(request.POST or None, agreement=agreement)
    if done := save_form(
        request,
        form,
        lambda data: services.create_event(agreement=agreement, by=request.user, **data),
        success=_("The event is saved as a draft. Publish it when it is ready."),
    ):
        return done
    return render_form(
        request,
        "events/event_form.html",
        {"agreement": agreement, "event": None, "form": form},
        form,
    )


@login_required
def event_edit(request, agreement, slug):
    agreement, event = _managed(request, agreement, slug)
    form = EventForm(request.POST or None, agreement=agreement, initial=EventForm.initial_of(event))
    if done := save_form(
        request,
        form,
        lambda data: services.update_event(event=event, by=request.user, **data),
        success=_("The changes have been saved."),
    ):
        return done
    return render_form(
        request,
        "events/event_form.html",
        {"agreement": agreement, "event": event, "form": form},
        form,
    )


@login_required
@require_POST
def event_publish(request, agreement, slug):
    agreement, event = _managed(request, agreement, slug)
    publish = request.POST.get("publicera") != "0"
    return run_action(
        request,
        lambda: services.set_published(event=event, published=publish, by=request.user),
        success=_("The event is published.") if publish else _("The event is a draft again."),
        redirect_to=event,
    )


@login_required
def event_cancel(request, agreement, slug):
    """GET asks for confirmation (and a note); POST cancels the event."""
    agreement, event = _managed(request, agreement, slug)
    form = CancelEventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return run_action(
            request,
            lambda: services.cancel_event(event=event, by=request.user, **form.cleaned_data),
            success=_("The event is cancelled; those registered are told."),
            redirect_to=event,
        )
    return render_form(
        request,
        "events/event_cancel.html",
        {"agreement": agreement, "event": event, "form": form},
        form,
    )


@login_required
def session_new(request, agreement, slug):
    agreement, event = _managed(request, agreement, slug)
    form = SessionForm(request.POST or None, agreement=agreement)
    if done := save_form(
        request,
        form,
        lambda data: services.add_session(event=event, by=request.user, **data),
        success=_("The session has been added."),
        redirect_to=event,
    ):
        return done
    return render_form(
        request,
        "events/session_form.html",
        {"agreement": agreement, "event": event, "form": form},
        form,
    )


@login_required
def session_delete(request, agreement, slug, pk):
    agreement, event = _managed(request, agreement, slug)
    session = get_object_or_404(
        EventSession.objects.select_related("room__venue"), event=event, pk=pk
    )
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.remove_session(session=session, by=request.user),
            success=_("The session has been removed."),
            redirect_to=event,
        )
    return render(
        request,
        "events/session_delete.html",
        {"agreement": agreement, "event": event, "session": session},
    )


@login_required
def quota_new(request, agreement, slug):
    agreement, event = _managed(request, agreement, slug)
    form = QuotaForm(request.POST or None)
    if done := save_form(
        request,
        form,
        lambda data: services.add_quota(event=event, by=request.user, **data),
        success=_("The seats are reserved."),
        redirect_to=event,
    ):
        return done
    return render_form(
        request,
        "events/quota_form.html",
        {"agreement": agreement, "event": event, "form": form},
        form,
    )


@login_required
@require_POST
def quota_delete(request, agreement, slug, pk):
    agreement, event = _managed(request, agreement, slug)
    quota = get_object_or_404(SeatQuota, event=event, pk=pk)
    return run_action(
        request,
        lambda: services.remove_quota(quota=quota, by=request.user),
        success=_("The quota is removed; its seats are open to everyone."),
        redirect_to=event,
    )


@login_required
def participants(request, agreement, slug):
    """Who registered and who waits (personal data: organisers and coordinators only); once
    the event has begun, POST records who attended."""
    agreement, event = _managed(request, agreement, slug)
    if request.method == "POST":

        def save():
            count = services.mark_attendance(
                event=event, attended=request.POST.getlist("deltog"), by=request.user
            )
            messages.success(
                request, _("Attendance is saved: %(count)d attended.") % {"count": count}
            )

        return run_action(
            request,
            save,
            success="",
            redirect_to=reverse(
                "events:participants", kwargs={"agreement": agreement.slug, "slug": event.slug}
            ),
        )
    rows = selectors.participants(event)
    registered = [r for r in rows if r.status == "registered"]
    waiting = [r for r in rows if r.status == "waitlisted"]
    has_begun = timezone.now() >= event.starts_at
    return render(
        request,
        "events/participants.html",
        {
            "agreement": agreement,
            "event": event,
            "registered": registered,
            "registered_rows": _registered_rows(registered, has_begun=has_begun),
            "waiting": waiting,
            "waiting_rows": _waiting_rows(waiting),
            "has_begun": has_begun,
        },
    )


def _registered_rows(registered, *, has_begun: bool) -> str:
    """The participants table's rows as HTML, written here rather than by a template loop: a
    list has hundreds of rows, and the loop's dozen lookups and a blocktranslate per row were
    most of the page's time. format_html escapes every value as the templates' autoescape does."""
    general = _("General")
    attended_label = _("%(name)s attended")  # translated once, not per row
    rows = []
    for r in registered:
        attended = ""
        if has_begun:
            attended = format_html(
                '<td><input type="checkbox" name="deltog" value="{}" id="deltog-{}"{}>'
                '<label for="deltog-{}" class="visually-hidden">{}</label></td>',
                r.key,
                r.key,
                mark_safe(" checked") if r.attended else "",  # nosec B308
                r.key,
                attended_label % {"name": r.name},
            )
        rows.append(
            format_html(
                '\n      <tr data-registration="{}">\n        <th scope="row">{}</th>'
                "\n        <td>{}</td>\n        <td>{}</td>\n        <td>{}</td>"
                "\n        <td>{}</td>\n        {}\n      </tr>\n      ",
                r.key,
                r.name,
                r.email,
                r.organisation_label,
                r.sector_label,
                r.quota_name or general,
                attended,
            )
        )
    return mark_safe("".join(rows))  # noqa: S308  # nosec B703, B308: each row is format_html's


def _waiting_rows(waiting) -> str:
    """The waiting list's rows as HTML (see _registered_rows)."""
    return format_html_join(
        "",
        '<tr><td>{}</td><th scope="row">{}</th><td>{}</td><td>{}</td></tr>',
        ((localize(r.position), r.name, r.organisation_label, r.sector_label) for r in waiting),
    )


def _documents_url(event) -> str:
    return reverse(
        "events:documents", kwargs={"agreement": event.agreement.slug, "slug": event.slug}
    )


@login_required
def documents(request, agreement, slug):
    """The event's documentation, and a form to attach more."""
    agreement, event = _managed(request, agreement, slug)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if done := save_form(
        request,
        form,
        lambda data: services.attach_document(event=event, by=request.user, **data),
        success=_("The document is attached."),
        redirect_to=_documents_url(event),
    ):
        return done
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
    everyone; to a visitor who is not logged in, a document they may not see does not exist)."""
    agreement = get_agreement(agreement)
    event = get_event(agreement, slug)
    doc = get_object_or_404(EventDocument.objects.select_related("event"), event=event, pk=pk)
    check(
        permissions.can_view_document(request.user, doc),
        hide=not request.user.is_authenticated,
        not_found=_("There is no document at this address."),
    )
    return serve_upload(
        doc.file,
        content_type=doc.content_type,
        filename=doc.file.name.rsplit("/", 1)[-1].split("-", 1)[-1],
        missing=_("There is no document at this address."),
    )


@login_required
def document_delete(request, agreement, slug, pk):
    agreement, event = _managed(request, agreement, slug)
    doc = get_object_or_404(EventDocument, event=event, pk=pk)
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.remove_document(document=doc, by=request.user),
            success=_("The document is removed."),
            redirect_to=_documents_url(event),
        )
    return render(
        request,
        "events/document_delete.html",
        {"agreement": agreement, "event": event, "document": doc},
    )
