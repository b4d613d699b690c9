"""SQL as a (text, params) pair, composed in order — the pair Django's expressions compile to.

Every value travels as a positional parameter right next to the text that uses it, so pieces
can be built in any order and put together later, and a Django queryset is embedded with its
own compiled parameters (`Sql.pks_of`) instead of having its SQL text edited. Only constants
of this code are ever written into the text.
"""

import string
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

_TEMPLATES = string.Formatter()


@dataclass(frozen=True)
class Sql:
    text: str
    params: tuple[Any, ...] = ()

    def __add__(self, other: "Sql | str") -> "Sql":
        other = as_sql(other)
        return Sql(self.text + other.text, self.params + other.params)

    def __radd__(self, other: str) -> "Sql":
        return as_sql(other) + self

    @classmethod
    def value(cls, value: Any, cast: str = "") -> "Sql":
        """One parameter, with a cast when PostgreSQL cannot infer its type from the context
        (`::int[]`, `::float8`)."""
        return cls(f"%s{cast}", (value,))

    @classmethod
    def pks_of(cls, queryset: QuerySet) -> "Sql":
        """`SELECT pk FROM …` of a queryset, compiled by Django with its own parameters."""
        return cls(*queryset.order_by().values("pk").query.sql_with_params())

    @classmethod
    def join(cls, separator: str, parts: Iterable["Sql | str"]) -> "Sql":
        joined = Sql("")
        for index, part in enumerate(parts):
            joined = joined + (separator if index else "") + part
        return joined


Piece = Sql | str | int


def as_sql(piece: Piece) -> Sql:
    """A piece as SQL: text from this code (a constant, a column) or an integer constant."""
    return piece if isinstance(piece, Sql) else Sql(str(piece))


def sql(template: str, **pieces: Piece) -> Sql:
    """`template` with its `{name}` slots filled by `pieces`, the parameters in text order.
    Only the template is read for slots: a piece's own text (a compiled queryset, a regular
    expression) is never parsed."""
    text: list[str] = []
    params: list[Any] = []
    for literal, name, _spec, _conversion in _TEMPLATES.parse(template):
        text.append(literal)
        if name is not None:
            piece = as_sql(pieces[name])
            text.append(piece.text)
            params.extend(piece.params)
    return Sql("".join(text), tuple(params))
