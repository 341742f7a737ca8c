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
    """The word lists behind cue, channel, role, scare-quote and reported-speech decisions, one field per key of
    the language's JSON file."""

    language: str
    """The language code the lexicon is for (``"en"``)."""
    speech_verbs: dict[str, str | None]
    """Reporting verbs by lemma, with the channel they imply (``tweet`` -> ``"tweet"``) or None (``say``)."""
    cognition_verbs: frozenset[str] = attrs.field(converter=_frozen)
    """Verbs of thinking (``think``, ``believe``, ``hope``): never a cue, and they end a trailing attribution's
    reach."""
    speech_nouns: dict[str, str]
    """Nouns for a speech event, with the channel they name (``statement``, ``interview``, ``tweet``)."""
    cue_nouns: frozenset[str] = attrs.field(converter=_frozen)
    """Nouns whose owner said what follows (``claim``, ``allegation``, ``admission``), ``according`` included."""
    channel_priority: tuple[str, ...] = attrs.field(converter=tuple)
    """Channels from the most specific to the least, for a cue whose words name several."""
    naming_triggers: tuple[str, ...] = attrs.field(converter=tuple)
    """Words right before marks that name a term rather than quote anyone (``so-called``, ``dubbed``)."""
    titles: frozenset[str] = attrs.field(converter=_frozen)
    """Role and office words (``senator``, ``spokeswoman``): a role, and no name."""
    honorifics: frozenset[str] = attrs.field(converter=_frozen)
    """Courtesy titles before a name (``Mr``, ``Dr.``), left out of the speaker's name."""
    unnamed_heads: frozenset[str] = attrs.field(converter=_frozen)
    """Heads of unnamed sources (``officials``, ``aides``, ``a source``)."""
    media_words: frozenset[str] = attrs.field(converter=_frozen)
    """Words for the press (``newspaper``, ``news agency``): a medium, not a speaker."""
    broadcast_media_words: frozenset[str] = attrs.field(converter=_frozen)
    """The media words of broadcasting (``television``, ``radio``), whose cues are broadcasts."""
    organization_words: frozenset[str] = attrs.field(converter=_frozen)
    """Words that make a name an organisation (``ministry``, ``department``, ``guards``)."""
    feminine_names: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Common first names of women, for ``she`` (a hint, never a decision on its own)."""
    masculine_names: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Common first names of men, for ``he``."""
    given_name_titles: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Titles that are also given names (``Dean``): a name when they open a person's name before a surname."""
    object_content_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Reporting verbs whose direct object can be what was said (``announced a new tax plan``)."""
    content_prepositions: dict[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_prepositions)
    """Reporting verbs with the prepositions that introduce what was said (``called for a ban``)."""
    person_descriptions: dict[str, str | None] = attrs.field(factory=dict)
    """Nouns that describe one person already named (``the 34-year-old mother of three``), with the pronoun that
    fits them (``"she"``, ``"he"``, or None when either does)."""
    lede_nouns: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Nouns for a person or body a lede holds the name of back (``a leading industry figure has said``): the
    one named speaking next is who it is."""
    setting_nouns: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Nouns of phrases that set the terms of speaking, never what was said (``on condition of anonymity``)."""
    headline_labels: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Upper-case words that open a heading line (``UPDATE:``, ``WATCH:``), never a transcript's speaker label."""
    interview_question_labels: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Labels of an interviewer's turn in a Q&A (``Q:``, ``Question:``), capitalised in the text."""
    interview_answer_labels: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Labels of the interviewee's turn in a Q&A (``A:``, ``Answer:``), capitalised in the text."""
    interview_party_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs whose subject and object (``to``/``with`` one, or direct) are the two sides of an interview, in the
    lines that bring in a Q&A (``She spoke to the Courier``, ``The Courier interviewed her``)."""
    interviewer_titles: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Titles of who asks the questions (``reporter Jane Roe``): of two people that talk, the interviewer."""
    unnamed_interviewer: str = "interviewer"
    """The speaker of a Q&A's questions when the article names no interviewer."""
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

    # Reported speech (quotebank.indirect): the words its rules read, by class.
    request_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs of asking and promising, whose open complement is the request (``urged Congress to act``)."""
    subjunctive_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs whose clause may be subjunctive, with its subject before it (``demanded Obama make a pledge``)."""
    addressee_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs whose object is the one spoken to (``told a young woman ...``), never the subject of what was said."""
    naming_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs that report a predication (``called climate change a hoax``, ``described it as ...``)."""
    quoting_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs whose object may itself be words said (``cited derogatory comments Trump had made``)."""
    relating_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs of a claim that joins two things, when someone makes it (``linked the rise in crime to cuts``)."""
    parenthetical_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """The common reporting verbs that stand between commas with no lexicon of speech verbs at hand."""
    as_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs of ``As X put it, ...``, which give the main clause."""
    evidential_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs of findings (``found``, ``shows``, ``indicates``): content when an evidence noun is their source."""
    finding_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Evidential verbs that are acts when a person does them (``found the keys``, ``showed his badge``)."""
    anonymity_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs of the terms of speaking in the passive (``asked not to be named``): never a request."""
    declining_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs that make a report under them one not made (``refused to discuss``)."""
    hypothetical_modals: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Modals that make a report hypothetical (``would say``, ``could claim``)."""
    backshift_modals: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Modals of the reported tense (``But it would also ...``), which carry a report on into the next sentence."""
    inverting_auxiliaries: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Auxiliaries that open an inverted condition (``should the bank raise rates``, ``had he known``)."""
    complementizers: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Words that open a reported clause and are left out of it (``that``, ``whether``)."""
    conditional_conjunctions: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Conjunctions of a condition (``If asked, ...``): a question that may never be put."""
    time_conjunctions: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Conjunctions of a time clause, which places what a source shows (``before he was shot``)."""
    continuing_conjunctions: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Words that open a sentence going on with the report before it (``But``, ``However``)."""
    subject_relatives: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Relative pronouns that can be their clause's subject (``video that shows ...``); not ``whom``."""
    identifying_relatives: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Relative words of a clause that identifies a person or place (``..., who has never run``): an aside."""
    question_words: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Words that open a question clause, one more topic (``spoke of X, and how Y``)."""
    object_pronouns: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Personal pronouns in the object case: whom it was said to (``told me``), never content."""
    personal_pronouns: dict[str, str] = attrs.field(factory=dict)
    """Personal pronouns, each with its subject form (``him`` -> ``"he"``)."""
    topic_prepositions: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Prepositions of a speech noun's topic (``her comments on the closure``)."""
    example_prepositions: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Words that open examples of what was said (``, including ...``)."""
    setting_prepositions: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Prepositions of where, when or through what something was said (``at a rally``, ``in an interview``)."""
    focusing_adverbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Adverbs that focus a topic (``, particularly in ...``), still part of it."""
    hearsay_adverbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Adverbs that make their clause an unnamed source's account (``reportedly``, ``allegedly``)."""
    empty_nouns: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Nouns too empty to be what was said or shown (``thing``, ``way``)."""
    term_markers: tuple[str, ...] = attrs.field(converter=tuple, factory=tuple)
    """Words before marks around a term (``so-called``, ``known as``): the reported clause around stays
    reported speech (a subset of ``naming_triggers``, read at the clause's edge)."""
    headline_say_forms: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """The forms of ``say`` a headline reports with (``X Says ...``)."""
    headline_kickers: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Labels before a headline's colon (``The Latest: ...``, ``Fact check: ...``), matched as the whole phrase in
    any case: never the headline's source. Unlike ``headline_labels`` (upper-case words that open any heading
    line, for transcripts), these hold phrases and words a transcript's speaker may use (``Read``, ``Review``)."""
    headline_criticism_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Headline verbs of criticism (``Lawmakers Rip X As A 'Fraud'``): what they said about someone."""
    headline_source_nouns: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Nouns that may be a headline's source with no name (``Poll: ...``, ``Officials say ...``)."""
    headline_topic_prepositions: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Prepositions after a headline's speaker before its topic or addressee (``Obama on Climate Change: ...``)."""
    headline_joints: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Words that join a second report to a headline's first (``... as Tory leader calls it ...``)."""
    # Channels and scenes (quotebank.channel, quotebank.attribute.scenes).
    time_anchors: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Words that set a cue at a time of its own (``Tuesday``, ``yesterday``, ``earlier``, ``ago``): such a cue
    leaves the scene the speaker was in (:mod:`quotebank.attribute.scenes`). Durations (``for years``) do not."""
    date_words: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Words that set a time only inside a date the parser recognised (``March``, ``May``, ``Sat``), being
    ordinary words elsewhere (``a march``, ``she may``)."""
    spokesperson_nouns: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Who speaks for someone (``spokesman``): in the speaker's own mention they never show the channel, since a
    spokesman gives interviews and briefings as well as statements."""
    speech_settings: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Occasions at which one speaks to those present (``at a campaign stop``, ``during a fundraiser``): as the
    object of *at* or *during* beside a cue they make a speech. Not speech nouns: ``the event`` says nothing."""
    occasion_prepositions: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Prepositions that, opening a sentence, set an occasion for everyone present (``During a town hall, ...``)."""
    fallback_verb_channels: dict[str, str] = attrs.field(factory=dict)
    """Reporting verbs with the channel they name when the speaker is in no scene of their own (``X wrote`` is a
    publication, but a letter when X was writing one): :mod:`quotebank.attribute.scenes`."""
    broadcast_speaker_nouns: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Who or what speaks in a broadcast, heading the speaker's mention (``the ad's narrator says``, ``the clip
    says``, ``an announcer said``): a broadcast when nothing else names the channel."""
    programme_nouns: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Nouns for a broadcast programme (``show``, ``episode``): *on* one, a guest is interviewed, while the host's
    own words (``on his show``) are the broadcast."""
    # Roles (quotebank.roles)
    title_abbreviations: dict[str, str] = attrs.field(factory=dict)
    """Abbreviated titles written out, without the full stop (``sen`` -> ``senator``): a role that is only one."""
    kind_nouns: dict[str, str] = attrs.field(factory=dict)
    """Words for a kind of organisation, with the speaker kind they name (``paper`` -> ``media``): ``the paper``
    is the one newspaper the article has named."""
    occupation_titles: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Occupations that name a person's role like a title does (``rally driver Dave Hawkins``, ``X, a designer,``):
    read as titles for roles only (:mod:`quotebank.roles`)."""
    party_titles: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Members of a party, named like a title (``New York Democrat Charlie King``, ``Lib Dem Norman Baker``, ``the
    ranking Democrat on the committee``): roles, never a name's part."""
    portraying_verbs: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Verbs whose ``as`` phrase is how someone is seen, not a role held (``Trump is painted as a greedy
    Republican``), unlike ``served as the attorney general``."""
    relation_titles: frozenset[str] = attrs.field(converter=_frozen, factory=frozenset)
    """Titles that name a relation to someone else, not a position (``rival Donald Trump``): a role only when the
    article gives the person no position (:func:`quotebank.roles.best_role`)."""


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
