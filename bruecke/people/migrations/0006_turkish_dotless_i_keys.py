# The phonetic keys of names with the Turkish dotless ı were cut short
# ("Yıldız" gave 058, "Yildiz" 0528): compute them again with the fixed
# phonetic_key for the few names that contain it.

from django.db import migrations

from bruecke.lib.names import phonetic_key


def recompute(apps, schema_editor):
    Family = apps.get_model("people", "Family")
    FamilyNameCode = apps.get_model("people", "FamilyNameCode")
    Person = apps.get_model("people", "Person")
    for family in Family.objects.filter(name__contains="ı").only("pk", "office_id", "name"):
        FamilyNameCode.objects.filter(family_id=family.pk).delete()
        FamilyNameCode.objects.bulk_create(
            FamilyNameCode(office_id=family.office_id, family_id=family.pk, code=code)
            for code in dict.fromkeys(phonetic_key(family.name).split())
        )
    people = Person.objects.filter(first_name__contains="ı") | Person.objects.filter(
        last_name__contains="ı"
    )
    for person in people.only("pk", "first_name", "last_name"):
        Person.objects.filter(pk=person.pk).update(
            first_key=phonetic_key(person.first_name), last_key=phonetic_key(person.last_name)
        )


class Migration(migrations.Migration):
    dependencies = [("people", "0005_remove_family_name_key")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop, elidable=True)]
