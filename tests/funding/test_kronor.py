"""Amounts in Swedish style."""

from decimal import Decimal

import pytest
from django.template import Context, Template

from samverkan.funding.forms import AmountField
from samverkan.funding.templatetags.funding import format_kronor


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal("1000000"), "1 000 000 kr"),
        (Decimal("1000000.00"), "1 000 000 kr"),
        (Decimal("12345.50"), "12 345,50 kr"),
        (Decimal("12345.5"), "12 345,50 kr"),
        (Decimal("0.30"), "0,30 kr"),
        (Decimal("999"), "999 kr"),
        (Decimal("1000"), "1 000 kr"),
        (Decimal("-2500.75"), "\u22122 500,75 kr"),
        (Decimal("0"), "0 kr"),
        (100000, "100 000 kr"),
        ("343499.50", "343 499,50 kr"),
        (None, ""),
    ],
)
def test_kronor_format(value, text):
    assert format_kronor(value) == text


def test_floats_are_refused():
    with pytest.raises(TypeError):
        format_kronor(0.1)


def test_filter_in_a_template():
    html = Template("{% load funding %}{{ amount|kronor }}").render(
        Context({"amount": Decimal("12345.50")})
    )
    assert html == "12 345,50 kr"


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("12 345,50", Decimal("12345.50")),
        ("1 000 000 kr", Decimal("1000000.00")),
        ("250.75", Decimal("250.75")),
        ("1\u00a0000", Decimal("1000.00")),
    ],
)
def test_amount_field_reads_swedish_input_exactly(text, amount):
    assert AmountField().clean(text) == amount


@pytest.mark.parametrize("text", ["12,345", "0", "-3", "abc"])
def test_amount_field_refuses_bad_input(text):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        AmountField().clean(text)
