"""The method library and the courses: read-only, published content only, no learner data.

A material's and a course's slug is unique within its agreement, so single items are found at
/materials/{agreement}/{slug} and /courses/{agreement}/{slug}, as areas are.
"""

import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_noop
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from samverkan.actors.api import OrganisationRef
from samverkan.agreements.selectors import get_agreement
from samverkan.core.pagination import PageNumberPagination
from samverkan.learning import selectors
from samverkan.learning.models import Course, CourseModule, Material, Topic

router = Router()

MATERIALS = ["method library"]
COURSES = ["courses"]
TOPIC_VALUES = ", ".join(Topic.values)


class FileOut(Schema):
    title: str = Field(..., alias="label")
    name: str = Field(..., alias="original_name")
    content_type: str
    size: int = Field(..., description="In bytes")
    url: str = Field(..., alias="get_absolute_url")


class MaterialOut(Schema):
    agreement: str = Field(..., alias="agreement.slug")
    slug: str
    title: str
    topic: str = Field(..., description=TOPIC_VALUES)
    topic_label: str = Field(..., alias="get_topic_display")
    summary: str
    authors: list[OrganisationRef]
    files: list[FileOut]
    updated_at: datetime.datetime
    url: str = Field(..., alias="get_absolute_url")


class MaterialDetailOut(MaterialOut):
    body: str = Field(..., description="Sanitised HTML: headings, lists, links, emphasis, tables")


class MaterialRef(Schema):
    slug: str
    title: str
    url: str = Field(..., alias="get_absolute_url")


class ModuleOut(Schema):
    id: int
    position: int
    title: str
    body: str = Field(..., description="Sanitised HTML")
    estimated_minutes: int
    materials: list[MaterialRef] = Field(..., alias="linked_materials")
    url: str = Field(..., alias="get_absolute_url")


class CourseOut(Schema):
    agreement: str = Field(..., alias="agreement.slug")
    slug: str
    title: str
    summary: str
    module_count: int
    total_minutes: int = Field(..., description="The modules' estimated time together")
    url: str = Field(..., alias="get_absolute_url")


class CourseDetailOut(CourseOut):
    description: str = Field(..., description="Sanitised HTML")
    modules: list[ModuleOut] = Field(..., alias="module_list")


class MaterialQuery(Schema):
    agreement: str = Field("", description="An agreement's slug, e.g. malmoandan")
    topic: str = Field("", description=TOPIC_VALUES)
    q: str = Field("", description="Words to search for in title, summary and text")


class CourseQuery(Schema):
    agreement: str = Field("", description="An agreement's slug, e.g. malmoandan")


def _published_materials(agreement_slug: str):
    qs = Material.objects.filter(is_published=True)
    if agreement_slug:
        qs = qs.filter(agreement=get_agreement(agreement_slug))
    return qs.select_related("agreement").prefetch_related("authors", "files")


@router.get(
    "/materials",
    response=list[MaterialOut],
    summary=gettext_noop("Published materials of the method library, searchable and by topic"),
    tags=MATERIALS,
)
@paginate(PageNumberPagination, page_size=20)
def list_materials(request, filters: Query[MaterialQuery]):
    qs = _published_materials(filters.agreement).order_by("title", "pk")
    if filters.topic:
        qs = qs.filter(topic=filters.topic)
    return selectors.search_materials(qs, filters.q)


@router.get(
    "/materials/{agreement}/{slug}",
    response=MaterialDetailOut,
    summary=gettext_noop("One published material with its text and files"),
    tags=MATERIALS,
)
def get_material(request, agreement: str, slug: str):
    return get_object_or_404(_published_materials(agreement), slug=slug)


def _published_courses(agreement_slug: str):
    qs = Course.objects.filter(is_published=True)
    if agreement_slug:
        qs = qs.filter(agreement=get_agreement(agreement_slug))
    return selectors._with_module_totals(qs.select_related("agreement"))


@router.get(
    "/courses",
    response=list[CourseOut],
    summary=gettext_noop("Published courses with their number of modules and time"),
    tags=COURSES,
)
def list_courses(request, filters: Query[CourseQuery]):
    return _published_courses(filters.agreement).order_by("agreement__slug", "title", "pk")


@router.get(
    "/courses/{agreement}/{slug}",
    response=CourseDetailOut,
    summary=gettext_noop("One published course with its modules in order (no learner data)"),
    tags=COURSES,
)
def get_course(request, agreement: str, slug: str):
    materials = Material.objects.filter(is_published=True).select_related("agreement")
    modules = CourseModule.objects.select_related("course__agreement").prefetch_related(
        Prefetch("materials", queryset=materials.order_by("title"), to_attr="linked_materials")
    )
    return get_object_or_404(
        _published_courses(agreement).prefetch_related(
            Prefetch("modules", queryset=modules.order_by("position", "pk"), to_attr="module_list")
        ),
        slug=slug,
    )
