"""model_update: the diff-and-save step every update service shares."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from candidates.models import Candidate
from hallowerk.model_update import entered_contact, model_update
from hallowerk.roles import Role
from tests.factories import CandidateFactory, UserFactory

pytestmark = pytest.mark.django_db
FIELDS = ("first_name", "postcode", "email", "responsible_coach")


def test_only_what_differs_is_saved_with_the_auto_now_columns():
    candidate = CandidateFactory(first_name="Ans", postcode="3511AB")
    before = candidate.updated_at
    Candidate.objects.filter(pk=candidate.pk).update(last_name="Elders")  # not in the save
    changed = model_update(instance=candidate, fields=FIELDS, data={
        "first_name": " Anna ", "postcode": "3511 ab", "email": " ANNA@Example.nl "},
        clean=entered_contact("email"))
    assert changed == ["first_name", "email"]
    stored = Candidate.objects.get(pk=candidate.pk)
    assert (stored.first_name, stored.email, stored.last_name) == (
        "Anna", "anna@example.nl", "Elders")
    assert stored.updated_at > before


def test_nothing_changed_means_no_query_and_a_relation_compares_by_id():
    coach = UserFactory(role=Role.COACH)
    candidate = CandidateFactory(first_name="Ans", responsible_coach=coach)
    candidate = Candidate.objects.get(pk=candidate.pk)  # the coach not loaded
    with CaptureQueriesContext(connection) as queries:
        assert model_update(instance=candidate, fields=FIELDS,
                            data={"first_name": "Ans", "responsible_coach": coach}) == []
    assert len(queries) == 0


def test_a_field_outside_the_list_is_refused_and_nothing_is_set():
    candidate = CandidateFactory(first_name="Ans")
    with pytest.raises(PermissionDenied):
        model_update(instance=candidate, fields=FIELDS,
                     data={"first_name": "Bea", "hidden_by_staff": True})
    assert candidate.first_name == "Ans" and not candidate.hidden_by_staff


def test_before_save_runs_after_validation_with_the_changed_names():
    candidate = CandidateFactory()
    seen = []
    model_update(instance=candidate, fields=FIELDS, data={"first_name": "Cor"},
                 before_save=seen.append)
    assert seen == [["first_name"]]
