"""Names and roles in comparable form: people's names, roles' titles and qualifiers, organisations' words.

The vocabulary of speaker linking (:mod:`quotebank.bank.linking`): :func:`parse_person_name`,
:func:`role_signature`, :func:`is_role_only`, :func:`org_words`, and the keys a name is looked up under
(:func:`lookup_keys`). Names and roles recur across articles, so every function here is cached.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

import attrs

from .. import textnorm
from ..lexicons import get_lexicon
from ..model import SpeakerKind

__all__ = [
    "ORGISH",
    "ORG_RULES",
    "PERSONISH",
    "PersonName",
    "RoleSignature",
    "acronym",
    "fold",
    "initials",
    "is_description",
    "is_owned_description",
    "is_role_only",
    "is_title",
    "lookup_keys",
    "org_fits",
    "org_words",
    "parse_person_name",
    "role_signature",
    "same_place",
    "spelled_names",
    "word_tokens",
]

PERSONISH = frozenset({SpeakerKind.PERSON, SpeakerKind.UNKNOWN})
ORGISH = frozenset({SpeakerKind.ORGANIZATION, SpeakerKind.MEDIA})
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_DETERMINERS = frozenset({"the", "a", "an"})
_FORMER = frozenset({"former", "ex"})
_ROLE_STOP = frozenset(
    {"the", "a", "an", "of", "for", "to", "and", "in", "at", "on", "with", "by", "from", "as", "s"}
    | {"its", "his", "her", "their", "our", "country", "nation", "who", "is", "was", "also", "then", "now"}
    | {"outgoing", "incoming", "current", "acting", "interim", "new", "top", "senior"}
)
_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "s", "de", "du", "la"})
# Irregular demonyms and country names; regular ones (Iranian/Iran, Iraqi/Iraq) match by prefix.
_PLACES = {
    "american": "us",
    "america": "us",
    "usa": "us",
    "british": "uk",
    "britain": "uk",
    "chinese": "china",
    "french": "france",
    "turkish": "turkey",
    "ukrainian": "ukraine",
    "lebanese": "lebanon",
    "dutch": "netherlands",
    "swiss": "switzerland",
    "greek": "greece",
    "spanish": "spain",
    "emirati": "uae",
    "filipino": "philippines",
    "german": "germany",
    "afghan": "afghanistan",
    "canadian": "canada",
    "mexican": "mexico",
    "italian": "italy",
    "palestinian": "palestine",
    "polish": "poland",
    "swedish": "sweden",
    "norwegian": "norway",
    "danish": "denmark",
    "irish": "ireland",
    "belgian": "belgium",
    "peruvian": "peru",
    "thai": "thailand",
}
# Regular demonyms: the country's name plus one of these (Iran-ian, Iraq-i, Syria-n, Japan-ese).
_DEMONYM_ENDINGS = frozenset({"n", "an", "ian", "i", "ese", "ish"})

# Names and roles come back again and again; quotes are never folded here.
fold = functools.lru_cache(maxsize=65536)(textnorm.fold)


@functools.lru_cache(maxsize=65536)
def word_tokens(text: str) -> tuple[str, ...]:
    return tuple(textnorm.word_tokens(text))


# --------------------------------------------------------------------------- names and roles


@attrs.frozen
class _Tok:
    word: str
    upper: bool


@functools.cache
def _lexicon_phrases() -> tuple[frozenset[tuple[str, ...]], frozenset[tuple[str, ...]], int]:
    lex = get_lexicon("en")
    titles = frozenset(tuple(_name_words(t)) for t in lex.titles)
    honorifics = frozenset(tuple(_name_words(t)) for t in lex.honorifics)
    longest = max(len(p) for p in titles | honorifics)
    return titles - {()}, honorifics - {()}, longest


def _name_words(text: str) -> list[str]:
    return [t.word for t in _name_tokens(text)]


@functools.lru_cache(maxsize=65536)
def _name_tokens(text: str) -> tuple[_Tok, ...]:
    """Words of a name: possessive ``'s`` dropped, inner dots, hyphens and apostrophes removed (``Abdul-Mahdi``)."""
    out = []
    for raw in fold(text).split(" "):
        word = re.sub(r"'s$", "", raw.strip(".,;:()[]\"'"))
        word = re.sub(r"[^\w]", "", word)
        if word:
            out.append(word)
    # Capitalisation from the original text, word by word.
    originals = [w for w in (re.sub(r"[^\w]", "", o) for o in text.split()) if w]
    uppers = [o[:1].isupper() for o in originals]
    if len(uppers) != len(out):
        uppers = [True] * len(out)
    return tuple(_Tok(w, u) for w, u in zip(out, uppers, strict=True))


