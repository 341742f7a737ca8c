"""Roles and titles around a name: ``Pentagon spokesman Jonathan Hoffman``, ``Goldenberg, a former ... official``.

Two places give a role in news style, and both are read here from the surface
tokens with the help of the title lexicon (the small parser is unreliable on
long pre-nominal titles):

* the *pre-nominal title*: the noun phrase glued to the left of a name. It is
  split at prepositions and kept from the first chunk that holds a title word,
  so ``the killing of Revolutionary Guard General Qassem Soleimani`` gives
  ``Revolutionary Guard General`` while ``Assistant to the Secretary of Defense
  for Public Affairs Jonathan Hoffman`` keeps the whole title;
* the *appositive*: ``, a former State Department official now with X,`` or
  ``, chairman of the Joint Chiefs of Staff,`` right after the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from .lexicons import Lexicon

__all__ = [
    "affiliation",
    "appositive_role",
    "best_role",
    "clean_role",
    "is_title_token",
    "other_qualifier",
    "pre_title",
    "role_head",
    "weak_role",
]

_STOP_POS = frozenset({"VERB", "AUX", "CCONJ", "SCONJ", "PRON", "NUM", "INTJ", "SYM", "X"})
_LINKING_WORDS = frozenset({"of", "to", "for", "at", "on", "in", "'s", "’s", "the", "and", "&"})
_QUOTE_CHARS = "“”\"'‘’«»„"
_LEADING_WORDS = frozenset({"the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "then"})
_TRAILING_WORDS = frozenset({"of", "to", "for", "at", "on", "in", "with", "from", "by", "and", "or", "&", "the", "a"})
# Words that make a phrase a clause or a list of things, never a title: a role holding one is cut before it.
_CLAUSE_WORDS = frozenset(
    {"who", "whom", "whose", "which", "that", "he", "she", "they", "it", "we", "i", "but", "when", "while", "as"}
    | {"is", "was", "are", "were", "has", "had", "have", "said", "says", "and", "or", "after", "before", "since"}
)
_AFFILIATION_PREPOSITIONS = frozenset({"for", "at", "of"})
_SENTENCE_BREAK = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?;:]\s+|[—–(]|\s-\s")
_POSSESSIVE_END = re.compile(r"^(?P<word>.+?)['’]s?$")
_ROLE_WORDS = 16


def is_title_token(token: Token, lexicon: Lexicon) -> bool:
    """True for a word that names a role or title (``spokesman``, ``Minister``, ``Gen.``).

    A rank that is also an adjective is no title in lower case before a word that names no position (``a major
    piece``, ``general election``); an abbreviated title the tokenizer split from its full stop is one
    (``Sens`` ``.``).
    """
    if not _title_word(token, lexicon):
        return _split_abbreviation(token, lexicon)
    if _given_name(token, lexicon):
        return False
    if token.pos_ == "ADJ" and token.is_lower and token.dep_ == "amod" and token.head.i != token.i:
        return _title_word(token.head, lexicon)
    return True


def _given_name(token: Token, lexicon: Lexicon) -> bool:
    """``Rovers manager Dean Holt``: a title that is also a given name opens a two-word person's name the recogniser
    found, the surname after it (``Dean Jane Roe of the law school`` is a dean: a full name follows the title)."""
    doc = token.doc
    if token.lower_ not in lexicon.given_name_titles or not token.text[:1].isupper() or token.i + 1 >= len(doc):
        return False
    after = doc[token.i + 1]
    last = token.i + 2 >= len(doc) or doc[token.i + 2].ent_iob_ != "I"
    return (
        token.ent_type_ == "PERSON"
        and token.ent_iob_ == "B"
        and after.ent_iob_ == "I"
        and after.pos_ == "PROPN"
        and last
    )


def _title_word(token: Token, lexicon: Lexicon) -> bool:
    words = (token.lower_, token.lemma_.lower())
    return any(_in_titles(w, lexicon) for w in words) or _party_word(token, lexicon)


def _party_word(token: Token, lexicon: Lexicon) -> bool:
    """``Democrat``, either word of ``Lib Dem``; capitalised only (``a democrat at heart`` names no party)."""
    if not token.text[:1].isupper():
        return False
    doc = token.doc
    pairs = []
    if token.i > 0:
        pairs.append(f"{doc[token.i - 1].lower_} {token.lower_}")
    if token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper():
        pairs.append(f"{token.lower_} {doc[token.i + 1].lower_}")
    return token.lower_ in lexicon.party_titles or any(pair in lexicon.party_titles for pair in pairs)


def _in_titles(word: str, lexicon: Lexicon) -> bool:
    return word in lexicon.titles or word in lexicon.occupation_titles


def _split_abbreviation(token: Token, lexicon: Lexicon) -> bool:
    """An abbreviated title the lexicon writes out (``Del. Stacey Plaskett``), or one right before its own full
    stop (``Sens`` ``.`` ``Jon Tester``): the tokenizer may split it in two."""
    if not token.text[:1].isupper():
        return False
    if token.text.endswith(".") and token.lower_.rstrip(".") in lexicon.title_abbreviations:
        return True
    doc = token.doc
    return (
        token.lower_ in lexicon.title_abbreviations
        and token.text[:1].isupper()
        and not token.whitespace_
        and token.i + 1 < len(doc)
        and doc[token.i + 1].text == "."
    )


def role_head(text: str, lexicon: Lexicon) -> str | None:
    """The last title word in ``text`` (lower case), e.g. ``'minister'`` for ``Iran's foreign minister``."""
    written = [w.strip(",.") for w in text.split()]
    words = [w.lower() for w in written]
    for i in range(len(words) - 1, -1, -1):
        pair = f"{words[i - 1]} {words[i]}" if i > 0 else ""
        if pair in lexicon.titles or (pair in lexicon.party_titles and written[i - 1][:1].isupper()):
            return pair
        if _in_titles(words[i], lexicon) or (words[i] in lexicon.party_titles and written[i][:1].isupper()):
            return words[i]
    return None


