"""Who may do what in the library and the courses: role × action → the answer a person gets.

Something unpublished is not there for others (404); a visitor is sent to log in (302 to the
login page); a member is refused what only coordinators do (403)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from samverkan.learning import permissions
from samverkan.learning.models import Enrolment, Material, ModuleCompletion
from tests import factories
from tests.learning.factories import MaterialFactory, course_with_modules

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "member", "coordinator"]
LOGIN = "login"  # a redirect to the login page


@pytest.fixture
def world(db):
    agreement = factories.AgreementFactory(slug="malmoandan")
    published = MaterialFactory(agreement=agreement, slug="publicerad")
    draft = MaterialFactory(agreement=agreement, slug="utkast", is_published=False)
    course, modules = course_with_modules(2, agreement=agreement, slug="kurs")
    hidden, hidden_modules = course_with_modules(
        2, agreement=agreement, slug="dold", is_published=False
    )
    return {
        "agreement": agreement,
        "published": published,
        "draft": draft,
        "course": course,
        "module": modules[0],
        "hidden": hidden,
        "hidden_module": hidden_modules[0],
    }


def _client(client, role):
    if role == "member":
        client.force_login(factories.UserFactory())
    elif role == "coordinator":
        client.force_login(factories.coordinator())
    return client


def url(name, world, **kwargs):
    return reverse(f"learning:{name}", kwargs={"agreement": world["agreement"].slug, **kwargs})


# action: (method, url name, url kwargs as a function of the world)
ACTIONS = {
    "read_published_material": ("get", "material", lambda w: {"slug": "publicerad"}),
    "read_unpublished_material": ("get", "material", lambda w: {"slug": "utkast"}),
    "download_from_unpublished": (
        "get",
        "file",
        lambda w: {"slug": "utkast", "pk": 1},
    ),
    "create_material": ("get", "material_new", lambda w: {}),
    "edit_material": ("get", "material_edit", lambda w: {"slug": "publicerad"}),
    "publish_material": ("post", "material_publish", lambda w: {"slug": "utkast"}),
    "unpublish_material": ("post", "material_unpublish", lambda w: {"slug": "publicerad"}),
    "ask_to_delete_material": ("get", "material_delete", lambda w: {"slug": "publicerad"}),
    "delete_material": ("post", "material_delete", lambda w: {"slug": "publicerad"}),
    "upload_file": ("get", "file_new", lambda w: {"slug": "publicerad"}),
    "read_course": ("get", "course", lambda w: {"slug": "kurs"}),
    "read_unpublished_course": ("get", "course", lambda w: {"slug": "dold"}),
    "read_unpublished_module": (
        "get",
        "module",
        lambda w: {"slug": "dold", "pk": w["hidden_module"].pk},
    ),
    "create_course": ("get", "course_new", lambda w: {}),
    "edit_course": ("get", "course_edit", lambda w: {"slug": "kurs"}),
    "add_module": ("get", "module_new", lambda w: {"slug": "kurs"}),
    "delete_course": ("post", "course_delete", lambda w: {"slug": "kurs"}),
    "start_course": ("post", "course_start", lambda w: {"slug": "kurs"}),
    "mark_done": ("post", "module_done", lambda w: {"slug": "kurs", "pk": w["module"].pk}),
    "mark_done_in_unpublished": (
        "post",
        "module_done",
        lambda w: {"slug": "dold", "pk": w["hidden_module"].pk},
    ),
    "my_courses": ("get", "my_courses", lambda w: {}),
}

#                               visitor  member  coordinator
MATRIX = {
    "read_published_material": (200, 200, 200),
    "read_unpublished_material": (404, 404, 200),
    "download_from_unpublished": (404, 404, 404),  # there is no file 1: found, then 404
    "create_material": (LOGIN, 403, 200),
    "edit_material": (LOGIN, 403, 200),
    "publish_material": (LOGIN, 403, 302),
    "unpublish_material": (LOGIN, 403, 302),
    "ask_to_delete_material": (LOGIN, 403, 200),
    "delete_material": (LOGIN, 403, 302),
    "upload_file": (LOGIN, 403, 200),
    "read_course": (200, 200, 200),
    "read_unpublished_course": (404, 404, 200),
    "read_unpublished_module": (404, 404, 200),
    "create_course": (LOGIN, 403, 200),
    "edit_course": (LOGIN, 403, 200),
    "add_module": (LOGIN, 403, 200),
    "delete_course": (LOGIN, 403, 302),
    "start_course": (LOGIN, 302, 302),
    "mark_done": (LOGIN, 302, 302),
    "mark_done_in_unpublished": (LOGIN, 404, 302),
    "my_courses": (LOGIN, 200, 200),
}

CASES = [
    pytest.param(role, action, MATRIX[action][i], id=f"{role}-{action}")
    for action in ACTIONS
    for i, role in enumerate(ROLES)
]


@pytest.mark.parametrize(("role", "action", "expected"), CASES)
def test_role_and_action_get_the_expected_answer(client, world, role, action, expected):
    method, name, kwargs = ACTIONS[action]
    client = _client(client, role)

    response = getattr(client, method)(url(name, world, **kwargs(world)))

    if expected == LOGIN:
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    else:
        assert response.status_code == expected


@pytest.mark.parametrize("role", ["visitor", "member"])
def test_refused_writes_change_nothing(client, world, role):
    client = _client(client, role)

    client.post(url("material_delete", world, slug="publicerad"))
    client.post(url("material_publish", world, slug="utkast"))

    assert Material.objects.filter(slug="publicerad").exists()
    assert not Material.objects.get(slug="utkast").is_published


def test_visitor_cannot_mark_a_module_done(client, world):
    client.post(url("module_done", world, slug="kurs", pk=world["module"].pk))

    assert not ModuleCompletion.objects.exists()
    assert not Enrolment.objects.exists()


def test_member_starting_a_course_is_enrolled(client, world):
    member = factories.UserFactory()
    client.force_login(member)

    client.post(url("course_start", world, slug="kurs"))

    assert Enrolment.objects.filter(user=member, course=world["course"]).exists()


def test_a_material_of_another_agreement_is_not_found(client, world):
    other = factories.AgreementFactory(slug="lund", is_primary=False)
    client.force_login(factories.coordinator())

    response = client.get(
        reverse("learning:material", kwargs={"agreement": other.slug, "slug": "publicerad"})
    )

    assert response.status_code == 404


def test_member_is_told_why_they_may_not_add_material(client, world):
    client.force_login(factories.UserFactory())

    response = client.get(url("material_new", world))

    assert response.status_code == 403
    assert (
        "Bara samordnarna kan lägga till, redigera och publicera material"
        in response.content.decode()
    )


@pytest.mark.parametrize(
    ("role", "expected"), [("visitor", False), ("member", True), ("coordinator", True)]
)
def test_who_may_study_a_published_course(world, role, expected):
    user = {
        "visitor": None,
        "member": factories.UserFactory(),
        "coordinator": factories.coordinator(),
    }[role]
    allowed, reason = permissions.can_study(user or AnonymousUser(), world["course"])

    assert allowed is expected
    assert bool(reason) is not expected


def test_an_inactive_person_may_not_study(world):
    inactive = factories.UserFactory(is_active=False)

    assert not permissions.can_study(inactive, world["course"])[0]
