from django import template
from django.urls import reverse
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
