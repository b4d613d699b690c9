"""The jobseeker erases what they entered themselves, or asks to leave the platform.

What goes is read from the field catalogue (privacy/catalogue.py): every field the jobseeker
fills in (`filled_by == JOBSEEKER`) on the dossier, the profile and its repeatable entries —
so a field added later is erased without touching this module. Conversations are records
shared with another person: they stay, with the jobseeker's own words replaced by
ERASED_TEXT (SPEC §5: the jobseeker can erase all data they entered), and follow their own
retention period (`RetentionClass.MESSAGES`). The municipality's part of the dossier follows
the dossier's retention period (SPEC §5).
"""

from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from candidates.models import Candidate, Message, Profile, SensitiveReview, VacancyResponse
from candidates.models.completeness_rule import completeness_score
from candidates.models.querysets import may_act_on
from candidates.search_documents import candidate_search_documents_refresh
from candidates.search_vocabulary import document_words, search_lexemes_forget
from candidates.services_messaging import message_send, thread_open
from candidates.uploads import pending_dir
from hallowerk.models import User
from hallowerk.roles import Role
from matching.services import suggestion_feedback_erase

from .audit import audit_record
from .catalogue import FieldSpec, FilledBy, RetentionClass, specs_for
from .models import AuditAction

CANDIDATE = "candidates.Candidate"
PROFILE = "candidates.Profile"
# What the other side of a conversation reads instead of the jobseeker's words. Stored in
# Dutch, the working language of employers and coaches.
ERASED_TEXT = "verwijderd door de werkzoekende"


def _own_words_erase(candidate: Candidate) -> Counter:
    """The jobseeker's text in messages and vacancy responses; the records stay (the other
    side keeps its own part of the conversation)."""
    counts: Counter = Counter()
    if candidate.user_id:
        counts["messages"] = (Message.objects.filter(thread__candidate=candidate,
                                                     sender_id=candidate.user_id)
                              .exclude(body=ERASED_TEXT).update(body=ERASED_TEXT))
    counts["vacancy_responses"] = (VacancyResponse.objects.filter(candidate=candidate)
                                   .exclude(message__in=("", ERASED_TEXT))
                                   .update(message=ERASED_TEXT))
    return counts


def _entered_by_jobseeker(spec: FieldSpec) -> bool:
    return spec.filled_by == FilledBy.JOBSEEKER and spec.retention != RetentionClass.MESSAGES


def _entered_fields(model_label: str) -> list[str]:
    return [spec.field for spec in specs_for(model_label) if _entered_by_jobseeker(spec)]


def entry_models() -> list[tuple[str, type[models.Model]]]:
    """(relation on Profile, model) of every kind of repeatable entry."""
    return [(rel.get_accessor_name(), rel.related_model)
            for rel in Profile._meta.related_objects if rel.one_to_many]


def _entirely_entered(model: type[models.Model]) -> bool:
    specs = specs_for(model._meta.label)
    return bool(specs) and all(_entered_by_jobseeker(spec) for spec in specs)


def _may_erase(by: User, candidate: Candidate) -> bool:
    if by.role == Role.JOBSEEKER:
        return candidate.user_id == by.pk
    # Staff erase on the jobseeker's request (by phone, at the desk).
    return may_act_on(by, candidate)


def _has_value(instance: models.Model, model_field: models.Field) -> bool:
    if model_field.many_to_many:
        return getattr(instance, model_field.name).exists()
    value = getattr(instance, model_field.attname)
    if value is None or value == "" or value == []:
        return False
    # A nullable yes/no ("cannot lift") is an answer; a plain flag at its default is not.
    return model_field.null or value != model_field.get_default()


def _reset(instance: models.Model, names: list[str], files: list) -> list[str]:
    """Put the named fields back to their defaults; returns the ones that held something."""
    had_value, to_save = [], []
    for name in names:
        model_field = instance._meta.get_field(name)
        if _has_value(instance, model_field):
            had_value.append(name)
        if model_field.many_to_many:
            getattr(instance, name).clear()
            continue
        if isinstance(model_field, models.FileField):
            stored = getattr(instance, name)
            if stored:
                files.append((stored.storage, stored.name))
            setattr(instance, name, None)
        else:
            setattr(instance, model_field.attname, model_field.get_default())
        to_save.append(name)
    if to_save:
        instance.save(update_fields=to_save)
    return had_value


def _pending_uploads(candidate: Candidate, files: list) -> int:
    from candidates.models.storage import private_storage

    storage = private_storage()
    folder = pending_dir(candidate.pk)
    if not storage.exists(folder):
        return 0
    _dirs, names = storage.listdir(folder)
    files.extend((storage, f"{folder}/{name}") for name in names)
    return len(names)


