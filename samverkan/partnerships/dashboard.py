"""For the coordinators: IOP agreements waiting to be signed, as a block of My pages."""

from django.utils.translation import gettext as _

from samverkan.core.registry import first_and_total, same_for_every_coordinator
from samverkan.partnerships.models import Collaboration, IopAgreement


@same_for_every_coordinator
def iop_agreements_to_sign(viewer) -> dict | None:
    """The agreement's IOP agreements of planned or running collaborations that are not signed,
    oldest start first: one query. Only for the coordinators, who confirm the conditions and
    mark an agreement signed."""
    if not viewer.is_coordinator or viewer.agreement is None:
        return None
    agreements, total = first_and_total(
        IopAgreement.objects.filter(
            collaboration__agreement=viewer.agreement,
            signed_on__isnull=True,
        )
        .exclude(collaboration__status=Collaboration.Status.ENDED)
        .select_related("collaboration__agreement")
        .order_by("starts_on", "pk")
    )
    return {
        "key": "iop",
        "heading": _("IOP agreements to sign"),
        "total": total,
        "iop_agreements": agreements,
        "agreement": viewer.agreement,
    }
