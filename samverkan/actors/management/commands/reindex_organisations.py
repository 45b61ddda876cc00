from django.core.management.base import BaseCommand

from samverkan.actors.models import Organisation
from samverkan.actors.search import reindex_organisation


class Command(BaseCommand):
    help = "Recompute the register's search text of every organisation (after an upgrade)."

    def handle(self, *args, **options):
        organisations = Organisation.objects.prefetch_related("districts", "interest_areas")
        total = organisations.count()
        for done, organisation in enumerate(organisations.iterator(chunk_size=500), start=1):
            reindex_organisation(organisation)
            if done % 1000 == 0 or done == total:
                self.stdout.write(f"{done}/{total}")
        self.stdout.write(self.style.SUCCESS(f"{total} organisations reindexed."))
