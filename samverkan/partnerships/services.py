"""Writes of collaborations. Every write is one transaction with its audit entry."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError
from samverkan.partnerships.models import Collaboration, CollaborationParty


def _unique_slug(agreement, title: str) -> str:
    base = slugify(title.replace("ö", "o").replace("ä", "a").replace("å", "a"))[:300] or "samarbete"
    slug, n = base, 2
    while Collaboration.objects.filter(agreement=agreement, slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_collaboration(
    *,
    agreement,
    title: str,
    parties: list[tuple],
    by,
    description: str = "",
    kind: str = Collaboration.Kind.PROJECT,
    status: str = Collaboration.Status.RUNNING,
    starts_on=None,
    ends_on=None,
    mapping_year: int | None = None,
    areas=(),
    districts=(),
    is_public: bool = True,
    is_demo: bool = False,
) -> Collaboration:
    """Record a collaboration and its parties, given as (organisation, role) pairs.

    Guarantees: at least one party, each organisation once; the mapping year is this year unless
    given. Raises ApplicationError (code "no_parties", "duplicate_party", "ends_before_start").
    """
    if not parties:
        raise ApplicationError(_("A collaboration needs at least one party."), code="no_parties")
    organisations = [organisation.pk for organisation, _role in parties]
    if len(set(organisations)) != len(organisations):
        raise ApplicationError(
            _("An organisation can take part only once in a collaboration."),
            code="duplicate_party",
        )
    if starts_on and ends_on and ends_on < starts_on:
        raise ApplicationError(
            _("The collaboration cannot end before it starts."),
            code="ends_before_start",
            field="ends_on",
        )
    collaboration = Collaboration.objects.create(
        agreement=agreement,
        title=title,
        slug=_unique_slug(agreement, title),
        description=description,
        kind=kind,
        status=status,
        starts_on=starts_on,
        ends_on=ends_on,
        mapping_year=mapping_year or timezone.localdate().year,
        is_public=is_public,
        is_demo=is_demo,
    )
    CollaborationParty.objects.bulk_create(
        CollaborationParty(collaboration=collaboration, organisation=organisation, role=role)
        for organisation, role in parties
    )
    collaboration.areas.set(areas)
    collaboration.districts.set(districts)
    log_action(
        collaboration,
        "collaboration.created",
        by=by,
        data={"parties": [[o.pk, role] for o, role in parties]},
    )
    return collaboration
