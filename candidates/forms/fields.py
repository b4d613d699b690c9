"""Form fields that speak plain Dutch to the jobseeker and never drop what they typed."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hallowerk.forms.dates import DATE_INPUT_FORMATS, dutch_date_widget
from hallowerk.models import Place
from hallowerk.reference import place_resolve, place_search

DATE_EXAMPLE = gettext_lazy("Schrijf de datum als dag-maand-jaar, bijvoorbeeld 15-03-2024.")


class DutchDateField(forms.DateField):
    """A text box for day-month-year: works the same on every phone and with a screen reader."""

    widget = dutch_date_widget()

    def __init__(self, *, required_message: str = "", **kwargs):
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        kwargs.setdefault("help_text", DATE_EXAMPLE)
        super().__init__(**kwargs)
        self.error_messages["invalid"] = gettext_lazy(
            "Deze datum bestaat niet of is niet goed geschreven. Schrijf dag-maand-jaar, "
            "bijvoorbeeld 15-03-2024.")
        if required_message:
            self.error_messages["required"] = required_message


class LinesField(forms.CharField):
    """A short list typed one item per line (commas also separate), e.g. talents."""

    widget = forms.Textarea(attrs={"rows": 4})

    def __init__(self, *, item_max_length: int = 80, max_items: int = 30, **kwargs):
        self.item_max_length = item_max_length
        self.max_items = max_items
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value) -> list[str]:
        text = super().to_python(value) or ""
        items, seen = [], set()
        for line in text.replace(",", "\n").replace(";", "\n").splitlines():
            item = " ".join(line.split())
            if item and item.casefold() not in seen:
                seen.add(item.casefold())
                items.append(item)
        return items

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.error_messages["required"], code="required")

    def run_validators(self, value):
        too_long = [item for item in value if len(item) > self.item_max_length]
        if too_long:
            raise ValidationError(
                _("“%(item)s” is te lang. Houd het kort: maximaal %(max)s tekens per regel.")
                % {"item": too_long[0][:40] + "…", "max": self.item_max_length},
                code="item_too_long")
        if len(value) > self.max_items:
            raise ValidationError(
                _("Dat zijn er te veel. U kunt er maximaal %(max)s noemen.")
                % {"max": self.max_items}, code="too_many")


class UrlLinesField(LinesField):
    """Web links, one per line; 'www.example.nl' becomes 'https://www.example.nl'."""

    def __init__(self, **kwargs):
        kwargs.setdefault("item_max_length", 200)
        kwargs.setdefault("max_items", 5)
        super().__init__(**kwargs)

    def to_python(self, value) -> list[str]:
        text = forms.CharField.to_python(self, value) or ""
        links = []
        for line in text.split():
            link = line.strip().rstrip(",;")
            if link and "://" not in link:
                link = f"https://{link}"
            if link and link not in links:
                links.append(link)
        return links

    def run_validators(self, value):
        super().run_validators(value)
        validate = URLValidator(schemes=["http", "https"])
        for link in value:
            try:
                validate(link)
            except ValidationError:
                raise ValidationError(
                    _("“%(link)s” is geen werkende link. Kopieer de link uit de adresbalk van "
                      "uw browser, bijvoorbeeld https://www.linkedin.com/in/uwnaam.")
                    % {"link": link[:60]}, code="invalid_link") from None


def place_suggestions(typed: str, limit: int = 5) -> list[Place]:
    """Places that start like what was typed, shortening it until something matches."""
    typed = typed.strip()
    for length in range(len(typed), 1, -1):
        found = place_search(typed[:length], limit=limit)
        if found:
            return found
    return []


class PlaceField(forms.CharField):
    """A place typed by name, resolved to our place list; unknown names get suggestions."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 120)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("autocomplete", "address-level2")

    def prepare_value(self, value):
        if isinstance(value, Place):
            return value.name
        return value

    def clean(self, value) -> Place | None:
        typed = super().clean(value)
        if not typed:
            return None
        place = place_resolve(typed)
        if place is not None:
            return place
        suggestions = [p.name for p in place_suggestions(typed)]
        if suggestions:
            raise ValidationError(
                _("We kennen deze plaats niet. Bedoelt u: %(names)s?")
                % {"names": ", ".join(dict.fromkeys(suggestions))}, code="unknown_place")
        raise ValidationError(
            _("We kennen deze plaats niet. Controleer de spelling, of vul de dichtstbijzijnde "
              "grotere plaats in."), code="unknown_place")
