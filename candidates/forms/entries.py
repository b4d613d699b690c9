"""One form per kind of repeatable entry (work experience, education, course, language).

The jobseeker adds, changes or deletes one entry at a time: short pages that work without
JavaScript. `ENTRY_KINDS` ties the URL slug of each kind to its model, form and wording.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from candidates.choices import EducationLevel, Language, LanguageLevel
from candidates.models import Course, Education, LanguageSkill, Profile, WorkExperience

from .fields import DutchDateField
from .profile import long_text


def short_text(label, required=False, required_message="", help_text=""):
    messages = {"max_length": _("Dit is te lang: maximaal %(limit_value)d tekens.")}
    if required_message:
        messages["required"] = required_message
    return forms.CharField(label=label, required=required, max_length=150, help_text=help_text,
                           error_messages=messages)


def year_field(label):
    return forms.IntegerField(
        label=label, required=False, min_value=1940, max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        help_text=_("Bijvoorbeeld 2019."),
        error_messages={"invalid": _("Vul een jaartal in, bijvoorbeeld 2019."),
                        "min_value": _("Vul een jaartal in vanaf 1940."),
                        "max_value": _("Vul een jaartal in van vier cijfers.")})


class EntryForm(forms.Form):
    model: type[models.Model]
    scanned_fields: tuple[str, ...] = ()

    def __init__(self, *args, profile: Profile, instance: models.Model | None = None, **kwargs):
        self.profile = profile
        self.instance = instance
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = {name: getattr(instance, name) for name in self.base_fields}
        super().__init__(*args, **kwargs)

    def values(self) -> dict:
        # Only the entry's own fields (not the edit base, hallowerk/edit_base.py).
        return {name: value for name, value in self.cleaned_data.items()
                if name in self.base_fields}


class WorkExperienceForm(EntryForm):
    model = WorkExperience
    scanned_fields = ("job_title", "description")

    job_title = short_text(_("Functie"), required=True,
                           required_message=_("Vul in wat voor werk het was, bijvoorbeeld "
                                              "magazijnmedewerker."),
                           help_text=_("Bijvoorbeeld magazijnmedewerker. Ook vrijwilligerswerk "
                                       "telt."))
    employer_name = short_text(_("Werkgever of organisatie"))
    start_date = DutchDateField(label=_("Begonnen op"),
                                required_message=_("Vul in wanneer u begon."))
    end_date = DutchDateField(
        label=_("Gestopt op"), required=False,
        help_text=_("Leeg laten als u hier nog werkt. Schrijf dag-maand-jaar, bijvoorbeeld "
                    "31-12-2023."))
    description = long_text(_("Wat deed u?"), _("Uw taken, in een paar zinnen."), rows=4)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", ValidationError(
                _("U stopte voordat u begon. Controleer de datums."), code="end_before_start"))
        return cleaned


class EducationForm(EntryForm):
    model = Education
    scanned_fields = ("name",)

    name = short_text(_("Opleiding"), required=True,
                      required_message=_("Vul de naam van de opleiding in."),
                      help_text=_("Bijvoorbeeld Logistiek medewerker of Verpleegkunde."))
    institution = short_text(_("School"))
    level = forms.ChoiceField(label=_("Niveau"), required=False,
                              choices=[("", _("Weet ik niet of kies ik liever niet")),
                                       *EducationLevel.choices])
    completed = forms.BooleanField(label=_("Ik heb deze opleiding afgerond"), required=False)
    certificate = forms.BooleanField(label=_("Ik heb een diploma of certificaat"),
                                     required=False)
    year = year_field(_("Jaar van afronden of stoppen"))


class CourseForm(EntryForm):
    model = Course
    scanned_fields = ("name",)

    name = short_text(_("Cursus of training"), required=True,
                      required_message=_("Vul de naam van de cursus of training in."),
                      help_text=_("Bijvoorbeeld VCA, Hygiënecode of een taalcursus."))
    provider = short_text(_("Gegeven door"))
    year = year_field(_("Jaar"))


class LanguageSkillForm(EntryForm):
    model = LanguageSkill

    language = forms.ChoiceField(label=_("Taal"), choices=[("", _("Kies een taal")),
                                                           *Language.choices],
                                 error_messages={"required": _("Kies een taal.")})
    level = forms.ChoiceField(label=_("Hoe goed spreekt u deze taal?"),
                              choices=LanguageLevel.choices, widget=forms.RadioSelect,
                              error_messages={"required": _("Kies hoe goed u de taal "
                                                            "spreekt.")})

    def clean_language(self):
        language = self.cleaned_data["language"]
        others = self.profile.language_skills.filter(language=language)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(_("Deze taal staat al in uw profiel. Pas die daar aan."),
                                  code="duplicate_language")
        return language


@dataclass(frozen=True)
class EntryKind:
    slug: str
    form_class: type[EntryForm]
    relation: str
    title: Promise  # the list
    add_label: Promise
    edit_title: Promise
    empty_text: Promise

    @property
    def model(self) -> type[models.Model]:
        return self.form_class.model


ENTRY_KINDS: dict[str, EntryKind] = {kind.slug: kind for kind in [
    EntryKind("werkervaring", WorkExperienceForm, "work_experiences", _("Werkervaring"),
              _("Werkervaring toevoegen"), _("Werkervaring aanpassen"),
              _("U hebt nog geen werkervaring toegevoegd. Ook vrijwilligerswerk, stage of "
                "een bijbaan telt.")),
    EntryKind("opleidingen", EducationForm, "educations", _("Opleidingen"),
              _("Opleiding toevoegen"), _("Opleiding aanpassen"),
              _("U hebt nog geen opleiding toegevoegd.")),
    EntryKind("cursussen", CourseForm, "courses", _("Cursussen en trainingen"),
              _("Cursus toevoegen"), _("Cursus aanpassen"),
              _("U hebt nog geen cursus of training toegevoegd. Dat hoeft ook niet.")),
    EntryKind("talen", LanguageSkillForm, "language_skills", _("Talen"),
              _("Taal toevoegen"), _("Taal aanpassen"),
              _("U hebt nog geen talen toegevoegd. Vergeet uw moedertaal niet.")),
]}
