"""Who may do what with organisations and representation.

Each check returns (allowed, reason) so a page, a template or the API can say why not, and the
services call them through core.permissions.require().
"""

from django.utils.translation import gettext as _

from samverkan.accounts.roles import is_coordinator, remembered
from samverkan.actors.models import Organisation, Representation


def represented_organisations(user) -> dict[int, str]:
    """The organisations the person is a confirmed representative of, each with its sector
    (whether they are an ombud or a city employee follows from it): one query per request,
    asked again after a write to the representations or the organisations
    (accounts.roles.remembered)."""
    if not user or not user.is_authenticated or not user.is_active:
        return {}
    return remembered(
        user,
        "represented_organisations",
        [Representation._meta.db_table, Organisation._meta.db_table],
        lambda: dict(
            Representation.objects.confirmed()
            .filter(user=user)
            .order_by()
            .values_list("organisation_id", "organisation__sector")
        ),
    )


def remember_represented_organisations(user, confirmed) -> None:
    """Let `represented_organisations` answer from the person's confirmed representations that a
    page loaded anyway, with their organisations (My pages' list of them), instead of a query of
    its own; asked again, as always, after a write to the representations or organisations."""
    if not user or not user.is_authenticated or not user.is_active:
        return
    remembered(
        user,
        "represented_organisations",
        [Representation._meta.db_table, Organisation._meta.db_table],
        lambda: {r.organisation_id: r.organisation.sector for r in confirmed},
    )


def represented_organisation_ids(user) -> frozenset[int]:
    """The organisations the person is a confirmed representative of (represented_organisations,
    no further query)."""
    if not user or not user.is_authenticated or not user.is_active:
        return frozenset()
    return remembered(
        user,
        "represented_organisation_ids",
        [Representation._meta.db_table, Organisation._meta.db_table],
        lambda: frozenset(represented_organisations(user)),
    )


def represents(user, organisation) -> bool:
    """A confirmed representative of the organisation."""
    if organisation is None or organisation.pk is None:
        return False
    return organisation.pk in represented_organisation_ids(user)


def can_create_organisation(user) -> tuple[bool, str]:
    if not user.is_authenticated:
        return False, _("Log in to register an organisation.")
    return True, ""


def can_register_for_others(user) -> tuple[bool, str]:
    """Register an organisation without becoming its representative: the coordinators, who
    keep the register. Anyone else who registers one asks to represent it."""
    if is_coordinator(user):
        return True, ""
    return False, _("Only the coordinators register organisations they do not represent.")


def can_edit_organisation(user, organisation) -> tuple[bool, str]:
    if not user or not user.is_authenticated:
        return False, _("Log in to edit an organisation.")
    if is_coordinator(user) or represents(user, organisation):
        return True, ""
    return False, _(
        "Only the organisation's confirmed representatives and the coordinators may edit it."
    )


def can_request_representation(user, organisation) -> tuple[bool, str]:
    if not user or not user.is_authenticated:
        return False, _("Log in to ask to represent an organisation.")
    return True, ""


def can_decide_representation(user, representation) -> tuple[bool, str]:
    if not user or not user.is_authenticated:
        return False, _("Log in to handle representation requests.")
    if representation.user_id == user.pk:
        # Not even a coordinator: another coordinator or representative must confirm.
        return False, _("You cannot confirm your own request.")
    if is_coordinator(user) or represents(user, representation.organisation):
        return True, ""
    return False, _(
        "Only the organisation's confirmed representatives and the coordinators "
        "may confirm representatives."
    )


def can_end_representation(user, representation) -> tuple[bool, str]:
    if not user or not user.is_authenticated:
        return False, _("Log in to end a representation.")
    if representation.user_id == user.pk:
        return True, ""
    return can_decide_representation(user, representation)


def can_view_representatives(user, organisation) -> tuple[bool, str]:
    """Who represents an organisation is personal data: shown to its representatives and the
    coordinators only."""
    return can_edit_organisation(user, organisation)
