from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("people", "0004_familynamecode_fill")]

    operations = [migrations.RemoveField(model_name="family", name="name_key")]
