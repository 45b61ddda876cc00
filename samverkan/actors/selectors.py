"""Reads of the register that need thought: search, filters, Swedish order, one page's data."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import Prefetch, QuerySet
from django.db.models.functions import Collate
from django.template.defaultfilters import truncatewords
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from samverkan.accounts.roles import GROUP_ROLES, group_names, is_administrator, is_coordinator
from samverkan.actors import permissions
from samverkan.actors.models import District, InterestArea, Organisation, Representation, Sector
from samverkan.actors.search import search
from samverkan.core.cache import cached_fragment, cached_value
from samverkan.core.collation import SWEDISH_COLLATION
from samverkan.core.pagination import counted_page
from samverkan.core.registry import SectionRegistry
from samverkan.core.search_terms import query_terms

# Sections other apps add to an organisation's page (its collaborations, events, postings):
# context(organisation, user, can_edit) -> dict | None, registered in the app's ready().
# `can_edit` (a representative of the organisation or a coordinator) may see what is not public.
# They are the same for everyone with the same `can_edit`: rendered once for them all, for an
# anonymous `user` (organisation_page_data), so a section must not depend on who asks.
ORGANISATION_PAGE = SectionRegistry()


@dataclass(frozen=True)
class RegisterFilters:
    q: str = ""
    sector: str = ""
    district: str = ""  # slug
    interest_area: str = ""  # slug
    legal_form: str = ""


def search_register(filters: RegisterFilters, *, base: QuerySet | None = None) -> QuerySet:
    """Public organisations matching the filters: best match first when searching, otherwise in
    Swedish alphabetical order (å, ä, ö after z). Districts and areas come prefetched.
    """
    qs = base if base is not None else Organisation.objects.public()
    if filters.sector:
        qs = qs.filter(sector=filters.sector)
    if filters.legal_form:
        qs = qs.filter(legal_form=filters.legal_form)
    if filters.district:
        qs = qs.filter(districts__slug=filters.district)
    if filters.interest_area:
        qs = qs.filter(interest_areas__slug=filters.interest_area)
    qs = search(qs, filters.q)
    swedish_name = Collate("name", SWEDISH_COLLATION)
    order = ["-rank", swedish_name, "pk"] if filters.q.strip() else [swedish_name, "pk"]
    return qs.order_by(*order).prefetch_related(
        Prefetch("districts", queryset=District.objects.order_by("name")),
        Prefetch("interest_areas", queryset=InterestArea.objects.order_by("name")),
    )


def register_page(filters: RegisterFilters, number) -> Page:
    """One page of the register as `search_register` orders it (`number` as Paginator.get_page
    reads it). A search ranks every match before it knows its best ones, so the number of
    matches is read in that same query (core.pagination.counted_page) instead of a count that
    reads them all again; without words the register is read in the order of its name index,
    and a count of its own is cheaper than a window over all of it. So is SQLite's, which
    counts from its FTS5 index and cannot read bm25() in a query with a window function."""
    organisations = search_register(filters)
    if query_terms(filters.q) and connection.vendor == "postgresql":
        return counted_page(organisations, settings.REGISTER_PAGE_SIZE, number)
    return Paginator(organisations, settings.REGISTER_PAGE_SIZE).get_page(number)


def filter_choices() -> dict:
    """The choices the register's filter form offers, in Swedish order. The districts and areas
    are the same for everyone: read once and kept (core.cache.cached_value) until one changes."""

    def read() -> dict:
        return {
            "districts": list(
                District.objects.order_by(Collate("name", SWEDISH_COLLATION)).values_list(
                    "slug", "name"
                )
            ),
            "interest_areas": list(
                InterestArea.objects.order_by(Collate("name", SWEDISH_COLLATION)).values_list(
                    "slug", "name"
                )
            ),
        }

    return {"sectors": Sector.choices, **cached_value("register-filter-choices", [], read)}


def register_results(filters: RegisterFilters, number, query: str) -> str:
    """The register's results as HTML (the count, one page of organisations, the links to the
    other pages, which carry `query`): the same for everyone who asks for the same search and
    page, so rendered once, without the request, and kept (core.cache.cached_fragment) until a
    table it read is written to."""

    def render() -> str:
        page = register_page(filters, number)
        return render_to_string("actors/_results.html", {"page": page, "query": query})

    parts = [repr(filters), number or "", query]
    return cached_fragment("register-results", parts, render)


def organisation_page_data(slug: str, *, user) -> dict | None:
    """Everything the public page of one organisation shows, in a fixed number of queries.

    What is the same for everyone (the profile; the other apps' sections, which differ only for
    those who may edit it) is rendered without the request and kept as HTML
    (core.cache.cached_value) until a table it read is written to: a logged-in person reads only
    their own part, the representatives panel."""
    loaded = {}

    def profile() -> dict | None:
        organisation = (
            Organisation.objects.public()
            .select_related("part_of")
            .prefetch_related(
                Prefetch("districts", queryset=District.objects.order_by("name")),
                Prefetch("interest_areas", queryset=InterestArea.objects.order_by("name")),
                Prefetch("umbrellas", queryset=Organisation.objects.order_by("name")),
                Prefetch(
                    "umbrella_members", queryset=Organisation.objects.public().order_by("name")
                ),
                Prefetch("parts", queryset=Organisation.objects.public().order_by("name")),
            )
            .filter(slug=slug)
            .first()
        )
        if organisation is None:
            return None
        loaded["organisation"] = organisation
        html = render_to_string("actors/_organisation_profile.html", {"organisation": organisation})
        return {
            "pk": organisation.pk,
            "name": organisation.name,
            "description": truncatewords(organisation.description, 30) or organisation.name,
            "html": str(html),
        }

    shared = cached_value("organisation-profile", [slug], profile)
    if shared is None:
        return None
    # What the personal part and the permission checks need of the organisation: its key.
    organisation = Organisation(pk=shared["pk"], slug=slug, name=shared["name"])
    can_edit = permissions.can_edit_organisation(user, organisation)[0]

    def sections() -> str:
        shown = loaded.get("organisation") or Organisation.objects.get(pk=shared["pk"])
        # Rendered for nobody in particular: a section differs only by `can_edit`.
        rendered = ORGANISATION_PAGE.sections(shown, AnonymousUser(), can_edit)
        html = render_to_string(
            "actors/_organisation_sections.html", {"sections": rendered, "organisation": shown}
        )
        return str(html)

    parts = [shared["pk"], can_edit, timezone.get_current_timezone_name()]
    # The organisation may have been read by profile() above: its table counts as read.
    sections_html = cached_fragment(
        "organisation-sections", parts, sections, depends_on=[Organisation]
    )
    representatives = []
    pending = []
    if can_edit:
        representations = list(
            Representation.objects.filter(
                organisation=organisation,
                status__in=[Representation.Status.CONFIRMED, Representation.Status.PENDING],
            )
            .select_related("user")
            .order_by("requested_at")
        )
        representatives = [r for r in representations if r.status == "confirmed"]
        pending = [r for r in representations if r.status == "pending"]
    own = None
    if can_edit:
        # The person's own request or representation is among those just read.
        own = next((r for r in representations if r.user_id == user.pk), None)
    elif user.is_authenticated:
        own = (
            Representation.objects.filter(
                organisation=organisation,
                user=user,
                status__in=[Representation.Status.CONFIRMED, Representation.Status.PENDING],
            )
            .only("id", "status")
            .first()
        )
    return {
        "organisation": organisation,
        "page_description": shared["description"],
        "profile_html": mark_safe(shared["html"]),  # nosec B703, B308  # noqa: S308 - our template's
        "sections_html": sections_html,
        "can_edit": can_edit,
        "representatives": representatives,
        "pending": pending,
        "own_representation": own,
    }


def pending_representations_for(user, *, coordinator: bool | None = None) -> QuerySet:
    """Requests this person may confirm: all for coordinators, their organisations' otherwise.
    `coordinator` may be passed when the caller already knows whether the person is one."""
    if coordinator is None:
        coordinator = is_coordinator(user)
    qs = Representation.objects.pending().select_related("user", "organisation")
    if not coordinator:
        # The person's organisations as the permission checks read them (once per request);
        # none: no query at all.
        represented = permissions.represented_organisation_ids(user)
        if not represented:
            return qs.none()
        qs = qs.filter(organisation__in=sorted(represented)).exclude(user=user)
    return qs.order_by("requested_at")


def role_labels(user) -> list[str]:
    """The roles a person holds, as shown on their own page: representative and city employee
    follow from their confirmed representations, the rest from accounts.roles."""
    if not user.is_authenticated:
        return [_("Visitor")]
    labels = [_("Member")]
    # What the page's permission checks have already read (accounts.roles.remembered): no query.
    sectors = set(permissions.represented_organisations(user).values())
    if sectors - {Sector.MUNICIPALITY}:
        labels.append(_("Representative"))
    if Sector.MUNICIPALITY in sectors:
        labels.append(_("City employee"))
    groups = group_names(user)
    labels += [str(label) for name, label in GROUP_ROLES.items() if name in groups]
    if is_administrator(user):
        labels.append(_("Administrator"))
    return labels
