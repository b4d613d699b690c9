"""The coach's review list of likely sensitive data a jobseeker kept after a warning.

The detector (privacy.sensitive) warns. When the jobseeker confirms, the part is held out of
employers' sight (candidates/publication_hold.py) until a person — a coach of the
municipality — has looked at it and talked with them if needed (SPEC §9: special categories
of data in free text and uploads). The list keeps the field and the kinds of data, not the
passage; the coach's notification mail holds neither.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hallowerk.mail import notice_send
from hallowerk.models import User
from hallowerk.roles import Role
from hallowerk.site import absolute_url
from privacy.audit import audit_changed, audit_record
from privacy.models import AuditAction

from .models import Candidate, SensitiveReview
from .models.querysets import may_act_on
from .search_documents import candidate_search_documents_refresh


def sensitive_reviews_open_count(viewer: User) -> int:
    """For the coach's navigation."""
    return sensitive_reviews_open(viewer=viewer).count()


def _coaches_to_notify(candidate: Candidate) -> list[User]:
    """The responsible coach; without one, every active coach of the municipality (the list
    is the municipality's)."""
    coach = candidate.responsible_coach
    if coach is not None and coach.is_active:
        return [coach]
    return list(User.objects.filter(role=Role.COACH, is_active=True,
                                    municipality_id=candidate.municipality_id))


def notify_new_review(coaches: list[User]) -> None:
    """Only that there is something to look at, and where: no name, no kind of data."""
    url = absolute_url(reverse("candidates:sensitive_reviews"))
    with translation.override("nl"):
        subject = _("Nieuwe melding over gevoelige gegevens op HalloWerk")
        body = _("Er staat een nieuwe melding voor u klaar in de lijst 'Gevoelige gegevens'. "
                 "Log in om hem te bekijken:\n%(url)s") % {"url": url}
    for coach in coaches:
        if coach.email:
            notice_send(subject, body, [coach.email])


def sensitive_reviews_open(*, viewer: User) -> QuerySet[SensitiveReview]:
    """Open reviews of the coach's own municipality, oldest first."""
    if viewer.role != Role.COACH:
        return SensitiveReview.objects.none()
    return (SensitiveReview.objects.filter(resolved_at__isnull=True,
                                           candidate__municipality_id=viewer.municipality_id)
            .select_related("candidate", "candidate__profile", "candidate__responsible_coach")
            .order_by("created_at", "id"))


def sensitive_review_for_coach(viewer: User, pk) -> SensitiveReview:
    """One open review of the coach's municipality, or 404."""
    return get_object_or_404(sensitive_reviews_open(viewer=viewer), pk=pk)


@transaction.atomic
def sensitive_review_create(*, by: User, candidate: Candidate, field: str,
                            categories: Iterable[str], request=None,
                            operation: str = "sensitive_warning_confirmed") -> SensitiveReview:
    """The jobseeker confirmed a warning for `field` (or uploaded a file the check could not
    read, `operation="unchecked_file_held"`): one open review per field, with the
    categories of every confirmation since the coach last looked."""
    if by.role != Role.JOBSEEKER or candidate.user_id != by.pk:
        raise PermissionDenied("Only the jobseeker confirms a warning about their own data.")
    categories = sorted(set(categories))
    if not categories:
        raise ValidationError(_("Er is niets om te laten controleren."))
    review = (SensitiveReview.objects.select_for_update()
              .filter(candidate=candidate, field=field, resolved_at__isnull=True).first())
    if review is None:
        review = SensitiveReview.objects.create(candidate=candidate, field=field,
                                                categories=categories)
        coaches = _coaches_to_notify(candidate)
        transaction.on_commit(lambda: notify_new_review(coaches))
    else:
        review.categories = sorted(set(review.categories) | set(categories))
        review.save(update_fields=["categories"])
    # Which part and which kinds of data, never the passage itself.
    audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request, target=review,
                 data={"fields": ["categories"], "operation": operation,
                       "part": field, "categories": review.categories})
    candidate_search_documents_refresh([candidate.pk])  # held parts leave the search
    return review


# What the jobseeker confirmed with a change: (review field, categories) per warning.
ConfirmedWarnings = Iterable[tuple[str, Iterable[str]]]


def sensitive_reviews_record(*, by: User, candidate: Candidate, confirmed: ConfirmedWarnings,
                             request=None) -> None:
    """A review per confirmed warning; the profile services call it inside their own
    transaction, so a refused change leaves no review behind."""
    from .publication_hold import UNCHECKED_FILE

    for field, categories in confirmed:
        categories = set(categories)
        # A file the check could not read is held without a warning the jobseeker confirmed.
        operation = ("unchecked_file_held" if categories == {UNCHECKED_FILE}
                     else "sensitive_warning_confirmed")
        sensitive_review_create(by=by, candidate=candidate, field=field, categories=categories,
                                request=request, operation=operation)


@transaction.atomic
def sensitive_review_resolve(*, by: User, review: SensitiveReview,
                             request=None) -> SensitiveReview:
    """The coach has looked at it (and talked with the jobseeker where needed): the part is
    no longer held, employers may see it."""
    if not may_act_on(by, review.candidate):
        raise PermissionDenied("Only a coach of the candidate's municipality resolves this.")
    if review.resolved_at is not None:
        raise ValidationError(_("Deze melding is al afgehandeld."))
    review.resolved_by = by
    review.resolved_at = timezone.now()
    review.save(update_fields=["resolved_by", "resolved_at"])
    audit_changed(actor=by, target=review, fields=["resolved_by", "resolved_at"],
                  request=request)
    candidate_search_documents_refresh([review.candidate_id])
    return review
