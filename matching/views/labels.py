"""Names of the groups in the monitoring report."""

from django.utils.translation import gettext_lazy as _

from candidates.models import Gender

BREAKDOWN_TITLES = {
    "gender": _("Naar geslacht"),
    "age_band": _("Naar leeftijd"),
    "target_group": _("Naar doelgroep"),
}
_GROUPS = {
    "age_band": {"under_27": _("Jonger dan 27"), "27_44": _("27 tot en met 44"),
                 "45_54": _("45 tot en met 54"), "55_plus": _("55 en ouder"),
                 "unknown": _("Leeftijd onbekend")},
    "target_group": {"banenafspraak": _("Banenafspraak (doelgroepregister)"),
                     "praktijkroute": _("Praktijkroute"), "bbl": _("BBL"), "tozo": _("TOZO"),
                     "none": _("Geen doelgroep aangevinkt")},
}


def group_label(breakdown: str, group: str) -> str:
    if breakdown == "gender":
        return str(dict(Gender.choices).get(group, group))
    return str(_GROUPS[breakdown].get(group, group))
