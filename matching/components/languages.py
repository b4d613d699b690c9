"""Languages: the average, over the languages the vacancy requires, of the points for the
level the candidate speaks each at. Applies when the vacancy requires languages."""

from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from ..features import CandidateFeatures, VacancyFeatures
from ..sql_fragment import Sql, sql
from .base import Audience, Component, Declared, RowTerm, VacancySide, Weight, about, not_applicable

LANGUAGE_LEVEL_POINTS = {"fluent_native": 100, "good": 100, "reasonable": 75, "basic": 25}


def score(c: CandidateFeatures, v: VacancyFeatures) -> Component:
    required = list(dict.fromkeys(v.languages))
    if not required:
        return not_applicable("languages")
    levels = {code: c.languages.get(code, "") for code in required}
    points = sum(LANGUAGE_LEVEL_POINTS.get(level, 0) for level in levels.values())
    spoken = [(code, level) for code, level in levels.items()
              if LANGUAGE_LEVEL_POINTS.get(level, 0) > 0]
    return Component("languages", True, points // len(required), facts={"spoken": spoken})


_LEVEL_POINTS = "CASE ls.level " + " ".join(
    f"WHEN '{level}' THEN {points}" for level, points in LANGUAGE_LEVEL_POINTS.items()
) + " ELSE 0 END"


def for_vacancy(side: VacancySide) -> RowTerm | None:
    required = list(dict.fromkeys(side.vacancy.languages))
    if not required:
        return None
    # Looked up only for the rows left after every filter (one index probe each): far
    # fewer than a pass over the whole language table.
    return RowTerm(points=sql(
        "(SELECT COALESCE(sum({level_points}), 0) FROM candidates_languageskill ls"
        " WHERE ls.profile_id = p.id AND ls.language = ANY({required}))::int / {n}",
        level_points=_LEVEL_POINTS, required=Sql.value(required, "::text[]"), n=len(required)))


_DISTINCT = "SELECT DISTINCT unnest(v.required_languages) AS l"
_COUNT = sql("(SELECT count(*) FROM ({distinct}) q)::int", distinct=_DISTINCT)


def for_candidate(c: CandidateFeatures) -> RowTerm:
    spoken = [(code, LANGUAGE_LEVEL_POINTS.get(level, 0))
              for code, level in sorted(c.languages.items())]
    points = Sql("0") if not spoken else sql("CASE q.l {whens} ELSE 0 END", whens=Sql.join(
        " ", (sql("WHEN {code} THEN {points}", code=Sql.value(code), points=points)
              for code, points in spoken)))
    return RowTerm(
        columns=(("languages_n", _COUNT),
                 ("languages_sum", sql("(SELECT COALESCE(sum({points}), 0)"
                                       " FROM ({distinct}) q)::int",
                                       points=points, distinct=_DISTINCT))),
        applies=Sql("languages_n > 0"), points=Sql("languages_sum / languages_n"))


LANGUAGE_NAMES = {
    "nl": pgettext_lazy("taal", "Nederlands"), "en": pgettext_lazy("taal", "Engels"),
    "ar": pgettext_lazy("taal", "Arabisch"), "tr": pgettext_lazy("taal", "Turks"),
    "pl": pgettext_lazy("taal", "Pools"), "ro": pgettext_lazy("taal", "Roemeens"),
    "ti": pgettext_lazy("taal", "Tigrinya"), "so": pgettext_lazy("taal", "Somalisch"),
    "fr": pgettext_lazy("taal", "Frans"), "de": pgettext_lazy("taal", "Duits"),
    "es": pgettext_lazy("taal", "Spaans"), "uk": pgettext_lazy("taal", "Oekraïens"),
    "ru": pgettext_lazy("taal", "Russisch"), "fa": pgettext_lazy("taal", "Perzisch (Farsi)"),
    "pap": pgettext_lazy("taal", "Papiamento"), "other": pgettext_lazy("taal", "een andere taal"),
}
LANGUAGE_LEVELS = {
    "basic": pgettext_lazy("taalniveau", "een beetje"),
    "reasonable": pgettext_lazy("taalniveau", "redelijk"),
    "good": pgettext_lazy("taalniveau", "goed"),
    "fluent_native": pgettext_lazy("taalniveau", "vloeiend"),
}


def phrases(facts: dict, audience: Audience, labels) -> list[str]:
    spoken = ", ".join(f"{LANGUAGE_NAMES.get(code, code)} ({LANGUAGE_LEVELS[level]})"
                       for code, level in facts["spoken"])
    text = about(audience, gettext("U spreekt %(languages)s."),
                 gettext("De kandidaat spreekt %(languages)s."))
    return [text % {"languages": spoken}]


LS = "candidates.LanguageSkill"
LANGUAGES = Declared(
    key="languages", label=_("Talen"), weight=Weight(_("talen"), 1),
    reads=((LS, "language"), (LS, "level")), hard=False,
    score=score, for_vacancy=for_vacancy, for_candidate=for_candidate, phrases=phrases)
