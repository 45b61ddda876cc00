from django.core.management.base import BaseCommand

from samverkan.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Load the Malmöandan demo data: agreement, districts, organisations and demo users. "
        "Idempotent: a second run creates nothing."
    )

    def handle(self, *args, **options):
        load_demo(stdout=self.stdout)
