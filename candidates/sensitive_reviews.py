"""The coach's review list of likely sensitive data a jobseeker published after a warning.

The detector (privacy.sensitive) only warns. When the jobseeker confirms, a person — their
coach — takes a look and talks with them if needed (SPEC §9: special categories of data in
free text and uploads). The list keeps the field and the kinds of data, not the passage.
"""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from hallowerk.models import User
from hallowerk.roles import Role
from privacy.audit import audit_changed, audit_record
from privacy.models import AuditAction

from .models import Candidate, SensitiveReview


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
                            categories: Iterable[str], request=None) -> SensitiveReview:
    """The jobseeker confirmed a warning for `field`: one open review per field, with the
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
    else:
        review.categories = sorted(set(review.categories) | set(categories))
        review.save(update_fields=["categories"])
    # Which part and which kinds of data, never the passage itself.
    audit_record(action=AuditAction.RECORD_CHANGED, actor=by, request=request, target=review,
                 data={"fields": ["categories"], "operation": "sensitive_warning_confirmed",
                       "part": field, "categories": review.categories})
    return review


@transaction.atomic
def sensitive_review_resolve(*, by: User, review: SensitiveReview,
                             request=None) -> SensitiveReview:
    """The coach has looked at it (and talked with the jobseeker where needed)."""
    if by.role != Role.COACH or by.municipality_id != review.candidate.municipality_id:
        raise PermissionDenied("Only a coach of the candidate's municipality resolves this.")
    if review.resolved_at is not None:
        raise ValidationError(_("Deze melding is al afgehandeld."))
    review.resolved_by = by
    review.resolved_at = timezone.now()
    review.save(update_fields=["resolved_by", "resolved_at"])
    audit_changed(actor=by, target=review, fields=["resolved_by", "resolved_at"],
                  request=request)
    return review
