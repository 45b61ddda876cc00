"""Every address of the project, found by walking the URL resolver: the HTML views and the
operations of the django-ninja API under /api/v1/."""

import inspect
import re
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

# Addresses that are not ours to test: Django's admin (its own permission system, staff only)
# and allauth's account pages (tested by tests/accounts).
FOREIGN_PREFIXES = ("admin/", "konto/")
UNSAFE_METHODS = ("post", "put", "patch", "delete")


# How a view of this project says that it takes a form: it reads request.POST/FILES, asks for
# the method, or is decorated to accept POST only.
WRITE_MARKERS = re.compile(r"request\.(POST|FILES|method)\b|require_POST|require_http_methods")


@dataclass(frozen=True)
class Route:
    name: str
    pattern: str
    params: tuple[str, ...]
    view: object = field(compare=False, repr=False)

    @property
    def takes_writes(self) -> bool:
        """Whether the view handles a POST (and so may change data), read from its source."""
        view = inspect.unwrap(self.view)
        if not (inspect.isfunction(view) or inspect.ismethod(view)):
            view = type(view)  # a callable instance: a syndication Feed, a sitemap
        try:
            source = inspect.getsource(view)
        except (OSError, TypeError):
            return True  # cannot tell: treat it as one that writes
        # One level down: a view may hand the request to a helper of its module (_budget_form).
        namespace = getattr(inspect.getmodule(view), "__dict__", {})
        for helper in set(re.findall(r"\b(_\w+)\(\s*request\b", source)):
            if inspect.isfunction(namespace.get(helper)):
                source += inspect.getsource(namespace[helper])
        return bool(WRITE_MARKERS.search(source))

    def __str__(self) -> str:
        return f"{self.name} ({self.pattern})"


def _params(pattern: str) -> tuple[str, ...]:
    return tuple(re.findall(r"<(?:\w+:)?(\w+)>", pattern)) + tuple(
        re.findall(r"\(\?P<(\w+)>", pattern)
    )


def _walk(resolver, prefix="", namespace=None):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            name = entry.name
            if name and namespace:
                name = f"{namespace}:{name}"
            yield prefix + str(entry.pattern), name, entry.callback


def all_routes() -> list[Route]:
    """Every named route of samverkan.urls but the admin's and allauth's. An unnamed route
    cannot be reversed, so it cannot be tested either: it fails here."""
    routes = []
    for pattern, name, view in _walk(get_resolver()):
        if pattern.startswith(FOREIGN_PREFIXES):
            continue
        assert name, f"The route {pattern!r} has no name: name it so that it can be tested."
        routes.append(Route(name=name, pattern=pattern, params=_params(pattern), view=view))
    return routes


def html_routes() -> list[Route]:
    """The routes of the server-rendered site (the API's are listed by api_operations())."""
    return [route for route in all_routes() if not route.name.startswith("api-v1:")]


def api_operations() -> list[tuple[str, str]]:
    """(method, path) of every operation in the API's OpenAPI schema."""
    from samverkan.api.urls import api

    schema = api.get_openapi_schema()
    return [
        (method.lower(), path)
        for path, operations in schema["paths"].items()
        for method in operations
    ]
