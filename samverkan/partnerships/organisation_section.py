"""An organisation's collaborations and IOP agreements, as sections of its page in the register
(actors.selectors.ORGANISATION_PAGE)."""

from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext as _

from samverkan.agreements.selectors import primary_agreement
from samverkan.core.registry import first_and_total
from samverkan.partnerships.models import Collaboration, IopAgreement

STATUS_ORDER = Case(
    When(status=Collaboration.Status.RUNNING, then=Value(0)),
    When(status=Collaboration.Status.PLANNED, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


# An organisation is a party of a collaboration at most once (party_once_per_collaboration),
# so the joins below repeat no row.


def organisation_collaborations(organisation, user, can_edit: bool) -> dict | None:
    """The collaborations the organisation is a party of, running ones first: one query (and
    one for the agreement whose list the "all" link opens). Public ones only, unless the person
    works for the organisation or is a coordinator."""
    collaborations = Collaboration.objects.filter(parties__organisation=organisation)
    if not can_edit:
        collaborations = collaborations.filter(is_public=True)
    collaborations, total = first_and_total(
        collaborations.select_related("agreement")
        .annotate(status_order=STATUS_ORDER)
        .order_by("status_order", "-starts_on", "title", "pk")
    )
    if not total:
        return None
    return {
        "key": "collaborations",
        "heading": _("Collaborations"),
        "total": total,
        "collaborations": collaborations,
        "agreement": primary_agreement(),
    }


def organisation_iop_agreements(organisation, user, can_edit: bool) -> dict | None:
    """The IOP agreements of the organisation's collaborations, latest start first: one query.
    Those of public collaborations only, unless the person may see the organisation's own."""
    agreements = IopAgreement.objects.filter(collaboration__parties__organisation=organisation)
    if not can_edit:
        agreements = agreements.filter(collaboration__is_public=True)
    agreements, total = first_and_total(
        agreements.select_related("collaboration__agreement").order_by("-starts_on", "pk")
    )
    if not total:
        return None
    return {
        "key": "iop",
        "heading": _("IOP agreements"),
        "total": total,
        "iop_agreements": agreements,
    }
