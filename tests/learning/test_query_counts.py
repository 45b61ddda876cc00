"""A page's query count does not grow with the data: measured at two sizes."""

import pytest
from django.urls import reverse

from samverkan.learning import services
from samverkan.learning.models import MaterialFile
from tests import factories
from tests.learning.factories import MaterialFactory, ModuleFactory, course_with_modules

pytestmark = pytest.mark.django_db

SIZES = [2, 8]


def fill(size: int):
    """`size` materials with `size` authors and `size` files each, and a course of `size`
    modules linking `size` materials, taken by `size` learners (one of them `learner`)."""
    agreement = factories.AgreementFactory(slug="malmoandan")
    authors = [factories.OrganisationFactory() for _ in range(size)]
    materials = []
    for n in range(size):
        material = MaterialFactory(agreement=agreement, title=f"Guide {n}", authors=authors)
        for m in range(size):
            MaterialFile.objects.create(
                material=material,
                file=f"learning/materials/x/{n}-{m}.pdf",
                stored_name=f"{n}-{m}.pdf",
                original_name=f"guide-{m}.pdf",
                content_type="application/pdf",
                size=100,
            )
        materials.append(material)
    course, modules = course_with_modules(size, agreement=agreement, slug="kurs")
    for module in modules:
        module.materials.set(materials)
    for _ in range(size):
        course_with_modules(size, agreement=agreement)
    learners = [factories.UserFactory() for _ in range(size)]
    for learner in learners:
        for module in modules[: size // 2]:
            services.mark_module_done(module=module, by=learner)
    return agreement, materials, course, learners[0]


# The agreement, the count, the page of materials, their authors, their files.
LIBRARY_QUERIES = 5
# The agreement, the material, its authors, files and the modules that link it.
MATERIAL_QUERIES = 5
# The agreement, the courses with their totals.
COURSE_LIST_QUERIES = 2
# A learner: + session, user, coordinator?, their enrolments.
COURSE_LIST_QUERIES_LEARNER = COURSE_LIST_QUERIES + 4
# The agreement, the course, its modules, their materials; a learner: + session, user,
# coordinator?, the enrolment, its done modules.
COURSE_QUERIES_LEARNER = 4 + 5
# The same for a module page.
MODULE_QUERIES_LEARNER = COURSE_QUERIES_LEARNER
# Session, user, the agreement, coordinator?, the enrolments with their counts.
MY_COURSES_QUERIES = 5
# The count, the page, authors, files.
API_MATERIALS_QUERIES = 4
# The agreement, the course with totals, its modules, their materials.
API_COURSE_QUERIES = 4


@pytest.mark.parametrize("size", SIZES)
def test_library_queries_do_not_grow(client, django_assert_num_queries, size):
    agreement, _materials, _course, _learner = fill(size)

    with django_assert_num_queries(LIBRARY_QUERIES):
        response = client.get(reverse("learning:library", kwargs={"agreement": agreement.slug}))

    assert len(response.context["page"].object_list) == size


@pytest.mark.parametrize("size", SIZES)
def test_search_queries_do_not_grow(client, django_assert_num_queries, size):
    agreement, _materials, _course, _learner = fill(size)

    with django_assert_num_queries(LIBRARY_QUERIES):
        response = client.get(
            reverse("learning:library", kwargs={"agreement": agreement.slug}),
            {"q": "stöd", "amne": "medskapande"},
        )

    assert response.context["page"].paginator.count == size


@pytest.mark.parametrize("size", SIZES)
def test_material_page_queries_do_not_grow(client, django_assert_num_queries, size):
    _agreement, materials, _course, _learner = fill(size)

    with django_assert_num_queries(MATERIAL_QUERIES):
        response = client.get(materials[0].get_absolute_url())

    assert len(response.context["material"].published_modules) == size


@pytest.mark.parametrize("size", SIZES)
def test_course_list_queries_do_not_grow(client, django_assert_num_queries, size):
    agreement, _materials, _course, learner = fill(size)
    url = reverse("learning:courses", kwargs={"agreement": agreement.slug})

    with django_assert_num_queries(COURSE_LIST_QUERIES):
        client.get(url)
    client.force_login(learner)
    with django_assert_num_queries(COURSE_LIST_QUERIES_LEARNER):
        response = client.get(url)

    assert len(response.context["courses"]) == size + 1


@pytest.mark.parametrize("size", SIZES)
def test_course_page_queries_do_not_grow(client, django_assert_num_queries, size):
    _agreement, _materials, course, learner = fill(size)
    client.force_login(learner)

    with django_assert_num_queries(COURSE_QUERIES_LEARNER):
        response = client.get(course.get_absolute_url())

    assert response.context["progress"].done == size // 2
    assert all(len(m.linked_materials) == size for m in response.context["modules"])


@pytest.mark.parametrize("size", SIZES)
def test_module_page_queries_do_not_grow(client, django_assert_num_queries, size):
    _agreement, _materials, course, learner = fill(size)
    module = course.modules.order_by("position").last()
    client.force_login(learner)

    with django_assert_num_queries(MODULE_QUERIES_LEARNER):
        response = client.get(module.get_absolute_url())

    assert response.context["number"] == size


@pytest.mark.parametrize("size", SIZES)
def test_my_courses_queries_do_not_grow(client, django_assert_num_queries, size):
    agreement, _materials, _course, learner = fill(size)
    for course in agreement.courses.exclude(slug="kurs"):
        ModuleFactory(course=course)
        services.start_course(course=course, by=learner)
    client.force_login(learner)

    with django_assert_num_queries(MY_COURSES_QUERIES):
        response = client.get(reverse("learning:my_courses", kwargs={"agreement": "malmoandan"}))

    assert len(response.context["enrolments"]) == size + 1


@pytest.mark.parametrize("size", SIZES)
def test_api_material_list_queries_do_not_grow(client, django_assert_num_queries, size):
    fill(size)

    with django_assert_num_queries(API_MATERIALS_QUERIES):
        response = client.get("/api/v1/materials")

    assert response.json()["count"] == size


@pytest.mark.parametrize("size", SIZES)
def test_api_course_queries_do_not_grow(client, django_assert_num_queries, size):
    _agreement, _materials, course, _learner = fill(size)

    with django_assert_num_queries(API_COURSE_QUERIES):
        response = client.get(f"/api/v1/courses/malmoandan/{course.slug}")

    assert len(response.json()["modules"]) == size
