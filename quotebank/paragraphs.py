"""A tiny pipeline step that starts a new sentence at every line break.

News paragraphs never share a sentence, but the small English parser sometimes
joins them (a post signature with the next paragraph's subject). Marking the
first token after a line break as a sentence start before the parser runs
keeps every dependency inside its paragraph. :func:`quotebank.load` adds it
before the parser; add it yourself with ``nlp.add_pipe("quotebank_paragraphs",
before="parser")``. The ``quotebank`` component warns once
(:func:`warn_without_paragraphs`) when its pipeline has a parser and not this step.
"""

from __future__ import annotations

import importlib
import warnings
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["PARAGRAPHS_LINE", "mark_paragraph_starts", "warn_without_paragraphs"]

_IDS: dict[str, int] = importlib.import_module("spacy.attrs").IDS  # a compiled module without type stubs
IS_SPACE, ORTH, SENT_START = _IDS["IS_SPACE"], _IDS["ORTH"], _IDS["SENT_START"]


@Language.component("quotebank_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after each line break.

    Example:
        >>> import spacy
        >>> doc = mark_paragraph_starts(spacy.blank("en")("One line\\n\\nAnother line"))
        >>> [t.text for t in doc if t.is_sent_start]
        ['One', 'Another']
    """
    strings = doc.vocab.strings
    starts: list[int] = []
    after_break = True
    # Plain ints from one array: building a Token per token cost more than the rest of this step.
    for i, (is_space, orth) in enumerate(doc.to_array([IS_SPACE, ORTH]).tolist()):
        if is_space:
            after_break = after_break or "\n" in strings[orth]
            continue
        if after_break:
            starts.append(i)
        after_break = False  # a token's own trailing whitespace is one space at most (Token.whitespace_)
    if not starts:
        return doc
    if doc.has_annotation("DEP"):
        doc[starts[0]].is_sent_start = True  # raises spaCy's own error: boundaries cannot change after the parse
    # All at once: each ``Token.is_sent_start = True`` checks the whole Doc for a parse, which made this step
    # quadratic (17 s on a 1M-character document).
    values: Any = doc.to_array([SENT_START])  # uint64; the stubs say float64 here and Ints2d in from_array
    values[starts] = 1
    doc.from_array([SENT_START], values)
    return doc


PARAGRAPHS_LINE = 'nlp.add_pipe("quotebank_paragraphs", before="parser")'
"""The line that adds this step to a pipeline ``nlp``, as the warning gives it."""


def warn_without_paragraphs(nlp: Language, name: str = "quotebank") -> bool:
    """Warn (a ``UserWarning``) when ``nlp`` parses without ``quotebank_paragraphs`` before its parser.

    The ``quotebank`` component checks its pipeline once, at its first Doc (the pipeline is complete by then):
    without this step, the parser may join paragraphs into one sentence, and the quotes and speakers found differ
    from those of :func:`quotebank.load`, which adds it. Returns whether it warned.
    """
    names = nlp.pipe_names
    if "parser" not in names or (
        "quotebank_paragraphs" in names and names.index("quotebank_paragraphs") < names.index("parser")
    ):
        return False
    warnings.warn(
        f"the {name!r} component runs in a pipeline without 'quotebank_paragraphs' before the parser, so a sentence "
        f"may run across a paragraph break and the quotes found differ from quotebank.load()'s; add it with "
        f"{PARAGRAPHS_LINE}",
        UserWarning,
        stacklevel=4,  # the caller of nlp(text)
    )
    return True
