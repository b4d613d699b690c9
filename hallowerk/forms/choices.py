"""Model choice fields that read their choices in one plain query.

Django's own fields read the choices with QuerySet.iterator(), which on PostgreSQL opens a
server-side cursor: DECLARE, FETCH and CLOSE, three round trips (about 0.6 ms of CPU each
here) to spare memory on lists that are a few dozen rows — an employer's vacancies and
lists, the sectors, the municipality's coaches. Every form of ours uses these instead
(tests/hallowerk/test_choice_fields.py).

A view that has already read the rows of a field's queryset (for something else on the same
page) hands them over with offer(): the choices then cost no query of their own. Validation
still asks the queryset.

A form whose queryset depends on the user names it with queryset_from(): the queryset is
built only when something asks for it — validation of a bound form, or choices that were not
offered. Building a scoped queryset costs 0.1-0.2 ms of CPU (Vacancy.objects.visible_to(user)
.published(): 0.17 ms), and the employer's profile page shows two such forms, both empty and
with offered rows, on every view (issue 12)."""

from collections.abc import Callable

from django import forms
from django.forms.models import ModelChoiceIterator


class OneQueryChoiceIterator(ModelChoiceIterator):
    def __init__(self, field):  # Django's reads field.queryset here, which would build it
        self.field = field

    @property
    def queryset(self):
        return self.field.queryset

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        rows = self.field.offered if self.field.offered is not None else self.queryset
        for instance in rows:  # evaluated once; the form's own copy keeps the rows
            yield self.choice(instance)

    def __len__(self):
        if self.field.offered is None:
            return super().__len__()
        return len(self.field.offered) + (1 if self.field.empty_label is not None else 0)

    def __bool__(self):
        if self.field.offered is None:
            return super().__bool__()
        return self.field.empty_label is not None or bool(self.field.offered)


class _OfferedRows:
    iterator = OneQueryChoiceIterator
    offered: list | None = None

    _queryset_build: Callable | None = None

    def offer(self, rows: list) -> None:
        """Show these rows as the choices: rows the view read from this field's queryset."""
        self.offered = rows

    def queryset_from(self, build: Callable) -> None:
        """The queryset build() returns, built the first time something reads it."""
        self._queryset_build = build

    def _get_queryset(self):
        if self._queryset_build is not None:
            build, self._queryset_build = self._queryset_build, None
            self._set_queryset(build())
        return self._queryset

    def _set_queryset(self, queryset):
        self._queryset_build = None  # an assigned queryset replaces one still to be built
        super()._set_queryset(queryset)

    queryset = property(_get_queryset, _set_queryset)


class ModelChoiceField(_OfferedRows, forms.ModelChoiceField):
    pass


class ModelMultipleChoiceField(_OfferedRows, forms.ModelMultipleChoiceField):
    pass


def choices_key(choices) -> tuple:
    """A hashable key of a field's or widget's choices that differs whenever they would render
    differently: each value and label as shown, and whether each is HTML-safe (escaped or
    not); a named group with its own pairs. Iterated, not list()ed: that would ask a model
    field's choices their length, a COUNT query. Used by the caches of rendered markup
    (hallowerk/forms/unbound_html.py, the choice widgets in hallowerk/templatetags/utrecht.py)."""
    key = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            key.append((str(value), hasattr(value, "__html__"), choices_key(label)))
        else:
            key.append((str(value), hasattr(value, "__html__"), str(label),
                        hasattr(label, "__html__")))
    return tuple(key)
