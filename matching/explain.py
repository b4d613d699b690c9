"""Every score explained in plain language, per component — strengths only.

The workshop's "show strengths, hide weaknesses": a component that gives no points says
nothing, and a component that gives some points says what *does* fit. The same facts are
phrased for the jobseeker ("u") or about them ("de kandidaat"); for an employer (and an
account manager looking at another municipality's candidate) a component is left out when
the field catalogue does not let them see the data it is built on.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from candidates.physical import PHYSICAL_CODES, physical_field_name, physical_label
from hallowerk.models import Occupation, Sector
from privacy.catalogue import EmployerVisibility, field_spec

from .models.weights import COMPONENT_KEYS
from .scoring import MatchResult


class Audience(StrEnum):
    SELF = "self"  # the jobseeker reads about themself
    STAFF = "staff"  # their coach, or an account manager of their municipality
    EMPLOYER = "employer"  # an employer, or an account manager of another municipality


COMPONENT_LABELS = {
    "occupation": _("Beroep"),
    "skills": _("Vaardigheden en talenten"),
    "sector": _("Sector"),
    "availability": _("Uren en startdatum"),
    "travel": _("Reisafstand en reistijd"),
    "driving_licence": _("Rijbewijs"),
    "languages": _("Talen"),
    "physical": _("Lichamelijk werk"),
}

# What each component reads about the candidate (catalogue keys), so an employer's
# explanation never shows more than the catalogue allows them to see.
P, LS = "candidates.Profile", "candidates.LanguageSkill"
COMPONENT_FIELDS = {
    "occupation": [(P, "preferred_occupations")],
    "skills": [(P, "competences"), (P, "professional_skills")],
    "sector": [(P, "sectors")],
    "availability": [(P, "hours_per_week_min"), (P, "hours_per_week_max"),
                     (P, "available_from")],
    "travel": [(P, "place_of_residence"), (P, "transport"), (P, "max_travel_km")],
    "driving_licence": [(P, "driving_licences")],
    "languages": [(LS, "language"), (LS, "level")],
    "physical": [(P, physical_field_name(code)) for code in PHYSICAL_CODES],
}

TRAVEL_MEANS = {
    "car": pgettext_lazy("reizen", "met de auto"),
    "public_transport": pgettext_lazy("reizen", "met het openbaar vervoer"),
    "moped": pgettext_lazy("reizen", "met de scooter of brommer"),
    "bike": pgettext_lazy("reizen", "met de fiets"),
    "walking": pgettext_lazy("reizen", "lopend"),
}
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


@dataclass(frozen=True)
class Strength:
    component: str
    text: str


def employer_may_see(component: str) -> bool:
    return all(field_spec(model, name).employer != EmployerVisibility.NEVER
               for model, name in COMPONENT_FIELDS[component])


class _Labels:
    """Occupation and sector names for a batch of results, in two queries."""

    def __init__(self, results: Iterable[MatchResult]):
        codes, sector_ids = set(), set()
        for result in results:
            codes.add(result.component("occupation").facts.get("code"))
            sector_ids.add(result.component("sector").facts.get("sector_id"))
        self.occupations = {o.isco_code: o for o in Occupation.objects.filter(isco_code__in=codes)}
        self.sectors = Sector.objects.in_bulk([pk for pk in sector_ids if pk is not None])


def _about(audience: Audience, self_text: str, other_text: str) -> str:
    return self_text if audience == Audience.SELF else other_text


def _hours(hours: tuple[int, int]) -> str:
    low, high = hours
    if low == high:
        return gettext("%(hours)s uur") % {"hours": low}
    return gettext("%(low)s tot %(high)s uur") % {"low": low, "high": high}


def _occupation(facts, audience, labels) -> list[str]:
    closeness = facts["closeness"]
    occupation = labels.occupations.get(facts["code"])
    name = occupation.label if occupation else facts["code"]
    if closeness == 4:
        text = _about(audience, gettext("Dit is het beroep dat u zoekt: %(occupation)s."),
                      gettext("Dit is het beroep dat de kandidaat zoekt: %(occupation)s."))
    elif closeness == 3:
        text = _about(audience,
                      gettext("Dit beroep lijkt veel op een beroep dat u zoekt: %(occupation)s."),
                      gettext("Dit beroep lijkt veel op een beroep dat de kandidaat zoekt: "
                              "%(occupation)s."))
    else:
        text = _about(audience,
                      gettext("Dit beroep hoort bij dezelfde groep als een beroep dat u zoekt: "
                              "%(occupation)s."),
                      gettext("Dit beroep hoort bij dezelfde groep als een beroep dat de "
                              "kandidaat zoekt: %(occupation)s."))
    return [text % {"occupation": name}]


def _skills(facts, audience, labels) -> list[str]:
    text = _about(audience, gettext("U noemt in uw profiel wat de werkgever vraagt: %(skills)s."),
                  gettext("Het profiel noemt wat de werkgever vraagt: %(skills)s."))
    return [text % {"skills": ", ".join(facts["matched"])}]


def _sector(facts, audience, labels) -> list[str]:
    sector = labels.sectors.get(facts["sector_id"])
    text = _about(audience, gettext("U wilt graag werken in deze sector: %(sector)s."),
                  gettext("De kandidaat wil graag werken in deze sector: %(sector)s."))
    return [text % {"sector": sector.label if sector else ""}]


def _availability(facts, audience, labels) -> list[str]:
    lines = []
    hours_points = facts.get("hours_points", 0)
    if hours_points == 100:
        text = _about(audience, gettext("De uren passen bij wat u zoekt: %(hours)s per week."),
                      gettext("De uren passen bij wat de kandidaat zoekt: %(hours)s per week."))
        lines.append(text % {"hours": _hours(facts["hours"])})
    elif hours_points > 0:
        text = _about(audience,
                      gettext("De uren liggen dicht bij wat u zoekt: %(hours)s per week."),
                      gettext("De uren liggen dicht bij wat de kandidaat zoekt: %(hours)s per "
                              "week."))
        lines.append(text % {"hours": _hours(facts["hours"])})
    start_points = facts.get("start_points", 0)
    if start_points == 100:
        text = _about(audience,
                      gettext("U kunt op tijd beginnen: u bent beschikbaar vanaf %(date)s."),
                      gettext("De kandidaat kan op tijd beginnen: beschikbaar vanaf %(date)s."))
        lines.append(text % {"date": date_format(facts["available_from"], "j F Y")})
    elif start_points > 0:
        lines.append(_about(audience, gettext("U kunt kort na de startdatum beginnen."),
                            gettext("De kandidaat kan kort na de startdatum beginnen.")))
    return lines


def _travel(facts, audience, labels) -> list[str]:
    km = round(facts["km"])
    if km == 0:
        return [_about(audience, gettext("Het werk is in of vlak bij uw woonplaats."),
                       gettext("Het werk is in of vlak bij de woonplaats van de kandidaat."))]
    means = facts["means"]
    if means is None:
        text = _about(audience, gettext("%(km)s km van uw woonplaats."),
                      gettext("%(km)s km van de woonplaats van de kandidaat."))
        return [text % {"km": km}]
    minutes = max(5, 5 * round(facts["minutes"] / 5))
    text = _about(audience,
                  gettext("%(km)s km van uw woonplaats, ongeveer %(minutes)s minuten "
                          "%(means)s."),
                  gettext("%(km)s km van de woonplaats van de kandidaat, ongeveer %(minutes)s "
                          "minuten %(means)s."))
    return [text % {"km": km, "minutes": minutes, "means": TRAVEL_MEANS[means]}]


def _driving_licence(facts, audience, labels) -> list[str]:
    text = _about(audience, gettext("U hebt het rijbewijs dat nodig is: %(licence)s."),
                  gettext("De kandidaat heeft het rijbewijs dat nodig is: %(licence)s."))
    return [text % {"licence": facts["licence"]}]


def _languages(facts, audience, labels) -> list[str]:
    spoken = ", ".join(f"{LANGUAGE_NAMES.get(code, code)} ({LANGUAGE_LEVELS[level]})"
                       for code, level in facts["spoken"])
    text = _about(audience, gettext("U spreekt %(languages)s."),
                  gettext("De kandidaat spreekt %(languages)s."))
    return [text % {"languages": spoken}]


def _physical(facts, audience, labels) -> list[str]:
    language = get_language() or "nl"
    items = ", ".join(_lower_first(physical_label(code, language)) for code in facts["can"])
    text = _about(audience,
                  gettext("U kunt het lichamelijke werk dat deze baan vraagt: %(items)s."),
                  gettext("De kandidaat kan het lichamelijke werk dat deze baan vraagt: "
                          "%(items)s."))
    return [text % {"items": items}]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


_PHRASES = {"occupation": _occupation, "skills": _skills, "sector": _sector,
            "availability": _availability, "travel": _travel,
            "driving_licence": _driving_licence, "languages": _languages,
            "physical": _physical}


def explain(result: MatchResult, audience: Audience, labels: _Labels | None = None
            ) -> list[Strength]:
    """The strengths of one match, in component order."""
    labels = labels or _Labels([result])
    strengths = []
    for key in COMPONENT_KEYS:
        component = result.component(key)
        if not component.applies or component.points == 0 or component.excluded:
            continue
        if audience == Audience.EMPLOYER and not employer_may_see(key):
            continue
        strengths += [Strength(key, text)
                      for text in _PHRASES[key](component.facts, audience, labels)]
    return strengths


def explain_all(results: list[MatchResult], audience: Audience | list[Audience]
                ) -> list[list[Strength]]:
    """Explanations for a list of results; one audience for all, or one per result."""
    labels = _Labels(results)
    audiences = audience if isinstance(audience, list) else [audience] * len(results)
    return [explain(result, who, labels) for result, who in zip(results, audiences, strict=True)]


def component_label(key: str) -> str:
    return str(COMPONENT_LABELS[key])


