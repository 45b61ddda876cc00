"""Every write to the method library and the courses goes through here.

Views, the admin's actions and the demo loader call these functions, so each rule is written
once. Each runs in a transaction, raises ApplicationError (or a subclass) with a translated
message when a rule is broken, and writes an audit entry for the coordinators' changes. A
learner's own progress is not audited: it is theirs, and it is not a decision of anyone's.

`by` is the person acting, whose right is checked (an anonymous user is refused), or
core.permissions.SYSTEM for the platform itself (the demo loader, a management command).
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from samverkan.core.audit import log_action
from samverkan.core.exceptions import ApplicationError, ConflictError
from samverkan.core.permissions import person, require
from samverkan.core.slugs import unique_slug
from samverkan.learning import files, permissions
from samverkan.learning.models import (
    Course,
    CourseModule,
    Enrolment,
    Material,
    MaterialFile,
    ModuleCompletion,
    Topic,
)

MATERIAL_FIELDS = frozenset({"title", "topic", "summary", "body", "authors"})
COURSE_FIELDS = frozenset({"title", "summary", "description", "is_published"})
MODULE_FIELDS = frozenset({"title", "body", "estimated_minutes", "materials", "position"})
# Addresses under metodbank/ and kurser/ that are pages, not materials or courses.
RESERVED_MATERIAL_SLUGS = frozenset({"ny", "amne"})
RESERVED_COURSE_SLUGS = frozenset({"ny"})


def _validate(obj, *, exclude=None) -> None:
    try:
        obj.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        raise ApplicationError(
            messages[0], code="invalid", field=None if field == "__all__" else field
        ) from exc


def _unique_slug(model, agreement, title: str, reserved: frozenset, fallback: str) -> str:
    return unique_slug(
        model.objects.filter(agreement=agreement),
        title,
        max_length=100,
        fallback=fallback,
        reserved=reserved,
    )


def _title(title: str, message: str) -> str:
    if not title or not title.strip():
        raise ApplicationError(message, code="invalid", field="title")
    return title.strip()


# ---------------------------------------------------------------------------------------------
# Materials
# ---------------------------------------------------------------------------------------------


def _check_topic(topic: str) -> None:
    if topic not in Topic.values:
        raise ApplicationError(_("Choose a topic from the list."), code="invalid", field="topic")


@transaction.atomic
def create_material(
    *,
    agreement,
    title: str,
    topic: str,
    summary: str = "",
    body: str = "",
    authors=(),
    is_published: bool = False,
    by,
    is_demo: bool = False,
) -> Material:
    """A coordinator adds a material to the agreement's library (unpublished unless asked).

    The body is sanitised on save. Raises PermissionDeniedError for anyone but a coordinator,
    ApplicationError for a missing title or an unknown topic.
    """
    require(by, permissions.can_manage_library)
    title = _title(title, _("A material needs a title."))
    _check_topic(topic)
    material = Material(
        agreement=agreement,
        title=title,
        slug=_unique_slug(Material, agreement, title, RESERVED_MATERIAL_SLUGS, "material"),
        topic=topic,
        summary=(summary or "").strip(),
        body=body or "",
        is_published=is_published,
        published_at=timezone.now() if is_published else None,
        created_by=person(by),
        is_demo=is_demo,
    )
    _validate(material)
    material.save()
    material.authors.set(authors)
    log_action(material, "material.created", by=by, data={"title": material.title})
    return material


@transaction.atomic
def update_material(*, material: Material, by, **fields) -> Material:
    """A coordinator changes a material's texts, topic or authors. The address stays."""
    require(by, permissions.can_manage_library)
    unknown = set(fields) - MATERIAL_FIELDS
    if unknown:
        raise ValueError(f"Not fields of a material: {sorted(unknown)}")
    material = Material.objects.select_for_update().get(pk=material.pk)
    if "title" in fields:
        fields["title"] = _title(fields["title"], _("A material needs a title."))
    if "topic" in fields:
        _check_topic(fields["topic"])
    authors = fields.pop("authors", None)
    for name, value in fields.items():
        setattr(material, name, value)
    _validate(material)
    material.save()
    if authors is not None:
        material.authors.set(authors)
    log_action(material, "material.updated", by=by, data={"fields": sorted(fields)})
    return material


@transaction.atomic
def publish_material(*, material: Material, by) -> Material:
    """Make a material visible to everyone. Raises ConflictError when it already is."""
    require(by, permissions.can_manage_library)
    material = Material.objects.select_for_update().get(pk=material.pk)
    if material.is_published:
        raise ConflictError(_("The material is already published."), code="already_published")
    material.is_published = True
    material.published_at = material.published_at or timezone.now()
    material.save(update_fields=["is_published", "published_at"])
    log_action(material, "material.published", by=by)
    return material


@transaction.atomic
def unpublish_material(*, material: Material, by) -> Material:
    """Hide a material from everyone but the coordinators; courses that link it stop showing
    the link. Raises ConflictError when it is not published."""
    require(by, permissions.can_manage_library)
    material = Material.objects.select_for_update().get(pk=material.pk)
    if not material.is_published:
        raise ConflictError(_("The material is not published."), code="not_published")
    material.is_published = False
    material.save(update_fields=["is_published"])
    log_action(material, "material.unpublished", by=by)
    return material


