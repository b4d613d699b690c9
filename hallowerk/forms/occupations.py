"""The occupation picker: a text box with suggestions instead of a dropdown of ~400 ISCO
occupations.

The suggestions are a <datalist>, which the browser filters as one types and which works
with the keyboard, a screen reader and without JavaScript. Whatever is typed is resolved on
the server: an occupation's Dutch or English name, or its ISCO code (saved searches and
links use the code), or one of its other names ("orderpicker"; see
reference/data/README.md). Anything else gets a clear message with the closest occupations.
"""

from django import forms
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from hallowerk.models import Occupation
from hallowerk.reference.occupations import occupation_search, occupations_named


class OccupationInput(forms.TextInput):
    template_name = "forms/widgets/occupation.html"

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "class": "utrecht-textbox", **(attrs or {})})

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["list_id"] = f"{context['widget']['attrs'].get('id', name)}-beroepen"
        context["widget"]["attrs"]["list"] = context["widget"]["list_id"]
        context["widget"]["suggestions"] = occupation_suggestion_options()
        return context


# The <option>s of the suggestions per language, rendered once per process: ~400 rows of
# reference data, the same on every page with the picker. Reading and rendering them on
# every request cost the employer's search page ~10 ms of CPU (issue 12).
_suggestion_options: dict[str, SafeString] = {}


def occupation_suggestion_options() -> SafeString:
    language = get_language() or "nl"
    if language not in _suggestion_options:
        labels = sorted(occupation.label for occupation in Occupation.objects.only(
            "label_nl", "label_en"))
        _suggestion_options[language] = format_html_join(
            "", '<option value="{}"></option>', ((label,) for label in labels))
    return _suggestion_options[language]


def occupation_suggestions_forget() -> None:
    _suggestion_options.clear()


@receiver([post_save, post_delete], sender=Occupation)
def _occupations_changed(**kwargs) -> None:
    # Now, and again after the commit: a page rendered in between by another request must
    # not keep the list from before the change. (Occupations are reference data, changed
    # by migrations; a change that is rolled back leaves the list until the process ends.)
    occupation_suggestions_forget()
    transaction.on_commit(occupation_suggestions_forget)


def occupation_resolve(text: str) -> Occupation | None:
    """The occupation meant by a name (either language, any case) or an ISCO code."""
    text = " ".join((text or "").split())
    if not text:
        return None
    exact = Occupation.objects.filter(
        Q(isco_code=text) | Q(label_nl__iexact=text) | Q(label_en__iexact=text))
    found = exact.order_by("isco_code").first()
    if found is None:
        # Another name people use ("orderpicker"), when it belongs to one occupation only.
        named = occupations_named(text)
        found = named[0] if len(named) == 1 else None
    if found is None:
        matches = occupation_search(text, limit=2)
        found = matches[0] if len(matches) == 1 else None
    return found


class OccupationField(forms.Field):
    widget = OccupationInput
    default_error_messages = {
        "invalid_choice": gettext_lazy("Dit beroep kennen we niet. Kies een beroep uit de "
                                       "lijst."),
    }

    def prepare_value(self, value):
        if isinstance(value, Occupation):
            return value.label
        if isinstance(value, int):
            value = Occupation.objects.filter(pk=value).first()
            return value.label if value else ""
        resolved = occupation_resolve(value) if value else None
        return resolved.label if resolved else (value or "")

    def to_python(self, value):
        if value in self.empty_values:
            return None
        occupation = occupation_resolve(str(value))
        if occupation is None:
            closest = occupation_search(str(value), limit=3)
            message = str(self.error_messages["invalid_choice"])
            if closest:
                message += " " + _("Bedoelt u: %(names)s?") % {
                    "names": ", ".join(o.label for o in closest)}
            raise forms.ValidationError(message, code="invalid_choice")
        return occupation

    def has_changed(self, initial, data):
        return self.prepare_value(initial) != self.prepare_value(data)
