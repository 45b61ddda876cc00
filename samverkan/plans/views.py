"""The collaboration plan's pages: the plans, one plan, its follow-up, the coordinators' forms.

Every view gets the agreement's slug from the address (`overenskommelser/<agreement>/`); a plan
or activity of another agreement answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core.forms import render_form
from samverkan.core.web import check, save_form
from samverkan.plans import permissions, selectors, services
from samverkan.plans.forms import ActivityForm, FollowUpYearForm, RevisionForm, StatusChangeForm
from samverkan.plans.models import PlanActivity


@require_safe
def plan_list(request, agreement):
    agreement = get_agreement(agreement)
    return render(
        request,
        "plans/plan_list.html",
        {
            "agreement": agreement,
            "plans": list(selectors.plans_of(agreement)),
            "this_year": timezone.localdate().year,
        },
    )


@require_safe
def plan_detail(request, agreement, slug):
    plan = selectors.get_plan(agreement, slug)
    data = selectors.plan_page_data(plan)
    data["can_manage"] = permissions.can_manage_plan(request.user, plan)[0]
    return render(request, "plans/plan_detail.html", data)


@require_safe
def plan_follow_up(request, agreement, slug):
    plan = selectors.get_plan(agreement, slug)
    default_year = selectors.default_follow_up_year(plan, timezone.localdate())
    if "ar" in request.GET:
        form = FollowUpYearForm(request.GET, plan=plan)
        # An unknown year (an old link, a typo) shows the default year and says why.
        year = form.cleaned_data["ar"] if form.is_valid() else default_year
    else:
        form = FollowUpYearForm(initial={"ar": default_year}, plan=plan)
        year = default_year
    return render(
        request,
        "plans/follow_up.html",
        {
            "plan": plan,
            "agreement": plan.agreement,
            "form": form,
            "follow_up": selectors.follow_up(plan, year),
            "can_manage": permissions.can_manage_plan(request.user, plan)[0],
        },
    )


def _activity_data(data) -> dict:
    return {**data, "position": data.get("position") or 0}


@login_required
def activity_new(request, agreement, slug):
    plan = selectors.get_plan(agreement, slug)
    check(permissions.can_add_activity(request.user, plan))
    form = ActivityForm(request.POST or None, plan=plan, initial={"planned_year": plan.first_year})

    def add(data):
        activity = services.add_activity(plan=plan, by=request.user, **_activity_data(data))
        messages.success(
            request, _("The activity “%(title)s” was added.") % {"title": activity.title}
        )
        return activity

    if done := save_form(request, form, add, success="", redirect_to=plan):
        return done
    return render_form(
        request,
        "plans/activity_form.html",
        {"form": form, "plan": plan, "activity": None},
        form,
    )


def _activity(plan, pk) -> PlanActivity:
    activity = get_object_or_404(PlanActivity, plan=plan, pk=pk)
    activity.plan = plan
    return activity


@login_required
def activity_edit(request, agreement, slug, pk):
    plan = selectors.get_plan(agreement, slug)
    activity = _activity(plan, pk)
    check(permissions.can_edit_activity(request.user, activity))
    form = ActivityForm(request.POST or None, instance=activity, plan=plan)
    if done := save_form(
        request,
        form,
        lambda data: services.update_activity(
            activity=activity, by=request.user, **_activity_data(data)
        ),
        success=_("The changes have been saved."),
        redirect_to=plan,
    ):
        return done
    return render_form(
        request,
        "plans/activity_form.html",
        {"form": form, "plan": plan, "activity": activity},
        form,
    )


@login_required
def activity_status(request, agreement, slug, pk):
    plan = selectors.get_plan(agreement, slug)
    activity = _activity(plan, pk)
    check(permissions.can_change_status(request.user, activity))
    form = StatusChangeForm(request.POST or None)
    if done := save_form(
        request,
        form,
        lambda data: services.change_activity_status(activity=activity, by=request.user, **data),
        success=_("The status of “%(title)s” was changed.") % {"title": activity.title},
        redirect_to=reverse("plans:detail", args=[agreement, slug]) + f"#activity-{pk}",
    ):
        return done
    history = activity.status_changes.select_related("changed_by").order_by("-changed_on", "-pk")
    return render_form(
        request,
        "plans/activity_status.html",
        {"form": form, "plan": plan, "activity": activity, "history": history},
        form,
    )


@login_required
def revision_new(request, agreement, slug):
    plan = selectors.get_plan(agreement, slug)
    check(permissions.can_record_revision(request.user, plan))
    form = RevisionForm(request.POST or None)

    def record(data):
        revision = services.record_revision(plan=plan, by=request.user, **data)
        # The service writes the period as it is kept ("2019–2022"), whatever was typed.
        messages.success(
            request,
            _("The revision for the mandate period %(period)s was recorded.")
            % {"period": revision.mandate_period},
        )
        return revision

    if done := save_form(
        request,
        form,
        record,
        success="",
        redirect_to=reverse("plans:detail", args=[agreement, slug]) + "#revisions",
    ):
        return done
    revisions = plan.revisions.order_by("-revised_on", "-pk")
    return render_form(
        request,
        "plans/revision_form.html",
        {"form": form, "plan": plan, "revisions": revisions},
        form,
    )
