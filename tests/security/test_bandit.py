"""bandit, the security linter, finds nothing in the platform's code: every finding is fixed or
carries a `# nosec BXXX` with its reason (configuration: [tool.bandit] in pyproject.toml)."""

import subprocess
import sys
from pathlib import Path

import pytest

# Static analysis of the code: the same on either database.
pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).resolve().parents[2]


def test_bandit_finds_no_issue_in_the_code():
    result = subprocess.run(
        [
            *(sys.executable, "-m", "bandit", "-r", "samverkan", "-q", "-c", "pyproject.toml"),
            *("-f", "custom", "--msg-template", "{relpath}:{line} {test_id} {msg}"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, "bandit found:\n" + (result.stdout or result.stderr)
