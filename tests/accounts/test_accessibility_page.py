"""The accessibility statement's form for reporting a barrier."""

import pytest
from django.contrib.messages import SUCCESS
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_statement_has_the_parts_the_law_requires(client):
    html = client.get(reverse("core:accessibility")).content.decode()

    assert "https://www.digg.se/tdosanmalan" in html
    assert "mailto:tillganglighet@malmo.se" in html
    assert '<time datetime="2026-11-23">23 november 2026</time>' in html
    assert 'name="description"' in html


def test_barrier_report_is_emailed_to_the_accessibility_contact(client, mailoutbox, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "tillganglighet@example.se"

    response = client.post(
        reverse("core:accessibility"),
        {
            "name": "Karin",
            "email": "karin@example.se",
            "page": "/register/",
            "description": "Sökknappen går inte att nå med tangentbordet.",
        },
        follow=True,
    )

    assert response.redirect_chain == [(reverse("core:accessibility"), 302)]
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["tillganglighet@example.se"]
    assert "Sökknappen går inte att nå med tangentbordet." in mail.body
    assert "karin@example.se" in mail.body
    assert "/register/" in mail.body
    assert [message.level for message in response.context["messages"]] == [SUCCESS]
    assert 'class="message message-success"' in response.content.decode()


def test_anonymous_report_with_only_a_description_is_sent(client, mailoutbox):
    client.post(reverse("core:accessibility"), {"description": "Texten är för liten."})

    assert len(mailoutbox) == 1


def test_report_without_description_shows_the_error_at_the_field(client, mailoutbox):
    response = client.post(reverse("core:accessibility"), {"name": "Karin", "page": "/register/"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "Detta fält måste fyllas i." in html
    assert 'id="id_description_error"' in html
    assert 'aria-invalid="true"' in html
    assert "id_description_helptext id_description_error" in html
    assert mailoutbox == []


def test_a_flood_of_reports_is_stopped_after_five(client, mailoutbox):
    for _ in range(5):
        client.post(reverse("core:accessibility"), {"description": "Kontrasten är för låg."})
    response = client.post(reverse("core:accessibility"), {"description": "En till."})

    assert response.status_code == 429
    assert len(mailoutbox) == 5
