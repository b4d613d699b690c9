"""Who is in a vacancy's pool, by where they live: the index the link tables cannot hold.

A vacancy's candidates are those wishing a related occupation or having chosen its sector
(matching/components.py). The link tables (candidates_profile_preferred_occupations,
candidates_profile_sectors) know only the profile, so narrowing them to one municipality
used to mean mapping every profile in the country to its candidate (a 500,000-row index at
national scale). A PoolEntry is one such link with the candidate and the candidate's
municipality next to it, indexed by (what, municipality): one index range is the pool of one
municipality.

Written only by database triggers (migration 0004), in the statement that changes a link, a
candidate's municipality or sharing scope: it is never behind, whoever makes the change (a
service, the admin, a bulk COPY), so the ranking that reads it stays exact. It holds ids
only, and the viewer's scope is still checked per row (matching/sql/candidates.py).
"""

from django.db import models


class PoolKind(models.IntegerChoices):
    OCCUPATION = 1, "occupation"
    SECTOR = 2, "sector"


class PoolEntry(models.Model):
    pk = models.CompositePrimaryKey("kind", "ref_id", "profile_id")
    kind = models.SmallIntegerField(choices=PoolKind.choices)
    ref_id = models.BigIntegerField()  # the occupation or sector
    profile_id = models.BigIntegerField()
    candidate_id = models.BigIntegerField()
    municipality_id = models.BigIntegerField()
    # sharing_scope = "all": an employer anywhere may see them, wherever they live.
    shares_everywhere = models.BooleanField()

    class Meta:
        indexes = [
            # One municipality's pool for an occupation group or a sector: index-only.
            models.Index(fields=["kind", "ref_id", "municipality_id"],
                         include=["profile_id", "candidate_id"], name="pool_entry_place"),
            # Those an employer anywhere may see (the region audience reaches them too).
            models.Index(fields=["kind", "ref_id"],
                         include=["profile_id", "candidate_id", "municipality_id"],
                         condition=models.Q(shares_everywhere=True),
                         name="pool_entry_everywhere"),
            # The triggers move a candidate's entries when they move.
            models.Index(fields=["candidate_id"], name="pool_entry_candidate"),
        ]

    def __str__(self):
        return f"{PoolKind(self.kind).label} {self.ref_id}: profile {self.profile_id}"
