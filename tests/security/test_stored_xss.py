"""Stored XSS: script and event-handler payloads written into the texts people fill in are
inert on every page that shows them.

Two ways in. Through the real forms: every form on the pages of the permission matrix is sent
by a coordinator with the payload in each text field. And past the forms: every CharField and
TextField of the project's models (but the technical ones in NOT_WRITTEN) of every row of the
data set gets the payload through the model's save(), as the services, the admin and imports
do; the rich text shown as HTML (learning) is written once more past save(), so the pages must
clean it themselves (nh3 on output); the annual report's JSON texts go through its services.

Then every page (and a few searches that echo the query) is rendered for the anonymous, for
organisation A's representative and for a coordinator (who sees the most), parsed with
html.parser, and searched for executable markup: a <script> with the payload, an on…=
event-handler attribute, a javascript: address. The API's JSON and the iCal and Atom feeds must
not be served as HTML.
"""

import pytest
from django.apps import apps
from django.db import IntegrityError, models, transaction
from django.urls import reverse

from samverkan.accounts.models import User
from samverkan.learning.models import Course, CourseModule, Material
from samverkan.reports import services as report_services
from samverkan.reports.memo import MEMO_KEYS
from samverkan.reports.snapshot import SECTION_KEYS
from tests.security.client import client_for, close
from tests.security.matrix import MATRIX
from tests.security.routes import api_operations, html_routes
from tests.security.world import url_kwargs
from tests.security.xss import executable_markup, post_forms

PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '<a href="javascript:alert(1)">x</a>',
    "<svg onload=alert(1)>",
)
PAYLOAD = "".join(PAYLOADS)

# Fields no person writes: computed search text, stored file names, tokens and codes.
NOT_WRITTEN = {
    "search_text",
    "search_stems",
    "stored_name",
    "content_type",
    "token",
    "password",
    "email",
    "slug",
    "code",
    "diary_number",
    "orgnr",
    "organisation_number",
    "postal_code",
    "phone",
}


def written_text_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField))
        and not isinstance(field, (models.SlugField, models.EmailField, models.URLField))
        and field.editable
        and not field.choices
        and not field.primary_key
        and field.name not in NOT_WRITTEN
    ]


def project_models():
    for config in apps.get_app_configs():
        if config.name.startswith("samverkan."):
            yield from config.get_models()
    yield User


def _payload_for(field, prefix: str = "") -> str:
    value = prefix + PAYLOAD
    return value if field.max_length is None else value[: field.max_length]


def fill_with_payload() -> set[str]:
    """Write the payload into every written text field that holds a text in some row (an empty
    one may have to stay empty, like the address of an online event); returns "app.Model.field"
    of the fields filled."""
    filled = set()
    for model in project_models():
        fields = written_text_fields(model)
        for obj in model.objects.all() if fields else ():
            written = [field for field in fields if getattr(obj, field.attname)]
            for prefix in ("", f"{obj.pk} "):  # the second time for a unique text
                for field in written:
                    setattr(obj, field.attname, _payload_for(field, prefix))
                try:
                    with transaction.atomic():
                        obj.save()
                except IntegrityError:
                    continue
                filled.update(f"{model._meta.label}.{field.name}" for field in written)
                break
    return filled


# Rich text that the pages show as HTML: written a second time past save() (as a raw import
# would), so that the pages must clean it themselves.
RICH_TEXT = {Material: "body", Course: "description", CourseModule: "body"}


@pytest.fixture(scope="module")
def poisoned(world, django_db_blocker):
    with django_db_blocker.unblock():
        fields = fill_with_payload()
        for model, field in RICH_TEXT.items():
            model.objects.update(**{field: PAYLOAD})
        # The annual report's texts and memo are JSON: written through their services.
        by = world.users["coordinator"]
        report_services.save_texts(
            report=world.report, texts=dict.fromkeys(SECTION_KEYS, PAYLOAD), by=by
        )
        report_services.save_memo(
            report=world.report, memo=dict.fromkeys(MEMO_KEYS, PAYLOAD), by=by
        )
    return world, fields


ROUTES = {route.name: route for route in html_routes()}


def url_of(name, world) -> str:
    kwargs = url_kwargs(name, world)
    return reverse(name, kwargs={key: kwargs[key] for key in ROUTES[name].params})


