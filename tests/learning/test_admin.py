"""The admin of the library and the courses: every list and a row of each open."""

import pytest
from django.contrib import admin
from django.urls import reverse

from samverkan.core.models import AuditEntry
from samverkan.learning import services
from samverkan.learning.models import MaterialFile
from tests import factories
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
