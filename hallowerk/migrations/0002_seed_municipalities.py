from django.db import migrations

# The four municipalities of the spec; administrators add more through the admin pages.
MUNICIPALITIES = [
    ("Den Haag", "den-haag", "Haaglanden", "den-haag"),
    ("Rotterdam", "rotterdam", "Rijnmond", "rotterdam"),
    ("Amsterdam", "amsterdam", "Groot Amsterdam", "amsterdam"),
    ("Utrecht", "utrecht", "Midden-Utrecht", "utrecht"),
]


def seed(apps, schema_editor):
    Municipality = apps.get_model("hallowerk", "Municipality")
    for name, slug, region, theme in MUNICIPALITIES:
        Municipality.objects.get_or_create(
            slug=slug, defaults={"name": name, "labour_market_region": region, "theme": theme})


class Migration(migrations.Migration):
    dependencies = [("hallowerk", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
