"""What every demo generator shares: the seed, the geography, reference data, name pools.

Each generated row draws from its own random stream, `ctx.rng(kind, index)`, so row 4711
is the same person whatever else exists — that is what makes re-runs idempotent and a
bigger run a strict extension of a smaller one.
"""

import random
from dataclasses import dataclass, field

from django.utils.text import slugify
from faker import Faker

from hallowerk.models import Occupation, Sector

from .geography import DemoMunicipality, demo_municipalities_ensure
from .vocabulary import COMMON_OCCUPATIONS, EXTRA_FIRST_NAMES, EXTRA_LAST_NAMES

# Generated accounts cannot log in: only the demo accounts of accounts.py have a password.
UNUSABLE_PASSWORD = "!demo-account-without-login"
POOL_SIZE = 1500


@dataclass
class DemoContext:
    seed: int
    municipalities: list[DemoMunicipality]
    occupations: dict[str, Occupation]  # ISCO code → occupation (the common ones present)
    sectors: dict[str, Sector]
    first_names_female: list[str]
    first_names_male: list[str]
    last_names: list[str]
    companies: list[str]
    streets: list[str]
    coaches: dict[int, list[int]] = field(default_factory=dict)  # municipality id → user ids
    account_managers: dict[int, list[int]] = field(default_factory=dict)

    def rng(self, kind: str, index: int) -> random.Random:
        return random.Random(f"{self.seed}:{kind}:{index}")

    def pick_municipality(self, rng: random.Random) -> DemoMunicipality:
        return rng.choices(self.municipalities, weights=[m.weight for m in self.municipalities])[0]

    def pick_occupation_code(self, rng: random.Random) -> str:
        codes = [code for code in COMMON_OCCUPATIONS if code in self.occupations]
        return rng.choices(codes, weights=[COMMON_OCCUPATIONS[c][2] for c in codes])[0]

    def person_name(self, rng: random.Random) -> tuple[str, str, bool]:
        female = rng.random() < 0.55
        if rng.random() < 0.25:
            first, last = rng.choice(EXTRA_FIRST_NAMES), rng.choice(EXTRA_LAST_NAMES)
        else:
            first = rng.choice(self.first_names_female if female else self.first_names_male)
            last = rng.choice(self.last_names)
        return first, last, female

    def place_near(self, rng: random.Random, municipality: DemoMunicipality) -> int | None:
        places = municipality.nearby_place_ids
        if not places:
            return None
        # The town itself most often, then the bigger places around it.
        return places[min(int(rng.expovariate(0.6)), len(places) - 1)]


def email_part(text: str) -> str:
    return slugify(text).replace("-", "") or "x"


def demo_context_build(seed: int) -> DemoContext:
    fake = Faker("nl_NL")
    fake.seed_instance(seed)
    return DemoContext(
        seed=seed,
        municipalities=demo_municipalities_ensure(),
        occupations={o.isco_code: o for o in Occupation.objects.filter(
            isco_code__in=list(COMMON_OCCUPATIONS))},
        sectors={s.code: s for s in Sector.objects.all()},
        first_names_female=[fake.first_name_female() for _ in range(POOL_SIZE)],
        first_names_male=[fake.first_name_male() for _ in range(POOL_SIZE)],
        last_names=[fake.last_name() for _ in range(POOL_SIZE * 2)],
        companies=[fake.company() for _ in range(POOL_SIZE)],
        streets=[fake.street_name() for _ in range(POOL_SIZE)],
    )
