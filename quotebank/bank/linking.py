"""Cross-document speaker linking, as pure functions over plain records (names and roles compared: :mod:`.names`).

:class:`~quotebank.bank.QuoteBank` stores one :class:`MentionRecord` per
speaker per article (the article's own attribution: canonical name, roles,
aliases, handle); :func:`link_speakers` turns all of them into bank-wide
entities at once, deterministically and independently of the order in which
the articles arrived (only ids and tie-breaks follow insertion order). The bank
runs the same rules one article at a time (:func:`link_new`, driven by
:mod:`quotebank.bank.incremental`), with the same result.

Speaker linking, strongest evidence first. Every mention joins an entity by
one or more *steps*, each with a method, a probability and a line of evidence;
a mention's probability is the product of its steps'.

1. ``handle``: the same social account (``@khamenei_ir``) is one speaker (1.0).
2. ``name``: the same full person name, titles and honorifics aside (1.0);
   organisations and media by the same name or alias (1.0).
3. ``longer-name``: a full name that a longer compatible one extends
   (``Javad Zarif`` -> ``Mohammad Javad Zarif``), when every longer candidate is
   compatible with every other (0.9). Names conflict when their surnames,
   suffixes (``Jr``), initials or other words differ: ``Donald Trump`` and
   ``Melania Trump`` never merge, by any rule.
4. ``acronym`` (0.85), ``name-variant`` (0.9) and ``name-part`` (0.7):
   ``IRGC``, ``Iranian State TV`` (for ``Iran state TV``) and ``Revolutionary
   Guard`` to the one organisation whose name fits.
5. ``surname-same-article`` (0.9), ``surname`` (0.8): a bare surname
   (``Mr Trump``) to the one full name that fits in the same article, else to
   the one that fits in the whole bank, unless its article spells out only other
   people with that surname (``Larry King``, not the bank's ``Charlie King``) and
   the speaker does not hold that person's title; with no full name in the bank,
   bare surnames are grouped (``same-surname``, 0.5); with several, nothing is linked.
6. ``account``: an account whose name or handle holds the surname of a person
   named in the same article (``Khamenei.ir`` and ``Ali Khamenei``): 0.9 when the
   first name is there too, else 0.75.
7. ``role-same-article`` (0.9), ``role`` (0.8): a speaker named only by a role
   (``Iran's foreign minister``) to the one named person who holds a matching
   role (same title, compatible country or organisation, not *former* unless
   this one is) in the same article, else anywhere in the bank within a year
   of the article's date; a role without a country or organisation
   (``the country's prime minister``) is only linked within its article.

Unnamed sources (``a defense official``) and organisations described rather than named (``the campaign``) are
never linked across articles.

Example:
    >>> a = MentionRecord(id=1, doc=1, doc_id="a", name="Jonathan Hoffman", kind="person", roles=["Pentagon spokesman"])
    >>> b = MentionRecord(id=2, doc=2, doc_id="b", name="Jonathan Hoffman", kind="person",
    ...                   roles=["Assistant to the Secretary of Defense for Public Affairs"])
    >>> c = MentionRecord(id=3, doc=3, doc_id="c", name="Melania Trump", kind="person")
    >>> d = MentionRecord(id=4, doc=4, doc_id="d", name="Mr Trump", kind="person")
    >>> result = link_speakers([a, b, c, d])
    >>> [(e.id, e.name, e.members) for e in result.entities]
    [(1, 'Jonathan Hoffman', (1, 2)), (3, 'Melania Trump', (3, 4))]
    >>> result.links[4].method, result.links[4].probability
    ('surname', 0.8)
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence

import attrs

from ..model import SpeakerKind
from .names import (
    ORG_RULES,
    ORGISH,
    PERSONISH,
    PersonName,
    RoleSignature,
    acronym,
    fold,
    initials,
    is_description,
    is_owned_description,
    is_role_only,
    is_title,
    lookup_keys,
    org_fits,
    org_words,
    parse_person_name,
    role_signature,
    word_tokens,
)

__all__ = [
    "ORGISH",
    "PERSONISH",
    "EntityRecord",
    "LinkRecord",
    "Linking",
    "MentionCounts",
    "MentionRecord",
    "PersonName",
    "RoleSignature",
    "acronym",
    "entity_record",
    "initials",
    "is_role_only",
    "link_new",
    "link_speakers",
    "lookup_keys",
    "mention_roles",
    "org_words",
    "parse_person_name",
    "role_signature",
]

_ROLE_WINDOW_DAYS = 366
_SYMMETRIC = frozenset({"name", "handle"})

_Decision = tuple[int, int, str, float, str]
"""(joining mention, target mention, method, probability, evidence)"""

# --------------------------------------------------------------------------- records


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class MentionRecord:
    """One speaker as one article names them (all that article's quotes by that speaker)."""

    id: int
    doc: int
    """The article's sequence number in the bank."""
    doc_id: str = ""
    date: str | None = None
    name: str
    kind: SpeakerKind = attrs.field(converter=SpeakerKind)
    handle: str | None = None
    roles: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    spelled: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    """For a bare surname: the full names with that surname its article spells out (:func:`.names.spelled_names`)."""


@attrs.frozen(kw_only=True)
class LinkRecord:
    """How a mention joined its entity: ``own`` (it founded it), or the steps' methods joined by ``+``."""

    mention: int
    entity: int
    method: str
    probability: float
    evidence: tuple[str, ...] = ()


@attrs.frozen(kw_only=True)
class EntityRecord:
    """A bank-wide speaker: ``id`` is the smallest member mention id (stable as articles are added)."""

    id: int
    name: str
    kind: SpeakerKind
    members: tuple[int, ...]
    names: tuple[str, ...]
    """Every other name and alias, most frequent first."""
    roles: tuple[str, ...]
    """Every role, most frequent (then most specific) first."""
    handles: tuple[str, ...]
    keys: tuple[str, ...]
    """Normalised names, aliases, handles and (for people) surname, for look-ups."""


@attrs.frozen
class Linking:
    """What :func:`link_speakers` returns: one link per mention, one record per entity."""

    links: dict[int, LinkRecord]
    entities: list[EntityRecord]


# --------------------------------------------------------------------------- clustering


class _Clusters:
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


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def link_speakers(mentions: Sequence[MentionRecord]) -> Linking:
    """Link the speakers of all articles into entities; see the module docstring for the rules."""
    return _Linker(mentions).run()


def link_new(
    mentions: Sequence[MentionRecord],
    groups: Mapping[int, int],
    new: Collection[int],
    previous: Mapping[int, int] | None = None,
) -> tuple[dict[int, int], dict[int, LinkRecord], set[int]]:
    """Link ``new`` mentions against the others (already linked: ``groups`` maps each to its entity).

    Returns each mention's cluster root, the links of the new mentions, and the new mentions left ambiguous.
    """
    linker = _Linker(mentions)
    linker.decide(groups, new, previous)
    clusters = linker.clusters
    roots = {m.id: clusters.find(m.id) for m in mentions}
    links, ambiguous = {}, set()
    for mid in new:
        steps = [s for s in clusters.steps[mid] if s[0] != "ambiguous"]
        if len(steps) < len(clusters.steps[mid]):
            ambiguous.add(mid)
        probability = 1.0
        for step in steps:
            probability *= step[1]
        links[mid] = LinkRecord(
            mention=mid,
            entity=roots[mid],
            method="+".join(s[0] for s in steps) or "own",
            probability=round(probability, 4),
            evidence=tuple(s[2] for s in clusters.steps[mid]),
        )
    return roots, links, ambiguous


def _org_names(m: MentionRecord) -> list[str]:
    """An organisation's name and aliases, descriptions (``the campaign``) left out."""
    return [n for n in (m.name, *m.aliases) if not is_description(n)]


def mention_roles(m: MentionRecord) -> list[str]:
    """The mention's roles; a "role" that is its name again (``Mr. King`` for ``Mr. King``) is none, unless the
    speaker is named by that role (``Iran's foreign minister``)."""
    if not m.roles or is_role_only(m.name, m.roles[0], m.kind):
        return list(m.roles)
    name = fold(m.name)
    return [r for r in m.roles if fold(r) != name]


def _titles_held(m: MentionRecord) -> list[RoleSignature]:
    """The mention's roles that have a title."""
    return [sig for sig in map(role_signature, mention_roles(m)) if is_title(sig.core)]


def _label(m: MentionRecord) -> str:
    return f"{m.name!r} ({m.doc_id})" if m.doc_id else repr(m.name)


class _Linker:
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
        self.clusters = _Clusters(self.ordered, self.persons)
        self.first_person: dict[str, MentionRecord] = {}

    def run(self) -> Linking:
        self.decide()
        return self._result()

    def decide(
        self,
        groups: Mapping[int, int] | None = None,
        new: Collection[int] | None = None,
        previous: Mapping[int, int] | None = None,
    ) -> None:
        """Run the rules; with ``groups``, those mentions start as one cluster per group, and with ``new``, only
        decisions that involve a new mention are taken (the others were taken when their articles came in).
        ``previous`` gives the group a new mention being decided again was in: an old mention may join it there
        again."""
        first_of: dict[int, int] = {}
        for mid, group in sorted((groups or {}).items()):
            if group in first_of:
                self.clusters.merge(mid, first_of[group])
            else:
                first_of[group] = mid
        for step in (
            self._same_handle,
            self._same_name,
            self._longer_names,
            self._organisation_names,
            self._bare_surnames,
            self._accounts,
            self._role_only,
        ):
            for decision in step():
                # An old mention joining a new one would change an old decision: that is for the old
                # mention's own re-decision, unless the rule is symmetric (the same name, the same handle).
                joining, target, method = decision[:3]
                if (
                    new is None
                    or joining in new
                    or (
                        target in new
                        and (
                            method in _SYMMETRIC
                            or (
                                method == "longer-name"
                                and (groups or {}).get(joining, -1) == (previous or {}).get(target)
                            )
                        )
                    )
                ):
                    self.clusters.join(*decision)

    def _ambiguous(self, mention: int, candidates: Iterable[int]) -> None:
        names = ", ".join(sorted(self.by_id[c].name for c in candidates))
        text = f"{self.by_id[mention].name!r} could be any of {names}; not linked"
        self.clusters.steps[mention].append(("ambiguous", 1.0, text))

    def _same_handle(self) -> list[_Decision]:
        first: dict[str, MentionRecord] = {}
        out = []
        for m in self.ordered:
            if not m.handle or m.kind is SpeakerKind.UNNAMED:
                continue
            key = m.handle.lstrip("@").casefold()
            if key in first:
                out.append((m.id, first[key].id, "handle", 1.0, f"same account @{m.handle} as {_label(first[key])}"))
            else:
                first[key] = m
        return out

    def _same_name(self) -> list[_Decision]:
        out = []
        for m in self.ordered:
            p = self.persons.get(m.id)
            if p is None or not p.full:
                continue
            if p.key in self.first_person:
                other = self.first_person[p.key]
                out.append((m.id, other.id, "name", 1.0, f"same name as {_label(other)}"))
            else:
                self.first_person[p.key] = m
        first_org: dict[str, MentionRecord] = {}
        for m in self.orgs:
            for key in (" ".join(org_words(n)) for n in _org_names(m)):
                if not key:
                    continue
                if key in first_org:
                    out.append((m.id, first_org[key].id, "name", 1.0, f"same name as {_label(first_org[key])}"))
                else:
                    first_org[key] = m
        return out

    def _longer_names(self) -> list[_Decision]:
        persons = self.persons
        by_surname: dict[tuple[str, str], list[MentionRecord]] = defaultdict(list)
        for m in self.first_person.values():
            by_surname[(persons[m.id].last, persons[m.id].suffix)].append(m)
        out = []
        for group in by_surname.values():
            for m in group:
                p = persons[m.id]
                longer = [
                    o
                    for o in group
                    if o is not m
                    and p.compatible(persons[o.id])
                    and (len(persons[o.id].core), len(persons[o.id].initials)) > (len(p.core), len(p.initials))
                ]
                if longer and all(persons[x.id].compatible(persons[y.id]) for x in longer for y in longer):
                    out += [(m.id, o.id, "longer-name", 0.9, f"{m.name!r} is short for {_label(o)}") for o in longer]
        return out

    def _organisation_names(self) -> list[_Decision]:
        find = self.clusters.find
        # "Clinton's campaign" is the "Clinton campaign" (the same words), but a part of no other name.
        named = [m for m in self.orgs if not is_owned_description(m.name)]
        org_names = [(m, org_words(n)) for m in named for n in _org_names(m) if not is_owned_description(n)]
        out = []
        for m in named:
            short = acronym(m.name)
            words = org_words(m.name)
            for method, probability, how in ORG_RULES:
                targets = {find(o.id): o for o, other in org_names if words and org_fits(method, words, short, other)}
                targets.pop(find(m.id), None)
                if len(targets) == 1:
                    (o,) = targets.values()
                    out.append((m.id, o.id, method, probability, f"{m.name!r} {how} {_label(o)}"))
                if targets:
                    break
        return out

    def _bare_surnames(self) -> list[_Decision]:
        find, by_id = self.clusters.find, self.by_id
        full_by_surname: dict[str, set[int]] = defaultdict(set)
        for mid, name in self.persons.items():
            if name.full:
                for surname in name.surnames:
                    full_by_surname[surname].add(mid)
        out = []
        first_bare: dict[str, MentionRecord] = {}
        for m in self.ordered:
            p = self.persons.get(m.id)
            if p is None or p.full or self.clusters.full[find(m.id)]:
                continue
            holders = full_by_surname.get(p.last, set())
            candidates = {find(x) for x in holders}
            same_doc = {find(x) for x in holders if by_id[x].doc == m.doc}
            spelled = [s for s in map(parse_person_name, m.spelled) if s.full and s.last == p.last]
            if len(same_doc) == 1:
                (root,) = same_doc
                how = f"{m.name!r} is {by_id[root].name!r}, named in the same article"
                out.append((m.id, root, "surname-same-article", 0.9, how))
            elif len(candidates) == 1:
                (root,) = candidates
                if self._spelled_otherwise(m, spelled, root):
                    how = f"{m.name!r}: its article names {', '.join(m.spelled)}, not {by_id[root].name!r}; not linked"
                    self.clusters.steps[m.id].append(("ambiguous", 1.0, how))
                    continue
                how = f"{m.name!r}: {by_id[root].name!r} is the only {p.last!r} in the bank"
                out.append((m.id, root, "surname", 0.8, how))
            elif candidates:
                self._ambiguous(m.id, candidates)
            elif spelled:
                continue  # its article says which person it is, and no one in the bank has that name
            elif p.last in first_bare:
                other = first_bare[p.last]
                out.append((m.id, other.id, "same-surname", 0.5, f"{m.name!r}, like {_label(other)}; no full name"))
            else:
                first_bare[p.last] = m
        return out

    def _spelled_otherwise(self, m: MentionRecord, spelled: Sequence[PersonName], root: int) -> bool:
        """Does the bare surname's own article name only other people with that surname (``Larry King`` for a
        ``Mr. King`` the bank would give to ``Charlie King``)? A role the mention shares with the bank's person
        outweighs the text (``President Obama`` in an article that also names ``Michelle Obama``)."""
        if not spelled or any(x.compatible(s) for s in spelled for x in self.clusters.full[root]):
            return False
        held = [sig for x in self.clusters.members[root] for sig in _titles_held(self.by_id[x])]
        return not any(a.matches(b) for a in _titles_held(m) for b in held)

    def _accounts(self) -> list[_Decision]:
        find = self.clusters.find
        out = []
        for m in self.ordered:
            root = find(m.id)
            if not m.handle or self.clusters.full[root] or m.kind is SpeakerKind.UNNAMED:
                continue
            handle = m.handle.lstrip("@")
            folded = handle.casefold()
            words = set(word_tokens(m.name)) | set(word_tokens(re.sub(r"(?<=[a-z])(?=[A-Z])|_", " ", handle)))
            found: dict[int, bool] = {}  # person entity -> the first name is in the account's name too
            for mid, p in self.persons.items():
                if self.by_id[mid].doc != m.doc or len(p.last) < 3:
                    continue
                if p.last in words or (len(p.last) >= 4 and p.last in folded):
                    first = p.full and (p.core[0] in words or p.core[0] in folded)
                    found[find(mid)] = found.get(find(mid), False) or first
            found.pop(root, None)
            if len(found) == 1:
                ((target, first),) = found.items()
                how = f"account {m.name!r} (@{handle}) is {self.by_id[target].name!r}, named in {m.doc_id}"
                out.append((m.id, target, "account", 0.9 if first else 0.75, how))
        return out

    def _role_only(self) -> list[_Decision]:
        find = self.clusters.find
        holders: dict[tuple[str, bool], list[tuple[MentionRecord, RoleSignature, str]]] = defaultdict(list)
        for mid in self.persons:
            for role in mention_roles(self.by_id[mid]):
                sig = role_signature(role)
                if sig.core:
                    holders[(sig.core, sig.former)].append((self.by_id[mid], sig, role))
        out = []
        for mid in sorted(self.role_only):
            m = self.by_id[mid]
            if self.clusters.full[find(mid)]:
                continue
            sig = role_signature(m.name)
            if not sig.core and m.roles:
                sig = role_signature(m.roles[0])
            fits = [(o, role) for o, other, role in holders.get((sig.core, sig.former), []) if other.matches(sig)]
            same_doc = {find(o.id): (o, role) for o, role in fits if o.doc == m.doc}
            if len(same_doc) == 1:
                ((target, (o, role)),) = same_doc.items()
                how = f"{m.name!r} is {o.name!r} ({role}), in the same article"
                out.append((mid, target, "role-same-article", 0.9, how))
                continue
            if same_doc or not sig.qualifiers:
                continue
            when = _date(m.date)
            in_time: dict[int, tuple[MentionRecord, str]] = {}
            for o, role in fits:
                then = _date(o.date)
                if when is None or then is None or abs((when - then).days) <= _ROLE_WINDOW_DAYS:
                    in_time.setdefault(find(o.id), (o, role))
            if len(in_time) == 1:
                ((target, (o, role)),) = in_time.items()
                out.append((mid, target, "role", 0.8, f"{m.name!r} is {o.name!r}, {role} in {o.doc_id}"))
            elif in_time:
                self._ambiguous(mid, in_time)
        return out

    def _result(self) -> Linking:
        links: dict[int, LinkRecord] = {}
        entities = []
        for root in sorted(self.clusters.members):
            members = sorted(self.clusters.members[root])
            for mid in members:
                steps = [s for s in self.clusters.steps[mid] if s[0] != "ambiguous"]
                probability = 1.0
                for step in steps:
                    probability *= step[1]
                links[mid] = LinkRecord(
                    mention=mid,
                    entity=root,
                    method="+".join(s[0] for s in steps) or "own",
                    probability=round(probability, 4),
                    evidence=tuple(s[2] for s in self.clusters.steps[mid]),
                )
            entities.append(entity_record(root, [self.by_id[x] for x in members], self.persons, self.role_only))
        return Linking(links=links, entities=entities)


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
