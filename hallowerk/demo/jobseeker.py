"""The demo accounts' own data: Sanne's complete dossier and profile, her coach, and the
demo employer's details and vacancies — so every role sees something real after login."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from candidates.models import (
    Candidate,
    Course,
    Education,
    LanguageSkill,
    Profile,
    WorkExperience,
)
from candidates.physical import PHYSICAL_CODES, physical_field_name
from candidates.profile_services import profile_completeness_store
from candidates.search_documents import profile_search_document_refresh
from employers.models import Vacancy
from hallowerk.models import Occupation, Place, Sector, User
from hallowerk.roles import Role

from .accounts import DEMO_ACCOUNTS

DEMO_EMAILS = {role: email for role, email, *_rest in DEMO_ACCOUNTS}


def _demo_user(role: str) -> User:
    return User.objects.get(email=DEMO_EMAILS[role])


@transaction.atomic
def demo_jobseeker_dossier_ensure() -> Candidate:
    """Idempotent: the demo jobseeker gets one complete, shared candidate dossier."""
    user = _demo_user(Role.JOBSEEKER)
    existing = Candidate.objects.filter(user=user).first()
    if existing is not None:
        return existing
    candidate = Candidate.objects.create(
        user=user, municipality=user.municipality, client_number="DEMO-SANNE",
        first_name=user.first_name, last_name=user.last_name, email=user.email,
        gender="female", date_of_birth=date(1991, 4, 12), postcode="3531AB",
        phone="0612345678", service_type="together", responsible_coach=_demo_user(Role.COACH),
        directly_approachable=True, tg_banenafspraak=True, shared_with_employers=True)
    profile = Profile.objects.create(
        candidate=candidate,
        place_of_residence=Place.objects.filter(name="Utrecht").order_by("-population").first(),
        personal_description="Ik ben vrolijk en werk graag met mensen. Na een paar jaar thuis "
                             "voor mijn kinderen wil ik weer aan het werk.",
        kind_of_work="Werk in een winkel of in de keuken, het liefst overdag.",
        competences=["Klantvriendelijk", "Op tijd", "Samenwerken"],
        professional_skills=["Kassa", "Hygiënisch werken"],
        what_suits_me="Een vaste plek met fijne collega's.",
        driving_licences=["B"], transport=["bike", "public_transport"], max_travel_km=15,
        available_from=timezone.localdate() + timedelta(days=14), hours_per_week_min=16,
        hours_per_week_max=24, availability_notes="Alleen overdag, mijn kinderen gaan naar school.",
        **{physical_field_name(code): code not in ("lifting", "kneeling")
           for code in PHYSICAL_CODES})
    profile.preferred_occupations.set(Occupation.objects.filter(isco_code__in=["5223", "9412"]))
    profile.sectors.set(Sector.objects.filter(code__in=["detailhandel", "horeca"]))
    WorkExperience.objects.create(profile=profile, job_title="Kassamedewerker",
                                  employer_name="Supermarkt", start_date=date(2012, 9, 1),
                                  end_date=date(2016, 6, 30),
                                  description="Kassa, vakken vullen en klanten helpen.")
    Education.objects.create(profile=profile, name="Mbo Verkoper", institution="MBO Utrecht",
                             level="mbo_2", completed=True, year=2011, certificate=True)
    Course.objects.create(profile=profile, name="Hygiënecode", provider="SVH", year=2023)
    LanguageSkill.objects.create(profile=profile, language="nl", level="fluent_native")
    LanguageSkill.objects.create(profile=profile, language="en", level="reasonable")
    profile_search_document_refresh(profile)
    profile_completeness_store(profile)
    return candidate


@transaction.atomic
def demo_employer_details_ensure() -> None:
    """The demo employer gets its address, contact person and a few vacancies, once."""
    employer_user = _demo_user(Role.EMPLOYER)
    employer = employer_user.employer
    if not employer.address:
        employer.address, employer.postcode, employer.city = "Oudegracht 101", "3511AE", "Utrecht"
        employer.contact_first_name = employer_user.first_name
        employer.contact_last_name = employer_user.last_name
        employer.contact_email = employer_user.email
        employer.contact_phone = "0301234567"
        employer.invited_by = _demo_user(Role.ACCOUNT_MANAGER)
        employer.save()
    if employer.vacancies.exists():
        return
    manager = _demo_user(Role.ACCOUNT_MANAGER)
    place = Place.objects.filter(name="Utrecht").order_by("-population").first()
    now = timezone.now()
    for title, code, sector in [("Verkoopmedewerker bakkerij", "5223", "detailhandel"),
                                ("Hulp in de bakkerij", "7512", "industrie-productie"),
                                ("Bezorger brood", "9621", "logistiek-transport")]:
        occupation = Occupation.objects.filter(isco_code=code).first()
        if occupation is None:
            continue
        Vacancy.objects.create(
            employer=employer, municipality=employer.municipality, title=title,
            occupation=occupation, sector=Sector.objects.filter(code=sector).first(),
            description=f"Bakkerij De Korenschoof zoekt een {title.lower()}. Ervaring is niet "
                        "nodig; u krijgt een vaste begeleider.",
            place=place, hours_per_week_min=16, hours_per_week_max=24,
            required_languages=["nl"], physical_demands=["standing"], skills=["Klantcontact"],
            status="published", created_by=manager, published_at=now)
