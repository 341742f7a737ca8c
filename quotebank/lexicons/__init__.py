"""Lexicons as package data, keyed by language (``en.json``, ...).

Read through :mod:`importlib.resources`, so they work from a wheel, a zip or a
checkout alike.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import attrs

__all__ = ["Lexicon", "get_lexicon"]


def _frozen(values: Any) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


def _prepositions(frames: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    return {verb.lower(): tuple(p.lower() for p in preps) for verb, preps in frames.items()}


@attrs.frozen(kw_only=True)
class Lexicon:
    """The word lists behind cue, channel, role and scare-quote decisions."""

    language: str
    speech_verbs: dict[str, str | None]
    weak_speech_verbs: frozenset[str] = attrs.field(converter=_frozen)
    cognition_verbs: frozenset[str] = attrs.field(converter=_frozen)
    speech_nouns: dict[str, str]
    cue_nouns: frozenset[str] = attrs.field(converter=_frozen)
    channel_priority: tuple[str, ...] = attrs.field(converter=tuple)
    according_to: tuple[str, ...] = attrs.field(converter=tuple)
    naming_triggers: tuple[str, ...] = attrs.field(converter=tuple)
    titles: frozenset[str] = attrs.field(converter=_frozen)
    honorifics: frozenset[str] = attrs.field(converter=_frozen)
    unnamed_heads: frozenset[str] = attrs.field(converter=_frozen)
    media_words: frozenset[str] = attrs.field(converter=_frozen)
    broadcast_media_words: frozenset[str] = attrs.field(converter=_frozen)
    organization_words: frozenset[str] = attrs.field(converter=_frozen)
    feminine_names: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Common first names of women, for ``she`` (a hint, never a decision on its own)."""
    masculine_names: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Common first names of men, for ``he``."""
    object_content_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Reporting verbs whose direct object can be what was said (``announced a new tax plan``)."""
    content_prepositions: dict[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_prepositions)
    """Reporting verbs with the prepositions that introduce what was said (``called for a ban``)."""
    person_descriptions: dict[str, str | None] = attrs.field(factory=dict)
    """Nouns that describe one person already named (``the 34-year-old mother of three``), with the pronoun that
    fits them (``"she"``, ``"he"``, or None when either does)."""
    setting_nouns: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Nouns of phrases that set the terms of speaking, never what was said (``on condition of anonymity``)."""
    headline_labels: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Upper-case words that open a heading line (``UPDATE:``, ``WATCH:``), never a transcript's speaker label."""
    delivery_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs whose subject is the author of their object speech noun (``the Council issued a statement``)."""
    position_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs that present a proposal or stand in public, with their particle (``promote``, ``lay out``; the verb
    is a speech verb too): their object is what was said only when a position noun heads it (``laid out her
    plans``, not ``laid out $5 million``)."""
    stance_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs that report only through their object or a reason, never through a clause: ``attacked her for
    lying`` is speech, ``attacked two bases that house troops`` is not; ``backed the regulations``, not ``backed
    the car that ...``."""
    position_nouns: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Nouns that name a proposal or a stand (``plan``, ``proposal``, ``support``): what a position verb presents."""
    record_nouns: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Records that speak for an author the text need not name (``The lawsuit alleges``, ``the study found``): with
    no owner in sight the record itself is the source, as attribution corpora annotate it."""
    evidence_nouns: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Sources of findings: things that carry them (a poll, a study, video, records) and those whose work is to
    rule or measure (a judge, a jury, researchers). As the subject of an evidential verb, what they show or find is
    reported content (``The poll indicates a tightening race``); a plain ``Police found the car`` is not."""

    title_abbreviations: dict[str, str] = attrs.field(factory=dict)
    """Abbreviated titles written out, without the full stop (``sen`` -> ``senator``): a role that is only one."""
    occupation_titles: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Occupations that name a person's role like a title does (``rally driver Dave Hawkins``, ``X, a designer,``):
    read as titles for roles only (:mod:`quotebank.roles`)."""

    def is_speech_verb(self, lemma: str) -> bool:
        return lemma.lower() in self.speech_verbs


@functools.cache
def get_lexicon(language: str = "en") -> Lexicon:
    """The lexicon for ``language``.

    Raises:
        ValueError: when quotebank has no lexicon for that language.

    Example:
        >>> get_lexicon("en").speech_verbs["tweet"]
        'tweet'
    """
    try:
        raw = resources.files(__package__).joinpath(f"{language}.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ValueError(f"quotebank has no lexicon for language {language!r}") from None
    return Lexicon(**json.loads(raw))
