# Index-only: a team lead's case list reads the office's cases in list order.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_report_counts")]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(
                fields=["office", "status", "review_on", "number"], name="case_office_review"
            ),
        ),
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["office", "status", "closed_on"], name="case_office_closed"),
        ),
    ]
