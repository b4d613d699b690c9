"""Demo employers (with their users) and vacancies, posted by the municipality's account
managers. Employer number j always has KvK number 99000000 + j, which is how a re-run
recognises what already exists."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from employers.models import Employer, Vacancy
from hallowerk.models import User
from hallowerk.roles import Role

from .bulk import copy_rows
from .context import UNUSABLE_PASSWORD, DemoContext, email_part
from .vocabulary import (
    COMMON_OCCUPATIONS,
    SKILLS,
    VACANCY_INTROS,
    VACANCY_OFFERS,
)

KVK_BASE = 99_000_000
BATCH = 2000
POSTCODE_LETTERS = "ABCEGHJKLMNPRSTVWXZ"


def demo_kvk(number: int) -> str:
    return str(KVK_BASE + number)


def postcode_for(rng, prefix: str) -> str:
    return (f"{prefix}{rng.randint(10, 99)}{rng.choice(POSTCODE_LETTERS)}"
            f"{rng.choice(POSTCODE_LETTERS)}")


def _employer(ctx: DemoContext, number: int) -> tuple[Employer, list[User]]:
    rng = ctx.rng("employer", number)
    demo = ctx.pick_municipality(rng)
    municipality = demo.municipality
    first, last, _female = ctx.person_name(rng)
    code = ctx.pick_occupation_code(rng) if ctx.occupations else None
    if rng.random() < 0.5 or code is None:
        name = rng.choice(ctx.companies)
    else:
        name = f"{rng.choice(ctx.last_names).split()[-1]} {COMMON_OCCUPATIONS[code][0]}en"
    active = rng.random() > 0.03
    created = timezone.now() - timedelta(days=rng.uniform(30, 1500))
    managers = ctx.account_managers.get(municipality.pk, [None])
    employer = Employer(
        name=name[:200], municipality=municipality, kvk_number=demo_kvk(number),
        address=f"{rng.choice(ctx.streets)} {rng.randint(1, 250)}",
        postcode=postcode_for(rng, demo.postcode_prefix), city=municipality.name,
        invited_by_id=rng.choice(managers), contact_first_name=first, contact_last_name=last,
        contact_email=f"{email_part(first)}.{email_part(last)}@werkgever{number}.demo.hallowerk.nl",
        contact_phone=f"010{rng.randint(1000000, 9999999)}", is_active=active,
        deactivated_at=None if active else created + timedelta(days=20), created_at=created)
    users = [User(email=f"contact@werkgever{number}.demo.hallowerk.nl",
                  password=UNUSABLE_PASSWORD, role=Role.EMPLOYER, first_name=first,
                  last_name=last, municipality=municipality, is_active=active)]
    if rng.random() < 0.3:
        colleague_first, colleague_last, _female = ctx.person_name(rng)
        users.append(User(email=f"collega@werkgever{number}.demo.hallowerk.nl",
                          password=UNUSABLE_PASSWORD, role=Role.EMPLOYER,
                          first_name=colleague_first, last_name=colleague_last,
                          municipality=municipality, is_active=active))
    return employer, users


def demo_employers_ensure(ctx: DemoContext, count: int) -> int:
    existing = set(Employer.objects.filter(kvk_number__gte=demo_kvk(0),
                                           kvk_number__lt=demo_kvk(count))
                   .values_list("kvk_number", flat=True))
    missing = [n for n in range(count) if demo_kvk(n) not in existing]
    for start in range(0, len(missing), BATCH):
        with transaction.atomic():
            pairs = [_employer(ctx, n) for n in missing[start:start + BATCH]]
            created = Employer.objects.bulk_create([employer for employer, _users in pairs])
            users = []
            for employer, (_employer_obj, employer_users) in zip(created, pairs, strict=True):
                for user in employer_users:
                    user.employer = employer
                    users.append(user)
            User.objects.bulk_create(users)
    return len(missing)


def _vacancy_row(ctx: DemoContext, number: int, employer: tuple[int, int]) -> dict:
    rng = ctx.rng("vacancy", number)
    employer_id, municipality_id = employer
    code = ctx.pick_occupation_code(rng)
    title, sector_code, _weight = COMMON_OCCUPATIONS[code]
    demo = next(m for m in ctx.municipalities if m.municipality.pk == municipality_id)
    place_id = ctx.place_near(rng, demo)
    place_name = demo.municipality.name
    status = rng.choices(["published", "draft", "closed"], weights=[75, 10, 15])[0]
    created = timezone.now() - timedelta(days=rng.uniform(1, 400))
    hours_min = rng.choice([8, 12, 16, 20, 24, 32])
    sector = ctx.sectors.get(sector_code)
    return {
        "employer_id": employer_id, "municipality_id": municipality_id, "title": title,
        "occupation_id": ctx.occupations[code].pk,
        "description": " ".join([rng.choice(VACANCY_INTROS).format(title=title.lower(),
                                                                   place=place_name),
                                 rng.choice(VACANCY_OFFERS)]),
        "sector_id": sector.pk if sector else None, "place_id": place_id,
        "hours_per_week_min": hours_min,
        "hours_per_week_max": min(40, hours_min + rng.choice([0, 4, 8, 16])),
        "start_date": (created + timedelta(days=rng.randint(7, 60))).date(),
        "required_driving_licence": "B" if rng.random() < 0.15 else "",
        "required_languages": ["nl"] if rng.random() < 0.7 else [],
        "physical_demands": rng.sample(["lifting", "standing", "bending", "walking"],
                                       rng.randint(0, 3)),
        "skills": rng.sample(SKILLS, rng.randint(1, 3)), "status": status,
        "created_by_id": rng.choice(ctx.account_managers.get(municipality_id, [None])),
        "published_at": created + timedelta(days=1) if status != "draft" else None,
        "created_at": created, "updated_at": created,
    }


def demo_vacancies_ensure(ctx: DemoContext, count: int) -> int:
    """Vacancy k belongs to demo employer k mod E; the first `count` exist afterwards."""
    employers = list(Employer.objects.filter(kvk_number__startswith=str(KVK_BASE)[:2])
                     .order_by("kvk_number").values_list("id", "municipality_id"))
    if not employers or not ctx.occupations:
        return 0
    existing = Vacancy.objects.filter(employer__kvk_number__startswith=str(KVK_BASE)[:2]).count()
    for start in range(existing, count, BATCH * 5):
        numbers = range(start, min(count, start + BATCH * 5))
        with transaction.atomic():
            copy_rows(Vacancy, [_vacancy_row(ctx, k, employers[k % len(employers)])
                                for k in numbers])
    return max(0, count - existing)
