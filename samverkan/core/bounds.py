"""The range of dates and numbers the site accepts, in one place.

A year-1 date is stored on PostgreSQL as a BC timestamp (the time zone moves it past year 1) and
then breaks every page that shows it; on SQLite it is a 500 at once. A number past the database's
column is a 500 on PostgreSQL. So every form field that takes a date or a time refuses one outside
EARLIEST_YEAR–LATEST_YEAR (installed on Django's form fields by `bound_form_fields`, so admin and
allauth forms are covered too), integer fields are bounded by their column (MAX_INTEGER in
forms, `bounded_formfield` in every ModelForm's Meta), and the API and the addresses that carry a
date ask `date_in_range`.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.translation import gettext_lazy as _

EARLIEST_YEAR = 1900
LATEST_YEAR = 2200
# The largest value of the database's integer column (PostgreSQL's "integer", 32 bits).
MAX_INTEGER = 2_147_483_647
MAX_SMALL_INTEGER = 32_767  # "smallint"
DATE_OUT_OF_RANGE = _("Enter a date between %(earliest)s and %(latest)s.")


def date_in_range(value: datetime.date | datetime.datetime | None) -> bool:
    return value is None or EARLIEST_YEAR <= value.year <= LATEST_YEAR


def validate_date_in_range(value) -> None:
    if not date_in_range(value):
        raise ValidationError(
            DATE_OUT_OF_RANGE,
            code="date_out_of_range",
            params={"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
        )


def date_out_of_range_message() -> str:
    return str(DATE_OUT_OF_RANGE % {"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR})


def bound_form_fields() -> None:
    """Every DateField and DateTimeField of every form (ours, the admin's, allauth's) refuses a
    date outside the range. Called once from CoreConfig.ready()."""
    for field in (forms.DateField, forms.DateTimeField):
        if validate_date_in_range not in field.default_validators:
            field.default_validators = [*field.default_validators, validate_date_in_range]


def bounded_formfield(db_field, **kwargs):
    """Every ModelForm's Meta.formfield_callback: an integer field's form field takes only what
    its column holds on PostgreSQL (SQLite would take 64 bits, PostgreSQL's smallint 32767), so a
    number past it is a message at the field, on both databases, also where the form leaves the
    model's own validation to a service."""
    if isinstance(db_field, models.IntegerField):
        low, high = BaseDatabaseOperations.integer_field_ranges[db_field.get_internal_type()]
        kwargs.setdefault("min_value", low)
        kwargs.setdefault("max_value", high)
    return db_field.formfield(**kwargs)
