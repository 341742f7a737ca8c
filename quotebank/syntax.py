"""Named sets of dependency labels and entity types, and the small parse helpers the rules share.

The labels are those of spaCy's English pipelines (ClearNLP dependencies, OntoNotes entity types). Words live in
the lexicon (:mod:`quotebank.lexicons`); what is here is grammar, the same whatever the words.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

__all__ = [
    "AUXILIARY_DEPS",
    "CLAUSE_SUBJECT_DEPS",
    "COMPLEMENT_DEPS",
    "ELLIPSIS_DEPS",
    "NAME_ENTITIES",
    "NOT_CONTENT_ENTITIES",
    "OWN_CONTENT_DEPS",
    "PREDICATE_DEPS",
    "SETTING_ENTITIES",
    "SUBJECT_DEPS",
    "TIME_ENTITIES",
    "ParseIndex",
    "ends_in_question",
    "has_subject",
    "indexed",
    "is_ancestor",
    "nearest_with_dep",
    "parse_index",
    "sentence_of",
    "subjects_of",
    "subtree_size",
]

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
"""A verb's subject, active or passive."""
CLAUSE_SUBJECT_DEPS = SUBJECT_DEPS | {"expl"}
"""What gives a clause a subject of its own, expletive ``there``/``it`` included."""
AUXILIARY_DEPS = frozenset({"aux", "auxpass"})
COMPLEMENT_DEPS = frozenset({"ccomp"})
"""A reporting verb's clause: what was said."""
OWN_CONTENT_DEPS = frozenset({"xcomp", "oprd", "attr", "acomp"})
"""Complements that give a verb content of its own, so that it is no parenthetical cue."""
PREDICATE_DEPS = frozenset({"prep", "advmod", "acomp", "oprd", "xcomp", "dobj", "attr"})
"""What may follow an object as its predicate (``shows him with his hands in the air``)."""
ELLIPSIS_DEPS = frozenset({"nsubj", "neg", "punct", "cc", "advmod"})
"""All a verb phrase elided leaves: subject, auxiliary and negation (``Their bosses aren't.``)."""

NAME_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
"""Entity types of those who may speak."""
TIME_ENTITIES = frozenset({"DATE", "TIME"})
SETTING_ENTITIES = TIME_ENTITIES | {"GPE", "LOC", "FAC", "EVENT"}
"""Entity types that say where or when something was said."""
NOT_CONTENT_ENTITIES = TIME_ENTITIES | NAME_ENTITIES | {"CARDINAL", "ORDINAL"}
"""Entity types that are never what was said: its time, its target, a number."""

_QUESTION_TAIL = " \n\"”’'"


def subjects_of(tok: Token) -> list[Token]:
    """The subjects of ``tok`` (active or passive), in text order."""
    return [c for c in tok.children if c.dep_ in SUBJECT_DEPS]


def has_subject(tok: Token) -> bool:
    """True when ``tok`` heads a clause with a subject of its own, expletive included."""
    return any(c.dep_ in CLAUSE_SUBJECT_DEPS for c in tok.children)


def ends_in_question(sent: Span) -> bool:
    """True for a sentence that ends in a question mark, closing quotation marks aside."""
    # From the last token back, not ``sent.text``: building a long sentence's text for each of its cues was
    # quadratic in the sentence.
    doc = sent.doc
    for i in range(sent.end - 1, sent.start - 1, -1):
        rest = doc[i].text_with_ws.rstrip(_QUESTION_TAIL)
        if rest:
            return rest.endswith("?")
    return False


_T = TypeVar("_T")


