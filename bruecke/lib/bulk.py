"""Fast bulk writing for synthetic data: plain prepared INSERTs and increasing UUIDs.

Knows no model of its own: it works on any model it is given. Used by the
seeders for the city and state sizes (millions of rows).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from functools import partial
from typing import Any

from django.db import connection, models
from django.utils import timezone

BATCH_ROWS = 5_000  # rows per executemany


class IncreasingIds:
    """Random-looking UUIDs (version 4 bits set) that increase in the order drawn.

    The top 48 bits count up from a random start, the rest is random. Rows
    then append to the primary-key and foreign-key indexes instead of landing
    all over them: with fully random ids every 5,000-row commit rewrote most
    index pages, and the state scale spent more time writing the SQLite WAL
    than generating data. Queries on the result behave as on random ids.
    """

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.sequence = rng.getrandbits(40) << 4

    def __call__(self) -> uuid.UUID:
        self.sequence += 1
        return uuid.UUID(int=(self.sequence << 80) | self.rng.getrandbits(80), version=4)


# Values of these field types go to every backend as they are; all others
# (UUIDs, dates, JSON) pass through the field's get_db_prep_save.
PLAIN_TYPES = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "IntegerField",
    "PositiveBigIntegerField",
    "PositiveIntegerField",
    "PositiveSmallIntegerField",
    "SmallAutoField",
    "SmallIntegerField",
    "TextField",
}


class Table:
    """Bulk inserts of plain row tuples through one prepared INSERT per model.

    It does for these rows what ``bulk_create`` does (defaults, auto_now
    fields, each backend's value formats, batches) without building a model
    instance and compiling SQL for each row: measured at the city scale, that
    Django overhead was three quarters of the run time, which would have put
    the state scale well over fifteen minutes.
    """

    def __init__(self, model: type[models.Model], columns: Sequence[str]) -> None:
        fields = {f.attname: f for f in model._meta.concrete_fields}
        unknown = set(columns) - set(fields)
        if unknown:
            raise ValueError(f"{model.__name__} has no columns {sorted(unknown)}")
        self.convert = [
            (index, partial(fields[name].get_db_prep_save, connection=connection))
            for index, name in enumerate(columns)
            if internal_type(fields[name]) not in PLAIN_TYPES
        ]
        now = timezone.now()
        names = list(columns)
        constants: list[object] = []
        for name, model_field in fields.items():
            if name in columns or getattr(model_field, "db_returning", False):
                continue
            automatic = getattr(model_field, "auto_now", False) or getattr(
                model_field, "auto_now_add", False
            )
            value = now if automatic else model_field.get_default()
            names.append(name)
            constants.append(model_field.get_db_prep_save(value, connection))
        self.constants = constants
        quote = connection.ops.quote_name
        table = quote(model._meta.db_table)
        column_list = ", ".join(quote(fields[name].column) for name in names)
        placeholders = ", ".join(["%s"] * len(names))
        # Identifiers from model metadata, quoted; all values are parameters.
        self.sql = f"INSERT INTO {table} ({column_list}) VALUES ({placeholders})"  # noqa: S608

    def insert(self, rows: Sequence[Sequence[object]]) -> None:
        convert = self.convert
        constants = self.constants
        prepared: list[list[Any]] = []
        for row in rows:
            values = list(row)
            for index, prep in convert:
                values[index] = prep(values[index])
            values.extend(constants)
            prepared.append(values)
        for start in range(0, len(prepared), BATCH_ROWS):
            with connection.cursor() as cursor:
                cursor.executemany(self.sql, prepared[start : start + BATCH_ROWS])


def internal_type(model_field: models.Field[Any, Any]) -> str:
    if isinstance(model_field, models.ForeignKey):
        return str(model_field.target_field.get_internal_type())
    return str(model_field.get_internal_type())
