"""Two coordinators adding paragraphs at the same moment get consecutive numbers: the row lock
on the body serialises them (PostgreSQL; SQLite serialises all writes anyway)."""

import threading

import pytest
from django.db import connection

from samverkan.governance import services
from samverkan.governance.models import MinutesParagraph
from tests import factories
from tests.governance import factories as gov

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_concurrent_paragraphs_get_consecutive_numbers():
    coordinator = factories.coordinator()
    body = gov.body(by=coordinator)
    meetings = [gov.meeting(body, by=coordinator), gov.meeting(body, by=coordinator)]
    barrier = threading.Barrier(len(meetings) * 3)
    errors = []

    def add(meeting):
        try:
            barrier.wait()
            services.add_paragraph(meeting=meeting, title="Samtidigt", by=coordinator)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=add, args=(m,)) for m in meetings for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    numbers = sorted(MinutesParagraph.objects.filter(body=body).values_list("number", flat=True))
    assert numbers == [1, 2, 3, 4, 5, 6]
