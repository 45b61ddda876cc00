"""Browser tests: Playwright driving Debian's Chromium, axe-core on every page they pass.

The `browser` and `page` fixtures are in tests/conftest.py, so that every test directory shares
one Chromium per test process.
"""

import os

from axe_playwright_python.sync_playwright import Axe

# Playwright's sync API runs an event loop in the test thread; the live server's ORM calls are
# synchronous all the same.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# WCAG 2.1 A and AA, which Swedish law (2018:1937) requires, plus axe's best practices.
AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


_AXE_SOURCE = Axe().axe_script

# One call into the page: wait until htmx has no request in flight and nothing is being swapped
# in (axe-core reads the page while it runs), run axe-core, and return only the violations, one
# readable line each, instead of axe-core's whole report.
_RUN_AXE = """async (options) => {
  const busy = () => document.readyState !== "complete"
    || document.querySelector(".htmx-request, .htmx-swapping, .htmx-settling");
  while (busy()) await new Promise((resolve) => requestAnimationFrame(resolve));
  const results = await axe.run(document, options);
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} – `
    + v.nodes.slice(0, 5).map((node) => node.target[0]).join("; "));
}"""
_ASSETS = """() => ({
  sheets: [...document.styleSheets].map((sheet) => sheet.href || "inline").sort(),
  media: document.querySelector("audio, video") !== null,
})"""
# Two rules need what axe-core downloads before it runs (its `preload`): no-autoplay-audio the
# page's audio and video, css-orientation-lock (WCAG 1.3.4, marked experimental by axe-core and
# so off unless asked for) the stylesheets. The stylesheets are the same on almost every page:
# css-orientation-lock runs, with their download, on each set of stylesheets the first time this
# test process sees it, and on any page with a stylesheet of its own; otherwise axe-core runs
# without downloading anything (the download is a third of its time on most pages).
_stylesheets_read: set[tuple[str, ...]] = set()


def axe_violations(page) -> list[str]:
    """axe-core's violations on the current page, one readable line each, once htmx has no
    request in flight and nothing being swapped in."""
    page.evaluate(_AXE_SOURCE)
    assets = page.evaluate(_ASSETS)
    sheets = tuple(assets["sheets"])
    new_sheets = "inline" in sheets or sheets not in _stylesheets_read
    options = {
        **AXE_OPTIONS,
        "preload": new_sheets or assets["media"],
        "rules": {"css-orientation-lock": {"enabled": new_sheets}},
    }
    violations = page.evaluate(_RUN_AXE, options)
    _stylesheets_read.add(sheets)
    return violations


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"axe-core on {page.url}:\n" + "\n".join(violations)


def log_in(page, live_server, user) -> None:
    """Log `user` in in the browser without the login form: the session cookie of a Django test
    client that logged them in, in place of whoever was logged in before."""
    from django.conf import settings
    from django.test import Client

    page.context.clear_cookies()
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )


def visit(page, live_server, path: str) -> None:
    """Open `path`, expect a 200 and no axe-core violation."""
    response = page.goto(live_server.url + path)
    assert response.status == 200, path
    assert_accessible(page)


def follow(locator) -> None:
    """Click a link or a submit button and wait until the page it leads to has loaded.

    A click returns as soon as the browser has it, before the next page is there: a check or an
    axe-core run straight after it can read the old page, or a document half replaced. htmx
    requests that push a URL count as navigations too, so the same call waits for them.
    """
    with locator.page.expect_navigation():
        locator.click()


# Records every Content Security Policy violation, also those before the page's own scripts run
# (an init script is injected by the browser, outside the page's policy).
_LISTEN_FOR_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ` +
                    `${e.sourceFile || location.pathname}:${e.lineNumber}`);
});
"""


def watch_csp(page) -> list[str]:
    """From now on, the CSP violations Chromium reports on `page` (console messages), in the
    list returned; `csp_violations(page)` gives those the current document saw."""
    seen: list[str] = []
    page.add_init_script(_LISTEN_FOR_CSP)
    page.on(
        "console",
        lambda message: (
            seen.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text or message.text.startswith("Refused")
            else None
        ),
    )
    return seen


def csp_violations(page) -> list[str]:
    """The violations the current document's listener (watch_csp) recorded."""
    return [f"{page.url}: {v}" for v in page.evaluate("window.__csp || []")]


# Screens the pages are checked at: a laptop and a phone (an iPhone 12-15's CSS pixels).
SCREENS = {"desktop": {"width": 1366, "height": 768}, "phone": {"width": 390, "height": 844}}

# The element that reaches furthest past the right edge of the screen, as "main > div > table
# (931px)": what to fix when a page scrolls sideways.
_WIDEST_ELEMENT = """() => {
  const edge = document.documentElement.clientWidth;
  let widest = null, right = edge;
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width && box.right > right) { right = box.right; widest = element; }
  }
  if (!widest) return "no single element (text overflowing its box?)";
  const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
    + (typeof e.className === "string" && e.className.trim()
       ? "." + e.className.trim().split(/\\s+/).join(".") : "");
  const path = [];
  for (let e = widest; e && e !== document.body && path.length < 4; e = e.parentElement) {
    path.unshift(name(e));
  }
  return path.join(" > ") + " (" + Math.round(right) + "px)";
}"""


def sideways_scroll(page) -> str:
    """Why the current page scrolls sideways on its screen, or "" when it does not."""
    screen = page.viewport_size["width"]
    width = page.evaluate("document.documentElement.scrollWidth")
    if width <= screen:
        return ""
    return f"{page.url} is {width}px wide on a {screen}px screen; widest: " + page.evaluate(
        _WIDEST_ELEMENT
    )


def assert_fits_the_screen(page) -> None:
    problem = sideways_scroll(page)
    assert not problem, problem
