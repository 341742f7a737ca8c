"""The linking rules for people: the same full name, a longer name, a bare surname, an account named after a
person, a speaker named only by a role.

Each rule reads a :class:`~.clusters.LinkState` and returns the :data:`~.clusters.Decision` s it takes; the order
the rules run in, their methods and probabilities are documented in :mod:`quotebank.bank.linking` (steps 2, 3 and
5 to 7), which runs them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence

from ..model import SpeakerKind
from .clusters import Decision, LinkState
from .mentions import MentionRecord, mention_label, mention_roles
from .names import PersonName, RoleSignature, is_title, parse_person_name, role_signature, word_tokens

__all__ = ["accounts", "bare_surnames", "longer_names", "role_only_speakers", "same_person_name"]

_ROLE_WINDOW_DAYS = 366


def same_person_name(state: LinkState) -> list[Decision]:
    """Step 2 for people: the same full name, titles and honorifics aside (``name``)."""
    out = []
    for m in state.ordered:
        p = state.persons.get(m.id)
        if p is None or not p.full:
            continue
        if p.key in state.first_person:
            other = state.first_person[p.key]
            out.append((m.id, other.id, "name", 1.0, f"same name as {mention_label(other)}"))
        else:
            state.first_person[p.key] = m
    return out


def longer_names(state: LinkState) -> list[Decision]:
    """Step 3: a full name that longer compatible ones extend, when those are compatible with each other."""
    persons = state.persons
    by_surname: dict[tuple[str, str], list[MentionRecord]] = defaultdict(list)
    for m in state.first_person.values():
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
                out += [(m.id, o.id, "longer-name", 0.9, f"{m.name!r} is short for {mention_label(o)}") for o in longer]
    return out


def bare_surnames(state: LinkState) -> list[Decision]:
    """Step 5: a bare surname to the one full name that fits, in its article or else in the bank."""
    find, by_id = state.clusters.find, state.by_id
    full_by_surname: dict[str, set[int]] = defaultdict(set)
    for mid, name in state.persons.items():
        if name.full:
            for surname in name.surnames:
                full_by_surname[surname].add(mid)
    out = []
    first_bare: dict[str, MentionRecord] = {}
    for m in state.ordered:
        p = state.persons.get(m.id)
        if p is None or p.full or state.clusters.full[find(m.id)]:
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
            if _spelled_otherwise(state, m, spelled, root):
                how = f"{m.name!r}: its article names {', '.join(m.spelled)}, not {by_id[root].name!r}; not linked"
                state.clusters.steps[m.id].append(("ambiguous", 1.0, how))
                continue
            how = f"{m.name!r}: {by_id[root].name!r} is the only {p.last!r} in the bank"
            out.append((m.id, root, "surname", 0.8, how))
        elif candidates:
            state.ambiguous(m.id, candidates)
        elif spelled:
            continue  # its article says which person it is, and no one in the bank has that name
        elif p.last in first_bare:
            other = first_bare[p.last]
            out.append((m.id, other.id, "same-surname", 0.5, f"{m.name!r}, like {mention_label(other)}; no full name"))
        else:
            first_bare[p.last] = m
    return out


def _spelled_otherwise(state: LinkState, m: MentionRecord, spelled: Sequence[PersonName], root: int) -> bool:
    """Does the bare surname's own article name only other people with that surname (``Larry King`` for a
    ``Mr. King`` the bank would give to ``Charlie King``)? A role the mention shares with the bank's person
    outweighs the text (``President Obama`` in an article that also names ``Michelle Obama``)."""
    if not spelled or any(x.compatible(s) for s in spelled for x in state.clusters.full[root]):
        return False
    held = [sig for x in state.clusters.members[root] for sig in _titles_held(state.by_id[x])]
    return not any(a.matches(b) for a in _titles_held(m) for b in held)


def _titles_held(m: MentionRecord) -> list[RoleSignature]:
    """The mention's roles that have a title."""
    return [sig for sig in map(role_signature, mention_roles(m)) if is_title(sig.core)]


def accounts(state: LinkState) -> list[Decision]:
    """Step 6: an account whose name or handle holds the surname of a person named in the same article."""
    find = state.clusters.find
    out = []
    for m in state.ordered:
        root = find(m.id)
        if not m.handle or state.clusters.full[root] or m.kind is SpeakerKind.UNNAMED:
            continue
        handle = m.handle.lstrip("@")
        folded = handle.casefold()
        words = set(word_tokens(m.name)) | set(word_tokens(re.sub(r"(?<=[a-z])(?=[A-Z])|_", " ", handle)))
        found: dict[int, bool] = {}  # person entity -> the first name is in the account's name too
        for mid, p in state.persons.items():
            if state.by_id[mid].doc != m.doc or len(p.last) < 3:
                continue
            if p.last in words or (len(p.last) >= 4 and p.last in folded):
                first = p.full and (p.core[0] in words or p.core[0] in folded)
                found[find(mid)] = found.get(find(mid), False) or first
        found.pop(root, None)
        if len(found) == 1:
            ((target, first),) = found.items()
            how = f"account {m.name!r} (@{handle}) is {state.by_id[target].name!r}, named in {m.doc_id}"
            out.append((m.id, target, "account", 0.9 if first else 0.75, how))
    return out


def role_only_speakers(state: LinkState) -> list[Decision]:
    """Step 7: a speaker named only by a role to the one named person who holds a matching role."""
    find = state.clusters.find
    holders: dict[tuple[str, bool], list[tuple[MentionRecord, RoleSignature, str]]] = defaultdict(list)
    for mid in state.persons:
        for role in mention_roles(state.by_id[mid]):
            sig = role_signature(role)
            if sig.core:
                holders[(sig.core, sig.former)].append((state.by_id[mid], sig, role))
    out = []
    for mid in sorted(state.role_only):
        m = state.by_id[mid]
        if state.clusters.full[find(mid)]:
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
            state.ambiguous(mid, in_time)
    return out


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
