"""Candidates for one vacancy, ranked in PostgreSQL.

The vacancy's side is known, so each component gives its SQL over one candidate's profile
row (`Declared.for_vacancy`). Only candidates with a related occupation (same ISCO sub-major
group) or the vacancy's sector can be suggested; that pool is read from matching_poolentry
(models/pool.py), which holds each link with its candidate and municipality: given where the
scope's candidates can live (`Reach`), the pool is one index range per municipality, whatever
the size of the country. The viewer's scope is then checked per pool row by primary key, and
only then are the wide profile columns read — one index-only probe per remaining profile
(candidates.Profile's matching_profile_features index).
"""

from dataclasses import dataclass

from django.db.models import QuerySet

from ..components import COMPONENTS, RELEVANT_CLOSENESS, RowTerm, VacancySide
from ..components.occupation import pool_points
from ..features import VacancyFeatures
from ..models import PoolKind
from ..scoring import Weights
from ..sql_fragment import Sql, sql
from .common import (
    PROFILE_COLUMNS,
    above,
    occupation_ids_by_closeness,
    row_columns,
    tiebreak_sql,
)


@dataclass(frozen=True)
class Reach:
    """Where the candidates of a scope can live: in `municipality_ids`, or anywhere when they
    share with every municipality (`everywhere`). Only a bound that narrows the pool before
    the scope is checked; it must hold everyone the scope can contain."""

    municipality_ids: tuple[int, ...]
    everywhere: bool = False


def _pool(kind: int, refs: Sql, reach: Reach | None, columns: Sql | str) -> Sql:
    """The pool entries of `kind` for the ids `refs`, within `reach`: one index range each
    (an index-only read of models/pool.py's indexes)."""
    base = sql("SELECT {columns} FROM matching_poolentry e WHERE e.kind = {kind}"
               " AND e.ref_id {refs}", columns=columns, kind=kind, refs=refs)
    if reach is None:
        return base
    here = Sql.value(list(reach.municipality_ids), "::bigint[]")
    pool = sql("{base} AND e.municipality_id = ANY({here})", base=base, here=here)
    if reach.everywhere:
        pool = sql("{pool} UNION ALL {base} AND e.shares_everywhere"
                   " AND NOT e.municipality_id = ANY({here})", pool=pool, base=base, here=here)
    return pool


def _visible(scope: Sql, reach: Reach | None, source: str, columns: Sql | str,
             condition: Sql | str = "true", join: Sql | str = "") -> Sql:
    """The pool rows of `source` (an alias, read from `join` when given) whose candidate
    the viewer may see. Within municipalities the pool is small: each row is checked by the
    candidate's primary key (OFFSET 0 keeps it a probe). When it reaches everyone sharing
    with all municipalities (or the whole country) it is not: the planner picks, and hashes
    the scope (measured at 500k, Rotterdam's region: no slower than probes)."""
    if reach is None or reach.everywhere:
        allowed = sql("{source}.candidate_id IN ({scope})", source=source, scope=scope)
    else:
        allowed = sql("EXISTS (SELECT 1 FROM ({scope}) AS allowed"
                      " WHERE allowed.pk = {source}.candidate_id OFFSET 0)",
                      source=source, scope=scope)
    return sql("SELECT {columns} FROM {rows} WHERE {condition} AND {allowed}",
               columns=columns, rows=join or source, condition=condition, allowed=allowed)


def _scored(terms: dict[str, RowTerm], weights: Weights, source: str,
            rows: Sql | str = "true") -> Sql:
    """Score the profiles of `source` that meet `rows` and every term's `where`:
    (candidate_id, num)."""
    num = [sql("{weight} * ({points})", weight=Sql.value(weights[key], "::int"),
               points=above(term, key)[0]) for key, term in terms.items()]
    excluded = [term.excluded for term in terms.values() if term.excluded is not None]
    filters = [condition for term in terms.values() for condition in term.where]
    return sql(
        """SELECT candidate_id, {num} AS num FROM (
            SELECT p.candidate_id, {columns}
            FROM {source} AS visible
            CROSS JOIN LATERAL (
                -- One index-only probe per visible profile (OFFSET 0 keeps it a probe).
                SELECT {profile} FROM candidates_profile pf
                WHERE pf.id = visible.profile_id OFFSET 0) AS p
            {joins}
            WHERE {rows}{filters}
            OFFSET 0) AS scored{excluded}""",
        num=Sql.join(" + ", num), columns=row_columns(terms),
        source=source, profile=", ".join(PROFILE_COLUMNS),
        joins=" ".join(join for term in terms.values() for join in term.joins), rows=rows,
        filters=Sql.join("", (sql("\n          AND {c}", c=c) for c in filters)),
        excluded=sql("\n        WHERE NOT ({any})", any=Sql.join(" OR ", excluded))
        if excluded else "")


