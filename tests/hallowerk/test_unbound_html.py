"""Empty forms rendered once per process (hallowerk/forms/unbound_html.py): the same HTML as
rendering them, a new rendering for other choices or another language, and never for a form
that shows what someone typed or an error."""

import pytest
from django.forms import Form
from django.utils import timezone, translation

from employers.forms.employer import ContactRequestForm, MessageForm
from hallowerk.forms import unbound_html
from tests.employer_portal.conftest import employer_user
from tests.factories import VacancyFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    unbound_html._rendered.clear()
    yield
    unbound_html._rendered.clear()


def _uncached(form) -> str:
    return Form.render(form)  # the form templates, as without the mixin


def test_the_reused_html_is_what_rendering_gives_and_follows_choices_and_language():
    user = employer_user()
    vacancy = VacancyFactory(employer=user.employer, title="Kok", status="published",
                             published_at=timezone.now())
    first = str(ContactRequestForm(user=user))
    assert first == _uncached(ContactRequestForm(user=user))
    assert len(unbound_html._rendered) == 1
    vacancy.title = "Kok in de keuken"
    vacancy.save()
    renamed = str(ContactRequestForm(user=user))
    assert "Kok in de keuken" in renamed and len(unbound_html._rendered) == 2
    with translation.override("en"):
        english = str(ContactRequestForm(user=user))
        assert english == _uncached(ContactRequestForm(user=user))
    assert english != renamed and len(unbound_html._rendered) == 3


def test_a_second_empty_form_is_not_rendered_again(monkeypatch):
    str(MessageForm())
    calls = []
    monkeypatch.setattr(Form, "render", lambda *args, **kwargs: calls.append(1) or "")
    assert "textarea" in str(MessageForm())
    assert calls == []


def test_forms_with_input_errors_or_initial_values_are_always_rendered():
    str(MessageForm())
    bound = MessageForm({"body": ""})
    assert not bound.is_valid()
    assert "Schrijf eerst een bericht." in str(bound)
    assert "Mijn eigen tekst" in str(MessageForm(initial={"body": "Mijn eigen tekst"}))
    assert "Mijn eigen tekst" not in str(MessageForm())
    assert len(unbound_html._rendered) == 1


def test_another_auto_id_is_another_rendering():
    default = str(MessageForm())
    other = str(MessageForm(auto_id="x_%s"))
    assert 'id="id_body"' in default and 'id="x_body"' in other


def test_a_prefixed_form_is_rendered_once_and_gets_its_own_prefix():
    """One rendering with the placeholder serves every row of a list, each with its own
    prefix in names, ids and labels, character for character what rendering it gives."""
    from matching.forms import FeedbackForm

    first, second = FeedbackForm(prefix="v12"), FeedbackForm(prefix="v345")
    assert str(first) == _uncached(FeedbackForm(prefix="v12"))
    assert str(second) == _uncached(FeedbackForm(prefix="v345"))
    assert len(unbound_html._rendered) == 1
    html = str(second)
    assert 'name="v345-verdict"' in html and 'id="id_v345-reason"' in html
    assert "v12" not in html and unbound_html.PREFIX_PLACEHOLDER not in html
    # The form itself keeps its prefix and its fields their names afterwards.
    assert second.prefix == "v345" and second["reason"].html_name == "v345-reason"


def test_a_prefix_that_would_need_escaping_is_rendered_every_time():
    from matching.forms import FeedbackForm

    form = FeedbackForm(prefix='v"1')
    assert str(form) == _uncached(FeedbackForm(prefix='v"1'))
    assert len(unbound_html._rendered) == 0
