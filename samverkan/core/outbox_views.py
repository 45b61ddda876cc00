"""The demo's outbox pages (/utkorg/): only when the outbox e-mail backend is configured."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from samverkan.core import outbox


def _require_outbox() -> None:
    # Production sends real e-mail: there the page does not exist.
    if not outbox.is_enabled():
        raise Http404


@require_safe
@never_cache
def outbox_list(request):
    _require_outbox()
    return render(request, "core/outbox_list.html", {"messages_sent": outbox.stored_messages()})


@require_safe
@never_cache
def outbox_message(request, message_id: str):
    _require_outbox()
    message = outbox.stored_message(message_id)
    if message is None:
        raise Http404
    return render(request, "core/outbox_message.html", {"message": message})
