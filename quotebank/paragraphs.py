"""A tiny pipeline step that starts a new sentence at every line break.

News paragraphs never share a sentence, but the small English parser sometimes
joins them (a post signature with the next paragraph's subject). Marking the
first token after a line break as a sentence start before the parser runs
keeps every dependency inside its paragraph. :func:`quotebank.load` adds it
before the parser; add it yourself with ``nlp.add_pipe("quotebank_paragraphs",
before="parser")``.
"""

from __future__ import annotations

import importlib
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["mark_paragraph_starts"]

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