def page_urls(world) -> list[str]:
    urls = [url_of(name, world) for name in ROUTES]
    # Search results and filters echo what was searched for.
    query = "?q=" + PAYLOADS[1]
    agreement = world.agreement.slug
    urls += [
        reverse("actors:register") + query,
        reverse("matching:list", kwargs={"agreement": agreement}) + query,
        reverse("learning:library", kwargs={"agreement": agreement}) + query,
        reverse("partnerships:list", kwargs={"agreement": agreement}) + query,
        reverse("funding:list", kwargs={"agreement": agreement}) + query,
    ]
    return urls


def problems_on_pages(client, world) -> tuple[list[str], int]:
    """The executable markup on every page, and how many pages showed the payload at all."""
    found = []
    shown = 0
    for url in page_urls(world):
        response = client.get(url)
        close(response)
        if response.status_code != 200:
            continue
        content_type = response.get("Content-Type", "")
        if "html" not in content_type or response.streaming:
            continue
        body = response.content.decode()
        shown += "alert(1)" in body
        found += [f"{url}: {problem}" for problem in executable_markup(body)]
    return found, shown


@pytest.mark.django_db
def test_payloads_sent_through_the_forms_are_inert(world):
    """Each form on the pages of the matrix, sent by a coordinator with the payload in every
    text field (the rest as the page filled it in), then every page as the coordinator."""
    client = client_for(world.users["coordinator"])
    saved = []
    for name in sorted(MATRIX):
        url = url_of(name, world)
        page = client.get(url)
        close(page)
        if page.status_code != 200 or "html" not in page.get("Content-Type", ""):
            continue
        for form in post_forms(page.content.decode()):
            if not form["texts"]:
                continue  # a confirmation: nothing to write
            data = {}
            for field, value in form["fields"]:
                if field in form["texts"]:
                    length = form["texts"][field]
                    value = PAYLOAD[:length] if length else PAYLOAD
                data.setdefault(field, []).append(value)
            response = client.post(form["action"] or url, data)
            close(response)
            if response.status_code in (301, 302, 303):
                saved.append(name)
    found, shown = problems_on_pages(client, world)
    assert not found, "Executable markup from user text:\n  " + "\n  ".join(found)
    assert len(saved) >= 15, f"Too few forms took the payload to prove anything: {saved}"
    assert shown > 20


@pytest.mark.django_db
def test_the_payload_reaches_the_fields_people_write(poisoned):
    """The walk finds the texts the issue names, so the pages below really show payloads."""
    _world, fields = poisoned
    for field in (
        "actors.Organisation.name",
        "actors.Organisation.description",
        "events.Event.title",
        "matching.Posting.text",
        "partnerships.Collaboration.description",
        "learning.Material.body",
        "governance.MinutesParagraph.decision",
        "areas.FocusAreaProposal.motivation",
        "funding.FundingCall.description",
        "venues.Booking.purpose",
        "accounts.User.first_name",
    ):
        assert field in fields


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "representative", "coordinator"])
def test_no_page_carries_executable_markup_from_user_text(poisoned, role):
    world, _fields = poisoned
    found, shown = problems_on_pages(client_for(world.users[role]), world)
    assert not found, "Executable markup from user text:\n  " + "\n  ".join(found)
    assert shown > 20, "Too few pages showed the payload: the test would prove nothing."


@pytest.mark.django_db
def test_the_api_and_the_feeds_are_not_served_as_html(poisoned):
    world, _fields = poisoned
    client = client_for(None)
    agreement = world.agreement.slug
    urls = ["/api/v1" + path for _method, path in api_operations() if "{" not in path]
    feeds = {
        reverse("events:ics", kwargs={"agreement": agreement}): "text/calendar",
        reverse("events:atom", kwargs={"agreement": agreement}): "xml",
        reverse("governance:decisions_feed", kwargs={"agreement": agreement}): "xml",
    }
    wrong = []
    for url in urls:
        response = client.get(url)
        if response.status_code == 200 and not response["Content-Type"].startswith(
            "application/json"
        ):
            wrong.append(f"{url}: {response['Content-Type']}")
    for url, kind in feeds.items():
        response = client.get(url)
        if kind not in response["Content-Type"]:
            wrong.append(f"{url}: {response['Content-Type']}")
    assert not wrong, "\n".join(wrong)
    listed = client.get("/api/v1/organisations").content.decode()
    assert "<script>alert(1)</script>" in listed  # the API gives the text as written, as data


def test_the_search_finds_each_payload_raw_and_none_escaped():
    from django.utils.html import escape

    assert len(executable_markup(f"<p>{PAYLOAD}</p>")) == 4
    assert executable_markup(f"<p>{escape(PAYLOAD)}</p><input value='{escape(PAYLOAD)}'>") == []
