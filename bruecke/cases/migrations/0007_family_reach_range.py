# A report over any range of months found each family's first month in the
# range by grouping all its monthly shares, then joined the children: 1.8 s
# for two months and 2.9 s for a year at state size. A monthly share now
# keeps the family's previous month with a contact and its children's birth
# dates, and one covering index reads the families' first months in the
# range, whose children the database counts per age group. The data step
# rewrites the monthly shares (StatCount is not touched); it took over from
# migration 0004's.

from django.db import migrations, models


def fill(apps, schema_editor):
    from bruecke.cases.aggregates import reach_months_fill

    reach_months_fill(say=lambda _text: None)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_covering_index_partial"),
        ("org", "0004_district_children_under_6"),
        ("people", "0006_turkish_dotless_i_keys"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="familyreach", name="family_reach_period"),
        migrations.AddField(
            model_name="familyreach",
            name="prev_start",
            field=models.DateField(blank=True, null=True),
        ),
        *(
            migrations.AddField(
                model_name="familyreach",
                name=f"birth_{slot}",
                field=models.DateField(blank=True, null=True),
            )
            for slot in range(1, 5)
        ),
        migrations.AddField(
            model_name="familyreach",
            name="more_births",
            field=models.TextField(blank=True, default=""),
        ),
        # Filled before the index is built: one index build, not two million updates.
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="familyreach",
            index=models.Index(
                fields=[
                    "office",
                    "grain",
                    "start",
                    "prev_start",
                    "district_pk",
                    "age_unknown",
                    "birth_1",
                    "birth_2",
                    "birth_3",
                    "birth_4",
                    "more_births",
                ],
                name="family_reach_range",
            ),
        ),
    ]
