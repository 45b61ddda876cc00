import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext

from samverkan.core.exceptions import PermissionDeniedError
from samverkan.core.web import forbidden

logger = logging.getLogger(__name__)


class SwedishFirstLocaleMiddleware:
    """Swedish for everyone unless they chose another language with the language switch.

    Django's LocaleMiddleware follows the browser's Accept-Language, which would show English to
    most visitors on an English-language computer; a Swedish public service speaks Swedish
    first. The choice is kept in Django's language cookie (set by /i18n/setlang/).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ["Cookie"])
        response.headers.setdefault("Content-Language", language)
        return response


class DatabaseUnavailableMiddleware:
    """A clear "try again shortly" (503 with Retry-After) when the database cannot answer.

    A database that has gone away (restarted, failed over, the network down) or is too busy to
    answer raises OperationalError or InterfaceError in whatever view needed it; a plain 500
    would say the service is broken. People get a page that says it is temporarily unavailable,
    the API a JSON error with the stable code `database_unavailable`, and the log the cause.

    The page is rendered without the context processors: they would ask the database who is
    logged in. Django closes a connection that failed at the end of the request, and the next
    request opens a new one (CONN_HEALTH_CHECKS in settings), so the service recovers by itself
    when the database is back.
    """

    RETRY_AFTER_SECONDS = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error(
            "Database unavailable during %s %s: %s",
            request.method,
            request.path,
            exception,
            exc_info=exception,
        )
        return database_unavailable_response(request, retry_after=self.RETRY_AFTER_SECONDS)


class ApplicationErrorMiddleware:
    """A PermissionDeniedError that leaves a view becomes the 403 page with its reason (the API
    has its own handler and answers JSON). Views check rights before they show a form; this
    catches the rare refusal from the service itself, e.g. a right withdrawn between page and
    post, so it never reaches the person as a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, PermissionDeniedError):
            return forbidden(request, str(exception.message))
        return None


def wants_json(request) -> bool:
    return request.path_info.startswith("/api/v1/") or (
        request.accepts("application/json") and not request.accepts("text/html")
    )


def database_unavailable_response(request, *, retry_after: int) -> HttpResponse:
    """The 503 answer: the page for people, the API's error shape for programs."""
    if wants_json(request):
        message = gettext("The service is temporarily unavailable. Please try again in a minute.")
        response = JsonResponse(
            {"error": {"code": "database_unavailable", "message": message}}, status=503
        )
    else:
        context = {"request": request, "csrf_token": get_token(request)}
        response = HttpResponse(render_to_string("503.html", context), status=503)
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response
