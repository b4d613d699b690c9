"""The employer's search reads one narrow row per candidate that employers may see.

Why a table of its own (issue 11): searching the profile table meant ranking every text
match of the country before the visibility rules dropped three quarters of them. Here a row
exists only while the candidate is visible to employers somewhere (the one rule,
candidates/models/querysets.py), and its `document` carries, next to the weighted text, the
facts that decide the audience and the filters as tokens (candidates/search_documents.py).
One GIN index then answers "visible to this employer, these filters, these words" before
anything is ranked. Rows are written only by candidates.search_documents; pages never read
this table except through employers/search_query.py, which re-checks every shown candidate
through Candidate.objects.visible_to().
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from .querysets import CandidateRelatedQuerySet

# How many recency bands the documents are split into (candidates/search_tiers.py): one
# partial GIN index each. Five bands of 25k, 50k, 100k, 200k and the rest.
SEARCH_TIERS = 5


class SearchDocument(models.Model):
    candidate = models.OneToOneField("candidates.Candidate", on_delete=models.CASCADE,
                                     primary_key=True, related_name="+",
                                     verbose_name=_("kandidaat"))
    # Weighted text (A: occupations and titles, B: skills, C: descriptions) plus tokens.
    document = SearchVectorField()
    # Filters checked on the rows the index found, not in the index (copies of the
    # profile's columns). The place is here rather than a token because a radius of 40 km
    # holds some 300 places: an OR of 300 tokens made the index lookup itself cost 430 ms
    # at 500,000 candidates, while checking a number on the found rows costs microseconds.
    place = models.ForeignKey("hallowerk.Place", on_delete=models.SET_NULL, null=True,
                              related_name="+", db_index=False)
    available_from = models.DateField(null=True)
    hours_per_week_min = models.PositiveSmallIntegerField(null=True)
    hours_per_week_max = models.PositiveSmallIntegerField(null=True)
    # The employer's order: most recently active first (copy of the candidate's column).
    last_activity_at = models.DateTimeField()
    # Recency band (candidates/search_tiers.py): 0 holds the most recently active
    # documents, each next band twice as many older ones. Every band has a GIN index of
    # its own, so a search that finds more than a page can hold stops after the newest
    # bands instead of reading every match in the country.
    tier = models.PositiveSmallIntegerField(default=0)

    objects = CandidateRelatedQuerySet.as_manager()

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")
        indexes = [
            *(GinIndex(fields=["document"], name=f"search_document_gin_t{tier}",
                       condition=models.Q(tier=tier)) for tier in range(SEARCH_TIERS)),
            # A band's documents in the employer's order: a search that matches many of them
            # walks this and stops after RESULT_CAP + 1; the rebalance reads its boundaries.
            models.Index(fields=["tier", "-last_activity_at", "-candidate"],
                         name="search_document_band_recent"),
            # A band's documents by place: with a small radius (a few dozen places) the
            # planner reads the band's documents in those places here and checks the words
            # on them, instead of visiting every document of the band that has the words
            # (at 500,000: 'kassa' within 15 km of Amersfoort, 48 -> 17 ms). A large radius
            # keeps the GIN path; the planner chooses per band.
            models.Index(fields=["tier", "place"], name="search_document_band_place"),
        ]

    def __str__(self):
        return f"search document of candidate {self.candidate_id}"


class SearchTierBoundary(models.Model):
    """Where a recency band begins: a document belongs to the lowest band whose
    `active_since` its last_activity_at reaches, else to the band after the last boundary.
    Written only by candidates.search_tiers.search_tiers_rebalance()."""

    tier = models.PositiveSmallIntegerField(primary_key=True)
    active_since = models.DateTimeField()

    class Meta:
        verbose_name = _("grens van een zoekgroep")
        verbose_name_plural = _("grenzen van zoekgroepen")

    def __str__(self):
        return f"search tier {self.tier} from {self.active_since:%Y-%m-%d %H:%M}"


class SearchLexeme(models.Model):
    """Every word (as PostgreSQL's Dutch stemmer stores it) that some search document holds,
    and for at most a day after the last such document went: the vocabulary the search
    expands a prefix with (employers/prefixes.py). A GIN index answers `kassa:*` by reading
    the posting list of every matching word in full before it can intersect anything (at
    500,000 candidates that was more than half the search); the same words listed exactly,
    `kassa | kassamedewerker`, are intersected inside the index.

    Kept by database triggers on candidates_searchdocument (migration 0019), so it holds the
    words of every document whoever writes it; words only, never which document or person
    they came from. candidates.search_vocabulary.search_lexemes_prune() removes, nightly,
    the words no document holds any more."""

    # "C" collation: byte order, so a prefix is one range of the primary key's index.
    lexeme = models.TextField(primary_key=True, db_collation="C")

    class Meta:
        verbose_name = _("zoekwoord")
        verbose_name_plural = _("zoekwoorden")

    def __str__(self):
        return self.lexeme
