"""Everything the municipality recorded about the jobseeker, read-only, with what each item
means and who sees it (the DPIA asks for this transparency; SPEC §9)."""

from dataclasses import dataclass

from django.db import models
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from candidates.models import Candidate
from hallowerk.permissions import role_required
from hallowerk.roles import Role
from privacy.catalogue import EmployerVisibility, FieldSpec, FilledBy, specs_for

from .common import own_candidate

NOT_EMPLOYERS = gettext_lazy("Werkgevers zien dit nooit.")
# What each item means, in plain words. Fields without an entry show only who sees them.
EXPLANATIONS = {
    "municipality": gettext_lazy("De gemeente die u begeleidt naar werk."),
    "client_number": gettext_lazy(
        "Het nummer waaronder de gemeente u kent. Het is niet uw burgerservicenummer (BSN)."),
    "first_name": gettext_lazy("Uw naam, zoals de gemeente die heeft opgeschreven."),
    "email": gettext_lazy("Zo kunnen de gemeente, en werkgevers als dat mag, u bereiken."),
    "phone": gettext_lazy("Zo kunnen de gemeente, en werkgevers als dat mag, u bereiken."),
    "postcode": gettext_lazy("Zo weet de gemeente in welke buurt u woont."),
    "gender": gettext_lazy(
        "Alleen voor de begeleiding door de gemeente. Het telt nooit mee bij het zoeken naar "
        "werk."),
    "date_of_birth": gettext_lazy(
        "Alleen voor de begeleiding door de gemeente. Het telt nooit mee bij het zoeken naar "
        "werk."),
    "service_type": gettext_lazy(
        "Hoe de gemeente u helpt. Zelfservice: u doet het vooral zelf. Samen: u en uw "
        "werkmatcher doen het samen. Voor: uw werkmatcher doet veel voor u."),
    "responsible_coach": gettext_lazy("Uw vaste contactpersoon bij de gemeente."),
    "directly_approachable": gettext_lazy(
        "Ja: werkgevers mogen zelf contact met u opnemen. Nee: een werkgever vraagt eerst uw "
        "werkmatcher, die het met u bespreekt."),
    "tg_banenafspraak": gettext_lazy(
        "U staat in het doelgroepregister van de banenafspraak. Dat is voor mensen die door "
        "een beperking niet zelf het minimumloon kunnen verdienen. Werkgevers zien alleen ja "
        "of nee, nooit waarom. Werkgevers kunnen niet op dit vinkje zoeken."),
    "tg_praktijkroute": gettext_lazy(
        "De gemeente bekijkt in de praktijk, op een werkplek, hoeveel u met werk kunt "
        "verdienen (uw loonwaarde)."),
    "tg_bbl": gettext_lazy(
        "U kunt leren en werken tegelijk (de beroepsbegeleidende leerweg). Dit is voor "
        "jongeren zonder startkwalificatie."),
    "tg_tozo": gettext_lazy("Steun van de gemeente voor zelfstandig ondernemers."),
    "hidden_by_staff": gettext_lazy(
        "De gemeente kan uw profiel verbergen voor werkgevers als het niet klopt of u kan "
        "schaden. U ziet dan altijd de reden."),
    "is_active": gettext_lazy(
        "Alleen een actief profiel kunnen werkgevers zien. Alleen de gemeente kan dit "
        "veranderen."),
    "dossier_ended_on": gettext_lazy(
        "Wanneer uw begeleiding is gestopt. Vanaf die dag telt de bewaartermijn."),
    "esf_programme_end": gettext_lazy(
        "Alleen ingevuld als de gemeente uw dossier nodig heeft voor een Europese subsidie "
        "(ESF)."),
}
EMPLOYER_SEES = {
    EmployerVisibility.SHOWN: gettext_lazy("Werkgevers zien dit als u uw profiel deelt."),
    EmployerVisibility.WHEN_APPROACHABLE: gettext_lazy(
        "Werkgevers zien dit alleen als u direct benaderbaar bent en uw profiel deelt."),
    EmployerVisibility.YES_NO: gettext_lazy(
        "Werkgevers zien alleen ja of nee, als u uw profiel deelt."),
    EmployerVisibility.NEVER: NOT_EMPLOYERS,
}


@dataclass
class RecordedItem:
    label: str
    value: str
    explanation: str
    who: str
    target_group: bool


def _value(candidate: Candidate, model_field: models.Field) -> str:
    value = getattr(candidate, model_field.name)
    if value is None or value == "":
        return _("Niet ingevuld")
    if isinstance(value, bool):
        return _("Ja") if value else _("Nee")
    if model_field.choices:
        return str(getattr(candidate, f"get_{model_field.name}_display")())
    if isinstance(model_field, models.DateField):
        return date_format(value, "j F Y")
    if hasattr(value, "get_full_name"):
        return value.get_full_name() or value.email
    return str(value)


def _who(spec: FieldSpec) -> str:
    # The jobseeker, their coach and the municipality's account managers see every item
    # (DOSSIER_READERS); the page says that once. Per item only what an employer sees differs.
    return str(EMPLOYER_SEES[spec.employer])


def recorded_items(candidate: Candidate, language: str) -> list[RecordedItem]:
    items = []
    for spec in specs_for("candidates.Candidate"):
        if spec.filled_by != FilledBy.COACH:
            continue
        model_field = Candidate._meta.get_field(spec.field)
        explanation = EXPLANATIONS.get(spec.field) or EXPLANATIONS.get(
            "first_name" if spec.field == "last_name" else "", "")
        items.append(RecordedItem(spec.label(language), _value(candidate, model_field),
                                  str(explanation), _who(spec),
                                  spec.field.startswith("tg_")))
    return items


@role_required(Role.JOBSEEKER)
def recorded(request):
    candidate = own_candidate(request)
    items = recorded_items(candidate, get_language() or "nl")
    return render(request, "candidates/jobseeker/recorded.html", {
        "candidate": candidate,
        "items": [item for item in items if not item.target_group],
        "target_groups": [item for item in items if item.target_group],
    })
