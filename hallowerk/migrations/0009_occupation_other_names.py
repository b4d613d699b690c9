"""Occupations' other names (issue 18): the field, filled from reference/data/occupations.csv
by the same upsert that loaded the lists (0004), as its docstring prescribes after a CSV edit.
"""

from importlib import import_module

from django.db import migrations, models

reference_lists = import_module("hallowerk.migrations.0004_load_reference_lists")


class Migration(migrations.Migration):
    dependencies = [("hallowerk", "0008_two_factor_enrolment_link")]
    operations = [
        migrations.AddField(
            model_name="occupation",
            name="other_names",
            field=models.TextField(blank=True, default="", verbose_name="andere namen"),
        ),
        # Reversing drops the field (AddField), so there is nothing to undo here.
        migrations.RunPython(reference_lists.load, migrations.RunPython.noop),
    ]
