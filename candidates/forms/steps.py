"""The guided sequence of short profile pages: one URL per step, each saveable on its own.

Every jobseeker field of SPEC §3 is on exactly one step (tests/candidates/
test_jobseeker_profile.py checks this against the field catalogue).
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .entries import ENTRY_KINDS, EntryKind
from .profile import (
    AboutForm,
    AvailabilityForm,
    MoreAboutMeForm,
    PhysicalForm,
    ProfileStepForm,
    ResidenceTravelForm,
    WorkThatSuitsForm,
)

FORM, ENTRIES, OCCUPATIONS, UPLOADS = "form", "entries", "occupations", "uploads"


@dataclass(frozen=True)
class Step:
    slug: str
    title: Promise
    intro: Promise
    kind: str
    form_class: type[ProfileStepForm] | None = None

    @property
    def entry_kind(self) -> EntryKind | None:
        return ENTRY_KINDS.get(self.slug) if self.kind == ENTRIES else None

    @property
    def profile_fields(self) -> tuple[str, ...]:
        if self.form_class is not None:
            return self.form_class.profile_fields
        return {OCCUPATIONS: ("preferred_occupations",), UPLOADS: ("photo", "cv")}.get(
            self.kind, ())


STEPS: list[Step] = [
    Step("woonplaats-en-reizen", _("Woonplaats en reizen"),
         _("Waar woont u en hoe komt u op uw werk?"), FORM, ResidenceTravelForm),
    Step("over-mij", _("Over mij"),
         _("Vertel wie u bent, waar u goed in bent en wat u kunt."), FORM, AboutForm),
    Step("werk-dat-past", _("Werk dat bij u past"),
         _("Wat voor werk zoekt u, en in welke sector?"), FORM, WorkThatSuitsForm),
    Step("beroepen", _("Beroepen die u zoekt"),
         _("Zoek de beroepen die u wilt doen en voeg ze toe."), OCCUPATIONS),
    Step("beschikbaarheid", _("Beschikbaarheid"),
         _("Wanneer kunt u beginnen en hoeveel uur wilt u werken?"), FORM, AvailabilityForm),
    Step("werkervaring", _("Werkervaring"),
         _("Welk werk hebt u gedaan? Ook vrijwilligerswerk, stage of een bijbaan telt."),
         ENTRIES),
    Step("opleidingen", _("Opleidingen en diploma's"),
         _("Welke opleidingen hebt u gedaan? Ook als u ze niet hebt afgemaakt."), ENTRIES),
    Step("cursussen", _("Cursussen en trainingen"),
         _("Hebt u cursussen of trainingen gedaan? Bijvoorbeeld VCA of een taalcursus."),
         ENTRIES),
    Step("talen", _("Talen"), _("Welke talen spreekt u, en hoe goed?"), ENTRIES),
    Step("lichamelijk-werk", _("Lichamelijk werk"),
         _("Welk lichamelijk werk kunt u doen? Kies per onderdeel."), FORM, PhysicalForm),
    Step("foto-en-cv", _("Foto en cv"),
         _("Een foto en een cv zijn niet verplicht, maar helpen wel."), UPLOADS),
    Step("meer-over-mij", _("Meer over mij"),
         _("Links, testen en wat u verder nog wilt vertellen. Alles hier is niet verplicht."),
         FORM, MoreAboutMeForm),
]
STEP_BY_SLUG: dict[str, Step] = {step.slug: step for step in STEPS}


def step_number(step: Step) -> int:
    return STEPS.index(step) + 1


def next_step(step: Step) -> Step | None:
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def previous_step(step: Step) -> Step | None:
    index = STEPS.index(step)
    return STEPS[index - 1] if index > 0 else None
