"""Reported (indirect) speech: what was said, without quotation marks.

A cue event (see :mod:`quotebank.attribute`) reports speech when its verb or noun takes content; the content
becomes a ``Quote(kind=INDIRECT)`` with the cue's speaker, role and channel. The rules, all read from the
dependency parse and the lexicon, are in the modules of this package, one per construction family, each with
its rules in its docstring and its tests:

* :mod:`~quotebank.indirect.content`: what a cue reports, each family's rule in turn, and the run-ons
  (``tests/test_indirect_core.py``, ``tests/test_indirect_boundaries.py``);
* :mod:`~quotebank.indirect.clauses`: complement clauses and speech nouns (``tests/test_indirect_nouns.py``);
* :mod:`~quotebank.indirect.attributions`: parenthetical and trailing attributions
  (``tests/test_indirect_parenthetical.py``);
* :mod:`~quotebank.indirect.frames`: nominal content, stances and positions (``tests/test_indirect_frames.py``,
  ``tests/test_indirect_stances.py``, ``tests/test_indirect_positions.py``);
* :mod:`~quotebank.indirect.requests`: naming, requests and questions (``tests/test_indirect_requests.py``);
* :mod:`~quotebank.indirect.evidence`: evidential sources (``tests/test_indirect_evidence.py``);
* :mod:`~quotebank.indirect.headlines`: headlines (``tests/test_indirect_headlines.py``);
* :mod:`~quotebank.indirect.hearsay`: hearsay and continued reports (``tests/test_indirect_sentences.py``);
* :mod:`~quotebank.indirect.assembly`: the quotes, mixed quotes linked (``tests/test_indirect.py``);
* :mod:`~quotebank.indirect.reporting` and :mod:`~quotebank.indirect.spans`: what they share.
"""

from __future__ import annotations

from .assembly import report_speech
from .content import content_span
from .headlines import content_within, headline_clauses, headline_reports
from .hearsay import continued_report, hearsay_reports
from .reporting import is_added_report
from .requests import NAMING_VERBS, is_put_question
from .spans import DATELINE_DASHES

__all__ = [
    "DATELINE_DASHES",
    "NAMING_VERBS",
    "content_span",
    "content_within",
    "continued_report",
    "headline_clauses",
    "headline_reports",
    "hearsay_reports",
    "is_added_report",
    "is_put_question",
    "report_speech",
]
