"""What a bank-wide speaker is called: :func:`entity_record` sums up the mentions linked into one entity (which
name it goes by, its other names, its roles most frequent first, its handles, and the keys it is looked up under).

Linking (:mod:`quotebank.bank.linking`) decides which mentions are one speaker; this module only describes them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

import attrs

from ..model import SpeakerKind
from .mentions import EntityRecord, MentionRecord, mention_roles
from .names import ORGISH, PersonName, RoleSignature, fold, lookup_keys, role_signature, word_tokens

__all__ = ["MentionCounts", "entity_record"]


@attrs.define
class _RoleGroup:
    """Roles that say the same, the less specific (``spokesman``) in the more (``Pentagon spokesman``)."""

    sig: RoleSignature
    first: int
    docs: dict[int, int] = attrs.field(factory=dict)
    """Articles (or, for a summary of many, a count standing for them) that give the role."""
    texts: Counter[str] = attrs.field(factory=Counter)
    """The wordings of the most specific signature."""

    def add(self, sig: RoleSignature, text: str, doc: int, weight: int = 1) -> None:
        self.docs[doc] = max(self.docs.get(doc, 0), weight)
        if sig.specificity > self.sig.specificity:
            self.sig, self.texts = sig, Counter()
        if sig.specificity == self.sig.specificity:
            self.texts[text] += weight


MentionCounts = tuple[int, Mapping[str, int], Mapping[str, int]]
"""For a mention that stands for several: how many, and how many of them give each role and each alias."""


def entity_record(
    root: int,
    members: list[MentionRecord],
    persons: dict[int, PersonName],
    role_only: set[int],
    counts: Mapping[int, MentionCounts] | None = None,
) -> EntityRecord:
    """The entity whose mentions are ``members`` (``root``, the smallest id, is its id).

    ``persons`` holds the members' parsed person names, ``role_only`` the members named only by a role; ``counts``
    weighs a mention that stands for several (the summaries of :mod:`quotebank.bank.incremental`).
    """

    def weight(m: MentionRecord, alias: str | None = None, role: str | None = None) -> int:
        if counts is None or m.id not in counts:
            return 1
        n, roles, aliases = counts[m.id]
        if role is not None:
            return roles.get(role, 1)
        return aliases.get(alias, 1) if alias is not None else n

    full_people = [m for m in members if m.id in persons and persons[m.id].full]
    named_people = [m for m in members if m.id in persons]
    kinds: Counter[SpeakerKind] = Counter()
    for m in members:
        if m.kind is not SpeakerKind.UNKNOWN:
            kinds[m.kind] += weight(m)
    if full_people or (named_people and kinds.get(SpeakerKind.PERSON)):
        kind = SpeakerKind.PERSON
    elif kinds:
        kind = kinds.most_common(1)[0][0]
    else:
        kind = SpeakerKind.UNKNOWN

    docs_of: dict[str, dict[int, int]] = defaultdict(dict)
    first_seen: dict[str, int] = {}
    display: dict[str, str] = {}
    for m in members:
        for i, n in enumerate((m.name, *m.aliases)):
            key = fold(n)
            w = weight(m) if i == 0 else weight(m, alias=n)
            docs_of[key][m.doc] = max(docs_of[key].get(m.doc, 0), w)
            first_seen.setdefault(key, m.id)
            display.setdefault(key, n)
    n_docs_of = {key: sum(docs.values()) for key, docs in docs_of.items()}

    def ranked(pool: Iterable[MentionRecord], org: bool = False) -> str:
        def score(m: MentionRecord) -> tuple[int, ...]:
            n_docs, n_words = n_docs_of[fold(m.name)], len(word_tokens(m.name))
            if org:
                return (n_words, n_docs, -m.id)
            p = persons.get(m.id)
            return (int(p is not None and not p.stripped), n_docs, len(p.core) if p else 0, -m.id)

        return max(pool, key=score).name

    if full_people:
        name = ranked(full_people)
    elif named_people:
        name = ranked(named_people)
    elif kind in ORGISH:
        name = ranked(members, org=True)
    else:
        name = ranked([m for m in members if m.id not in role_only] or members)

    names = sorted(
        (k for k in docs_of if k != fold(name)),
        key=lambda k: (-n_docs_of[k], first_seen[k]),
    )

    groups: list[_RoleGroup] = []
    for m in members:
        for role in mention_roles(m):
            sig = role_signature(role)
            group = next((g for g in groups if g.sig.matches(sig)), None)
            if group is None:
                group = _RoleGroup(sig=sig, first=m.id)
                groups.append(group)
            group.add(sig, role, m.doc, weight(m, role=role))
    groups.sort(key=lambda g: (-sum(g.docs.values()), -g.sig.specificity, g.first))
    roles = tuple(g.texts.most_common(1)[0][0] for g in groups)

    handle_count: Counter[str] = Counter()
    handle_display: dict[str, str] = {}
    for m in members:
        if m.handle:
            key = m.handle.lstrip("@").casefold()
            handle_count[key] += weight(m)
            handle_display.setdefault(key, m.handle.lstrip("@"))
    handles = tuple(handle_display[k] for k, _ in handle_count.most_common())

    keys: set[str] = set()
    for n in (name, *(display[k] for k in names)):
        keys |= lookup_keys(n)
    for h in handles:
        keys.add(h.casefold())
    if kind is SpeakerKind.PERSON:
        keys |= {persons[m.id].last for m in full_people}
    return EntityRecord(
        id=root,
        name=name,
        kind=kind,
        members=tuple(m.id for m in members),
        names=tuple(display[k] for k in names),
        roles=roles,
        handles=handles,
        keys=tuple(sorted(keys)),
    )
