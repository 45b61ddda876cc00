"""hypothesis posts random values (empty, huge, odd unicode, NUL characters, numbers and dates
out of range) to the main forms and filters as a signed-in coordinator: every answer is a page
or a refusal, never a server error. Derandomized and small, so CI runs the same examples."""

import re

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories
from tests.events.factories import EventFactory, soon
from tests.venues.factories import room_open_every_day

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

odd_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60
)  # any unicode, NUL and control characters included
values = st.one_of(
    st.just(""),
    odd_text,
    st.text(alphabet="aåö€💥", min_size=5_000, max_size=20_000),  # beyond every max_length
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["0", "-1", "9999-12-31", "0001-01-01", "2024-02-30", "25:61", "1e309"]),
    # The edges that once were 500s: a BC timestamp, a 32-bit column, Decimal.quantize.
    st.sampled_from(["0001-01-01T00:00", "9999-12-31T23:59", "2147483648", "1e400", "-0"]),
    st.sampled_from(["99999999999999999999", "-2147483649", "Infinity", "10000-01-01"]),
    st.sampled_from(["NaN", "on", "true", "<script>alert(1)</script>", "' OR 1=1 --", "%00"]),
)
# The form's own field names: whatever the page offers, and a few more.
NOT_FIELDS = {"csrfmiddlewaretoken", "language", "next"}


def field_names(html: str) -> list[str]:
    names = set(re.findall(r'<(?:input|select|textarea)[^>]*\sname="([^"]+)"', html))
    return sorted(names - NOT_FIELDS)


@pytest.fixture
def world(db, coordinator):
    agreement = factories.AgreementFactory(slug="malmoandan")
    factories.OrganisationFactory(name="Rosengårds idrottsförening")
    event = EventFactory(agreement=agreement, is_published=True, starts_at=soon(10))
    room = room_open_every_day()
    return {
        "register": reverse("actors:register"),
        "organisation": reverse("actors:organisation_new"),
        "calendar": reverse("events:calendar", kwargs={"agreement": agreement.slug}),
        "event registration": reverse(
            "events:register", kwargs={"agreement": event.agreement.slug, "slug": event.slug}
        ),
        "booking": reverse(
            "venues:book",
            kwargs={
                "agreement": room.venue.agreement.slug,
                "venue": room.venue.slug,
                "room": room.slug,
            },
        ),
        "posting": reverse("matching:new", kwargs={"agreement": agreement.slug}),
        "event": reverse("events:new", kwargs={"agreement": agreement.slug}),
        "funding calls": reverse("funding:list", kwargs={"agreement": agreement.slug}),
    }


def fuzz(client, address: str, method: str, data) -> None:
    response = getattr(client, method)(address, data)
    assert response.status_code < 500, (address, data)


@pytest.mark.parametrize(
    ("form", "method"),
    [
        ("register", "get"),
        ("calendar", "get"),
        ("organisation", "post"),
        ("event registration", "post"),
        ("booking", "post"),
        ("posting", "post"),
        ("event", "post"),
        ("funding calls", "get"),
    ],
)
def test_random_input_to_a_form_is_never_a_server_error(client, coordinator, world, form, method):
    client.force_login(coordinator)
    address = world[form]
    page = client.get(address)
    assert page.status_code == 200
    html = page.content.decode()
    names = field_names(html)
    assert names, f"no fields found on {address}"
    # The page's own choices and values too, so that some posts get past the form to the
    # service behind it.
    offered = st.sampled_from(sorted(set(re.findall(r'value="([^"]*)"', html))))
    valueish = st.one_of(values, offered)

    @FUZZ
    @given(st.fixed_dictionaries({}, optional=dict.fromkeys(names, valueish)))
    def run(data):
        fuzz(client, address, method, data)

    run()


def test_any_month_of_the_calendar_is_a_page_or_a_404(client):
    agreement = factories.AgreementFactory(slug="malmoandan")

    @FUZZ
    @given(year=st.integers(min_value=0, max_value=10**12), month=st.integers(0, 10**6))
    def run(year, month):
        kwargs = {"agreement": agreement.slug, "year": year, "month": month}
        assert client.get(reverse("events:month", kwargs=kwargs)).status_code in (200, 404)

    run()
