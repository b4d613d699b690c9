"""Ranked lists kept ready, so a suggestion page reads 40 ids instead of ranking the country.

Each row holds ids and integer scores only — no name, no profile field, nothing about a
person beyond "this id ranks here" — so it is not personal data in the sense of the field
catalogue (privacy/catalogue.py): a destroyed candidate's id left in an array points at
nothing and is dropped at the next refresh. What a page shows is always re-read through the
viewer's scope (Candidate/Vacancy.objects.visible_to) at read time: a row can only narrow
what the viewer sees, never widen it (matching/cache.py).

A list is *exact* as of its computation and is kept exact by matching/refresh.py, which
applies every recorded change (MatchingChange) to the lists it can affect.
"""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils import timezone

from candidates.models.querysets import CandidateRelatedQuerySet


class Audience(models.TextChoices):
    # Matchable candidates of the vacancy's municipality, shared or not (its account
    # managers' own people; also what the monitoring report counts).
    MUNICIPALITY = "municipality", "municipality"
    # Matchable candidates an employer invited by the vacancy's municipality may see
    # (candidates.models.querysets.shared_with_region).
    REGION = "region", "region"


class CandidateRanking(models.Model):
    """The best candidates for one published vacancy within one audience, best first."""

    vacancy = models.ForeignKey("employers.Vacancy", on_delete=models.CASCADE, related_name="+")
    audience = models.CharField(max_length=12, choices=Audience.choices)
    candidate_ids = ArrayField(models.BigIntegerField())
    nums = ArrayField(models.IntegerField())  # the score's numerator; one denominator a list
    # True when the list holds *every* candidate of the audience the vacancy suits (fewer
    # than the depth), so nothing beyond its end can exist.
    complete = models.BooleanField()
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["vacancy", "audience"],
                                               name="candidate_ranking_unique")]
        indexes = [GinIndex(fields=["candidate_ids"], name="candidate_ranking_members")]

    def __str__(self):
        return f"vacancy {self.vacancy_id} ({self.audience})"


class VacancyRanking(models.Model):
    """The best published vacancies of the candidate's municipality for one candidate."""

    candidate = models.OneToOneField("candidates.Candidate", on_delete=models.CASCADE,
                                     primary_key=True, related_name="+")
    vacancy_ids = ArrayField(models.BigIntegerField())
    nums = ArrayField(models.IntegerField())
    dens = ArrayField(models.IntegerField())
    complete = models.BooleanField()
    computed_at = models.DateTimeField(default=timezone.now)

    objects = CandidateRelatedQuerySet.as_manager()

    class Meta:
        indexes = [GinIndex(fields=["vacancy_ids"], name="vacancy_ranking_members")]

    def __str__(self):
        return f"candidate {self.candidate_id}"


class MatchingChange(models.Model):
    """Something a ranking reads has changed: written in the same transaction as the change
    (record first, then queue); matching.tasks.ranking_changes_apply works them off."""

    candidate_id = models.BigIntegerField(null=True)
    vacancy_id = models.BigIntegerField(null=True)
    recorded_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        constraints = [models.CheckConstraint(
            name="matching_change_names_one_thing",
            condition=models.Q(candidate_id__isnull=False) | models.Q(vacancy_id__isnull=False))]

    def __str__(self):
        return f"change {self.pk}: candidate {self.candidate_id}, vacancy {self.vacancy_id}"
