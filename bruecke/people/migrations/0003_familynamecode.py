# Family search by name through an index: one row per phonetic code of a
# family's name replaces the LIKE search in Family.name_key (a full scan).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("org", "0004_district_children_under_6"),
        ("people", "0002_person_kita"),
    ]

    operations = [
        migrations.CreateModel(
            name="FamilyNameCode",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("code", models.CharField(max_length=120)),
                (
                    "family",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="name_codes",
                        to="people.family",
                    ),
                ),
                (
                    "office",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="org.office",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["office", "code", "family"], name="familyname_office_code")
                ],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("family", "code"), name="familyname_family_code"
                    )
                ],
            },
        ),
        migrations.RemoveIndex(model_name="family", name="family_office_namekey"),
    ]
