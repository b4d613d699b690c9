"""The coach's name index carries the client number, so a search by name or number reads the
index alone (candidates/models/candidate.py)."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('candidates', '0020_candidate_open_invitation'),
        ('hallowerk', '0009_occupation_other_names'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='candidate',
            name='candidate_municipality_name',
        ),
        migrations.AddIndex(
            model_name='candidate',
            index=models.Index(fields=['municipality', 'last_name', 'first_name', 'id'], include=('client_number',), name='candidate_municipality_name'),
        ),
    ]
