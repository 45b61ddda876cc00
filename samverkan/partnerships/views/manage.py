"""Recording, editing and ending collaborations and their parties: coordinators and the
representatives of a party (permissions.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models.functions import Collate
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from samverkan.accounts.roles import is_coordinator
from samverkan.actors.models import Organisation
from samverkan.core import formatting
from samverkan.core.collation import SWEDISH_COLLATION
from samverkan.core.exceptions import ApplicationError, PermissionDeniedError
from samverkan.core.forms import apply_error, render_form
from samverkan.partnerships import permissions, selectors, services
from samverkan.partnerships.forms import (
    CollaborationForm,
    EndForm,
    NewCollaborationForm,
    PartyForm,
)
from samverkan.partnerships.models import CollaborationParty
from samverkan.partnerships.views.common import forbidden, get_agreement


@login_required
def collaboration_new(request, agreement):
    agreement = get_agreement(agreement)
    allowed, reason = permissions.can_create_collaboration(request.user)
    if not allowed:
        return forbidden(request, reason)
    lead_choices = Organisation.objects.order_by(Collate("name", SWEDISH_COLLATION))
    if not is_coordinator(request.user):
        # A representative leads with one of their own organisations.
        lead_choices = lead_choices.filter(
            pk__in=permissions.represented_organisation_ids(request.user)
        )
    form = NewCollaborationForm(
        request.POST or None, agreement=agreement, lead_choices=lead_choices
    )
    if request.method == "POST" and form.is_valid():
        try:
            collaboration = services.create_collaboration(
                agreement=agreement,
                by=request.user,
                check_permission=True,
                **form.service_arguments(),
            )
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The collaboration has been recorded."))
            return redirect(collaboration)
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
    allowed, reason = permissions.can_edit_collaboration(request.user, collaboration)
    if not allowed:
        return forbidden(request, reason)
    form = CollaborationForm(request.POST or None, instance=collaboration, agreement=agreement)
    if request.method == "POST" and form.is_valid():
        try:
            collaboration = services.update_collaboration(
                collaboration=collaboration, by=request.user, **form.cleaned_data
            )
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect(collaboration)
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
    allowed, reason = permissions.can_manage_parties(request.user, collaboration)
    if not allowed:
        return forbidden(request, reason)
    form = PartyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            party = services.add_party(
                collaboration=collaboration, by=request.user, **form.cleaned_data
            )
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(
                request,
                _("%(org)s is now a party (%(role)s).")
                % {"org": party.organisation.name, "role": party.get_role_display()},
            )
            return redirect("partnerships:parties", agreement=agreement.slug, slug=slug)
    return render_form(
        request,
        "partnerships/parties.html",
        {
            "agreement": agreement,
            "collaboration": collaboration,
            "form": form,
            "status": 400 if form.errors else 200,
        },
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
    allowed, reason = permissions.can_manage_parties(request.user, collaboration)
    if not allowed:
        return forbidden(request, reason)
    if request.method == "POST":
        party.collaboration = collaboration
        try:
            services.remove_party(party=party, by=request.user)
        except PermissionDeniedError as error:
            return forbidden(request, str(error.message))
        except ApplicationError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(
                request,
                _("%(org)s is no longer a party.") % {"org": party.organisation.name},
            )
        return redirect("partnerships:parties", agreement=agreement.slug, slug=slug)
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
    allowed, reason = permissions.can_end_collaboration(request.user, collaboration)
    if not allowed:
        return forbidden(request, reason)
    form = EndForm(request.POST or None, initial={"results": collaboration.results})
    if request.method == "POST" and form.is_valid():
        try:
            services.end_collaboration(
                collaboration=collaboration, by=request.user, **form.cleaned_data
            )
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(
                request,
                _("The collaboration ended on %(date)s.")
                % {"date": formatting.long_date(form.cleaned_data["ends_on"])},
            )
            return redirect(collaboration)
    return render_form(
        request,
        "partnerships/end.html",
        {"agreement": agreement, "collaboration": collaboration, "form": form},
        form,
    )
