"""Every change a jobseeker makes to their own profile goes through here.

Each service checks that the acting user is the jobseeker the profile belongs to, validates
the whole change before saving anything (a ValidationError with Dutch messages per field,
and nothing saved), writes one audit event with the names of the changed fields — never the
values — and keeps the employer's search document and the coach's stored completeness score current.
"""

from functools import cache
from typing import Any

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import connection, transaction
from django.utils import timezone

from hallowerk.edit_base import edit_merge_locked
from hallowerk.models import Occupation, User
from hallowerk.roles import Role
from matching.refresh import ranking_change_record
from privacy.audit import audit_changed, audit_record
from privacy.models import AuditAction

from .file_storage import upload_stage
from .models import Candidate, Course, Education, LanguageSkill, Profile, WorkExperience
from .models.completeness_rule import completeness_score
from .publication_checks import text_bsn_refuse
from .search_documents import candidate_search_documents_refresh
from .sensitive_reviews import ConfirmedWarnings, sensitive_reviews_record
from .uploads import CheckedFile

# The repeatable entries and the relation on Profile that holds them.
ProfileEntry = WorkExperience | Education | Course | LanguageSkill
ENTRY_MODELS: dict[type[ProfileEntry], str] = {
    WorkExperience: "work_experiences",
    Education: "educations",
    Course: "courses",
    LanguageSkill: "language_skills",
}


def _require_owner(by: User, candidate: Candidate) -> None:
    if by.role != Role.JOBSEEKER or candidate.user_id != by.pk:
        raise PermissionDenied("Only the jobseeker changes their own profile.")


def profile_completeness_store(profile: Profile) -> int:
    """Store the coach's completeness score of the profile, computed by the database with
    THE rule (candidates/models/completeness_rule.py), so the stored value cannot drift
    from it. Returns the score. Callers that already run an UPDATE on the profile set
    `completeness=completeness_score()` in it instead."""
    sql, params = _completeness_store_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, profile.pk, profile.pk])
        profile.completeness = cursor.fetchone()[0]
    return profile.completeness


@cache
def _completeness_store_sql() -> tuple[str, tuple]:
    """profile_completeness_store()'s UPDATE, compiled from the rule once per process:
    compiling its fifteen conditions cost about 5 ms of CPU on every save, for a statement in
    which only the profile changes. Parameters: the rule's own, then the profile id twice."""
    score = (Profile.objects.filter(pk=0).annotate(score=completeness_score())
             .values("score"))
    select, params = score.query.sql_with_params()
    if params[-1] != 0:
        raise ImproperlyConfigured("The profile id must be the rule's last parameter.")
    return (f"UPDATE {Profile._meta.db_table} SET completeness = ({select}) "  # noqa: S608
            "WHERE id = %s RETURNING completeness", tuple(params[:-1]))


def _after_change(*, by: User, profile: Profile, fields: list[str], request=None,
                  operation: str = "") -> None:
    """Audit, search document, completeness and 'recently active' for every kind of
    change."""
    if not fields:
        return
    profile_completeness_store(profile)
    ranking_change_record(candidate_id=profile.candidate_id)  # the profile is what matching reads
    if operation:
        audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request,
                     target=profile, data={"fields": sorted(fields), "operation": operation})
    else:
        audit_changed(actor=by, target=profile, fields=fields, request=request)
    # Employers see recently active jobseekers first (candidates/selectors.py).
    Candidate.objects.filter(pk=profile.candidate_id).update(last_activity_at=timezone.now())
    # The search document carries the text, the filters and that moment (searched or not).
    candidate_search_documents_refresh([profile.candidate_id])


def profile_get_or_create(*, candidate: Candidate) -> Profile:
    """The intake creates the profile; older dossiers get an empty one on first visit."""
    profile, _created = Profile.objects.get_or_create(candidate=candidate)
    return profile


@transaction.atomic
def profile_update(*, by: User, profile: Profile, changes: dict[str, Any],
                   request=None, edit_base: str | None = None,
                   confirmed: ConfirmedWarnings = ()) -> list[str]:
    """Set profile fields (many-to-many fields take an iterable of objects).

    Returns the names of the fields that really changed. `edit_base` is the form's base
    (hallowerk/edit_base.py): a change made meanwhile elsewhere is kept or refused, never
    overwritten. `confirmed`: the sensitive-data warnings the jobseeker confirmed for this
    change, each going to the coach's review list with it (or not at all).
    """
    _require_owner(by, profile.candidate)
    sensitive_reviews_record(by=by, candidate=profile.candidate, confirmed=confirmed,
                             request=request)
    text_bsn_refuse(changes)
    changes = edit_merge_locked(token=edit_base, instance=profile, changes=changes)
    changed, many_to_many = [], {}
    for name, value in changes.items():
        model_field = Profile._meta.get_field(name)
        if model_field.many_to_many:
            wanted = {obj.pk for obj in value}
            if wanted != set(getattr(profile, name).values_list("pk", flat=True)):
                many_to_many[name] = wanted
        elif getattr(profile, name) != value:
            setattr(profile, name, value)
            changed.append(name)
    if not changed and not many_to_many:
        return []
    untouched = [f.name for f in Profile._meta.concrete_fields if f.name not in changed]
    profile.full_clean(exclude=untouched, validate_unique=False)
    if changed:
        profile.save(update_fields=[*changed, "updated_at"])
    for name, pks in many_to_many.items():
        getattr(profile, name).set(pks)
    fields = [*changed, *many_to_many]
    _after_change(by=by, profile=profile, fields=fields, request=request)
    return fields


