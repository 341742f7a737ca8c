"""Reported-speech recall by the kind of word that governs the annotated content.

PolNeAR annotates far more than speech as attribution: beliefs (``supporters believe ...``), stances
(``has been endorsed by dozens of papers``), actions and topics. quotebank reports speech only, so its overall
``indirect_recall`` mixes what it tries to find with what it leaves out on purpose. This script splits the gold
reported-speech rows by the word their content hangs from in the parse (up to two steps up) and prints the share
found in each class, with the same matching rule as ``score.py`` (one prediction covering 80 % of the row)::

    python benchmarks/indirect_breakdown.py ../shared/eval/polnear_dev/gold.jsonl ../shared/eval/polnear_dev/docs

Classes: a report the issue leaves out by design (negated, declined or hypothetical: ``did not say``, ``would
say``); a person or pronoun alone (the target of a stance, ``endorsed Clinton``); a speech verb or noun of the
lexicon (``said``, ``claim``, ``according to``); no governing word (headlines, whole sentences); a cognition verb
(left out by design); anything else (stances, actions, topics).
"""

from __future__ import annotations

import argparse
import json
import logging
from collections import Counter
from pathlib import Path

import quotebank
from quotebank.component import doc_quotes
from quotebank.lexicons import get_lexicon

CLASSES = (
    "speech verb or noun",
    "no governing word (headline, whole sentence)",
    "cognition verb (left out by design)",
    "negated, declined or hypothetical (left out by design)",
    "a person or pronoun alone (a target, not content)",
    "other (stance, action, topic)",
)
_TARGET_POS = frozenset({"PRON", "PROPN", "DET"})


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("docs", type=Path)
    args = parser.parse_args(argv)
    logging.getLogger("quotebank").setLevel(logging.ERROR)
    lexicon = get_lexicon("en")
    speech_words = {*lexicon.speech_verbs, *lexicon.speech_nouns, *lexicon.cue_nouns, "according"}
    rows = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_doc: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        if row["kind"] == "indirect":
            by_doc.setdefault(str(row["doc"]), []).append(row)
    nlp = quotebank.load()
    total: Counter[str] = Counter()
    found: Counter[str] = Counter()
    for name, gold in sorted(by_doc.items()):
        doc = nlp((args.docs / name).read_text(encoding="utf-8"))
        quotes = doc_quotes(doc)
        for row in gold:
            start, end = int(str(row["start"])), int(str(row["end"]))
            best = max((_overlap(q.start, q.end, start, end) for q in quotes), default=0)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            top = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
            root = max(top, key=lambda t: len(list(t.subtree)))
            governors = []
            current = root
            for _ in range(2):
                if current.head.i == current.i:
                    break
                current = current.head
                governors.append(current)
            words = [g.lemma_.lower() for g in governors] + [g.lower_ for g in governors]
            verb = next((g for g in governors if g.pos_ in ("VERB", "AUX", "NOUN")), None)
            content_words = [t for t in span if not t.is_punct]
            if verb is not None and (
                any(
                    c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in lexicon.hypothetical_modals)
                    for c in verb.children
                )
                or any(w in lexicon.declining_verbs for w in words)
            ):
                kind = CLASSES[3]
            elif len(content_words) <= 3 and all(t.pos_ in _TARGET_POS for t in content_words):
                kind = CLASSES[4]
            elif any(w in speech_words for w in words):
                kind = CLASSES[0]
            elif not governors:
                kind = CLASSES[1]
            elif any(w in lexicon.cognition_verbs for w in words):
                kind = CLASSES[2]
            else:
                kind = CLASSES[5]
            total[kind] += 1
            found[kind] += best >= 0.8 * (end - start)
    print(f"{'content governed by':<56} {'rows':>5} {'found':>6} {'recall':>7}")
    for kind in CLASSES:
        if total[kind]:
            print(f"{kind:<56} {total[kind]:5} {found[kind]:6} {found[kind] / total[kind]:7.3f}")
    all_rows, all_found = sum(total.values()), sum(found.values())
    print(f"{'all':<56} {all_rows:5} {all_found:6} {all_found / max(1, all_rows):7.3f}")


if __name__ == "__main__":
    main()
