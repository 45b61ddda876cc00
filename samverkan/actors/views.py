import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from samverkan.actors import permissions, services
from samverkan.actors.forms import (
    DecisionForm,
    NewOrganisationForm,
    OrganisationForm,
    RegisterFilterForm,
    RepresentationRequestForm,
)
from samverkan.actors.models import Organisation, Representation
from samverkan.actors.selectors import (
    RegisterFilters,
    filter_choices,
    organisation_page_data,
    register_results,
    search_register,
)
from samverkan.core.exports import safe_row
from samverkan.core.forms import render_form
from samverkan.core.links import absolute_url
from samverkan.core.web import check, run_action, save_form

CSV_FIELDS = [
    ("name", gettext_lazy("Name")),
    ("organisation_number", gettext_lazy("Organisation number")),
    ("sector", gettext_lazy("Sector")),
    ("legal_form", gettext_lazy("Legal form")),
    ("districts", gettext_lazy("Districts")),
    ("interest_areas", gettext_lazy("Areas of interest")),
    ("website", gettext_lazy("Website")),
    ("email", gettext_lazy("E-mail")),
    ("phone", gettext_lazy("Phone")),
    ("street_address", gettext_lazy("Street address")),
    ("postal_code", gettext_lazy("Postal code")),
    ("city", gettext_lazy("City")),
    ("url", gettext_lazy("Page")),
]


def _filters(request) -> tuple[RegisterFilterForm, RegisterFilters]:
    form = RegisterFilterForm(request.GET or None, choices=filter_choices())
    # An unknown filter value (an old link, a typo) is dropped, not an error page: cleaned_data
    # holds the fields that are valid even when another one is not.
    data = {}
    if form.is_bound:
        form.is_valid()
        data = form.cleaned_data
    return form, RegisterFilters(**{k: (v or "").strip() for k, v in data.items()})


@require_safe
def register(request):
    """The public association register: search, filters, pages; htmx swaps only the results."""
    form, filters = _filters(request)
    query = request.GET.copy()
    query.pop("sida", None)
    results = register_results(filters, request.GET.get("sida"), query.urlencode())
    if request.htmx:
        return HttpResponse(results)
    return render(
        request, "actors/register.html", {"form": form, "filters": filters, "results": results}
    )


class _Echo:
    def write(self, value):
        return value


@require_safe
def register_csv(request):
    """The public fields of the register as CSV (UTF-8 with BOM so Excel reads å, ä, ö)."""
    _form, filters = _filters(request)
    organisations = search_register(filters)
    writer = csv.writer(_Echo(), delimiter=";")

    def rows():
        yield "\ufeff"
        yield writer.writerow([str(label) for _field, label in CSV_FIELDS])
        for org in organisations.iterator(chunk_size=500):
            yield writer.writerow(
                safe_row(
                    [
                        org.name,
                        org.organisation_number,
                        org.get_sector_display(),
                        org.get_legal_form_display(),
                        ", ".join(d.name for d in org.districts.all()),
                        ", ".join(a.name for a in org.interest_areas.all()),
                        org.website,
                        org.email,
                        org.phone,
                        org.street_address,
                        org.postal_code,
                        org.city,
                        absolute_url(org.get_absolute_url()),
                    ]
                )
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="foreningsregistret.csv"'
    return response


@require_safe
def organisation_detail(request, slug):
    data = organisation_page_data(slug, user=request.user)
    if data is None:
        raise Http404(_("There is no organisation at this address."))
    data["decision_form"] = DecisionForm()
    return render(request, "actors/organisation_detail.html", data)


@login_required
def organisation_edit(request, slug):
    organisation = get_object_or_404(Organisation, slug=slug)
    check(permissions.can_edit_organisation(request.user, organisation))
    form = OrganisationForm(request.POST or None, instance=organisation)
    if done := save_form(
        request,
        form,
        lambda data: services.update_organisation(
            organisation=organisation, by=request.user, **data
        ),
        success=_("The changes have been saved."),
    ):
        return done
    return render_form(
        request,
        "actors/organisation_form.html",
        {"form": form, "organisation": organisation},
        form,
    )


@login_required
def organisation_new(request):
    check(permissions.can_create_organisation(request.user))
    form = NewOrganisationForm(request.POST or None)

    def save(data):
        data = dict(data)
        title = data.pop("representative_title", "")
        organisation = services.create_organisation(
            by=request.user, representative_title=title, **data
        )
        messages.success(
            request,
            _(
                "The organisation has been registered. A coordinator will confirm you as "
                "its representative."
            )
            if not permissions.can_edit_organisation(request.user, organisation)[0]
            else _("The organisation has been registered."),
        )
        return organisation

    if done := save_form(request, form, save, success=""):
        return done
    return render_form(
        request, "actors/organisation_form.html", {"form": form, "organisation": None}, form
    )


@login_required
def representation_request(request, slug):
    organisation = get_object_or_404(Organisation.objects.public(), slug=slug)
    # Both fields are optional: an empty POST is still a request (`request.POST or None` is not).
    form = RepresentationRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        return run_action(
            request,
            lambda: services.request_representation(
                user=request.user, organisation=organisation, **form.cleaned_data
            ),
            success=_(
                "Your request has been sent. You can act for %(org)s once one of its "
                "representatives or a coordinator has confirmed you."
            )
            % {"org": organisation.name},
            redirect_to=organisation,
        )
    return render_form(
        request,
        "actors/representation_request.html",
        {"form": form, "organisation": organisation},
        form,
    )


@login_required
@require_POST
def representation_decide(request, pk, decision):
    representation = get_object_or_404(
        Representation.objects.select_related("organisation", "user"), pk=pk
    )
    may = (
        permissions.can_end_representation
        if decision == "end"
        else permissions.can_decide_representation
    )
    # Another organisation's requests are not this person's business: answer as if absent.
    check(may(request.user, representation), hide=True)
    form = DecisionForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    action = {
        "confirm": (services.confirm_representation, _("%(person)s now represents %(org)s.")),
        "reject": (services.reject_representation, _("The request from %(person)s was rejected.")),
        "end": (services.end_representation, _("The representation has ended.")),
    }.get(decision)
    if action is None:
        raise Http404
    service, text = action
    next_url = request.POST.get("next")
    # Not startswith("/"): a browser reads "/\evil.example" as another site.
    if not next_url or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = representation.organisation
    return run_action(
        request,
        lambda: service(representation=representation, by=request.user, note=note),
        success=text % {"person": representation.user, "org": representation.organisation.name},
        redirect_to=next_url,
    )


@require_safe
@login_required
def representation_end_confirm(request, pk):
    """Ask before ending a representation or withdrawing a request: it cannot be undone."""
    representation = get_object_or_404(
        Representation.objects.select_related("organisation", "user").filter(
            status__in=[Representation.Status.PENDING, Representation.Status.CONFIRMED]
        ),
        pk=pk,
    )
    if not permissions.can_end_representation(request.user, representation)[0]:
        raise Http404
    return render(
        request,
        "actors/representation_end.html",
        {
            "representation": representation,
            "own": representation.user_id == request.user.pk,
            "next": request.GET.get("next", ""),
        },
    )
