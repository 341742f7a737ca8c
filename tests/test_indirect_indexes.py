"""The lookups that keep reported speech linear give the answers of the walks they replace (issue #16)."""

from __future__ import annotations

import random

from quotebank.indirect.overlaps import Taken
from quotebank.syntax import indexed, is_ancestor, nearest_with_dep, sentence_of, subtree_size

TEXT = (
    "Officials said the plan was late and officials said the budget was short, citing the vote. "
    "The mayor, who spoke on Monday, warned that costs would rise. Critics called it a giveaway.\n\n"
    "“We are ready,” she said."
)


def test_parse_index_answers_as_spacy_does(nlp) -> None:
    doc = nlp(TEXT)
    with indexed(doc):
        for tok in doc:
            assert (sentence_of(tok).start, sentence_of(tok).end) == (tok.sent.start, tok.sent.end)
            assert subtree_size(tok) == len(list(tok.subtree))
            for dep in ("conj", "ccomp", "ROOT", "no-such-label"):
                nearest = nearest_with_dep(tok, dep)
                expected = next((t for t in (tok, *tok.ancestors) if t.dep_ == dep), None)
                assert (nearest.i if nearest else None) == (expected.i if expected else None)
            for other in doc:
                assert is_ancestor(other, tok) == (other in tok.ancestors)


def test_taken_overlaps_as_the_pairwise_test(nlp) -> None:
    doc = nlp(TEXT)
    rng = random.Random(16)
    for _ in range(30):
        taken, plain = Taken(doc), []
        for _ in range(12):
            start = rng.randrange(len(doc))
            span = doc[start : rng.randrange(start, min(len(doc), start + 15) + 1)]
            s0, e0 = span.start_char, span.end_char
            half = any(min(e0, e) - max(s0, s) > 0.5 * (e0 - s0) for s, e in plain)
            touch = any(min(e0, e) > max(s0, s) for s, e in plain)
            assert (taken.covers_half(span), taken.touches(span)) == (half, touch)
            if rng.random() < 0.7:
                taken.add(span)
                plain.append((s0, e0))
