"""The library's and the courses' public pages are in the sitemap; unpublished ones are not."""

import pytest

from tests import factories
from tests.learning.factories import MaterialFactory, course_with_modules

pytestmark = pytest.mark.django_db


def test_public_pages_are_in_the_sitemap(client, settings):
    settings.SITE_URL = "http://testserver"  # the sitemap's links are on SITE_URL
    agreement = factories.AgreementFactory(slug="malmoandan")
    material = MaterialFactory(agreement=agreement, slug="guide")
    MaterialFactory(agreement=agreement, slug="utkast", is_published=False)
    course, modules = course_with_modules(2, agreement=agreement, slug="kurs")
    course_with_modules(1, agreement=agreement, slug="dold", is_published=False)

    text = client.get("/sitemap.xml").content.decode()

    base = "http://testserver/overenskommelser/malmoandan"
    for path in [
        "/metodbank/",
        "/metodbank/amne/medskapande/",
        "/metodbank/amne/iop/",
        "/metodbank/amne/processledning/",
        "/metodbank/amne/ovrigt/",
        "/kurser/",
    ]:
        assert f"<loc>{base}{path}</loc>" in text, path
    for page in [material, course, *modules]:
        assert f"<loc>http://testserver{page.get_absolute_url()}</loc>" in text
    assert "/metodbank/utkast/" not in text
    assert "/kurser/dold/" not in text
