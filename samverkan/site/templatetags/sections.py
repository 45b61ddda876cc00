import functools

from django import template
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.safestring import mark_safe

from samverkan.site import layout

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
    """The reversed address, once per process (the script prefix and the language are in the
    key, as reverse() depends on them). A slug that is no agreement's fills the cache no further
    than `maxsize`."""
    return layout.section_reverse(section, agreement)


@register.simple_tag(takes_context=True)
def section_current(context, section: str) -> str:
    """` aria-current="page"` on the menu link of the section the current page belongs to: its
    own page, or another page of the same app when no other section claims it."""
    match = getattr(context.get("request"), "resolver_match", None)
    return CURRENT if layout.current_section(match) == section else ""


@register.simple_tag(takes_context=True)
def site_head_links(context) -> str:
    """The icons, style sheets and scripts of every page's head (site/layout.py)."""
    return mark_safe(layout.rendered("site/_head_links.html", context, same_on_every_page=True))  # nosec B703, B308  # noqa: S308


@register.simple_tag(takes_context=True)
def site_header(context) -> str:
    """Every page's header: account and language links, brand, main menu (site/layout.py)."""
    return mark_safe(layout.rendered("site/_header.html", context))  # nosec B703, B308  # noqa: S308


@register.simple_tag(takes_context=True)
def site_footer(context) -> str:
    """Every page's footer (site/layout.py)."""
    return mark_safe(layout.rendered("site/_footer.html", context))  # nosec B703, B308  # noqa: S308
