import pytest

from hallowerk.roles import Role
from tests.backoffice.conftest import staff


@pytest.fixture
def coach(db):
    return staff(Role.COACH)


@pytest.fixture
def coach_client(coach, verified_client):
    return verified_client(coach)
