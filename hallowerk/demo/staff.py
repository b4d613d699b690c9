"""Municipal staff for the demo population: coaches and account managers in proportion to
the candidates and employers of each municipality, one team lead and one administrator."""

from math import ceil

from hallowerk.models import User
from hallowerk.roles import Role

from .context import UNUSABLE_PASSWORD, DemoContext

CANDIDATES_PER_COACH = 300
EMPLOYERS_PER_ACCOUNT_MANAGER = 60


def _email(role: str, number: int, slug: str) -> str:
    return f"{role.replace('_', '')}{number}.{slug}@medewerker.demo.hallowerk.nl"


def demo_staff_ensure(ctx: DemoContext, *, candidates: int, employers: int) -> int:
    """Create what is missing and fill ctx.coaches / ctx.account_managers. Returns created."""
    total_weight = sum(m.weight for m in ctx.municipalities)
    wanted = []
    for demo in ctx.municipalities:
        share = demo.weight / total_weight
        counts = {
            Role.COACH: max(2, ceil(candidates * share / CANDIDATES_PER_COACH)),
            Role.ACCOUNT_MANAGER: max(1, ceil(employers * share / EMPLOYERS_PER_ACCOUNT_MANAGER)),
            Role.TEAM_LEAD: 1,
            Role.ADMINISTRATOR: 1,
        }
        for role, count in counts.items():
            for number in range(count):
                rng = ctx.rng(f"staff:{demo.municipality.slug}:{role}", number)
                first, last, _female = ctx.person_name(rng)
                wanted.append(User(email=_email(role, number, demo.municipality.slug),
                                   password=UNUSABLE_PASSWORD, role=role, first_name=first,
                                   last_name=last, municipality=demo.municipality))
    existing = set(User.objects.filter(email__in=[u.email for u in wanted])
                   .values_list("email", flat=True))
    created = User.objects.bulk_create([u for u in wanted if u.email not in existing])
    staff = User.objects.filter(email__in=[u.email for u in wanted],
                                role__in=[Role.COACH, Role.ACCOUNT_MANAGER]).order_by("email")
    for user_id, role, municipality_id in staff.values_list("id", "role", "municipality_id"):
        target = ctx.coaches if role == Role.COACH else ctx.account_managers
        target.setdefault(municipality_id, []).append(user_id)
    return len(created)
