"""schemathesis generates requests from the API's own OpenAPI schema (valid and invalid
parameters) and checks that no answer is a server error and that every 200 answer has the
documented shape. Derandomized, so a run in CI is the same run as on a laptop."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import content_type_conformance, response_schema_conformance

from tests import factories
from tests.events.factories import EventFactory

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


def _schema():
    from samverkan.wsgi import application

    # The schema is the API's own, read through WSGI as a client would.
    return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


schema = _schema()


@pytest.fixture
def api_data(db):
    agreement = factories.AgreementFactory(slug="malmoandan")
    factories.OrganisationFactory(name="Rosengårds idrottsförening", slug="rosengard-if")
    EventFactory(agreement=agreement, is_published=True)
    # Requests go through the real WSGI handler, which closes the database connection after
    # each request; inside the test's transaction it must stay open (as Django's test client
    # arranges for itself).
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_answers_every_generated_request_without_a_server_error(case, api_data):
    response = case.call()
    case.validate_response(response, checks=CHECKS)


def test_no_two_different_response_shapes_share_a_name():
    """The OpenAPI components are keyed by class name: two different schemas of one name would
    document one of them wrongly (as the events', venues' and collaborations' figures once did).
    Copies of one shape (a slug and a title) may share their name."""
    import importlib
    import inspect

    from ninja import Schema

    apps = ["actors", "areas", "events", "funding", "governance", "learning", "matching"]
    apps += ["partnerships", "plans", "venues"]
    shapes: dict[str, tuple[str, dict]] = {}
    for app in apps:
        module = importlib.import_module(f"samverkan.{app}.api")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if not (issubclass(cls, Schema) and cls.__module__ == module.__name__):
                continue
            if name.endswith("Query"):  # parameters, not components
                continue
            shape = cls.model_json_schema()
            first = shapes.setdefault(name, (module.__name__, shape))
            assert first[1] == shape, f"{name} in {first[0]} and in {module.__name__}"
