"""Load the reference lists (ISCO-08 occupations, sectors, Dutch places) from the CSVs.

Upserts on the natural key, so running it again refreshes labels instead of failing; the
reverse removes exactly the rows the CSVs describe. The CSVs are read at migration time:
after editing one, a new data migration calling `load` again brings existing databases along.
"""

import csv
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "reference" / "data"

# (model, CSV file, natural key, converters for non-text columns)
LISTS = [
    ("Occupation", "occupations.csv", "isco_code", {}),
    ("Sector", "sectors.csv", "code", {}),
    (
        "Place",
        "places_nl.csv",
        "geonames_id",
        {"geonames_id": int, "latitude": float, "longitude": float, "population": int},
    ),
]


def read_rows(filename, converters):
    with (DATA / filename).open(newline="", encoding="utf-8") as handle:
        return [
            {column: converters.get(column, str)(value) for column, value in row.items()}
            for row in csv.DictReader(handle)
        ]


def load(apps, schema_editor):
    for model_name, filename, key, converters in LISTS:
        model = apps.get_model("hallowerk", model_name)
        # Only the columns this state of the model has: a column added to a CSV later
        # (occupations' other_names, 0008) is loaded by the migration that adds its field.
        fields = {field.name for field in model._meta.concrete_fields}
        rows = [{column: value for column, value in row.items() if column in fields}
                for row in read_rows(filename, converters)]
        model.objects.bulk_create(
            [model(**row) for row in rows],
            batch_size=500,
            update_conflicts=True,
            unique_fields=[key],
            update_fields=[column for column in rows[0] if column != key],
        )


def unload(apps, schema_editor):
    for model_name, filename, key, converters in LISTS:
        model = apps.get_model("hallowerk", model_name)
        keys = [row[key] for row in read_rows(filename, converters)]
        model.objects.filter(**{f"{key}__in": keys}).delete()


class Migration(migrations.Migration):
    dependencies = [("hallowerk", "0003_reference_lists")]
    operations = [migrations.RunPython(load, unload)]
