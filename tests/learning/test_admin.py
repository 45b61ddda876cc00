"""The admin of the library and the courses: every list and a row of each open; materials,
courses and modules change there through the services, files and progress are shown."""

import pytest
from django.contrib import admin, messages
from django.urls import reverse

from samverkan.core.models import AuditEntry
from samverkan.learning import services
from samverkan.learning.models import Course, Enrolment, Material, MaterialFile
from tests import factories
from tests.form_defaults import form_defaults
from tests.learning.factories import MaterialFactory, course_with_modules

pytestmark = pytest.mark.django_db


def test_every_learning_admin_list_and_a_row_of_each_open(client):
    material = MaterialFactory(authors=[factories.OrganisationFactory()])
    MaterialFile.objects.create(
        material=material,
        file="learning/materials/1/x.pdf",
        stored_name="x.pdf",
        original_name="x.pdf",
        content_type="application/pdf",
        size=10,
    )
    _course, modules = course_with_modules(2)
    modules[0].materials.set([material])
    services.mark_module_done(module=modules[0], by=factories.UserFactory())
    client.force_login(factories.administrator())

    models = [m for m in admin.site._registry if m._meta.app_label == "learning"]
    assert len(models) == 6
    for model in models:
        name = f"admin:learning_{model._meta.model_name}"
        assert client.get(reverse(f"{name}_changelist")).status_code == 200, name
        row = model.objects.first()
        assert client.get(reverse(f"{name}_change", args=[row.pk])).status_code == 200, name


def test_a_courses_publication_changes_only_through_the_services(client):
    course, _modules = course_with_modules(1, is_published=False)
    administrator = factories.administrator()
    client.force_login(administrator)

    page = client.get(reverse("admin:learning_course_change", args=[course.pk])).content.decode()
    client.post(
        reverse("admin:learning_course_changelist"),
        {"action": "publish_courses", "_selected_action": [course.pk]},
    )

    assert 'name="is_published"' not in page
    course.refresh_from_db()
    assert course.is_published
    assert list(
        AuditEntry.objects.filter(object_id=str(course.pk), action="course.updated").values_list(
            "actor_id", flat=True
        )
    ) == [administrator.pk]


# Materials, courses and modules change in the admin through the services.


def _post(client, row, **changes):
    """The row's admin form posted back as shown, with `changes`."""
    opts = row._meta
    url = reverse(f"admin:learning_{opts.model_name}_change", args=[row.pk])
    data = form_defaults(client.get(url).content.decode(), f"{opts.model_name}_form")
    data.update(
        {
            name: [str(v) for v in value] if isinstance(value, list) else [str(value)]
            for name, value in changes.items()
        }
    )
    return client.post(url, data, follow=True)


@pytest.fixture
def admin_client(client):
    client.force_login(factories.administrator())
    return client


def test_a_material_edited_in_the_admin_is_changed_by_the_service(admin_client):
    material = MaterialFactory()

    _post(admin_client, material, title="Metodstöd för dialog")

    material.refresh_from_db()
    assert material.title == "Metodstöd för dialog"
    assert AuditEntry.objects.filter(action="material.updated", object_id=str(material.pk)).exists()


def test_a_material_deleted_in_the_admin_is_deleted_by_the_service(admin_client):
    material = MaterialFactory()

    admin_client.post(
        reverse("admin:learning_material_delete", args=[material.pk]), {"post": "yes"}
    )

    assert not Material.objects.filter(pk=material.pk).exists()
    assert AuditEntry.objects.filter(action="material.deleted", object_id=str(material.pk)).exists()


def test_a_course_added_in_the_admin_is_created_by_the_service(admin_client):
    agreement = factories.AgreementFactory(is_primary=False)

    admin_client.post(
        reverse("admin:learning_course_add"),
        {
            "agreement": agreement.pk,
            "title": "Samverkan från början",
            "summary": "",
            "description": "",
            "modules-TOTAL_FORMS": 0,
            "modules-INITIAL_FORMS": 0,
        },
    )

    course = Course.objects.get(agreement=agreement)
    assert course.slug
    assert AuditEntry.objects.filter(action="course.created", object_id=str(course.pk)).exists()


def test_the_modules_under_a_course_are_shown_not_edited(admin_client):
    course, _modules = course_with_modules(1)

    response = admin_client.get(reverse("admin:learning_course_change", args=[course.pk]))

    inline = response.context["inline_admin_formsets"][0]
    assert not inline.has_add_permission
    assert not inline.has_change_permission
    assert not inline.has_delete_permission


def test_a_module_edited_in_the_admin_is_changed_by_the_service(admin_client):
    course, (module,) = course_with_modules(1)

    _post(admin_client, module, title="Att börja samverka")

    module.refresh_from_db()
    assert module.title == "Att börja samverka"
    assert AuditEntry.objects.filter(
        action="course.module_updated", object_id=str(course.pk)
    ).exists()


def test_a_module_linking_another_agreements_material_is_refused_in_the_admin(admin_client):
    _course, (module,) = course_with_modules(1)
    elsewhere = MaterialFactory()  # of another agreement

    response = _post(admin_client, module, title="Ny titel", materials=[elsewhere.pk])

    module.refresh_from_db()
    assert module.title != "Ny titel" and not module.materials.exists()
    assert [m for m in response.context["messages"] if m.level == messages.ERROR]


@pytest.mark.parametrize("model", [MaterialFile, Enrolment])
def test_files_and_progress_are_shown_not_changed(admin_client, model):
    material = MaterialFactory()
    MaterialFile.objects.create(
        material=material,
        file="learning/materials/1/x.pdf",
        stored_name="x.pdf",
        original_name="x.pdf",
        content_type="application/pdf",
        size=10,
    )
    _course, modules = course_with_modules(1)
    services.mark_module_done(module=modules[0], by=factories.UserFactory())
    row = model.objects.get()
    name = f"admin:learning_{model._meta.model_name}"

    assert admin_client.post(reverse(f"{name}_change", args=[row.pk]), {}).status_code == 403
    assert (
        admin_client.post(reverse(f"{name}_delete", args=[row.pk]), {"post": "yes"}).status_code
        == 403
    )
