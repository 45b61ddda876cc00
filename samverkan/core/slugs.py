"""Slugs, the one way every app makes them: Django's `slugify`, which already writes "Malmö" as
"malmo" (å, ä and ö lose their marks), after one step of its own: a dash between words or years
("2025–2028") becomes a hyphen instead of vanishing.

Only new rows get their slug here; a stored slug is an address that never changes.
"""

from django.db.models import Model, QuerySet
from django.utils.text import slugify

# En and em dashes join words as a hyphen does; slugify alone would drop them ("20252028").
_DASHES = str.maketrans({"–": "-", "—": "-"})


def slug_text(text: str, *, max_length: int | None = None, fallback: str = "") -> str:
    """`text` as a slug ('Östervärns hyresgästförening' → 'ostervarns-hyresgastforening'), cut
    to `max_length` without a trailing hyphen; `fallback` when nothing is left."""
    slug = slugify(str(text).translate(_DASHES))
    if max_length is not None:
        slug = slug[:max_length].strip("-")
    return slug or fallback


def unique_slug(
    rows: type[Model] | QuerySet,
    text: str,
    *,
    max_length: int = 200,
    fallback: str = "",
    reserved: frozenset[str] = frozenset(),
    exclude_pk=None,
) -> str:
    """A slug for `text` that no row of `rows` (a model, or a queryset for a slug unique within
    e.g. an agreement) has and that is not `reserved` (a word of the app's own addresses, such
    as "ny"): the slug itself, else with -2, -3 … appended. One query."""
    base = slug_text(text, max_length=max_length, fallback=fallback)
    queryset = rows if isinstance(rows, QuerySet) else rows._default_manager.all()
    if exclude_pk is not None:
        queryset = queryset.exclude(pk=exclude_pk)
    taken = set(queryset.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken or slug in reserved:
        slug, number = f"{base}-{number}", number + 1
    return slug
