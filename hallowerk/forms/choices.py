"""Model choice fields that read their choices in one plain query.

Django's own fields read the choices with QuerySet.iterator(), which on PostgreSQL opens a
server-side cursor: DECLARE, FETCH and CLOSE, three round trips (about 0.6 ms of CPU each
here) to spare memory on lists that are a few dozen rows — an employer's vacancies and
lists, the sectors, the municipality's coaches. Every form of ours uses these instead
(tests/hallowerk/test_choice_fields.py).

A view that has already read the rows of a field's queryset (for something else on the same
page) hands them over with offer(): the choices then cost no query of their own. Validation
still asks the queryset."""

from django import forms
from django.forms.models import ModelChoiceIterator


class OneQueryChoiceIterator(ModelChoiceIterator):
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


class _OfferedRows:
    iterator = OneQueryChoiceIterator
    offered: list | None = None

    def offer(self, rows: list) -> None:
        """Show these rows as the choices: rows the view read from this field's queryset."""
        self.offered = rows


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
