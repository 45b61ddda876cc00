"""The pages that assemble what several apps contribute: the start page, My pages and the
section links of the primary agreement. They sit above the domain apps, which register their
blocks in samverkan/core/registry.py without knowing this module."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.accounts.roles import is_coordinator
from samverkan.actors.selectors import role_labels
from samverkan.agreements.selectors import primary_agreement
from samverkan.core import notify
from samverkan.core.cache import cached_fragment, cached_value
from samverkan.core.pagination import counted_page
from samverkan.core.registry import DASHBOARD, START_PAGE, Viewer
from samverkan.site.sections import SECTIONS


@require_safe
def home(request):
    """The start page: what is on in the primary agreement, in the blocks the apps contribute
    (core/registry.py), and the way in for an association. The agreement's own text (vision,
    plan) is on its page, one click away."""
    agreement = primary_agreement()
    return render(
        request,
        "site/home.html",
        {"agreement": agreement, "blocks_html": start_blocks(agreement) if agreement else ""},
    )


def start_blocks(agreement) -> str:
    """The start page's blocks, the same for every visitor: rendered for an anonymous one,
    without the request (so without the person, the session or a CSRF token), and kept as a
    fragment under the generations of the tables they read (core.cache.cached_fragment), so a
    logged-in visitor does not render them again; a write to their data shows at once. Kept
    per agreement, day (what is "soon" and "days left") and time zone."""

    def render_blocks() -> str:
        blocks = START_PAGE.sections(agreement, AnonymousUser())
        return render_to_string("site/_start_blocks.html", {"blocks": blocks})

    parts = [agreement.pk, timezone.localdate(), timezone.get_current_timezone_name()]
    return cached_fragment("start-blocks", parts, render_blocks, depends_on=[agreement])


@require_safe
def section(request, section: str):
    """/omraden/, /styrning/ …: the section of the primary agreement (the menu's short links)."""
    agreement = primary_agreement()
    if section not in SECTIONS or agreement is None:
        raise Http404
    return redirect(SECTIONS[section], agreement=agreement.slug)


@require_safe
@login_required
def dashboard(request):
    """My pages: the person's roles, and each app's block of what they have and what waits for
    them (samverkan/core/registry.py), in a fixed number of queries. The coordinators' work
    queues are the same for every coordinator and are rendered once for them all."""
    user = request.user
    viewer = Viewer(user=user, is_coordinator=is_coordinator(user), agreement=primary_agreement())
    shared = coordinator_blocks(viewer.agreement) if viewer.is_coordinator else {}
    blocks = []
    for section in DASHBOARD:
        if section.template in shared:
            block = shared[section.template]
            if block is not None:
                html = mark_safe(block["html"])  # nosec B703, B308  # noqa: S308 - our templates'
                blocks.append({**block, "html": html})
            continue
        context = section.context(viewer)
        if context is not None:
            blocks.append({"template": section.template, **context})
    return render(
        request,
        "site/dashboard.html",
        {"roles": role_labels(user), "viewer": viewer, "blocks": blocks},
    )


def coordinator_blocks(agreement) -> dict[str, dict | None]:
    """The blocks of My pages marked `same_for_every_coordinator`, by template: the heading, the
    count and the rendered HTML of each, or None for one that has nothing to show. Rendered for
    a coordinator who is nobody in particular, without the request, and kept under the
    generations of the tables they read (core.cache.cached_value), per agreement and day."""
    if agreement is None:
        return {}
    sections = [s for s in DASHBOARD if getattr(s.context, "same_for_every_coordinator", False)]
    anyone = Viewer(user=AnonymousUser(), is_coordinator=True, agreement=agreement)

    def render_blocks() -> dict[str, dict | None]:
        rendered = {}
        for section in sections:
            context = section.context(anyone)
            if context is None:
                rendered[section.template] = None
                continue
            block = {"template": section.template, **context}
            html = render_to_string(section.template, {"section": block, "viewer": anyone})
            rendered[section.template] = {
                "template": section.template,
                "key": block["key"],
                "heading": str(block["heading"]),
                "total": block.get("total"),
                "html": str(html),
            }
        return rendered

    parts = [agreement.pk, timezone.localdate(), timezone.get_current_timezone_name()]
    return cached_value("dashboard-coordinators", parts, render_blocks, depends_on=[agreement])


NOTIFICATIONS_PAGE_SIZE = 20


@require_safe
@login_required
def notifications(request):
    """Notices: what concerns the person (core/notify.py notify_person), newest first, the
    unread ones marked, each leading to what it is about."""
    page = counted_page(
        notify.notifications_of(request.user), NOTIFICATIONS_PAGE_SIZE, request.GET.get("sida")
    )
    language = translation.get_language()
    for notification in page.object_list:
        notification.shown_title = notification.title_in(language)
    return render(request, "site/notifications.html", {"page": page})


@require_POST
@login_required
def notification_read(request, pk: int):
    """Mark one of the person's notifications as read; another person's answers 404."""
    if not notify.mark_read(user=request.user, pk=pk):
        raise Http404
    messages.success(request, _("The notification was marked as read."))
    return redirect("site:notifications")


@require_POST
@login_required
def notifications_read_all(request):
    """Mark all of the person's notifications as read."""
    notify.mark_all_read(user=request.user)
    messages.success(request, _("All notifications were marked as read."))
    return redirect("site:notifications")
