"""The public API, version 1: read-only for now. Apps add their routers here."""

import logging
from functools import wraps

from django.db import InterfaceError, OperationalError
from django.http import Http404
from django.urls import URLPattern
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI
from ninja.errors import ValidationError

from samverkan.actors.api import router as organisations_router
from samverkan.areas.api import router as areas_router
from samverkan.core.exceptions import ApplicationError
from samverkan.core.middleware import DatabaseUnavailableMiddleware
from samverkan.events.api import router as events_router
from samverkan.funding.api import router as funding_router
from samverkan.governance.api import router as governance_router
from samverkan.learning.api import router as learning_router
from samverkan.matching.api import router as matching_router
from samverkan.partnerships.api import router as partnerships_router
from samverkan.plans.api import router as plans_router
from samverkan.venues.api import router as venues_router

logger = logging.getLogger("django.request")


class SamverkanAPI(NinjaAPI):
    """NinjaAPI whose own "405 Method not allowed" (a plain-text answer from ninja's path view,
    not an exception a handler could catch) comes in the API's error shape too."""

    def _get_urls(self):
        urls = super()._get_urls()
        for pattern in urls:
            if isinstance(pattern, URLPattern):
                pattern.callback = _json_method_not_allowed(pattern.callback)
        return urls


def _json_method_not_allowed(view):
    @wraps(view)  # keeps csrf_exempt, as ninja's views are
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code != 405:
            return response
        answer = error_response(
            request,
            status=405,
            code="method_not_allowed",
            message=gettext("This address does not take %(method)s; use %(allowed)s.")
            % {"method": request.method, "allowed": response["Allow"]},
        )
        answer["Allow"] = response["Allow"]
        return answer

    return wrapped


api = SamverkanAPI(
    title="Samverkansytan API",
    version="1",
    description=str(
        _(
            "Open data from Samverkansytan, read-only and without a key: the association "
            "register; priority areas and focus areas; bodies, meetings, minutes and decisions; "
            "the collaboration plans; meeting places, their rooms' availability and figures; "
            "events and participation figures; the method library and courses; the mapping of "
            "collaborations and the IOP agreements; needs and offers with suggested matches; "
            "funding calls and funders; and each year's budget. Answers are JSON. Lists are "
            "paginated with page and page_size. An error answers with "
            '{"error": {"code": …, "message": …}}.'
        )
    ),
    openapi_url="/openapi.json",
    docs_url="/docs",
    urls_namespace="api-v1",
)


# Every error has the same shape: {"error": {"code": <stable>, "message": <Swedish>, ...}}.
def error_response(request, *, status: int, code: str, message: str, **extra):
    return api.create_response(
        request, {"error": {"code": code, "message": message, **extra}}, status=status
    )


@api.exception_handler(ApplicationError)
def application_error(request, exc: ApplicationError):
    return error_response(
        request, status=exc.status, code=exc.code, message=str(exc.message), field=exc.field
    )


@api.exception_handler(Exception)
def server_error(request, exc):
    """Anything unexpected: logged as Django logs a page's 500 (to the same handlers, with the
    traceback), answered in the API's shape without internals."""
    logger.error(
        "Internal Server Error: %s",
        request.path,
        exc_info=exc,
        extra={"status_code": 500, "request": request},
    )
    return error_response(
        request,
        status=500,
        code="server_error",
        message=gettext("An error on our side stopped the answer. It is not your fault."),
    )


@api.exception_handler(OperationalError)
@api.exception_handler(InterfaceError)
def database_unavailable(request, exc):
    """The same 503 as pages get from DatabaseUnavailableMiddleware, also in DEBUG mode (where
    ninja would otherwise answer with a traceback)."""
    return DatabaseUnavailableMiddleware(get_response=None).process_exception(request, exc)


@api.exception_handler(Http404)
def not_found(request, exc):
    return error_response(
        request, status=404, code="not_found", message=gettext("There is nothing at this address.")
    )


@api.exception_handler(ValidationError)
def invalid_request(request, exc: ValidationError):
    return error_response(
        request,
        status=422,
        code="invalid_request",
        message=gettext("The request has invalid parameters."),
        details=[
            {"field": ".".join(str(part) for part in e.get("loc", [])), "message": e.get("msg")}
            for e in exc.errors
        ],
    )


api.add_router("/organisations", organisations_router, tags=["organisations"])
# These apps name their own paths (/areas, /focus-areas, /bodies, /meetings, /decisions, /plans).
api.add_router("", areas_router)
api.add_router("", governance_router)
api.add_router("", plans_router)
api.add_router("", venues_router)
api.add_router("", events_router)
api.add_router("", learning_router)
api.add_router("", partnerships_router)
api.add_router("", matching_router)
api.add_router("", funding_router)
