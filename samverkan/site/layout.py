"""The header and footer of every page, rendered once per process and kind of page.

Every page repeats the same header and footer: a dozen translated link texts, the addresses of
the fourteen sections, the static files. Rendering them with the template engine on each
request cost about a millisecond of a logged-in page's few (issue 15). What they show depends
only on the language, whether someone is logged in, the agreement of the page (the section
links stay in it), which link is the current page's (aria-current) and the address prefix, so
each combination is rendered once and kept in the process (`chrome`), like the compiled
templates themselves. Nothing of the person is in it: the CSRF token of the logout and language
forms, the current address (the language switch's `next`) and the number of the person's unread
notifications beside "My pages" are placeholders, filled in per request (`fill_in`). A setting
changed in a test or an edited template (runserver) forgets them.
"""

import functools

from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import ngettext

from samverkan.core.notify import unread_count
from samverkan.site.dashboard import UNREAD_ATTRIBUTE
from samverkan.site.sections import FIRST_OF_APP, SECTION_OF_VIEW, SECTIONS

CSRF_PLACEHOLDER = "_SITE_LAYOUT_CSRF_TOKEN_"
CSRF_INPUT = f'<input type="hidden" name="csrfmiddlewaretoken" value="{CSRF_PLACEHOLDER}">'
NEXT_PLACEHOLDER = "_SITE_LAYOUT_NEXT_PATH_"
UNREAD_PLACEHOLDER = "_SITE_LAYOUT_UNREAD_NOTIFICATIONS_"
# The utility links marked as the current page by their URL name (any app's).
MARKED_URL_NAMES = ("dashboard", "account_login", "account_signup")


def current_section(match) -> str | None:
    """The key of SECTIONS whose link is the current page's section: its own page, or another
    page of the same app when no other section claims it (an area's page belongs to "omraden",
    a meeting's to "styrning")."""
    if match is None:
        return None
    if match.view_name in SECTION_OF_VIEW:
        return SECTION_OF_VIEW[match.view_name]
    return FIRST_OF_APP.get(match.namespace)


def page_kind(context) -> tuple:
    """What of the request the header and footer show, as a key: the agreement of the page,
    logged in or not, and which link is the current page's."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    user = context.get("user")
    return (
        match.kwargs.get("agreement") if match else None,
        bool(getattr(user, "is_authenticated", False)),
        current_section(match),
        match.url_name if match and match.url_name in MARKED_URL_NAMES else None,
        bool(match and match.app_name == "actors"),
        bool(match and match.view_name == "core:designsystem"),
    )


@functools.lru_cache(maxsize=512)
def chrome(template_name: str, kind: tuple, language: str, _prefix: str, _urlconf) -> str:
    """The header or footer for this kind of page, rendered once. The language is active and
    the script prefix and URL configuration in effect are those of the key (reverse() and the
    translations depend on them). A slug that is no agreement's fills it no further than
    `maxsize`."""
    agreement, logged_in, section, marked_url_name, in_register, in_design_system = kind
    context = {
        # Keyed as a template can name them: section_urls.behov_och_erbjudanden.
        "section_urls": {
            key.replace("-", "_"): section_reverse(key, agreement) for key in SECTIONS
        },
        "logged_in": logged_in,
        "current_section": section,
        "marked_url_name": marked_url_name,
        "in_register": in_register,
        "in_design_system": in_design_system,
        "csrf_token": CSRF_PLACEHOLDER,
        "next_path": NEXT_PLACEHOLDER,
        "unread_notifications": UNREAD_PLACEHOLDER,
    }
    return render_to_string(template_name, context)


def section_reverse(section: str, agreement: str | None) -> str:
    """The address of `section` in `agreement`, or the short address that redirects to the
    primary agreement's section."""
    if agreement:
        return reverse(SECTIONS[section], kwargs={"agreement": agreement})
    return reverse("site:section", kwargs={"section": section})


def rendered(template_name: str, context, *, same_on_every_page: bool = False) -> str:
    """The header or footer of the page being rendered with `context`, this request's CSRF
    token and address filled in. `same_on_every_page`: one rendering whatever the page (the
    head's links)."""
    kind = (None, False, None, None, False, False) if same_on_every_page else page_kind(context)
    language = translation.get_language()
    html = chrome(template_name, kind, language, get_script_prefix(), get_urlconf())
    return fill_in(html, context)


def fill_in(html: str, context) -> str:
    """The placeholders replaced by this request's values: the CSRF token (no hidden field
    without one, as {% csrf_token %} writes none), the person's unread notifications and the
    current address, escaped. The address, which the visitor chose, is put in last so that
    nothing is replaced inside it."""
    if CSRF_PLACEHOLDER in html:
        token = context.get("csrf_token")
        if token and str(token) != "NOTPROVIDED":
            html = html.replace(CSRF_PLACEHOLDER, escape(str(token)))
        else:
            html = html.replace(CSRF_INPUT, "")
    if UNREAD_PLACEHOLDER in html:
        html = html.replace(UNREAD_PLACEHOLDER, unread_badge(context.get("user")))
    if NEXT_PLACEHOLDER in html:
        request = context.get("request")
        path = request.get_full_path() if request is not None else ""
        html = html.replace(NEXT_PLACEHOLDER, escape(path))
    return html


def unread_badge(user) -> str:
    """The badge after "My pages" ("2 unread"), or nothing when all is read. One query for a
    logged-in person (none when My pages' block has counted already)."""
    if not getattr(user, "is_authenticated", False):
        return ""
    count = getattr(user, UNREAD_ATTRIBUTE, None)
    if count is None:
        count = unread_count(user)
    if not count:
        return ""
    text = ngettext("%(count)d unread", "%(count)d unread", count) % {"count": count}
    return f' <span class="badge badge-info">{escape(text)}</span>'


def forget(**kwargs) -> None:
    """Drop every rendered header and footer (a setting changed in a test, a template edited
    under runserver)."""
    chrome.cache_clear()