def pre_title(doc: Doc, name_start: int, lexicon: Lexicon) -> Span | None:
    """The title written just before the name that starts at token ``name_start``."""
    i = name_start - 1
    if i >= 0 and (doc[i].pos_ == "ADP" or doc[i].lower_ in _LINKING_WORDS - {"'s", "’s", "&"}):
        return None  # "the candidate’s response to Donald Trump": the name is an object, the words no title
    tokens: list[Token] = []
    while i >= 0:
        tok = doc[i]
        if "\n" in tok.text_with_ws:
            break
        if tok.is_space:
            i -= 1  # "nominee\xa0Donald Trump": a non-breaking space is still one phrase
            continue
        if tok.text == "." and not _abbreviation_stop(tok, lexicon):
            break  # "according to a campaign aide. Donald Trump": the sentence before holds no title of the name
        if tok.pos_ in _STOP_POS and tok.lower_ not in _LINKING_WORDS:
            break
        if tok.pos_ == "CCONJ" and i > 0 and doc[i - 1].ent_type_ in ("PERSON", "GPE"):
            break  # "Both Trump and Iranian Foreign Minister Javad Zarif": the title starts after "and"
        if (tok.is_punct and tok.text not in ("-", "–", ".", "’s", "'s")) or tok.text in _QUOTE_CHARS:
            break
        tokens.append(tok)
        if tok.is_sent_start:
            break  # "... his secretary of state. Like many things with Mr. Obama": a title never spans sentences
        i -= 1
    if not tokens:
        return None
    tokens.reverse()
    # Split into chunks at prepositions; keep from the first chunk that holds a title word.
    chunks: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.pos_ == "ADP" or tok.lower_ in ("of", "to", "for", "at", "on", "in"):
            chunks.append([tok])
        else:
            chunks[-1].append(tok)
    first = next((k for k, chunk in enumerate(chunks) if any(is_title_token(t, lexicon) for t in chunk)), None)
    if first is None and _common_noun_title(doc[name_start - 1], name_start):
        first = len(chunks) - 1
    if first is None:
        return None
    kept = [t for chunk in chunks[first:] for t in chunk]
    while kept and (kept[0].pos_ in ("DET", "ADP") or kept[0].is_punct):
        kept = kept[1:]
    if not kept:
        return None
    return doc[kept[0].i : kept[-1].i + 1]


def _abbreviation_stop(stop: Token, lexicon: Lexicon) -> bool:
    """A full stop the tokenizer split from an abbreviated title or an initial (``Sens`` ``.``), not a sentence's."""
    if stop.i == 0:
        return False
    before = stop.doc[stop.i - 1]
    return not before.whitespace_ and (
        before.lower_ in lexicon.title_abbreviations or (len(before.text) == 1 and before.text.isupper())
    )


def _common_noun_title(last: Token, name_start: int) -> bool:
    """``Bath prop Matt Stevens``, ``9/11 widow Terry Strada``: a singular common noun glued to the name as its
    modifier is a description of the person in news style, whether or not the lexicon knows it as a title."""
    return (
        last.tag_ == "NN"
        and last.is_lower
        and last.dep_ in ("compound", "nmod", "amod")
        and last.head.i >= name_start
        and last.head.ent_type_ == "PERSON"
    )


