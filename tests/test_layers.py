"""The apps are layers (pyproject.toml, [tool.importlinter]): a module imports only from its own
app or the apps below, so that core is a foundation and no two apps lean on each other."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import samverkan

# Static analysis of the imports: the same on either database.
pytestmark = pytest.mark.database_independent

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path(samverkan.__file__).parent


def _contracts() -> list[dict]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["importlinter"]["contracts"]


def test_every_import_keeps_to_the_layers():
    # The script sits next to the interpreter, in the environment's bin directory.
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports), "--no-cache", "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_app_has_a_place_in_the_layers():
    (layers,) = [c for c in _contracts() if c["type"] == "layers"]
    placed = {name.strip() for layer in layers["layers"] for name in layer.split("|")}
    apps = {f"samverkan.{path.parent.name}" for path in PACKAGE.glob("*/apps.py")}
    assert apps - placed == set(), "add the new app to the layers in pyproject.toml"
