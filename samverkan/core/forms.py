from django import forms
from django.utils.translation import gettext_lazy as _


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
