import pytest

from tests import factories


@pytest.fixture
def agreement(db):
    return factories.AgreementFactory(slug="malmoandan")
