"""`annual_report`: the report as a file from the command line, with a progress bar and clear
errors."""

import re
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from openpyxl import load_workbook

from samverkan.reports.management.commands.annual_report import Progress, compile_with_progress
from samverkan.reports.models import AnnualReport, ChannelFigure, ReportStatus
from samverkan.reports.selectors import compile_report
from samverkan.reports.snapshot import SECTION_KEYS
from tests import factories
from tests.reports.sample_snapshot import stored_report

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    stdout, stderr = StringIO(), StringIO()
    call_command("annual_report", *args, stdout=stdout, stderr=stderr)
    return stdout.getvalue(), stderr.getvalue()


def figure_values(xlsx: bytes) -> list:
    sheet = load_workbook(BytesIO(xlsx)).worksheets[0]
    return [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]


@pytest.fixture
def small_agreement():
    """An agreement whose 2022 has one figure: the followers of an outside channel."""
    agreement = factories.AgreementFactory(slug="lilla")
    ChannelFigure.objects.create(
        agreement=agreement, year=2022, channel="LinkedIn", measure="Följare", value=600
    )
    return agreement


def test_stored_report_is_written_as_it_was_published(tmp_path):
    report = stored_report("published")
    output = tmp_path / "rapport.xlsx"
    stdout, stderr = run(
        "--agreement", "malmoandan", "--year", "2022", "--format", "xlsx", "--output", str(output)
    )
    expected = [f["value"] for s in report.snapshot["sections"] for f in s["figures"]]
    assert figure_values(output.read_bytes()) == expected
    assert str(output) in stdout
    assert "3/3" in stderr  # the stored report, rendering, writing


def test_memo_of_the_stored_report_is_a_pdf(tmp_path):
    stored_report("approved")
    output = tmp_path / "memo.pdf"
    run("--agreement", "malmoandan", "--year", "2022", "--format", "memo", "--output", str(output))
    assert output.read_bytes().startswith(b"%PDF-")


def test_without_a_stored_report_it_compiles_one_section_by_section(small_agreement, tmp_path):
    output = tmp_path / "rapport.html"
    _stdout, stderr = run(
        "--agreement", "lilla", "--year", "2022", "--format", "html", "--output", str(output)
    )
    steps = len(SECTION_KEYS) + 2
    assert [line.split("]")[1].split()[0] for line in stderr.splitlines()] == [
        f"{n}/{steps}" for n in range(1, steps + 1)
    ]
    assert "LinkedIn" in output.read_text()
    assert not AnnualReport.objects.exists()  # compiled, not saved


def test_save_stores_the_compiled_report_as_a_draft(small_agreement, tmp_path):
    output = tmp_path / "rapport.xlsx"
    run("--agreement", "lilla", "--year", "2022", "--format", "xlsx", "--output", str(output))
    assert not AnnualReport.objects.exists()
    run(
        "--agreement",
        "lilla",
        "--year",
        "2022",
        "--format",
        "xlsx",
        "--output",
        str(output),
        "--save",
    )
    report = AnnualReport.objects.get(agreement=small_agreement, year=2022)
    assert report.status == ReportStatus.DRAFT
    assert figure_values(output.read_bytes()) == [
        f["value"] for s in report.snapshot["sections"] for f in s["figures"]
    ]


def test_save_refuses_to_recompile_a_published_report(tmp_path):
    stored_report("published")
    with pytest.raises(CommandError):
        run(
            "--agreement",
            "malmoandan",
            "--year",
            "2022",
            "--format",
            "xlsx",
            "--output",
            str(tmp_path / "r.xlsx"),
            "--fresh",
            "--save",
        )


def test_progress_compilation_equals_compile_report(small_agreement):
    now = timezone.now()
    with translation.override("sv"):
        compiled = compile_with_progress(
            small_agreement, 2022, Progress(None, 11, enabled=False), now=now
        )
        assert compiled == compile_report(small_agreement, 2022, now=now)


def test_unknown_agreement_is_named_in_the_error(tmp_path):
    factories.AgreementFactory(slug="malmoandan")
    with pytest.raises(CommandError, match=r"malmo-andan.*malmoandan"):
        run("--agreement", "malmo-andan", "--year", "2022", "--format", "pdf", "--output", "x.pdf")


@pytest.mark.parametrize("year", ["2021", str(timezone.now().year + 1), "1999"])
def test_a_year_without_data_is_refused(small_agreement, tmp_path, year):
    output = tmp_path / "r.pdf"
    with pytest.raises(CommandError, match=year):
        run("--agreement", "lilla", "--year", year, "--format", "pdf", "--output", str(output))
    assert not output.exists()


@pytest.mark.parametrize("where", ["missing-folder/r.pdf", ""])
def test_an_output_that_cannot_be_written_is_refused_before_compiling(
    small_agreement, tmp_path, where
):
    output = tmp_path / where if where else tmp_path  # a missing folder, or a folder
    with pytest.raises(CommandError, match=re.escape(str(tmp_path))):
        run("--agreement", "lilla", "--year", "2022", "--format", "pdf", "--output", str(output))
