"""The method library and courses in the Django admin. Module order is edited inline on the
course (the position column); everyday work happens on the site's own forms, which go through
the services. Saving here sanitises the texts and refreshes search all the same: the models do
that on save()."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from samverkan.core.admin import service_action
from samverkan.learning import services
from samverkan.learning.models import (
    Course,
    CourseModule,
    Enrolment,
    Material,
    MaterialFile,
    ModuleCompletion,
)


class MaterialFileInline(admin.TabularInline):
    model = MaterialFile
    fields = ["title", "original_name", "content_type", "size", "uploaded_at"]
    readonly_fields = ["original_name", "content_type", "size", "uploaded_at"]
    extra = 0
    can_delete = True

    def has_add_permission(self, request, obj=None):
        # Uploads go through the site's form, which checks the file's kind by its content.
        return False


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ["title", "agreement", "topic", "is_published", "updated_at"]
    list_filter = ["agreement", "topic", "is_published", "is_demo"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["authors"]
    # Publishing goes through the services (audit row), through the actions.
    readonly_fields = ["is_published", "created_by", "created_at", "updated_at", "published_at"]
    inlines = [MaterialFileInline]
    actions = [
        service_action(
            services.publish_material,
            name="publish_materials",
            description=_("Publish the selected materials"),
            done=_("%(count)s materials published."),
            argument="material",
        ),
        service_action(
            services.unpublish_material,
            name="unpublish_materials",
            description=_("Unpublish the selected materials"),
            done=_("%(count)s materials unpublished."),
            argument="material",
        ),
    ]


@admin.register(MaterialFile)
class MaterialFileAdmin(admin.ModelAdmin):
    list_display = ["__str__", "material", "content_type", "size", "uploaded_at"]
    list_select_related = ["material"]
    search_fields = ["title", "original_name", "material__title"]
    readonly_fields = ["file", "stored_name", "original_name", "content_type", "size"]

    def has_add_permission(self, request):
        return False


class CourseModuleInline(admin.TabularInline):
    model = CourseModule
    fields = ["position", "title", "estimated_minutes"]
    extra = 0
    ordering = ["position", "pk"]
    show_change_link = True


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = ["title", "agreement", "is_published", "module_count", "learners"]
    list_filter = ["agreement", "is_published", "is_demo"]
    search_fields = ["title", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CourseModuleInline]
    # Publishing goes through the services (audit row), through the actions.
    readonly_fields = ["is_published"]
    actions = [
        service_action(
            services.update_course,
            name="publish_courses",
            description=_("Publish the selected courses"),
            done=_("%(count)s courses published."),
            argument="course",
            is_published=True,
        ),
        service_action(
            services.update_course,
            name="unpublish_courses",
            description=_("Unpublish the selected courses"),
            done=_("%(count)s courses unpublished."),
            argument="course",
            is_published=False,
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("agreement")
            .annotate(
                n_modules=Count("modules", distinct=True),
                n_learners=Count("enrolments", distinct=True),
            )
        )

    @admin.display(description=_("modules"), ordering="n_modules")
    def module_count(self, course):
        return course.n_modules

    @admin.display(description=_("learners"), ordering="n_learners")
    def learners(self, course):
        return course.n_learners


@admin.register(CourseModule)
class CourseModuleAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "position", "estimated_minutes"]
    list_filter = ["course"]
    list_select_related = ["course"]
    search_fields = ["title", "course__title"]
    filter_horizontal = ["materials"]


class ModuleCompletionInline(admin.TabularInline):
    model = ModuleCompletion
    fields = ["module", "completed_at"]
    readonly_fields = ["completed_at"]
    extra = 0


@admin.register(Enrolment)
class EnrolmentAdmin(admin.ModelAdmin):
    list_display = ["user", "course", "started_at", "completed_at"]
    list_filter = ["course", "is_demo"]
    list_select_related = ["user", "course"]
    search_fields = ["user__email", "course__title"]
    readonly_fields = ["started_at"]
    inlines = [ModuleCompletionInline]


@admin.register(ModuleCompletion)
class ModuleCompletionAdmin(admin.ModelAdmin):
    list_display = ["enrolment", "module", "completed_at"]
    list_select_related = ["enrolment__user", "enrolment__course", "module"]
    readonly_fields = ["completed_at"]
