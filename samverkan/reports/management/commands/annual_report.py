"""`python -m samverkan annual_report --agreement malmoandan --year 2022 --format pdf --output
arsrapport.pdf`: the annual report as a file, as the report's page offers it for download.

The report stored for the year is used when there is one (a published report is frozen: the
file shows what was published). Otherwise, or with --fresh, the report is compiled from the data
now, section by section, without saving it; --save stores the compiled report as a draft (or
recompiles the stored draft) through the reports' services. A progress bar goes to stderr.
"""

import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from samverkan.agreements.models import Agreement
from samverkan.core.exceptions import ApplicationError
from samverkan.core.permissions import SYSTEM
from samverkan.reports.models import AnnualReport
from samverkan.reports.snapshot import SECTION_KEYS

FORMATS = ["pdf", "html", "xlsx", "memo"]
FIRST_YEAR = 2000


class Progress:
    """A progress bar on a command's output stream (stderr): one line redrawn on a terminal, a
    line per step elsewhere."""

    WIDTH = 24

    def __init__(self, stream, total: int, *, enabled: bool = True):
        self.stream, self.total, self.done, self.enabled = stream, total, 0, enabled
        self.redraw = enabled and stream.isatty()

    def step(self, label: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        filled = round(self.WIDTH * self.done / self.total)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        line = f"[{bar}] {self.done:>2}/{self.total} {label}"
        if self.redraw:
            end = "\n" if self.done >= self.total else ""
            self.stream.write(f"\r\033[K{line}{end}", ending="")
        else:
            self.stream.write(line)
        self.stream.flush()


class Command(BaseCommand):
    help = (
        "Write an agreement's annual report for a year as a file: pdf (for the board), html "
        "(a standalone file), xlsx (every figure) or memo (the memo to the board as PDF). Uses "
        "the stored report of the year if there is one, else compiles one from the data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--agreement", required=True, help="the agreement's slug, e.g. malmoandan"
        )
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--format", required=True, choices=FORMATS, dest="output_format")
        parser.add_argument(
            "--output",
            help="the file to write ('-' for standard output); default "
            "arsrapport-<agreement>-<year>.<format> in the current directory",
        )
        parser.add_argument(
            "--fresh",
            action="store_true",
            help="compile from the data now even when a report is stored for the year",
        )
        parser.add_argument(
            "--save",
            action="store_true",
            help="store the compiled report as a draft (or recompile the stored draft)",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            self._handle(**options)

    def _handle(self, **options):
        agreement = Agreement.objects.filter(slug=options["agreement"]).first()
        if agreement is None:
            known = ", ".join(Agreement.objects.values_list("slug", flat=True)) or "–"
            raise CommandError(
                _("There is no agreement “%(slug)s”. Agreements: %(known)s.")
                % {"slug": options["agreement"], "known": known}
            )
        year, output_format = options["year"], options["output_format"]
        this_year = timezone.localdate().year
        if not FIRST_YEAR <= year <= this_year:
            raise CommandError(
                _("There is no data for %(year)d: choose a year from %(first)d to %(last)d.")
                % {"year": year, "first": FIRST_YEAR, "last": this_year}
            )
        output = options["output"] or _default_name(agreement.slug, year, output_format)
        _check_writable(output)

        report = AnnualReport.objects.filter(agreement=agreement, year=year).first()
        use_stored = report is not None and not options["fresh"]
        compiles = not use_stored and not options["save"]
        progress = Progress(
            self.stderr,
            (len(SECTION_KEYS) if compiles else 1) + 2,
            enabled=not options["no_progress"],
        )
        if use_stored:
            progress.step(_("Stored report (%(status)s)") % {"status": report.get_status_display()})
        elif options["save"]:
            report = self._save(agreement, year, report)
            progress.step(_("Compiled and saved as a draft"))
        else:
            snapshot = compile_with_progress(agreement, year, progress)
            _refuse_empty(snapshot, year)
            report = AnnualReport(
                agreement=agreement,
                year=year,
                snapshot=snapshot,
                texts=report.texts if report else {},
                memo=report.memo if report else {},
            )
        content = render(report, output_format, stored=report.pk is not None)
        progress.step(_("Rendered %(format)s") % {"format": output_format})
        _write(output, content)
        progress.step(_("Written"))
        if output != "-":
            self.stdout.write(
                _("Wrote %(file)s (%(size)d bytes).") % {"file": output, "size": len(content)}
            )

    def _save(self, agreement, year, report):
        from samverkan.reports import services

        try:
            if report is None:
                return services.create_report(agreement=agreement, year=year, by=SYSTEM)
            return services.recompile(report=report, by=SYSTEM)
        except ApplicationError as error:
            raise CommandError(str(error.message)) from error


def compile_with_progress(agreement, year: int, progress: Progress, *, now=None) -> dict:
    """selectors.compile_report, one progress step per section."""
    from samverkan.reports.selectors import compile_report

    return compile_report(
        agreement,
        year,
        now=now,
        on_section=lambda key, section: progress.step(section.get("title") or key),
    )


def render(report: AnnualReport, output_format: str, *, stored: bool) -> bytes:
    from samverkan.reports.export_html import render_report_html
    from samverkan.reports.pdf import render_memo_pdf, render_report_pdf
    from samverkan.reports.xlsx import render_report_xlsx

    # A report compiled by the command is no stored report: it shows no workflow status.
    status = report.status if stored else None
    if output_format == "pdf":
        return render_report_pdf(report.snapshot, report.texts, status=status)
    if output_format == "xlsx":
        return render_report_xlsx(report.snapshot, status=status)
    if output_format == "html":
        return render_report_html(report.snapshot, report.texts, status=status).encode()
    return render_memo_pdf(report)


def _refuse_empty(snapshot: dict, year: int) -> None:
    values = [f.get("value") for s in snapshot["sections"] for f in s["figures"]]
    if not any(values):
        raise CommandError(
            _("There is no data for %(year)d: every figure of the report is zero.") % {"year": year}
        )


def _default_name(slug: str, year: int, output_format: str) -> str:
    from samverkan.reports.export_html import filename

    if output_format == "memo":
        return filename(slug, year, "pdf", memo=True)
    return filename(slug, year, output_format)


def _check_writable(output: str) -> None:
    """Refuse before compiling, not after: a directory, a missing folder, no right to write."""
    if output == "-":
        return
    folder = os.path.dirname(os.path.abspath(output))
    if os.path.isdir(output):
        raise CommandError(_("%(file)s is a folder, not a file.") % {"file": output})
    if not os.path.isdir(folder):
        raise CommandError(_("The folder %(folder)s does not exist.") % {"folder": folder})
    if not os.access(output if os.path.exists(output) else folder, os.W_OK):
        raise CommandError(_("Cannot write to %(file)s.") % {"file": output})


def _write(output: str, content: bytes) -> None:
    if output == "-":
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return
    try:
        with open(output, "wb") as file:
            file.write(content)
    except OSError as error:
        raise CommandError(
            _("Cannot write to %(file)s: %(reason)s") % {"file": output, "reason": error.strerror}
        ) from error
