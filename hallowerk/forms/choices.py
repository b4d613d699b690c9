"""Model choice fields that read their choices in one plain query.

Django's own fields read the choices with QuerySet.iterator(), which on PostgreSQL opens a
server-side cursor: DECLARE, FETCH and CLOSE, three round trips (about 0.6 ms of CPU each
here) to spare memory on lists that are a few dozen rows — an employer's vacancies and
lists, the sectors, the municipality's coaches. Every form of ours uses these instead
(tests/hallowerk/test_choice_fields.py)."""

from django import forms
from django.forms.models import ModelChoiceIterator


class OneQueryChoiceIterator(ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for instance in self.queryset:  # evaluated once; the form's own copy keeps the rows
            yield self.choice(instance)


class ModelChoiceField(forms.ModelChoiceField):
    iterator = OneQueryChoiceIterator


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    iterator = OneQueryChoiceIterator
