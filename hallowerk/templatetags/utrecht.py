"""Template helpers that tie inputs to their labels, descriptions and errors."""

from collections import OrderedDict
from threading import Lock

from django import forms, template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from hallowerk.fast_html import escaped
from hallowerk.forms.choices import choices_key

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


def widget_attrs_for(bound_field) -> dict:
    """The attributes utrecht_widget() gives the widget: the design-system class and
    aria-describedby/aria-invalid."""
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
    return attrs


@register.filter
def utrecht_widget(bound_field):
    """Render the widget with the design-system class and aria-describedby/aria-invalid."""
    widget = bound_field.field.widget
    attrs = widget_attrs_for(bound_field)
    if isinstance(widget, forms.widgets.ChoiceWidget) and not bound_field.field.localize:
        return _choice_widget(bound_field, attrs)
    return bound_field.as_widget(attrs=attrs)


# --- choice widgets: rendered once per set of inputs -----------------------------------------
# A choice widget's markup is a function of its choices, its value, its attributes and the
# language, yet Django builds a dict per option every time (get_context, optgroups): the
# employer's search form spent ~4.8 ms of its 26 there, a profile step with sectors ~3 ms
# (issue 12). The markup is kept per exact set of inputs, so any change (a new sector, another
# selection, an error, English) is a different key and rendered anew. Per process, the most
# recent _RENDERED_MAX sets. The markup names nobody: choices are catalogue values and names
# of lists, vacancies or staff, and the value only marks which are selected, not whose form
# it was.
_RENDERED: OrderedDict[tuple, SafeString] = OrderedDict()
_RENDERED_MAX = 512
_RENDERED_LOCK = Lock()  # gunicorn's threads share it


def _frozen(value):
    """A hashable stand-in for a widget input that renders the same exactly when it is the
    same: text apart from HTML-safe text (one is escaped, the other not), and True apart from 1
    (a bare attribute against a value)."""
    if isinstance(value, dict):
        return ("dict", tuple(sorted((str(key), _frozen(item)) for key, item in value.items())))
    if isinstance(value, list | tuple):
        return ("list", tuple(_frozen(item) for item in value))
    if value is None or isinstance(value, bool | int):
        return (type(value).__name__, value)
    return ("safe" if hasattr(value, "__html__") else "text", str(value))


def _choice_widget(bound_field, attrs: dict) -> SafeString:
    """bound_field.as_widget(attrs=attrs) for a choice widget, from the cache when the same
    inputs were rendered before (tests/hallowerk/test_widget_templates.py compares both)."""
    widget = bound_field.field.widget
    # What as_widget() hands to widget.render(), worked out the same way.
    attrs = bound_field.build_widget_attrs(attrs, widget)
    if bound_field.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bound_field.auto_id)
    name, value = bound_field.html_name, bound_field.value()
    key = (type(widget), widget.template_name, widget.option_template_name,
           widget.is_required, name, _frozen(widget.format_value(value)), _frozen(attrs),
           _frozen(widget.attrs), choices_key(widget.choices), get_language(),
           type(bound_field.form.renderer))
    with _RENDERED_LOCK:
        rendered = _RENDERED.get(key)
        if rendered is not None:
            _RENDERED.move_to_end(key)
            return rendered
    rendered = widget.render(name=name, value=value, attrs=attrs,
                             renderer=bound_field.form.renderer)
    with _RENDERED_LOCK:
        _RENDERED[key] = rendered
        if len(_RENDERED) > _RENDERED_MAX:
            _RENDERED.popitem(last=False)
    return rendered


@register.filter
def widget_attrs(attrs: dict) -> SafeString:
    """Django's widgets/attrs.html as a filter: ` name="value"` per attribute, a bare name
    for True, nothing for False. Our input, textarea and select templates call it instead of
    including that template once per widget and once per option (issue 12: a form of three
    fields spent more time on includes than on anything else)."""
    return SafeString(_attrs(attrs))


# --- choice widgets' options, written in Python ----------------------------------------------
# A select of 25 sectors cost ~1 ms of CPU and a list of 16 language checkboxes ~1.5 ms in the
# template language (a loop, a filter and a condition per option): most of the employer's
# search form. The same markup as the templates wrote (tests/hallowerk/test_widget_templates.py
# compares it with Django's own), escaped as Django escapes (escaped), at a fraction of the cost:
# format_html per option was still ~30 µs (issue 12).

_INPUT_OPTION_TEMPLATES = frozenset({"django/forms/widgets/checkbox_option.html",
                                     "django/forms/widgets/radio_option.html"})


def _attrs(attrs: dict) -> str:
    """widget_attrs() as a plain string (the options' loops add it to theirs)."""
    return "".join(f" {escaped(name)}" if value is True else f' {escaped(name)}="{escaped(value)}"'
                   for name, value in attrs.items() if value is not False)


def _select_option(option: dict) -> str:
    label = option["label"]
    if label == "---------":  # Django's empty choice: a sentence instead of dashes
        label = _("Maak een keuze")
    return (f'\n  <option value="{escaped(option["value"])}"{_attrs(option["attrs"])}>'
            f"{escaped(label)}</option>")


def _grouped(optgroups, write_option, group_start: str, group_end: str) -> SafeString:
    """Every option of a choice widget's `optgroups`, a named group between `group_start`
    (with {} for its name) and `group_end`."""
    parts = []
    for group_name, options, _index in optgroups:
        if group_name:
            parts.append(group_start.format(escaped(group_name)))
        parts.extend(write_option(option) for option in options)
        if group_name:
            parts.append(group_end)
    return SafeString("".join(parts))


@register.filter
def select_options(optgroups) -> SafeString:
    """The options of a select widget (its context's `optgroups`), optgroups included."""
    return _grouped(optgroups, _select_option, '\n  <optgroup label="{}">', "\n  </optgroup>")


def _input_option(option: dict) -> str:
    """Django's radio or checkbox option: the input, wrapped in its label."""
    if option["template_name"] not in _INPUT_OPTION_TEMPLATES:
        return render_to_string(option["template_name"], {"widget": option})
    value = "" if option["value"] is None else f' value="{escaped(option["value"])}"'
    html_input = (f'<input type="{escaped(option["type"])}" name="{escaped(option["name"])}"'
                  f'{value}{_attrs(option["attrs"])}>')
    if not option.get("wrap_label"):
        return html_input
    label_id = option["attrs"].get("id")
    label_for = f' for="{escaped(label_id)}"' if label_id else ""
    return f"<label{label_for}>{html_input} {escaped(option['label'])}</label>"


@register.filter
def input_options(optgroups) -> SafeString:
    """The options of a radio or checkbox list (its context's `optgroups`), each in a div."""
    return _grouped(optgroups, lambda option: f"<div>\n    {_input_option(option)}</div>",
                    "\n  <div><label>{}</label>", "\n  </div>")
