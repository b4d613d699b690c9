"""What an employer sees of a candidate, built from the field catalogue and nothing else.

The employer's profile page, the account manager of another municipality and the
jobseeker's own "how employers see me" preview all render exactly this, through
templates/candidates/includes/employer_view.html.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from hallowerk.long_dates import long_date
from hallowerk.roles import Role
from privacy.catalogue import Category, EmployerVisibility, FieldSpec, employer_specs

from .models import Candidate, Profile
from .publication_hold import (
    entry_part,
    held_parts,
    open_reviews_prefetch,
    open_reviews_rows,
)
from .related_rows import Rows, children, load_together, many_to_many, related

# Everything the employer's view reads, so a whole profile costs a fixed number of queries.
EMPLOYER_VIEW_SELECT = ["municipality", "responsible_coach", "profile",
                        "profile__place_of_residence"]
# The profile's relations the view reads: lists of labels, and kinds of entry.
_VIEW_MANY_TO_MANY = ("preferred_occupations", "sectors")
_VIEW_ENTRIES = ("work_experiences", "educations", "courses", "language_skills")
EMPLOYER_VIEW_PREFETCH: list[str | models.Prefetch] = [
    *(f"profile__{name}" for name in (*_VIEW_MANY_TO_MANY, *_VIEW_ENTRIES)),
    open_reviews_prefetch()]

# Sections in reading order: catalogue categories of Candidate and Profile, and one section
# per kind of repeatable entry (with the relation that holds them on Profile).
SECTIONS: list[tuple[str, str, str]] = [
    ("identity", "", gettext_lazy("Persoon")),
    ("profile", "", gettext_lazy("Over de kandidaat")),
    ("work", "", gettext_lazy("Werk en beschikbaarheid")),
    ("candidates.WorkExperience", "work_experiences", gettext_lazy("Werkervaring")),
    ("candidates.Education", "educations", gettext_lazy("Opleidingen")),
    ("candidates.Course", "courses", gettext_lazy("Cursussen en trainingen")),
    ("candidates.LanguageSkill", "language_skills", gettext_lazy("Talen")),
    ("health_related", "", gettext_lazy("Lichamelijk werk")),
    ("target_group", "", gettext_lazy("Doelgroepregister")),
    ("contact", "", gettext_lazy("Contact")),
    ("usage", "", gettext_lazy("Overig")),
]

FileUrl = Callable[[Candidate, str], str]


@dataclass
class Item:
    label: str
    value: str | list[str] = ""
    kind: str = "text"  # text | list | url | urls | file | image | entry
    url: str = ""
    details: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class Section:
    key: str
    title: str
    items: list[Item]


def _yes_no(value: bool) -> str:
    return _("Ja") if value else _("Nee")


@cache
def _choice_labels(model_field: models.Field) -> dict:
    """value: label (lazy, so str() gives the active language's) of a field with choices."""
    return dict(model_field.flatchoices)


def _display(model_field: models.Field, value) -> str | list[str]:
    """A stored value as text a person reads: choice labels, dates, names."""
    if isinstance(model_field, ArrayField):
        return [str(_display(model_field.base_field, item)) for item in value]
    if model_field.choices:
        return str(_choice_labels(model_field).get(value, value))
    if isinstance(value, bool):
        return _yes_no(value)
    if isinstance(model_field, models.DateField) and not isinstance(model_field,
                                                                     models.DateTimeField):
        return long_date(value)
    if hasattr(value, "get_full_name"):
        return value.get_full_name() or str(value)
    return str(value)


def _is_empty(value) -> bool:
    return value is None or value == "" or value == [] or (
        isinstance(value, models.fields.files.FieldFile) and not value)


def _item(spec: FieldSpec, instance: models.Model, language: str, candidate: Candidate,
          file_url: FileUrl | None) -> Item | None:
    model_field = instance._meta.get_field(spec.field)
    label = spec.employer_label(language)
    if model_field.many_to_many:
        values = [str(obj) for obj in related(instance, spec.field)]
        return Item(label, values, "list") if values else None
    value = getattr(instance, spec.field)
    if spec.employer == EmployerVisibility.YES_NO:
        # A yes/no answer and nothing else; an unanswered question is left out.
        return None if value is None else Item(label, _yes_no(bool(value)))
    if _is_empty(value):
        return None
    if isinstance(model_field, models.FileField):
        kind = "image" if isinstance(model_field, models.ImageField) else "file"
        url = file_url(candidate, spec.field) if file_url else ""
        return Item(label, _("Toegevoegd"), kind, url=url)
    if isinstance(model_field, models.URLField):
        return Item(label, value, "url", url=value)
    if isinstance(model_field, ArrayField) and isinstance(model_field.base_field,
                                                          models.URLField):
        return Item(label, list(value), "urls")
    shown = _display(model_field, value)
    return Item(label, shown, "list" if isinstance(shown, list) else "text")


def _as_text(value: str | list[str]) -> str:
    return ", ".join(value) if isinstance(value, list) else value


def _allowed(spec: FieldSpec, candidate: Candidate) -> bool:
    if spec.employer == EmployerVisibility.WHEN_APPROACHABLE:
        return candidate.directly_approachable
    return spec.employer != EmployerVisibility.NEVER


def _field_items(candidate: Candidate, category: str, language: str,
                 file_url: FileUrl | None) -> list[Item]:
    profile = getattr(candidate, "profile", None)
    held = held_parts(candidate)
    items = []
    for model_label, instance in (("candidates.Candidate", candidate),
                                  ("candidates.Profile", profile)):
        if instance is None:
            continue
        for spec in employer_specs(model_label):
            if model_label == "candidates.Profile" and spec.field in held:
                continue  # held for the coach's review (candidates/publication_hold.py)
            if spec.category == category and _allowed(spec, candidate):
                item = _item(spec, instance, language, candidate, file_url)
                if item is not None:
                    items.append(item)
    return items


def _entry_items(candidate: Candidate, model_label: str, relation: str,
                 language: str) -> list[Item]:
    profile = getattr(candidate, "profile", None)
    if profile is None:
        return []
    held = held_parts(candidate)
    specs = [spec for spec in employer_specs(model_label) if _allowed(spec, candidate)
             and entry_part(relation, spec.field) not in held]
    items = []
    for entry in related(profile, relation):
        shown = [(spec, _item(spec, entry, language, candidate, None)) for spec in specs]
        shown = [(spec, item) for spec, item in shown if item is not None]
        if not shown:
            continue
        (_first_spec, first), rest = shown[0], shown[1:]
        items.append(Item(str(first.value), kind="entry",
                          details=[(item.label, _as_text(item.value)) for _spec, item in rest]))
    return items


def _check_viewer(candidate: Candidate, viewer) -> None:
    """The caller fetched the candidate through visible_to(); this only refuses roles that
    never get the employer's view (a team lead, an administrator, another jobseeker)."""
    if viewer.role == Role.JOBSEEKER and candidate.user_id != viewer.pk:
        raise PermissionDenied
    if viewer.role not in (Role.JOBSEEKER, Role.EMPLOYER, Role.ACCOUNT_MANAGER, Role.COACH):
        raise PermissionDenied


def employer_profile_view(candidate: Candidate, viewer, *,
                          file_url: FileUrl | None = None) -> list[Section]:
    """The employer's view of a candidate as sections of (label, value) items.

    Fetch the candidate with EMPLOYER_VIEW_SELECT / EMPLOYER_VIEW_PREFETCH (see
    selectors.candidate_profile_for_viewer) to keep this at a fixed number of queries.
    `file_url(candidate, field_name)` gives the link of the photo and the CV, when the
    caller has a view that serves them.
    """
    _check_viewer(candidate, viewer)
    language = get_language() or "nl"
    sections = []
    for key, relation, title in SECTIONS:
        if relation:
            items = _entry_items(candidate, key, relation, language)
        else:
            items = _field_items(candidate, key, language, file_url)
        if key == Category.CONTACT and not candidate.directly_approachable:
            items.append(Item(_("Contact opnemen"),
                              _("Deze kandidaat wil eerst contact via de werkmatcher. Stuur "
                                "een contactverzoek; de werkmatcher neemt het op met de "
                                "kandidaat.")))
        if items:
            sections.append(Section(key, str(title), items))
    return sections


# The few fields an employer's result list shows per candidate; all must be employer-visible
# in the catalogue (employer_list_rows refuses anything else).
LIST_FIELDS = [("candidates.Profile", "place_of_residence"),
               ("candidates.Profile", "preferred_occupations"),
               ("candidates.Profile", "kind_of_work"),
               ("candidates.Profile", "available_from"),
               ("candidates.Profile", "hours_per_week_max")]
EMPLOYER_LIST_SELECT = ["profile", "profile__place_of_residence"]
# The only columns employer_list_rows() reads, for callers that load nothing else: loading
# the profile's ~50 other columns (long texts, dates) for 25 rows cost more CPU than the
# query itself (search page: 13 -> 9 ms for the rows). A column left out here would cost a
# query per row, which the query-count tests of the list pages catch.
EMPLOYER_LIST_ONLY = ["id", "first_name", "last_name", "profile__id", "profile__candidate_id",
                      *(f"profile__{name}" for label, name in LIST_FIELDS
                        if label == "candidates.Profile"
                        and not Profile._meta.get_field(name).many_to_many)]
_LIST_MANY_TO_MANY = [name for label, name in LIST_FIELDS if label == "candidates.Profile"
                      and Profile._meta.get_field(name).many_to_many]
EMPLOYER_LIST_PREFETCH: list[str | models.Prefetch] = [
    *(f"profile__{name}" for name in _LIST_MANY_TO_MANY), open_reviews_prefetch()]


def employer_list_queryset(queryset):
    """The queryset with only the columns employer_list_rows() reads (and their joins)."""
    return queryset.select_related(*EMPLOYER_LIST_SELECT).only(*EMPLOYER_LIST_ONLY)


def employer_list_fetch(queryset, *, limit: int | None = None) -> list[Candidate]:
    """The candidates of a result list (the first `limit` of the queryset) with only what
    employer_list_rows() reads, in 2 queries whatever the list's length: the related rows
    in one statement of plain SQL (candidates/related_rows.py). For the 25 rows of a search
    page Django's prefetch took about half of the rows' CPU."""
    queryset = employer_list_queryset(queryset)
    return employer_list_complete(list(queryset if limit is None else queryset[:limit]))


def employer_list_complete(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates read with employer_list_queryset(), with their related rows loaded."""
    profiles = {candidate.profile.pk: candidate.profile for candidate in candidates
                if getattr(candidate, "profile", None) is not None}
    load_together([*(many_to_many(profiles, name, only=("id", "label_nl", "label_en"))
                     for name in _LIST_MANY_TO_MANY), open_reviews_rows(candidates)])
    return candidates


def employer_view_load(candidate: Candidate, *, also: Iterable[Rows | None] = ()) -> Candidate:
    """The rows employer_profile_view() reads besides EMPLOYER_VIEW_SELECT, for a candidate
    read with it: its seven kinds of rows in one statement of plain SQL (the relations of
    EMPLOYER_VIEW_PREFETCH, which is also STAFF_VIEW_PREFETCH). `also`: more relations of
    the same page, in the same statement."""
    profile = getattr(candidate, "profile", None)
    profiles = {profile.pk: profile} if profile is not None else {}
    load_together([*(many_to_many(profiles, name) for name in _VIEW_MANY_TO_MANY),
                   *(children(profiles, name) for name in _VIEW_ENTRIES),
                   open_reviews_rows([candidate]), *also])
    return candidate


@dataclass
class CandidateRow:
    pk: int
    name: str
    items: list[Item]


def employer_list_rows(candidates) -> list[CandidateRow]:
    """Rows for a result list; fetch with employer_list_fetch(), or with
    EMPLOYER_LIST_SELECT / EMPLOYER_LIST_PREFETCH when the rows are loaded for more."""
    language = get_language() or "nl"
    specs = []
    for model_label, field_name in LIST_FIELDS:
        spec = next(s for s in employer_specs(model_label) if s.field == field_name)
        specs.append(spec)
    rows = []
    for candidate in candidates:
        profile = getattr(candidate, "profile", None)
        items = []
        if profile is not None:
            held = held_parts(candidate)
            for spec in specs:
                if spec.field in held:
                    continue
                item = _item(spec, profile, language, candidate, None)
                if item is not None:
                    items.append(item)
        rows.append(CandidateRow(candidate.pk, candidate.full_name, items))
    return rows
