"""The IOP agreement of a collaboration: the public page, and the work on it (permissions.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.core import formatting
from samverkan.core.exceptions import ApplicationError, PermissionDeniedError
from samverkan.core.forms import apply_error, render_form
from samverkan.core.uploads import serve_upload
from samverkan.partnerships import permissions, selectors, services
from samverkan.partnerships.forms import (
    ConditionForm,
    DocumentForm,
    FollowUpForm,
    IopForm,
    SignForm,
)
from samverkan.partnerships.models import (
    CONDITIONS_BY_SLUG,
    Collaboration,
    IopAgreement,
    IopDocument,
)
from samverkan.partnerships.views.common import forbidden, get_agreement


def _page_data(request, agreement, slug) -> dict:
    data = selectors.iop_page_data(agreement, slug, user=request.user)
    if data is None:
        raise Http404(_("There is no IOP agreement at this address."))
    return data


def _iop(request, agreement, slug) -> IopAgreement:
    collaboration = selectors.get_collaboration(agreement, slug)
    if collaboration.kind != Collaboration.Kind.IOP:
        raise Http404(_("There is no IOP agreement at this address."))
    iop = selectors.iop_queryset().filter(collaboration=collaboration).first()
    if iop is None:
        raise Http404(_("There is no IOP agreement at this address."))
    iop.collaboration = collaboration
    return iop


@require_safe
def iop_detail(request, agreement, slug):
    return _iop_page(request, agreement, slug)


def _iop_page(request, agreement, slug, *, document_form=None, follow_up_form=None):
    """The IOP page, also with a refused form of the page shown again (document, follow-up)."""
    agreement = get_agreement(agreement)
    data = _page_data(request, agreement, slug)
    if data["iop"] is None and not data["can_manage"]:
        raise Http404(_("There is no IOP agreement at this address."))
    if data["iop"] is not None and data["can_manage"]:
        data["document_form"] = document_form or DocumentForm()
        data["follow_up_form"] = follow_up_form or FollowUpForm()
    return render_form(request, "partnerships/iop.html", data, document_form, follow_up_form)


@login_required
def iop_edit(request, agreement, slug):
    """Create the agreement of an IOP collaboration, or change it."""
    agreement = get_agreement(agreement)
    collaboration = selectors.get_collaboration(agreement, slug)
    if collaboration.kind != Collaboration.Kind.IOP:
        raise Http404(_("There is no IOP agreement at this address."))
    allowed, reason = permissions.can_manage_iop(request.user, collaboration)
    if not allowed:
        return forbidden(request, reason)
    iop = IopAgreement.objects.filter(collaboration=collaboration).first()
    form = IopForm(
        request.POST or None,
        instance=iop,
        initial=None
        if iop
        else {
            "starts_on": collaboration.starts_on,
            "ends_on": collaboration.ends_on,
            "purpose": collaboration.description,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            if iop is None:
                iop = services.create_iop_agreement(
                    collaboration=collaboration, by=request.user, **form.cleaned_data
                )
            else:
                iop.collaboration = collaboration
                changes = {n: v for n, v in form.cleaned_data.items() if n in form.changed_data}
                iop = services.update_iop_agreement(iop=iop, by=request.user, **changes)
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The IOP agreement has been saved."))
            return redirect("partnerships:iop", agreement=agreement.slug, slug=slug)
    return render_form(
        request,
        "partnerships/iop_form.html",
        {"agreement": agreement, "collaboration": collaboration, "iop": iop, "form": form},
        form,
    )


@login_required
def condition(request, agreement, slug, condition):
    """GET asks for the confirmation with a note; POST confirms (or, with withdraw, takes the
    confirmation back)."""
    agreement = get_agreement(agreement)
    key = CONDITIONS_BY_SLUG.get(condition)
    if key is None:
        raise Http404(_("There is no such condition."))
    iop = _iop(request, agreement, slug)
    allowed, reason = permissions.can_confirm_conditions(request.user, iop.collaboration)
    if not allowed:
        return forbidden(request, reason)
    form = ConditionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        withdraw = "withdraw" in request.POST
        try:
            if withdraw:
                services.withdraw_confirmation(iop=iop, condition=key, by=request.user)
            else:
                services.confirm_condition(
                    iop=iop, condition=key, by=request.user, note=form.cleaned_data["note"]
                )
        except PermissionDeniedError as error:
            return forbidden(request, str(error.message))
        except ApplicationError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(
                request,
                (
                    _("The confirmation of “%(condition)s” has been withdrawn.")
                    if withdraw
                    else _("“%(condition)s” is confirmed.")
                )
                % {"condition": key.label},
            )
        return redirect("partnerships:iop", agreement=agreement.slug, slug=slug)
    item = next(item for item in iop.checklist() if item["condition"] == key)
    return render_form(
        request,
        "partnerships/iop_condition.html",
        {
            "agreement": agreement,
            "collaboration": iop.collaboration,
            "iop": iop,
            "item": item,
            "form": form,
        },
        form,
    )


@login_required
def sign(request, agreement, slug):
    """GET asks for the date (and shows what is missing); POST marks the agreement signed."""
    agreement = get_agreement(agreement)
    iop = _iop(request, agreement, slug)
    allowed, reason = permissions.can_confirm_conditions(request.user, iop.collaboration)
    if not allowed:
        return forbidden(request, reason)
    form = SignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.sign_iop_agreement(iop=iop, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(
                request,
                _("The agreement is marked signed on %(date)s.")
                % {"date": formatting.long_date(form.cleaned_data["signed_on"])},
            )
            return redirect("partnerships:iop", agreement=agreement.slug, slug=slug)
    return render_form(
        request,
        "partnerships/iop_sign.html",
        {
            "agreement": agreement,
            "collaboration": iop.collaboration,
            "iop": iop,
            "missing": iop.missing_conditions(),
            "form": form,
        },
        form,
    )


@login_required
@require_POST
def document_upload(request, agreement, slug):
    agreement_obj = get_agreement(agreement)
    iop = _iop(request, agreement_obj, slug)
    allowed, reason = permissions.can_manage_iop(request.user, iop.collaboration)
    if not allowed:
        return forbidden(request, reason)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.attach_iop_document(iop=iop, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The document has been added."))
            return redirect("partnerships:iop", agreement=agreement, slug=slug)
    return _iop_page(request, agreement, slug, document_form=form)


@require_safe
@login_required
def document_download(request, agreement, slug, pk):
    """A document, to those who work on the agreement; others get a 404 as if it were absent."""
    agreement = get_agreement(agreement)
    iop = _iop(request, agreement, slug)
    if not permissions.can_manage_iop(request.user, iop.collaboration)[0]:
        raise Http404(_("There is no document at this address."))
    document = get_object_or_404(IopDocument, iop=iop, pk=pk)
    return serve_upload(
        document.file,
        content_type=document.content_type,
        filename=document.file.name.rsplit("/", 1)[-1],
        missing=_("There is no document at this address."),
    )


@login_required
@require_POST
def follow_up_add(request, agreement, slug):
    agreement_obj = get_agreement(agreement)
    iop = _iop(request, agreement_obj, slug)
    allowed, reason = permissions.can_manage_iop(request.user, iop.collaboration)
    if not allowed:
        return forbidden(request, reason)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            services.add_follow_up(iop=iop, by=request.user, **form.cleaned_data)
        except ApplicationError as error:
            apply_error(form, error)
        else:
            messages.success(request, _("The follow-up has been added."))
            return redirect("partnerships:iop", agreement=agreement, slug=slug)
    return _iop_page(request, agreement, slug, follow_up_form=form)
