"""Public pages of this app, merged into /sitemap.xml by samverkan/urls.py: each agreement's
library, topic pages and course list, and every published material, course and module."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from samverkan.agreements.models import Agreement
from samverkan.learning.models import Course, CourseModule, Material, Topic


class LibrarySitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Agreement.objects.order_by("pk").only("slug")

    def location(self, agreement):
        return reverse("learning:library", kwargs={"agreement": agreement.slug})


class TopicSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return [
            (slug, topic)
            for slug in Agreement.objects.order_by("pk").values_list("slug", flat=True)
            for topic in Topic.values
        ]

    def location(self, item):
        slug, topic = item
        return reverse("learning:topic", kwargs={"agreement": slug, "topic": topic})


class MaterialSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Material.objects.filter(is_published=True).select_related("agreement").order_by("pk")

    def lastmod(self, material):
        return material.updated_at


class CourseListSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Agreement.objects.order_by("pk").only("slug")

    def location(self, agreement):
        return reverse("learning:courses", kwargs={"agreement": agreement.slug})


class CourseSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Course.objects.filter(is_published=True).select_related("agreement").order_by("pk")

    def lastmod(self, course):
        return course.updated_at


class ModuleSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return (
            CourseModule.objects.filter(course__is_published=True)
            .select_related("course__agreement")
            .order_by("course_id", "position", "pk")
        )


SITEMAPS = {
    "method-library": LibrarySitemap,
    "method-library-topics": TopicSitemap,
    "method-library-materials": MaterialSitemap,
    "course-lists": CourseListSitemap,
    "learning-courses": CourseSitemap,
    "learning-course-modules": ModuleSitemap,
}
