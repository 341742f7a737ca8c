"""Blocking keys: under which keys an entity is found, which keys a new mention looks up, and which keys an
earlier decision waits on (see :mod:`quotebank.bank.incremental`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..model import SpeakerKind
from .linking import (
    ORGISH,
    PERSONISH,
    LinkRecord,
    MentionRecord,
    acronym,
    initials,
    is_role_only,
    mention_roles,
    org_words,
    parse_person_name,
    role_signature,
)
from .names import is_description

__all__ = ["entity_keys", "is_person", "query_keys", "role_only", "waiting_keys"]

# Methods whose decision cannot be changed by another article.
_STABLE = frozenset({"name", "handle", "surname-same-article", "role-same-article", "account"})


def role_only(m: MentionRecord) -> bool:
    return is_role_only(m.name, m.roles[0] if m.roles else None, m.kind)


def is_person(m: MentionRecord) -> bool:
    return m.kind in PERSONISH and not role_only(m) and bool(parse_person_name(m.name).core)


def _org_keys(names: Iterable[str]) -> set[str]:
    keys = set()
    for name in names:
        if is_description(name):
            continue  # the campaign, the agency: not linked across articles, so found by no key
        words = org_words(name)
        if words:
            keys.add("o:" + " ".join(words))
            keys |= {"ow:" + w[:4] for w in words}
            keys.add("ai:" + initials(words))
        short = acronym(name)
        if short:
            keys.add("ai:" + short)
    return keys


def _role_keys(roles: Iterable[str]) -> set[str]:
    """``r:`` the title, to be found by; ``rs:`` the whole signature, so that a new one counts as a change."""
    keys = set()
    for role in roles:
        sig = role_signature(role)
        if sig.core:
            keys.add(f"r:{sig.core}|{int(sig.former)}")
            keys.add(f"rs:{sig.core}|{int(sig.former)}|{' '.join(sorted(sig.qualifiers))}")
    return keys


def query_keys(m: MentionRecord) -> set[str]:
    """The keys of the entities a new mention could join."""
    keys = set()
    if m.handle and m.kind is not SpeakerKind.UNNAMED:
        keys.add("h:" + m.handle.lstrip("@").casefold())
    if role_only(m):
        sig = role_signature(m.name)
        if not sig.core and m.roles:
            sig = role_signature(m.roles[0])
        if sig.core:
            keys.add(f"r:{sig.core}|{int(sig.former)}")
    elif is_person(m):
        p = parse_person_name(m.name)
        if p.full:
            keys.add("p:" + p.key)
            keys |= {"s:" + s for s in p.surnames}
        else:
            keys |= {"s:" + p.last, "b:" + p.last}
    if m.kind in ORGISH:
        keys |= _org_keys((m.name, *m.aliases))
    return keys


def waiting_keys(m: MentionRecord, link: LinkRecord) -> set[str]:
    """The keys on which a mention's decision may change: none when it rests on its own article or name."""
    if set(link.method.split("+")) & _STABLE:
        return set()
    if role_only(m) or m.kind in ORGISH:
        return query_keys(m)
    if is_person(m):
        p = parse_person_name(m.name)
        if not p.full:
            return {"s:" + p.last, "b:" + p.last}
        if "longer-name" in link.method or link.method == "own":
            return {"s:" + p.last}
    return set()


def entity_keys(clear: Sequence[int], members: Sequence[MentionRecord], persons: Mapping[int, object]) -> set[str]:
    """The keys under which other mentions find this entity: only what the rules can link to."""
    keys: set[str] = set()
    full = any(parse_person_name(m.name).full for m in members if m.id in persons)
    group = not full and any(c for c, m in zip(clear, members, strict=True) if m.id in persons)
    for _c, m in zip(clear, members, strict=True):
        if m.handle and m.kind is not SpeakerKind.UNNAMED:
            keys.add("h:" + m.handle.lstrip("@").casefold())
        if m.id in persons:
            p = parse_person_name(m.name)
            if p.full:
                keys.add("p:" + p.key)
                keys |= {"s:" + x for x in p.surnames}
                keys |= _role_keys(mention_roles(m))
            elif group:
                keys.add("b:" + p.last)
                keys |= _role_keys(mention_roles(m))
        if m.kind in ORGISH:
            keys |= _org_keys((m.name, *m.aliases))
    return keys
