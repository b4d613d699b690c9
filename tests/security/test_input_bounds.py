"""Every integer parameter bounded and NUL characters refused in one place (issue 14): a
page number or id of any size, and a NUL anywhere in an address, query string, form or
import, get a clear answer instead of a server error."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from candidates.intake_import import ImportFileError, intake_csv_read
from candidates.models import Candidate, Profile
from hallowerk.pagination import MAX_PAGE_NUMBER, page_number_bounded
from hallowerk.roles import Role
from tests.backoffice.conftest import candidate_in, staff
from tests.backoffice.test_intake_import import GOOD_ROW, HEADER, csv_bytes
from tests.candidates.jobseeker_helpers import jobseeker
from tests.employer_portal.conftest import employer_user, make_candidate

pytestmark = pytest.mark.django_db
HUGE = "100000000000000000000"
NUL_MESSAGE = "onzichtbaar teken (een nulteken)"


@pytest.mark.parametrize(("value", "expected"), [
    (HUGE, MAX_PAGE_NUMBER), ("-5", 1), ("0", 1), ("abc", 1), (None, 1), ("1" * 5000, 1),
    ("3", 3)])
def test_page_numbers_are_bounded(value, expected):
    assert page_number_bounded(value) == expected


def test_a_huge_page_number_in_the_employer_search_is_the_last_page(verified_client):
    make_candidate(occupations=["9412"])
    client = verified_client(employer_user())
    response = client.get(reverse("employers:search"), {"page": HUGE})
    assert response.status_code == 200
    assert response.context["result"].page.number == 1


@pytest.mark.parametrize(("role", "url", "a_filter"), [
    (Role.COACH, "candidates:coach_candidates", {"approachable": "no"}),
    (Role.ACCOUNT_MANAGER, "employers:am_candidates", {"origin": "own"})])
def test_a_huge_page_number_in_a_filtered_staff_list_is_the_last_page(verified_client, role, url,
                                                                      a_filter):
    candidate_in()
    client = verified_client(staff(role, with_totp_device=True))
    # Filtered: these lists count and page in one query with an OFFSET of their own.
    response = client.get(reverse(url), {**a_filter, "pagina": HUGE})
    assert response.status_code == 200
    assert response.context["page"].number == 1


def test_huge_ids_in_the_address_are_not_found(verified_client):
    client = verified_client(staff(Role.COACH, with_totp_device=True))
    response = client.get(f"/werkmatcher/kandidaten/{HUGE}/")
    assert response.status_code == 404


def test_a_nul_in_a_query_string_gets_a_clear_page(verified_client):
    client = verified_client(employer_user())
    for query in ({"q": "kok\x00"}, {"occupation\x00": "1"}, {"page": "\x00"}):
        response = client.get(reverse("employers:search"), query)
        assert response.status_code == 400
        assert NUL_MESSAGE in response.content.decode()


def test_a_nul_in_a_form_saves_nothing_and_says_why(client):
    candidate = jobseeker()
    client.force_login(candidate.user)
    step = reverse("candidates:jobseeker_step", kwargs={"slug": "over-mij"})
    response = client.post(step, {"personal_description": "Ik werk\x00 graag buiten."})
    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode()
    assert Profile.objects.get(candidate=candidate).personal_description == ""


def test_a_nul_in_the_address_gets_the_same_page(client):
    response = client.get("/uitnodiging/abc%00def/")
    assert response.status_code == 400
    assert NUL_MESSAGE in response.content.decode()


def test_the_nul_page_is_in_english_for_whoever_chose_english(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/", {"q": "\x00"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode() and NUL_MESSAGE not in response.content.decode()


def test_a_csv_import_with_a_nul_is_refused_with_its_line():
    data = csv_bytes(HEADER, GOOD_ROW, "K-2;Jan\x00;Smit;jan@example.nl;;;;;;;;;;")
    with translation.override("nl"), pytest.raises(ImportFileError) as error:
        intake_csv_read(data)
    assert "Regel 3" in error.value.user_message and "nulteken" in error.value.user_message


def test_a_csv_import_with_a_nul_gets_a_message_in_the_dry_run(verified_client):
    client = verified_client(staff(Role.COACH, with_totp_device=True))
    upload = SimpleUploadedFile("export.csv", csv_bytes(HEADER, "K-1;Fa\x00tima;Y;f@x.nl"))
    response = client.post(reverse("candidates:coach_import"), {"file": upload})
    assert response.status_code == 200
    assert "nulteken" in " ".join(response.context["form"].errors["file"])
    assert not Candidate.objects.exists()


def _our_form_classes():
    import importlib
    import inspect
    import pkgutil

    from django import forms

    found = set()
    for app in ("candidates", "employers", "hallowerk", "privacy", "matching"):
        for module_info in pkgutil.walk_packages(importlib.import_module(app).__path__,
                                                 f"{app}."):
            if any(part in module_info.name for part in (".migrations", ".settings",
                                                         ".management")):
                continue
            module = importlib.import_module(module_info.name)
            found.update(cls for _name, cls in inspect.getmembers(module, inspect.isclass)
                         if issubclass(cls, forms.BaseForm) and cls.__module__ == module.__name__)
    return found


def test_every_integer_form_field_has_bounds():
    """A whole number a form accepts must fit the column it goes to: an explicit min and max
    on the form field, or (in a model form) the model field's range, which Django checks."""
    from django import forms
    from django.core.validators import MaxValueValidator, MinValueValidator

    def bounded(validators) -> bool:
        kinds = {type(v) for v in validators}
        return MinValueValidator in kinds and MaxValueValidator in kinds

    form_classes = _our_form_classes()
    assert len(form_classes) > 30
    unbounded = []
    for form_class in form_classes:
        model = getattr(getattr(form_class, "_meta", None), "model", None)
        for name, field in form_class.base_fields.items():
            if not isinstance(field, forms.IntegerField) or bounded(field.validators):
                continue
            model_field = model._meta.get_field(name) if model else None
            if model_field is None or not bounded(model_field.validators):
                unbounded.append(f"{form_class.__module__}.{form_class.__name__}.{name}")
    assert unbounded == []
