"""Browser walks through the library and the courses, with axe-core on each page. Elements are
found by id, name or address, never by (translated) text."""

import pytest

from samverkan.learning.models import Enrolment, Material, Topic
from tests import factories
from tests.browser.support import assert_accessible, follow, log_in, visit
from tests.learning.factories import CourseFactory, MaterialFactory, ModuleFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BASE = "/overenskommelser/malmoandan"


@pytest.fixture
def demo(db):
    agreement = factories.AgreementFactory(slug="malmoandan", name="Överenskommelse Malmöandan")
    author = factories.OrganisationFactory(name="Malmö ideella", slug="malmo-ideella")
    material = MaterialFactory(
        agreement=agreement,
        title="Checklista: håller vårt IOP juridiskt?",
        slug="checklista-iop",
        topic=Topic.IOP,
        summary="Gå igenom punkterna innan avtalet skrivs under.",
        body=(
            "<p>Ett IOP får inte vara en otillåten direktupphandling.</p>"
            "<h2>Checklista</h2><ol><li>Utanför upphandlingsreglerna</li>"
            "<li>Inget otillåtet statsstöd</li></ol>"
            "<table><caption>Roller</caption><thead><tr><th scope='col'>Part</th>"
            "<th scope='col'>Bidrag</th></tr></thead><tbody><tr><td>Förening</td>"
            "<td>Ideell tid</td></tr></tbody></table>"
        ),
        authors=[author],
    )
    MaterialFactory(agreement=agreement, title="Vad är medskapande?", slug="medskapande")
    course = CourseFactory(
        agreement=agreement,
        title="IOP steg för steg",
        slug="iop-steg-for-steg",
        description="<p>Från idé till avtal.</p>",
    )
    modules = [
        ModuleFactory(course=course, position=1, title="Vad är ett IOP?", materials=[material]),
        ModuleFactory(course=course, position=2, title="När är IOP rätt form?"),
        ModuleFactory(course=course, position=3, title="Uppföljning"),
    ]
    return {"agreement": agreement, "material": material, "course": course, "modules": modules}


def test_public_pages_have_no_axe_violations(page, live_server, demo):
    material, course = demo["material"], demo["course"]

    visit(page, live_server, f"{BASE}/metodbank/")
    assert page.locator("#materials li").count() == 2
    page.locator("#id_q").fill("upphandlingen")
    follow(page.locator("form.filters button[type=submit]"))
    page.wait_for_url("**/metodbank/?q=upphandlingen*")
    assert page.locator("#materials li").count() == 1
    assert_accessible(page)

    visit(page, live_server, f"{BASE}/metodbank/amne/iop/")
    assert page.locator(f"#materials a[href='{material.get_absolute_url()}']").count() == 1

    visit(page, live_server, material.get_absolute_url())
    assert page.locator("#authors a[href='/organisationer/malmo-ideella/']").count() == 1
    assert page.locator("#material-body table caption").count() == 1

    visit(page, live_server, f"{BASE}/kurser/")
    assert page.locator(f"#courses a[href='{course.get_absolute_url()}']").count() == 1

    visit(page, live_server, course.get_absolute_url())
    assert page.locator("#modules li").count() == 3
    visit(page, live_server, demo["modules"][0].get_absolute_url())
    assert page.locator("#module-materials a").count() == 1


def test_member_takes_a_course_to_the_end(page, live_server, demo):
    member = factories.UserFactory()
    log_in(page, live_server, member)
    course, modules = demo["course"], demo["modules"]

    visit(page, live_server, course.get_absolute_url())
    follow(page.locator("#start-course"))
    page.wait_for_url(f"**{modules[0].get_absolute_url()}")
    assert_accessible(page)

    # On the module page: done, and on to the next one.
    follow(page.locator("#module-status form[action$='/klar/'] button"))
    page.wait_for_url(f"**{modules[1].get_absolute_url()}")
    assert page.locator("#progress-course").get_attribute("data-done") == "1"
    assert page.locator("#progress-bar-course").get_attribute("value") == "1"
    assert_accessible(page)

    # On the course page: the rest, one plain form each.
    visit(page, live_server, course.get_absolute_url())
    for module in modules[1:]:
        follow(page.locator(f"#module-{module.pk} form[action$='/klar/'] button"))
        page.wait_for_url(f"**{course.get_absolute_url()}")
    assert page.locator("#progress-course").get_attribute("data-done") == "3"
    assert page.locator("#progress-course .completed").count() == 1
    assert page.locator("#modules .module-done").count() == 3
    assert_accessible(page)
    assert Enrolment.objects.get(user=member, course=course).completed_at is not None

    visit(page, live_server, f"{BASE}/mina-kurser/")
    assert page.locator(f"#progress-{course.pk} .completed").count() == 1


def test_coordinator_pages_have_no_axe_violations(page, live_server, demo):
    log_in(page, live_server, factories.coordinator())
    material, course = demo["material"], demo["course"]

    visit(page, live_server, f"{BASE}/metodbank/ny/")
    follow(page.locator("main form.stack button[type=submit]"))  # no title: one error
    assert page.locator("#error-summary").count() == 1
    assert page.locator("#id_title_error").count() == 1
    assert_accessible(page)
    page.locator("#id_title").fill("Processledarens roll")
    page.locator("#id_topic").select_option(Topic.PROCESS_LEADERSHIP)
    follow(page.locator("main form.stack button[type=submit]"))
    page.wait_for_url("**/metodbank/processledarens-roll/")
    assert page.locator("#unpublished").count() == 1
    assert_accessible(page)
    follow(page.locator("form[action$='/publicera/'] button"))
    page.wait_for_url("**/metodbank/processledarens-roll/")
    assert Material.objects.get(slug="processledarens-roll").is_published

    visit(page, live_server, f"{material.get_absolute_url()}redigera/")
    visit(page, live_server, f"{material.get_absolute_url()}filer/ny/")
    page.locator("#id_file").set_input_files(
        files=[{"name": "sida.html", "mimeType": "text/html", "buffer": b"<script></script>"}]
    )
    follow(page.locator("main form.stack button[type=submit]"))
    assert page.locator("#id_file_error").count() == 1
    assert_accessible(page)
    visit(page, live_server, f"{material.get_absolute_url()}ta-bort/")

    visit(page, live_server, f"{BASE}/kurser/")
    assert page.locator("#course-statistics").count() == 1
    visit(page, live_server, f"{BASE}/kurser/ny/")
    visit(page, live_server, f"{course.get_absolute_url()}redigera/")
    visit(page, live_server, f"{course.get_absolute_url()}moduler/ny/")
    visit(page, live_server, f"{course.get_absolute_url()}ta-bort/")
    visit(page, live_server, f"{demo['modules'][0].get_absolute_url()}ta-bort/")
