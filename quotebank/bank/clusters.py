"""What the linking rules read and write: :class:`LinkState` (the mentions, looked at once: person names parsed,
organisations and role-only speakers picked out) and :class:`Clusters`, the union-find the rules join mentions in.

Each rule (:mod:`.person_rules`, :mod:`.org_rules`) reads a :class:`LinkState` and proposes :data:`Decision` s;
:mod:`quotebank.bank.linking` runs the rules in order and applies their decisions with :meth:`Clusters.join`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .mentions import MentionRecord
from .names import ORGISH, PERSONISH, PersonName, is_description, is_role_only, parse_person_name

__all__ = ["Clusters", "Decision", "LinkState"]

Decision = tuple[int, int, str, float, str]
"""(joining mention, target mention, method, probability, evidence)"""


class Clusters:
    """Union-find over mentions; the root is always the smallest mention id."""

    def __init__(self, mentions: Sequence[MentionRecord], persons: dict[int, PersonName]) -> None:
        self.parent = {m.id: m.id for m in mentions}
        self.members: dict[int, list[int]] = {m.id: [m.id] for m in mentions}
        self.full: dict[int, list[PersonName]] = {
            m.id: [persons[m.id]] if m.id in persons and persons[m.id].full else [] for m in mentions
        }
        self.steps: dict[int, list[tuple[str, float, str]]] = {m.id: [] for m in mentions}

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def conflict(self, a: int, b: int) -> tuple[PersonName, PersonName] | None:
        for x in self.full[self.find(a)]:
            for y in self.full[self.find(b)]:
                if not x.compatible(y):
                    return x, y
        return None

    def merge(self, a: int, b: int) -> None:
        """Put two clusters together, no questions asked (mentions already one entity in the bank)."""
        a, b = self.find(a), self.find(b)
        if a != b:
            root, child = min(a, b), max(a, b)
            self.parent[child] = root
            self.members[root].extend(self.members.pop(child))
            self.full[root].extend(self.full.pop(child))

    def join(self, joining: int, target: int, method: str, probability: float, evidence: str) -> bool:
        """Put ``joining``'s cluster into ``target``'s; refused (False) when it would merge clashing names."""
        a, b = self.find(joining), self.find(target)
        if a == b:
            return True
        if self.conflict(a, b) is not None:
            return False
        for m in self.members[a]:
            self.steps[m].append((method, probability, evidence))
        root, child = min(a, b), max(a, b)
        self.parent[child] = root
        self.members[root].extend(self.members.pop(child))
        self.full[root].extend(self.full.pop(child))
        return True


class LinkState:
    """The mentions as the rules see them, and the clusters they are joined in."""

    def __init__(self, mentions: Sequence[MentionRecord]) -> None:
        self.ordered = sorted(mentions, key=lambda m: m.id)
        self.by_id = {m.id: m for m in self.ordered}
        self.role_only = {m.id for m in self.ordered if is_role_only(m.name, m.roles[0] if m.roles else None, m.kind)}
        self.persons = {
            m.id: parse_person_name(m.name)
            for m in self.ordered
            if m.kind in PERSONISH and m.id not in self.role_only and parse_person_name(m.name).core
        }
        self.orgs = [m for m in self.ordered if m.kind in ORGISH and not is_description(m.name)]
        self.clusters = Clusters(self.ordered, self.persons)
        self.first_person: dict[str, MentionRecord] = {}
        """The first mention of each full person name, by its key: filled by the same-name rule, read by the
        longer-name rule (:mod:`.person_rules`)."""

    def ambiguous(self, mention: int, candidates: Iterable[int]) -> None:
        """Note on ``mention`` that it could be any of ``candidates``, so it is not linked."""
        names = ", ".join(sorted(self.by_id[c].name for c in candidates))
        text = f"{self.by_id[mention].name!r} could be any of {names}; not linked"
        self.clusters.steps[mention].append(("ambiguous", 1.0, text))
