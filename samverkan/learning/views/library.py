"""The method library: the list with search and topic filter, topic pages, material pages,
file downloads, and the coordinators' forms."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from samverkan.agreements.selectors import get_agreement
from samverkan.core.forms import render_form
from samverkan.core.uploads import serve_upload
from samverkan.core.web import check, run_action, save_form
from samverkan.learning import files, permissions, selectors, services
from samverkan.learning.forms import FileForm, LibrarySearchForm, MaterialForm
from samverkan.learning.models import TOPIC_DESCRIPTIONS, Material, MaterialFile, Topic


def _manageable_material(request, agreement, slug) -> Material:
    """The material, for a coordinator; the 403 page for anyone else."""
    material = get_object_or_404(
        Material.objects.select_related("agreement"), agreement=agreement, slug=slug
    )
    check(permissions.can_manage_library(request.user))
    return material


@require_safe
def library(request, agreement):
    agreement = get_agreement(agreement)
    form = LibrarySearchForm(request.GET or None)
    filters = form.filters()
    data = selectors.library_page_data(
        agreement, user=request.user, page=request.GET.get("sida"), **filters
    )
    query = urlencode({k: v for k, v in (("q", filters["q"]), ("amne", filters["topic"])) if v})
    data.update({"form": form, "filters": filters, "query": query})
    return render(request, "learning/library.html", data)


@require_safe
def topic(request, agreement, topic):
    agreement = get_agreement(agreement)
    if topic not in Topic.values:
        raise Http404(_("There is no such topic in the library."))
    data = selectors.library_page_data(
        agreement, user=request.user, topic=topic, page=request.GET.get("sida")
    )
    data.update(
        {
            "topic": Topic(topic),
            "topic_description": TOPIC_DESCRIPTIONS[Topic(topic)],
            "query": "",
        }
    )
    return render(request, "learning/topic.html", data)


@require_safe
def material_detail(request, agreement, slug):
    data = selectors.material_page_data(get_agreement(agreement), slug, user=request.user)
    if data is None:
        raise Http404(_("There is no material at this address."))
    return render(request, "learning/material_detail.html", data)


@require_safe
def material_file(request, agreement, slug, pk):
    """A file of a material, with the content type found when it was uploaded. PDFs and images
    open in the browser, office files are downloaded; both under their original name."""
    material = selectors.readable_material(get_agreement(agreement), slug, user=request.user)
    if material is None:
        raise Http404(_("There is no material at this address."))
    attachment = get_object_or_404(MaterialFile, material=material, pk=pk)
    response = serve_upload(
        attachment.file,
        content_type=attachment.content_type,
        filename=attachment.original_name,
        missing=_("The file is missing. Tell the coordinators."),
    )
    if not material.is_published:  # only coordinators get here: keep it out of shared caches
        response["Cache-Control"] = "private, no-store"
    return response


@login_required
def material_new(request, agreement):
    agreement = get_agreement(agreement)
    check(permissions.can_manage_library(request.user))
    form = MaterialForm(request.POST or None, creating=True)

    def save(data):
        material = services.create_material(agreement=agreement, by=request.user, **data)
        messages.success(
            request,
            _("The material has been published.")
            if material.is_published
            else _("The material has been saved. It is not published yet."),
        )
        return material

    if done := save_form(request, form, save, success=""):
        return done
    return render_form(
        request,
        "learning/material_form.html",
        {"agreement": agreement, "material": None, "form": form},
        form,
    )


@login_required
def material_edit(request, agreement, slug):
    agreement = get_agreement(agreement)
    material = _manageable_material(request, agreement, slug)
    form = MaterialForm(request.POST or None, instance=material)
    if done := save_form(
        request,
        form,
        lambda data: services.update_material(material=material, by=request.user, **data),
        success=_("The changes have been saved."),
    ):
        return done
    return render_form(
        request,
        "learning/material_form.html",
        {"agreement": agreement, "material": material, "form": form},
        form,
    )


def _act(request, service, material, success: str):
    return run_action(
        request,
        lambda: service(material=material, by=request.user),
        success=success,
        redirect_to=material,
    )


@login_required
@require_POST
def material_publish(request, agreement, slug):
    material = _manageable_material(request, get_agreement(agreement), slug)
    return _act(
        request,
        services.publish_material,
        material,
        _("The material is published: everyone can read it."),
    )


@login_required
@require_POST
def material_unpublish(request, agreement, slug):
    material = _manageable_material(request, get_agreement(agreement), slug)
    return _act(
        request,
        services.unpublish_material,
        material,
        _("The material is no longer published: only the coordinators can read it."),
    )


@login_required
def material_delete(request, agreement, slug):
    """GET asks for confirmation; POST deletes the material and its files."""
    agreement = get_agreement(agreement)
    material = _manageable_material(request, agreement, slug)
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.delete_material(material=material, by=request.user),
            success=_("The material “%(title)s” has been deleted.") % {"title": material.title},
            redirect_to=reverse("learning:library", kwargs={"agreement": agreement.slug}),
        )
    return render(
        request,
        "learning/material_delete.html",
        {
            "agreement": agreement,
            "material": material,
            "file_count": material.files.count(),
            "module_count": material.course_modules.count(),
        },
    )


def _file_help() -> str:
    from django.template.defaultfilters import filesizeformat

    return _("Accepted: %(kinds)s, at most %(max)s.") % {
        "kinds": files.accepted_kinds_text(),
        "max": filesizeformat(files.max_file_size()),
    }


@login_required
def file_new(request, agreement, slug):
    agreement = get_agreement(agreement)
    material = _manageable_material(request, agreement, slug)
    form = FileForm(request.POST or None, request.FILES or None, help_text=_file_help())

    def save(data):
        attachment = services.attach_file(
            material=material, upload=data["file"], title=data["title"], by=request.user
        )
        messages.success(
            request,
            _("The file %(name)s has been attached.") % {"name": attachment.original_name},
        )

    if done := save_form(request, form, save, success="", redirect_to=material):
        return done
    return render_form(
        request,
        "learning/file_form.html",
        {"agreement": agreement, "material": material, "form": form},
        form,
    )


@login_required
def file_delete(request, agreement, slug, pk):
    """GET asks for confirmation; POST removes the file."""
    agreement = get_agreement(agreement)
    material = _manageable_material(request, agreement, slug)
    attachment = get_object_or_404(MaterialFile, material=material, pk=pk)
    if request.method == "POST":
        return run_action(
            request,
            lambda: services.remove_file(attachment=attachment, by=request.user),
            success=_("The file %(name)s has been removed.") % {"name": attachment.label},
            redirect_to=material,
        )
    return render(
        request,
        "learning/file_delete.html",
        {"agreement": agreement, "material": material, "attachment": attachment},
    )
