import functools

from django import template
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.safestring import mark_safe

from samverkan.site.sections import SECTIONS

register = template.Library()
CURRENT = mark_safe(' aria-current="page"')  # nosec B308  # a constant


@register.simple_tag(takes_context=True)
def section_url(context, section: str) -> str:
    """The address of `section` (a key of SECTIONS) in the agreement of the current page, or
    the short address that redirects to the primary agreement's."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    agreement = match.kwargs.get("agreement") if match else None
    return section_address(section, agreement, get_script_prefix(), translation.get_language())


@functools.lru_cache(maxsize=1024)
def section_address(section: str, agreement: str | None, _prefix: str, _language: str) -> str:
    """The reversed address, once per process: every page's menu and footer ask for the same
    fourteen (the script prefix and the language are in the key, as reverse() depends on them).
    A slug that is no agreement's fills the cache no further than `maxsize`."""
    if agreement:
        return reverse(SECTIONS[section], kwargs={"agreement": agreement})
    return reverse("site:section", kwargs={"section": section})


@register.simple_tag(takes_context=True)
def section_current(context, section: str) -> str:
    """` aria-current="page"` on the menu link of the section the current page belongs to: its
    own page, or another page of the same app when no other section claims it (an area's page
    belongs to "omraden", a meeting's to "styrning")."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None:
        return ""
    name = SECTIONS[section]
    if match.view_name == name:
        return CURRENT
    if match.view_name in SECTIONS.values():
        return ""
    first_of_app = next(n for n in SECTIONS.values() if n.split(":")[0] == name.split(":")[0])
    if match.namespace == name.split(":")[0] and first_of_app == name:
        return CURRENT
    return ""
