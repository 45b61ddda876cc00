"""Requests as each role of the matrix, each in a savepoint that is rolled back, and their
answers reduced to what the matrix compares."""

from django.core.signals import request_finished
from django.db import close_old_connections, transaction
from django.test import Client
from django.urls import reverse

# What an answer means for the matrix.
LOGIN = "login"  # sent to the login page (HTML) or 401 (API)
FORBIDDEN = "403"
HIDDEN = "404"  # the object is not there for this person
OK = "ok"  # 2xx, a redirect elsewhere, or a 4xx that is about the input (400, 409, 422)
NOT_ALLOWED = "405"
ERROR = "500"


def classify(response) -> str:
    status = response.status_code
    if status in (301, 302, 303, 307, 308):
        login = reverse("account_login")
        return LOGIN if response["Location"].startswith(login) else OK
    if status == 401:
        return LOGIN
    if status == 403:
        return FORBIDDEN
    if status == 404:
        return HIDDEN
    if status == 405:
        return NOT_ALLOWED
    if status >= 500:
        return ERROR
    return OK


def client_for(user, **kwargs) -> Client:
    client = Client(raise_request_exception=False, **kwargs)
    if user is not None:
        client.force_login(user)
    return client


def answer(client: Client, method: str, url: str, data=None) -> str:
    """Send the request in a savepoint and roll it back: the data set stays as it was."""
    with transaction.atomic():
        response = getattr(client, method)(url, data or {})
        transaction.set_rollback(True)
    close(response)
    return classify(response)


def close(response) -> None:
    """Close a response (a file download holds its file open until then) as the test client
    does: without the request_finished handler that would close the test's database
    connection."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
