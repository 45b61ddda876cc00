import html
from functools import wraps

from django import forms
from django.shortcuts import render
from django.utils.formats import localize
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from samverkan.core.exceptions import ApplicationError


class BarrierReportForm(forms.Form):
    """A report of an accessibility barrier, or a request for content in another form.

    Only the description is required: the law (2018:1937) asks us to make reporting easy, so a
    person may stay anonymous.
    """

    name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        help_text=_("If you want an answer."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    page = forms.CharField(
        label=_("Page address"),
        required=False,
        max_length=500,
        help_text=_("The web address or name of the page where the problem is."),
    )
    description = forms.CharField(
        label=_("Describe the problem"),
        max_length=5000,
        help_text=_(
            "What did you try to do, and what happened? "
            "Or what content do you need, and in what form?"
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    def as_email_body(self) -> str:
        data = self.cleaned_data
        lines = [
            f"{_('Your name')}: {data['name'] or '-'}",
            f"{_('Your email address')}: {data['email'] or '-'}",
            f"{_('Page address')}: {data['page'] or '-'}",
            "",
            data["description"],
        ]
        return "\n".join(str(line) for line in lines)


class Checkboxes(forms.CheckboxSelectMultiple):
    """A choice of several as checkboxes in the `.choices` grid (never a Ctrl-click list).

    From `searchable_from` choices on, the shared field template marks the group so that
    core/js/forms.js adds a filter box; without JavaScript every checkbox shows.
    """

    searchable_from = 20


def _escape(value) -> str:
    """What conditional_escape() writes, without its lazy-string wrapper per call: a drop-down
    of a few hundred options called it a thousand times a page (the collaborations' filters)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _attributes(attrs: dict) -> str:
    """An element's attributes as django/forms/widgets/attrs.html writes them."""
    return "".join(
        f" {_escape(name)}" + ("" if value is True else f'="{_escape(str(value))}"')
        for name, value in attrs.items()
        if value is not False
    )


class QuickSelect(forms.Select):
    """A drop-down whose options are written in Python, to the character what Django's
    select.html and select_option.html write: those include a template per option (two with
    its attributes), and the filters of the calendar, with a hundred areas and districts,
    spent most of their page's time there. For the default option template only."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{_escape(widget["name"])}"']
        parts.append(_attributes(widget["attrs"]) + ">")
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{_escape(localize(group_name))}">')
            parts.extend(
                f'\n  <option value="{_escape(str(option["value"]))}"'
                f"{_attributes(option['attrs']) if option['attrs'] else ''}>"
                f"{_escape(localize(option['label']))}</option>\n"
                for option in options
            )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        # Every value in it is escaped as the templates' autoescape does.
        return mark_safe("".join(parts))  # nosec B703, B308  # noqa: S308


def apply_error(form, error: ApplicationError, *, aliases: dict[str, str] | None = None) -> None:
    """Show a service's refusal at the field it concerns, or above the form.

    `aliases` maps a service's field name to the form's where they differ (starts_at → date).
    """
    field = (aliases or {}).get(error.field, error.field)
    form.add_error(field if field in form.fields else None, str(error.message))


def _invalid(form) -> bool:
    return form is not None and form.is_bound and bool(form.errors)


def render_form(request, template_name: str, context: dict, *forms_shown, status: int = 200):
    """Render a page with one or more forms: 400 when a submitted form is invalid.

    Every form page answers this way, so a person (and a test) sees one behaviour: the page comes
    back with the error summary, each error beside its field, and "Error:" before the title
    (base.html puts `{{ error_prefix }}` first in the page title).
    """
    if any(_invalid(form) for form in forms_shown):
        context = {**context, "error_prefix": _("Error: ")}
        status = 400
    return render(request, template_name, context, status=status)


def invalid_form_status(view):
    """Give a view we do not write (allauth's) the answer of render_form: an invalid form of a
    POST comes back with 400 and "Error:" before the title. Works on views that answer with a
    TemplateResponse whose context holds the `form`; other answers pass unchanged."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        context = getattr(response, "context_data", None)
        if (
            request.method == "POST"
            and response.status_code == 200
            and context
            and _invalid(context.get("form"))
        ):
            response.status_code = 400
            context["error_prefix"] = _("Error: ")
        return response

    return wrapped
