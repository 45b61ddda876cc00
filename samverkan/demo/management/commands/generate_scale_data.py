import datetime
import time

from django.core.management.base import BaseCommand, CommandError

from samverkan.demo import scale


class Command(BaseCommand):
    help = (
        "Generate a city-scale data set in every domain for benchmarks: --scale 1 is Malmö "
        "today (3 000 organisations, 6 000 people, 4 000 representations, 300 collaborations, "
        "1 500 needs and offers, 1 000 events with ~30 000 registrations, 2 venues with "
        "~3 000 bookings and 52 weekly visitor counts each, 40 meetings with ~400 paragraphs, "
        "100 funding calls, 50 materials, 100 plan activities); everything grows in proportion. "
        "Deterministic for a seed and a day. Loads the demo first when it is missing. Generated "
        "rows have slugs and e-mails beginning with 'skala-'; a second run refuses unless "
        "--replace, which removes them first. All in one transaction."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=scale.DEFAULT_SCALE,
            help=f"1 = Malmö today; fractions allowed, e.g. 0.05 (default {scale.DEFAULT_SCALE}).",
        )
        parser.add_argument(
            "--seed",
            type=int,
            default=scale.DEFAULT_SEED,
            help=f"Random seed (default {scale.DEFAULT_SEED}).",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Remove the rows of an earlier run first instead of refusing.",
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="The day dates count from, YYYY-MM-DD (default: today).",
        )

    def handle(self, *args, **options):
        if options["scale"] <= 0:
            raise CommandError("--scale must be greater than 0, e.g. 1 or 0.05.")
        started = time.monotonic()
        progress = scale.Progress(total=len(scale.DOMAINS), stream=self.stderr)
        try:
            counts = scale.generate(
                scale=options["scale"],
                seed=options["seed"],
                replace=options["replace"],
                today=options["today"],
                progress=progress,
            )
        except scale.GeneratedDataExists:
            raise CommandError(
                "Skalningsdata finns redan / generated data is already there "
                "(slugs and e-mails beginning with 'skala-'). Run again with --replace to "
                "remove it and generate anew."
            ) from None
        seconds = time.monotonic() - started
        self.stdout.write(
            f"\nSkalningsdata / scale data, scale {options['scale']:g}, seed {options['seed']}:\n"
        )
        for kind, rows in counts.items():
            label = scale.LABELS.get(kind, kind)
            self.stdout.write(f"  {label:<52} {_thousands(rows):>9}\n")
        total = sum(counts.values())
        self.stdout.write(f"  {'Totalt / total':<52} {_thousands(total):>9}\n")
        self.stdout.write(f"Tid / elapsed: {seconds:.1f} s\n")


def _thousands(number: int) -> str:
    """12 345, as Swedish writes it (with a space)."""
    return f"{number:,}".replace(",", " ")
