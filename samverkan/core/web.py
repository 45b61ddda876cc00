"""The one way a view changes something.

    @login_required
    def event_edit(request, agreement, slug):
        agreement = get_agreement(agreement)
        event = get_event(agreement, slug)
        check(permissions.can_manage_event(request.user, event), hide=not event.is_published)
        form = EventForm(request.POST or None, initial=EventForm.initial_of(event))
        if done := save_form(request, form, lambda data: services.update_event(
            event=event, by=request.user, **data), success=_("The changes have been saved.")):
            return done
        return render_form(request, "events/event_form.html", {"event": event, "form": form}, form)

Look the object up (404), check the right (`check`: 403 with the reason, or 404 where the object's
existence is private), validate the form, call the service, show an ApplicationError at its
field, redirect with a message. An invalid form answers 400 (`core.forms.render_form`). A
PermissionDeniedError from a service (the right changed between page and post) becomes the same
403 page through `core.middleware.ApplicationErrorMiddleware`.
"""

from collections.abc import Callable

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samverkan.core.exceptions import ApplicationError, PermissionDeniedError
from samverkan.core.forms import apply_error


def forbidden(request, reason: str) -> HttpResponse:
    """The 403 page with the reason of a permission check."""
    return render(request, "core/forbidden.html", {"reason": reason}, status=403)


def check(allowed_reason: tuple[bool, str], *, hide: bool = False, not_found: str = "") -> None:
    """Stop the view unless a permission check allows: a 403 page with its reason, or 404 when
    `hide` (the object's existence is private, e.g. a draft)."""
    allowed, reason = allowed_reason
    if allowed:
        return
    if hide:
        raise Http404(not_found or _("There is nothing at this address."))
    raise PermissionDeniedError(reason)


def _redirect(target, result):
    if callable(target):
        target = target(result)
    return redirect(target if target is not None else result)


def save_form(
    request,
    form,
    save: Callable[[dict], object],
    *,
    success,
    redirect_to=None,
    aliases: dict[str, str] | None = None,
) -> HttpResponse | None:
    """On a POST with a valid form, call `save(form.cleaned_data)` (a service call).

    Success: the message (`success`, or `success(result)` when it needs the result, e.g. the
    number a paragraph got) and a redirect to `redirect_to` (a URL, an object with
    get_absolute_url, or a callable given the service's result), else to the result itself.
    An ApplicationError lands on its field (`aliases` maps service → form field names) and None
    is returned: render the form again with `render_form`, which answers 400.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = save(form.cleaned_data)
    except PermissionDeniedError:
        raise
    except ApplicationError as error:
        apply_error(form, error, aliases=aliases)
        return None
    message = success(result) if callable(success) else success
    if message:
        messages.success(request, message)
    return _redirect(redirect_to, result)


def run_action(request, action: Callable[[], object], *, success, redirect_to) -> HttpResponse:
    """A POST without a form (publish, cancel, confirm): call the service, then redirect with
    its success message (or `success(result)`) or its refusal as an error message."""
    try:
        result = action()
    except PermissionDeniedError:
        raise
    except ApplicationError as error:
        messages.error(request, str(error.message))
        result = None
    else:
        message = success(result) if callable(success) else success
        if message:
            messages.success(request, message)
    return _redirect(redirect_to, result)
