"""Vacancies for one candidate, ranked in PostgreSQL.

The candidate's side is known, so each component gives its SQL over one vacancy row
(`Declared.for_candidate`), with whether it applies to that vacancy. The published
vacancies of one municipality are few enough (a few thousand) to score all relevant ones in
one pass.
"""

from django.db.models import QuerySet

from hallowerk.models import Occupation

from ..components import COMPONENTS, RELEVANT_CLOSENESS, RowTerm
from ..features import CandidateFeatures
from ..scoring import Weights
from ..sql_fragment import Sql, sql
from .common import above, row_columns, tiebreak_sql


def _pool(codes: list[str], sector_ids: list[int], municipality_id: int) -> Sql:
    """The published vacancies of one municipality in a related occupation or a chosen
    sector, as index ranges (employers.Vacancy's published pool indexes): the vacancy's own
    pool, not the country's vacancies."""
    groups = sorted({code[:RELEVANT_CLOSENESS] for code in codes})
    related = [pk for pk, code in Occupation.objects.filter(
        isco_code__regex=r"^(" + "|".join(groups) + ")").values_list("pk", "isco_code")
        if code[:RELEVANT_CLOSENESS] in groups] if groups else []
    return sql("v.status = 'published' AND v.municipality_id = {here}"
               " AND (v.occupation_id = ANY({related}) OR v.sector_id = ANY({sectors}))",
               here=Sql.value(municipality_id),
               related=Sql.value(sorted(related), "::bigint[]"),
               sectors=Sql.value(sorted(sector_ids), "::bigint[]"))


def _relevant(c: CandidateFeatures) -> Sql:
    """A related occupation (the same sub-major group) or a chosen sector."""
    groups = sorted({code[:RELEVANT_CLOSENESS] for code in c.occupation_codes})
    return sql("(left(o.isco_code, {n}) = ANY({groups}) OR v.sector_id = ANY({sectors}))",
               n=RELEVANT_CLOSENESS, groups=Sql.value(groups, "::text[]"),
               sectors=Sql.value(sorted(c.sector_ids), "::bigint[]"))


def _scores(terms: dict[str, RowTerm], weights: Weights) -> tuple[Sql, Sql]:
    """(num, den) over the row columns: the weighted points of the components that apply,
    and 100 × their weights."""
    num, den = [], []
    for key, term in terms.items():
        weight = Sql.value(weights[key], "::int")
        points, applies = above(term, key)
        if applies is None:
            num.append(sql("{w} * ({points})", w=weight, points=points))
            den.append(weight)
        else:
            num.append(sql("{w} * CASE WHEN {applies} THEN {points} ELSE 0 END",
                           w=weight, applies=applies, points=points))
            den.append(sql("CASE WHEN {applies} THEN {w} ELSE 0 END", w=weight,
                           applies=applies))
    return Sql.join("\n            + ", num), sql("100 * ({den})", den=Sql.join(" + ", den))


def vacancies_for_candidate(c: CandidateFeatures, weights: Weights, scope: QuerySet,
                            limit: int, municipality_id: int | None = None) -> Sql:
    """SQL returning (vacancy_id, num, den) of the best `limit` vacancies in `scope` (already
    narrowed to published vacancies), best first. `municipality_id`, when every vacancy of
    `scope` is in that municipality, lets the pool be read from its indexes."""
    terms = {component.key: component.for_candidate(c) for component in COMPONENTS}
    num, den = _scores(terms, weights)
    excluded = [term.excluded for term in terms.values() if term.excluded is not None]
    pool = (Sql("true") if municipality_id is None
            else _pool(sorted(c.occupation_codes), sorted(c.sector_ids), municipality_id))
    return sql("""
    SELECT vacancy_id, num, den FROM (
        SELECT vacancy_id, {num} AS num,
            {den} AS den
        FROM (
            SELECT v.id AS vacancy_id,
                {columns}
            FROM employers_vacancy v
            JOIN hallowerk_occupation o ON o.id = v.occupation_id
            {joins}
            WHERE {pool} AND v.id IN ({scope})
              AND {relevant}{filters}
            OFFSET 0) AS features
        WHERE NOT ({excluded})) AS scored
    ORDER BY COALESCE(num::float8 / NULLIF(den, 0)::float8, 0) DESC,
        {tiebreak}, vacancy_id
    LIMIT {limit}
    """, num=num, den=den, columns=row_columns(terms),
               joins=" ".join(join for term in terms.values() for join in term.joins),
               pool=pool, scope=Sql.pks_of(scope), relevant=_relevant(c),
               filters=Sql.join("", (sql("\n              AND {c}", c=condition)
                                     for term in terms.values() for condition in term.where)),
               excluded=Sql.join(" OR ", excluded) if excluded else "false",
               tiebreak=tiebreak_sql(Sql.value(c.id), "vacancy_id"),
               limit=Sql.value(limit, "::int"))
