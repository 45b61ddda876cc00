"""Reads of the method library and the courses, in a fixed number of queries per page."""

from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import Paginator
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from samverkan.actors.models import Organisation
from samverkan.core.search_terms import query_terms
from samverkan.learning import permissions
from samverkan.learning.models import (
    Course,
    CourseModule,
    Enrolment,
    Material,
    MaterialFile,
    ModuleCompletion,
    Topic,
)
from samverkan.learning.text import MATERIAL_INDEX

LIBRARY_PAGE_SIZE = 10


# ---------------------------------------------------------------------------------------------
# The library
# ---------------------------------------------------------------------------------------------


def search_materials(queryset: QuerySet, q: str) -> QuerySet:
    """Materials whose title, summary or text hold every word of `q` (or a word of its family,
    as the register's search: "partnerskap" finds "partnerskapet"), those with the first word in
    the title first, then the best match. Without words, the queryset as it is."""
    if not query_terms(q):
        return queryset
    first = query_terms(q)[0]
    return (
        MATERIAL_INDEX.search(queryset, q)
        .annotate(
            title_hit=Case(
                When(title__icontains=first, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )
        .order_by("-title_hit", "-rank", "title", "pk")
    )


def materials_of(agreement, *, user=None, published_only: bool = True) -> QuerySet:
    """The agreement's materials in title order (Swedish order is the collation's), each with
    its authors and files prefetched: three queries however many there are."""
    qs = Material.objects.filter(agreement=agreement)
    if published_only:
        qs = qs.filter(is_published=True)
    return (
        qs.select_related("agreement")
        .prefetch_related(
            Prefetch("authors", queryset=Organisation.objects.order_by("name")),
            Prefetch("files", queryset=MaterialFile.objects.order_by("uploaded_at", "pk")),
        )
        .order_by("title", "pk")
    )


def library_page_data(agreement, *, user, q: str = "", topic: str = "", page=None) -> dict:
    """One page of the library: published materials (all for a coordinator), searched and
    filtered by topic, ten to a page."""
    coordinator = permissions.can_manage_library(user)[0]
    qs = materials_of(agreement, published_only=not coordinator)
    if topic:
        qs = qs.filter(topic=topic)
    qs = search_materials(qs, q)
    paginator = Paginator(qs, LIBRARY_PAGE_SIZE)
    return {
        "agreement": agreement,
        "page": paginator.get_page(page),
        "topics": Topic.choices,
        "can_manage": coordinator,
    }


def material_page_data(agreement, slug: str, *, user) -> dict | None:
    """A material with its authors, files and the published courses whose modules link it.
    None when there is no such material or the person may not read it."""
    material = (
        Material.objects.filter(agreement=agreement, slug=slug)
        .select_related("agreement")
        .prefetch_related(
            Prefetch("authors", queryset=Organisation.objects.order_by("name")),
            Prefetch("files", queryset=MaterialFile.objects.order_by("uploaded_at", "pk")),
            Prefetch(
                "course_modules",
                queryset=CourseModule.objects.filter(course__is_published=True)
                .select_related("course__agreement")
                .order_by("course__title", "position"),
                to_attr="published_modules",
            ),
        )
        .first()
    )
    if material is None or not permissions.can_read_material(user, material)[0]:
        return None
    return {
        "agreement": material.agreement,
        "material": material,
        "can_manage": permissions.can_manage_library(user)[0],
    }


def readable_material(agreement, slug: str, *, user) -> Material | None:
    material = (
        Material.objects.filter(agreement=agreement, slug=slug).select_related("agreement").first()
    )
    if material is None or not permissions.can_read_material(user, material)[0]:
        return None
    return material


# ---------------------------------------------------------------------------------------------
# Courses
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """A learner's progress in one course."""

    done: int
    total: int
    started_at: datetime | None = None
    completed_at: datetime | None = None

    @property
    def started(self) -> bool:
        return self.started_at is not None

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def _count(model, field: str, outer: str = "pk", **filters) -> Coalesce:
    """A correlated count of `model` rows whose `field` is the outer row's `outer` (no join,
    so counts of different relations do not multiply each other)."""
    rows = (
        model.objects.filter(**{field: OuterRef(outer)}, **filters)
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def _with_module_totals(qs: QuerySet) -> QuerySet:
    minutes = (
        CourseModule.objects.filter(course=OuterRef("pk"))
        .order_by()
        .values("course")
        .annotate(n=Sum("estimated_minutes"))
        .values("n")
    )
    return qs.annotate(
        module_count=_count(CourseModule, "course"),
        total_minutes=Coalesce(Subquery(minutes, output_field=IntegerField()), Value(0)),
    )


def courses_of(agreement, *, user) -> dict:
    """The agreement's courses (unpublished ones too for a coordinator) with their number of
    modules and time; for a coordinator how many started and completed each; for a learner
    their own progress. Two or three queries however many courses and learners."""
    coordinator = permissions.can_manage_courses(user)[0]
    qs = Course.objects.filter(agreement=agreement).select_related("agreement")
    if not coordinator:
        qs = qs.filter(is_published=True)
    qs = _with_module_totals(qs)
    if coordinator:
        qs = qs.annotate(
            started=_count(Enrolment, "course"),
            completed=_count(Enrolment, "course", completed_at__isnull=False),
        )
    courses = list(qs.order_by("title", "pk"))
    progress = {}
    if user.is_authenticated and courses:
        for enrolment in _enrolments_with_done(
            Enrolment.objects.filter(user=user, course__in=[c.pk for c in courses])
        ):
            progress[enrolment.course_id] = enrolment
    for course in courses:
        enrolment = progress.get(course.pk)
        course.progress = (
            Progress(
                done=enrolment.done,
                total=course.module_count,
                started_at=enrolment.started_at,
                completed_at=enrolment.completed_at,
            )
            if enrolment
            else None
        )
    return {"agreement": agreement, "courses": courses, "can_manage": coordinator}


def _enrolments_with_done(qs: QuerySet) -> QuerySet:
    return qs.annotate(done=_count(ModuleCompletion, "enrolment"))


def readable_course(agreement, slug: str, *, user) -> Course | None:
    course = Course.objects.filter(agreement=agreement, slug=slug).select_related("agreement")
    course = course.first()
    if course is None or not permissions.can_read_course(user, course)[0]:
        return None
    return course


def _modules(course: Course, *, coordinator: bool) -> list[CourseModule]:
    materials = Material.objects.select_related("agreement").order_by("title")
    if not coordinator:
        materials = materials.filter(is_published=True)
    return list(
        course.modules.order_by("position", "pk").prefetch_related(
            Prefetch("materials", queryset=materials, to_attr="linked_materials")
        )
    )


def _learner_state(course: Course, modules, user) -> tuple[Progress | None, set[int]]:
    if not user.is_authenticated:
        return None, set()
    enrolment = Enrolment.objects.filter(course=course, user=user).first()
    if enrolment is None:
        return None, set()
    done_ids = set(
        ModuleCompletion.objects.filter(enrolment=enrolment).values_list("module_id", flat=True)
    )
    module_ids = {m.pk for m in modules}
    progress = Progress(
        done=len(done_ids & module_ids),
        total=len(modules),
        started_at=enrolment.started_at,
        completed_at=enrolment.completed_at,
    )
    return progress, done_ids


def course_page_data(agreement, slug: str, *, user) -> dict | None:
    """A course with its modules (and their readable materials), the learner's progress and
    which modules they have done; for a coordinator how many started and completed."""
    course = readable_course(agreement, slug, user=user)
    if course is None:
        return None
    coordinator = permissions.can_manage_courses(user)[0]
    modules = _modules(course, coordinator=coordinator)
    progress, done_ids = _learner_state(course, modules, user)
    for module in modules:
        module.is_done = module.pk in done_ids
    stats = None
    if coordinator:
        stats = Enrolment.objects.filter(course=course).aggregate(
            started=Count("pk"), completed=Count("pk", filter=Q(completed_at__isnull=False))
        )
    return {
        "agreement": course.agreement,
        "course": course,
        "modules": modules,
        "total_minutes": sum(m.estimated_minutes for m in modules),
        "progress": progress,
        "stats": stats,
        "can_manage": coordinator,
        "can_study": permissions.can_study(user, course)[0],
        "next_module": next((m for m in modules if not m.is_done), None),
    }


def module_page_data(agreement, slug: str, pk: int, *, user) -> dict | None:
    """One module of a course with its neighbours, its readable materials and the learner's
    progress in the course."""
    data = course_page_data(agreement, slug, user=user)
    if data is None:
        return None
    modules = data["modules"]
    index = next((i for i, m in enumerate(modules) if m.pk == pk), None)
    if index is None:
        return None
    data.update(
        {
            "module": modules[index],
            "number": index + 1,
            "previous_module": modules[index - 1] if index > 0 else None,
            "following_module": modules[index + 1] if index + 1 < len(modules) else None,
        }
    )
    return data


def my_courses(agreement, *, user) -> list[Enrolment]:
    """The courses of the agreement a learner has started, newest first, each enrolment with
    `progress`, those in progress first. One query however many (two for a coordinator)."""
    qs = Enrolment.objects.filter(user=user, course__agreement=agreement)
    if not permissions.can_manage_courses(user)[0]:
        qs = qs.filter(course__is_published=True)
    enrolments = list(
        _enrolments_with_done(
            qs.select_related("course__agreement").annotate(
                module_count=_count(CourseModule, "course", outer="course_id")
            )
        ).order_by(F("completed_at").asc(nulls_first=True), "-started_at", "pk")
    )
    for enrolment in enrolments:
        enrolment.progress = Progress(
            done=enrolment.done,
            total=enrolment.module_count,
            started_at=enrolment.started_at,
            completed_at=enrolment.completed_at,
        )
    return enrolments
