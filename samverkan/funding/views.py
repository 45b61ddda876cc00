"""Pages of funding calls, funders and the agreement's budget. Thin: parse, check, call, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.actors.models import District
from samverkan.agreements.selectors import get_agreement
from samverkan.areas.models import PriorityArea
from samverkan.core.forms import render_form
from samverkan.core.web import check, run_action, save_form
from samverkan.funding import permissions, selectors, services
from samverkan.funding.forms import CallFilterForm, CallForm, ExpenseForm, FunderForm, GrantForm
from samverkan.funding.models import MAX_YEAR, MIN_YEAR, Funder, FundingCall


def _call(agreement, slug) -> FundingCall:
    call = selectors.call_in(agreement, slug)
    if call is None:
        raise Http404(_("There is no funding call at this address."))
    return call


# ---------------------------------------------------------------------------------------------
# Calls
# ---------------------------------------------------------------------------------------------


@require_safe
def call_list(request, agreement):
    agreement = get_agreement(agreement)
    form = CallFilterForm(
        request.GET or None,
        areas=PriorityArea.objects.filter(agreement=agreement).order_by("position", "title"),
        districts=District.objects.order_by("name"),
    )
    data = {}
    if form.is_bound:
        form.is_valid()  # an unknown filter value is dropped, not an error page
        data = form.cleaned_data
    filters = selectors.CallFilters(
        q=(data.get("q") or "").strip(),
        funder_kind=data.get("funder_kind") or "",
        sector=data.get("sector") or "",
        area=data.get("area") or "",
        district=data.get("district") or "",
        deadline_before=data.get("deadline_before"),
    )
    page = selectors.calls_page(agreement, filters, request.GET.get("sida"))
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "funding/call_list.html",
        {
            "agreement": agreement,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_manage": permissions.can_manage_calls(request.user)[0],
        },
    )


@require_safe
def call_detail(request, agreement, slug):
    agreement = get_agreement(agreement)
    call = _call(agreement, slug)
    can_follow, follow_reason = permissions.can_follow(request.user, call)
    return render(
        request,
        "funding/call_detail.html",
        {
            "agreement": agreement,
            "call": call,
            "days_left": call.days_left(),
            "eligibility": selectors.eligibility_in_words(call),
            "following": selectors.follows(request.user, call),
            "can_follow": can_follow,
            "follow_reason": follow_reason,
            "can_manage": permissions.can_manage_calls(request.user)[0],
        },
    )


@login_required
@require_POST
def call_follow(request, agreement, slug):
    agreement = get_agreement(agreement)
    call = _call(agreement, slug)
    if request.POST.get("action") == "unfollow":
        return run_action(
            request,
            lambda: services.unfollow_call(call=call, by=request.user),
            success=_("You no longer follow the call."),
            redirect_to=call.url_in(agreement),
        )
    allowed, reason = permissions.can_follow(request.user, call)
    if not allowed:  # the call has closed since its page was shown: say so there, not on a 403
        messages.error(request, reason)
        return redirect(call.url_in(agreement))
    return run_action(
        request,
        lambda: services.follow_call(call=call, by=request.user),
        success=_("You follow the call: we e-mail you before its deadline."),
        redirect_to=call.url_in(agreement),
    )


@login_required
def call_new(request, agreement):
    agreement = get_agreement(agreement)
    check(permissions.can_manage_calls(request.user))
    form = CallForm(request.POST or None, agreement=agreement)
    if done := save_form(
        request,
        form,
        lambda data: services.create_call(by=request.user, **form.service_arguments()),
        success=_("The funding call has been published."),
        redirect_to=lambda call: call.url_in(agreement),
    ):
        return done
    return render_form(
        request,
        "funding/call_form.html",
        {"agreement": agreement, "call": None, "form": form},
        form,
    )


@login_required
def call_edit(request, agreement, slug):
    agreement = get_agreement(agreement)
    check(permissions.can_manage_calls(request.user))
    call = _call(agreement, slug)
    form = CallForm(request.POST or None, agreement=agreement, call=call)
    if done := save_form(
        request,
        form,
        lambda data: services.update_call(call=call, by=request.user, **form.service_arguments()),
        success=_("The changes have been saved."),
        redirect_to=lambda call: call.url_in(agreement),
    ):
        return done
    return render_form(
        request,
        "funding/call_form.html",
        {"agreement": agreement, "call": call, "form": form},
        form,
    )


# ---------------------------------------------------------------------------------------------
# Funders
# ---------------------------------------------------------------------------------------------


@require_safe
def funder_list(request, agreement):
    agreement = get_agreement(agreement)
    return render(
        request,
        "funding/funder_list.html",
        {
            "agreement": agreement,
            "funders": list(selectors.funders_with_counts()),
            "can_manage": permissions.can_manage_calls(request.user)[0],
        },
    )


@login_required
def funder_form(request, agreement, pk=None):
    agreement = get_agreement(agreement)
    check(permissions.can_manage_calls(request.user))
    funder = get_object_or_404(Funder, pk=pk) if pk else None
    initial = (
        {
            "name": funder.name,
            "kind": funder.kind,
            "website": funder.website,
            "description": funder.description,
            "organisation": funder.organisation_id,
        }
        if funder
        else None
    )
    form = FunderForm(request.POST or None, initial=initial)

    def save(data):
        if funder:
            return services.update_funder(funder=funder, by=request.user, **data)
        return services.create_funder(by=request.user, **data)

    if done := save_form(
        request,
        form,
        save,
        success=_("The funder has been saved."),
        redirect_to=reverse("funding:funders", kwargs={"agreement": agreement.slug}),
    ):
        return done
    return render_form(
        request,
        "funding/funder_form.html",
        {"agreement": agreement, "funder": funder, "form": form},
        form,
    )


# ---------------------------------------------------------------------------------------------
# The budget
# ---------------------------------------------------------------------------------------------


def _year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Http404(_("There is no budget year at this address."))
    return year


@require_safe
def budget(request, agreement):
    agreement = get_agreement(agreement)
    return render(
        request,
        "funding/budget_years.html",
        {
            "agreement": agreement,
            "years": selectors.budget_years(agreement),
            "current_year": timezone.localdate().year,
            "can_manage": permissions.can_manage_budget(request.user, agreement)[0],
        },
    )


@require_safe
def budget_year(request, agreement, year):
    agreement = get_agreement(agreement)
    year = _year(year)
    account = selectors.economic_account(agreement, year)
    can_manage = permissions.can_manage_budget(request.user, agreement)[0]
    if account.is_empty and not can_manage:
        raise Http404(_("Nothing has been entered for this year."))
    expenses = None
    if can_manage and permissions.can_see_expense_lines(request.user, agreement)[0]:
        expenses = list(selectors.expense_lines(agreement, year))
    return render(
        request,
        "funding/budget_year.html",
        {
            "agreement": agreement,
            "account": account,
            "year": year,
            "previous_year": year - 1 if year > MIN_YEAR else None,
            "next_year": year + 1 if year < MAX_YEAR else None,
            "expenses": expenses,
            "can_manage": can_manage,
        },
    )


def _budget_form(request, agreement, year, *, form_class, heading, save, success):
    agreement = get_agreement(agreement)
    year = _year(year)
    check(permissions.can_manage_budget(request.user, agreement))
    kwargs = {"agreement": agreement, "year": year} if form_class is ExpenseForm else {}
    form = form_class(request.POST or None, **kwargs)
    if done := save_form(
        request,
        form,
        lambda data: save(agreement=agreement, by=request.user, year=year, **data),
        success=success,
        redirect_to=reverse(
            "funding:budget_year", kwargs={"agreement": agreement.slug, "year": year}
        ),
    ):
        return done
    return render_form(
        request,
        "funding/budget_form.html",
        {"agreement": agreement, "year": year, "form": form, "heading": heading % {"year": year}},
        form,
    )


@login_required
def grant_new(request, agreement, year):
    return _budget_form(
        request,
        agreement,
        year,
        form_class=GrantForm,
        heading=_("Enter a grant for %(year)d"),
        save=services.record_grant,
        success=_("The grant has been entered."),
    )


@login_required
def expense_new(request, agreement, year):
    return _budget_form(
        request,
        agreement,
        year,
        form_class=ExpenseForm,
        heading=_("Enter an expense of %(year)d"),
        save=services.record_expense,
        success=_("The expense has been entered."),
    )
