"""Forms parse input; the services hold the rules (sanitising, file kinds, progress), so none is
written twice."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samverkan.actors.models import Organisation
from samverkan.core.bounds import MAX_SMALL_INTEGER, bounded_formfield
from samverkan.core.forms import Checkboxes
from samverkan.learning.files import ACCEPT_ATTRIBUTE
from samverkan.learning.models import Course, CourseModule, Material, Topic

HTML_HELP = _(
    "You may use HTML: headings (h2–h4), paragraphs, lists, links, bold and italic text, "
    "quotes and tables. Anything else (scripts, styles, images) is removed when saved."
)


class LibrarySearchForm(forms.Form):
    q = forms.CharField(label=_("Search the library"), required=False, max_length=200)
    amne = forms.ChoiceField(label=_("Topic"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"
        self.fields["amne"].choices = [("", _("All topics")), *Topic.choices]

    def filters(self) -> dict:
        if not self.is_valid():
            return {"q": "", "topic": ""}
        return {"q": self.cleaned_data["q"].strip(), "topic": self.cleaned_data["amne"]}


class MaterialForm(forms.ModelForm):
    authors = forms.ModelMultipleChoiceField(
        label=_("Authors"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=Checkboxes,
        help_text=_("The organisations that wrote the material."),
    )

    class Meta:
        model = Material
        formfield_callback = bounded_formfield
        fields = ["title", "topic", "summary", "body", "authors"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 16}),
        }
        help_texts = {
            "summary": _("One or two sentences shown in the library's list."),
            "body": HTML_HELP,
        }

    def __init__(self, *args, creating: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["authors"].queryset = Organisation.objects.order_by("name")
        if creating:
            self.fields["is_published"] = forms.BooleanField(
                label=_("Publish now (everyone can read it)"), required=False
            )


class FileForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )
    title = forms.CharField(
        label=_("Title (optional)"),
        required=False,
        max_length=200,
        help_text=_("Shown instead of the file name, e.g. “Checklist for an IOP”."),
    )

    def __init__(self, *args, help_text: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = help_text


class CourseForm(forms.ModelForm):
    class Meta:
        model = Course
        formfield_callback = bounded_formfield
        fields = ["title", "summary", "description", "is_published"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "description": forms.Textarea(attrs={"rows": 10}),
        }
        help_texts = {
            "summary": _("One or two sentences shown in the list of courses."),
            "description": HTML_HELP,
            "is_published": _("A published course can be read by everyone and taken by members."),
        }


class ModuleForm(forms.ModelForm):
    materials = forms.ModelMultipleChoiceField(
        label=_("Materials of the library"),
        queryset=Material.objects.none(),
        required=False,
        widget=Checkboxes,
    )
    position = forms.IntegerField(
        label=_("Position"),
        min_value=0,
        max_value=MAX_SMALL_INTEGER,
        required=False,
        help_text=_("Modules are shown in this order. Leave empty to put the module last."),
    )
    estimated_minutes = forms.IntegerField(
        label=_("Estimated time (minutes)"), min_value=1, max_value=MAX_SMALL_INTEGER, initial=15
    )

    class Meta:
        model = CourseModule
        formfield_callback = bounded_formfield
        fields = ["title", "body", "estimated_minutes", "materials", "position"]
        widgets = {"body": forms.Textarea(attrs={"rows": 14})}
        help_texts = {"body": HTML_HELP}

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["materials"].queryset = Material.objects.filter(agreement=agreement).order_by(
            "title"
        )
