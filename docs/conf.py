"""Sphinx configuration for quotebank's documentation.

Build from the repository root (the tests do the same, into a temporary directory)::

    .venv/bin/sphinx-build -W --keep-going -b html docs docs/_build/html
    .venv/bin/sphinx-build -W --keep-going -b doctest docs docs/_build/doctest

The build needs no network: no intersphinx, and the notebook is executed locally
by myst-nb on a fresh ``python3`` kernel.
"""

from __future__ import annotations

import doctest
import os
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(ROOT))  # autodoc documents the source tree, installed or not

import quotebank  # noqa: E402

project = "quotebank"
author = "quotebank developers"
copyright = "quotebank developers"
version = release = quotebank.__version__

extensions = [
    "myst_nb",  # MyST Markdown pages and Jupyter notebooks (includes myst_parser)
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "**/.ipynb_checkpoints", "Thumbs.db", ".DS_Store"]
root_doc = "index"

# -- MyST -------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- Notebooks --------------------------------------------------------------
# Executed on every build so the site always shows what the current code gives;
# QUOTEBANK_DOCS_EXECUTE=off shows the notebook without running it.
nb_execution_mode = os.environ.get("QUOTEBANK_DOCS_EXECUTE", "force")
nb_execution_timeout = 600
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_kernel_rgx_aliases = {".*": "python3"}
nb_merge_streams = True

# -- autodoc / napoleon -----------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# -- doctest ----------------------------------------------------------------
# Examples open seeds/... relative to the repository root, whatever the build's directory.
# Only the {doctest} blocks of the pages: the docstrings' examples run under pytest --doctest-modules.
doctest_test_doctest_blocks = ""
doctest_global_setup = f"import os\nos.chdir({str(ROOT)!r})\nimport quotebank"
doctest_default_flags = (
    doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1 | doctest.IGNORE_EXCEPTION_DETAIL
)

# -- HTML -------------------------------------------------------------------
html_theme = "alabaster"
html_title = "quotebank"
html_theme_options = {
    "description": "Who said what, in which role, through which channel, in news text.",
    "fixed_sidebar": True,
    "page_width": "1100px",
    "sidebar_width": "230px",
}
html_static_path: list[str] = []
html_show_sourcelink = False
