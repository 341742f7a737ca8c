"""The linking rules for organisations and media: the same name or alias, then an acronym, a variant of the name
or a part of it (how names fit: :data:`.names.ORG_RULES`).

Each rule reads a :class:`~.clusters.LinkState` and returns the :data:`~.clusters.Decision` s it takes; the order
the rules run in, their methods and probabilities are documented in :mod:`quotebank.bank.linking` (steps 2 and 4),
which runs them. Organisations described rather than named (``the campaign``) are left out of every rule.
"""

from __future__ import annotations

from .clusters import Decision, LinkState
from .mentions import MentionRecord, mention_label
from .names import ORG_RULES, acronym, is_description, is_owned_description, org_fits, org_words

__all__ = ["organisation_names", "same_org_name"]


def _org_names(m: MentionRecord) -> list[str]:
    """An organisation's name and aliases, descriptions (``the campaign``) left out."""
    return [n for n in (m.name, *m.aliases) if not is_description(n)]


def same_org_name(state: LinkState) -> list[Decision]:
    """Step 2 for organisations and media: the same name or alias (``name``)."""
    out = []
    first_org: dict[str, MentionRecord] = {}
    for m in state.orgs:
        for key in (" ".join(org_words(n)) for n in _org_names(m)):
            if not key:
                continue
            if key in first_org:
                out.append((m.id, first_org[key].id, "name", 1.0, f"same name as {mention_label(first_org[key])}"))
            else:
                first_org[key] = m
    return out


def organisation_names(state: LinkState) -> list[Decision]:
    """Step 4: an acronym, a variant or a part of the one organisation's name that fits (the first rule that
    finds any candidate decides; with several candidates, nothing is linked)."""
    find = state.clusters.find
    # "Clinton's campaign" is the "Clinton campaign" (the same words), but a part of no other name.
    named = [m for m in state.orgs if not is_owned_description(m.name)]
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
                out.append((m.id, o.id, method, probability, f"{m.name!r} {how} {mention_label(o)}"))
            if targets:
                break
    return out
