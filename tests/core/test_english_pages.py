"""Key pages in English mode show no Swedish interface text. The data is made without Swedish
words, so a Swedish word on the page can only come from an untranslated text."""

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

# Common Swedish words that no English text contains, as whole words.
SWEDISH = re.compile(
    r"\b(och|för|inte|eller|Anmäl\w*|Logga|Sök|Visa|Inga|Skapa|Boka|Spara|Avbryt|"
    r"Föreningsregistret|Kalender|Mötesplatser|Utlysningar|Styrning)\b"
)
PAGES = [
    "/",
    "/foreningsregistret/",
    "/kalender/",
    "/lokaler/",
    "/behov-och-erbjudanden/",
    "/samarbeten/",
    "/finansiering/",
    "/omraden/",
    "/styrning/",
    "/fokusomraden/",
    "/samarbetsplan/",
    "/metodbank/",
    "/beslut/",
    "/budget/",
    "/arsrapporter/",
    "/konto/login/",
    "/konto/signup/",
    "/konto/password/reset/",
]


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.DOTALL)
    html = re.sub(r"<[^>]*\blang=\"sv\"[^>]*>.*?</\w+>", " ", html)  # "På svenska"
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("path", PAGES)
def test_a_page_in_english_shows_no_swedish_words(client, path):
    factories.AgreementFactory(slug="demo", name="Demo agreement", is_primary=True)
    client.cookies["django_language"] = "en"

    response = client.get(path, follow=True)

    assert response.status_code == 200
    leaks = sorted(set(SWEDISH.findall(visible_text(response.content.decode()))))
    assert not leaks, leaks
