"""Mounted at overenskommelser/<slug:agreement>/: every view receives the agreement's slug."""

from django.urls import path

from samverkan.reports.views import exports, pages

app_name = "reports"
urlpatterns = [
    path("arsrapporter/", pages.report_list, name="list"),
    path("arsrapporter/ny/", pages.report_new, name="new"),
    path("arsrapporter/<int:year>/", pages.report_detail, name="detail"),
    path("arsrapporter/<int:year>/redigera/", pages.report_edit, name="edit"),
    path("arsrapporter/<int:year>/uppdatera/", pages.report_recompile, name="recompile"),
    path("arsrapporter/<int:year>/godkann/", pages.report_approve, name="approve"),
    path("arsrapporter/<int:year>/publicera/", pages.report_publish, name="publish"),
    path("arsrapporter/<int:year>/till-utkast/", pages.report_reopen, name="reopen"),
    path("arsrapporter/<int:year>/tjansteskrivelse/", pages.memo_edit, name="memo"),
    path("arsrapporter/<int:year>/arsrapport.pdf", exports.report_pdf, name="pdf"),
    path("arsrapporter/<int:year>/arsrapport.xlsx", exports.report_xlsx, name="xlsx"),
    path("arsrapporter/<int:year>/arsrapport.html", exports.report_html, name="html"),
    path("arsrapporter/<int:year>/tjansteskrivelse.pdf", exports.memo_pdf, name="memo_pdf"),
]
