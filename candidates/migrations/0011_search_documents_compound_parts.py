"""The search documents are built anew: they now hold the parts of compound words
(candidates/compounds.py, issue 18)."""

from django.db import migrations


def rebuild_documents(apps, schema_editor):
    # Derived data, built with today's code (as in 0007).
    from candidates.search_documents import search_documents_rebuild_all

    search_documents_rebuild_all()


class Migration(migrations.Migration):

    dependencies = [
        ('candidates', '0010_retention_due_index'),
    ]

    operations = [
        migrations.RunPython(rebuild_documents, migrations.RunPython.noop, elidable=True),
    ]
