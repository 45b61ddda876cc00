"""The figures per year: new, running and ended collaborations, by kind, area and district."""

import datetime

import pytest

from samverkan.partnerships.selectors import collaboration_figures, figures_by_year
from tests import factories
from tests.areas.factories import PriorityAreaFactory
from tests.partnerships.factories import CollaborationFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def mapping():
    agreement = factories.AgreementFactory(slug="malmoandan")
    health = PriorityAreaFactory(agreement=agreement, title="Hälsa", slug="halsa", position=1)
    work = PriorityAreaFactory(agreement=agreement, title="Arbete", slug="arbete", position=2)
    rosengard = factories.DistrictFactory(name="Rosengård", slug="rosengard")
    lindangen = factories.DistrictFactory(name="Lindängen", slug="lindangen")

    def make(kind, status, starts_on, ends_on=None, *, year=None, areas=(), districts=()):
        collaboration = CollaborationFactory(
            agreement=agreement,
            kind=kind,
            status=status,
            starts_on=starts_on,
            ends_on=ends_on,
            mapping_year=year or (starts_on.year if starts_on else 2020),
        )
        collaboration.areas.set(areas)
        collaboration.districts.set(districts)
        return collaboration

    # Started 2020, still running.
    make("project", "running", D(2020, 3, 1), areas=[health], districts=[rosengard])
    # Started 2021, ended 2022: new 2021, running 2021 and 2022, ended 2022.
    make(
        "iop",
        "ended",
        D(2021, 6, 1),
        D(2022, 4, 30),
        areas=[health, work],
        districts=[rosengard, lindangen],
    )
    # Start unknown, first recorded in 2022: counts from 1 January 2022.
    make("network", "running", None, year=2022, districts=[lindangen])
    # Started and ended in 2022.
    make("dialogue", "ended", D(2022, 2, 1), D(2022, 11, 30), areas=[work])
    # Planned: not counted.
    make("project", "planned", D(2030, 1, 1), year=2026)
    # Another agreement: not counted.
    CollaborationFactory(starts_on=D(2022, 1, 1), mapping_year=2022)
    return agreement


def row(rows, key):
    return next(r for r in rows if r.key == key)


def test_totals_of_a_year(mapping):
    figures = collaboration_figures(mapping, 2022)
    assert (figures.new, figures.running, figures.ended) == (2, 4, 2)


def test_totals_of_earlier_years(mapping):
    assert (lambda f: (f.new, f.running, f.ended))(collaboration_figures(mapping, 2021)) == (
        1,
        2,
        0,
    )
    assert (lambda f: (f.new, f.running, f.ended))(collaboration_figures(mapping, 2020)) == (
        1,
        1,
        0,
    )
    assert (lambda f: (f.new, f.running, f.ended))(collaboration_figures(mapping, 2019)) == (
        0,
        0,
        0,
    )
    assert (lambda f: (f.new, f.running, f.ended))(collaboration_figures(mapping, 2023)) == (
        0,
        2,
        0,
    )


def test_figures_by_kind(mapping):
    figures = collaboration_figures(mapping, 2022)
    assert [(r.key, r.new, r.running, r.ended) for r in figures.by_kind] == [
        ("iop", 0, 1, 1),
        ("project", 0, 1, 0),
        ("network", 1, 1, 0),
        ("dialogue", 1, 1, 1),
        ("grant_funded", 0, 0, 0),
        ("other", 0, 0, 0),
    ]


def test_figures_by_area_count_a_collaboration_in_each_of_its_areas(mapping):
    figures = collaboration_figures(mapping, 2022)
    assert [(r.label, r.new, r.running, r.ended) for r in figures.by_area] == [
        ("Hälsa", 0, 2, 1),
        ("Arbete", 1, 2, 2),
    ]


def test_figures_by_district_in_swedish_order(mapping):
    figures = collaboration_figures(mapping, 2022)
    assert [(r.label, r.new, r.running, r.ended) for r in figures.by_district] == [
        ("Lindängen", 1, 2, 1),
        ("Rosengård", 0, 2, 1),
    ]


def test_figures_by_year_match_the_figures_of_each_year(mapping):
    for total in figures_by_year(mapping, first=2018, last=2024):
        figures = collaboration_figures(mapping, int(total.key))
        assert (total.new, total.running, total.ended) == (
            figures.new,
            figures.running,
            figures.ended,
        )


def test_an_end_date_still_to_come_is_not_counted_as_ended(mapping):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    CollaborationFactory(
        agreement=mapping,
        starts_on=D(tomorrow.year, 1, 1),
        ends_on=tomorrow,
        mapping_year=tomorrow.year,
    )
    figures = collaboration_figures(mapping, tomorrow.year)
    assert figures.ended == 0
    assert figures.running >= 1
