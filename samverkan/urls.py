from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from samverkan.accounts.views import resend_verification
from samverkan.actors.sitemaps import OrganisationSitemap
from samverkan.agreements.sitemaps import AgreementSitemap
from samverkan.api.urls import api
from samverkan.api.views import api_info
from samverkan.areas.sitemaps import SITEMAPS as AREA_SITEMAPS
from samverkan.core.links import on_site_url
from samverkan.core.views import ceiling, healthz
from samverkan.events.sitemaps import SITEMAPS as EVENT_SITEMAPS
from samverkan.funding.sitemaps import SITEMAPS as FUNDING_SITEMAPS
from samverkan.governance.sitemaps import SITEMAPS as GOVERNANCE_SITEMAPS
from samverkan.learning.sitemaps import SITEMAPS as LEARNING_SITEMAPS
from samverkan.matching.sitemaps import SITEMAPS as MATCHING_SITEMAPS
from samverkan.partnerships.sitemaps import SITEMAPS as PARTNERSHIP_SITEMAPS
from samverkan.plans.sitemaps import SITEMAPS as PLAN_SITEMAPS
from samverkan.reports.sitemaps import SITEMAPS as REPORT_SITEMAPS
from samverkan.site.sitemaps import StaticPagesSitemap
from samverkan.venues.sitemaps import SITEMAPS as VENUE_SITEMAPS

admin.site.site_header = _("Samverkansytan – administration")
admin.site.site_title = "Samverkansytan"

sitemaps = {
    "pages": StaticPagesSitemap,
    "agreements": AgreementSitemap,
    "organisations": OrganisationSitemap,
    **AREA_SITEMAPS,
    **GOVERNANCE_SITEMAPS,
    **PLAN_SITEMAPS,
    **EVENT_SITEMAPS,
    **VENUE_SITEMAPS,
    **LEARNING_SITEMAPS,
    **PARTNERSHIP_SITEMAPS,
    **MATCHING_SITEMAPS,
    **FUNDING_SITEMAPS,
    **REPORT_SITEMAPS,
}
# Their addresses on SITE_URL, like every other absolute link (core/links.py).
sitemaps = {name: on_site_url(sitemap_class) for name, sitemap_class in sitemaps.items()}

# The 500 page without the database (it may be the cause); the 404 page is Django's own view
# with templates/404.html.
handler500 = "samverkan.core.errors.server_error"

urlpatterns = [
    path("", include("samverkan.site.urls")),
    path("", include("samverkan.core.urls")),
    path("overenskommelser/<slug:agreement>/", include("samverkan.areas.urls")),
    path("overenskommelser/<slug:agreement>/", include("samverkan.governance.urls")),
    path("overenskommelser/<slug:agreement>/", include("samverkan.plans.urls")),
    path("overenskommelser/<slug:agreement>/", include("samverkan.events.urls")),
    path("overenskommelser/<slug:agreement>/", include("samverkan.venues.urls")),
    path("overenskommelser/<slug:agreement>/", include("samverkan.learning.urls")),
    path("overenskommelser/<slug:agreement>/", include("samverkan.partnerships.urls")),
    path("overenskommelser/<slug:agreement>/", include("samverkan.matching.urls")),
    path("overenskommelser/<slug:agreement>/", include("samverkan.funding.urls")),
    path("overenskommelser/<slug:agreement>/", include("samverkan.reports.urls")),
    path("overenskommelser/", include("samverkan.agreements.urls")),
    path("", include("samverkan.actors.urls")),
    path(
        "konto/bekrafta-e-post/skicka-igen/",
        resend_verification,
        name="account_resend_verification",
    ),
    path("konto/", include("samverkan.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("api/", api_info, name="api-info"),
    path("api/v1/", api.urls),
    path(
        "sitemap.xml",
        require_safe(sitemap),
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("healthz", healthz, name="healthz"),
]
if settings.BENCH_CEILING:  # `make bench` measures against it; see benchmarks/web.py
    urlpatterns.append(path("bench/ceiling", ceiling, name="bench-ceiling"))
