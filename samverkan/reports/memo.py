"""The memo to the city board (tjänsteskrivelse) that goes with an annual report, in the city's
form as in the seeds: Sammanfattning, Förslag till beslut, Beslutsunderlag, Beslutet skickas
till, Ärendet, Stadskontorets bedömning and the signatories.

`report.memo` holds one plain-text value per key of MEMO_KEYS (paragraphs separated by a blank
line; the lists — decision basis, recipients, signatories — one item per line). `draft_memo`
drafts every value from the report's figures and texts; the coordinators edit it before export.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samverkan.core import formatting

MEMO_KEYS = [
    "summary",
    "proposed_decision",
    "decision_basis",
    "recipients",
    "case",
    "assessment",
    "signatories",
]

MEMO_LABELS = {
    "summary": gettext_lazy("Summary"),
    "proposed_decision": gettext_lazy("Proposed decision"),
    "decision_basis": gettext_lazy("Decision basis"),
    "recipients": gettext_lazy("The decision is sent to"),
    "case": gettext_lazy("The case"),
    "assessment": gettext_lazy("The city office's assessment"),
    "signatories": gettext_lazy("Signatories"),
}

# The boards and umbrella organisations the 2022 memo sent its decision to.
DEFAULT_RECIPIENTS = [
    "Fritidsnämnden",
    "Kulturnämnden",
    "Arbetsmarknads- och socialnämnden",
    "Funktionsstödsnämnden",
    "Hälsa-, vård- och omsorgsnämnden",
    "Tekniska nämnden",
    "Stadsbyggnadsnämnden",
    "Grundskolenämnden",
    "Förskolenämnden",
    "Gymnasie- och vuxenutbildningsnämnden",
    "Servicenämnden",
    "Överförmyndarnämnden",
    "Valnämnden",
    "Malmö Ideella",
    "Malmö Idrottens Samorganisation (MISO)",
]


def _name(agreement_name: str) -> str:
    """ "Överenskommelse Malmöandan" → "Malmöandan": how the memo names the agreement."""
    for prefix in ("Överenskommelsen ", "Överenskommelse "):
        if agreement_name.startswith(prefix):
            return agreement_name[len(prefix) :]
    return agreement_name


def _figures(snapshot: dict) -> dict:
    return {f["key"]: f["value"] for s in snapshot.get("sections", []) for f in s["figures"]}


def _summaries(snapshot: dict) -> dict:
    return {s["key"]: s["summary"] for s in snapshot.get("sections", [])}


def _focus_title(snapshot: dict, key: str) -> str:
    for s in snapshot.get("sections", []):
        if s["key"] == key:
            for t in s["tables"]:
                for row in t["rows"]:
                    return str(row[1])
    return ""


def draft_memo(report) -> dict:
    """The memo's values drafted from the report's snapshot and texts, in Swedish."""
    with translation.override(settings.LANGUAGE_CODE):
        return _draft(report)


def _draft(report) -> dict:
    snapshot, year = report.snapshot or {}, report.year
    name = _name(report.agreement.name)
    figures, summaries = _figures(snapshot), _summaries(snapshot)
    texts = report.texts or {}
    focus = _focus_title(snapshot, "focus_area")
    granted = figures.get("economy.grants")
    values = {"name": name, "year": year}

    summary = [
        _(
            "This case holds the report for %(year)d of the work done under the agreement on "
            "collaboration between the city and the non-profit sector, “%(name)s”."
        )
        % values
    ]
    if focus:
        summary.append(
            _("For %(year)d the steering group chose the focus area “%(focus)s”.")
            % {**values, "focus": focus}
        )
    if granted:
        summary.append(
            _(
                "The city board funds the coordination of the non-profit sector with a grant of "
                "%(amount)s kr for the year. The economic account is part of the annual report."
            )
            % {"amount": formatting.number(granted)}
        )
    summary.append(
        _(
            "The city office's assessment is that the work has followed the collaboration plan "
            "and that the money has been used as intended, and proposes that the city board "
            "approves the annual report and places it on file."
        )
    )

    case = [
        _(
            "Under the agreement, the development of the collaboration between the parties is "
            "reported every year. This is the report for %(year)d."
        )
        % values
    ]
    for key in (
        "steering_group",
        "focus_area",
        "dialogue_forum",
        "association_centre",
        "learning",
        "inspiration",
        "communication",
        "collaborations",
        "next_focus_area",
    ):
        text = (texts.get(key) or "").strip()
        case.append(text.split("\n\n")[0] if text else summaries.get(key, ""))

    assessment = [
        _(
            "The city office's overall assessment is that the work with %(name)s in %(year)d "
            "has followed the collaboration plan, and that the money the city board set aside "
            "for coordinating the non-profit sector has been used as intended. The city office "
            "therefore proposes that the city board approves the annual report for %(name)s "
            "%(year)d and places it on file."
        )
        % values
    ]
    return {
        "summary": "\n\n".join(summary),
        "proposed_decision": _(
            "The city board approves the annual report for %(name)s %(year)d and places it on file."
        )
        % values,
        "decision_basis": "\n".join(
            [
                _("Memo: report on the development of %(name)s %(year)d") % values,
                _("Annual report %(name)s %(year)d") % values,
            ]
        ),
        "recipients": "\n".join(DEFAULT_RECIPIENTS),
        "case": "\n\n".join(p for p in case if p),
        "assessment": "\n\n".join(assessment),
        "signatories": "",
    }
