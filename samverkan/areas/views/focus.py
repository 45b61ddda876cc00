from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.areas import permissions, selectors, services
from samverkan.areas.forms import PrepareForm, ProposalForm
from samverkan.areas.models import FocusAreaProposal
from samverkan.core.forms import render_form
from samverkan.core.web import check, run_action, save_form


def _proposal(agreement, pk) -> FocusAreaProposal:
    return get_object_or_404(
        FocusAreaProposal.objects.select_related("agreement"), agreement=agreement, pk=pk
    )


@require_safe
def focus_areas(request, agreement):
    agreement = get_agreement(agreement)
    return render(request, "areas/focus_areas.html", selectors.focus_areas_page_data(agreement))


@login_required
def propose(request, agreement):
    agreement = get_agreement(agreement)
    check(permissions.can_propose(request.user))
    form = ProposalForm(request.POST or None, agreement=agreement)
    if done := save_form(
        request,
        form,
        lambda data: services.propose_focus_area(agreement=agreement, by=request.user, **data),
        success=_("Thank you! Your proposal has been published; others can now support it."),
    ):
        return done
    return render_form(
        request, "areas/proposal_form.html", {"agreement": agreement, "form": form}, form
    )


def _render_proposal(request, agreement, pk, *, prepare_form=None):
    data = selectors.proposal_page_data(agreement, pk, user=request.user)
    if data is None:
        raise Http404(_("There is no proposal at this address."))
    if data["can_prepare"]:
        data["prepare_form"] = prepare_form or PrepareForm(
            initial={"note": data["proposal"].preparation_note}
        )
    return render_form(request, "areas/proposal_detail.html", data, prepare_form)


@require_safe
def proposal_detail(request, agreement, pk):
    return _render_proposal(request, get_agreement(agreement), pk)


def _act(request, service, proposal, success: str):
    return run_action(
        request,
        lambda: service(proposal=proposal, by=request.user),
        success=success,
        redirect_to=proposal,
    )


@login_required
@require_POST
def proposal_support(request, agreement, pk):
    proposal = _proposal(get_agreement(agreement), pk)
    return _act(request, services.support_proposal, proposal, _("You now support the proposal."))


@login_required
@require_POST
def proposal_withdraw_support(request, agreement, pk):
    proposal = _proposal(get_agreement(agreement), pk)
    return _act(
        request,
        services.withdraw_support,
        proposal,
        _("You no longer support the proposal."),
    )


@login_required
@require_POST
def proposal_prepare(request, agreement, pk):
    agreement = get_agreement(agreement)
    proposal = _proposal(agreement, pk)
    check(permissions.can_prepare(request.user, proposal))
    form = PrepareForm(request.POST)
    if form.is_valid():
        return run_action(
            request,
            lambda: services.prepare_proposal(
                proposal=proposal, note=form.cleaned_data["note"], by=request.user
            ),
            success=_("The proposal is prepared for the steering group."),
            redirect_to=proposal,
        )
    return _render_proposal(request, agreement, pk, prepare_form=form)


@login_required
def proposal_withdraw(request, agreement, pk):
    """GET asks for confirmation; POST withdraws the proposal."""
    agreement = get_agreement(agreement)
    proposal = _proposal(agreement, pk)
    check(permissions.can_withdraw(request.user, proposal))
    if request.method == "POST":
        return _act(
            request,
            services.withdraw_proposal,
            proposal,
            _("Your proposal has been withdrawn."),
        )
    return render(
        request, "areas/proposal_withdraw.html", {"agreement": agreement, "proposal": proposal}
    )