def _delete_stored_files(names: list[str], storage) -> None:
    for name in names:
        storage.delete(name)


@transaction.atomic
def delete_material(*, material: Material, by) -> None:
    """Delete a material with its files (the stored files go once the deletion is committed)."""
    require(by, permissions.can_manage_library)
    material = Material.objects.select_for_update().get(pk=material.pk)
    stored = [f.file.name for f in material.files.all()]
    storage = MaterialFile._meta.get_field("file").storage
    log_action(material, "material.deleted", by=by, data={"title": material.title})
    material.delete()
    transaction.on_commit(lambda: _delete_stored_files(stored, storage))


@transaction.atomic
def attach_file(*, material: Material, upload, title: str = "", by) -> MaterialFile:
    """Attach an uploaded file to a material after checking its size and kind by its content.

    Raises ApplicationError (field "file") naming the file and what is accepted; then nothing
    is stored. Should writing the row fail after the file is stored, the file is removed.
    """
    require(by, permissions.can_manage_library)
    kind = files.inspect_upload(upload)
    # The name goes back out in a Content-Disposition header: no paths, no control characters.
    original = (upload.name or "").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    original = "".join(ch for ch in original if ch.isprintable())[-200:] or kind.extension
    attachment = MaterialFile(
        material=material,
        title=(title or "").strip(),
        stored_name=f"{uuid.uuid4().hex}.{kind.extension}",
        original_name=original,
        content_type=kind.content_type,
        size=upload.size,
        uploaded_by=person(by),
    )
    _validate(attachment, exclude=["file"])
    attachment.file.save(attachment.stored_name, upload, save=False)
    try:
        attachment.save()
        log_action(material, "material.file_attached", by=by, data={"file": original})
    except Exception:
        attachment.file.storage.delete(attachment.file.name)  # no row, so no file either
        raise
    return attachment


@transaction.atomic
def remove_file(*, attachment: MaterialFile, by) -> None:
    """Remove a file from its material; the stored file goes once that is committed."""
    require(by, permissions.can_manage_library)
    name, storage = attachment.file.name, attachment.file.storage
    log_action(attachment.material, "material.file_removed", by=by, data={"file": attachment.label})
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


# ---------------------------------------------------------------------------------------------
# Courses and modules
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def create_course(
    *,
    agreement,
    title: str,
    summary: str = "",
    description: str = "",
    is_published: bool = False,
    by,
    is_demo: bool = False,
) -> Course:
    """A coordinator creates a course (without modules; add them with add_module())."""
    require(by, permissions.can_manage_courses)
    title = _title(title, _("A course needs a title."))
    course = Course(
        agreement=agreement,
        title=title,
        slug=_unique_slug(Course, agreement, title, RESERVED_COURSE_SLUGS, "kurs"),
        summary=(summary or "").strip(),
        description=description or "",
        is_published=is_published,
        is_demo=is_demo,
    )
    _validate(course)
    course.save()
    log_action(course, "course.created", by=by, data={"title": course.title})
    return course


@transaction.atomic
def update_course(*, course: Course, by, **fields) -> Course:
    """A coordinator changes a course's texts or publishes/unpublishes it."""
    require(by, permissions.can_manage_courses)
    unknown = set(fields) - COURSE_FIELDS
    if unknown:
        raise ValueError(f"Not fields of a course: {sorted(unknown)}")
    course = Course.objects.select_for_update().get(pk=course.pk)
    if "title" in fields:
        fields["title"] = _title(fields["title"], _("A course needs a title."))
    for name, value in fields.items():
        setattr(course, name, value)
    _validate(course)
    course.save()
    log_action(course, "course.updated", by=by, data={"fields": sorted(fields)})
    return course


@transaction.atomic
def delete_course(*, course: Course, by) -> None:
    """Delete a course with its modules and every learner's progress in it."""
    require(by, permissions.can_manage_courses)
    log_action(course, "course.deleted", by=by, data={"title": course.title})
    course.delete()


def _check_materials(course: Course, materials) -> None:
    if any(m.agreement_id != course.agreement_id for m in materials):
        raise ApplicationError(
            _("A module can only link materials of its own agreement's library."),
            code="invalid",
            field="materials",
        )


def _check_minutes(minutes) -> None:
    if minutes is None or minutes < 1:
        raise ApplicationError(
            _("Estimate the time as at least one minute."),
            code="invalid",
            field="estimated_minutes",
        )


@transaction.atomic
def add_module(
    *,
    course: Course,
    title: str,
    body: str = "",
    estimated_minutes: int = 15,
    materials=(),
    position: int | None = None,
    by,
) -> CourseModule:
    """Add a module to a course, last unless a position is given.

    Learners who have completed the course keep their completion date; the new module shows
    as not done for them.
    """
    require(by, permissions.can_manage_courses)
    course = Course.objects.select_for_update().get(pk=course.pk)
    title = _title(title, _("A module needs a title."))
    _check_minutes(estimated_minutes)
    materials = list(materials)
    _check_materials(course, materials)
    if position is None:
        last = course.modules.aggregate(last=Max("position"))["last"]
        position = 1 if last is None else last + 1
    module = CourseModule(
        course=course,
        title=title,
        body=body or "",
        estimated_minutes=estimated_minutes,
        position=position,
    )
    _validate(module)
    module.save()
    module.materials.set(materials)
    log_action(course, "course.module_added", by=by, data={"module": module.title})
    return module


