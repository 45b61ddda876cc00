"""The method library and courses in the Django admin. Materials, courses and modules are added,
edited and deleted here through the services, as on the site's own forms (the title, topic,
time and library rules, stored files removed, the audit row). Files are attached and removed,
and a learner's progress is recorded, on the site: here they are shown."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from samverkan.core.admin import ReadOnlyInline, RecordAdmin, ServiceModelAdmin, service_action
from samverkan.learning import services
from samverkan.learning.models import (
    Course,
    CourseModule,
    Enrolment,
    Material,
    MaterialFile,
    ModuleCompletion,
)


class MaterialFileInline(ReadOnlyInline):
    """Shown, not changed: files are attached and removed on the material's page
    (services.attach_file checks the file's kind by its content; remove_file deletes it)."""

    model = MaterialFile
    fields = ["title", "original_name", "content_type", "size", "uploaded_at"]


@admin.register(Material)
class MaterialAdmin(ServiceModelAdmin):
    list_display = ["title", "agreement", "topic", "is_published", "updated_at"]
    list_filter = ["agreement", "topic", "is_published", "is_demo"]
    search_fields = ["title", "summary"]
    autocomplete_fields = ["authors"]
    # Publishing goes through the services (audit row), through the actions.
    # The address is made from the title once.
    readonly_fields = [
        "slug",
        "is_published",
        "created_by",
        "created_at",
        "updated_at",
        "published_at",
    ]
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
    changeable = services.MATERIAL_FIELDS

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "agreement", "is_demo"] if obj else fields

    def create(self, request, data):
        fields = {name: data[name] for name in services.MATERIAL_FIELDS}
        return services.create_material(
            agreement=data["agreement"], is_demo=data["is_demo"], by=request.user, **fields
        )

    def update(self, request, material, changes):
        services.update_material(material=material, by=request.user, **changes)

    def delete(self, request, material):
        services.delete_material(material=material, by=request.user)


@admin.register(MaterialFile)
class MaterialFileAdmin(RecordAdmin):
    """Files are attached and removed on the material's page (attach_file, remove_file)."""

    list_display = ["__str__", "material", "content_type", "size", "uploaded_at"]
    list_select_related = ["material"]
    search_fields = ["title", "original_name", "material__title"]


class CourseModuleInline(ReadOnlyInline):
    """Shown, not changed: each module opens on its own admin page, which saves it through
    update_module() (its position included)."""

    model = CourseModule
    fields = ["position", "title", "estimated_minutes"]
    ordering = ["position", "pk"]
    show_change_link = True


@admin.register(Course)
class CourseAdmin(ServiceModelAdmin):
    list_display = ["title", "agreement", "is_published", "module_count", "learners"]
    list_filter = ["agreement", "is_published", "is_demo"]
    search_fields = ["title", "summary"]
    inlines = [CourseModuleInline]
    # Publishing goes through the services (audit row), through the actions; the address is
    # made from the title once.
    readonly_fields = ["slug", "is_published"]
    changeable = services.COURSE_FIELDS - {"is_published"}
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

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return [*fields, "agreement", "is_demo"] if obj else fields

    def create(self, request, data):
        return services.create_course(
            agreement=data["agreement"],
            title=data["title"],
            summary=data["summary"],
            description=data["description"],
            is_demo=data["is_demo"],
            by=request.user,
        )

    def update(self, request, course, changes):
        services.update_course(course=course, by=request.user, **changes)

    def delete(self, request, course):
        services.delete_course(course=course, by=request.user)


@admin.register(CourseModule)
class CourseModuleAdmin(ServiceModelAdmin):
    list_display = ["title", "course", "position", "estimated_minutes"]
    list_filter = ["course"]
    list_select_related = ["course"]
    search_fields = ["title", "course__title"]
    filter_horizontal = ["materials"]
    changeable = services.MODULE_FIELDS

    def get_readonly_fields(self, request, obj=None):
        # A module stays in its course.
        return ["course"] if obj else []

    def create(self, request, data):
        fields = {name: data[name] for name in services.MODULE_FIELDS}
        return services.add_module(course=data["course"], by=request.user, **fields)

    def update(self, request, module, changes):
        services.update_module(module=module, by=request.user, **changes)

    def delete(self, request, module):
        services.delete_module(module=module, by=request.user)


class ModuleCompletionInline(admin.TabularInline):
    model = ModuleCompletion
    fields = ["module", "completed_at"]
    readonly_fields = fields
    extra = 0


@admin.register(Enrolment)
class EnrolmentAdmin(RecordAdmin):
    """A learner's progress, recorded by mark_module_done() and mark_module_not_done(), which
    keep the course's completion date right."""

    list_display = ["user", "course", "started_at", "completed_at"]
    list_filter = ["course", "is_demo"]
    list_select_related = ["user", "course"]
    search_fields = ["user__email", "course__title"]
    inlines = [ModuleCompletionInline]


@admin.register(ModuleCompletion)
class ModuleCompletionAdmin(RecordAdmin):
    list_display = ["enrolment", "module", "completed_at"]
    list_select_related = ["enrolment__user", "enrolment__course", "module"]
