"""Everything recorded about a candidate, for staff who may see all of it (SPEC §4: the coach,
and the account manager of the candidate's own municipality, read-only).

Built from the field catalogue like the employer's view, so labels are the ones the
privacy statement uses and a new field shows up here once it is declared. Two parts: what
the municipality recorded (editable by the coach) and what the jobseeker entered (never
editable by staff — this module only reads).
"""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from hallowerk.long_dates import long_date
from privacy.catalogue import Category, FilledBy, specs_for

from .models import Candidate
from .presenters import EMPLOYER_VIEW_PREFETCH, EMPLOYER_VIEW_SELECT, Item, Section
from .related_rows import related

STAFF_VIEW_SELECT = [*EMPLOYER_VIEW_SELECT, "user"]
STAFF_VIEW_PREFETCH = EMPLOYER_VIEW_PREFETCH

# What the coach enters at intake, in the order of the intake form.
DOSSIER_CATEGORIES = (Category.IDENTITY, Category.CONTACT, Category.WORK,
                      Category.TARGET_GROUP)
PROFILE_SECTIONS = [
    (Category.IDENTITY, "", gettext_lazy("Persoon")),
    (Category.PROFILE, "", gettext_lazy("Over mij")),
    (Category.WORK, "", gettext_lazy("Werk en beschikbaarheid")),
    ("candidates.WorkExperience", "work_experiences", gettext_lazy("Werkervaring")),
    ("candidates.Education", "educations", gettext_lazy("Opleidingen")),
    ("candidates.Course", "courses", gettext_lazy("Cursussen en trainingen")),
    ("candidates.LanguageSkill", "language_skills", gettext_lazy("Talen")),
    (Category.HEALTH_RELATED, "", gettext_lazy("Lichamelijk werk")),
]


def _text(model_field: models.Field, value, *, health: bool = False) -> str | list[str]:
    if isinstance(model_field, ArrayField):
        return [str(_text(model_field.base_field, item)) for item in value]
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        if health:
            return _("Kan") if value else _("Kan niet")
        return _("Ja") if value else _("Nee")
    if isinstance(model_field, models.DateTimeField):
        return date_format(value, "j F Y H:i")
    if isinstance(model_field, models.DateField):
        return long_date(value)
    if hasattr(value, "get_full_name"):
        return value.get_full_name() or str(value)
    return str(value)


def _empty(value) -> bool:
    return value is None or value == "" or value == [] or (
        isinstance(value, models.fields.files.FieldFile) and not value)


def _item(spec, instance, language: str, *, keep_false: bool = True) -> Item | None:
    model_field = instance._meta.get_field(spec.field)
    label = spec.label(language)
    if model_field.many_to_many:
        values = [str(obj) for obj in related(instance, spec.field)]
        return Item(label, values, "list") if values else None
    value = getattr(instance, spec.field)
    if _empty(value) or (value is False and not keep_false):
        return None
    if isinstance(model_field, models.FileField):
        return Item(label, _("Toegevoegd"), "text")
    if isinstance(model_field, models.URLField):
        return Item(label, value, "url", url=value)
    if isinstance(model_field, ArrayField) and isinstance(model_field.base_field,
                                                          models.URLField):
        return Item(label, list(value), "urls")
    shown = _text(model_field, value, health=spec.category == Category.HEALTH_RELATED)
    return Item(label, shown, "list" if isinstance(shown, list) else "text")


def dossier_items(candidate: Candidate) -> list[Item]:
    """The intake fields, all of them, also when empty (so the coach sees what is missing)."""
    language = get_language() or "nl"
    items = []
    for spec in specs_for("candidates.Candidate"):
        if spec.filled_by != FilledBy.COACH or spec.category not in DOSSIER_CATEGORIES:
            continue
        item = _item(spec, candidate, language)
        items.append(item or Item(spec.label(language), "—"))
    return items


def _entries(profile, model_label: str, relation: str, language: str) -> list[Item]:
    specs = specs_for(model_label)
    items = []
    for entry in related(profile, relation):
        shown = [item for item in (_item(spec, entry, language) for spec in specs) if item]
        if shown:
            first, rest = shown[0], shown[1:]
            items.append(Item(str(first.value), kind="entry", details=[
                (item.label, ", ".join(item.value) if isinstance(item.value, list)
                 else item.value) for item in rest]))
    return items


def jobseeker_sections(candidate: Candidate) -> list[Section]:
    """What the jobseeker entered, read-only. Fetch with STAFF_VIEW_SELECT/_PREFETCH."""
    profile = getattr(candidate, "profile", None)
    if profile is None:
        return []
    language = get_language() or "nl"
    sections = []
    for key, relation, title in PROFILE_SECTIONS:
        if relation:
            items = _entries(profile, key, relation, language)
        else:
            items = [item for item in (
                _item(spec, profile, language) for spec in specs_for("candidates.Profile")
                if spec.filled_by == FilledBy.JOBSEEKER and spec.category == key) if item]
        if items:
            sections.append(Section(str(key), str(title), items))
    return sections
