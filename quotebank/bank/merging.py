"""Merging quote occurrences into quotations: the same words across articles, near-duplicates and fragments."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

import attrs

__all__ = ["OccurrenceRecord", "merge_quotations"]


# --------------------------------------------------------------------------- quotations


@attrs.frozen(kw_only=True)
class OccurrenceRecord:
    """One quote occurrence as quotation merging sees it."""

    id: int
    scope: str
    """Who said it, as far as the bank knows: an entity (``e12``), else the article (``d3``)."""
    key: str
    """:func:`quotebank.textnorm.quote_key` of its text."""


def merge_quotations(
    occurrences: Iterable[OccurrenceRecord], *, min_exact: int = 5, min_fragment: int = 3
) -> dict[int, int]:
    """Group occurrences into quotations: ``{occurrence id: quotation id}`` (the smallest occurrence id).

    Occurrences with the same words (:func:`~quotebank.textnorm.quote_key`) are
    one quotation; under ``min_exact`` words only when the same speaker (or
    article) says them, so that ``tens`` in two articles stays two. A quote of at
    least ``min_fragment`` words that is a run of words inside a longer quote of
    the same speaker (or article) joins it, and joins only one.

    Example:
        >>> occ = [OccurrenceRecord(id=1, scope="e1", key="and concluded proportionate measures in self defense"),
        ...        OccurrenceRecord(id=2, scope="e1", key="proportionate measures in self defense"),
        ...        OccurrenceRecord(id=3, scope="e2", key="proportionate measures in self defense")]
        >>> merge_quotations(occ)
        {1: 1, 2: 1, 3: 1}
    """
    class_of: dict[tuple[str, str], int] = {}
    keys: list[str] = []
    sizes: list[int] = []
    members: list[list[int]] = []
    scopes: dict[str, set[int]] = defaultdict(set)
    for occ in sorted(occurrences, key=lambda o: o.id):
        n = occ.key.count(" ") + 1 if occ.key else 0
        scope = "" if n >= min_exact else occ.scope if n else f"#{occ.id}"
        index = class_of.get((occ.key, scope))
        if index is None:
            index = class_of[(occ.key, scope)] = len(keys)
            keys.append(occ.key)
            sizes.append(n)
            members.append([])
        members[index].append(occ.id)
        scopes[occ.scope].add(index)

    parent = list(range(len(keys)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    weight = [len(m) for m in members]
    joined: set[int] = set()
    for scope in sorted(scopes):
        classes = sorted(scopes[scope], key=lambda c: (-sizes[c], c))
        grams_index: dict[str, list[int]] = defaultdict(list)
        for c in classes:
            words = keys[c].split(" ") if keys[c] else []
            grams = {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}
            if sizes[c] >= min_fragment and c not in joined and grams:
                posting = min((grams_index.get(g, []) for g in grams), key=len)
                padded = f" {keys[c]} "
                candidates = [s for s in posting if sizes[s] > sizes[c] and padded in f" {keys[s]} "]
                if candidates:
                    target = max(candidates, key=lambda s: (weight[find(s)], sizes[s], -s))
                    a, b = find(c), find(target)
                    if a != b:
                        root, child = min(a, b), max(a, b)
                        parent[child] = root
                        weight[root] += weight[child]
                    joined.add(c)
            for g in grams:
                grams_index[g].append(c)

    out: dict[int, int] = {}
    cluster_min: dict[int, int] = {}
    for c, ids in enumerate(members):
        root = find(c)
        cluster_min[root] = min(cluster_min.get(root, ids[0]), min(ids))
    for c, ids in enumerate(members):
        for occ_id in ids:
            out[occ_id] = cluster_min[find(c)]
    return dict(sorted(out.items()))
