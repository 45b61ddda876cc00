"""A person registers, cancels and sees their registrations and their calendar link."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core.exceptions import ApplicationError, ConflictError, PermissionDeniedError
from samverkan.core.forms import apply_error, render_form
from samverkan.core.links import absolute_url
from samverkan.core.web import check, run_action
from samverkan.events import permissions, selectors, services
from samverkan.events.forms import RegistrationForm
from samverkan.events.models import Registration
from samverkan.events.views.common import get_event


def _registered_message(registration: Registration) -> str:
    if registration.status == Registration.Status.REGISTERED:
        return _("You are registered for “%(title)s”.") % {"title": registration.event.title}
    return _(
        "The event is full: you are number %(position)d on the waiting list. You get an e-mail "
        "if a seat becomes free."
    ) % {"position": services.waitlist_position(registration)}


@login_required
def register(request, agreement, slug):
    """GET shows the form (where the person comes from); POST registers, or puts the person on
    the waiting list when the event is full."""
    agreement = get_agreement(agreement)
    event = get_event(agreement, slug)
    check(
        permissions.can_view_event(request.user, event),
        hide=True,
        not_found=_("There is no event at this address."),
    )
    form = RegistrationForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        # Not save_form: a refusal of the event (full, closed, already registered) goes back
        # to the event's page, one of the form (the organisation) stays at its field, and the
        # message of success depends on the seat given.
        try:
            registration = services.register(
                event=event, user=request.user, **form.service_arguments()
            )
        except PermissionDeniedError:
            raise  # the 403 page, as every refusal
        except ConflictError as error:
            messages.error(request, str(error.message))
            return redirect(event)
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _registered_message(registration))
            return redirect(event)
    data = selectors.event_page_data(agreement, slug, user=request.user)
    return render_form(
        request,
        "events/register.html",
        {**data, "form": form},
        form,
    )


@login_required
def cancel(request, agreement, slug):
    """GET asks for confirmation; POST cancels the person's own registration."""
    agreement = get_agreement(agreement)
    event = get_event(agreement, slug)
    registration = Registration.objects.active().filter(event=event, user=request.user).first()
    if registration is None:
        messages.error(request, _("You are not registered for this event."))
        return redirect(event)
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.cancel_registration(registration=registration, by=request.user),
            success=_("Your registration is cancelled."),
            redirect_to=event,
        )
    return render(
        request,
        "events/cancel_registration.html",
        {"agreement": agreement, "event": event, "registration": registration},
    )


@require_safe
@login_required
def mine(request, agreement):
    agreement = get_agreement(agreement)
    data = selectors.my_registrations(agreement, request.user)
    token = services.calendar_token_for(request.user)
    data["feed_url"] = absolute_url(
        reverse("events:personal_ics", kwargs={"agreement": agreement.slug, "token": token.token})
    )
    return render(request, "events/mine.html", data)


@login_required
@require_POST
def renew_calendar_link(request, agreement):
    agreement = get_agreement(agreement)
    return run_action(
        request,
        lambda: services.renew_calendar_token(user=request.user),
        success=_("Your calendar has a new address; the old one no longer works."),
        redirect_to=reverse("events:mine", kwargs={"agreement": agreement.slug}),
    )