@transaction.atomic
def profile_occupation_add(*, by: User, profile: Profile, occupation: Occupation,
                           request=None) -> bool:
    _require_owner(by, profile.candidate)
    if profile.preferred_occupations.filter(pk=occupation.pk).exists():
        return False
    profile.preferred_occupations.add(occupation)
    _after_change(by=by, profile=profile, fields=["preferred_occupations"], request=request)
    return True


@transaction.atomic
def profile_occupation_remove(*, by: User, profile: Profile, occupation: Occupation,
                              request=None) -> bool:
    _require_owner(by, profile.candidate)
    if not profile.preferred_occupations.filter(pk=occupation.pk).exists():
        return False
    profile.preferred_occupations.remove(occupation)
    _after_change(by=by, profile=profile, fields=["preferred_occupations"], request=request)
    return True


# --- repeatable entries --------------------------------------------------------------------

def _entry_fields(entry: ProfileEntry, names) -> list[str]:
    return [f"{ENTRY_MODELS[type(entry)]}.{name}" for name in names]


@transaction.atomic
def profile_entry_create(*, by: User, profile: Profile, model: type[ProfileEntry],
                         values: dict[str, Any], request=None,
                         confirmed: ConfirmedWarnings = ()) -> ProfileEntry:
    """`confirmed`: as for profile_update."""
    _require_owner(by, profile.candidate)
    sensitive_reviews_record(by=by, candidate=profile.candidate, confirmed=confirmed,
                             request=request)
    text_bsn_refuse(values)
    entry = model(profile=profile, **values)
    entry.full_clean()
    entry.save()
    _after_change(by=by, profile=profile, fields=_entry_fields(entry, values),
                  request=request, operation="entry_added")
    return entry


@transaction.atomic
def profile_entry_update(*, by: User, entry: ProfileEntry, values: dict[str, Any],
                         request=None, edit_base: str | None = None,
                         confirmed: ConfirmedWarnings = ()) -> list[str]:
    """`confirmed`: as for profile_update."""
    profile = entry.profile
    _require_owner(by, profile.candidate)
    sensitive_reviews_record(by=by, candidate=profile.candidate, confirmed=confirmed,
                             request=request)
    text_bsn_refuse(values)
    values = edit_merge_locked(token=edit_base, instance=entry, changes=values)
    changed = [name for name, value in values.items() if getattr(entry, name) != value]
    for name in changed:
        setattr(entry, name, values[name])
    if not changed:
        return []
    entry.full_clean()
    entry.save(update_fields=changed)
    _after_change(by=by, profile=profile, fields=_entry_fields(entry, changed),
                  request=request)
    return changed


@transaction.atomic
def profile_entry_delete(*, by: User, entry: ProfileEntry, request=None) -> None:
    profile = entry.profile
    _require_owner(by, profile.candidate)
    relation = ENTRY_MODELS[type(entry)]
    entry.delete()
    _after_change(by=by, profile=profile, fields=[relation], request=request,
                  operation="entry_deleted")


# --- photo and CV -------------------------------------------------------------------------

def _replace_file(*, by: User, profile: Profile, field: str, checked: CheckedFile | None,
                  request=None, confirmed: ConfirmedWarnings = ()) -> None:
    _require_owner(by, profile.candidate)
    sensitive_reviews_record(by=by, candidate=profile.candidate, confirmed=confirmed,
                             request=request)
    file_field = getattr(profile, field)
    old_name = file_field.name if file_field else ""
    if checked is None and not old_name:
        return
    if checked is None:
        setattr(profile, field, None)
        profile.save(update_fields=[field, "updated_at"])
    else:
        # A random name in private storage; the file gets it after the commit.
        upload_stage(instance=profile, field=field, content=checked.content)
        profile.save(update_fields=[field, "updated_at"])
    if old_name:
        storage = file_field.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    _after_change(by=by, profile=profile, fields=[field], request=request,
                  operation="" if checked else "file_removed")


@transaction.atomic
def profile_photo_replace(*, by: User, profile: Profile, checked: CheckedFile | None,
                          request=None, confirmed: ConfirmedWarnings = ()) -> None:
    """A checked photo (candidates.uploads.photo_check), or None to remove it. `confirmed`:
    as for profile_cv_replace (a photo the OCR check could not read is held)."""
    _replace_file(by=by, profile=profile, field="photo", checked=checked, request=request,
                  confirmed=confirmed)


@transaction.atomic
def profile_cv_replace(*, by: User, profile: Profile, checked: CheckedFile | None,
                       request=None, confirmed: ConfirmedWarnings = ()) -> None:
    """A checked CV (candidates.uploads.cv_check), or None to remove it. `confirmed`: the
    sensitive-data warning the jobseeker confirmed for this CV (the coach reviews it)."""
    _replace_file(by=by, profile=profile, field="cv", checked=checked, request=request,
                  confirmed=confirmed)
