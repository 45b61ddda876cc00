"""Absolute links: the one place that knows the site's public address (settings.SITE_URL).

E-mails, calendar feeds, PDFs, the register's CSV and the sitemap are read outside the browser,
so their links must be absolute, and they must name the address people reach the site at, not
the host a request happened to come in on (behind a proxy, or from a command with no request).
Everything builds such links here; `make run` points SITE_URL at the port it serves on
(var/local.env).
"""

import functools
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

_PLACEHOLDER = "slug-of-the-row"


def site_url() -> str:
    """The site's address without a trailing slash, e.g. "https://samverkan.malmo.se"."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(path: str = "/") -> str:
    """`path` ("/kalender/", or a name's reverse()) as a full address on this site.

    An address that is already absolute (another site's, e.g. a funding call's own page) is
    returned as it is.
    """
    if urlsplit(path).scheme in {"http", "https", "mailto", "webcal"}:
        return path
    return site_url() + "/" + path.lstrip("/")


def site_domain() -> str:
    """Host and port, e.g. "127.0.0.1:8801" (what the sitemap's links are built on)."""
    return urlsplit(site_url()).netloc


def site_host() -> str:
    """The host name alone (for identifiers such as iCalendar UIDs)."""
    return urlsplit(site_url()).hostname or "samverkansytan"


class SiteURLSitemapMixin:
    """Sitemap entries on SITE_URL's scheme and host, not on the request's."""

    def get_domain(self, site=None) -> str:
        return site_domain()

    def get_protocol(self, protocol=None) -> str:
        return urlsplit(site_url()).scheme


def on_site_url(sitemap_class: type) -> type:
    """`sitemap_class` with its links on SITE_URL (see SiteURLSitemapMixin)."""
    return type(sitemap_class.__name__, (SiteURLSitemapMixin, sitemap_class), {})


@functools.lru_cache(maxsize=64)
def _address_parts(name: str, agreement: str | None, script_prefix: str, urlconf):
    kwargs = {"slug": _PLACEHOLDER}
    if agreement is not None:
        kwargs["agreement"] = agreement
    return tuple(reverse(name, urlconf=urlconf, kwargs=kwargs).rsplit(_PLACEHOLDER, 1))


def slug_addresses(name: str, *, agreement: str | None = None):
    """A function from a slug to what `reverse(name, kwargs={"slug": slug[, "agreement":
    agreement]})` answers, from one reverse() per page kind: a list of many rows spent much of
    its time in reverse(). A slug is written in an address as it is, so it takes the
    placeholder's place; the script prefix and the URLconf (which reverse() reads itself) are
    read when the function is made, once for all the rows of a page."""
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    before, after = _address_parts(name, agreement, get_script_prefix(), urlconf)
    return lambda slug: f"{before}{slug}{after}"


def slug_address(name: str, slug: str, *, agreement: str | None = None) -> str:
    """One row's address (see slug_addresses)."""
    return slug_addresses(name, agreement=agreement)(slug)
