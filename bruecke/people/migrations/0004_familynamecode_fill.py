# Fills FamilyNameCode from Family.name_key (the codes, space-separated) before
# that column goes. Plain SQL: one INSERT ... SELECT for the names of one word
# (nearly all), Python only for names of several words. Seconds at state size.

from django.db import migrations

BATCH = 5_000


def fill(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO people_familynamecode (office_id, family_id, code) "
            "SELECT office_id, id, TRIM(name_key) FROM people_family "
            "WHERE TRIM(name_key) <> '' AND TRIM(name_key) NOT LIKE '% %'"
        )
        cursor.execute(
            "SELECT office_id, id, name_key FROM people_family WHERE TRIM(name_key) LIKE '% %'"
        )
        rows = []
        for office_id, family_id, name_key in cursor.fetchall():
            # dict.fromkeys: each code once per family (the unique constraint).
            rows.extend((office_id, family_id, code) for code in dict.fromkeys(name_key.split()))
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH):
            cursor.executemany(
                "INSERT INTO people_familynamecode (office_id, family_id, code) "
                "VALUES (%s, %s, %s)",
                rows[start : start + BATCH],
            )


def unfill(apps, schema_editor):
    """Back to the padded column (" 67 862 ") the LIKE search read."""
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT family_id, code FROM people_familynamecode ORDER BY id")
        codes: dict[object, list[str]] = {}
        for family_id, code in cursor.fetchall():
            codes.setdefault(family_id, []).append(code)
        rows = [
            (f" {' '.join(family_codes)} ", family_id) for family_id, family_codes in codes.items()
        ]
        for start in range(0, len(rows), BATCH):
            cursor.executemany(
                "UPDATE people_family SET name_key = %s WHERE id = %s", rows[start : start + BATCH]
            )


class Migration(migrations.Migration):
    dependencies = [("people", "0003_familynamecode")]

    operations = [migrations.RunPython(fill, unfill, elidable=True)]
