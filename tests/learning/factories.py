"""Factories of materials and courses (rows written directly, for setting up tests; the
behaviour under test goes through the services and views)."""

import io
import zipfile

import factory

from samverkan.learning.models import Course, CourseModule, Material, Topic
from tests import factories


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material
        skip_postgeneration_save = True

    agreement = factory.SubFactory(factories.AgreementFactory, is_primary=False)
    title = factory.Sequence(lambda n: f"Metodstöd för samverkan {n}")
    slug = factory.Sequence(lambda n: f"metodstod-{n}")
    topic = Topic.CO_CREATION
    summary = "Ett kort stöd för den som leder samverkan."
    body = "<p>Så här gör ni.</p>"
    is_published = True

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if create and extracted:
            self.authors.set(extracted)


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    agreement = factory.SubFactory(factories.AgreementFactory, is_primary=False)
    title = factory.Sequence(lambda n: f"Kurs i samverkan {n}")
    slug = factory.Sequence(lambda n: f"kurs-{n}")
    summary = "En kort kurs."
    description = "<p>Om kursen.</p>"
    is_published = True


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseModule
        skip_postgeneration_save = True

    course = factory.SubFactory(CourseFactory)
    position = factory.Sequence(lambda n: n)
    title = factory.Sequence(lambda n: f"Modul {n}")
    body = "<p>Läs och reflektera.</p>"
    estimated_minutes = 15

    @factory.post_generation
    def materials(self, create, extracted, **kwargs):
        if create and extracted:
            self.materials.set(extracted)


def course_with_modules(n: int = 3, **kwargs) -> tuple[Course, list[CourseModule]]:
    course = CourseFactory(**kwargs)
    return course, [ModuleFactory(course=course, position=i) for i in range(1, n + 1)]


# Minimal but real files of each kind, as an upload would bring them.
PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def ooxml_bytes(main: str = "word/document.xml") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main, "<document/>")
    return buffer.getvalue()


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()
