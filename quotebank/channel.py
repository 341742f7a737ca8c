"""Channel classification: tweet, statement, speech, interview ... from the words around a cue.

The evidence is read from a handful of tokens chosen by :mod:`quotebank.attribute`
(the cue verb, the phrases attached to it, the subject noun phrase) and never
from the reported content itself, so ``Milley said the letter had been "an
honest mistake"`` is not a letter. When several channel words appear, the most
specific wins, in the lexicon's ``channel_priority`` order (a ``televised
speech`` is a speech; ``told reporters at a press conference`` is a press
conference). No evidence gives ``UNKNOWN``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from .lexicons import Lexicon
from .model import Channel, SpeakerKind

__all__ = ["appearance_channel", "classify_channel", "is_time_expression", "programme_on"]

_PEOPLE_AUDIENCE = frozenset(
    {"reporters", "journalists", "press", "media", "correspondents", "interviewer", "host", "anchor", "presenter"}
    | {"reporter", "journalist", "correspondent"}
)
_PRESS_GROUP = frozenset({"reporters", "journalists", "press", "media", "correspondents"})
# Addressed, these make a speech; as the speaker ("lawmakers said") they say nothing about the channel.
_SPEECH_AUDIENCE = frozenset(
    {"supporters", "crowd", "crowds", "audience", "delegates", "lawmakers", "legislators", "parliament", "commons"}
    | {
        "senate",
        "congress",
        "chamber",
        "assembly",
        "rally",
        "rallygoers",
        "congregation",
        "graduates",
        "mps",
        "senators",
    }
)


def classify_channel(
    cue: Token | None,
    evidence: Iterable[Token],
    lexicon: Lexicon,
    *,
    speaker_kind: SpeakerKind | None = None,
    speaker_words: Iterable[str] = (),
    speaker_name: str = "",
) -> tuple[Channel, Token | None]:
    """The channel the tokens point to, and the token that decided it.

    Args:
        cue: The reporting verb (``tweeted``, ``told``, ``said``), if any.
        evidence: Tokens around the cue that may name a channel.
        lexicon: The language's lexicon.
        speaker_kind: The kind of the speaker (a media outlet that ``reported`` publishes).
        speaker_words: Lower-cased words of the speaker's mention (``state``, ``tv``).
        speaker_name: The speaker's name, when the mention does not give it (``she`` for the Jane Roe of ``Roe's
            speech``, the host of ``The Jane Roe Show``).
    """
    found: dict[str, Token] = {}
    speaker_set = {w.lower() for w in speaker_words}
    named = speaker_set | set(speaker_name.lower().split())
    if cue is not None:
        verb_channel = lexicon.speech_verbs.get(cue.lemma_.lower())
        if verb_channel and not (verb_channel == "publication" and speaker_kind is not SpeakerKind.MEDIA):
            found.setdefault(verb_channel, cue)
    for tok in evidence:
        word = tok.lower_
        lemma = tok.lemma_.lower()
        if word in lexicon.spokesperson_nouns and word in speaker_set:
            continue  # "a spokesman said": who spoke, not how (the same spokesman "told reporters")
        if tok.pos_ == "VERB":
            # "noted", "posted": a verb names its own channel or none ("a note" is a letter; "noted" is not).
            channel = lexicon.speech_verbs.get(lemma)
        else:
            channel = lexicon.speech_nouns.get(word) or lexicon.speech_nouns.get(lemma)
        if tok.i >= 1 and (pair := lexicon.speech_nouns.get(f"{tok.doc[tok.i - 1].lower_} {word}")):
            channel = pair  # "a town hall", "a news conference": the two words name more than the last alone
        if channel is None and tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
            channel = lexicon.speech_nouns.get(f"{tok.doc[tok.i - 2].lower_}-{word}")  # "op - ed", "e - mail"
        # The Post, The Wall Street Journal: outlets, not channels.
        outlet = (
            word in ("post", "show", "program", "programme", "paper", "journal", "magazine") and tok.pos_ == "PROPN"
        )
        if (
            channel
            and not outlet
            and not _not_a_channel(tok, named)
            and (tok.pos_ in ("NOUN", "PROPN", "ADJ", "VERB") or not tok.pos_)
        ):
            found.setdefault(channel, tok)
        after_on = tok.i > 0 and tok.doc[tok.i - 1].lower_ == "on"
        if after_on and tok.text.rstrip(".") == "X":
            found.setdefault("tweet", tok)  # "wrote on X": Twitter under its later name
        if after_on and word in lexicon.broadcast_media_words:
            found.setdefault("broadcast", tok)  # "on state TV"; a guest's "said on Fox News" is an interview (below)
        if programme := programme_on(tok, lexicon):
            channel = appearance_channel(
                programme, lexicon, speaker_kind=speaker_kind, speaker_words=speaker_set, speaker_name=speaker_name
            )
            found.setdefault(channel.value, programme[0])  # "said on CNN's State of the Union"
        if lemma in lexicon.speech_settings and tok.dep_ == "pobj" and tok.head.lower_ in ("at", "during"):
            found.setdefault("speech", tok)  # "said at a campaign stop in Toledo", "during a fundraiser"
        if _interviewer(tok, lexicon):
            # The press as a body ("told reporters") is a press conference or a gaggle; one outlet or one
            # reporter ("told Reuters", "told a reporter") is an interview.
            found.setdefault("press_conference" if word in _PRESS_GROUP and tok.is_lower else "interview", tok)
        if cue is not None and _broadcast_audience(tok, lexicon) and _addressed(tok, cue, lexicon):
            found.setdefault("broadcast", tok)  # "told his radio audience", "told viewers": the host's own show
        elif cue is not None and word in _SPEECH_AUDIENCE and _addressed(tok, cue, lexicon):
            found.setdefault("speech", tok)  # "told the House of Commons", "said in parliament", "told supporters"
    words = {w.lower() for w in speaker_words}
    if not found and speaker_kind is SpeakerKind.MEDIA:
        if words & lexicon.broadcast_media_words:
            return Channel.BROADCAST, cue
        if cue is not None and cue.lemma_.lower() in ("report", "write", "publish"):
            return Channel.PUBLICATION, cue
    if not found and words & {"tv", "television", "radio"}:
        return Channel.BROADCAST, cue
    if not found and words & lexicon.broadcast_speaker_nouns:
        return Channel.BROADCAST, cue  # "a narrator in the ad asks", "the clip says"
    for name in lexicon.channel_priority:
        if name in found:
            return Channel(name), found[name]
    return Channel.UNKNOWN, None


_PROGRAMME_TOKENS = 12
"""How far into an *on* phrase a programme is looked for (``on Tuesday's episode of "The Morning Show"``)."""
_OWNERS = frozenset({"his", "her", "their", "its", "my", "our"})


def programme_on(on: Token, lexicon: Lexicon) -> list[Token]:
    """The words of the broadcast programme an *on* phrase names, the word that shows it first; [] for none.

    ``on Fox News``, ``on CNN's "State of the Union"``, ``on Tuesday's episode of "The Morning Show"``,
    ``On "Face the Nation"`` (a title the parser knows as a work), ``on his radio show``; not ``on Tuesday``,
    ``on Twitter`` or ``on the issue``.
    """
    if on.lower_ != "on" or on.dep_ != "prep" or on.head.pos_ not in ("VERB", "AUX"):
        return []  # "a town hall on CNN": the occasion, not an appearance, names the channel
    objects = [c for c in on.children if c.dep_ in ("pobj", "pcomp")]
    if not objects or objects[0].ent_type_ in ("DATE", "TIME"):
        return []
    phrase = [t for t in on.subtree if on.i < t.i <= on.i + _PROGRAMME_TOKENS]
    shows = [t for t in phrase if t.lower_ in lexicon.programme_nouns and t.pos_ in ("NOUN", "PROPN")]
    media = [t for t in phrase if t.lower_ in lexicon.broadcast_media_words]
    works = [t for t in phrase if t.ent_type_ == "WORK_OF_ART" and not t.is_punct]
    found = shows or media or works
    if not found:
        return []
    decisive = found[0]
    return [decisive, *(t for t in phrase if t.i != decisive.i)]


def appearance_channel(
    programme: list[Token],
    lexicon: Lexicon,
    *,
    speaker_kind: SpeakerKind | None,
    speaker_words: Iterable[str],
    speaker_name: str = "",
) -> Channel:
    """The channel of words spoken on a programme (:func:`programme_on`): a guest on a show is interviewed;
    the broadcaster's own output, the host's own show and a bare medium (``on state television``) are broadcast.

    The host is a broadcaster (``state TV said on its evening news``), the owner of the show (``on his radio
    show``) or the speaker whose name the show bears (Laura Ingraham on ``The Laura Ingraham Show``).
    """
    words = {w.lower() for w in speaker_words}
    if speaker_kind is SpeakerKind.MEDIA or words & lexicon.broadcast_media_words:
        return Channel.BROADCAST
    if any(t.lower_ in _OWNERS and t.dep_ == "poss" for t in programme):
        return Channel.BROADCAST
    names = {t.lower_ for t in programme if t.pos_ == "PROPN" and t.is_title and len(t) > 2}
    if names & (words | set(speaker_name.lower().split())):
        return Channel.BROADCAST
    decisive = programme[0]
    if decisive.lower_ in ("tv", "television", "radio") and not names:
        return Channel.BROADCAST  # "said on national television": no programme to be a guest of
    return Channel.INTERVIEW


def _not_a_channel(tok: Token, speaker_words: set[str]) -> bool:
    """True for a channel word that is not how the speaker spoke, whatever the words around the cue.

    ``added a note of caution`` (a tone, no letter), ``said to the TV`` (spoken at a screen, not on it),
    ``called Mr. Obama's remarks "a wake-up call"`` (someone else's remarks).
    """
    if tok.lower_ == "note" and any(c.lower_ == "of" for c in tok.rights):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.lower_ in ("tv", "television", "radio"):
        return True
    # A person's ("Sunday's debate" and "CNN's town hall" are where the speaker spoke)
    owners = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"]
    return bool(owners) and not any(t.lower_ in speaker_words for o in owners for t in o.subtree)


def _interviewer(tok: Token, lexicon: Lexicon) -> bool:
    """True for reporters or a news outlet addressed by *tell*, *speak* or *talk*.

    ``told reporters``, ``told Reuters``, ``Speaking to the BBC's Laura Kuenssberg``.
    """
    verb = tok.head
    if tok.dep_ == "pobj" and verb.lower_ == "to":
        verb = verb.head
    elif tok.dep_ not in ("dative", "dobj", "obj", "npadvmod"):
        return False
    if verb.lemma_.lower() not in ("tell", "speak", "talk"):
        return False
    if tok.dep_ == "npadvmod" and tok.pos_ != "PROPN":
        return False  # "told him Tuesday"
    return tok.lower_ in _PEOPLE_AUDIENCE or _is_outlet(tok, lexicon) or _named_outlet(tok, lexicon)


def _is_outlet(tok: Token, lexicon: Lexicon) -> bool:
    """True for a news organisation (``told Reuters``, ``told Sky News``), not any organisation (``told the House``)."""
    if tok.pos_ == "NOUN" and (tok.lower_ in lexicon.media_words or lexicon.kind_nouns.get(tok.lower_) == "media"):
        return True  # "told the paper", "told the newspaper": the outlet the article named
    words = [t.lower_ for t in tok.subtree if t.ent_type_ == "ORG" or tok.pos_ == "PROPN"]
    return any(w in lexicon.media_words or w in lexicon.broadcast_media_words for w in words)


# Who is told as a body hears a speech or a testimony, not an interview ("told the United Nations").
_BODIES = frozenset({"nations", "ministers", "leaders", "members", "delegates", "students", "voters"})


# What the parser may call an outlet's name ("The Sun" is a place to it), or nothing at all.
_OUTLET_LABELS = frozenset({"", "ORG", "WORK_OF_ART", "PRODUCT", "LOC", "FAC"})


def _named_outlet(tok: Token, lexicon: Lexicon) -> bool:
    """True for a name told that is no person, place, people or body: in the news, an outlet or its programme
    (``told InsideSources``, ``told The Sun``, ``told Capital Download``), or a host (``told co-host Joe Roe``).

    ``told Ms Sturgeon``, ``told African-Americans``, ``told the IRS``, ``told the Senate committee`` are not.
    """
    if tok.pos_ != "PROPN":
        return False
    phrase = [t for t in tok.subtree if t.i <= tok.i]
    words = {t.lower_ for t in phrase}
    if words & _PEOPLE_AUDIENCE:
        return True  # "told CBS host Jane Roe"
    if tok.ent_type_ not in _OUTLET_LABELS or any(t.lower_ in lexicon.honorifics for t in phrase):
        return False  # a person, a people, a place, a day ("spoke Tuesday")
    if any(e.label_ == "PERSON" and tok.text in (t.text for t in e) for e in tok.doc.ents):
        return False  # "told Stumpf": the John Stumpf the article named
    return not (words & (_SPEECH_AUDIENCE | _BODIES | lexicon.organization_words))


def _broadcast_audience(tok: Token, lexicon: Lexicon) -> bool:
    """True for those who hear a broadcast: ``viewers``, ``listeners``, ``his radio audience``."""
    if tok.lower_ in ("viewers", "listeners"):
        return True
    return tok.lower_ == "audience" and any(
        c.lower_ in lexicon.broadcast_media_words and c.dep_ in ("compound", "amod", "nmod") for c in tok.children
    )


def _addressed(tok: Token, cue: Token, lexicon: Lexicon) -> bool:
    """True when ``tok`` is whom the cue addresses (``told supporters``) or where (``said in parliament``)."""
    if tok.dep_ in ("pobj", "compound") and (tok.head.lower_ == "of" or tok.dep_ == "compound"):
        tok = tok.head.head if tok.dep_ == "pobj" else tok.head  # "told the House of Commons", "the Senate chamber"
    if tok.head.i == cue.i and tok.dep_ in ("dative", "dobj", "obj"):
        return cue.lemma_.lower() in ("tell", "address", "speak", "talk")
    head = tok.head
    if head.lower_ == "to" and cue.lemma_.lower() in lexicon.naming_verbs:
        return False  # "called the remarks a wake-up call to his supporters": what the words were to them
    return tok.dep_ == "pobj" and head.lower_ in ("in", "to", "before", "at") and head.head.i == cue.i


def is_time_expression(tok: Token, lexicon: Lexicon) -> bool:
    """True for a word that sets speech at a time: a weekday, a month, ``yesterday``, ``earlier``, a year.

    ``for years`` or ``seven and a half years`` are durations and set no time.
    """
    word = tok.lower_.rstrip(".")
    if word in lexicon.time_anchors:
        return True
    if tok.ent_type_ not in ("DATE", "TIME"):
        return False
    return word in lexicon.date_words or (len(word) == 4 and word.isdigit() and word[:2] in ("19", "20"))
