"""This app's part of the Malmöandan demo: what it creates, and that a second load changes
nothing."""

import pytest
from django.apps import apps
from django.test import Client

from samverkan.demo import data, loader
from samverkan.learning import demo
from samverkan.learning.models import Course, Enrolment, Material, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors_demo(db):
    """What the learning demo builds on: the agreement, organisations and demo users."""
    loader._load_agreement()
    _tally, districts = loader._load_districts()
    _tally, interest_areas = loader._load_interest_areas()
    loader._load_organisations(districts, interest_areas)
    loader._load_users()


def learning_rows() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_app_config("learning").get_models()
    }


def test_demo_has_a_library_on_every_topic_and_two_courses(actors_demo):
    counts = demo.load()

    assert counts["materials"] == {"created": len(demo.MATERIALS), "existing": 0}
    assert counts["courses"] == {"created": 2, "existing": 0}
    assert counts["course_modules"] == {"created": 9, "existing": 0}
    assert counts["course_progress"]["created"] == 4
    published = Material.objects.filter(is_published=True)
    assert published.count() >= 12
    assert set(published.values_list("topic", flat=True)) == set(Topic.values)
    assert all(m.is_demo and m.summary and m.body for m in Material.objects.all())
    assert all(m.authors.exists() for m in Material.objects.all())
    checklist = Material.objects.get(slug="checklista-haller-vart-iop-juridiskt")
    for words in ["upphandling", "statsstöd", "Egen insats", "Gemensamt syfte"]:
        assert words in checklist.body
    grundkurs = Course.objects.get(title="Medskapa förändring – grundkurs")
    assert grundkurs.modules.count() == 5
    assert Course.objects.get(title="IOP steg för steg").modules.count() == 4
    assert all(module.materials.exists() for module in grundkurs.modules.all())


def test_demo_learners_have_progress(actors_demo):
    demo.load()

    def enrolment(email, slug):
        return Enrolment.objects.get(user__email=email, course__slug=slug)

    assert enrolment("ombud@demo.samverkan.se", "iop-steg-for-steg").completed_at is not None
    member = enrolment("medlem@demo.samverkan.se", "medskapa-forandring-grundkurs")
    assert member.completed_at is None and member.completions.count() == 3
    assert all(e.is_demo for e in Enrolment.objects.all())


def test_second_load_creates_nothing(actors_demo):
    demo.load()
    before = learning_rows()

    counts = demo.load()

    assert learning_rows() == before
    assert all(tally["created"] == 0 for tally in counts.values()), counts
    assert counts["materials"]["existing"] == len(demo.MATERIALS)


def test_demo_pages_answer(actors_demo):
    demo.load()
    client = Client()
    client.login(email="medlem@demo.samverkan.se", password=data.DEMO_PASSWORD)

    for path in [
        "/overenskommelser/malmoandan/metodbank/",
        "/overenskommelser/malmoandan/metodbank/amne/iop/",
        Material.objects.get(slug="vad-ar-medskapande").get_absolute_url(),
        "/overenskommelser/malmoandan/kurser/",
        Course.objects.get(slug="iop-steg-for-steg").get_absolute_url(),
        "/overenskommelser/malmoandan/mina-kurser/",
    ]:
        assert client.get(path).status_code == 200, path


def test_without_the_agreement_nothing_is_loaded(db):
    counts = demo.load()

    assert all(tally == {"created": 0, "existing": 0} for tally in counts.values())
