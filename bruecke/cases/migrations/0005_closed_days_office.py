# The office-wide histogram of case durations (metric closed_days_office,
# district 0): the sum of the districts' histograms month by month, so that a
# report of the whole office reads a tenth of the rows for its median.

from django.db import migrations
from django.db.models import Sum

METRIC = "closed_days_office"


def fill(apps, schema_editor):
    StatCount = apps.get_model("cases", "StatCount")
    rows = (
        StatCount.objects.filter(metric="closed_days")
        .order_by()
        .values_list("office_id", "grain", "start", "key")
        .annotate(total=Sum("n"))
    )
    StatCount.objects.bulk_create(
        (
            StatCount(
                office_id=office_id,
                grain=grain,
                start=start,
                metric=METRIC,
                district_pk=0,
                key=key,
                n=total,
            )
            for office_id, grain, start, key, total in rows.iterator(chunk_size=10_000)
            if total
        ),
        batch_size=2_000,
    )


def unfill(apps, schema_editor):
    apps.get_model("cases", "StatCount").objects.filter(metric=METRIC).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_family_reach_months")]

    operations = [migrations.RunPython(fill, unfill, elidable=True)]
