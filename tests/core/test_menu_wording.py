"""A menu label and the heading of the page it leads to are the same words, in both languages:
"Boka lokal" leads to "Boka lokal", not to "Mötesplatser"."""

import html
import re

import pytest

from samverkan.site.sections import SECTIONS
from tests import factories

pytestmark = pytest.mark.django_db


def menu_label(page: str, section: str) -> str:
    match = re.search(rf'<a href="/{section}/"[^>]*>\s*([^<]+?)\s*</a>', page)
    assert match, section
    return html.unescape(match.group(1))


def heading(page: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.DOTALL)
    return html.unescape(re.sub(r"<[^>]+>|\s+", " ", match.group(1)).strip())


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("section", list(SECTIONS))
def test_a_menu_label_is_the_heading_of_its_page(client, section, language):
    factories.AgreementFactory(slug="malmoandan", is_primary=True)
    client.cookies["django_language"] = language
    start = client.get("/").content.decode()

    page = client.get(f"/{section}/", follow=True).content.decode()

    assert heading(page) == menu_label(start, section)
