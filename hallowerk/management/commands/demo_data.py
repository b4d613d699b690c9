from django.core.management.base import BaseCommand, CommandError

from hallowerk.demo.population import (
    DEFAULT_CANDIDATES,
    DEFAULT_SEED,
    DemoSize,
    demo_population_ensure,
)


class Command(BaseCommand):
    help = ("Create demo data: the demo accounts and a realistic population of candidates, "
            "employers and vacancies (idempotent; a fixed seed). Development only.")

    def add_arguments(self, parser):
        parser.add_argument("--candidates", type=int, default=DEFAULT_CANDIDATES)
        parser.add_argument("--employers", type=int, default=None,
                            help="Default: 5%% of the candidates.")
        parser.add_argument("--vacancies", type=int, default=None,
                            help="Default: 20%% of the candidates.")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED)

    def handle(self, *args, **options):
        size = DemoSize(candidates=options["candidates"], employers=options["employers"],
                        vacancies=options["vacancies"])
        if min(size.candidates, size.employer_count, size.vacancy_count) < 0:
            raise CommandError("Sizes cannot be negative.")
        demo_population_ensure(size=size, seed=options["seed"], log=self.stdout.write)
