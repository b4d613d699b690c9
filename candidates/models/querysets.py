"""Who may see which candidate (SPEC §4) — the one place these rules are written.

Every view fetches candidates through `Candidate.objects.visible_to(user)`; a detail
lookup goes through the same queryset so a candidate outside it is a 404.
"""

from django.apps import apps
from django.db import models
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q

from hallowerk.models import Municipality, User
from hallowerk.roles import Role


def account_active() -> Q:
    """The candidate has an account and it is active (part of the employer rule below and of
    who matching may advise, matching/ranking.py)."""
    # "The account is active", written as "no deactivated account": deactivated accounts
    # are few and have their own partial index (migration 0002), so counting tens of
    # thousands of visible candidates never has to visit the user table.
    account_deactivated = User.objects.filter(pk=OuterRef("user_id"), is_active=False)
    return Q(user_id__isnull=False) & ~Exists(account_deactivated)


def visible_to_some_employer() -> Q:
    """Shared, not hidden, active, dossier open, account active: the part of the employer
    rule that does not depend on which employer asks. The search document
    (candidates/search_documents.py) exists exactly for these candidates."""
    from .candidate import EMPLOYER_VISIBLE  # candidate.py imports this module

    return EMPLOYER_VISIBLE & account_active()


def shared_with_region(region_of: models.QuerySet) -> Q:
    """Candidates an employer invited by a municipality in `region_of`'s region may see.

    Visible to some employer — and either shared with all participating municipalities or
    living in that labour-market region (SPEC §4).
    """
    region_municipalities = Municipality.objects.filter(
        labour_market_region__in=region_of.values("labour_market_region")).values("pk")
    return (visible_to_some_employer()
            & (Q(sharing_scope="all") | Q(municipality_id__in=region_municipalities)))


def employer_audience(user) -> list[int] | None:
    """The municipalities whose region-scoped candidates this employer user may see (the
    municipalities of its own labour-market region), or None when it may see nobody.

    The same rule as visible_to() for employers, as plain ids, for the search document's
    audience tokens (employers/search_query.py). Candidates shared with all municipalities
    are seen by every employer that sees anyone.
    """
    if (user is None or not user.is_authenticated or not user.is_active
            or user.role != Role.EMPLOYER):
        return None
    employer = apps.get_model("employers", "Employer").objects.filter(
        pk=user.employer_id, is_active=True).values("municipality_id")
    region = Municipality.objects.filter(pk__in=employer).values("labour_market_region")
    ids = list(Municipality.objects.filter(labour_market_region__in=region)
               .values_list("pk", flat=True))
    return ids or None


class CandidateQuerySet(models.QuerySet):
    def visible_to(self, user) -> "CandidateQuerySet":
        if user is None or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == Role.JOBSEEKER:
            return self.filter(user=user)
        if user.role == Role.COACH:
            return self.filter(municipality_id=user.municipality_id)
        if user.role == Role.ACCOUNT_MANAGER:
            # Own municipality: everyone. Elsewhere: exactly what an employer of the
            # account manager's region may see.
            own = Municipality.objects.filter(pk=user.municipality_id)
            return self.filter(Q(municipality_id=user.municipality_id) | shared_with_region(own))
        if user.role == Role.EMPLOYER:
            employer = apps.get_model("employers", "Employer").objects.filter(
                pk=user.employer_id, is_active=True)
            # A deactivated employer organisation sees nobody, whatever the scope.
            return self.filter(
                shared_with_region(Municipality.objects.filter(employers__in=employer)),
                Exists(employer))
        # Team leads see aggregates only; administrators manage accounts, not dossiers.
        return self.none()


class CandidateRelatedQuerySet(models.QuerySet):
    """Data that hangs off a candidate is visible exactly when its candidate is (SPEC §4).

    Declared once per model, the rule is never rewritten as `candidate__in=...` in a view:

        objects = CandidateRelatedQuerySet.as_manager()               # FK named `candidate`
        objects = CandidateRelatedQuerySet.through("thread__candidate").as_manager()

    A test (tests/candidates/test_related_visibility.py) fails for a model with a foreign
    key to Candidate whose manager does not derive from this class.
    """

    candidate_lookup = "candidate"

    @classmethod
    def through(cls, lookup: str) -> type["CandidateRelatedQuerySet"]:
        """The same rule for a model that reaches its candidate through another relation."""
        return type(f"{cls.__name__}Through_{lookup}", (cls,), {"candidate_lookup": lookup})

    def _visible_candidates(self, user) -> models.QuerySet:
        from .candidate import Candidate

        return Candidate.objects.visible_to(user).values("pk")

    def visible_to(self, user) -> "CandidateRelatedQuerySet":
        return self.filter(**{f"{self.candidate_lookup}__in": self._visible_candidates(user)})

    def with_candidate_visible(self, user) -> "CandidateRelatedQuerySet":
        """Every row, annotated `candidate_visible`: for records the viewer keeps a part of
        after the candidate has gone out of sight (an employer's own side of a conversation)."""
        visible = Q(**{f"{self.candidate_lookup}__in": self._visible_candidates(user)})
        return self.annotate(
            candidate_visible=ExpressionWrapper(visible, output_field=BooleanField()))
