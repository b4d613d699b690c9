"""The matching's entry for the national algorithm register (Algoritmeregister), generated
from the matching configuration of one municipality: its components and weights, what the
engine can never read, the human in the loop and the latest fairness monitoring.

Public on purpose: the entry holds weights, rules and counts only, never a person. The keys
follow the register's publication standard loosely (name, organisation, goal and impact,
...), so a municipality can copy the JSON without retyping.
"""

import dataclasses

from django.utils import translation
from django.utils.translation import gettext as _

from hallowerk.models import Municipality
from matching.components import HARD_REQUIREMENTS, RELEVANT_CLOSENESS
from matching.explain import COMPONENT_FIELDS, COMPONENT_LABELS
from matching.fairness import RATIO_TO_FLAG, SMALL_CELL
from matching.models import FairnessReport
from matching.ranking import SUGGESTION_LIMIT
from matching.selectors import weights_for
from privacy.catalogue import field_spec

# What the engine has no field for (matching/features.py, CandidateFeatures); a test there
# proves the scores do not move when these change (tests/matching/test_protected.py).
NEVER_USED = ("gender", "age", "date_of_birth", "target_groups", "photo", "name", "postcode",
              "municipality")


def _never_used_labels() -> list[str]:
    return [{"gender": _("geslacht"), "age": _("leeftijd"), "date_of_birth": _("geboortedatum"),
             "target_groups": _("doelgroepen (zoals het doelgroepregister)"),
             "photo": _("foto"), "name": _("naam"), "postcode": _("postcode"),
             "municipality": _("woongemeente")}[key] for key in NEVER_USED]


@dataclasses.dataclass
class ComponentLine:
    key: str
    label: str
    weight: int
    reads: list[str]
    hard_requirement: bool


@dataclasses.dataclass
class AlgorithmEntry:
    name: str
    organisation: str
    status: str
    goal: str
    impact: str
    how_it_works: str
    components: list[ComponentLine]
    never_uses: list[str]
    human_intervention: str
    risk_management: str
    fairness_latest: dict
    legal_basis: str
    impact_assessments: list[str]
    data_sources: list[str]
    language: str

    def as_data(self) -> dict:
        return dataclasses.asdict(self)


def _reads(key: str, language: str) -> list[str]:
    return [field_spec(model, name).label(language) for model, name in COMPONENT_FIELDS[key]]


def _fairness_latest(municipality: Municipality) -> dict:
    report = FairnessReport.objects.filter(municipality=municipality).first()
    if report is None:
        return {"date": None, "groups": 0, "groups_flagged": 0}
    rows = [row for rows in report.data.get("breakdowns", {}).values() for row in rows]
    return {"date": report.created_at.date().isoformat(), "groups": len(rows),
            "groups_flagged": sum(1 for row in rows if row.get("flag"))}


def algorithm_entry(municipality: Municipality, language: str | None = None) -> AlgorithmEntry:
    with translation.override(language or translation.get_language()):
        language = translation.get_language()
        weights = weights_for(municipality)
        components = [ComponentLine(key, str(label), weights[key], _reads(key, language),
                                    key in HARD_REQUIREMENTS)
                      for key, label in COMPONENT_LABELS.items()]
        fairness = _fairness_latest(municipality)
        return AlgorithmEntry(
            name=_("HalloWerk: passend werk en passende kandidaten"),
            organisation=municipality.name,
            status=_("In gebruik"),
            goal=_("Werkzoekenden met een bijstandsuitkering en werkgevers vinden elkaar: het "
                   "platform zet vacatures in volgorde voor een werkzoekende, en kandidaten in "
                   "volgorde voor een vacature."),
            impact=_("Een lijst met suggesties en een uitleg per onderdeel, in gewone taal. "
                     "De lijst is advies: er volgt geen besluit uit, niet over de uitkering en "
                     "niet over iemands deelname. Alleen kandidaten die hun profiel delen, "
                     "komen bij werkgevers in beeld."),
            how_it_works=_("Elk onderdeel geeft 0 tot 100 punten. De score is het gewogen "
                           "gemiddelde van de onderdelen die de vacature vraagt. Een vacature "
                           "wordt voorgesteld bij een overeenkomend beroep (tot op %(level)s "
                           "niveaus van ISCO-08) of een gekozen sector. Een lijst toont "
                           "hoogstens %(limit)s suggesties. Een rijbewijs dat ontbreekt, "
                           "lichamelijk werk dat iemand niet kan, of werk verder weg dan de "
                           "reisafstand die iemand koos, sluit een suggestie uit; al het "
                           "andere bepaalt alleen de volgorde. De gemeente kiest de weging.")
            % {"level": RELEVANT_CLOSENESS, "limit": SUGGESTION_LIMIT},
            components=components,
            never_uses=_never_used_labels(),
            human_intervention=_("Alleen advies. De werkzoekende, de werkmatcher, de "
                                 "accountmanager of de werkgever beslist zelf of er contact "
                                 "komt. De werkzoekende ziet waarom iets werd voorgesteld en "
                                 "kan laten weten of het past."),
            risk_management=_("Een monitor telt per gemeente hoe vaak groepen (geslacht, "
                              "leeftijd, doelgroep) in de top %(limit)s verschijnen. Een groep "
                              "krijgt aandacht als haar aandeel lager is dan %(ratio)s keer dat "
                              "van de best vertegenwoordigde groep. Aantallen onder %(small)s "
                              "worden niet getoond. Het rapport leest deze kenmerken alleen om "
                              "te tellen; de matching zelf kan ze niet lezen.")
            % {"limit": SUGGESTION_LIMIT, "ratio": RATIO_TO_FLAG, "small": SMALL_CELL},
            fairness_latest=fairness,
            legal_basis=_("Participatiewet (artikel 7) en Wet SUWI; AVG artikel 6 lid 1 "
                          "onder e. Meedoen is vrijwillig en gaat op uitnodiging."),
            impact_assessments=[_("DPIA (gegevensbeschermingseffectbeoordeling) voor "
                                  "HalloWerk"),
                                _("Ethische toets aan de acht waarden van het Rathenau/VNG-"
                                  "model")],
            data_sources=[_("Het profiel dat de werkzoekende zelf invult en deelt"),
                          _("Vacatures van werkgevers, ingevoerd door werkgevers en "
                            "accountmanagers"),
                          _("Beroepenlijst ISCO-08 en de postcodes en plaatsen van Nederland "
                            "(voor de reisafstand)")],
            language=language)
