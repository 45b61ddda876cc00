"""The pages: what visitors and coordinators see, the coordinators' forms, PDF, Atom, sitemap."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from samverkan.areas.models import FocusArea, FocusAreaProposal
from samverkan.governance.models import AgendaItem, Attendance, Meeting, MinutesParagraph, Statement
from tests import factories
from tests.governance import factories as gov

pytestmark = pytest.mark.django_db


def url(name, meeting=None, body=None, **extra):
    body = body or meeting.body
    kwargs = {"agreement": body.agreement.slug, "body": body.slug, **extra}
    if meeting is not None:
        kwargs["pk"] = meeting.pk
    return reverse(f"governance:{name}", kwargs=kwargs)


def test_bodies_page_lists_the_bodies(client):
    body = gov.body()

    response = client.get(reverse("governance:bodies", kwargs={"agreement": body.agreement.slug}))

    assert response.status_code == 200
    assert body.get_absolute_url() in response.content.decode()


def test_unknown_agreement_or_body_answers_404(client):
    body = gov.body()

    assert client.get("/overenskommelser/finns-inte/organ/").status_code == 404
    assert (
        client.get(
            reverse(
                "governance:body", kwargs={"agreement": body.agreement.slug, "slug": "finns-inte"}
            )
        ).status_code
        == 404
    )


def test_body_page_shows_complete_composition_and_quorum(client):
    body = gov.body()

    response = client.get(body.get_absolute_url())

    assert response.context["composition"].is_complete
    assert response.context["quorum"] == 5
    assert 'data-complete="true"' in response.content.decode()


def test_body_page_shows_what_is_missing(client):
    body = gov.body(fill=False)
    gov.member(body)

    with translation.override("sv"):
        response = client.get(body.get_absolute_url())
        missing = response.context["composition"].missing

    html = response.content.decode()
    assert 'data-complete="false"' in html
    assert 'id="composition-missing"' in html
    assert all(text in html for text in missing)


def test_body_page_shows_published_meetings_only_to_visitors(client):
    body = gov.body()
    published = gov.published_meeting(body)
    planned = gov.meeting(body, datetime.date(2022, 9, 1))

    html = client.get(body.get_absolute_url()).content.decode()

    assert published.get_absolute_url() in html
    assert planned.get_absolute_url() not in html
    assert 'id="new-meeting"' not in html


def test_coordinators_see_unpublished_meetings_and_the_new_meeting_link(client, coordinator):
    body = gov.body()
    planned = gov.meeting(body, datetime.date(2022, 9, 1))
    client.force_login(coordinator)

    html = client.get(body.get_absolute_url()).content.decode()

    assert planned.get_absolute_url() in html
    assert url("meeting_new", body=body) in html


def test_unpublished_minutes_answer_404_to_visitors_and_members(client, member):
    meeting = gov.meeting(gov.body(), present=8)
    gov.paragraph(meeting)

    assert client.get(meeting.get_absolute_url()).status_code == 404
    assert client.get(url("minutes_pdf", meeting)).status_code == 404
    client.force_login(member)
    assert client.get(meeting.get_absolute_url()).status_code == 404


def test_unpublished_minutes_are_shown_to_coordinators_as_not_published(client, coordinator):
    meeting = gov.meeting(gov.body(), present=8)
    gov.paragraph(meeting)
    client.force_login(coordinator)

    html = client.get(meeting.get_absolute_url()).content.decode()

    assert 'id="not-published"' in html
    assert url("adjust", meeting) in html


def test_meeting_page_shows_paragraphs_decisions_and_statements(client):
    body = gov.body()
    meeting = gov.meeting(body, present=8)
    gov.paragraph(meeting, decided=False, title="Öppnande")
    paragraph = gov.paragraph(meeting, title="Budget", method="vote", votes_for=6, votes_against=2)
    from samverkan.governance import services

    services.add_statement(
        paragraph=paragraph,
        kind=Statement.Kind.RESERVATION,
        membership=gov.voting(body)[7],
        text="Jag reserverar mig mot beslutet.",
        by=factories.coordinator(),
    )
    gov.adjust(meeting)

    html = client.get(meeting.get_absolute_url()).content.decode()

    assert "§&nbsp;1 Öppnande" in html
    assert "§&nbsp;2 Budget" in html
    assert 'id="paragraf-2"' in html
    assert 'data-method="vote"' in html
    assert 'data-kind="reservation"' in html
    assert "Jag reserverar mig mot beslutet." in html
    assert 'id="adjusters"' in html
    assert url("adjust", meeting) not in html


def test_minutes_pdf_is_a_pdf(client):
    meeting = gov.published_meeting(gov.body())

    response = client.get(url("minutes_pdf", meeting))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_decisions_page_lists_published_decisions_newest_first_with_feed_link(client):
    body = gov.body()
    gov.published_meeting(body, datetime.date(2022, 2, 15))
    later = gov.published_meeting(body, datetime.date(2022, 5, 17))
    unpublished = gov.meeting(body, datetime.date(2022, 9, 20), present=8)
    hidden = gov.paragraph(unpublished, title="Hemligt")

    response = client.get(
        reverse("governance:decisions", kwargs={"agreement": body.agreement.slug})
    )

    decisions = list(response.context["page"].object_list)
    assert [d.meeting for d in decisions] == [later, decisions[1].meeting]
    assert hidden not in decisions
    feed = reverse("governance:decisions_feed", kwargs={"agreement": body.agreement.slug})
    assert re.search(
        rf'<link rel="alternate" type="application/atom\+xml"[^>]*href="{feed}"',
        response.content.decode(),
    )


def test_atom_feed_lists_only_published_decisions(client):
    body = gov.body()
    published = gov.published_meeting(body)
    unpublished = gov.meeting(body, datetime.date(2022, 9, 20), present=8)
    gov.paragraph(unpublished, title="Inte publicerat")
    noted = gov.meeting(body, datetime.date(2022, 10, 1), present=8)
    gov.paragraph(noted, decided=False, title="Bara anteckning")
    gov.adjust(noted)

    response = client.get(
        reverse("governance:decisions_feed", kwargs={"agreement": body.agreement.slug})
    )

    xml = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert xml.count("<entry>") == 1
    assert published.get_absolute_url() in xml
    assert "Inte publicerat" not in xml
    assert "Bara anteckning" not in xml


def test_sitemap_lists_published_meetings_only(client):
    body = gov.body()
    published = gov.published_meeting(body)
    planned = gov.meeting(body, datetime.date(2022, 9, 1))

    xml = client.get("/sitemap.xml").content.decode()

    assert published.get_absolute_url() in xml
    assert planned.get_absolute_url() not in xml
    assert body.get_absolute_url() in xml
    assert reverse("governance:decisions", kwargs={"agreement": body.agreement.slug}) in xml


# --- The coordinators' forms ------------------------------------------------------------------


def test_coordinator_schedules_a_meeting(client, coordinator):
    body = gov.body()
    client.force_login(coordinator)
    day = datetime.date.today() + datetime.timedelta(days=20)

    response = client.post(
        url("meeting_new", body=body),
        {"date": day.isoformat(), "time": "13:00", "place": "Nobel 21"},
    )

    meeting = Meeting.objects.get(body=body)
    assert response.status_code == 302
    assert response["Location"] == meeting.get_absolute_url()


def test_a_meeting_in_the_past_is_shown_as_a_form_error(client, coordinator):
    body = gov.body()
    client.force_login(coordinator)

    response = client.post(
        url("meeting_new", body=body), {"date": "2020-01-01", "time": "13:00", "place": ""}
    )

    assert response.status_code == 400
    with translation.override("sv"):
        assert gettext("A meeting is scheduled for a time that has not passed yet.") in str(
            response.context["form"].errors["date"]
        )
    assert not Meeting.objects.exists()


def test_coordinator_adds_a_prepared_proposal_to_the_agenda(client, coordinator):
    body = gov.body()
    proposal = gov.prepared_proposal(body.agreement)
    other = FocusAreaProposal.objects.create(
        agreement=body.agreement, year=2023, title="Inte beredd", motivation="-"
    )
    meeting = gov.meeting(body)
    client.force_login(coordinator)

    form = client.get(url("agenda_item_new", meeting)).context["form"]
    assert list(form.fields["focus_proposal"].queryset) == [proposal]
    assert other not in form.fields["focus_proposal"].queryset
    response = client.post(url("agenda_item_new", meeting), {"focus_proposal": proposal.pk})

    assert response.status_code == 302
    assert AgendaItem.objects.get(meeting=meeting).focus_proposal == proposal


def test_coordinator_records_attendance(client, coordinator):
    body = gov.body()
    meeting = gov.meeting(body)
    present = gov.voting(body)[:5]
    client.force_login(coordinator)

    response = client.post(url("attendance", meeting), {"present": [m.pk for m in present]})

    assert response.status_code == 302
    assert Attendance.objects.filter(meeting=meeting, present=True).count() == 5
    assert Attendance.objects.filter(meeting=meeting, present=False).count() == 4


def test_coordinator_adds_a_paragraph_with_a_decision_and_the_focus_area_is_adopted(
    client, coordinator
):
    from samverkan.governance import services

    body = gov.body()
    meeting = gov.meeting(body, datetime.date(2022, 11, 29), present=8)
    item = services.add_agenda_item(
        meeting=meeting,
        title="",
        focus_proposal=gov.prepared_proposal(body.agreement),
        by=coordinator,
    )
    client.force_login(coordinator)

    response = client.post(
        url("paragraph_new", meeting),
        {
            "agenda_item": item.pk,
            "title": "",
            "method": "consensus",
            "decision": "Styrgruppen antar fokusområdet.",
            "focus_area_adopted": "yes",
        },
    )

    assert response.status_code == 302
    paragraph = MinutesParagraph.objects.get(meeting=meeting)
    assert FocusArea.objects.get(year=2023).decided_in == paragraph


def test_a_decision_without_quorum_is_shown_on_the_form(client, coordinator):
    body = gov.body()
    meeting = gov.meeting(body, present=3)
    client.force_login(coordinator)

    response = client.post(
        url("paragraph_new", meeting),
        {"title": "Budget", "method": "consensus", "decision": "Godkänns."},
    )

    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert not MinutesParagraph.objects.exists()


def test_coordinator_records_a_decision_on_a_noted_paragraph(client, coordinator):
    meeting = gov.meeting(gov.body(), present=8)
    paragraph = gov.paragraph(meeting, decided=False)
    client.force_login(coordinator)

    response = client.post(
        url("decision", meeting, paragraph=paragraph.pk),
        {"method": "vote", "votes_for": 5, "votes_against": 3, "decision": "Bifalls."},
    )

    assert response.status_code == 302
    paragraph.refresh_from_db()
    assert (paragraph.method, paragraph.votes_for) == ("vote", 5)


def test_coordinator_enters_a_statement(client, coordinator):
    body = gov.body()
    meeting = gov.meeting(body, present=8)
    paragraph = gov.paragraph(meeting)
    client.force_login(coordinator)

    response = client.post(
        url("statement_new", meeting, paragraph=paragraph.pk),
        {"kind": "dissenting", "membership": gov.voting(body)[2].pk, "text": "Särskilt yttrande."},
    )

    assert response.status_code == 302
    assert Statement.objects.get().kind == "dissenting"


def test_adjusting_asks_for_confirmation_before_publishing(client, coordinator):
    body = gov.body()
    meeting = gov.meeting(body, present=8)
    gov.paragraph(meeting)
    adjuster = gov.voting(body)[0]
    client.force_login(coordinator)
    data = {"adjusters": [adjuster.pk], "adjusted_on": "2022-02-20"}

    first = client.post(url("adjust", meeting), data)
    meeting.refresh_from_db()
    assert first.status_code == 200
    assert first.templates[0].name == "governance/adjust_confirm.html"
    assert meeting.status != Meeting.Status.ADJUSTED

    second = client.post(url("adjust", meeting), {**data, "confirmed": "yes"})

    meeting.refresh_from_db()
    assert second.status_code == 302
    assert meeting.status == Meeting.Status.ADJUSTED
    assert list(meeting.adjusters.all()) == [adjuster.user]
    assert client.logout() is None
    assert client.get(meeting.get_absolute_url()).status_code == 200
