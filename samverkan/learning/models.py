"""The method library (materials on co-creation, IOP and process leadership, with files) and
the e-learning courses (ordered modules, each learner's progress)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import Organisation
from samverkan.agreements.models import Agreement
from samverkan.learning.text import sanitise_html, search_stems_of


class Topic(models.TextChoices):
    """What a material is about. The value is the topic page's address (metodbank/amne/<value>/)."""

    CO_CREATION = "medskapande", _("Co-creation")
    IOP = "iop", _("Idea-based public partnership (IOP)")
    PROCESS_LEADERSHIP = "processledning", _("Process leadership")
    OTHER = "ovrigt", _("Other")


TOPIC_DESCRIPTIONS = {
    Topic.CO_CREATION: _(
        "Methods where the people concerned take part in shaping and carrying out the "
        "solutions: dialogue, co-design and learning by doing together."
    ),
    Topic.IOP: _(
        "Idea-based public partnerships between the city and non-profit organisations: "
        "when an IOP fits, what keeps it lawful, and how to write and follow one up."
    ),
    Topic.PROCESS_LEADERSHIP: _(
        "Leading processes with many parties and interests: planning, facilitating "
        "meetings, documenting and following up."
    ),
    Topic.OTHER: _("Other guides and background material on collaboration."),
}


class Material(models.Model):
    """A guide, method description or background text of an agreement's method library.

    `body` is stored sanitised (only headings, paragraphs, lists, links, emphasis and tables) and
    `search_stems` is kept in step with the texts by save(), whoever saves: services, the admin
    or the demo loader.
    """

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="materials"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=120)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    body = models.TextField(_("text"), blank=True)
    authors = models.ManyToManyField(
        Organisation, verbose_name=_("authors"), blank=True, related_name="materials"
    )
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    search_stems = models.TextField(editable=False, blank=True, default="")
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["agreement", "title"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "slug"], name="unique_material_slug"),
        ]
        indexes = [models.Index(fields=["agreement", "is_published", "topic"])]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitise_html(self.body)
        self.search_stems = search_stems_of(self.title, self.summary, self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"title", "summary", "body"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_stems", "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "learning:material", kwargs={"agreement": self.agreement.slug, "slug": self.slug}
        )


def material_upload_to(instance, filename: str) -> str:
    # The stored name is not the person's file name: it may hold anything; the original name
    # is kept in `original_name` and given back on download.
    return f"learning/materials/{instance.material_id}/{instance.stored_name}"


class MaterialFile(models.Model):
    """A file attached to a material. Its kind is detected from its content when uploaded
    (samverkan.learning.files), and `content_type` is what the download answers with."""

    material = models.ForeignKey(
        Material, verbose_name=_("material"), on_delete=models.CASCADE, related_name="files"
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    file = models.FileField(_("file"), upload_to=material_upload_to, max_length=255)
    stored_name = models.CharField(max_length=120, editable=False)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=120)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["material", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title or self.original_name

    def get_absolute_url(self) -> str:
        return reverse(
            "learning:file",
            kwargs={
                "agreement": self.material.agreement.slug,
                "slug": self.material.slug,
                "pk": self.pk,
            },
        )

    @property
    def label(self) -> str:
        return self.title or self.original_name

    @property
    def extension(self) -> str:
        return self.original_name.rpartition(".")[2].upper() if "." in self.original_name else ""


class Course(models.Model):
    """An e-learning course of an agreement: ordered modules that a learner marks done."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="courses"
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("short name in addresses"), max_length=120)
    summary = models.CharField(_("summary"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["agreement", "title"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "slug"], name="unique_course_slug"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.description = sanitise_html(self.description)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "learning:course", kwargs={"agreement": self.agreement.slug, "slug": self.slug}
        )


class CourseModule(models.Model):
    """One step of a course, in `position` order; may point to materials of the library."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="modules"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated time (minutes)"), default=15)
    materials = models.ManyToManyField(
        Material, verbose_name=_("materials"), blank=True, related_name="course_modules"
    )

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")
        ordering = ["course", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(estimated_minutes__gte=1), name="module_takes_some_time"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.body = sanitise_html(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse(
            "learning:module",
            kwargs={
                "agreement": self.course.agreement.slug,
                "slug": self.course.slug,
                "pk": self.pk,
            },
        )


class Enrolment(models.Model):
    """A learner's start of a course; `completed_at` is set when every module is done and
    cleared when one is marked not done again."""

    course = models.ForeignKey(
        Course, verbose_name=_("course"), on_delete=models.CASCADE, related_name="enrolments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="course_enrolments",
    )
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-started_at"]
        constraints = [
            models.UniqueConstraint(fields=["course", "user"], name="one_enrolment_per_learner"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.course}"


class ModuleCompletion(models.Model):
    """A module a learner has marked done, once."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="completions")
    module = models.ForeignKey(CourseModule, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(_("done"), auto_now_add=True)

    class Meta:
        verbose_name = _("module done")
        verbose_name_plural = _("modules done")
        ordering = ["completed_at"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "module"], name="module_done_once"),
        ]

    def __str__(self) -> str:
        return f"{self.enrolment}: {self.module}"
