"""The public pages: bodies, a body, a meeting's minutes (and PDF), the decisions."""

import logging

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core.links import absolute_url
from samverkan.core.web import check
from samverkan.governance import permissions, selectors
from samverkan.governance.models import Body

DECISIONS_PAGE_SIZE = 20

# WeasyPrint logs every layout step at INFO; only its warnings belong in the server's log.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


@require_safe
def bodies(request, agreement):
    agreement = get_agreement(agreement)
    return render(
        request,
        "governance/bodies.html",
        {"agreement": agreement, "bodies": selectors.bodies_of(agreement)},
    )


@require_safe
def body(request, agreement, slug):
    agreement = get_agreement(agreement)
    body = get_object_or_404(
        Body.objects.select_related("agreement"), agreement=agreement, slug=slug
    )
    can_schedule = permissions.can_schedule_meeting(request.user, body)[0]
    # The body's members see its coming and unadjusted meetings too. Only the coordinators
    # schedule, so the answer above saves asking again whether this person is one.
    can_see_unpublished = permissions.can_see_unpublished_meetings(
        request.user, body, coordinator=can_schedule
    )[0]
    data = selectors.body_page_data(body, can_see_unpublished=can_see_unpublished)
    data["can_schedule"] = can_schedule
    return render(request, "governance/body.html", data)


def _visible_meeting(request, agreement, body_slug, pk):
    agreement = get_agreement(agreement)
    meeting = selectors.meeting_with_minutes(agreement, body_slug, pk)
    absent = _("There is no meeting at this address.")
    if meeting is None:
        raise Http404(absent)
    # Unpublished minutes are not anyone else's business: answer as if absent.
    check(permissions.can_view_meeting(request.user, meeting), hide=True, not_found=absent)
    return meeting


@require_safe
def meeting(request, agreement, body, pk):
    meeting = _visible_meeting(request, agreement, body, pk)
    can_keep_minutes = permissions.can_keep_minutes(request.user, meeting)[0]
    context = {
        "agreement": meeting.body.agreement,
        "body": meeting.body,
        "meeting": meeting,
        "can_edit": can_keep_minutes and not meeting.is_public,
    }
    return render(request, "governance/meeting.html", context)


@require_safe
def minutes_pdf(request, agreement, body, pk):
    """The minutes as a PDF, rendered from an HTML template with WeasyPrint."""
    from weasyprint import HTML

    meeting = _visible_meeting(request, agreement, body, pk)
    html = render_to_string(
        "governance/minutes_pdf.html",
        {"meeting": meeting, "body": meeting.body, "agreement": meeting.body.agreement},
        request=request,
    )
    pdf = HTML(string=html, base_url=absolute_url("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"protokoll-{meeting.body.slug}-{meeting.starts_at:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_safe
def decisions(request, agreement):
    agreement = get_agreement(agreement)
    paginator = Paginator(selectors.published_decisions(agreement), DECISIONS_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("sida"))
    return render(request, "governance/decisions.html", {"agreement": agreement, "page": page})
