"""The pages: lists with filters, a posting with suggestions, the form, withdrawal with
confirmation, answering a suggestion, the match page, the coordinators' list."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from samverkan.matching.models import Match, Posting
from samverkan.partnerships.models import Collaboration
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.form_defaults import form_defaults
from tests.matching.factories import NEED, OFFER, administration, association, posting

pytestmark = pytest.mark.django_db


def url(name, agreement, **kwargs):
    return reverse(f"matching:{name}", kwargs={"agreement": agreement.slug, **kwargs})


@pytest.fixture
def data(agreement):
    city = administration(name="Fritidsförvaltningen", slug="fritidsforvaltningen")
    club = association(name="Simklubben", slug="simklubben")
    area = PriorityAreaFactory(agreement=agreement, title="Jämlik fritid", slug="jamlik-fritid")
    rosengard = factories.DistrictFactory(name="Rosengård", slug="rosengard")
    need = posting(
        agreement,
        city,
        NEED,
        "Simskola på sommarlovet",
        "Simskola för barn i Rosengård.",
        kind="partner",
        areas=[area],
        districts=[rosengard],
    )
    offer = posting(
        agreement,
        club,
        OFFER,
        "Simundervisning för barn",
        "Vi håller simskola för barn.",
        kind="partner",
        areas=[area],
        districts=[rosengard],
    )
    old = posting(
        agreement,
        club,
        OFFER,
        "Gammal lokal",
        "Lokal.",
        kind="premises",
        valid_until=timezone.localdate() - datetime.timedelta(days=3),
    )
    return {
        "city": city, "club": club, "area": area, "district": rosengard, "need": need,
        "offer": offer, "old": old, "city_rep": factories.representative(city),
        "club_rep": factories.representative(club),
    }  # fmt: skip


def listed(response):
    return [p.title for p in response.context["page"].object_list]


def test_the_list_shows_open_valid_postings_newest_first(client, agreement, data):
    response = client.get(url("list", agreement))
    assert response.status_code == 200
    assert listed(response) == ["Simundervisning för barn", "Simskola på sommarlovet"]


def test_the_needs_and_offers_lists(client, agreement, data):
    assert listed(client.get(url("needs", agreement))) == ["Simskola på sommarlovet"]
    assert listed(client.get(url("offers", agreement))) == ["Simundervisning för barn"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"direction": "need"}, ["Simskola på sommarlovet"]),
        ({"kind": "premises", "all": "on"}, ["Gammal lokal"]),
        ({"all": "on"}, ["Gammal lokal", "Simundervisning för barn", "Simskola på sommarlovet"]),
        ({"area": "jamlik-fritid"}, ["Simundervisning för barn", "Simskola på sommarlovet"]),
        ({"district": "rosengard", "direction": "offer"}, ["Simundervisning för barn"]),
        ({"q": "simskolor"}, ["Simundervisning för barn", "Simskola på sommarlovet"]),
        ({"q": "sommarlov"}, ["Simskola på sommarlovet"]),
        ({"q": "och"}, []),
        ({"kind": "nonsense"}, ["Simundervisning för barn", "Simskola på sommarlovet"]),
    ],
)
def test_the_list_filters(client, agreement, data, query, expected):
    response = client.get(url("list", agreement), query)
    assert response.status_code == 200
    assert listed(response) == expected


def test_a_posting_page_shows_suggestions_with_reasons(client, agreement, data):
    response = client.get(data["need"].get_absolute_url())

    assert response.status_code == 200
    (suggestion,) = response.context["suggestions"]
    assert suggestion.posting == data["offer"]
    html = response.content.decode()
    assert "Simundervisning för barn" in html
    assert 'class="sector-complement"' in html and "Rosengård" in html
    assert 'name="action"' not in html  # a visitor cannot answer


def test_a_posting_of_another_agreement_is_not_found(client, data):
    other = factories.AgreementFactory(is_primary=False)
    response = client.get(url("detail", other, pk=data["need"].pk))
    assert response.status_code == 404


def test_the_form_posts_a_need_and_shows_its_suggestions(client, agreement, data):
    client.force_login(data["city_rep"])
    response = client.get(url("new", agreement))
    assert list(response.context["form"].fields["organisation"].queryset) == [data["city"]]

    response = client.post(
        url("new", agreement),
        {
            "organisation": data["city"].pk,
            "direction": "need",
            "kind": "volunteers",
            "title": "Simlärare till barn",
            "text": "Vi söker simlärare för barn.",
            "districts": [data["district"].pk],
        },
    )

    new = Posting.objects.get(title="Simlärare till barn")
    assert response.status_code == 302 and response["Location"] == new.get_absolute_url()
    assert new.created_by == data["city_rep"]
    page = client.get(new.get_absolute_url())
    assert [s.posting for s in page.context["suggestions"]] == [data["offer"]]


def test_the_form_refuses_bad_input_with_a_400(client, agreement, data):
    client.force_login(data["city_rep"])
    response = client.post(
        url("new", agreement),
        {"organisation": data["city"].pk, "direction": "need", "kind": "partner", "title": "",
         "text": "Något", "valid_until": "2001-01-01"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "title" in response.context["form"].errors
    assert not Posting.objects.filter(text="Något").exists()


def test_a_member_without_representation_is_refused_the_form(client, agreement):
    client.force_login(factories.UserFactory())
    assert client.get(url("new", agreement)).status_code == 403


def test_editing_through_the_page(client, agreement, data):
    client.force_login(data["club_rep"])
    response = client.post(
        url("edit", agreement, pk=data["offer"].pk),
        {"direction": "offer", "kind": "volunteers", "title": "Simlärare", "text": "Simlärare.",
         "areas": [data["area"].pk]},
    )  # fmt: skip
    assert response.status_code == 302
    offer = Posting.objects.get(pk=data["offer"].pk)
    assert offer.title == "Simlärare" and offer.kind == "volunteers"
    assert list(offer.districts.all()) == []


def test_others_cannot_edit(client, agreement, data):
    client.force_login(data["club_rep"])
    assert client.get(url("edit", agreement, pk=data["need"].pk)).status_code == 403


def test_withdrawal_asks_first_then_withdraws(client, agreement, data):
    client.force_login(data["city_rep"])
    address = url("withdraw", agreement, pk=data["need"].pk)

    assert client.get(address).status_code == 200
    assert Posting.objects.get(pk=data["need"].pk).status == Posting.Status.OPEN
    response = client.post(address)

    assert response.status_code == 302
    assert Posting.objects.get(pk=data["need"].pk).status == Posting.Status.WITHDRAWN
    assert listed(client.get(url("list", agreement))) == ["Simundervisning för barn"]


def test_answering_a_suggestion_then_the_other_side_accepts(client, agreement, data):
    need, offer = data["need"], data["offer"]
    client.force_login(data["city_rep"])
    page = client.get(need.get_absolute_url())
    assert 'value="accept"' in page.content.decode()

    response = client.post(
        url("respond", agreement, pk=need.pk, other=offer.pk), {"action": "accept"}
    )

    match = Match.objects.get()
    assert response["Location"] == url("match", agreement, pk=need.pk, match=match.pk)
    assert match.status == Match.Status.NEED_ACCEPTED

    client.force_login(data["club_rep"])
    page = client.get(url("match", agreement, pk=offer.pk, match=match.pk))
    assert page.context["can_accept"] and not page.context["can_collaborate"]
    client.post(url("match_respond", agreement, pk=offer.pk, match=match.pk), {"action": "accept"})
    match.refresh_from_db()
    assert match.status == Match.Status.ACCEPTED

    response = client.post(url("collaborate", agreement, pk=offer.pk, match=match.pk))

    collaboration = Collaboration.objects.get()
    assert {p.organisation for p in collaboration.parties.all()} == {data["city"], data["club"]}
    assert response.status_code == 302


def test_a_stranger_cannot_answer(client, agreement, data):
    client.force_login(factories.UserFactory())
    response = client.post(
        url("respond", agreement, pk=data["need"].pk, other=data["offer"].pk), {"action": "accept"}
    )
    assert response.status_code == 403
    assert not Match.objects.exists()


def test_a_bad_action_is_a_message_not_an_error(client, agreement, data):
    client.force_login(data["city_rep"])
    response = client.post(
        url("respond", agreement, pk=data["need"].pk, other=data["offer"].pk), {"action": "x"}
    )
    assert response.status_code == 302 and not Match.objects.exists()


def test_the_unmatched_list_is_oldest_first_without_accepted_matches(client, agreement, data):
    client.force_login(factories.coordinator())
    third = posting(agreement, data["club"], NEED, "Tredje", "Tredje.")
    Posting.objects.filter(pk=third.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )

    response = client.get(url("unmatched", agreement))
    assert listed(response) == ["Tredje", "Simskola på sommarlovet", "Simundervisning för barn"]

    Match.objects.create(need=data["need"], offer=data["offer"], status=Match.Status.ACCEPTED)
    assert listed(client.get(url("unmatched", agreement))) == ["Tredje"]


def test_the_unmatched_list_is_for_coordinators(client, agreement, data):
    client.force_login(data["city_rep"])
    assert client.get(url("unmatched", agreement)).status_code == 403


def test_the_sitemap_lists_the_lists_and_open_postings(client, agreement, data):
    xml = client.get("/sitemap.xml").content.decode()
    assert url("needs", agreement) in xml and url("offers", agreement) in xml
    assert data["need"].get_absolute_url() in xml
    assert data["old"].get_absolute_url() not in xml


def test_a_person_with_one_organisation_has_it_chosen_in_the_posting_form(client, agreement):
    club = association(name="Simklubben", slug="simklubben")
    client.force_login(factories.representative(club))

    page = client.get(url("new", agreement))

    assert form_defaults(page.content.decode())["organisation"] == [str(club.pk)]


def test_a_person_with_several_organisations_gets_no_blank_choice_that_would_fail(
    client, agreement
):
    club, choir = association(name="Simklubben"), association(name="Kören")
    person = factories.representative(club)
    factories.RepresentationFactory(user=person, organisation=choir)
    client.force_login(person)

    form = client.get(url("new", agreement)).context["form"]

    assert [value for value, _ in form.fields["organisation"].choices] == [choir.pk, club.pk]


def test_districts_are_checkboxes_in_the_posting_form(client, agreement):
    rosengard = factories.DistrictFactory(name="Rosengård", slug="rosengard")
    client.force_login(factories.representative(association(name="Simklubben")))

    html = client.get(url("new", agreement)).content.decode()

    assert f'<input type="checkbox" name="districts" value="{rosengard.pk}"' in html
    assert "<select" not in html.split('id="id_districts"')[1].split("</fieldset>")[0]


def test_a_match_not_yet_accepted_stays_on_its_page_with_the_reason(client, agreement, data):
    """make_collaboration's refusal (a state, not a right) is a message on the match page;
    a declined answer to it is the same."""
    need, offer = data["need"], data["offer"]
    client.force_login(data["city_rep"])
    client.post(url("respond", agreement, pk=need.pk, other=offer.pk), {"action": "accept"})
    match = Match.objects.get()
    here = url("match", agreement, pk=need.pk, match=match.pk)

    response = client.post(url("collaborate", agreement, pk=need.pk, match=match.pk), follow=True)

    assert response.redirect_chain[-1][0] == here
    assert [str(m) for m in response.context["messages"]][-1] == (
        "Båda sidor måste acceptera matchningen först."
    )
    assert not Collaboration.objects.exists()
    response = client.post(
        url("match_respond", agreement, pk=need.pk, match=match.pk), {"action": "accept"}
    )
    assert response["Location"] == here  # this side has answered already: a message, no 500


def test_a_stranger_cannot_make_a_collaboration_of_a_match(client, agreement, data):
    client.force_login(data["city_rep"])
    client.post(
        url("respond", agreement, pk=data["need"].pk, other=data["offer"].pk), {"action": "accept"}
    )
    match = Match.objects.get()
    client.force_login(factories.representative(association()))
    response = client.post(url("collaborate", agreement, pk=data["need"].pk, match=match.pk))
    assert response.status_code == 403
    assert not Collaboration.objects.exists()
