"""Compute the missing kept ranking lists of one municipality (matching/backfill.py).

    manage.py matching_backfill rotterdam                 # here, batch after batch
    manage.py matching_backfill rotterdam --queue         # as Celery tasks, in the background
    manage.py matching_backfill 2 --only vacancies --audience municipality --max-seconds 600

Safe to stop and run again: lists that exist are skipped.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from hallowerk.models import Municipality
from matching.backfill import BATCH, CANDIDATES, VACANCIES, lists_backfill
from matching.models import Audience
from matching.tasks import rankings_backfill_record


class Command(BaseCommand):
    help = "Compute the missing kept ranking lists of one municipality."

    def add_arguments(self, parser):
        parser.add_argument("municipality", help="id or slug")
        parser.add_argument("--only", choices=[VACANCIES, CANDIDATES])
        parser.add_argument("--audience", choices=Audience.values, action="append",
                            help="candidate lists for this audience only (repeatable)")
        parser.add_argument("--batch", type=int, default=BATCH)
        parser.add_argument("--max-seconds", type=float,
                            help="stop after the batch that passes this; run again to go on")
        parser.add_argument("--queue", action="store_true", help="enqueue as Celery tasks")

    def handle(self, *args, **options):
        place = options["municipality"]
        found = Municipality.objects.filter(
            Q(slug=place) | Q(pk=int(place)) if place.isdigit() else Q(slug=place)).first()
        if found is None:
            raise CommandError(f"No municipality {place!r}.")
        kinds = [options["only"]] if options["only"] else [VACANCIES, CANDIDATES]
        audiences = options["audience"] or Audience.values
        if options["queue"]:
            rankings_backfill_record(found.pk, kinds, 0, audiences)
            self.stdout.write(f"Queued the backfill of {found.name}.")
            return
        started = time.monotonic()
        for kind in kinds:
            after, computed, skipped = 0, 0, 0
            while True:
                batch = lists_backfill(municipality_id=found.pk, kind=kind, after=after,
                                       batch=options["batch"], audiences=audiences)
                if batch.last_id is None:  # batch.done, spelled so the type narrows
                    break
                after, computed, skipped = (batch.last_id, computed + batch.computed,
                                            skipped + batch.skipped)
                elapsed = time.monotonic() - started
                self.stdout.write(f"{found.name} {kind}: {computed} lists ranked, {skipped} "
                                  f"kept already, up to id {after} ({elapsed:.0f} s)")
                if options["max_seconds"] and elapsed > options["max_seconds"]:
                    self.stdout.write(f"Stopped after {elapsed:.0f} s; run again to go on.")
                    return
            self.stdout.write(f"{found.name} {kind}: done, {computed} lists ranked, "
                              f"{skipped} kept already ({time.monotonic() - started:.0f} s).")
