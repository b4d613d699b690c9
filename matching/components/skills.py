"""Skills: the share of the vacancy's skills found in the candidate's talents and
professional skills, compared after the same case/accent folding PostgreSQL's translate()
does. Applies when the vacancy lists skills."""

from collections.abc import Iterable

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from hallowerk.reference.folding import FOLD_FROM, FOLD_TO

from ..features import CandidateFeatures, VacancyFeatures
from ..sql_fragment import Sql, sql
from .base import Audience, Component, Declared, RowTerm, VacancySide, Weight, about, not_applicable

SKILL_SEPARATOR = "|"
_FOLD = str.maketrans(FOLD_FROM[: len(FOLD_TO)], FOLD_TO, FOLD_FROM[len(FOLD_TO):])
_DELETED = FOLD_FROM[len(FOLD_TO):]


def fold_skill_text(text: str) -> str:
    """A candidate's skill as the SQL sees it: translate(text, FOLD_FROM, FOLD_TO)."""
    return text.translate(_FOLD)


def vacancy_skill_terms(skills: Iterable[str]) -> dict[str, str]:
    """Folded term → the vacancy's own wording, without empty or repeated terms."""
    terms: dict[str, str] = {}
    for skill in skills:
        term = skill.replace(SKILL_SEPARATOR, " ").translate(_FOLD).strip(" ")
        if term and term not in terms:
            terms[term] = skill.strip()
    return terms


def score(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    terms = vacancy_skill_terms(v.skills)
    if not terms:
        return not_applicable("skills")
    texts = [fold_skill_text(skill) for skill in c.skills]
    matched = [wording for term, wording in terms.items() if any(term in t for t in texts)]
    return Component("skills", True, len(matched) * 100 // len(terms),
                     facts={"matched": matched})


_FOLDS_TO: dict[str, set[str]] = {}
for _source, _target in zip(FOLD_FROM, FOLD_TO, strict=False):
    _FOLDS_TO.setdefault(_target, set()).add(_source)


def _escaped(chars: Iterable[str]) -> str:
    return "".join(f"\\u{ord(char):04x}" for char in sorted(chars))


def skill_pattern(term: str) -> str:
    """A regular expression finding the folded `term` in text that is *not* folded: each
    character becomes the class of every character that folds to it, with the characters
    folding deletes allowed in between. Matching unfolded text this way costs ~1 µs a row,
    where folding every profile first would cost ~50 µs."""
    between = f"[{_escaped(_DELETED)}]*" if _DELETED else ""
    return between.join(f"[{_escaped({char} | _FOLDS_TO.get(char, set()))}]" for char in term)


def for_vacancy(side: VacancySide) -> RowTerm | None:
    terms = list(vacancy_skill_terms(side.vacancy.skills))
    if not terms:
        return None
    text = f"array_to_string(p.competences || p.professional_skills, '{SKILL_SEPARATOR}')"
    hits = Sql.join(" + ", (sql("({text} ~ {pattern})::int", text=text,
                                pattern=Sql.value(skill_pattern(term))) for term in terms))
    return RowTerm(points=sql("({hits}) * 100 / {n}", hits=hits, n=len(terms)))


# translate() walks its whole FROM list for every character (~15 µs for a short phrase), so
# a vacancy's skill is folded in two steps: ASCII capitals first (a short list), then the
# full table only when a character the table maps is left. translate(translate(x, A-Z,
# a-z), FROM, TO) equals translate(x, FROM, TO) because the table maps A-Z to a-z too.
_UPPER_SQL = "'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'"
_FOLD_SQL = "'" + FOLD_FROM.replace("'", "''") + "', '" + FOLD_TO.replace("'", "''") + "'"
_NEEDS_FULL_FOLD = "[" + _escaped(set(FOLD_FROM) - set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) + "]"
_ASCII_FOLDED = f"translate(replace(x, '{SKILL_SEPARATOR}', ' '), {_UPPER_SQL})"
_FOLDED = (f"btrim(CASE WHEN {_ASCII_FOLDED} ~ '{_NEEDS_FULL_FOLD}'"
           f" THEN translate({_ASCII_FOLDED}, {_FOLD_SQL}) ELSE {_ASCII_FOLDED} END, ' ')")


def for_candidate(c: CandidateFeatures) -> RowTerm:
    # [terms, terms found] in one pass over the vacancy's skills.
    counts = sql("(SELECT ARRAY[count(*), count(*) FILTER (WHERE strpos({text}, q.t) > 0)]"
                 " FROM (SELECT DISTINCT {folded} AS t FROM unnest(v.skills) AS x) q"
                 " WHERE q.t <> '')::int[]", folded=_FOLDED,
                 text=Sql.value(SKILL_SEPARATOR.join(fold_skill_text(s) for s in c.skills)))
    return RowTerm(columns=(("skill_counts", counts),), applies=Sql("skill_counts[1] > 0"),
                   points=Sql("skill_counts[2] * 100 / skill_counts[1]"))


def phrases(facts: dict, audience: Audience, labels) -> list[str]:
    text = about(audience, gettext("U noemt in uw profiel wat de werkgever vraagt: %(skills)s."),
                 gettext("Het profiel noemt wat de werkgever vraagt: %(skills)s."))
    return [text % {"skills": ", ".join(facts["matched"])}]


SKILLS = Declared(
    key="skills", label=_("Vaardigheden en talenten"), weight=Weight(_("vaardigheden"), 2),
    reads=(("candidates.Profile", "competences"), ("candidates.Profile", "professional_skills")),
    hard=False, score=score, for_vacancy=for_vacancy, for_candidate=for_candidate,
    phrases=phrases)
