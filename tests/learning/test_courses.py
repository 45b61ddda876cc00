"""Course pages: taking a course with plain forms, progress on the page, "My courses", the
coordinators' figures and forms."""

import pytest
from django.urls import reverse

from samverkan.learning import services
from samverkan.learning.models import Course, CourseModule, Enrolment
from tests import factories
from tests.learning.factories import MaterialFactory, ModuleFactory, course_with_modules

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(db):
    return factories.AgreementFactory(slug="malmoandan")


@pytest.fixture
def course(agreement):
    course, _modules = course_with_modules(3, agreement=agreement, slug="grundkurs")
    return course


def modules_of(course):
    return list(course.modules.order_by("position"))


def done_url(module):
    return reverse(
        "learning:module_done",
        kwargs={"agreement": "malmoandan", "slug": module.course.slug, "pk": module.pk},
    )


def test_marking_done_with_a_plain_form_goes_back_and_shows_progress(client, course, member):
    client.force_login(member)
    first = modules_of(course)[0]

    response = client.post(done_url(first), {"next": course.get_absolute_url()}, follow=True)

    assert response.redirect_chain == [(course.get_absolute_url(), 302)]
    progress = response.context["progress"]
    assert (progress.done, progress.total, progress.is_complete) == (1, 3, False)
    text = response.content.decode()
    assert '<progress id="progress-bar-course" max="3" value="1">33 %</progress>' in text
    assert '<label for="progress-bar-course">' in text


def test_marking_done_refuses_a_next_address_elsewhere(client, course, member):
    client.force_login(member)

    response = client.post(done_url(modules_of(course)[0]), {"next": "https://evil.example/"})

    assert response.url == course.get_absolute_url()


def test_doing_every_module_shows_the_course_as_completed(client, course, member):
    client.force_login(member)
    for module in modules_of(course):
        response = client.post(done_url(module), follow=True)

    assert response.context["progress"].is_complete
    assert 'class="badge badge-ok completed"' in response.content.decode()
    assert Enrolment.objects.get(user=member).completed_at is not None


def test_taking_a_module_back_through_the_form(client, course, member):
    client.force_login(member)
    module = modules_of(course)[0]
    client.post(done_url(module))

    client.post(
        reverse(
            "learning:module_undo",
            kwargs={"agreement": "malmoandan", "slug": course.slug, "pk": module.pk},
        )
    )

    assert Enrolment.objects.get(user=member).completions.count() == 0


def test_a_module_page_shows_its_place_neighbours_and_readable_materials(client, agreement):
    _course, modules = course_with_modules(3, agreement=agreement)
    readable = MaterialFactory(agreement=agreement, title="Läsbar")
    draft = MaterialFactory(agreement=agreement, title="Utkast", is_published=False)
    modules[1].materials.set([readable, draft])

    response = client.get(modules[1].get_absolute_url())

    assert response.context["number"] == 2
    assert response.context["previous_module"] == modules[0]
    assert response.context["following_module"] == modules[2]
    assert [m.title for m in response.context["module"].linked_materials] == ["Läsbar"]


def test_a_module_of_another_course_is_not_found(client, agreement):
    course, _modules = course_with_modules(1, agreement=agreement)
    _other, other_modules = course_with_modules(1, agreement=agreement)

    response = client.get(
        reverse(
            "learning:module",
            kwargs={"agreement": "malmoandan", "slug": course.slug, "pk": other_modules[0].pk},
        )
    )

    assert response.status_code == 404


def test_my_courses_lists_progress_unfinished_first(client, agreement, member):
    _first, first_modules = course_with_modules(2, agreement=agreement, title="Först klar")
    _second, second_modules = course_with_modules(4, agreement=agreement, title="Pågår")
    for module in first_modules:
        services.mark_module_done(module=module, by=member)
    services.mark_module_done(module=second_modules[0], by=member)
    _other_agreement_course, other_modules = course_with_modules(1)
    services.mark_module_done(module=other_modules[0], by=member)
    client.force_login(member)

    response = client.get(reverse("learning:my_courses", kwargs={"agreement": "malmoandan"}))

    rows = [
        (e.course.title, e.progress.done, e.progress.total, e.progress.is_complete)
        for e in response.context["enrolments"]
    ]
    assert rows == [("Pågår", 1, 4, False), ("Först klar", 2, 2, True)]


