"""The 17 goals of Agenda 2030 under their Swedish names (reference data, not demo data)."""

from django.db import migrations

GOALS = [
    "Ingen fattigdom",
    "Ingen hunger",
    "Hälsa och välbefinnande",
    "God utbildning för alla",
    "Jämställdhet",
    "Rent vatten och sanitet för alla",
    "Hållbar energi för alla",
    "Anständiga arbetsvillkor och ekonomisk tillväxt",
    "Hållbar industri, innovationer och infrastruktur",
    "Minskad ojämlikhet",
    "Hållbara städer och samhällen",
    "Hållbar konsumtion och produktion",
    "Bekämpa klimatförändringarna",
    "Hav och marina resurser",
    "Ekosystem och biologisk mångfald",
    "Fredliga och inkluderande samhällen",
    "Genomförande och globalt partnerskap",
]


def create_goals(apps, schema_editor):
    Goal = apps.get_model("areas", "SustainabilityGoal")
    for number, title in enumerate(GOALS, start=1):
        Goal.objects.update_or_create(number=number, defaults={"title": title})


class Migration(migrations.Migration):
    dependencies = [("areas", "0003_hosting_no_overlap")]

    operations = [migrations.RunPython(create_goals, migrations.RunPython.noop)]