class ParseIndex:
    """Sentence bounds and tree positions of one parsed Doc, so that a rule asks in constant time what spaCy walks.

    ``tok.sent`` walks the sentence, ``x in tok.ancestors`` the path to the root and ``len(list(tok.subtree))`` the
    subtree: asked once per cue, each is quadratic in a long sentence (or a deep one: ``officials said X was late
    and officials said ...`` nests each report in the one before). The index answers the same questions from
    arrays built once per Doc, each on first use. It is only valid while the parse does not change, so it is
    active inside :func:`indexed` only; outside, the helpers of this module ask spaCy.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._sent_starts: list[int] | None = None
        self._enter: list[int] | None = None
        self._leave: list[int] = []
        self._preorder: list[int] = []
        self._heads: list[int] = []
        self._memo: dict[Hashable, Any] = {}

    def memo(self, key: Hashable, build: Callable[[], _T]) -> _T:
        """The value ``build`` gives, built once per Doc (``key`` names it: the same key, the same value)."""
        if key not in self._memo:
            self._memo[key] = build()
        value: _T = self._memo[key]
        return value

    def sentence(self, tok: Token) -> Span:
        """``tok.sent``, by bisection over the sentence starts."""
        starts = self._sent_starts
        if starts is None:
            doc = self.doc
            hooked = "sent" in doc.user_token_hooks or "sent" in doc.user_span_hooks or "sents" in doc.user_hooks
            if hooked or not doc.has_annotation("SENT_START"):
                return tok.sent  # spaCy's own answer (or its error)
            flags = doc.to_array("SENT_START").tolist()
            starts = self._sent_starts = [0, *(i for i in range(1, len(flags)) if flags[i] == 1)]
        n = bisect_right(starts, tok.i)
        return self.doc[starts[n - 1] : starts[n] if n < len(starts) else len(self.doc)]

    def _tree(self) -> bool:
        """Number the tokens in depth-first order (once); False when the heads do not make a forest."""
        if self._enter is None:
            doc = self.doc
            n = len(doc)
            offsets = doc.to_array("HEAD").astype("int64").tolist() if n else []
            heads = [i + offset for i, offset in enumerate(offsets)]
            children: list[list[int]] = [[] for _ in range(n)]
            for i, head in enumerate(heads):
                if head != i:
                    children[head].append(i)
            enter, leave = [-1] * n, [0] * n
            order: list[int] = []
            for root in (i for i in range(n) if heads[i] == i):
                stack = [(root, False)]
                while stack:
                    node, done = stack.pop()
                    if done:
                        leave[node] = len(order)
                        continue
                    enter[node] = len(order)
                    order.append(node)
                    stack.append((node, True))
                    stack.extend((c, False) for c in reversed(children[node]))
            self._enter, self._leave, self._preorder, self._heads = enter, leave, order, heads
        return len(self._preorder) == len(self.doc)

    def is_ancestor(self, ancestor: Token, tok: Token) -> bool:
        """``ancestor in tok.ancestors``."""
        if not self._tree():
            return any(a.i == ancestor.i for a in tok.ancestors)
        assert self._enter is not None
        enter = self._enter
        return enter[ancestor.i] < enter[tok.i] and self._leave[tok.i] <= self._leave[ancestor.i]

    def subtree_size(self, tok: Token) -> int:
        """``len(list(tok.subtree))``."""
        if not self._tree():
            return sum(1 for _ in tok.subtree)
        assert self._enter is not None
        return self._leave[tok.i] - self._enter[tok.i]

    def nearest_with_dep(self, tok: Token, dep: str) -> Token | None:
        """The first of ``tok`` and its ancestors, nearest first, whose label is ``dep``."""
        if not self._tree():
            return next((t for t in (tok, *tok.ancestors) if t.dep_ == dep), None)

        def build() -> list[int]:
            labels = self.doc.to_array("DEP").tolist()
            wanted = get_string_id(dep)
            nearest = [-1] * len(labels)
            for i in self._preorder:  # a head comes before its children
                head = self._heads[i]
                nearest[i] = i if labels[i] == wanted else (nearest[head] if head != i else -1)
            return nearest

        found = self.memo(("nearest_with_dep", dep), build)[tok.i]
        return self.doc[found] if found >= 0 else None


_ACTIVE: ContextVar[ParseIndex | None] = ContextVar("quotebank_parse_index", default=None)


@contextmanager
def indexed(doc: Doc) -> Iterator[ParseIndex]:
    """Make a :class:`ParseIndex` of ``doc`` active for the helpers below while the block runs (the parse must
    not change inside it)."""
    active = _ACTIVE.get()
    if active is not None and active.doc is doc:
        yield active
        return
    index = ParseIndex(doc)
    token = _ACTIVE.set(index)
    try:
        yield index
    finally:
        _ACTIVE.reset(token)


def parse_index(doc: Doc) -> ParseIndex | None:
    """The active index of ``doc`` (see :func:`indexed`), or None."""
    active = _ACTIVE.get()
    return active if active is not None and active.doc is doc else None


def sentence_of(tok: Token) -> Span:
    """``tok.sent``, from the active index when there is one."""
    index = parse_index(tok.doc)
    return index.sentence(tok) if index is not None else tok.sent


def is_ancestor(ancestor: Token, tok: Token) -> bool:
    """``ancestor in tok.ancestors``, from the active index when there is one."""
    index = parse_index(tok.doc)
    return index.is_ancestor(ancestor, tok) if index is not None else ancestor in tok.ancestors


def subtree_size(tok: Token) -> int:
    """``len(list(tok.subtree))``, from the active index when there is one."""
    index = parse_index(tok.doc)
    return index.subtree_size(tok) if index is not None else len(list(tok.subtree))


def nearest_with_dep(tok: Token, dep: str) -> Token | None:
    """The first of ``tok`` and its ancestors whose dependency label is ``dep``, from the active index when there is
    one."""
    index = parse_index(tok.doc)
    if index is not None:
        return index.nearest_with_dep(tok, dep)
    return next((t for t in (tok, *tok.ancestors) if t.dep_ == dep), None)
