"""Postings made through the service (so they are indexed), and the organisations behind them."""

from samverkan.actors.models import LegalForm, Sector
from samverkan.core.permissions import SYSTEM
from samverkan.matching import services
from samverkan.matching.models import Posting
from tests import factories

NEED, OFFER = Posting.Direction.NEED, Posting.Direction.OFFER


def association(**kwargs):
    return factories.OrganisationFactory(**kwargs)


def administration(**kwargs):
    return factories.OrganisationFactory(
        sector=Sector.MUNICIPALITY, legal_form=LegalForm.ADMINISTRATION, **kwargs
    )


def posting(
    agreement,
    organisation,
    direction,
    title,
    text="",
    *,
    kind=Posting.Kind.PARTNER,
    areas=(),
    districts=(),
    valid_until=None,
    by=SYSTEM,
):
    return services.create_posting(
        agreement=agreement,
        organisation=organisation,
        direction=direction,
        kind=kind,
        title=title,
        text=text or title,
        areas=areas,
        districts=districts,
        valid_until=valid_until,
        by=by,
        allow_past=True,
    )