def _phrase_at(words: Sequence[str], i: int, phrases: frozenset[tuple[str, ...]], longest: int) -> int:
    for n in range(min(longest, len(words) - i), 0, -1):
        if tuple(words[i : i + n]) in phrases:
            return n
    return 0


@attrs.frozen
class PersonName:
    """A person's name in comparable form: ``core`` words, ``initials`` and ``suffix`` apart.

    Example:
        >>> parse_person_name("Brigadier General William H. Seely")
        PersonName(core=('william', 'seely'), initials=('h',), suffix='', stripped=True)
        >>> parse_person_name("Mr Abdul-Mahdi").last
        'abdulmahdi'
    """

    core: tuple[str, ...]
    initials: tuple[str, ...]
    suffix: str
    stripped: bool
    """A title or honorific was taken off the front (``President Donald Trump``)."""

    @property
    def full(self) -> bool:
        return len(self.core) >= 2

    @property
    def last(self) -> str:
        return self.core[-1] if self.core else ""

    @property
    def surnames(self) -> tuple[str, ...]:
        """The surname, and for longer names the last two words run together (``Abdul Mahdi``)."""
        if len(self.core) >= 3:
            return (self.core[-1], self.core[-2] + self.core[-1])
        return (self.last,) if self.core else ()

    @property
    def key(self) -> str:
        return f"{' '.join(self.core)}|{''.join(self.initials)}|{self.suffix}"

    def compatible(self, other: PersonName) -> bool:
        """Could both names be one person? Same surname and suffix, no clashing initials, one's words in the other's."""
        if self.last != other.last or self.suffix != other.suffix:
            return False
        if self.initials and other.initials and self.initials != other.initials:
            return False
        short, long = sorted((self.core, other.core), key=len)
        return _is_subsequence(short, long)


def _is_subsequence(short: Sequence[str], long: Sequence[str], same: Callable[[str, str], bool] = str.__eq__) -> bool:
    it = iter(long)
    return all(any(same(w, x) for x in it) for w in short)


@functools.lru_cache(maxsize=65536)
def parse_person_name(name: str) -> PersonName:
    """The comparable form of a person's name (titles, honorifics and ``Iran's`` taken off the front)."""
    toks = _name_tokens(name)
    words = [t.word for t in toks]
    titles, honorifics, longest = _lexicon_phrases()
    cut, i = 0, 0
    while i < len(words):
        n = _phrase_at(words, i, titles | honorifics, longest)
        if n and i + n < len(words) and toks[i + n].upper and words[i + n] not in _SUFFIXES:
            cut = i + n
            i += n
        else:
            i += 1
    rest = words[cut:]
    suffix = ""
    if len(rest) > 1 and rest[-1] in _SUFFIXES:
        suffix = rest.pop()
    if all(len(w) == 1 for w in rest):
        return PersonName(core=tuple(rest), initials=(), suffix=suffix, stripped=cut > 0)
    initials = tuple(w for w in rest if len(w) == 1)
    core = tuple(w for w in rest if len(w) > 1)
    return PersonName(core=core, initials=initials, suffix=suffix, stripped=cut > 0)


_SENTENCE_END = frozenset(".!?\n")
_QUOTE_MARKS = frozenset("\"'“”‘’«»")
_SPELLED_WORDS = 4
"""At most this many capitalised words before the surname are read (``Vice President Joseph R. Biden``)."""
_SPELLED_MAX = 8


