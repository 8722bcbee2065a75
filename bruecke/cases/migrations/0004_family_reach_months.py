# Families reached are also kept per month, so that a report over any range of
# months counts them from FamilyReach instead of from every contact. The index
# reads an office's monthly shares in order; the data step writes the monthly
# shares of the families counted so far (StatCount is not touched).

from django.db import migrations, models


def fill(apps, schema_editor):
    from bruecke.cases.aggregates import reach_months_fill

    reach_months_fill(say=lambda _text: None)


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