def candidates_for_vacancy(v: VacancyFeatures, weights: Weights, scope: QuerySet,
                           limit: int, reach: Reach | None = None) -> Sql:
    """SQL returning (candidate_id, num) of the best `limit` candidates in `scope` (already
    narrowed to matchable candidates), best first. The denominator is the same for every
    candidate of one vacancy, so `num` orders them. `reach`, when given, bounds where the
    scope's candidates live; without it the pool is the whole country's."""
    side = VacancySide(v, occupation_ids_by_closeness(v.occupation_code))
    terms = {c.key: term for c in COMPONENTS if (term := c.for_vacancy(side)) is not None}
    allowed = Sql.pks_of(scope)
    relevant = Sql.value([pk for level, pks in side.occupation_ids.items()
                          if level >= RELEVANT_CLOSENESS for pk in pks], "::bigint[]")
    related_pool = _pool(PoolKind.OCCUPATION, sql("= ANY({ids})", ids=relevant), reach,
                         sql("e.profile_id, e.candidate_id, {points} AS points",
                             points=pool_points(side)))
    # Wished occupations sharing at least the sub-major group make a candidate relevant.
    ctes = [sql("occ AS (SELECT profile_id, candidate_id, max(points) AS points"
                " FROM ({pool}) AS e GROUP BY profile_id, candidate_id)", pool=related_pool)]

    if v.sector_id is None:
        ctes.append(sql("related AS MATERIALIZED ({rows})", rows=_visible(
            allowed, reach, "occ", "occ.profile_id, occ.points AS occ_points")))
        ranked = _scored(terms, weights, "related")
    else:
        sector = sql("({pool})", pool=_pool(
            PoolKind.SECTOR, sql("= {id}", id=Sql.value(v.sector_id)), reach,
            "e.profile_id, e.candidate_id"))
        # The related occupations first. Who came in by the sector alone scores at most
        # `best_by_sector`: when the `limit`-th best of the related ones already beats that,
        # those profiles are neither checked nor scored (a CTE nobody reads is never run).
        # Exact: adding rows only raises the cut-off.
        best_by_sector = sum(weights[key] * term.ceiling_by_sector for key, term in terms.items())
        # IN (subquery) in the select list becomes one hash table of the sector's pool
        # within the reach, built once.
        in_sector = sql("occ.profile_id IN (SELECT profile_id FROM {sector} AS ps)",
                        sector=sector)
        ctes += [
            sql("related AS MATERIALIZED ({rows})", rows=_visible(
                allowed, reach, "occ",
                sql("occ.profile_id, occ.points AS occ_points, {in_sector} AS in_sector",
                    in_sector=in_sector))),
            sql("related_scored AS MATERIALIZED ({rows})",
                rows=_scored(terms, weights, "related")),
            sql("cutoff AS (SELECT num FROM related_scored ORDER BY num DESC"
                " LIMIT 1 OFFSET {skip})", skip=Sql.value(limit - 1, "::int")),
            sql("by_sector AS MATERIALIZED ({rows})", rows=_visible(
                allowed, reach, "sec", "sec.profile_id, NULL::int AS occ_points, true AS in_sector",
                sql("NOT EXISTS (SELECT 1 FROM candidates_profile_preferred_occupations ppo"
                    " WHERE ppo.profile_id = sec.profile_id"
                    " AND ppo.occupation_id = ANY({relevant}))", relevant=relevant),
                join=sql("{sector} AS sec", sector=sector))),
        ]
        ranked = sql("SELECT * FROM related_scored UNION ALL {by_sector}",
                     by_sector=_scored(terms, weights, "by_sector", sql(
                         "{best} >= COALESCE((SELECT num FROM cutoff), -1)",
                         best=Sql.value(best_by_sector, "::int"))))
    return sql("""
    WITH {ctes}
    SELECT candidate_id, num FROM ({ranked}) AS ranked
    ORDER BY num DESC, {tiebreak}, candidate_id
    LIMIT {limit}
    """, ctes=Sql.join(", ", ctes), ranked=ranked, limit=Sql.value(limit, "::int"),
               tiebreak=tiebreak_sql("candidate_id", Sql.value(v.id)))
