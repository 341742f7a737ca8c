"""Cross-document speaker linking, as pure functions over plain records: the steps, in order, and what runs them.

:class:`~quotebank.bank.QuoteBank` stores one :class:`MentionRecord` per
speaker per article (the article's own attribution: canonical name, roles,
aliases, handle); :func:`link_speakers` turns all of them into bank-wide
entities at once, deterministically and independently of the order in which
the articles arrived (only ids and tie-breaks follow insertion order). The bank
runs the same rules one article at a time (:func:`link_new`, driven by
:mod:`quotebank.bank.incremental`), with the same result.

This module runs the steps below in order (and holds step 1, the handle rule). Where the rest lives:

- the rules for people (steps 2, 3 and 5 to 7): :mod:`.person_rules`; for organisations (steps 2 and 4):
  :mod:`.org_rules`; how names and roles are compared: :mod:`.names`;
- the records (:class:`MentionRecord`, :class:`LinkRecord`, :class:`EntityRecord`): :mod:`.mentions`;
- the clusters the rules join mentions in (a union-find) and what the rules read: :mod:`.clusters`;
- an entity's name, other names, roles and look-up keys (:func:`entity_record`): :mod:`.entities`.

The records and name helpers are re-exported here: ``from quotebank.bank.linking import MentionRecord`` works.

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

from collections.abc import Collection, Mapping, Sequence

from ..model import SpeakerKind
from .clusters import Decision, LinkState
from .entities import MentionCounts, entity_record
from .mentions import EntityRecord, Linking, LinkRecord, MentionRecord, mention_label, mention_roles
from .names import (
    ORGISH,
    PERSONISH,
    PersonName,
    RoleSignature,
    acronym,
    initials,
    is_role_only,
    lookup_keys,
    org_words,
    parse_person_name,
    role_signature,
)
from .org_rules import organisation_names, same_org_name
from .person_rules import accounts, bare_surnames, longer_names, role_only_speakers, same_person_name

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

_SYMMETRIC = frozenset({"name", "handle"})


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


def _same_handle(state: LinkState) -> list[Decision]:
    """Step 1: the same social account."""
    first: dict[str, MentionRecord] = {}
    out = []
    for m in state.ordered:
        if not m.handle or m.kind is SpeakerKind.UNNAMED:
            continue
        key = m.handle.lstrip("@").casefold()
        if key in first:
            out.append((m.id, first[key].id, "handle", 1.0, f"same account @{m.handle} as {mention_label(first[key])}"))
        else:
            first[key] = m
    return out


# The steps of the module docstring, in the order they run.
_STEPS = (
    _same_handle,
    same_person_name,
    same_org_name,
    longer_names,
    organisation_names,
    bare_surnames,
    accounts,
    role_only_speakers,
)


class _Linker(LinkState):
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
        for step in _STEPS:
            for decision in step(self):
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