def _sentence_initial(text: str, at: int) -> bool:
    """Does a sentence (or the text) begin at ``at``, opening quotation marks aside?"""
    i = at - 1
    while i >= 0 and (text[i] in " \t" or text[i] in _QUOTE_MARKS):
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def spelled_names(text: str, name: str) -> tuple[str, ...]:
    """The full names ending in ``name``'s surname that an article spells out (``Larry King`` for ``Mr. King``).

    A short mention (``Mr. King``) is compared with the names its own article gives in full, even people it never
    quotes. A capitalised word that opens a sentence may be any word (``But King said``, a headline's ``Derelict``), so
    a name there counts only when a title or honorific comes first (``President Barack Obama``). The text is read
    once per short mention, at each occurrence of the surname.

    Example:
        >>> spelled_names("Last week I caught Larry King on RT. Mr. King said no.", "Mr. King")
        ('Larry King',)
        >>> spelled_names("But King said no. Mr. King left.", "Mr. King")
        ()
    """
    person = parse_person_name(name)
    raw = [w for w in re.split(r"\s+", name.strip()) if w]
    if not person.core or person.full or not raw:
        return ()
    surname = raw[-1].strip(".,;:()[]\"'“”‘’")
    if not surname[:1].isupper():
        return ()
    pattern = re.sub("['’]", "['’]", re.escape(surname))
    found: dict[str, None] = {}
    for match in re.finditer(rf"(?<![\w'’-]){pattern}(?![\w-])", text):
        words: list[str] = []
        start = match.start()
        base = max(0, start - 120)
        for before in reversed(list(re.finditer(r"\S+", text[base:start]))):
            gap = text[base + before.end() : start]
            word = before.group()
            opened = word[:1] in _QUOTE_MARKS  # a name in quotation marks begins there ("Barack Obama Election Day")
            word = word.lstrip("".join(_QUOTE_MARKS)) if opened else word
            if gap not in (" ", "\u00a0") or not word[:1].isupper() or word[-1] in "?!" or len(words) == _SPELLED_WORDS:
                break
            words.insert(0, word)
            start = base + before.start() + (len(before.group()) - len(word))
            if opened:
                break
        if not words or words[-1][-1:] in ",;:":
            continue
        full = " ".join((*words, match.group()))
        spelled = parse_person_name(full)
        if not spelled.full or spelled.last != person.last:
            continue
        if _sentence_initial(text, start) and not spelled.stripped:
            continue
        found.setdefault(full, None)
        if len(found) == _SPELLED_MAX:
            break
    return tuple(found)


@functools.lru_cache(maxsize=65536)
def is_role_only(name: str, role: str | None, kind: SpeakerKind) -> bool:
    """Does ``name`` describe a person by role alone (``Iran's foreign minister``) rather than name them?

    Example:
        >>> is_role_only("Iran's foreign minister", "foreign minister", SpeakerKind.PERSON)
        True
        >>> is_role_only("President Donald Trump", "President", SpeakerKind.PERSON)
        False
        >>> is_role_only("chairman of the Joint Chiefs", None, SpeakerKind.UNKNOWN)
        True
    """
    if kind not in PERSONISH or not name.strip():
        return False
    toks = _name_tokens(name)
    if not toks:
        return False
    words = [t.word for t in toks]
    titles, honorifics, longest = _lexicon_phrases()
    for i in range(len(words)):
        n = _phrase_at(words, i, titles | honorifics, longest)
        if not n:
            continue
        after = toks[i + n :]
        if after and after[0].upper:
            # A title or honorific before a capitalised word names someone (Mr. King, Lib Dem MP Lembit Opik), even
            # when the article gave the whole name as the role too.
            return False
        if tuple(words[i : i + n]) in honorifics:
            continue  # "Mr." before nothing or lower case says nothing about a role
        return bool(after) or not _title_is_surname(toks, i, n, role)
    if role and fold(role) == fold(name):
        return True
    return words[0] in _DETERMINERS or name.lstrip()[:1].islower()


def _title_is_surname(toks: Sequence[_Tok], i: int, n: int, role: str | None) -> bool:
    """``Charlie King``: a one-word title ending a capitalised name is a surname when the article gives another role.

    ``King`` (or ``Dean``, ``Bishop``) after capitalised words is a surname when the article's role for the speaker
    is not that title (``prominent New York Democrat``); ``Iranian Foreign Minister`` with the role ``foreign
    minister``, or with no role at all, stays a role.
    """
    if n != 1 or i == 0 or i + n != len(toks) or not all(t.upper for t in toks) or not role:
        return False
    if toks[0].word in _DETERMINERS or toks[0].word in _FORMER:
        return False
    return toks[i].word not in {t.word for t in _name_tokens(role)}


def _place(word: str) -> str:
    return _PLACES.get(word, word)


