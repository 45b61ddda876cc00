from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from samverkan.api.urls import api


def endpoint_list(schema: dict) -> list[dict]:
    """Every operation of the OpenAPI schema: its method, its address as a visitor would type it
    (the schema's paths already start with /api/v1/; required query parameters are added) and
    its summary in the visitor's language (the apps mark their summaries with gettext_noop)."""
    endpoints = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            address = path + _required_query(operation)
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": address,
                    "has_parameters": "{" in address,
                    "summary": gettext(operation["summary"]) if operation.get("summary") else "",
                }
            )
    return endpoints


def _required_query(operation: dict) -> str:
    """ "?agreement={agreement}" for the query parameters an operation cannot do without, so that
    the address on the page works once its braces are filled in."""
    names = [
        parameter["name"]
        for parameter in operation.get("parameters", [])
        if parameter.get("in") == "query" and parameter.get("required")
    ]
    return "?" + "&".join(f"{name}={{{name}}}" for name in names) if names else ""


@require_safe
def api_info(request):
    """The human page about open data and the API (the Swagger UI is linked from it)."""
    return render(
        request,
        "api/info.html",
        {
            "endpoints": endpoint_list(api.get_openapi_schema()),
            "schema_url": reverse("api-v1:openapi-json"),
            "docs_url": reverse("api-v1:openapi-view"),
        },
    )
