"""Visitor counts: entered by the staff, or imported from a door counter's CSV file. A file with
any bad line imports nothing and lists every bad line by number."""

import datetime

import pytest
from django.urls import reverse

from samverkan.core.exceptions import ApplicationError
from samverkan.venues import services
from samverkan.venues.models import VisitorCount
from tests import factories
from tests.venues.factories import VisitorCountFactory

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def staff(db):
    return factories.coordinator()


def test_staff_record_a_day_and_correct_it(room, staff):
    services.record_visitor_count(venue=room.venue, date=D(2022, 3, 14), visitors=80, by=staff)
    services.record_visitor_count(venue=room.venue, date=D(2022, 3, 14), visitors=95, by=staff)

    count = VisitorCount.objects.get()
    assert (count.date, count.visitors, count.source) == (D(2022, 3, 14), 95, "manual")


def test_a_future_day_cannot_be_counted(room, staff):
    with pytest.raises(ApplicationError) as caught:
        services.record_visitor_count(
            venue=room.venue, date=D.today() + datetime.timedelta(days=2), visitors=5, by=staff
        )
    assert caught.value.field == "date"


def test_a_good_file_is_imported_and_existing_days_are_updated(room, staff):
    VisitorCountFactory(venue=room.venue, date=D(2022, 3, 14), visitors=1)
    content = b"datum;antal\n2022-03-14;87\n2022-03-15;102\n\n2022-03-16;0\n"

    result = services.import_visitor_counts(venue=room.venue, content=content, by=staff)

    assert (result.created, result.updated) == (2, 1)
    assert dict(VisitorCount.objects.values_list("date", "visitors")) == {
        D(2022, 3, 14): 87,
        D(2022, 3, 15): 102,
        D(2022, 3, 16): 0,
    }
    assert set(VisitorCount.objects.values_list("source", flat=True)) == {"import"}


def test_a_file_with_bad_lines_imports_nothing_and_names_each_line(room, staff):
    content = (
        "2022-03-14;87\n"
        "14/3/2022;90\n"  # line 2: not a date
        "2022-03-15;många\n"  # line 3: not a number
        "2022-03-16\n"  # line 4: one column
        "2022-03-14;12\n"  # line 5: the same day again
        "2999-01-01;3\n"  # line 6: the future
        "2022-03-17;-4\n"  # line 7: negative
    ).encode()

    with pytest.raises(services.VisitorImportError) as caught:
        services.import_visitor_counts(venue=room.venue, content=content, by=staff)

    lines = [error.split(":")[0] for error in caught.value.errors]
    assert len(lines) == 6
    assert all(str(n) in line for n, line in zip([2, 3, 4, 5, 6, 7], lines, strict=True))
    assert not VisitorCount.objects.exists()


def test_an_empty_file_is_refused(room, staff):
    with pytest.raises(services.VisitorImportError):
        services.import_visitor_counts(venue=room.venue, content=b"", by=staff)


def test_a_door_counter_file_in_windows_encoding_with_commas_is_read(room, staff):
    content = "Datum,Antal\r\n2022-03-14,87\r\n".encode("cp1252")

    result = services.import_visitor_counts(venue=room.venue, content=content, by=staff)

    assert result.created == 1


def test_the_import_page_lists_the_bad_lines_and_answers_400(client, room, staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staff)
    url = reverse(
        "venues:visitors_import",
        kwargs={"agreement": room.venue.agreement.slug, "venue": room.venue.slug},
    )
    upload = SimpleUploadedFile("rakning.csv", b"2022-03-14;87\nfel;1\n", "text/csv")

    response = client.post(url, {"file": upload})

    assert response.status_code == 400
    assert len(response.context["import_errors"]) == 1
    assert not VisitorCount.objects.exists()

    good = SimpleUploadedFile("rakning.csv", b"2022-03-14;87\n", "text/csv")
    response = client.post(url, {"file": good})
    assert response.status_code == 302
    assert VisitorCount.objects.get().visitors == 87


def test_staff_enter_a_count_through_the_page(client, room, staff):
    client.force_login(staff)
    url = reverse(
        "venues:visitors", kwargs={"agreement": room.venue.agreement.slug, "venue": room.venue.slug}
    )

    assert client.get(url).status_code == 200
    response = client.post(url, {"date": "2022-03-14", "visitors": "66"})

    assert response.status_code == 302
    assert VisitorCount.objects.get().visitors == 66


@pytest.mark.parametrize("role", ["anonymous", "ombud"])
def test_others_cannot_open_the_visitor_page(client, room, ombud, role):
    if role == "ombud":
        client.force_login(ombud)
    url = reverse(
        "venues:visitors", kwargs={"agreement": room.venue.agreement.slug, "venue": room.venue.slug}
    )

    response = client.get(url)

    assert response.status_code == (302 if role == "anonymous" else 403)