def same_place(a: str, b: str) -> bool:
    """The same word, or a country and its demonym (``iran``, ``iranian``)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= 4 and long.startswith(short) and long[len(short) :] in _DEMONYM_ENDINGS


@attrs.frozen
class RoleSignature:
    """A role in comparable form: its title (``core``), its country or organisation words, and *former*.

    Example:
        >>> role_signature("Iranian Foreign Minister").matches(role_signature("Iran's foreign minister"))
        True
        >>> role_signature("Iraq foreign minister").matches(role_signature("Iranian Foreign Minister"))
        False
    """

    core: str
    qualifiers: frozenset[str]
    former: bool

    def matches(self, other: RoleSignature) -> bool:
        if self.core != other.core or self.former != other.former:
            return False
        if not self.qualifiers or not other.qualifiers:
            return True
        small, large = sorted((self.qualifiers, other.qualifiers), key=len)
        return all(any(same_place(a, b) for b in large) for a in small)

    @property
    def specificity(self) -> int:
        return len(self.qualifiers)


@functools.lru_cache(maxsize=65536)
def role_signature(role: str) -> RoleSignature:
    """The comparable form of a role: the first (longest) title word(s), and the rest as qualifiers."""
    text = re.sub(r"\bunited (states|kingdom)\b", lambda m: "us" if m.group(1) == "states" else "uk", fold(role))
    words = [w for w in word_tokens(text.replace(".", "")) if w]
    titles, _honorifics, longest = _lexicon_phrases()
    start, n = 0, 0
    for i in range(len(words)):
        n = _phrase_at(words, i, titles, longest)
        if n:
            start = i
            break
    former = any(w in _FORMER for w in words)
    if n:
        core = " ".join(words[start : start + n])
        rest = words[:start] + words[start + n :]
    else:
        core = " ".join(w for w in words if w not in _ROLE_STOP and w not in _FORMER)
        rest = []
    qualifiers = frozenset(_place(w) for w in rest if w not in _ROLE_STOP and w not in _FORMER)
    return RoleSignature(core=core, qualifiers=qualifiers, former=former)


def is_title(core: str) -> bool:
    """Is a role's core a title of the lexicon (``foreign minister``), rather than words without one (``Mr King``)?"""
    titles, _honorifics, _longest = _lexicon_phrases()
    return tuple(core.split(" ")) in titles


def is_description(name: str) -> bool:
    """An organisation described, not named (``the campaign``, ``appeals court``): no capital letter at all.

    Descriptions are not linked across articles: ``agency`` in one article and in another are any two agencies.
    """
    return not any(c.isupper() for c in name)


def is_owned_description(name: str) -> bool:
    """Someone's description of an organisation (``Donald Trump's campaign``): named by its owner only."""
    owned = re.split(r"['’]s\b", name, maxsplit=1)
    return len(owned) == 2 and is_description(owned[1]) and not is_description(owned[0])


@functools.lru_cache(maxsize=65536)
def org_words(name: str) -> tuple[str, ...]:
    """An organisation's name as words: an owner before a name of its own is dropped (``Iran's Revolutionary
    Guard``), not before a description (``Donald Trump's campaign``, the ``Donald Trump campaign``, is not
    ``Clinton's campaign``)."""
    words = [_place(w) for w in word_tokens(name.replace(".", ""))]
    owned = re.split(r"['’]s\b", name, maxsplit=1)
    if "s" in words[1:3] and len(owned) == 2:
        at = words.index("s", 1)
        # "Clinton's campaign" is the "Clinton campaign": the owner stays, the possessive goes
        words = words[at + 1 :] if not is_description(owned[1]) else words[:at] + words[at + 1 :]
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    return tuple(words)


def acronym(name: str) -> str | None:
    bare = name.strip().replace(".", "")
    if 2 <= len(bare) <= 6 and bare.isalpha() and bare.isupper():
        return bare.lower()
    return None


ORG_RULES = (
    ("acronym", 0.85, "stands for"),
    ("name-variant", 0.9, "is another way to write"),
    ("name-part", 0.7, "is part of the name"),
)


def org_fits(method: str, words: Sequence[str], acronym: str | None, other: Sequence[str]) -> bool:
    """Does an organisation named ``words`` (or ``acronym``) fit one named ``other`` by rule ``method``?"""
    if method == "acronym":
        return acronym is not None and len(other) >= 2 and initials(other) == acronym
    if acronym is not None:
        return False
    if method == "name-variant":  # Iran state TV, Iranian State TV
        return len(other) == len(words) and all(map(same_place, words, other))
    return len(words) >= 2 and len(other) > len(words) and _is_subsequence(words, other, same_place)


def initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w not in _ACRONYM_SKIP)


def lookup_keys(text: str) -> set[str]:
    """The keys under which a name, alias or ``@handle`` is looked up in the bank."""
    keys = {" ".join(word_tokens(text)), text.strip().lstrip("@").casefold()}
    person = parse_person_name(text)
    # The name without its titles, initials and punctuation; only when what is left are words of letters, so that
    # "' OR '1'='1" (whose words would be "or 11") does not find the speaker "x' OR 1=1 --".
    if person.core and all(w.isalpha() for w in person.core):
        keys.add(" ".join(person.core))
    return {k for k in keys if k}
