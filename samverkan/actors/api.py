"""The organisations of the public register, read-only."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from samverkan.actors.models import Organisation
from samverkan.actors.selectors import RegisterFilters, search_register
from samverkan.core.links import slug_address
from samverkan.core.pagination import PageNumberPagination


class OrganisationRef(Schema):
    """An organisation named in another list (a host, a party, an author): the one shape every
    app's API uses for it."""

    name: str
    slug: str
    url: str

    @staticmethod
    def resolve_url(obj) -> str:
        return slug_address("actors:organisation", obj.slug)


router = Router()


class NamedRef(Schema):
    name: str
    slug: str


class OrganisationOut(Schema):
    slug: str
    name: str
    sector: str
    sector_label: str = Field(..., alias="get_sector_display")
    legal_form: str
    legal_form_label: str = Field(..., alias="get_legal_form_display")
    organisation_number: str
    description: str
    website: str
    email: str
    phone: str
    street_address: str
    postal_code: str
    city: str
    districts: list[NamedRef]
    interest_areas: list[NamedRef]
    url: str = Field(..., alias="get_absolute_url")


class OrganisationDetailOut(OrganisationOut):
    umbrellas: list[NamedRef]


class RegisterQuery(Schema):
    q: str = Field("", description="Swedish full-text search: 'idrott' finds 'Idrottsföreningen'.")
    sector: str = Field("", description="civil, municipal, academia, business or authority")
    district: str = Field("", description="A district's slug, e.g. rosengard")
    interest_area: str = Field("", description="An area of interest's slug")


@router.get(
    "",
    response=list[OrganisationOut],
    summary=gettext_noop("Organisations in the public register, searchable and filterable"),
)
@paginate(PageNumberPagination, page_size=settings.REGISTER_PAGE_SIZE)
def list_organisations(request, filters: Query[RegisterQuery]):
    return search_register(RegisterFilters(**filters.dict()))


@router.get(
    "/{slug}",
    response=OrganisationDetailOut,
    summary=gettext_noop("One organisation of the public register"),
)
def get_organisation(request, slug: str):
    return get_object_or_404(
        Organisation.objects.public().prefetch_related("districts", "interest_areas", "umbrellas"),
        slug=slug,
    )
