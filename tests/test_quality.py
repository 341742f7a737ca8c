"""Lint and type checks run as part of the test suite, so CI and developers run the same thing."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or str(ROOT / ".venv/bin/ruff")
    result = run(ruff, "check", "quotebank", "tests")
    assert result.returncode == 0, result.stdout + result.stderr
    result = run(ruff, "format", "--check", "quotebank")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = run(sys.executable, "-m", "mypy", "quotebank")
    assert result.returncode == 0, result.stdout + result.stderr
