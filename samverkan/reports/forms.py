"""Forms parse input; the services hold the rules (what may change when), so none is written
twice."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samverkan.reports.memo import MEMO_KEYS, MEMO_LABELS
from samverkan.reports.services import FIRST_YEAR, LAST_YEAR, MAX_TEXT

TEXT_HELP = _("Plain text. Leave an empty line between paragraphs.")
LIST_HELP = _("One per line.")


class NewReportForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=LAST_YEAR)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year - 1


class TextsForm(forms.Form):
    """One text area per section of the report, labelled with the section's title."""

    def __init__(self, *args, sections, **kwargs):
        super().__init__(*args, **kwargs)
        for section in sections:
            self.fields[section["key"]] = forms.CharField(
                label=section["title"],
                required=False,
                max_length=MAX_TEXT,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text=TEXT_HELP,
            )


class MemoForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key in MEMO_KEYS:
            is_list = key in ("decision_basis", "recipients", "signatories")
            self.fields[key] = forms.CharField(
                label=MEMO_LABELS[key],
                required=key == "proposed_decision",
                max_length=MAX_TEXT,
                widget=forms.Textarea(attrs={"rows": 4 if is_list else 6}),
                help_text=LIST_HELP if is_list else TEXT_HELP,
            )
