"""Template helpers that tie inputs to their labels, descriptions and errors."""

from django import forms, template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()

_WIDGET_CLASSES = [
    (forms.CheckboxSelectMultiple, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.RadioSelect, "utrecht-radio-button utrecht-radio-button--html-input"),
    (forms.CheckboxInput, "utrecht-checkbox utrecht-checkbox--html-input"),
    (forms.Textarea, "utrecht-textarea utrecht-textarea--html-textarea"),
    (forms.Select, "utrecht-select utrecht-select--html-select"),
    (forms.ClearableFileInput, "utrecht-file-input"),
    (forms.FileInput, "utrecht-file-input"),
    (forms.widgets.Input, "utrecht-textbox utrecht-textbox--html-input"),
]


def widget_kind(widget) -> str:
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        return "choices"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "input"


@register.filter
def field_kind(bound_field) -> str:
    return widget_kind(bound_field.field.widget)


@register.filter
def utrecht_widget(bound_field):
    """Render the widget with the design-system class and aria-describedby/aria-invalid."""
    widget = bound_field.field.widget
    attrs = {}
    css = next((c for kind, c in _WIDGET_CLASSES if isinstance(widget, kind)), "")
    existing = widget.attrs.get("class", "")
    attrs["class"] = f"{css} {existing}".strip()
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}_helptext")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}_errors")
        attrs["aria-invalid"] = "true"
        attrs["class"] += " utrecht-textbox--invalid"
    if described:
        attrs["aria-describedby"] = " ".join(described)
    return bound_field.as_widget(attrs=attrs)


@register.filter
def widget_attrs(attrs: dict) -> SafeString:
    """Django's widgets/attrs.html as a filter: ` name="value"` per attribute, a bare name
    for True, nothing for False. Our input, textarea and select templates call it instead of
    including that template once per widget and once per option (issue 12: a form of three
    fields spent more time on includes than on anything else)."""
    return format_html_join("", " {}{}", (
        (name, "" if value is True else format_html('="{}"', value))
        for name, value in attrs.items() if value is not False))
