import pytest
from django.db import connection

from tests import factories


@pytest.fixture(autouse=True)
def _swedish(settings):
    """Tests read the Swedish texts a user sees."""
    settings.LANGUAGE_CODE = "sv"


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: runs when DATABASE_URL points at one")


@pytest.fixture
def organisation(db):
    return factories.OrganisationFactory()


@pytest.fixture
def member(db):
    return factories.UserFactory()


@pytest.fixture
def coordinator(db):
    return factories.coordinator()
