"""Every view and API operation that changes data answers each role as tests/security/matrix.py
says: anonymous people are sent to log in, a role without the right gets 403 (or 404 where the
app hides the object), a role with it never gets 403, 404 or a server error."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.security.client import NOT_ALLOWED, answer, classify, client_for
from tests.security.matrix import MATRIX, POST_DATA
from tests.security.routes import UNSAFE_METHODS, all_routes, api_operations, html_routes
from tests.security.world import ROLES, url_kwargs

# Writes that a request makes whoever sends it: the session, the time of the last login, and
# the secret address of a person's own calendar, made the first time "my registrations" shows it.
BOOKKEEPING = re.compile(r'"?(django_session|accounts_user|events_calendartoken)"?', re.I)
WRITE = re.compile(r"^\s*(INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def url_of(route, world) -> str:
    kwargs = url_kwargs(route.name, world)
    return reverse(route.name, kwargs={name: kwargs[name] for name in route.params})


ROUTES = {route.name: route for route in html_routes()}


def test_every_route_that_changes_data_is_in_the_matrix():
    changing = {route.name for route in html_routes() if route.takes_writes}
    missing = sorted(changing - set(MATRIX))
    assert not missing, (
        "These views take a POST but are not in the permission matrix; add them to MATRIX in "
        "tests/security/matrix.py with the answer each role should get:\n  "
        + "\n  ".join(str(ROUTES[name]) for name in missing)
    )
    stale = sorted(set(MATRIX) - {route.name for route in all_routes()})
    assert not stale, f"The matrix names routes that no longer exist: {stale}"


def test_the_api_changes_data_only_through_operations_in_the_matrix():
    """The API is read-only: an unsafe operation added to it must come with its own matrix."""
    unsafe = [(m, path) for m, path in api_operations() if m in UNSAFE_METHODS]
    assert not unsafe, (
        f"The API has operations that change data: {unsafe}. Add them to a matrix in "
        "tests/security/matrix.py and test each role's answer (401/403 for the anonymous)."
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_each_role_gets_the_answer_of_the_matrix(world, name):
    url = url_of(ROUTES[name], world)
    expected = MATRIX[name]
    got = {
        role: answer(client_for(world.users[role]), "post", url, POST_DATA.get(name))
        for role in ROLES
    }
    wrong = [
        f"{role:22} expected {expected[role]:6} got {got[role]}"
        for role in ROLES
        if got[role] != expected[role]
    ]
    assert not wrong, f"POST {url} ({name}):\n  " + "\n  ".join(wrong)


@pytest.mark.django_db
def test_routes_that_only_read_refuse_a_post_and_write_nothing(world):
    """The routes left out of the matrix really are read-only: a POST as a coordinator (who may
    most) is refused with 405 Method Not Allowed (require_safe) and writes no row."""
    client = client_for(world.users["coordinator"])
    problems = []
    for route in html_routes():
        if route.name in MATRIX or route.takes_writes:
            continue
        url = url_of(route, world)
        with CaptureQueriesContext(connection) as queries:
            result = answer(client, "post", url)
        writes = [
            q["sql"][:120]
            for q in queries.captured_queries
            if WRITE.match(q["sql"]) and not BOOKKEEPING.search(q["sql"][:60])
        ]
        if writes or result != NOT_ALLOWED:
            problems.append(f"{route}: {result} {writes}")
    assert not problems, (
        "Read-only routes that wrote or did not answer 405 (decorate the view with "
        "django.views.decorators.http.require_safe):\n  "
    ) + "\n  ".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["anonymous", "member", "coordinator"])
def test_the_api_refuses_every_unsafe_method(world, role):
    """No API operation accepts POST, PUT, PATCH or DELETE, whoever sends it."""
    client = client_for(world.users[role])
    accepted = []
    for path in sorted({path for _method, path in api_operations()}):
        url = "/api/v1" + re.sub(r"\{[^}]+\}", "x", path)
        for unsafe in UNSAFE_METHODS:
            response = getattr(client, unsafe)(url, {}, content_type="application/json")
            if classify(response) != NOT_ALLOWED and response.status_code != 404:
                accepted.append(f"{unsafe.upper()} {url}: {response.status_code}")
    assert not accepted, "\n".join(accepted)
