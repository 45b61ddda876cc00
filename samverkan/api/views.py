from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe


@require_safe
def api_info(request):
    """The human page about open data and the API (the Swagger UI is linked from it)."""
    from samverkan.api.urls import api

    schema = api.get_openapi_schema()
    endpoints = [
        {"method": method.upper(), "path": path, "summary": op.get("summary", "")}
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
    ]
    return render(
        request,
        "api/info.html",
        {
            "endpoints": endpoints,
            "schema_url": reverse("api-v1:openapi-json"),
            "docs_url": reverse("api-v1:openapi-view"),
        },
    )
