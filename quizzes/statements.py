"""Plain SQL for the statements an answer runs inside its write transaction (storing it, its
per-fact results, its review cards): the ORM compiles each query anew at every request, which
cost more than running it (bench/page_cpu.py). Table and column names come from the models,
values go through the database's own adaptation; SQLite (3.24+) and PostgreSQL read them all."""

from __future__ import annotations

import functools
from collections.abc import Collection
from datetime import datetime

from django.db import connection


def moment(value: datetime | None):
    """A datetime as the database stores it (SQLite: text; PostgreSQL: the value itself)."""
    return connection.ops.adapt_datetimefield_value(value)


def read_moment(value) -> datetime | None:
    """A datetime read by plain SQL, as the ORM would give it: SQLite returns the stored text
    or a naive datetime, which its backend's own converter makes aware."""
    if value is not None and connection.vendor == "sqlite":
        return connection.ops.convert_datetimefield_value(value, None, connection)
    return value


def table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def columns(model, fields) -> list[str]:
    return list(_columns(model, tuple(fields)))


@functools.cache
def _columns(model, fields: tuple[str, ...]) -> tuple[str, ...]:
    """Names fixed with the schema: looked up once per process."""
    return tuple(connection.ops.quote_name(model._meta.get_field(name).column) for name in fields)


def select(model, fields, *, where_in: dict[str, Collection], for_update: bool = False) -> str:
    """SELECT the fields of the rows whose fields are in the given collections (parameters:
    their values, in that order); locked where the database can (PostgreSQL)."""
    conditions = " AND ".join(
        f"{column} IN ({', '.join(['%s'] * len(values))})"
        for column, values in zip(columns(model, where_in), where_in.values(), strict=True)
    )
    lock = " FOR UPDATE" if for_update and connection.features.has_select_for_update else ""
    return (
        f"SELECT {', '.join(columns(model, fields))} FROM {table(model)} WHERE {conditions}{lock}"
    )


def fetch(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def insert(model, fields, *, ignore_conflicts: bool = False) -> str:
    placeholders = ", ".join(["%s"] * len(fields))
    tail = " ON CONFLICT DO NOTHING" if ignore_conflicts else ""
    return (
        f"INSERT INTO {table(model)} ({', '.join(columns(model, fields))}) "
        f"VALUES ({placeholders}){tail}"
    )


def update(model, fields) -> str:
    """UPDATE … SET each field WHERE id = the last parameter."""
    assignments = ", ".join(f"{column} = %s" for column in columns(model, fields))
    return f"UPDATE {table(model)} SET {assignments} WHERE {connection.ops.quote_name('id')} = %s"


def execute(sql: str, params) -> int:
    """Run one statement; the number of rows it changed."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def execute_many(sql: str, rows: list[tuple]) -> None:
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)
