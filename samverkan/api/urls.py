"""The public API, version 1: read-only for now. Apps add their routers here."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

from samverkan.actors.api import router as organisations_router
from samverkan.core.exceptions import ApplicationError

api = NinjaAPI(
    title="Samverkansytan API",
    version="1",
    description=str(
        _(
            "Open data from Samverkansytan: the association register and, as the platform "
            "grows, areas, events, collaborations and decisions. Read-only, no key needed."
        )
    ),
    openapi_url="/openapi.json",
    docs_url="/docs",
    urls_namespace="api-v1",
)


@api.exception_handler(ApplicationError)
def application_error(request, exc: ApplicationError):
    return api.create_response(
        request,
        {"error": {"code": exc.code, "message": str(exc.message), "field": exc.field}},
        status=exc.status,
    )


api.add_router("/organisations", organisations_router, tags=["organisations"])
