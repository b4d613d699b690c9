"""The HTML of an empty form, rendered once per process and reused (issue 12).

An empty form with the same choices renders to the same HTML every time, yet rendering it
through the form templates costs about 1 ms of CPU per form (a textarea and a select of two
vacancies: 1.05 ms here), and the employer's profile page shows two of them on every view.
Opt-in per form class (UnboundHtmlCached), and only while the form is unbound and has no
initial values: a form that shows what someone typed, an error or a stored value is always
rendered. The key holds the form class, the language and every choice (value and label as
shown), so a renamed list or another language is a new entry; nothing of a candidate is
ever in these forms.

A form with a prefix (one per row of a list, like the feedback form under each suggested
vacancy: 25 a page) is rendered once with Django's formset placeholder `__prefix__` in its
place, and the placeholder is replaced by the form's own prefix: only prefixes of letters,
digits, '-' and '_', which need no escaping anywhere in the HTML.
"""

import re
from collections import OrderedDict
from threading import Lock

from django.utils.safestring import SafeString
from django.utils.translation import get_language

from .choices import choices_key

MAX_ENTRIES = 512  # per process: a form's HTML is a few kB

_rendered: OrderedDict[tuple, SafeString] = OrderedDict()
_lock = Lock()  # gunicorn's threads share the module


def _choices_key(form) -> tuple:
    return tuple((name, choices_key(field.choices))
                 for name, field in form.fields.items() if hasattr(field, "choices"))


PREFIX_PLACEHOLDER = "__prefix__"
_PLAIN_PREFIX = re.compile(r"[A-Za-z0-9_-]+")


def _cacheable(form) -> bool:
    return (not form.is_bound and not form.initial
            and (form.prefix is None or _PLAIN_PREFIX.fullmatch(form.prefix) is not None)
            and not any(field.initial is not None for field in form.fields.values()))


def _render_with_placeholder(form, render) -> SafeString:
    """The form's HTML with PREFIX_PLACEHOLDER where its prefix goes. The bound fields keep
    the names they were made with, so they are made again around the rendering."""
    prefix = form.prefix
    form.prefix, form._bound_fields_cache = PREFIX_PLACEHOLDER, {}
    try:
        return render()
    finally:
        form.prefix, form._bound_fields_cache = prefix, {}


class UnboundHtmlCached:
    """Mixin for a Form whose empty rendering may be reused (see the module's docstring).
    Only for forms whose fields depend on nothing but their choices: a form that changes a
    label, a widget or `required` per instance in __init__ must not use it."""

    def render(self, template_name=None, context=None, renderer=None):
        if template_name or context or renderer or not _cacheable(self):
            return super().render(template_name, context, renderer)
        key = (type(self), get_language(), self.auto_id, self.prefix is not None,
               _choices_key(self))
        with _lock:
            html = _rendered.get(key)
            if html is not None:
                _rendered.move_to_end(key)
        if html is None:
            html = (super().render() if self.prefix is None
                    else _render_with_placeholder(self, super().render))
            with _lock:
                _rendered[key] = html
                if len(_rendered) > MAX_ENTRIES:
                    _rendered.popitem(last=False)
        if self.prefix is None:
            return html
        return SafeString(html.replace(PREFIX_PLACEHOLDER, self.prefix))

    # Django's forms bind these to their own render() (RenderableMixin); `{{ form }}` in a
    # template and str(form) must reach the one above.
    __str__ = render
    __html__ = render
