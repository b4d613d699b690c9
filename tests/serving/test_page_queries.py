"""Pages read each row once (issue 12: no repeated queries)."""

from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import EmployerFactory, UserFactory, municipality

pytestmark = pytest.mark.django_db


def _utrecht_wsp():
    utrecht = municipality("utrecht")
    utrecht.wsp_contact_name = "Wendy van het WSP"
    utrecht.save()
    return utrecht


@pytest.mark.parametrize("own_municipality", ["utrecht", "rotterdam"])
def test_employer_home_shows_the_inviting_wsp_reading_it_once(verified_client,
                                                              own_municipality):
    _utrecht_wsp()
    user = UserFactory(employer_user=True, employer=EmployerFactory(
        municipality=municipality("utrecht")), municipality=municipality(own_municipality))
    client = verified_client(user)
    client.get("/werkgever/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/werkgever/")
    assert response.status_code == 200
    assert "Wendy van het WSP" in response.content.decode()  # the employer's WSP, always
    repeated = {sql: n for sql, n in Counter(q["sql"] for q in captured).items() if n > 1}
    assert repeated == {}
