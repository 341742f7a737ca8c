"""The package's metadata: a license, one version, build requirements that match the metadata used, no empty extra."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib

from conftest import ROOT

import quotebank

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_mit_license_file_and_an_spdx_expression() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in text
    project = PYPROJECT["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    # An SPDX `license` string and `license-files` need setuptools 77; older ones warn or fail at build time.
    (setuptools,) = [r for r in PYPROJECT["build-system"]["requires"] if r.startswith("setuptools")]
    match = re.fullmatch(r"setuptools>=(\d+)(\.\d+)*", setuptools)
    assert match and int(match.group(1)) >= 77


def test_the_version_is_written_once() -> None:
    project = PYPROJECT["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "quotebank.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", quotebank.__version__)
    assert importlib.metadata.version("quotebank") == quotebank.__version__
    init = (ROOT / "quotebank" / "__init__.py").read_text(encoding="utf-8")
    assert init.count(quotebank.__version__) == 1


def test_no_extra_that_installs_nothing_new() -> None:
    project = PYPROJECT["project"]
    # tqdm is a dependency of quotebank (the command line's and the bank's progress bars) and of spaCy.
    assert "progress" not in project["optional-dependencies"]
    assert any(d.startswith("tqdm") for d in project["dependencies"])
    assert all("progress" not in d for d in project["optional-dependencies"]["dev"])


def test_the_command_and_the_components_are_declared() -> None:
    project = PYPROJECT["project"]
    assert project["scripts"] == {"quotebank": "quotebank.cli:main"}
    factories = project["entry-points"]["spacy_factories"]
    assert set(factories) == {"quotebank", "quotebank_paragraphs", "quotebank_attribute_ruler", "quotebank_lemmatizer"}