def affiliation(doc: Doc, name_start: int, name_end: int) -> Span | None:
    """The organisation a name is written with, when no title is: ``NBC’s Dante Chinni``, ``Cameron Easley for
    Morning Consult``, ``Dan McLaughlin at the National Review``. Places, people and dates are no affiliation."""
    last = doc[name_end - 1]
    if last.ent_type_ != "PERSON":
        return None  # "the Charlotte Panthers of the National Football League": a team has no affiliation role
    for child in last.children:
        if child.dep_ == "prep" and child.lower_ in _AFFILIATION_PREPOSITIONS and child.i == name_end:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and _organisation_word(objects[0]):
                phrase = [t for t in objects[0].subtree if t.dep_ != "det"]
                if all(t.pos_ == "PROPN" or t.text == "&" for t in phrase):
                    return doc[phrase[0].i : phrase[-1].i + 1]
    owner_end = name_start - 1
    if owner_end >= 1 and doc[owner_end].lower_ in ("’s", "'s"):
        i = owner_end - 1
        if doc[i].ent_type_ == "ORG":
            start = i
            while start > 0 and doc[start - 1].ent_type_ == "ORG" and doc[start - 1].ent_iob_ != "O":
                start -= 1
            return doc[start:owner_end]
    return None


def _organisation_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.ent_type_ in ("ORG", "")


def appositive_role(doc: Doc, name_end: int, lexicon: Lexicon) -> Span | None:
    """The appositive after the name that ends before token ``name_end``: ``, chairman of X,``."""
    if name_end >= len(doc) or doc[name_end].text != ",":
        return None
    start = name_end + 1
    end = start
    while end < len(doc):
        tok = doc[end]
        if tok.text in (",", ";", ".", "—", "–", "(", ")") or tok.text in _QUOTE_CHARS or "\n" in tok.text_with_ws:
            break
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ in ("ROOT", "ccomp") and end > start:
            break
        end += 1
    if end == start or start >= len(doc):
        return None
    first = doc[start]
    if first.lower_ in ("who", "which", "that", "whose", "where", "when", "he", "she", "they", "it"):
        return None
    if first.pos_ in ("VERB", "AUX"):
        return None  # "Dmitry Peskov, told reporters": the clause goes on, there is no appositive
    if end - start > 16 or not any(is_title_token(t, lexicon) for t in doc[start:end]):
        return None
    while start < end and doc[start].pos_ == "DET":
        start += 1
    return doc[start:end] if start < end else None


def clean_role(text: str, lexicon: Lexicon) -> str | None:
    """``text`` as a short role phrase: a title (or position) with its modifiers; None when nothing is left.

    A role never runs across a sentence (``secretary of state. Later`` -> ``secretary of state``), never goes on
    into a clause or what its holder owns (``Republican nominee’s disrespect for women`` -> ``Republican
    nominee``), and loses leading articles and dangling prepositions (``spokeswoman for`` -> ``spokeswoman``). A
    bare abbreviated title is written out (``Sen.`` -> ``senator``).

    Example:
        >>> from quotebank.lexicons import get_lexicon
        >>> en = get_lexicon("en")
        >>> clean_role("the Republican nominee’s disrespect for women.", en)
        'Republican nominee'
        >>> clean_role("Sen.", en), clean_role("strategy. Sen.", en), clean_role("media and rival", en)
        ('senator', 'senator', 'rival')
    """
    pieces = [p.strip(' ,"“”') for p in _SENTENCE_BREAK.split(text)]
    pieces = [p for p in pieces if p]
    if not pieces:
        return None
    titled = [p for p in pieces if _titled(p.split(), lexicon)]
    words = (titled[-1] if titled else pieces[0]).split()
    kept: list[str] = []
    clause = False
    for n, word in enumerate(words):
        word = word.strip(",;")
        if word.lower() in _CLAUSE_WORDS:
            clause = True
            if kept and (_titled(kept, lexicon) or not _titled(words[n + 1 :], lexicon)):
                break
            kept = []  # "media and rival": the title comes after the list
            continue
        owner = _POSSESSIVE_END.match(word)
        if (
            owner is not None
            and kept
            and _titled([owner.group("word")], lexicon)
            and not _person(words[n + 1 :], lexicon)
        ):
            kept.append(owner.group("word"))  # the title owns what follows: "nominee’s disrespect"
            break
        kept.append(word)
    while kept and kept[0].lower() in _LEADING_WORDS:
        kept = kept[1:]
    while kept and kept[-1].lower() in _TRAILING_WORDS:
        kept = kept[:-1]
    if not kept or len(kept) > _ROLE_WORDS or (clause and not _titled(kept, lexicon)):
        return None  # "but she has made clear her doubts": a clause, not a title
    role = " ".join(kept)
    written = _written_out(role, lexicon)  # "Sens." is an abbreviation before it is a full stop
    if written is not None:
        return written
    if role.endswith(".") and len(kept[-1]) > 4 and kept[-1].count(".") == 1:
        role = role[:-1]  # the full stop of the sentence, not of an abbreviation ("Jr.", "D-N.C.")
    return role


