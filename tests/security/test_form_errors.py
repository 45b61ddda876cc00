"""Every form of the site answers a submit with missing or wrong input the same way: the page
again with status 400, "Fel:" before its title, and the error summary, whose links lead to the
fields with errors (GOV.UK's pattern, built once in samverkan/core)."""

import re

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from tests.security.client import OK
from tests.security.matrix import MATRIX
from tests.security.test_permission_matrix import ROUTES, url_of

pytestmark = pytest.mark.django_db

SUMMARY = re.compile(r'<div class="error-summary"[^>]*data-error-summary>(.*?)</div>', re.S)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# Routes that take no input worth the name (a button) or that are not a page with a form.
NOT_FORMS = {"set_language"}


def _who_may(world, name):
    """The person with the most rights who may use the route: the form is there for them."""
    for role in ("coordinator", "administrator", "representative"):
        if MATRIX[name][role] == OK:
            return world.users[role]
    return None


def _post_empty(world, name):
    user = _who_may(world, name)
    if user is None or name in NOT_FORMS:
        return None
    client = Client(raise_request_exception=False)
    client.force_login(user)
    # A field that no form has: the form is sent (bound) with every one of its fields empty.
    # In a savepoint rolled back after it: a delete must not take the next route's object.
    with transaction.atomic():
        response = client.post(url_of(ROUTES[name], world), {"ingen-sadan-ruta": "x"})
        transaction.set_rollback(True)
    return response


def _summary_problems(response) -> list[str]:
    html = response.content.decode()
    problems = []
    summary = SUMMARY.search(html)
    if summary is None:
        return ["no error summary"]
    if "Det finns problem" not in summary.group(1):
        problems.append("the summary has no heading 'Det finns problem'")
    if not TITLE.search(html).group(1).strip().startswith("Fel: "):
        problems.append("the title does not start with 'Fel: '")
    for target in re.findall(r'href="#([^"]+)"', summary.group(1)):
        if f'id="{target}"' not in html:
            problems.append(f"the summary links to #{target}, which is not on the page")
    return problems


def test_every_invalid_form_is_answered_with_400_and_the_error_summary(world):
    """A form that accepts an empty submit answers with a redirect; every other answer to an
    empty submit is 400 with the summary (never 200, as some apps used to answer)."""
    problems = []
    apps_with_a_400 = set()
    for name in sorted(MATRIX):
        response = _post_empty(world, name)
        if response is None or response.status_code in (301, 302, 303):
            continue
        if response.status_code != 400:
            problems.append(f"{name}: {response.status_code}")
            continue
        if response.get("Content-Type", "").startswith("text/html"):
            problems += [f"{name}: {problem}" for problem in _summary_problems(response)]
            apps_with_a_400.add(name.partition(":")[0])
    assert not problems, "\n".join(problems)
    # site's routes are buttons without input (mark notifications as read): no form to refuse.
    apps = {name.partition(":")[0] for name in MATRIX if ":" in name} - {"site"}
    assert apps_with_a_400 == apps, f"no form answered 400 in {apps - apps_with_a_400}"


def test_the_summary_links_to_the_field_with_the_error(world):
    response = _post_empty(world, "actors:organisation_new")

    summary = SUMMARY.search(response.content.decode()).group(1)
    assert response.status_code == 400
    assert 'href="#id_name"' in summary


def test_a_field_error_is_tied_to_its_input(world):
    response = _post_empty(world, "actors:organisation_new")

    html = response.content.decode()
    assert re.search(r'<input[^>]*aria-describedby="[^"]*id_name_error"[^>]*id="id_name"', html)
    assert 'id="id_name_error"' in html


def test_a_group_of_checkboxes_with_an_error_is_linked_at_its_first_box(world):
    """A group has no single input: the summary leads to its first checkbox, and the group's
    fieldset carries the error (aria-describedby)."""
    user = world.users["coordinator"]
    client = Client()
    client.force_login(user)
    meeting = world.meeting
    url = reverse(
        "governance:adjust",
        kwargs={"agreement": world.agreement.slug, "body": meeting.body.slug, "pk": meeting.pk},
    )

    response = client.post(url, {"ingen-sadan-ruta": "x"})

    html = response.content.decode()
    assert response.status_code == 400
    assert 'href="#id_adjusters_0"' in SUMMARY.search(html).group(1)
    fieldset = re.search(r'<fieldset id="id_adjusters"[^>]*>', html).group(0)
    assert re.search(r'aria-describedby="[^"]*id_adjusters_error"', fieldset)
