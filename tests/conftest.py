import os

import pytest

from tests import factories


def _on_postgres() -> bool:
    return (os.environ.get("DATABASE_URL") or "").startswith(("postgres", "postgresql"))


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgres` run only when DATABASE_URL points at PostgreSQL (as .ci/run does);
    on SQLite they are deselected, not skipped."""
    if _on_postgres():
        return
    deselected = [item for item in items if item.get_closest_marker("postgres")]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = [item for item in items if not item.get_closest_marker("postgres")]


@pytest.fixture(autouse=True)
def _swedish(settings):
    """Tests read the Swedish texts a user sees."""
    settings.LANGUAGE_CODE = "sv"


@pytest.fixture
def organisation(db):
    return factories.OrganisationFactory()


@pytest.fixture
def member(db):
    return factories.UserFactory()


@pytest.fixture
def coordinator(db):
    return factories.coordinator()
