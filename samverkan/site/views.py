"""The pages that assemble what several apps contribute: the start page, My pages and the
section links of the primary agreement. They sit above the domain apps, which register their
blocks in samverkan/core/registry.py without knowing this module."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from samverkan.accounts.roles import is_coordinator
from samverkan.actors.selectors import role_labels
from samverkan.agreements.selectors import primary_agreement
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
        {
            "agreement": agreement,
            "blocks": START_PAGE.sections(agreement, request.user) if agreement else [],
        },
    )


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
    them (samverkan/core/registry.py), in a fixed number of queries."""
    user = request.user
    viewer = Viewer(user=user, is_coordinator=is_coordinator(user), agreement=primary_agreement())
    return render(
        request,
        "site/dashboard.html",
        {"roles": role_labels(user), "viewer": viewer, "blocks": DASHBOARD.sections(viewer)},
    )
