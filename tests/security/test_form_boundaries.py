"""Every form of the site, sent as the page shows it with one date or number changed to a value
at the edge (year 1, year 9999, past a 32-bit column, 1e400, -1, NaN), answers a page or a
refusal, never a server error. The forms are found as test_form_errors.py finds them: each route
of the permission matrix, opened by the person with the most rights on it, so a new form is
covered the day it is added."""

import re

import pytest
from django.db import transaction
from django.test import Client

from tests.form_defaults import form_defaults
from tests.security.client import OK, close
from tests.security.matrix import MATRIX
from tests.security.test_permission_matrix import ROUTES, url_of

pytestmark = pytest.mark.django_db

DATES = ["0001-01-01", "9999-12-31", "10000-01-01"]
DATETIMES = ["0001-01-01T00:00", "9999-12-31T23:59"]
TIMES = ["24:00", "23:59:60"]
NUMBERS = ["2147483648", "99999999999999999999", "1e400", "-1", "NaN", "-0"]
EDGES = {
    "date": DATES,
    "datetime-local": DATETIMES,
    "time": TIMES,
    "number": NUMBERS,
    "decimal": NUMBERS,  # an amount: inputmode="decimal" on a text input
    "numeric": NUMBERS,
}
INPUT = re.compile(r"<input\b[^>]*>")
# Forms shown on another route's page, posted to an address that answers GET with 405: their
# edge fields and the rest of a valid submission.
POSTED_FROM_ELSEWHERE = {
    "partnerships:iop_follow_up": ({"followed_up_on": DATES}, {"text": "Uppföljt."}),
    "reports:new": ({"year": NUMBERS}, {}),
}


def _attribute(tag: str, name: str) -> str | None:
    found = re.search(rf'\s{name}="([^"]*)"', tag)
    return found.group(1) if found else None


def edge_fields(html: str) -> dict[str, list[str]]:
    """The page's date, time and number inputs, each with the edge values for its kind."""
    main = html[html.find("<main") :]
    fields = {}
    for tag in INPUT.findall(main):
        name = _attribute(tag, "name")
        kind = _attribute(tag, "inputmode") or _attribute(tag, "type") or "text"
        if name and kind in EDGES:
            fields[name] = EDGES[kind]
    return fields


def _who_may(world, name):
    for role in ("coordinator", "administrator", "representative"):
        if MATRIX[name][role] == OK:
            return world.users[role]
    return None


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_a_date_or_number_at_the_edge_is_never_a_server_error(world, name):
    user = _who_may(world, name)
    if user is None:
        return  # nobody may use it: the permission matrix tests it
    client = Client(raise_request_exception=False)
    client.force_login(user)
    address = url_of(ROUTES[name], world)
    if name in POSTED_FROM_ELSEWHERE:
        fields, defaults = POSTED_FROM_ELSEWHERE[name]
    else:
        page = client.get(address)
        if page.status_code != 200:
            return  # a button, not a page with a form
        html = page.content.decode()
        fields, defaults = edge_fields(html), form_defaults(html)
    failures = []
    for field, edges in fields.items():
        for value in edges:
            with transaction.atomic():
                response = client.post(address, {**defaults, field: value})
                transaction.set_rollback(True)
            close(response)
            if response.status_code >= 500:
                failures.append(f"{field}={value}: {response.status_code}")
    assert not failures, f"POST {address} ({name}):\n  " + "\n  ".join(failures)


def test_every_model_form_bounds_its_numbers_by_their_column():
    """A ModelForm's integer fields take only what the column holds (core/bounds.py)."""
    import importlib
    import inspect

    from django import forms
    from django.apps import apps

    from samverkan.core.bounds import bounded_formfield

    unbounded = []
    for config in apps.get_app_configs():
        if not config.name.startswith("samverkan."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.forms")
        except ModuleNotFoundError:
            continue
        for name, form in inspect.getmembers(module, inspect.isclass):
            ours = issubclass(form, forms.ModelForm) and form.__module__ == module.__name__
            if ours and form._meta.formfield_callback is not bounded_formfield:
                unbounded.append(f"{module.__name__}.{name}")
    assert not unbounded, f"Set Meta.formfield_callback = bounded_formfield in {unbounded}"
