"""One identity per name in an article: every quote of a speaker carries the same kind, handle and aliases.

Speakers are assembled quote by quote, and the evidence differs between quotes: the recogniser calls ``De
Blasio`` a person in one sentence and an organisation in the next; the handle of ``Ali Khamenei`` is known only
from his embedded post. A reader, and the bank, must see one person, so the article's quotes agree on each:
the kind most of its quotes carry (a person on a tie, the commonest mistake being a person read as an
organisation), the one handle any quote shows, and every alias any quote gives.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import attrs

from ..model import Quote, Speaker, SpeakerKind

__all__ = ["one_identity_each"]

# On a tie, the kind listed first wins.
_TIE_ORDER = (SpeakerKind.PERSON, SpeakerKind.MEDIA, SpeakerKind.ORGANIZATION)


def _kind(kinds: Counter[SpeakerKind]) -> SpeakerKind:
    top = max(kinds.values())
    tied = [k for k, n in kinds.items() if n == top]
    return min(tied, key=lambda k: _TIE_ORDER.index(k) if k in _TIE_ORDER else len(_TIE_ORDER))


def one_identity_each(quotes: list[Quote]) -> list[Quote]:
    """``quotes`` where every speaker of one name has the same kind, handle and aliases.

    Two handles for one name are two accounts: each keeps its own.

    Example:
        >>> def quote(start, kind, handle=None):
        ...     speaker = Speaker(name="Jane Roe", kind=kind, handle=handle)
        ...     return Quote(id=f"q{start}", text="Yes", start=start, end=start + 3, speaker=speaker)
        >>> quotes = [quote(0, "person", "janeroe"), quote(10, "organization"), quote(20, "person")]
        >>> [(q.speaker.kind.value, q.speaker.handle) for q in one_identity_each(quotes)]
        [('person', 'janeroe'), ('person', 'janeroe'), ('person', 'janeroe')]
    """
    kinds: dict[str, Counter[SpeakerKind]] = defaultdict(Counter)
    handles: dict[str, set[str]] = defaultdict(set)
    aliases: dict[str, dict[str, None]] = defaultdict(dict)
    for q in quotes:
        if q.speaker is not None:
            kinds[q.speaker.name][q.speaker.kind] += 1
            if q.speaker.handle:
                handles[q.speaker.name].add(q.speaker.handle)
            aliases[q.speaker.name].update(dict.fromkeys(q.speaker.aliases))
    out = []
    for q in quotes:
        speaker = q.speaker
        if speaker is not None:
            known = handles[speaker.name]
            unified: Speaker = attrs.evolve(
                speaker,
                kind=_kind(kinds[speaker.name]),
                handle=next(iter(known)) if len(known) == 1 else speaker.handle,
                aliases=tuple(aliases[speaker.name]),
            )
            if unified != speaker:
                q = attrs.evolve(q, speaker=unified)
        out.append(q)
    return out
