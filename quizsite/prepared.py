"""Reads that every request repeats, compiled to SQL once per process instead of each time.

Django compiles a queryset to SQL every time it runs. For the small fixed reads of every page
(the session, a question with its attempt and set) that compilation costs several times the
query itself: about 0.2 ms for the session's one-row read, 0.5 ms for the question's
three-table join, on a page whose whole budget is 2 ms (docs/benchmarks.md). A PreparedQuery
asks Django once for the SQL and for how to turn a row into model instances (field
conversions, `select_related` objects), then runs that SQL with each request's values.

Only what Django itself would produce is reused: the SQL, the column order, the converters and
the populators of the compiled queryset. The values are integers, strings or aware datetimes,
adapted as Django adapts them; an integer outside the database's range matches nothing, as in
the ORM (no error from the driver)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from django.core.signals import setting_changed
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

# A 64-bit signed integer: what every database here stores at most. Django turns a lookup
# beyond it into "no match"; the driver would raise instead.
_INT_RANGE = (-(2**63), 2**63 - 1)


def _stand_in(index: int, kind: type) -> Any:
    """A value of the given type that nothing real equals, to find each argument's place among
    the compiled query's parameters."""
    if kind is int:
        # Positive and small: a lookup on a small positive integer column must accept it.
        return 31_013 + index
    if kind is str:
        return f"prepared-query-stand-in-{index}"
    if kind is datetime:
        return datetime(1901, 2, 3, 4, 5, 6, 789, tzinfo=UTC) + timedelta(seconds=index)
    raise TypeError(f"PreparedQuery arguments are int, str or datetime, not {kind.__name__}")


@dataclass(frozen=True)
class _Compiled:
    sql: str
    # For each parameter of the SQL: the index of the argument it comes from, or None for a
    # constant of the query itself (kept in `constants`).
    slots: tuple[int | None, ...]
    constants: tuple[Any, ...]
    converters: dict
    model: type[Model]
    fields_start: int
    fields_end: int
    init_list: list[str]
    populators: list
    annotations: dict[str, int]


class PreparedQuery:
    """`build(*stand_ins)` returns the queryset; `get(*values)` and `all(*values)` run it with
    the values.

    The queryset is built once with stand-in values of the declared argument types; each
    stand-in must reach the SQL unchanged (a lookup on an integer, text or datetime column).
    """

    def __init__(self, build: Callable[..., QuerySet], *argument_types: type):
        self.build = build
        self.argument_types = argument_types
        self._compiled: dict[str, _Compiled] = {}
        _instances.append(self)

    def get(self, *values: Any, using: str = DEFAULT_DB_ALIAS) -> Model | None:
        """The one matching object (its select_related objects attached), or None."""
        found = self._run(values, using, most=2)
        if len(found) > 1:
            raise found[0].MultipleObjectsReturned(
                f"PreparedQuery on {type(found[0]).__name__} matched more than one row"
            )
        return found[0] if found else None

    def all(self, *values: Any, using: str = DEFAULT_DB_ALIAS) -> list[Model]:
        """Every matching object, in the queryset's order."""
        return self._run(values, using)

    def _run(self, values: tuple, using: str, most: int | None = None) -> list[Model]:
        if len(values) != len(self.argument_types):
            raise TypeError(f"expected {len(self.argument_types)} values, got {len(values)}")
        for value in values:
            if isinstance(value, int) and not _INT_RANGE[0] <= value <= _INT_RANGE[1]:
                return []
        compiled = self._compiled.get(using) or self._compile(using)
        connection = connections[using]
        ops = connection.ops
        params = [
            compiled.constants[n] if slot is None else _adapt(values[slot], ops)
            for n, slot in enumerate(compiled.slots)
        ]
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall() if most is None else cursor.fetchmany(most)
        converters = compiled.converters.items()
        found = []
        for row in rows:
            row = list(row)
            for position, (convert_all, expression) in converters:
                value = row[position]
                for convert in convert_all:
                    value = convert(value, expression, connection)
                row[position] = value
            instance = compiled.model.from_db(
                using, compiled.init_list, row[compiled.fields_start : compiled.fields_end]
            )
            for populator in compiled.populators:
                populator.populate(row, instance)
            for name, position in compiled.annotations.items():
                setattr(instance, name, row[position])
            found.append(instance)
        return found

    def _compile(self, using: str) -> _Compiled:
        stand_ins = [_stand_in(n, kind) for n, kind in enumerate(self.argument_types)]
        queryset = self.build(*stand_ins)
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        ops = connections[using].ops
        adapted = [_adapt(value, ops) for value in stand_ins]
        slots = []
        for param in params:
            matches = [n for n, value in enumerate(adapted) if value == param]
            slots.append(matches[0] if matches else None)
        missing = set(range(len(stand_ins))) - set(slots)
        if missing:
            raise ValueError(f"arguments {sorted(missing)} do not reach the SQL unchanged")
        select = compiler.select
        klass_info = compiler.klass_info
        if klass_info is None:
            raise ValueError("PreparedQuery reads model instances, not values()")
        fields = klass_info["select_fields"]
        compiled = _Compiled(
            sql=sql,
            slots=tuple(slots),
            constants=tuple(params),
            converters=compiler.get_converters([column[0] for column in select]),
            model=klass_info["model"],
            fields_start=fields[0],
            fields_end=fields[-1] + 1,
            init_list=[column[0].target.attname for column in select[fields[0] : fields[-1] + 1]],
            populators=get_related_populators(klass_info, select, using),
            annotations=dict(compiler.annotation_col_map or {}),
        )
        self._compiled[using] = compiled
        return compiled


def _adapt(value: Any, ops) -> Any:
    """A value as Django sends it to the database for a lookup on a column of its type."""
    if isinstance(value, datetime):
        return ops.adapt_datetimefield_value(value)
    return value


_instances: list[PreparedQuery] = []


def _forget(**kwargs) -> None:
    # Tests that change settings (time zone, databases) get freshly compiled SQL.
    for prepared in _instances:
        prepared._compiled.clear()


setting_changed.connect(_forget)
