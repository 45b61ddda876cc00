"""Courses: the list, a course and its modules, marking modules done, "My courses", and the
coordinators' forms for courses and modules."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core.forms import render_form
from samverkan.core.web import check, run_action, save_form
from samverkan.learning import permissions, selectors, services
from samverkan.learning.forms import CourseForm, ModuleForm
from samverkan.learning.models import Course, CourseModule
from samverkan.learning.views.common import safe_next


@require_safe
def course_list(request, agreement):
    agreement = get_agreement(agreement)
    return render(
        request, "learning/course_list.html", selectors.courses_of(agreement, user=request.user)
    )


@require_safe
def course_detail(request, agreement, slug):
    data = selectors.course_page_data(get_agreement(agreement), slug, user=request.user)
    if data is None:
        raise Http404(_("There is no course at this address."))
    return render(request, "learning/course_detail.html", data)


@require_safe
def module_detail(request, agreement, slug, pk):
    data = selectors.module_page_data(get_agreement(agreement), slug, pk, user=request.user)
    if data is None:
        raise Http404(_("There is no module at this address."))
    return render(request, "learning/module_detail.html", data)


@require_safe
@login_required
def my_courses(request, agreement):
    agreement = get_agreement(agreement)
    return render(
        request,
        "learning/my_courses.html",
        {"agreement": agreement, "enrolments": selectors.my_courses(agreement, user=request.user)},
    )


def _readable_course(request, agreement, slug) -> Course:
    course = selectors.readable_course(get_agreement(agreement), slug, user=request.user)
    if course is None:
        raise Http404(_("There is no course at this address."))
    return course


def _readable_module(request, agreement, slug, pk) -> CourseModule:
    course = _readable_course(request, agreement, slug)
    module = get_object_or_404(CourseModule, course=course, pk=pk)
    module.course = course
    return module


@login_required
@require_POST
def course_start(request, agreement, slug):
    course = _readable_course(request, agreement, slug)
    return run_action(
        request,
        lambda: services.start_course(course=course, by=request.user),
        success=_("You have started the course. Good luck!"),
        redirect_to=safe_next(request, course.get_absolute_url()),
    )


@login_required
@require_POST
def module_done(request, agreement, slug, pk):
    """Mark a module done (a plain form: works without JavaScript). Back to where the form
    was, or to the course."""
    module = _readable_module(request, agreement, slug, pk)
    enrolment = services.mark_module_done(module=module, by=request.user)
    if enrolment.completed_at is not None:
        messages.success(
            request,
            _("Well done! You have completed the course “%(title)s”.")
            % {"title": module.course.title},
        )
    else:
        messages.success(request, _("“%(title)s” is marked as done.") % {"title": module.title})
    return redirect(safe_next(request, module.course.get_absolute_url()))


@login_required
@require_POST
def module_undo(request, agreement, slug, pk):
    module = _readable_module(request, agreement, slug, pk)
    return run_action(
        request,
        lambda: services.mark_module_not_done(module=module, by=request.user),
        success=_("“%(title)s” is no longer marked as done.") % {"title": module.title},
        redirect_to=safe_next(request, module.course.get_absolute_url()),
    )


# ---------------------------------------------------------------------------------------------
# The coordinators' forms
# ---------------------------------------------------------------------------------------------


def _manageable_course(request, agreement, slug) -> Course:
    course = get_object_or_404(
        Course.objects.select_related("agreement"), agreement=agreement, slug=slug
    )
    check(permissions.can_manage_courses(request.user))
    return course


@login_required
def course_new(request, agreement):
    agreement = get_agreement(agreement)
    check(permissions.can_manage_courses(request.user))
    form = CourseForm(request.POST or None)
    if done := save_form(
        request,
        form,
        lambda data: services.create_course(agreement=agreement, by=request.user, **data),
        success=_("The course has been created. Now add its modules."),
    ):
        return done
    return render_form(
        request,
        "learning/course_form.html",
        {"agreement": agreement, "course": None, "form": form},
        form,
    )


@login_required
def course_edit(request, agreement, slug):
    agreement = get_agreement(agreement)
    course = _manageable_course(request, agreement, slug)
    form = CourseForm(request.POST or None, instance=course)
    if done := save_form(
        request,
        form,
        lambda data: services.update_course(course=course, by=request.user, **data),
        success=_("The changes have been saved."),
    ):
        return done
    return render_form(
        request,
        "learning/course_form.html",
        {"agreement": agreement, "course": course, "form": form},
        form,
    )


@login_required
def course_delete(request, agreement, slug):
    """GET asks for confirmation; POST deletes the course, its modules and all progress."""
    agreement = get_agreement(agreement)
    course = _manageable_course(request, agreement, slug)
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.delete_course(course=course, by=request.user),
            success=_("The course “%(title)s” has been deleted.") % {"title": course.title},
            redirect_to=reverse("learning:courses", kwargs={"agreement": agreement.slug}),
        )
    return render(
        request,
        "learning/course_delete.html",
        {
            "agreement": agreement,
            "course": course,
            "module_count": course.modules.count(),
            "learner_count": course.enrolments.count(),
        },
    )


def _module_fields(form) -> dict:
    fields = dict(form.cleaned_data)
    if fields.get("position") is None:
        fields.pop("position", None)
    return fields


@login_required
def module_new(request, agreement, slug):
    agreement = get_agreement(agreement)
    course = _manageable_course(request, agreement, slug)
    form = ModuleForm(request.POST or None, agreement=agreement)
    if done := save_form(
        request,
        form,
        lambda data: services.add_module(course=course, by=request.user, **_module_fields(form)),
        success=_("The module has been added."),
        redirect_to=course,
    ):
        return done
    return render_form(
        request,
        "learning/module_form.html",
        {"agreement": agreement, "course": course, "module": None, "form": form},
        form,
    )


@login_required
def module_edit(request, agreement, slug, pk):
    agreement = get_agreement(agreement)
    course = _manageable_course(request, agreement, slug)
    module = get_object_or_404(CourseModule, course=course, pk=pk)
    form = ModuleForm(request.POST or None, instance=module, agreement=agreement)
    if done := save_form(
        request,
        form,
        lambda data: services.update_module(module=module, by=request.user, **_module_fields(form)),
        success=_("The changes have been saved."),
        redirect_to=course,
    ):
        return done
    return render_form(
        request,
        "learning/module_form.html",
        {"agreement": agreement, "course": course, "module": module, "form": form},
        form,
    )


@login_required
def module_delete(request, agreement, slug, pk):
    """GET asks for confirmation; POST deletes the module and the learners' marks of it."""
    agreement = get_agreement(agreement)
    course = _manageable_course(request, agreement, slug)
    module = get_object_or_404(CourseModule, course=course, pk=pk)
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.delete_module(module=module, by=request.user),
            success=_("The module “%(title)s” has been deleted.") % {"title": module.title},
            redirect_to=course,
        )
    return render(
        request,
        "learning/module_delete.html",
        {"agreement": agreement, "course": course, "module": module},
    )
