"""Requests that no view can answer sensibly are refused before they reach one."""

from django.http import JsonResponse
from django.utils.translation import gettext
from django.views.defaults import bad_request

from samverkan.core.middleware import wants_json


class RejectNullCharactersMiddleware:
    """A 400 for an address whose path or query string holds a NUL character (%00).

    No one types one; PostgreSQL cannot store or compare one ("text fields cannot contain NUL
    bytes"), so a filter or search that passed it on would fail with a 500. Forms refuse it
    field by field (Django's CharField); this covers the query strings the API and the list
    pages read without a form. The API gets its error shape with the stable code
    `null_character`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            message = gettext("The address contains a null character, which is not allowed.")
            if wants_json(request):
                return JsonResponse(
                    {"error": {"code": "null_character", "message": message}}, status=400
                )
            return bad_request(request, ValueError(message))
        return self.get_response(request)
