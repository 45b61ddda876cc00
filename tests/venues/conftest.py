import pytest

from tests import factories
from tests.venues.factories import room_open_every_day


@pytest.fixture
def room(db):
    """A room of 20 seats in a venue open 07–23 every day, with the default booking rules."""
    return room_open_every_day()


@pytest.fixture
def civil_org(db):
    return factories.OrganisationFactory(name="Föreningen Zig Zag", slug="foreningen-zig-zag")


@pytest.fixture
def ombud(civil_org):
    return factories.representative(civil_org)


@pytest.fixture
def city_org(db):
    return factories.administration(name="Fritidsförvaltningen", slug="fritidsforvaltningen")


@pytest.fixture
def city_employee(city_org):
    return factories.representative(city_org)
