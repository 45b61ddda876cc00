"""The library's pages: search and topic filter, topic pages, a material's page (with its text
sanitised), and the coordinators' forms."""

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.learning.models import Material, Topic
from samverkan.learning.selectors import LIBRARY_PAGE_SIZE
from tests import factories
from tests.learning.factories import MaterialFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(db):
    return factories.AgreementFactory(slug="malmoandan")


def library(client, agreement, **params):
    return client.get(reverse("learning:library", kwargs={"agreement": agreement.slug}), params)


def titles(response) -> list[str]:
    return [m.title for m in response.context["page"].object_list]


@pytest.fixture
def materials(agreement):
    return [
        MaterialFactory(
            agreement=agreement,
            title="IOP i korthet",
            topic=Topic.IOP,
            body="<p>Ett idéburet offentligt partnerskap bygger på tillit.</p>",
        ),
        MaterialFactory(
            agreement=agreement,
            title="Checklista för avtalet",
            topic=Topic.IOP,
            summary="Upphandling och statsstöd.",
            body="<p>Partnerskapet får inte vara en upphandling.</p>",
        ),
        MaterialFactory(
            agreement=agreement,
            title="Dialogcafé",
            topic=Topic.CO_CREATION,
            body="<p>Samtal i små grupper om föreningarnas behov.</p>",
        ),
        MaterialFactory(
            agreement=agreement,
            title="Utkast om partnerskap",
            topic=Topic.IOP,
            is_published=False,
        ),
    ]


def test_the_library_lists_published_materials_in_title_order(client, agreement, materials):
    response = library(client, agreement)

    assert titles(response) == ["Checklista för avtalet", "Dialogcafé", "IOP i korthet"]


def test_a_coordinator_also_sees_unpublished_materials(client, agreement, materials, coordinator):
    client.force_login(coordinator)

    response = library(client, agreement)

    assert "Utkast om partnerskap" in titles(response)
    assert "Inte publicerat" in response.content.decode()


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        # Swedish stems: "partnerskapet" and "partnerskap" find each other, in any field.
        ("partnerskapet", ["IOP i korthet", "Checklista för avtalet"]),
        ("statsstöd", ["Checklista för avtalet"]),
        ("förening", ["Dialogcafé"]),  # "föreningarnas"
        ("iop", ["IOP i korthet"]),
        ("partnerskap tillit", ["IOP i korthet"]),  # every word must match
        ("cykel", []),
    ],
)
def test_search_finds_words_in_title_summary_and_text(client, agreement, materials, q, expected):
    response = library(client, agreement, q=q)

    assert sorted(titles(response)) == sorted(expected)


def test_a_title_match_comes_first(client, agreement, materials):
    MaterialFactory(agreement=agreement, title="Avtal", body="<p>Om dialogcafé.</p>")

    response = library(client, agreement, q="dialogcafé")

    assert titles(response) == ["Dialogcafé", "Avtal"]


def test_search_and_topic_filter_together(client, agreement, materials):
    response = library(client, agreement, q="grupper", amne=Topic.IOP)

    assert titles(response) == []
    assert "Inget material matchar din sökning" in response.content.decode()


def test_filter_by_topic(client, agreement, materials):
    response = library(client, agreement, amne=Topic.CO_CREATION)

    assert titles(response) == ["Dialogcafé"]


def test_an_unknown_topic_in_the_filter_shows_everything(client, agreement, materials):
    response = library(client, agreement, amne="okant")

    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_the_library_is_paginated_and_keeps_the_search(client, agreement):
    for n in range(LIBRARY_PAGE_SIZE + 2):
        MaterialFactory(agreement=agreement, title=f"Guide {n:02d}", topic=Topic.IOP)

    first = library(client, agreement, amne=Topic.IOP)
    second = library(client, agreement, amne=Topic.IOP, sida=2)

    assert len(titles(first)) == LIBRARY_PAGE_SIZE
    assert titles(second) == ["Guide 10", "Guide 11"]
    assert "?amne=iop&amp;sida=2" in first.content.decode()


