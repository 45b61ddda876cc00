"""One word for the city's sector everywhere: "Staden", as Malmö stad's own documents say, in
the register's filter and on an organisation, the same as in the participation figures."""

import pytest
from django.urls import reverse

from samverkan.actors.models import LegalForm, Sector
from samverkan.events.models import ParticipantSector
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_register_calls_the_city_sector_staden(client):
    factories.OrganisationFactory(
        name="Fritidsförvaltningen", sector=Sector.MUNICIPALITY, legal_form=LegalForm.ADMINISTRATION
    )

    page = client.get(reverse("actors:register")).content.decode()

    assert ">Staden<" in page
    assert ">Kommun<" not in page


def test_the_register_and_the_event_figures_use_the_same_sector_word():
    assert str(Sector.MUNICIPALITY.label) == str(ParticipantSector.CITY.label) == "Staden"
