"""Demo accounts, one per role, for `make run`. Development only: they share one password
and one TOTP secret so the start-up banner can say how to log in."""

from django.db import transaction

from employers.models import Employer
from hallowerk.accounts.twofactor import demo_totp_device
from hallowerk.models import Municipality, User
from hallowerk.roles import TWO_FACTOR_REQUIRED_ROLES, Role
from privacy.models import LegalText, TermsAcceptance

DEMO_PASSWORD = "HalloWerk-demo-2026"

# (role, e-mail, first name, last name)
DEMO_ACCOUNTS = [
    (Role.JOBSEEKER, "werkzoekende@demo.hallowerk.nl", "Sanne", "de Vries"),
    (Role.COACH, "werkmatcher@demo.hallowerk.nl", "Mohamed", "El Amrani"),
    (Role.ACCOUNT_MANAGER, "accountmanager@demo.hallowerk.nl", "Petra", "Jansen"),
    (Role.EMPLOYER, "werkgever@demo.hallowerk.nl", "Kees", "Bakker"),
    (Role.TEAM_LEAD, "teamleider@demo.hallowerk.nl", "Anouk", "Visser"),
    (Role.ADMINISTRATOR, "beheerder@demo.hallowerk.nl", "Ruud", "Smit"),
]


@transaction.atomic
def demo_accounts_ensure(municipality_slug: str = "utrecht") -> list[User]:
    """Idempotent: running it twice leaves the same accounts."""
    municipality = Municipality.objects.get(slug=municipality_slug)
    employer, _ = Employer.objects.get_or_create(
        kvk_number="90000001", defaults={"name": "Bakkerij De Korenschoof",
                                         "municipality": municipality})
    terms = LegalText.objects.filter(kind=LegalText.Kind.TERMS).order_by("-version").first()
    users = []
    for role, email, first, last in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email, DEMO_PASSWORD, role=role, first_name=first, last_name=last,
                municipality=municipality,
                employer=employer if role == Role.EMPLOYER else None)
        TermsAcceptance.objects.get_or_create(user=user, terms=terms)
        if role in TWO_FACTOR_REQUIRED_ROLES:
            demo_totp_device(user)
        users.append(user)
    return users
