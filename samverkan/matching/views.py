"""Pages of needs, offers and matches. Every view receives the agreement's slug as
`agreement`; a posting or match of another agreement answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.agreements.models import Agreement
from samverkan.core.exceptions import ApplicationError, PermissionDeniedError
from samverkan.core.forms import apply_error, render_form
from samverkan.matching import permissions, selectors, services
from samverkan.matching.forms import PostingFilterForm, PostingForm
from samverkan.matching.models import Match, Posting

PAGE_SIZE = 20


def _agreement(slug: str) -> Agreement:
    return get_object_or_404(Agreement, slug=slug)


def _posting(agreement, pk) -> Posting:
    return get_object_or_404(
        Posting.objects.select_related("organisation", "agreement"), agreement=agreement, pk=pk
    )


def _forbidden(request, reason: str):
    return render(request, "core/forbidden.html", {"reason": reason}, status=403)


@require_safe
def posting_list(request, agreement, direction: str = ""):
    """Needs, offers or both: search, filters, pages. Open and valid postings by default."""
    agreement = _agreement(agreement)
    form = PostingFilterForm(request.GET or None, agreement=agreement, fixed_direction=direction)
    filters = form.filters()
    if direction:
        filters["direction"] = direction
    page = Paginator(selectors.search_postings(agreement, **filters), PAGE_SIZE).get_page(
        request.GET.get("sida")
    )
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "matching/posting_list.html",
        {
            "agreement": agreement,
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "direction": direction,
            "can_post": request.user.is_authenticated and permissions.can_post(request.user)[0],
        },
    )


@require_safe
def posting_detail(request, agreement, pk):
    agreement = _agreement(agreement)
    data = selectors.posting_page_data(agreement, pk, user=request.user)
    if data is None:
        raise Http404(_("There is no need or offer at this address."))
    return render(request, "matching/posting_detail.html", data)


@login_required
def posting_new(request, agreement):
    agreement = _agreement(agreement)
    allowed, reason = permissions.can_post(request.user)
    if not allowed:
        return _forbidden(request, reason)
    form = PostingForm(request.POST or None, agreement=agreement, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            posting = services.create_posting(
                agreement=agreement, by=request.user, **form.cleaned_data
            )
        except PermissionDeniedError as error:
            form.add_error("organisation", str(error.message))
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(
                request, _("Your posting is published. Below are the best matches right now.")
            )
            return redirect(posting)
    return render_form(
        request, "matching/posting_form.html", {"agreement": agreement, "form": form}, form
    )


@login_required
def posting_edit(request, agreement, pk):
    agreement = _agreement(agreement)
    posting = _posting(agreement, pk)
    allowed, reason = permissions.can_edit(request.user, posting)
    if not allowed:
        return _forbidden(request, reason)
    form = PostingForm(
        request.POST or None, agreement=agreement, user=request.user, posting=posting
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_posting(posting=posting, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The posting has been saved."))
            return redirect(posting)
    return render_form(
        request,
        "matching/posting_form.html",
        {"agreement": agreement, "form": form, "posting": posting},
        form,
    )


@login_required
def posting_withdraw(request, agreement, pk):
    """GET asks for confirmation; POST withdraws the posting."""
    agreement = _agreement(agreement)
    posting = _posting(agreement, pk)
    allowed, reason = permissions.can_withdraw(request.user, posting)
    if not allowed:
        return _forbidden(request, reason)
    if request.method == "POST":
        try:
            services.withdraw_posting(posting=posting, by=request.user)
        except ApplicationError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("The posting has been withdrawn."))
        return redirect(posting)
    return render(
        request, "matching/posting_withdraw.html", {"agreement": agreement, "posting": posting}
    )


@login_required
@require_POST
def respond(request, agreement, pk, other):
    """Accept or decline a suggested counterpart (POST action=accept|decline)."""
    agreement = _agreement(agreement)
    posting = _posting(agreement, pk)
    counterpart = _posting(agreement, other)
    action = request.POST.get("action")
    if action not in ("accept", "decline"):
        messages.error(request, _("Choose whether to accept or decline."))
        return redirect(posting)
    try:
        if action == "accept":
            match = services.accept_match(posting=posting, counterpart=counterpart, by=request.user)
        else:
            match = services.decline_match(
                posting=posting, counterpart=counterpart, by=request.user
            )
    except PermissionDeniedError as error:
        return _forbidden(request, str(error.message))
    except ApplicationError as error:
        messages.error(request, str(error.message))
        return redirect(posting)
    messages.success(request, _MATCH_MESSAGES[match.status]())
    return redirect("matching:match", agreement=agreement.slug, pk=posting.pk, match=match.pk)


_MATCH_MESSAGES = {
    Match.Status.NEED_ACCEPTED: lambda: _(
        "You have accepted the match. The offer's side is asked to accept it too."
    ),
    Match.Status.OFFER_ACCEPTED: lambda: _(
        "You have accepted the match. The need's side is asked to accept it too."
    ),
    Match.Status.ACCEPTED: lambda: _(
        "The match is accepted by both sides. It can now become a collaboration."
    ),
    Match.Status.DECLINED: lambda: _("The match has been declined; it is no longer suggested."),
    Match.Status.SUGGESTED: lambda: _("The match has been saved."),
}


def _match(agreement, pk, match_pk) -> Match:
    match = (
        Match.objects.filter(pk=match_pk, need__agreement=agreement)
        .select_related("need__organisation", "offer__organisation", "need__agreement")
        .first()
    )
    if match is None or pk not in (match.need_id, match.offer_id):
        raise Http404(_("There is no match at this address."))
    return match


@require_safe
def match_detail(request, agreement, pk, match):
    agreement = _agreement(agreement)
    data = selectors.match_page_data(agreement, pk, match, user=request.user)
    if data is None:
        raise Http404(_("There is no match at this address."))
    return render(request, "matching/match_detail.html", data)


@login_required
@require_POST
def match_respond(request, agreement, pk, match):
    agreement = _agreement(agreement)
    match_obj = _match(agreement, pk, match)
    posting = match_obj.need if match_obj.need_id == pk else match_obj.offer
    counterpart = match_obj.offer if posting is match_obj.need else match_obj.need
    action = request.POST.get("action")
    service = {"accept": services.accept_match, "decline": services.decline_match}.get(action)
    if service is None:
        messages.error(request, _("Choose whether to accept or decline."))
    else:
        try:
            result = service(posting=posting, counterpart=counterpart, by=request.user)
        except PermissionDeniedError as error:
            return _forbidden(request, str(error.message))
        except ApplicationError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _MATCH_MESSAGES[result.status]())
    return redirect("matching:match", agreement=agreement.slug, pk=pk, match=match_obj.pk)


@login_required
@require_POST
def match_collaborate(request, agreement, pk, match):
    """Turn an accepted match into a collaboration and go to its page."""
    agreement = _agreement(agreement)
    match_obj = _match(agreement, pk, match)
    try:
        collaboration = services.make_collaboration(match=match_obj, by=request.user)
    except PermissionDeniedError as error:
        return _forbidden(request, str(error.message))
    except ApplicationError as error:
        messages.error(request, str(error.message))
        return redirect("matching:match", agreement=agreement.slug, pk=pk, match=match_obj.pk)
    messages.success(request, _("The collaboration has been added to the mapping."))
    return redirect(collaboration.get_absolute_url())


@require_safe
@login_required
def unmatched(request, agreement):
    """The coordinators' worklist: open postings with no accepted match, oldest first."""
    agreement = _agreement(agreement)
    allowed, reason = permissions.can_see_unmatched(request.user)
    if not allowed:
        return _forbidden(request, reason)
    page = Paginator(selectors.unmatched_postings(agreement), 50).get_page(request.GET.get("sida"))
    return render(
        request, "matching/unmatched.html", {"agreement": agreement, "page": page, "query": ""}
    )
