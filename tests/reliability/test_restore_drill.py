"""The restore drill: back up, change and delete data, restore, and find every record (and every
uploaded file) as it was, on SQLite and on PostgreSQL.

The backup and restore run through the commands an operator types; the comparison covers every
row of every model (and the tables of many-to-many relations), so a table that the backup
forgot fails the drill.
"""

import datetime

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command

from samverkan.actors.models import Organisation
from samverkan.events import services as events
from samverkan.events.models import Event, EventDocument, Registration
from samverkan.governance.models import Meeting, MinutesParagraph
from samverkan.venues import services as venues
from samverkan.venues.models import Booking
from tests import factories
from tests.events.factories import EventFactory
from tests.governance import factories as governance
from tests.venues.factories import at, room_open_every_day

# A restore replaces the database under every connection: the drill's rows must be committed.
committed = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def every_row() -> dict[str, list[tuple]]:
    """Every row of every table the models know, by table, in primary-key order."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        columns = [field.attname for field in model._meta.concrete_fields]
        rows[model._meta.db_table] = list(model._base_manager.order_by("pk").values_list(*columns))
    return rows


def every_file(settings) -> dict[str, bytes]:
    media = settings.MEDIA_ROOT
    return {
        str(path.relative_to(media)): path.read_bytes()
        for path in sorted(media.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def data_of_every_kind():
    """An association and its ombud, an event with registrations, a waiting list and a
    document, a booking of a room, a steering group with a meeting whose minutes hold two
    decisions."""
    organisation = factories.OrganisationFactory(name="Föreningen Zig Zag")
    ombud = factories.representative(organisation)
    event = EventFactory(capacity=2, title="Dialogforum")
    for _ in range(3):
        events.register(event=event, user=factories.UserFactory(), sector="civil")
    EventDocument.objects.create(
        event=event,
        kind=EventDocument.Kind.MINUTES,
        title="Anteckningar",
        file=ContentFile(b"%PDF-1.4 anteckningar", name="anteckningar.pdf"),
        content_type="application/pdf",
        size=21,
    )
    room = room_open_every_day(name="Stora salen", venue__name="Nobel 21")
    venues.book_room(
        room=room,
        organisation=organisation,
        starts_at=at(3, 10),
        ends_at=at(3, 12),
        purpose="Årsmöte",
        expected_participants=12,
        by=ombud,
        notify=False,
    )
    body = governance.body(city=1, civil=2, adjoined=0)
    governance.published_meeting(body, datetime.date(2022, 3, 1), paragraphs=2)
    return organisation


def change_and_delete_everything_a_bit(settings) -> None:
    Organisation.objects.filter(name="Föreningen Zig Zag").update(name="Omdöpt förening")
    factories.OrganisationFactory(name="Tillkommen förening")
    Registration.objects.filter(status=Registration.Status.WAITLISTED).delete()
    Booking.objects.all().delete()
    MinutesParagraph.objects.order_by("number").first().delete()
    Meeting.objects.update(place="Annan plats")
    document = EventDocument.objects.get()
    document.file.delete(save=False)
    (settings.MEDIA_ROOT / "tillkommen.txt").write_text("ny fil")
    Event.objects.update(capacity=99)


@committed
def test_restore_brings_back_every_record_and_file_as_it_was(
    data_of_every_kind, settings, tmp_path
):
    before, files_before = every_row(), every_file(settings)
    assert files_before  # the drill covers an uploaded file
    backup_file = tmp_path / "backups" / "samverkan.backup"
    media_archive = tmp_path / "backups" / "media.tar.gz"

    call_command("backup", output=str(backup_file), media=str(media_archive), verbosity=0)
    change_and_delete_everything_a_bit(settings)
    assert every_row() != before
    assert every_file(settings) != files_before

    call_command("restore", str(backup_file), media=str(media_archive), yes=True, verbosity=0)

    after = every_row()
    assert after.keys() == before.keys()
    for table, rows in before.items():
        assert after[table] == rows, table
    assert every_file(settings) == files_before
    # The restored database works on: a new row gets a number after the restored ones (the
    # sequence was restored too, not only the rows).
    newest = max(row[0] for row in before[Organisation._meta.db_table])
    assert factories.OrganisationFactory().pk > newest


def test_restore_asks_first_and_a_no_changes_nothing(db, tmp_path, monkeypatch, capsys):
    backup_file = tmp_path / "samverkan.backup"
    backup_file.write_bytes(b"asked before the file is read")
    organisation = factories.OrganisationFactory(name="Föreningen Zig Zag")
    monkeypatch.setattr("builtins.input", lambda prompt: "nej")

    with pytest.raises(CommandError, match="nothing was changed"):
        call_command("restore", str(backup_file))

    assert "replaces every row" in capsys.readouterr().out
    assert Organisation.objects.get() == organisation


def test_restore_refuses_a_file_that_is_not_a_backup(db, tmp_path):
    bogus = tmp_path / "not-a-backup.dump"
    bogus.write_bytes(b"this is not a database backup at all" * 100)
    organisation = factories.OrganisationFactory()

    with pytest.raises(CommandError):
        call_command("restore", str(bogus), yes=True, verbosity=0)

    assert Organisation.objects.get() == organisation


@pytest.mark.postgres
def test_backup_tells_what_to_install_when_pg_dump_is_missing(db, tmp_path, monkeypatch):
    monkeypatch.setattr("samverkan.core.backup.shutil.which", lambda name: None)
    with pytest.raises(CommandError, match="pg_dump was not found"):
        call_command("backup", output=str(tmp_path / "x.dump"), verbosity=0)
    assert not (tmp_path / "x.dump").exists()
