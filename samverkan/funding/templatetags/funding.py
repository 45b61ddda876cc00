"""Amounts in Swedish style and the "Fitting funding calls" section of other apps' pages.

{% load funding %}
{{ grant.amount|kronor }}                              → 1 000 000 kr, 12 345,50 kr
{% funding_suggestions_for_posting posting %}          on a need's or offer's page
{% funding_suggestions_for_collaboration collaboration %}  on a collaboration's page
"""

from decimal import Decimal, InvalidOperation

from django import template

from samverkan.funding import selectors

register = template.Library()

MINUS = "\u2212"


def format_kronor(value, *, unit: str = "kr") -> str:
    """An exact amount in Swedish style: spaces between thousands, a decimal comma, the öre
    only when there are any. `1000000` → "1 000 000 kr", `12345.5` → "12 345,50 kr".
    Floats are refused: they are not exact."""
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        raise TypeError("kronor: amounts must be Decimal, int or str, not float")
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        return str(value)
    if not amount.is_finite():
        return str(value)
    amount = amount.quantize(Decimal("0.01"))
    sign = MINUS if amount < 0 else ""
    whole, _dot, ore = f"{abs(amount):.2f}".partition(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = " ".join(groups)
    if ore != "00":
        text += "," + ore
    return f"{sign}{text} {unit}".rstrip()


@register.filter
def kronor(value):
    return format_kronor(value)


@register.inclusion_tag("funding/_suggestions.html", takes_context=True)
def funding_suggestions_for_posting(context, posting, limit=selectors.SUGGESTION_LIMIT):
    return {
        "suggestions": selectors.suggest_calls_for_posting(posting, limit=limit),
        "agreement": posting.agreement,
        "subject": "posting",
        "request": context.get("request"),
    }


@register.inclusion_tag("funding/_suggestions.html", takes_context=True)
def funding_suggestions_for_collaboration(context, collaboration, limit=selectors.SUGGESTION_LIMIT):
    return {
        "suggestions": selectors.suggest_calls_for_collaboration(collaboration, limit=limit),
        "agreement": collaboration.agreement,
        "subject": "collaboration",
        "request": context.get("request"),
    }
