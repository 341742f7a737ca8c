"""A tiny pipeline step that starts a new sentence at every line break.

News paragraphs never share a sentence, but the small English parser sometimes
joins them (a post signature with the next paragraph's subject). Marking the
first token after a line break as a sentence start before the parser runs
keeps every dependency inside its paragraph. :func:`quotebank.load` adds it
before the parser; add it yourself with ``nlp.add_pipe("quotebank_paragraphs",
before="parser")``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["mark_paragraph_starts"]


@Language.component("quotebank_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first token after each line break.

    Example:
        >>> import spacy
        >>> doc = mark_paragraph_starts(spacy.blank("en")("One line\\n\\nAnother line"))
        >>> [t.text for t in doc if t.is_sent_start]
        ['One', 'Another']
    """
    after_break = True
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc
