# Families reached are also kept per month, so that a report over any range of
# months counts them from FamilyReach instead of from every contact. The index
# reads an office's monthly shares in order. The data step that wrote the
# monthly shares of the families counted so far moved to migration 0007: it
# writes the columns added there, so it cannot run before them.

from django.db import migrations, models


def fill(apps, schema_editor):
    """Left to migration 0007, which writes the monthly shares with their new columns."""


def unfill(apps, schema_editor):
    apps.get_model("cases", "FamilyReach").objects.filter(grain="m").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_case_list_indexes"),
        ("org", "0004_district_children_under_6"),
        ("people", "0006_turkish_dotless_i_keys"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="familyreach",
            index=models.Index(
                fields=["office", "grain", "start", "family"], name="family_reach_period"
            ),
        ),
        migrations.RunPython(fill, unfill, elidable=True),
    ]