def test_course_list_shows_the_learners_progress(client, agreement, course, member):
    services.mark_module_done(module=modules_of(course)[0], by=member)
    client.force_login(member)

    response = client.get(reverse("learning:courses", kwargs={"agreement": "malmoandan"}))

    [listed] = response.context["courses"]
    assert (listed.progress.done, listed.progress.total) == (1, 3)
    assert listed.module_count == 3 and listed.total_minutes == 45


def test_coordinators_see_how_many_started_and_completed(client, agreement, course, coordinator):
    for n in range(3):
        learner = factories.UserFactory()
        for module in modules_of(course)[: n + 1]:
            services.mark_module_done(module=module, by=learner)
    client.force_login(coordinator)

    listing = client.get(reverse("learning:courses", kwargs={"agreement": "malmoandan"}))
    page = client.get(course.get_absolute_url())

    [listed] = listing.context["courses"]
    assert (listed.started, listed.completed) == (3, 1)
    assert page.context["stats"] == {"started": 3, "completed": 1}
    assert 'id="course-statistics"' in listing.content.decode()


def test_members_do_not_see_the_figures(client, course, member):
    client.force_login(member)

    response = client.get(reverse("learning:courses", kwargs={"agreement": "malmoandan"}))

    assert 'id="course-statistics"' not in response.content.decode()
    assert response.context["courses"][0].progress is None


def test_a_visitor_is_invited_to_log_in(client, course):
    response = client.get(course.get_absolute_url())

    assert f"{reverse('account_login')}?next=" in response.content.decode()
    assert response.context["progress"] is None


def test_coordinator_creates_a_course_and_adds_modules(client, agreement, coordinator):
    material = MaterialFactory(agreement=agreement)
    client.force_login(coordinator)

    client.post(
        reverse("learning:course_new", kwargs={"agreement": "malmoandan"}),
        {"title": "IOP steg för steg", "summary": "", "description": "<p>Om</p>"},
    )
    course = Course.objects.get()
    module_new = reverse(
        "learning:module_new", kwargs={"agreement": "malmoandan", "slug": course.slug}
    )
    client.post(module_new, {"title": "Andra", "body": "", "estimated_minutes": 20})
    client.post(
        module_new,
        {
            "title": "Första",
            "body": "<p>Läs</p>",
            "estimated_minutes": 10,
            "materials": [material.pk],
            "position": 0,
        },
    )

    assert course.slug == "iop-steg-for-steg" and not course.is_published
    assert [m.title for m in modules_of(course)] == ["Första", "Andra"]
    assert list(modules_of(course)[0].materials.all()) == [material]


def test_a_module_needs_at_least_a_minute(client, course, coordinator):
    client.force_login(coordinator)

    response = client.post(
        reverse("learning:module_new", kwargs={"agreement": "malmoandan", "slug": course.slug}),
        {"title": "Kort", "estimated_minutes": 0},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["estimated_minutes"]
    assert course.modules.count() == 3


def test_coordinator_edits_and_deletes_a_module(client, course, coordinator):
    module = modules_of(course)[0]
    client.force_login(coordinator)
    kwargs = {"agreement": "malmoandan", "slug": course.slug, "pk": module.pk}

    client.post(
        reverse("learning:module_edit", kwargs=kwargs),
        {"title": "Ändrad", "body": "", "estimated_minutes": 5, "position": 9},
    )
    assert modules_of(course)[-1].title == "Ändrad"

    assert client.get(reverse("learning:module_delete", kwargs=kwargs)).status_code == 200
    client.post(reverse("learning:module_delete", kwargs=kwargs))
    assert not CourseModule.objects.filter(pk=module.pk).exists()


def test_coordinator_publishes_a_course_by_editing_it(client, agreement, coordinator):
    course = ModuleFactory(course__agreement=agreement, course__is_published=False).course
    client.force_login(coordinator)

    client.post(
        reverse("learning:course_edit", kwargs={"agreement": "malmoandan", "slug": course.slug}),
        {"title": course.title, "summary": "", "description": "", "is_published": "on"},
    )

    course.refresh_from_db()
    assert course.is_published


def test_deleting_a_course_asks_first(client, course, coordinator, member):
    services.mark_module_done(module=modules_of(course)[0], by=member)
    client.force_login(coordinator)
    delete = reverse(
        "learning:course_delete", kwargs={"agreement": "malmoandan", "slug": course.slug}
    )

    confirmation = client.get(delete)
    assert confirmation.context["learner_count"] == 1
    client.post(delete)

    assert not Course.objects.exists()
    assert not Enrolment.objects.exists()