@transaction.atomic
def candidate_entered_data_erase(*, by: User, candidate: Candidate, request=None) -> dict:
    """Erase everything the jobseeker entered; keep the municipality's dossier.

    Returns counts of what was erased. The audit event holds field names and counts, never
    the erased content.
    """
    if not _may_erase(by, candidate):
        raise PermissionDenied("Only the jobseeker themself, or their coach, erases this.")
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    # The search's vocabulary holds words, not people; still, what only they typed leaves
    # with their document now rather than at night (candidates/search_vocabulary.py).
    words = document_words([candidate.pk])
    files: list = []
    counts: Counter = Counter()
    erased = [f"candidate.{name}" for name in _reset(candidate, _entered_fields(CANDIDATE),
                                                       files)]
    profile = Profile.objects.filter(candidate=candidate).first()
    if profile is not None:
        profile_fields = _reset(profile, _entered_fields(PROFILE), files)
        counts["profile_fields"] = len(profile_fields)
        erased += profile_fields
        for relation, model in entry_models():
            rows = model.objects.filter(profile=profile)
            if _entirely_entered(model):
                counts[relation] = rows.count()
                rows.delete()
            else:
                counts[relation] = sum(
                    bool(_reset(row, _entered_fields(model._meta.label), files)) for row in rows)
        # Derived from what was entered: nothing may be left to search on, and the coach's
        # stored score follows what is left (the same rule as every profile change).
        Profile.objects.filter(pk=profile.pk).update(completeness=completeness_score(),
                                                     updated_at=timezone.now())
        candidate_search_documents_refresh([candidate.pk])
    search_lexemes_forget(words)
    # The coach's review list spoke about data that no longer exists.
    counts["sensitive_reviews"], _by_model = SensitiveReview.objects.filter(
        candidate=candidate).delete()
    # Their answers to matching suggestions are entered data too.
    counts["suggestion_feedback"] = suggestion_feedback_erase(candidate=candidate)
    counts.update(_own_words_erase(candidate))
    counts["pending_uploads"] = _pending_uploads(candidate, files)
    counts["files"] = len(files)
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in files])
    result = dict(counts)
    audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request, target=candidate,
                 data={"operation": "entered_data_erased", "fields": sorted(erased),
                       "counts": result})
    return result


# --- what the confirmation page tells the jobseeker ---------------------------------------

@dataclass(frozen=True)
class ErasureOverview:
    erased: list[str]
    kept: list[str]
    # (what stays, why) beyond the municipality's dossier fields in `kept`.
    kept_with_reasons: list[tuple[str, str]]


def _kept_with_reasons() -> list[tuple[str, str]]:
    return [
        (_("Berichten die werkgevers en uw werkmatcher u stuurden"),
         _("Die zijn van hen. Ze worden gewist als de bewaartermijn voor berichten om is.")),
        (_("Dat u een bericht stuurde of op een vacature reageerde"),
         _("De ander houdt zijn eigen deel van het gesprek. Waar uw tekst stond, staat dan "
           "'%(text)s'.") % {"text": ERASED_TEXT}),
        (_("Het logboek: wie wat bekeek of veranderde"),
         _("Om misbruik te kunnen ontdekken; 2 jaar. Er staat niet in wát u had ingevuld.")),
        (_("Uw account (uw e-mailadres en wachtwoord)"),
         _("Zodat u kunt blijven inloggen en opnieuw beginnen.")),
    ]


def erasure_overview(language: str) -> ErasureOverview:
    """Labels of what goes and what stays, in the jobseeker's language, from the catalogue."""
    erased = [spec.label(language) for label in (PROFILE, CANDIDATE)
              for spec in specs_for(label) if _entered_by_jobseeker(spec)]
    with translation.override(language):
        erased += [str(model._meta.verbose_name_plural).capitalize()
                   for _relation, model in entry_models()]
        erased += [_("De tekst van uw berichten en van uw reacties op vacatures")]
        reasons = _kept_with_reasons()
    kept = [spec.label(language) for spec in specs_for(CANDIDATE)
            if spec.filled_by == FilledBy.COACH]
    return ErasureOverview(erased, kept, reasons)


# --- leaving the platform -------------------------------------------------------------------

def _coach_for(candidate: Candidate) -> User | None:
    coach = candidate.responsible_coach
    if coach is not None and coach.is_active:
        return coach
    return (User.objects.filter(role=Role.COACH, municipality_id=candidate.municipality_id,
                                is_active=True).order_by("pk").first())


def leave_request_text(note: str = "") -> str:
    """The message the coach receives, always in Dutch (the coach's working language)."""
    with translation.override("nl"):
        text = _("Ik wil stoppen met HalloWerk. Mijn profiel is niet meer zichtbaar voor "
                 "werkgevers. Wilt u mijn dossier afsluiten?")
    note = (note or "").strip()
    return f"{text}\n\n{note}" if note else text


@transaction.atomic
def candidate_leave_request(*, by: User, candidate: Candidate, note: str = "",
                            request=None) -> Candidate:
    """Stop sharing at once and ask the coach to close the dossier (a message in the
    jobseeker's thread with their coach). Asking twice changes nothing."""
    if by.role != Role.JOBSEEKER or candidate.user_id != by.pk:
        raise PermissionDenied("Only the jobseeker asks to leave.")
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.leave_requested_at is not None:
        return candidate
    candidate.leave_requested_at = timezone.now()
    candidate.shared_with_employers = False
    candidate.save(update_fields=["leave_requested_at", "shared_with_employers", "updated_at"])
    candidate_search_documents_refresh([candidate.pk])
    audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request, target=candidate,
                 data={"operation": "leave_requested",
                       "fields": ["leave_requested_at", "shared_with_employers"]})
    coach = _coach_for(candidate)
    if coach is not None:
        thread = thread_open(by=coach, candidate=candidate)
        message_send(by=by, thread=thread, body=leave_request_text(note), request=request)
    return candidate