def test_a_topic_page_lists_its_materials(client, agreement, materials):
    response = client.get(
        reverse("learning:topic", kwargs={"agreement": agreement.slug, "topic": Topic.IOP})
    )

    assert titles(response) == ["Checklista för avtalet", "IOP i korthet"]
    assert response.context["topic"] == Topic.IOP


def test_an_unknown_topic_page_is_not_found(client, agreement):
    response = client.get(
        reverse("learning:topic", kwargs={"agreement": agreement.slug, "topic": "okant"})
    )

    assert response.status_code == 404


def test_a_material_page_shows_text_authors_and_date(client, agreement):
    author = factories.OrganisationFactory(name="Malmö ideella")
    material = MaterialFactory(
        agreement=agreement, authors=[author], body="<h2>Steg</h2><ul><li>Ett</li></ul>"
    )

    response = client.get(material.get_absolute_url())

    text = response.content.decode()
    assert "<h2>Steg</h2><ul><li>Ett</li></ul>" in text
    assert f'href="{author.get_absolute_url()}"' in text
    assert f'datetime="{timezone.localtime(material.updated_at).isoformat()}"' in text


def test_a_script_written_into_a_material_never_reaches_the_page(client, agreement, coordinator):
    client.force_login(coordinator)
    client.post(
        reverse("learning:material_new", kwargs={"agreement": agreement.slug}),
        {
            "title": "Farlig text",
            "topic": Topic.OTHER,
            "body": '<p>Hej</p><script>alert("xss")</script><p onmouseover="x()">där</p>',
            "is_published": "on",
        },
    )
    material = Material.objects.get()
    client.logout()

    text = client.get(material.get_absolute_url()).content.decode()

    assert 'alert("xss")' not in text
    assert "onmouseover" not in text
    assert "<p>Hej</p>" in text


def test_coordinator_adds_a_material_through_the_form(client, agreement, coordinator):
    author = factories.OrganisationFactory()
    client.force_login(coordinator)

    response = client.post(
        reverse("learning:material_new", kwargs={"agreement": agreement.slug}),
        {
            "title": "Processledarens roll",
            "topic": Topic.PROCESS_LEADERSHIP,
            "summary": "Om rollen.",
            "body": "<p>Text</p>",
            "authors": [author.pk],
        },
    )

    material = Material.objects.get()
    assert response.status_code == 302
    assert response.url == material.get_absolute_url()
    assert material.slug == "processledarens-roll"
    assert not material.is_published
    assert list(material.authors.all()) == [author]


def test_a_material_without_title_is_not_saved(client, agreement, coordinator):
    client.force_login(coordinator)

    response = client.post(
        reverse("learning:material_new", kwargs={"agreement": agreement.slug}),
        {"title": "", "topic": Topic.IOP},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["title"]
    assert not Material.objects.exists()


def test_coordinator_edits_publishes_and_unpublishes(client, agreement, coordinator):
    material = MaterialFactory(agreement=agreement, is_published=False, slug="guide")
    client.force_login(coordinator)
    kwargs = {"agreement": agreement.slug, "slug": "guide"}

    client.post(
        reverse("learning:material_edit", kwargs=kwargs),
        {"title": "Ny titel", "topic": Topic.IOP, "summary": "", "body": "<p>Ny</p>"},
    )
    client.post(reverse("learning:material_publish", kwargs=kwargs))
    material.refresh_from_db()
    assert (material.title, material.topic, material.is_published) == ("Ny titel", "iop", True)

    client.post(reverse("learning:material_unpublish", kwargs=kwargs))
    material.refresh_from_db()
    assert not material.is_published
    assert material.slug == "guide"


def test_deleting_a_material_asks_first(client, agreement, coordinator):
    material = MaterialFactory(agreement=agreement, slug="guide")
    client.force_login(coordinator)
    delete = reverse(
        "learning:material_delete", kwargs={"agreement": "malmoandan", "slug": "guide"}
    )

    confirmation = client.get(delete)
    assert confirmation.status_code == 200
    assert Material.objects.filter(pk=material.pk).exists()

    response = client.post(delete)
    assert response.url == reverse("learning:library", kwargs={"agreement": "malmoandan"})
    assert not Material.objects.exists()
