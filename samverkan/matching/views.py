"""Pages of needs, offers and matches. Every view receives the agreement's slug as
`agreement`; a posting or match of another agreement answers 404."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core.cache import cached_fragment
from samverkan.core.forms import render_form
from samverkan.core.web import check, run_action, save_form
from samverkan.matching import permissions, selectors, services
from samverkan.matching.forms import PostingFilterForm, PostingForm
from samverkan.matching.models import Match, Posting

PAGE_SIZE = 20


def _posting(agreement, pk) -> Posting:
    return get_object_or_404(
        Posting.objects.select_related("organisation", "agreement"), agreement=agreement, pk=pk
    )


@require_safe
def posting_list(request, agreement, direction: str = ""):
    """Needs, offers or both: search, filters, pages. Open and valid postings by default."""
    agreement = get_agreement(agreement)
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
    agreement = get_agreement(agreement)
    data = selectors.posting_page_data(agreement, pk, user=request.user)
    if data is None:
        raise Http404(_("There is no need or offer at this address."))
    return render(
        request,
        "matching/posting_detail.html",
        # Called by the template where it shows (a template calls a callable), after the
        # page's own context: response.context is the page's first.
        {**data, "funding_html": functools.partial(funding_html, data["posting"])},
    )


def funding_html(posting) -> str:
    """The funding calls that fit the posting, the same for everyone: rendered once per posting
    and day without the request, and kept under the generations of the tables they read
    (core.cache.cached_fragment)."""
    return cached_fragment(
        "posting-funding-calls",
        [posting.pk, timezone.localdate(), timezone.get_current_timezone_name()],
        lambda: render_to_string("matching/_posting_funding.html", {"posting": posting}),
        depends_on=selectors.posting_relations(posting),
    )


@login_required
def posting_new(request, agreement):
    agreement = get_agreement(agreement)
    check(permissions.can_post(request.user))
    form = PostingForm(request.POST or None, agreement=agreement, user=request.user)
    if done := save_form(
        request,
        form,
        lambda data: services.create_posting(agreement=agreement, by=request.user, **data),
        success=_("Your posting is published. Below are the best matches right now."),
    ):
        return done
    return render_form(
        request, "matching/posting_form.html", {"agreement": agreement, "form": form}, form
    )


@login_required
def posting_edit(request, agreement, pk):
    agreement = get_agreement(agreement)
    posting = _posting(agreement, pk)
    check(permissions.can_edit(request.user, posting))
    form = PostingForm(
        request.POST or None, agreement=agreement, user=request.user, posting=posting
    )
    if done := save_form(
        request,
        form,
        lambda data: services.update_posting(posting=posting, by=request.user, **data),
        success=_("The posting has been saved."),
    ):
        return done
    return render_form(
        request,
        "matching/posting_form.html",
        {"agreement": agreement, "form": form, "posting": posting},
        form,
    )


@login_required
def posting_withdraw(request, agreement, pk):
    """GET asks for confirmation; POST withdraws the posting."""
    agreement = get_agreement(agreement)
    posting = _posting(agreement, pk)
    check(permissions.can_withdraw(request.user, posting))
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.withdraw_posting(posting=posting, by=request.user),
            success=_("The posting has been withdrawn."),
            redirect_to=posting,
        )
    return render(
        request, "matching/posting_withdraw.html", {"agreement": agreement, "posting": posting}
    )


def _match_url(agreement, pk: int, match: Match) -> str:
    return reverse(
        "matching:match", kwargs={"agreement": agreement.slug, "pk": pk, "match": match.pk}
    )


def _answer(request, *, posting, counterpart, done, refused):
    """Accept or decline a pair for the person's side (POST action=accept|decline). Success:
    the message of the match's new state and `done(match)`; a refusal: its reason and
    `refused`."""
    service = {"accept": services.accept_match, "decline": services.decline_match}.get(
        request.POST.get("action")
    )
    if service is None:
        messages.error(request, _("Choose whether to accept or decline."))
        return redirect(refused)

    def answer():
        match = service(posting=posting, counterpart=counterpart, by=request.user)
        messages.success(request, _MATCH_MESSAGES[match.status]())
        return match

    return run_action(
        request,
        answer,
        success="",
        redirect_to=lambda match: refused if match is None else done(match),
    )


@login_required
@require_POST
def respond(request, agreement, pk, other):
    """Accept or decline a suggested counterpart (POST action=accept|decline)."""
    agreement = get_agreement(agreement)
    posting = _posting(agreement, pk)
    counterpart = _posting(agreement, other)
    return _answer(
        request,
        posting=posting,
        counterpart=counterpart,
        done=lambda match: _match_url(agreement, posting.pk, match),
        refused=posting,
    )


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
    agreement = get_agreement(agreement)
    data = selectors.match_page_data(agreement, pk, match, user=request.user)
    if data is None:
        raise Http404(_("There is no match at this address."))
    return render(request, "matching/match_detail.html", data)


@login_required
@require_POST
def match_respond(request, agreement, pk, match):
    agreement = get_agreement(agreement)
    match_obj = _match(agreement, pk, match)
    posting = match_obj.need if match_obj.need_id == pk else match_obj.offer
    counterpart = match_obj.offer if posting is match_obj.need else match_obj.need
    here = _match_url(agreement, pk, match_obj)
    return _answer(
        request, posting=posting, counterpart=counterpart, done=lambda _match: here, refused=here
    )


@login_required
@require_POST
def match_collaborate(request, agreement, pk, match):
    """Turn an accepted match into a collaboration and go to its page."""
    agreement = get_agreement(agreement)
    match_obj = _match(agreement, pk, match)
    here = _match_url(agreement, pk, match_obj)
    return run_action(
        request,
        lambda: services.make_collaboration(match=match_obj, by=request.user),
        success=_("The collaboration has been added to the mapping."),
        redirect_to=lambda collaboration: here if collaboration is None else collaboration,
    )


DIRECTION_LABELS = dict(Posting.Direction.choices)


@require_safe
@login_required
def unmatched(request, agreement):
    """The coordinators' worklist: open postings with no accepted match, oldest first. The same
    for every coordinator: rendered once per page and day without the request and kept under
    the generations of the tables it read (core.cache.cached_fragment); a new posting or an
    accepted match shows on the next request."""
    agreement = get_agreement(agreement)
    check(permissions.can_see_unmatched(request.user))
    number = request.GET.get("sida") or ""

    def render_table() -> str:
        page = Paginator(selectors.unmatched_postings(agreement), 50).get_page(number)
        # Each row's label from the choices read once: get_direction_display() flattens the
        # choices again for every row, which was much of the page's time.
        page.object_list = list(page.object_list)
        for posting in page.object_list:
            posting.direction_label = DIRECTION_LABELS.get(posting.direction, posting.direction)
        context = {"agreement": agreement, "page": page, "query": ""}
        return render_to_string("matching/_unmatched_table.html", context)

    parts = [agreement.pk, number, timezone.localdate(), timezone.get_current_timezone_name()]
    return render(
        request,
        "matching/unmatched.html",
        {
            "agreement": agreement,
            "table_html": cached_fragment(
                "unmatched-postings", parts, render_table, depends_on=[agreement]
            ),
        },
    )
