"""The server error page, which must not need the database (it may be why the request failed)."""

from django.http import HttpResponseServerError
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request):
    """templates/500.html in the site's layout, rendered without the context processors: they
    would ask the database who is logged in. Only the request and the CSRF token (for the
    language switch) are given, as for the 503 page."""
    context = {"request": request, "csrf_token": get_token(request)}
    return HttpResponseServerError(render_to_string("500.html", context))
