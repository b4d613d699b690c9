"""Querysets compiled to SQL once per viewer, then run again with other keys (issue 12).

Django builds and compiles a queryset's SQL every time it is evaluated. For the small reads
of a page that is most of their cost: on the employer's profile page the candidate read took
1.2 ms to compile and 0.2 ms to run, and the conversation, contact request, vacancy and list
reads about 0.5–0.7 ms each to build and compile (scripts/bench_page_cpu.py's page spent a
third of its CPU there). Yet for one viewer their SQL never changes: only the id of the
candidate in it does.

A CompiledQuery keeps the queryset as the single description of the read (the visibility
rules stay in visible_to()); it builds and compiles it once per viewer with a stand-in for
each varying id, and afterwards runs the same SQL text with the ids put where the stand-ins
were. The rows become model instances the way Django's own iterator makes them (with
select_related and annotations).

What keeps this correct:
- The cache key holds every fact of the viewer a build may read (VIEWER_FACTS) and the
  caller's `scope` for anything else (an employer's region, say). A build must depend on
  nothing else: no clock (a compiled date, time or datetime is refused), no setting.
- Under settings.COMPILED_QUERIES_VERIFY (the test settings) every run is also built and
  compiled the ordinary way with the real ids, and must give the same SQL and values: the
  whole test suite checks every cached read, each time it runs one.
- A person's own reads (a jobseeker's dossier) may let the viewer's key vary too
  (viewer_pk_varies): compiled with an unsaved copy of the viewer that has the stand-in as
  its key and only VIEWER_FACTS, so one compilation serves every viewer with the same other
  facts, and the check above still compares with the real viewer.
- Only whole integers vary (ids); a stand-in that does not reach the values, or lands in the
  SQL text itself, is refused when the query is first compiled. An id beyond the range of
  PostgreSQL's integer goes the ordinary way (Django answers it without SQL).
- One argument may be a list of ids (id_list, for `pk__in`): its length is part of the key,
  each element a stand-in of its own, so a page of 25 results is compiled once per viewer
  and a shorter last page once more. Repeated ids are dropped first (Django's `__in` does
  the same, and the SQL must not depend on which ids repeat).
"""

from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from datetime import date, time
from threading import Lock
from typing import Any, Generic, TypeVar

from django.conf import settings
from django.core.exceptions import EmptyResultSet, ImproperlyConfigured
from django.db import connections, models
from django.db.models.query import get_related_populators

# The facts of the viewer that visible_to() and our other scoped querysets read. A build
# that reads another attribute of the user must get it through `scope`.
VIEWER_FACTS = ("pk", "role", "is_active", "municipality_id", "employer_id")
# Per process and read: one entry per recent viewer. An entry keeps its compiler, about 35 kB
# (the profile page's five reads for one viewer: 168 KiB, tracemalloc), so at most ~45 MB for
# the page per worker; a viewer left out of the 256 most recent is compiled again.
MAX_ENTRIES = 256
# Stand-ins for the varying ids: inside PostgreSQL's integer range (Django answers a lookup
# beyond a column's range with no rows, without SQL) and never a real id (ids are positive).
_STAND_IN_BASE = -2_147_000_000
_INT4_MIN, _INT4_MAX = -(2**31), 2**31 - 1
_VIEWER = "(the viewer's key)"  # a name no keyword argument can have


def _viewer_key(viewer) -> tuple:
    if viewer is None or not getattr(viewer, "is_authenticated", False):
        return ("anonymous",)
    return tuple(getattr(viewer, fact, None) for fact in VIEWER_FACTS)


@dataclass(frozen=True)
class _Compiled:
    """One compiled read: its SQL, its values with the stand-ins' positions, and what
    Django's iterator would work out per evaluation to turn rows into instances (the
    columns of each model, the converters), worked out once here. All of it is only read
    afterwards, so the threads of a process share it."""

    sql: str
    params: tuple
    positions: dict[str, tuple[int, ...]]
    database: str
    compiler: Any
    model: type[models.Model]
    names: list[str]  # the attnames of the model's own columns
    own: slice  # where they are in a row
    populators: list  # select_related
    converters: dict
    annotations: list[tuple[str, int]]
    width: int | None  # rows are cut to this many columns (Django's extra select)

    def values(self, ids: dict[str, int]) -> list:
        params = list(self.params)
        for name, places in self.positions.items():
            for place in places:
                params[place] = ids[name]
        return params


