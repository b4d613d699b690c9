"""factory_boy factories shared by all tests."""

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from employers.models import Employer
from hallowerk.models import Municipality, Occupation, User
from hallowerk.roles import Role

TEST_PASSWORD = "Correct-Horse-Battery-9"
TOTP_KEY_HEX = "3132333435363738393031323334353637383930"


def municipality(slug="utrecht") -> Municipality:
    return Municipality.objects.get(slug=slug)


class EmployerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employer

    name = factory.Sequence(lambda n: f"Werkgever {n} B.V.")
    kvk_number = factory.Sequence(lambda n: f"{10000000 + n}")
    municipality = factory.LazyFunction(municipality)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.nl")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Persoon{n}")
    role = Role.JOBSEEKER
    municipality = factory.LazyFunction(municipality)
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def with_totp_device(self, create, extracted, **kwargs):
        if extracted:
            TOTPDevice.objects.create(user=self, name="test", key=TOTP_KEY_HEX, confirmed=True)
        if create:
            self.save()

    class Params:
        employer_user = factory.Trait(
            role=Role.EMPLOYER, employer=factory.SubFactory(EmployerFactory))


class CandidateFactory(factory.django.DjangoModelFactory):
    """A jobseeker account with its dossier; pass municipality=... to place both."""

    class Meta:
        model = "candidates.Candidate"

    municipality = factory.LazyFunction(municipality)
    user = factory.SubFactory(UserFactory, role=Role.JOBSEEKER,
                              municipality=factory.SelfAttribute("..municipality"))
    client_number = factory.Sequence(lambda n: f"K{100000 + n}")
    first_name = factory.SelfAttribute("user.first_name")
    last_name = factory.SelfAttribute("user.last_name")
    email = factory.SelfAttribute("user.email")


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "candidates.Profile"
        skip_postgeneration_save = True

    candidate = factory.SubFactory(CandidateFactory)
    kind_of_work = "Werk in de keuken of in een magazijn"
    personal_description = "Ik ben betrouwbaar en werk graag met mensen."

    @factory.post_generation
    def stored_completeness(profile, create, extracted, **kwargs):
        # As the profile services leave it: the coach's score stored.
        if create:
            from candidates.profile_services import profile_completeness_store

            profile_completeness_store(profile)


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "employers.Vacancy"

    employer = factory.SubFactory(EmployerFactory)
    municipality = factory.SelfAttribute("employer.municipality")
    title = factory.Sequence(lambda n: f"Medewerker {n}")
    occupation = factory.LazyFunction(lambda: Occupation.objects.get_or_create(
        isco_code="9412", defaults={"label_nl": "Keukenhulp", "label_en": "Kitchen helper"})[0])
    description = "Je helpt in de keuken."
