"""Recording, editing and ending collaborations and their parties: coordinators and the
representatives of a party (permissions.py)."""

from django.contrib.auth.decorators import login_required
from django.db.models.functions import Collate
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samverkan.actors.models import Organisation
from samverkan.agreements.selectors import get_agreement
from samverkan.core import formatting
from samverkan.core.collation import SWEDISH_COLLATION
from samverkan.core.forms import render_form
from samverkan.core.web import check, run_action, save_form
from samverkan.partnerships import permissions, selectors, services
from samverkan.partnerships.forms import (
    CollaborationForm,
    EndForm,
    NewCollaborationForm,
    PartyForm,
)
from samverkan.partnerships.models import CollaborationParty


def _parties_url(agreement, slug) -> str:
    return reverse("partnerships:parties", kwargs={"agreement": agreement.slug, "slug": slug})


@login_required
def collaboration_new(request, agreement):
    agreement = get_agreement(agreement)
    check(permissions.can_create_collaboration(request.user))
    # A representative leads with one of their own organisations.
    lead_choices = permissions.lead_choices(
        request.user, Organisation.objects.order_by(Collate("name", SWEDISH_COLLATION))
    )
    form = NewCollaborationForm(
        request.POST or None, agreement=agreement, lead_choices=lead_choices
    )
    if done := save_form(
        request,
        form,
        lambda data: services.create_collaboration(
            agreement=agreement, by=request.user, **form.service_arguments()
        ),
        success=_("The collaboration has been recorded."),
    ):
        return done
    return render_form(
        request,
        "partnerships/form.html",
        {"agreement": agreement, "collaboration": None, "form": form},
        form,
    )


@login_required
def collaboration_edit(request, agreement, slug):
    agreement = get_agreement(agreement)
    collaboration = selectors.get_collaboration(agreement, slug)
    check(permissions.can_edit_collaboration(request.user, collaboration))
    form = CollaborationForm(request.POST or None, instance=collaboration, agreement=agreement)
    if done := save_form(
        request,
        form,
        lambda data: services.update_collaboration(
            collaboration=collaboration, by=request.user, **data
        ),
        success=_("The changes have been saved."),
    ):
        return done
    return render_form(
        request,
        "partnerships/form.html",
        {"agreement": agreement, "collaboration": collaboration, "form": form},
        form,
    )


@login_required
def parties(request, agreement, slug):
    """The parties with a way to remove each, and a form to add one."""
    agreement = get_agreement(agreement)
    collaboration = selectors.get_collaboration(agreement, slug)
    check(permissions.can_manage_parties(request.user, collaboration))
    form = PartyForm(request.POST or None)
    success = ""  # worded from the valid input, before the service is called
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        success = _("%(org)s is now a party (%(role)s).") % {
            "org": data["organisation"].name,
            "role": CollaborationParty.Role(data["role"]).label,
        }
    if done := save_form(
        request,
        form,
        lambda data: services.add_party(collaboration=collaboration, by=request.user, **data),
        success=success,
        redirect_to=_parties_url(agreement, slug),
    ):
        return done
    return render_form(
        request,
        "partnerships/parties.html",
        {"agreement": agreement, "collaboration": collaboration, "form": form},
        form,
    )


@login_required
def party_remove(request, agreement, slug, pk):
    """GET asks for confirmation; POST removes the party."""
    agreement = get_agreement(agreement)
    collaboration = selectors.get_collaboration(agreement, slug)
    party = get_object_or_404(
        CollaborationParty.objects.select_related("organisation"),
        collaboration=collaboration,
        pk=pk,
    )
    check(permissions.can_manage_parties(request.user, collaboration))
    if request.method == "POST":
        party.collaboration = collaboration
        return run_action(
            request,
            lambda: services.remove_party(party=party, by=request.user),
            success=_("%(org)s is no longer a party.") % {"org": party.organisation.name},
            redirect_to=_parties_url(agreement, slug),
        )
    return render(
        request,
        "partnerships/party_remove.html",
        {"agreement": agreement, "collaboration": collaboration, "party": party},
    )


@login_required
def collaboration_end(request, agreement, slug):
    """GET asks for confirmation (the last day, the results); POST ends the collaboration."""
    agreement = get_agreement(agreement)
    collaboration = selectors.get_collaboration(agreement, slug)
    check(permissions.can_end_collaboration(request.user, collaboration))
    form = EndForm(request.POST or None, initial={"results": collaboration.results})
    success = ""  # worded from the valid input, before the service is called
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        success = _("The collaboration ended on %(date)s.") % {
            "date": formatting.long_date(data["ends_on"])
        }
    if done := save_form(
        request,
        form,
        lambda data: services.end_collaboration(
            collaboration=collaboration, by=request.user, **data
        ),
        success=success,
    ):
        return done
    return render_form(
        request,
        "partnerships/end.html",
        {"agreement": agreement, "collaboration": collaboration, "form": form},
        form,
    )
