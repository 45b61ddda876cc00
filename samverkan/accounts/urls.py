"""allauth's pages, with an invalid form answered as everywhere else on the site: 400, the error
summary, and "Error:" before the title (see samverkan.core.forms)."""

from allauth import urls as allauth_urls
from django.urls import URLPattern, URLResolver

from samverkan.core.forms import invalid_form_status


def _with_form_status(patterns) -> list:
    wrapped = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            wrapped.append(
                URLResolver(
                    pattern.pattern,
                    _with_form_status(pattern.url_patterns),
                    pattern.default_kwargs,
                    pattern.app_name,
                    pattern.namespace,
                )
            )
        else:
            wrapped.append(
                URLPattern(
                    pattern.pattern,
                    invalid_form_status(pattern.callback),
                    pattern.default_args,
                    pattern.name,
                )
            )
    return wrapped


urlpatterns = _with_form_status(allauth_urls.urlpatterns)
