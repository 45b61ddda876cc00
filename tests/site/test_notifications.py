"""Notices (/mina-sidor/notiser/): a person sees and marks only their own notifications; My
pages shows the unread ones; the header's "My pages" carries the person's unread count, filled
in per request, never kept in the header rendered once per process (site/layout.py)."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samverkan.core.models import Notification
from samverkan.core.notify import notify_person
from samverkan.site import layout
from samverkan.site.views import NOTIFICATIONS_PAGE_SIZE
from tests import factories

pytestmark = pytest.mark.django_db

PAGE = "/mina-sidor/notiser/"


@pytest.fixture(autouse=True)
def agreement():
    return factories.AgreementFactory(slug="malmoandan", is_primary=True)


def notice(user, title="Du har fått en plats: Malmötimme", **kwargs) -> Notification:
    return notify_person(
        user=user, kind="waitlist_promoted", title=title, url="/kalender/", **kwargs
    )


def header(response) -> str:
    return re.search(r"<header.*?</header>", response.content.decode(), re.S).group(0)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_page_sends_a_visitor_to_the_login(client):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_page_lists_only_the_persons_own_notifications_unread_marked_in_words():
    me, other = factories.UserFactory(), factories.UserFactory()
    notice(me, title="Min notis")
    read = notice(me, title="Läst notis")
    Notification.objects.filter(pk=read.pk).update(read_at=timezone.now())
    notice(other, title="Någon annans notis")

    html = logged_in(me).get(PAGE).content.decode()

    assert "Min notis" in html and "Läst notis" in html
    assert "Någon annans notis" not in html
    assert html.count('<span class="badge">Oläst</span>') == 1
    assert 'href="/kalender/"' in html


def test_marking_one_as_read_redirects_back_with_a_message():
    me = factories.UserFactory()
    mine = notice(me)
    client = logged_in(me)

    response = client.post(reverse("site:notification_read", kwargs={"pk": mine.pk}), follow=True)

    mine.refresh_from_db()
    assert mine.read_at is not None
    assert response.redirect_chain[-1][0] == PAGE
    assert "Notisen är markerad som läst." in response.content.decode()


def test_another_persons_notification_answers_404_and_stays_unread():
    theirs = notice(factories.UserFactory())

    response = logged_in(factories.UserFactory()).post(
        reverse("site:notification_read", kwargs={"pk": theirs.pk})
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_marking_all_as_read_leaves_other_peoples_unread():
    me, other = factories.UserFactory(), factories.UserFactory()
    notice(me), notice(me)
    theirs = notice(other)

    response = logged_in(me).post(reverse("site:notifications_read_all"))

    assert response.status_code == 302
    assert not Notification.objects.unread().filter(recipient=me).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_marking_needs_a_post():
    me = factories.UserFactory()
    assert logged_in(me).get(reverse("site:notifications_read_all")).status_code == 405


def test_the_page_is_paginated_newest_first():
    me = factories.UserFactory()
    for n in range(NOTIFICATIONS_PAGE_SIZE + 2):
        notice(me, title=f"Notis nummer {n:02d}")
    client = logged_in(me)

    first = client.get(PAGE).content.decode()
    second = client.get(PAGE, {"sida": 2}).content.decode()

    newest = f"Notis nummer {NOTIFICATIONS_PAGE_SIZE + 1:02d}"
    assert newest in first and "Notis nummer 00" not in first
    assert "Notis nummer 00" in second and newest not in second
    assert 'rel="next"' in first


def test_my_pages_shows_the_unread_ones_and_links_to_the_page():
    me = factories.UserFactory()
    notice(me, title="Olästa nyheten")

    html = logged_in(me).get(reverse("site:dashboard")).content.decode()

    assert "Olästa nyheten" in html
    assert "1 oläst notis." in html
    assert f'href="{PAGE}"' in html


def test_the_header_shows_the_persons_unread_count_and_nothing_for_another():
    a, b = factories.UserFactory(), factories.UserFactory()
    notice(a), notice(a)

    header_a = header(logged_in(a).get("/"))
    header_b = header(logged_in(b).get("/"))

    assert '<span class="badge badge-info">2 olästa</span>' in header_a
    assert "oläst" not in header_b
    assert layout.UNREAD_PLACEHOLDER not in header_a + header_b


def test_the_header_kept_in_the_process_holds_no_count(kept_layout):
    kept = kept_layout
    a = factories.UserFactory()
    notice(a), notice(a)
    logged_in(a).get("/")
    logged_in(factories.UserFactory()).get("/")

    assert kept
    assert all("olästa" not in html and "unread" not in html for html in kept)


def test_the_page_and_the_count_speak_english_in_english_mode():
    me = factories.UserFactory()
    notice(me, title="ignored")
    Notification.objects.update(titles={"sv": "Du har fått en plats", "en": "You have a seat"})
    client = logged_in(me)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = client.get(PAGE)
    html = response.content.decode()

    assert "<h1>Notifications</h1>" in html
    assert "You have a seat" in html and "Du har fått en plats" not in html
    assert "Mark all as read" in html and ">Unread<" in html
    assert '<span class="badge badge-info">1 unread</span>' in header(response)