@transaction.atomic
def update_module(*, module: CourseModule, by, **fields) -> CourseModule:
    """Change a module's texts, time, linked materials or position."""
    require(by, permissions.can_manage_courses)
    unknown = set(fields) - MODULE_FIELDS
    if unknown:
        raise ValueError(f"Not fields of a module: {sorted(unknown)}")
    module = CourseModule.objects.select_for_update().select_related("course").get(pk=module.pk)
    if "title" in fields:
        fields["title"] = _title(fields["title"], _("A module needs a title."))
    if "estimated_minutes" in fields:
        _check_minutes(fields["estimated_minutes"])
    materials = fields.pop("materials", None)
    if materials is not None:
        materials = list(materials)
        _check_materials(module.course, materials)
    for name, value in fields.items():
        setattr(module, name, value)
    _validate(module)
    module.save()
    if materials is not None:
        module.materials.set(materials)
    log_action(module.course, "course.module_updated", by=by, data={"module": module.title})
    return module


@transaction.atomic
def delete_module(*, module: CourseModule, by) -> None:
    """Delete a module. Learners who had done every other module have now completed the
    course, and are marked so."""
    require(by, permissions.can_manage_courses)
    course = Course.objects.select_for_update().get(pk=module.course_id)
    log_action(course, "course.module_deleted", by=by, data={"module": module.title})
    module.delete()
    total = course.modules.count()
    if total:
        finished = (
            Enrolment.objects.filter(course=course, completed_at__isnull=True)
            .annotate(done=Count("completions"))
            .filter(done__gte=total)
            .values_list("pk", flat=True)
        )
        Enrolment.objects.filter(pk__in=list(finished)).update(completed_at=timezone.now())


# ---------------------------------------------------------------------------------------------
# A learner's progress
# ---------------------------------------------------------------------------------------------


def _enrolment(course: Course, user, *, is_demo: bool = False) -> tuple[Enrolment, bool]:
    """The learner's enrolment, created when missing; two requests at once make one."""
    enrolment = Enrolment.objects.filter(course=course, user=user).first()
    if enrolment is not None:
        return enrolment, False
    try:
        with transaction.atomic():
            return Enrolment.objects.create(course=course, user=user, is_demo=is_demo), True
    except IntegrityError:
        return Enrolment.objects.get(course=course, user=user), False


@transaction.atomic
def start_course(*, course: Course, by, is_demo: bool = False) -> Enrolment:
    """The learner starts a course. Starting it again changes nothing.

    Raises PermissionDeniedError for a visitor or a course they cannot read.
    """
    require(by, permissions.can_study, course)
    enrolment, _created = _enrolment(course, by, is_demo=is_demo)
    return enrolment


def _refresh_completion(enrolment: Enrolment) -> Enrolment:
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    total = CourseModule.objects.filter(course_id=enrolment.course_id).count()
    done = enrolment.completions.count()
    complete = total > 0 and done >= total
    if complete and enrolment.completed_at is None:
        enrolment.completed_at = timezone.now()
        enrolment.save(update_fields=["completed_at"])
    elif not complete and enrolment.completed_at is not None:
        enrolment.completed_at = None
        enrolment.save(update_fields=["completed_at"])
    return enrolment


@transaction.atomic
def mark_module_done(*, module: CourseModule, by, is_demo: bool = False) -> Enrolment:
    """The learner marks a module done, starting the course if they had not. Marking it again
    changes nothing. When every module of the course is done, the course is completed (its
    date set once).

    Raises PermissionDeniedError for a visitor or a course they cannot read.
    """
    course = module.course
    require(by, permissions.can_study, course)
    enrolment, _created = _enrolment(course, by, is_demo=is_demo)
    if not ModuleCompletion.objects.filter(enrolment=enrolment, module=module).exists():
        try:
            with transaction.atomic():
                ModuleCompletion.objects.create(enrolment=enrolment, module=module)
        except IntegrityError:
            pass  # marked at the same moment in another request: done all the same
    return _refresh_completion(enrolment)


@transaction.atomic
def mark_module_not_done(*, module: CourseModule, by) -> Enrolment:
    """The learner takes back that a module is done; a completed course is then no longer
    completed. Raises ConflictError when the module was not marked done."""
    course = module.course
    require(by, permissions.can_study, course)
    enrolment = Enrolment.objects.filter(course=course, user=by).first()
    deleted = 0
    if enrolment is not None:
        deleted, _rows = ModuleCompletion.objects.filter(
            enrolment=enrolment, module=module
        ).delete()
    if not deleted:
        raise ConflictError(_("The module is not marked as done."), code="not_done")
    return _refresh_completion(enrolment)
