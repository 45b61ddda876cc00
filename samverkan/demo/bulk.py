"""Fast inserts and deletes of many generated rows: COPY on PostgreSQL, executemany elsewhere,
and deletes by subquery.

The rows are model instances, so every field (also one added later, with its default) gets a
value; the values are prepared by the fields themselves (`get_db_prep_save`), as bulk_create
does. Unlike bulk_create, a `created_at` that the generator set is kept (auto_now_add would
overwrite it), and primary keys are handed out before the insert, so that the caller can point
other rows at them without reading anything back: from the table's sequence on PostgreSQL
(safe beside other writers), after the largest id on SQLite (the write transaction holds the
database's lock).
"""

import datetime
import functools

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.db.models.deletion import ProtectedError, get_candidate_relations_to_delete
from django.utils import timezone

from samverkan.core.cache import bump_at_commit

BATCH = 5_000


def allocate_ids(model, count: int) -> list[int]:
    """`count` fresh primary keys of `model`'s table, in increasing order."""
    if count <= 0:
        return []
    table = model._meta.db_table
    pk = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, pk, count],
            )
            return sorted(row[0] for row in cursor.fetchall())
        cursor.execute(f'SELECT MAX("{pk}") FROM "{table}"')  # noqa: S608  # nosec B608  # names from the model
        largest = cursor.fetchone()[0] or 0
        if connection.vendor == "sqlite":
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            largest = max(largest, row[0] if row else 0)
    return list(range(largest + 1, largest + 1 + count))


def assign_ids(objs: list) -> None:
    """Give every instance of `objs` (one model) a primary key."""
    if not objs:
        return
    model = type(objs[0])
    for obj, pk in zip(objs, allocate_ids(model, len(objs)), strict=True):
        obj.pk = pk


def _fields(model, with_pk: bool) -> list:
    return [f for f in model._meta.concrete_fields if with_pk or not f.primary_key]


def _is_automatic_time(field) -> bool:
    return bool(getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False))


# Fields whose plain Python values psycopg writes as they are, so that preparing them (most of
# the time of a large COPY) can be skipped on PostgreSQL. Anything else, and any value of
# another type (a choices member, a naive datetime, JSON), goes through the field.
_PLAIN_FIELDS = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "DateField",
    "DateTimeField",
    "EmailField",
    "FloatField",
    "ForeignKey",
    "IntegerField",
    "OneToOneField",
    "PositiveBigIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallIntegerField",
    "TextField",
    "URLField",
}
_PLAIN_TYPES = (str, int, bool, float, datetime.date)


def _is_plain(value) -> bool:
    if type(value) is datetime.datetime:
        return value.tzinfo is not None
    return value is None or type(value) in _PLAIN_TYPES


def _row(obj, columns, now) -> tuple:
    values = []
    for attname, prepare, plain, is_automatic in columns:
        value = getattr(obj, attname)
        if value is None and is_automatic:
            value = now
        values.append(value if plain and _is_plain(value) else prepare(value))
    return tuple(values)


def insert(objs: list, *, with_pk: bool = True) -> int:
    """Insert the instances `objs` (all of one model). With `with_pk`, their primary keys must
    be set (assign_ids); without, the database numbers them (rows nobody points at, such as
    the rows of many-to-many tables). Returns the number of rows."""
    if not objs:
        return 0
    model = type(objs[0])
    fields = _fields(model, with_pk)
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    db = connections[DEFAULT_DB_ALIAS]  # the wrapper itself, not the per-thread proxy
    on_postgres = db.vendor == "postgresql"
    prepared = [
        (
            f.attname,
            functools.partial(f.get_db_prep_save, connection=db),
            on_postgres and f.get_internal_type() in _PLAIN_FIELDS,
            _is_automatic_time(f),
        )
        for f in fields
    ]
    now = timezone.now()
    with db.cursor() as cursor:
        if on_postgres:
            # COPY is the fastest way into PostgreSQL: one statement, rows streamed as text.
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for obj in objs:
                    copy.write_row(_row(obj, prepared, now))
            # COPY bypasses Django's cursor, so the page cache does not see it by itself.
            bump_at_commit(model._meta.db_table, db)
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608  # nosec B608  # names from the model, values as parameters
            for start in range(0, len(objs), BATCH):
                cursor.executemany(
                    sql, [_row(obj, prepared, now) for obj in objs[start : start + BATCH]]
                )
    return len(objs)


def insert_new(objs: list) -> int:
    """Assign primary keys to `objs` and insert them."""
    assign_ids(objs)
    return insert(objs)


def delete(queryset, *, _depth: int = 0) -> int:
    """Delete the rows of `queryset` and, as their foreign keys' on_delete says, what points at
    them: CASCADE deletes, SET_NULL empties, PROTECT and RESTRICT refuse (ProtectedError) when
    a row still points at one; DO_NOTHING leaves it to the database.

    Unlike QuerySet.delete(), no row is loaded into Python and no delete signal is sent: each
    step is one statement whose condition is a subquery, so deleting a million generated rows
    takes seconds. (The page cache listens to post_delete on every model, which keeps Django's
    collector from deleting anything without loading it.) Returns the rows deleted.
    """
    if _depth > 8:
        raise RuntimeError("Cascade too deep for a bulk delete.")
    model = queryset.model
    keys = queryset.values("pk")
    deleted = 0
    for relation in get_candidate_relations_to_delete(model._meta):
        field = relation.field
        related = relation.related_model._base_manager.filter(**{f"{field.name}__in": keys})
        on_delete = relation.on_delete
        if on_delete is models.CASCADE:
            deleted += delete(related, _depth=_depth + 1)
        elif on_delete is models.SET_NULL:
            related.update(**{field.name: None})
        elif on_delete in (models.PROTECT, models.RESTRICT):
            blocking = related.first()
            if blocking is not None:
                raise ProtectedError(
                    f"{model._meta.label} is still referred to by {blocking!r}.", {blocking}
                )
        elif on_delete is not models.DO_NOTHING:
            raise NotImplementedError(f"on_delete {on_delete.__name__} of {field}")
    # Django's own collector deletes this way when no signal or cascade is in the way.
    return deleted + queryset._raw_delete(queryset.db)
