from django.contrib import admin

from samverkan.core.admin import RecordAdmin
from samverkan.reports.models import AnnualReport, ChannelFigure


@admin.register(AnnualReport)
class AnnualReportAdmin(RecordAdmin):
    """Read only: reports are compiled, edited and published on the report's pages, where the
    rules (a published report is frozen) are kept."""

    list_display = ["agreement", "year", "status", "data_read_at", "published_at"]
    list_filter = ["status", "agreement"]
    readonly_fields = [f.name for f in AnnualReport._meta.fields]


@admin.register(ChannelFigure)
class ChannelFigureAdmin(admin.ModelAdmin):
    """The figures of channels outside the platform, recorded by hand once a year."""

    list_display = ["agreement", "year", "channel", "measure", "value"]
    list_filter = ["agreement", "year", "channel"]
    search_fields = ["channel", "measure", "note"]
