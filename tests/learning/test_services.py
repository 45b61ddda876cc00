"""The rules of the library and the courses, through the services: progress, completion,
publishing, slugs and sanitising."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samverkan.core.exceptions import ApplicationError, ConflictError, PermissionDeniedError
from samverkan.core.models import AuditEntry
from samverkan.learning import services
from samverkan.learning.models import Enrolment, Material, ModuleCompletion, Topic
from tests import factories
from tests.learning.factories import (
    CourseFactory,
    MaterialFactory,
    ModuleFactory,
    course_with_modules,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(db):
    return factories.AgreementFactory(slug="malmoandan")


# ---------------------------------------------------------------------------------------------
# Progress
# ---------------------------------------------------------------------------------------------


def test_marking_a_module_done_starts_the_course(member):
    course, modules = course_with_modules(3)

    enrolment = services.mark_module_done(module=modules[0], by=member)

    assert enrolment.course == course and enrolment.user == member
    assert enrolment.completions.count() == 1
    assert enrolment.completed_at is None


def test_marking_a_module_done_twice_changes_nothing(member):
    _course, modules = course_with_modules(3)
    services.mark_module_done(module=modules[0], by=member)

    services.mark_module_done(module=modules[0], by=member)

    assert ModuleCompletion.objects.count() == 1
    assert Enrolment.objects.count() == 1


def test_starting_twice_makes_one_enrolment(member):
    course, _modules = course_with_modules(2)

    first = services.start_course(course=course, by=member)
    second = services.start_course(course=course, by=member)

    assert first.pk == second.pk
    assert Enrolment.objects.count() == 1


def test_doing_the_last_module_completes_the_course_once(member):
    _course, modules = course_with_modules(2)
    services.mark_module_done(module=modules[1], by=member)

    enrolment = services.mark_module_done(module=modules[0], by=member)
    completed_at = enrolment.completed_at
    again = services.mark_module_done(module=modules[0], by=member)

    assert completed_at is not None
    assert again.completed_at == completed_at


def test_taking_back_a_module_uncompletes_the_course(member):
    _course, modules = course_with_modules(2)
    for module in modules:
        services.mark_module_done(module=module, by=member)

    enrolment = services.mark_module_not_done(module=modules[1], by=member)

    assert enrolment.completed_at is None
    assert list(enrolment.completions.values_list("module", flat=True)) == [modules[0].pk]


def test_taking_back_a_module_not_done_is_refused(member):
    _course, modules = course_with_modules(2)

    with pytest.raises(ConflictError):
        services.mark_module_not_done(module=modules[0], by=member)


def test_progress_is_each_learners_own(member):
    _course, modules = course_with_modules(2)
    other = factories.UserFactory()
    services.mark_module_done(module=modules[0], by=other)

    enrolment = services.start_course(course=modules[0].course, by=member)

    assert enrolment.completions.count() == 0


def test_a_visitor_cannot_start_a_course():
    course, _modules = course_with_modules(1)

    with pytest.raises(PermissionDeniedError):
        services.start_course(course=course, by=AnonymousUser())


def test_a_member_cannot_take_an_unpublished_course(member):
    _course, modules = course_with_modules(1, is_published=False)

    with pytest.raises(PermissionDeniedError):
        services.mark_module_done(module=modules[0], by=member)
    assert not Enrolment.objects.exists()


def test_deleting_the_only_missing_module_completes_the_course(member, coordinator):
    _course, modules = course_with_modules(3)
    services.mark_module_done(module=modules[0], by=member)
    services.mark_module_done(module=modules[1], by=member)

    services.delete_module(module=modules[2], by=coordinator)

    assert Enrolment.objects.get(user=member).completed_at is not None


def test_a_new_module_does_not_take_a_completion_away(member, coordinator):
    course, modules = course_with_modules(1)
    services.mark_module_done(module=modules[0], by=member)

    services.add_module(course=course, title="Fördjupning", by=coordinator)

    assert Enrolment.objects.get(user=member).completed_at is not None


def test_a_course_without_modules_is_never_completed(member):
    course = CourseFactory()

    enrolment = services.start_course(course=course, by=member)

    assert enrolment.completed_at is None


# ---------------------------------------------------------------------------------------------
# Materials
# ---------------------------------------------------------------------------------------------


def test_coordinator_creates_an_unpublished_material_with_an_address(agreement, coordinator):
    organisation = factories.OrganisationFactory()

    material = services.create_material(
        agreement=agreement,
        title="Checklista för IOP – åtta frågor",
        topic=Topic.IOP,
        summary="Innan avtalet skrivs under.",
        body="<p>Text</p>",
        authors=[organisation],
        by=coordinator,
    )

    assert material.slug == "checklista-for-iop-atta-fragor"
    assert not material.is_published and material.published_at is None
    assert list(material.authors.all()) == [organisation]
    assert AuditEntry.objects.filter(action="material.created").exists()


def test_the_same_title_gets_another_address(agreement, coordinator):
    first = services.create_material(
        agreement=agreement, title="Medskapande", topic=Topic.CO_CREATION, by=coordinator
    )
    second = services.create_material(
        agreement=agreement, title="Medskapande", topic=Topic.CO_CREATION, by=coordinator
    )

    assert (first.slug, second.slug) == ("medskapande", "medskapande-2")


def test_a_title_that_is_a_page_address_gets_another(agreement, coordinator):
    material = services.create_material(
        agreement=agreement, title="Ny", topic=Topic.OTHER, by=coordinator
    )

    assert material.slug == "ny-2"


@pytest.mark.parametrize(
    ("title", "topic", "field"), [("  ", Topic.IOP, "title"), ("Titel", "okand", "topic")]
)
def test_a_material_needs_a_title_and_a_known_topic(agreement, coordinator, title, topic, field):
    with pytest.raises(ApplicationError) as error:
        services.create_material(agreement=agreement, title=title, topic=topic, by=coordinator)

    assert error.value.field == field
    assert not Material.objects.exists()


def test_a_member_cannot_create_a_material(agreement, member):
    with pytest.raises(PermissionDeniedError):
        services.create_material(agreement=agreement, title="T", topic=Topic.IOP, by=member)


def test_publishing_sets_the_first_publication_time_once(coordinator):
    material = MaterialFactory(is_published=False)

    material = services.publish_material(material=material, by=coordinator)
    first = material.published_at
    services.unpublish_material(material=material, by=coordinator)
    material = services.publish_material(material=material, by=coordinator)

    assert first is not None
    assert material.published_at == first


def test_publishing_twice_is_refused(coordinator):
    material = MaterialFactory(is_published=True)

    with pytest.raises(ConflictError):
        services.publish_material(material=material, by=coordinator)


def test_the_body_is_sanitised_when_saved(agreement, coordinator):
    material = services.create_material(
        agreement=agreement,
        title="T",
        topic=Topic.OTHER,
        body=(
            '<h1>Rubrik</h1><p onclick="steal()">Text <a href="javascript:alert(1)">länk</a>'
            '<a href="https://malmo.se">stad</a></p><script>alert(1)</script>'
            "<table><tr><th scope='col'>A</th></tr></table><img src=x onerror=alert(1)>"
        ),
        by=coordinator,
    )

    body = material.body
    assert "<script" not in body and "onclick" not in body and "onerror" not in body
    assert "javascript:" not in body and "<img" not in body
    assert "<h2>Rubrik</h2>" in body
    assert '<a href="https://malmo.se" rel="noopener noreferrer">stad</a>' in body
    assert '<th scope="col">A</th>' in body


def test_updating_keeps_the_address_and_reindexes(coordinator):
    material = MaterialFactory(title="Gammal titel", slug="gammal-titel")

    services.update_material(
        material=material, title="Partnerskapet i praktiken", body="", by=coordinator
    )

    material.refresh_from_db()
    assert material.slug == "gammal-titel"
    assert " partnerskap" in material.search_stems


def test_deleting_a_material_deletes_its_modules_links_not_the_modules(coordinator):
    material = MaterialFactory()
    module = ModuleFactory(course__agreement=material.agreement, materials=[material])

    services.delete_material(material=material, by=coordinator)

    assert not Material.objects.exists()
    module.refresh_from_db()
    assert module.materials.count() == 0


def test_a_module_cannot_link_material_of_another_agreement(coordinator):
    course = CourseFactory()
    foreign = MaterialFactory()

    with pytest.raises(ApplicationError) as error:
        services.add_module(course=course, title="M", materials=[foreign], by=coordinator)

    assert error.value.field == "materials"
    assert not course.modules.exists()


def test_modules_are_added_last(coordinator):
    course, modules = course_with_modules(2)

    module = services.add_module(course=course, title="Sist", by=coordinator)

    assert module.position == modules[-1].position + 1
