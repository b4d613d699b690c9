"""factory_boy factories shared by all tests."""

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from employers.models import Employer
from hallowerk.models import Municipality, User
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
