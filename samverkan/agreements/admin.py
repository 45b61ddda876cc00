from django.contrib import admin

from samverkan.agreements.models import Agreement


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "signed_on", "is_primary", "is_demo"]
    search_fields = ["name", "municipality"]
    prepopulated_fields = {"slug": ["name"]}