def _person(words: list[str], lexicon: Lexicon) -> bool:
    """True when ``words`` name someone (``eldest daughter``, ``press secretary``): the nominee's daughter is the
    person's role, unlike the nominee's disrespect."""
    bare = [w.strip(",.;").lower() for w in words]
    return _titled(words, lexicon) or any(w in lexicon.person_descriptions for w in bare)


def _titled(words: Iterable[str], lexicon: Lexicon) -> bool:
    bare = [_POSSESSIVE_END.sub(r"\g<word>", w) for w in words]
    return role_head(" ".join(bare), lexicon) is not None or any(
        w.endswith(".") and w.rstrip(".").lower() in lexicon.title_abbreviations for w in bare
    )


def _within(role: str, other: str) -> bool:
    """True when ``role``'s words start or end the longer ``other`` (``Fellow`` in ``Fellow Lib Dem``)."""
    words, longer = role.lower().split(), other.lower().split()
    return len(longer) > len(words) and (longer[: len(words)] == words or longer[-len(words) :] == words)


def weak_role(role: str, lexicon: Lexicon) -> bool:
    """True for a role that names no position: a relation to someone else (``her Republican rival``) or a bare
    party membership (``Democrat``, ``Fellow Lib Dem``); ``the top Democrat on the House Intelligence
    Committee`` is a position."""
    head = role_head(role, lexicon)
    if head is None:
        return False
    return head in lexicon.relation_titles or (
        head in lexicon.party_titles and role.lower().rstrip(" .").endswith(head)
    )


def _written_out(text: str, lexicon: Lexicon) -> str | None:
    """A role ending in an abbreviated title, written out (``New Jersey Gov.`` -> ``New Jersey governor``)."""
    words = text.strip(" ,").split()
    for size in (2, 1):
        if len(words) < size or not words[-1].endswith("."):
            continue
        full = lexicon.title_abbreviations.get(" ".join(words[-size:]).rstrip(".").lower())
        if full is not None:
            return " ".join([*words[:-size], full])
    return None


def best_role(roles: Iterable[str], lexicon: Lexicon) -> str | None:
    """The most informative of ``roles`` (already clean): a title if any, the one with the most words, the first
    stated on a tie.

    More words means more of what the article says about the position (``Republican presidential nominee``
    over ``nominee``, ``New York state attorney general`` over ``attorney general``); a written-out abbreviation
    counts as the single word it is.

    Example:
        >>> from quotebank.lexicons import get_lexicon
        >>> best_role(["rival", "Republican presidential nominee", "nominee"], get_lexicon("en"))
        'Republican presidential nominee'
    """
    roles = list(roles)
    # "Fellow" and "Fellow Lib Dem": one statement, the longer says more (whatever its title's kind).
    roles = [r for r in roles if not any(_within(r, other) for other in roles)]
    titled = [r for r in roles if _titled(r.split(), lexicon)]
    # "rival Donald Trump", "Democrat Hillary Clinton": a relation or a party says less than any position.
    positions = [r for r in titled if not weak_role(r, lexicon)]
    best: str | None = None
    for role in positions or titled or roles:
        if best is None or len(role.split()) > len(best.split()):
            best = role
    return best


_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "his", "her", "their", "our"})


def _qualifiers(role: str, title: str, lexicon: Lexicon) -> set[str]:
    """The capitalised words before ``title`` in ``role`` that are no title themselves, cut to a stem (``Rovers``
    of ``Rovers boss``, ``iran`` for ``Iran's`` and ``Iranian``)."""
    words = re.findall(r"[\w'’.-]+", role)
    lowered = [w.lower() for w in words]
    if title not in lowered:
        return set()
    return {
        re.sub(r"['’]s?$", "", w).lower()[:4]
        for w in words[: lowered.index(title)]
        if w[:1].isupper() and w.lower().rstrip(".") not in lexicon.titles and w.lower() not in _DETERMINERS
    }


def other_qualifier(role: str, roles: Iterable[str], title: str, lexicon: Lexicon) -> bool:
    """True when ``role`` and every one of a person's ``roles`` with that ``title`` name different places, teams
    or bodies before it: ``Rovers boss`` is not ``City boss Maria Santos``; ``Iran's foreign minister`` is the
    ``Iranian Foreign Minister``.

    Example:
        >>> from quotebank.lexicons import get_lexicon
        >>> en = get_lexicon("en")
        >>> other_qualifier("the Rovers boss", ["City boss"], "boss", en)
        True
        >>> other_qualifier("Iran's foreign minister", ["Iranian Foreign Minister"], "minister", en)
        False
    """
    wanted = _qualifiers(role, title, lexicon)
    if not wanted:
        return False
    held = [_qualifiers(r, title, lexicon) for r in roles]
    held = [q for q in held if q]
    return bool(held) and all(not (q & wanted) for q in held)
