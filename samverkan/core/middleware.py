from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers


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
