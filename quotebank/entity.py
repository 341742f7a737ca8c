"""One person or organisation of a document while its entity index is built, and what its name says.

:class:`Entity` is mutable while :class:`quotebank.coref.EntityIndex` gathers the names, roles and mentions; the
speakers built from it are frozen (:meth:`Entity.speaker`). :func:`first_name_gender` reads ``he`` or ``she``
from an honorific, a gendered title or a common first name; :func:`clean_name` trims a mention to its name.
"""

from __future__ import annotations

import re

import attrs

from .lexicons import Lexicon
from .model import Speaker, SpeakerKind

__all__ = [
    "FEMININE_WORDS",
    "MASCULINE_WORDS",
    "Entity",
    "clean_name",
    "first_name_gender",
    "gender_of_words",
    "given_name_gender",
]

_POSSESSIVE = re.compile(r"(?:['’]s?|['’])$")
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)

FEMININE_WORDS = frozenset(
    {"mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess", "spokeswoman", "congresswoman"}
    | {"chairwoman", "businesswoman", "councilwoman", "assemblywoman", "duchess", "sister"}
    | {"widow", "wife", "mother", "daughter", "grandmother", "actress", "girlfriend", "niece", "aunt", "woman"}
)
"""Honorifics and titles that make a person a ``she``."""
MASCULINE_WORDS = frozenset(
    {"mr", "sir", "lord", "king", "prince", "spokesman", "congressman", "chairman", "businessman"}
    | {"councilman", "assemblyman", "duke", "brother"}
    | {"widower", "husband", "father", "son", "grandfather", "actor", "boyfriend", "nephew", "uncle", "man"}
)
"""Honorifics and titles that make a person a ``he``."""


def gender_of_words(words: list[str]) -> str | None:
    """``she`` or ``he`` when one of the lower-cased ``words`` is a gendered honorific or title."""
    if any(w in FEMININE_WORDS for w in words):
        return "she"
    if any(w in MASCULINE_WORDS for w in words):
        return "he"
    return None


def given_name_gender(first: str, lexicon: Lexicon) -> str | None:
    """``she`` or ``he`` for a common given name of the lexicon."""
    first = first.lower()
    if first in lexicon.feminine_names:
        return "she"
    if first in lexicon.masculine_names:
        return "he"
    return None


def first_name_gender(entity: Entity, lexicon: Lexicon) -> str | None:
    """``"he"``, ``"she"`` or None, from the entity's honorific, a gendered title or a common first name."""
    words = " ".join([entity.name, *entity.aliases, *entity.roles]).lower().replace(".", " ").split()
    found = entity.gender or gender_of_words(words)
    if found is not None:
        return found
    return given_name_gender(entity.name.split()[0], lexicon) if len(entity.name.split()) >= 2 else None


def clean_name(text: str) -> str:
    """A name without possessive ending, brackets, surrounding quotes or spaces.

    Example:
        >>> clean_name("Trump’s"), clean_name("”Zarif"), clean_name("the IRGC")
        ('Trump', 'Zarif', 'IRGC')
    """
    text = text.strip().strip("“”\"'‘’«»„()[],;:").strip()
    text = _POSSESSIVE.sub("", text)
    return _LEADING_DET.sub("", text).strip()


@attrs.define
class Entity:
    """One person or organisation of the document (mutable while the index is built)."""

    kind: SpeakerKind
    name: str
    aliases: list[str] = attrs.Factory(list)
    roles: list[str] = attrs.Factory(list)
    mentions: list[int] = attrs.Factory(list)
    """Character offsets where the text names this entity."""
    gender: str | None = None
    """``"he"`` or ``"she"`` when an honorific or gendered title came with one of its mentions."""

    @property
    def last_seen(self) -> int:
        return self.mentions[-1] if self.mentions else -1

    def last_before(self, offset: int) -> int:
        """The last mention before ``offset`` (-1 if none)."""
        earlier = [m for m in self.mentions if m < offset]
        return earlier[-1] if earlier else -1

    @property
    def surname(self) -> str:
        return self.name.split()[-1] if self.name.split() else self.name

    def add_alias(self, alias: str) -> None:
        if alias and alias != self.name and alias not in self.aliases:
            self.aliases.append(alias)

    def add_role(self, role: str) -> None:
        role = role.strip(" ,")
        if role and role.lower() not in (r.lower() for r in self.roles):
            self.roles.append(role)

    def speaker(self, role: str | None = None, handle: str | None = None) -> Speaker:
        chosen = role or (self.roles[0] if self.roles else None)
        return Speaker(
            name=self.name,
            role=chosen,
            roles=[r for r in self.roles if r != chosen],
            kind=self.kind,
            aliases=self.aliases,
            handle=handle,
        )
