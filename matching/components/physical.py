"""Physical work: the share of the vacancy's physical demands the candidate said they can
do. Applies when the vacancy has demands; a demand answered "cannot" excludes the pair, an
open answer only gives no points."""

from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from candidates.physical import PHYSICAL_CODES, physical_field_name, physical_label

from ..features import CandidateFeatures, VacancyFeatures
from ..sql_fragment import Sql, sql
from .base import Audience, Component, Declared, RowTerm, VacancySide, Weight, about, not_applicable


def score(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    demands = list(dict.fromkeys(v.physical_demands))
    if not demands:
        return not_applicable("physical")
    if any(c.physical.get(code) is False for code in demands):
        return Component("physical", True, 0, excluded=True)
    can = [code for code in demands if c.physical.get(code) is True]
    return Component("physical", True, len(can) * 100 // len(demands), facts={"can": can})


def for_vacancy(side: VacancySide) -> RowTerm | None:
    demands = list(dict.fromkeys(side.vacancy.physical_demands))
    if not demands:
        return None
    known = [physical_field_name(code) for code in demands if code in PHYSICAL_CODES]
    can = " + ".join(f"(p.{column} IS TRUE)::int" for column in known) or "0"
    return RowTerm(points=Sql(f"({can}) * 100 / {len(demands)}"),
                   where=tuple(Sql(f"p.{column} IS DISTINCT FROM false") for column in known))


_DISTINCT = "SELECT DISTINCT unnest(v.physical_demands) AS d"
_COUNT = sql("(SELECT count(*) FROM ({distinct}) q)::int", distinct=_DISTINCT)


def for_candidate(c: CandidateFeatures) -> RowTerm:
    can = [code for code, answer in sorted(c.physical.items()) if answer is True]
    cannot = [code for code, answer in sorted(c.physical.items()) if answer is False]
    hit = sql("(SELECT count(*) FROM ({distinct}) q WHERE q.d = ANY({can}))::int",
              distinct=_DISTINCT, can=Sql.value(can, "::text[]"))
    return RowTerm(
        columns=(("physical_n", _COUNT),
                 ("physical_hit", hit)),
        applies=Sql("physical_n > 0"), points=Sql("physical_hit * 100 / physical_n"),
        where=(sql("NOT (v.physical_demands && {cannot})",
                   cannot=Sql.value(cannot, "::varchar[]")),))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def phrases(facts: dict, audience: Audience, labels) -> list[str]:
    language = get_language() or "nl"
    items = ", ".join(_lower_first(physical_label(code, language)) for code in facts["can"])
    text = about(audience,
                 gettext("U kunt het lichamelijke werk dat deze baan vraagt: %(items)s."),
                 gettext("De kandidaat kan het lichamelijke werk dat deze baan vraagt: "
                         "%(items)s."))
    return [text % {"items": items}]


PHYSICAL = Declared(
    key="physical", label=_("Lichamelijk werk"), weight=Weight(_("lichamelijk werk"), 1),
    reads=tuple(("candidates.Profile", physical_field_name(code)) for code in PHYSICAL_CODES),
    hard=True, score=score, for_vacancy=for_vacancy, for_candidate=for_candidate,
    phrases=phrases)