def _compiled(sql: str, params: tuple, positions: dict, compiler, database: str) -> _Compiled:
    """The parts ModelIterable and results_iter() derive from a compiler on every run."""
    select, klass_info = compiler.select, compiler.klass_info
    first, last = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    # The converters are called with the compiling thread's connection object; Django's and
    # ours only read its settings (the time zone), never run a query on it.
    columns = [column[0] for column in select[:compiler.col_count]]
    if compiler.has_composite_fields(columns):
        raise ImproperlyConfigured("A composite primary key is not supported here.")
    converters = compiler.get_converters(columns)
    return _Compiled(
        sql=sql, params=params, positions=positions, database=database, compiler=compiler,
        model=klass_info["model"],
        names=[column[0].target.attname for column in select[first:last]],
        own=slice(first, last),
        populators=get_related_populators(klass_info, select, database),
        converters=converters,
        annotations=list(compiler.annotation_col_map.items()),
        width=compiler.col_count if compiler.has_extra_select else None)


_EMPTY = object()  # the build answered none(): no SQL, no rows

M = TypeVar("M", bound=models.Model)


class CompiledQuery(Generic[M]):
    """A read whose SQL is compiled once per viewer (see the module's docstring).

        _THREAD = CompiledQuery(
            lambda viewer, candidate_id: Thread.objects.filter(candidate_id=candidate_id,
                                                               counterpart=viewer)[:1],
            ids=("candidate_id",))
        threads = _THREAD.rows(request.user, candidate_id=candidate.pk)
    """

    def __init__(self, build: Callable[..., models.QuerySet[M]], *, ids: tuple[str, ...],
                 viewer_pk_varies: bool = False, id_list: str | None = None):
        """viewer_pk_varies: the viewer's own key is one more varying value (a person's own
        reads, filtered by their key) or not in the SQL at all (a read that depends on the
        viewer's municipality only): one compilation then serves every viewer with the same
        other facts, instead of one per person. id_list: the argument that is a list of
        ids (see the module's docstring)."""
        self.build = build
        self.ids = ids
        self.viewer_pk_varies = viewer_pk_varies
        self.id_list = id_list
        self._compiled: OrderedDict[Hashable, _Compiled | object] = OrderedDict()
        self._lock = Lock()  # gunicorn's threads share the cache

    def rows(self, viewer, *, scope: Hashable = (), **ids) -> list[M]:
        """The instances build(viewer, **ids) would give. `scope`: every fact besides the
        viewer's VIEWER_FACTS that the build's SQL depends on."""
        listed = self._listed(ids)
        ids = {name: self._id(name, ids) for name in self.ids}
        ids.update(_list_elements(self.id_list, listed))
        by_pk = self.viewer_pk_varies and _viewer_key(viewer) != ("anonymous",)
        if by_pk:
            ids[_VIEWER] = viewer.pk
        if any(not _INT4_MIN <= value <= _INT4_MAX for value in ids.values()):
            # Beyond the range of an integer column Django answers without SQL, and the
            # compiled statement would not; such an id comes only from a typed address.
            return list(self.build(viewer, **self._given(ids)))
        viewer_key = _viewer_key(viewer)
        key = (viewer_key[1:] if by_pk else viewer_key, scope, len(listed))
        with self._lock:
            compiled = self._compiled.get(key)
            if compiled is not None:
                self._compiled.move_to_end(key)
        if compiled is None:
            compiled = self._compile(viewer, by_pk, len(listed))
            with self._lock:
                self._compiled[key] = compiled
                if len(self._compiled) > MAX_ENTRIES:
                    self._compiled.popitem(last=False)
        if compiled is _EMPTY:
            found: list[M] = []
        else:
            assert isinstance(compiled, _Compiled)
            found = _instances(compiled, compiled.values(ids))
        if getattr(settings, "COMPILED_QUERIES_VERIFY", False):
            self._verify(viewer, ids, compiled)
        return found

    def _id(self, name: str, given: dict) -> int:
        if name not in given:
            raise TypeError(f"CompiledQuery.rows() needs {name}=")
        value = given[name]
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError(f"{name} must be an int, not {type(value).__name__}")
        return value

    def _listed(self, given: dict) -> list[int]:
        """The id_list argument's ids, each once, in the order given."""
        if self.id_list is None:
            return []
        values = given.get(self.id_list)
        if not isinstance(values, list | tuple):
            raise TypeError(f"CompiledQuery.rows() needs {self.id_list}= as a list of ids")
        for value in values:
            self._id(self.id_list, {self.id_list: value})
        return list(dict.fromkeys(values))

    def _given(self, ids: dict) -> dict:
        """The ids as build() takes them: the viewer's key goes in as the viewer, the
        elements of the id list as one list."""
        given = {name: value for name, value in ids.items()
                 if name != _VIEWER and not isinstance(name, tuple)}
        if self.id_list is not None:
            given[self.id_list] = [value for name, value in ids.items()
                                   if isinstance(name, tuple)]
        return given

    def _compile(self, viewer, by_pk: bool, list_length: int = 0) -> "_Compiled | object":
        names: tuple = (*self.ids, *(name for name, _ in _list_elements(
            self.id_list, range(list_length))))
        names = (*names, _VIEWER) if by_pk else names
        stand_ins = {name: _STAND_IN_BASE - n for n, name in enumerate(names)}
        if by_pk:
            # The same viewer but for its key: an unsaved copy with only the facts a build
            # may read (VIEWER_FACTS), so a build that reads anything else gets nothing.
            viewer = viewer._meta.model(**{fact: getattr(viewer, fact) for fact in VIEWER_FACTS
                                     if fact != "pk"}, pk=stand_ins[_VIEWER])
        queryset = self.build(viewer, **self._given(stand_ins))
        database = queryset.db
        compiler = queryset.query.get_compiler(using=database)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return _EMPTY
        params = tuple(params)
        for value in params:
            if isinstance(value, (date, time)):  # datetime is a date
                raise ImproperlyConfigured(
                    f"A compiled query would keep the value {value!r}: a read that depends "
                    "on the clock cannot be compiled once.")
        positions = {}
        for name, stand_in in stand_ins.items():
            places = tuple(n for n, value in enumerate(params) if value == stand_in)
            # The viewer's key may be absent: a read that depends only on the other facts
            # (a municipality's vacancies) is then the same for every such viewer.
            if (not places and name != _VIEWER) or str(stand_in) in sql:
                raise ImproperlyConfigured(
                    f"{name} does not reach the query's values as a whole integer; it cannot "
                    "vary in a compiled query.")
            positions[name] = places
        return _compiled(sql, params, positions, compiler, database)

    def _verify(self, viewer, ids: dict[str, int], compiled) -> None:
        """The test settings' check: the ordinary queryset compiles to the same SQL and
        values (without running it, so the tests that count a page's queries still can)."""
        queryset = self.build(viewer, **self._given(ids))
        try:
            sql, params = queryset.query.sql_with_params()
        except EmptyResultSet:
            sql, params = None, ()
        if compiled is _EMPTY:
            assert sql is None, f"Compiled as empty, but the queryset has SQL: {sql}"
            return
        assert isinstance(compiled, _Compiled)
        assert (sql, list(params)) == (compiled.sql, compiled.values(ids)), (
            "A compiled query differs from its queryset; its key misses a fact the build "
            f"reads.\ncompiled: {compiled.sql} {compiled.values(ids)}\nqueryset: {sql} "
            f"{list(params)}")


def _list_elements(list_name: str | None, values) -> list[tuple[tuple[str, int], int]]:
    """The elements of an id list as varying values of their own, named (list, position)."""
    return [((list_name, n), value) for n, value in enumerate(values)] if list_name else []


def _instances(compiled: _Compiled, params: list) -> list[Any]:
    """Rows of the compiled SQL as model instances, as Django's ModelIterable makes them:
    the model's own columns, the select_related instances and the annotations."""
    with connections[compiled.database].cursor() as cursor:
        cursor.execute(compiled.sql, params)
        rows = cursor.fetchall()
    if compiled.width is not None:
        rows = [row[:compiled.width] for row in rows]
    if compiled.converters:
        rows = list(compiled.compiler.apply_converters(rows, compiled.converters))
    found = []
    for row in rows:
        instance = compiled.model.from_db(compiled.database, compiled.names, row[compiled.own])
        for populator in compiled.populators:
            populator.populate(row, instance)
        for name, position in compiled.annotations:
            setattr(instance, name, row[position])
        found.append(instance)
    return found
