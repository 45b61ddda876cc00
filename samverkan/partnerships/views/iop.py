"""The IOP agreement of a collaboration: the public page, and the work on it (permissions.py)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core import formatting
from samverkan.core.forms import render_form
from samverkan.core.uploads import serve_upload
from samverkan.core.web import check, run_action, save_form
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


def _iop_url(agreement, slug) -> str:
    return reverse("partnerships:iop", kwargs={"agreement": agreement.slug, "slug": slug})


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
    check(permissions.can_manage_iop(request.user, collaboration))
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

    def save(data):
        if iop is None:
            return services.create_iop_agreement(
                collaboration=collaboration, by=request.user, **data
            )
        iop.collaboration = collaboration
        changes = {name: value for name, value in data.items() if name in form.changed_data}
        return services.update_iop_agreement(iop=iop, by=request.user, **changes)

    if done := save_form(
        request,
        form,
        save,
        success=_("The IOP agreement has been saved."),
        redirect_to=_iop_url(agreement, slug),
    ):
        return done
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
    check(permissions.can_confirm_conditions(request.user, iop.collaboration))
    form = ConditionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if "withdraw" in request.POST:
            return run_action(
                request,
                lambda: services.withdraw_confirmation(iop=iop, condition=key, by=request.user),
                success=_("The confirmation of “%(condition)s” has been withdrawn.")
                % {"condition": key.label},
                redirect_to=_iop_url(agreement, slug),
            )
        return run_action(
            request,
            lambda: services.confirm_condition(
                iop=iop, condition=key, by=request.user, note=form.cleaned_data["note"]
            ),
            success=_("“%(condition)s” is confirmed.") % {"condition": key.label},
            redirect_to=_iop_url(agreement, slug),
        )
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
    check(permissions.can_confirm_conditions(request.user, iop.collaboration))
    form = SignForm(request.POST or None)
    success = ""  # worded from the valid input, before the service is called
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        success = _("The agreement is marked signed on %(date)s.") % {
            "date": formatting.long_date(data["signed_on"])
        }
    if done := save_form(
        request,
        form,
        lambda data: services.sign_iop_agreement(iop=iop, by=request.user, **data),
        success=success,
        redirect_to=_iop_url(agreement, slug),
    ):
        return done
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
    check(permissions.can_manage_iop(request.user, iop.collaboration))
    form = DocumentForm(request.POST, request.FILES)
    if done := save_form(
        request,
        form,
        lambda data: services.attach_iop_document(iop=iop, by=request.user, **data),
        success=_("The document has been added."),
        redirect_to=_iop_url(agreement_obj, slug),
    ):
        return done
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
    check(permissions.can_manage_iop(request.user, iop.collaboration))
    form = FollowUpForm(request.POST)
    if done := save_form(
        request,
        form,
        lambda data: services.add_follow_up(iop=iop, by=request.user, **data),
        success=_("The follow-up has been added."),
        redirect_to=_iop_url(agreement_obj, slug),
    ):
        return done
    return _iop_page(request, agreement, slug, follow_up_form=form)
