"""Who is who in one document: people and organisations, their names, aliases and roles.

:class:`EntityIndex` gathers every person and organisation the text names
(from spaCy's entities, extended over name tokens the recogniser cut off), and
merges mentions of one entity:

* a full name and its surname, with or without an honorific (``Adel
  Abdul-Mahdi``, ``Abdul-Mahdi``, ``Mr Abdul-Mahdi``); when two people share a
  surname, a bare surname goes to the one named most recently;
* an organisation, its acronym in brackets and shorter forms of its name
  (``Islamic Revolutionary Guard Corps (IRGC)``, ``IRGC``, ``Iran's
  Revolutionary Guard``).

Each entity collects the roles written next to its mentions (see
:mod:`quotebank.roles`). Pronouns and descriptions are resolved in
:mod:`quotebank.attribute`, which knows who has been speaking.
"""

from __future__ import annotations

import re

import attrs
from spacy.tokens import Doc, Span

from .lexicons import Lexicon
from .model import Speaker, SpeakerKind
from .roles import appositive_role, is_title_token, pre_title

__all__ = ["Entity", "EntityIndex", "clean_name"]

_POSSESSIVE = re.compile(r"(?:['’]s?|['’])$")
_LEADING_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_PERSON_LABELS = ("PERSON",)
_ORG_LABELS = ("ORG", "NORP", "FAC")


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


class EntityIndex:
    """People and organisations of ``doc``, and the roles the text gives them."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self._length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0  # len(doc.text), unbuilt
        self.lexicon = lexicon
        self.entities: list[Entity] = []
        self._by_token: dict[int, Entity] = {}
        self._build()

    # -- building ---------------------------------------------------------------------------

    def _name_span(self, ent: Span) -> Span | None:
        """The entity without leading titles and honorifics, extended over cut-off name tokens."""
        doc = self.doc
        start, end = ent.start, ent.end
        while start < end and (
            is_title_token(doc[start], self.lexicon) or doc[start].lower_.rstrip(".") in self.lexicon.honorifics
        ):
            start += 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and not doc[end].ent_type_:
            end += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].text in ("'s", "’s")):
            end -= 1
        if start >= end:
            return None
        return doc[start:end]

    def _build(self) -> None:
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ in _PERSON_LABELS or self._titled_name(ent):
                span = self._name_span(ent)
                if span is None:
                    continue
                name = clean_name(span.text)
                if not name or "/" in name or not any(c.isupper() for c in name):
                    continue
                entity = self._person(name, span.start_char)
                self._attach_roles(entity, ent.start, span)
                for tok in doc[ent.start : span.end]:
                    self._by_token[tok.i] = entity
            elif ent.label_ in _ORG_LABELS and ent.label_ != "NORP":
                name = clean_name(ent.text)
                if not name:
                    continue
                entity = self._organisation(name, ent)
                for tok in ent:
                    self._by_token[tok.i] = entity

    def _titled_name(self, ent: Span) -> bool:
        """An organisation label on what a title shows to be a person's name.

        The title comes before (``Chancellor [Olaf Scholz]``) or as an appositive after (``[Clemens Fuest],
        president of the Ifo institute,``).
        """
        if ent.label_ not in _ORG_LABELS or not 2 <= len(ent) <= 3:
            return False
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        titled_before = before is not None and before.text[:1].isupper() and is_title_token(before, self.lexicon)
        if not titled_before and appositive_role(self.doc, ent.end, self.lexicon) is None:
            return False
        words = [t.text for t in ent]
        return all(w[:1].isupper() and w[1:].islower() for w in words) and not any(
            w.lower() in self.lexicon.organization_words or w.lower() in self.lexicon.media_words for w in words
        )

    def _person(self, name: str, offset: int) -> Entity:
        words = name.split()
        for entity in reversed(self.entities):
            if entity.kind is not SpeakerKind.PERSON:
                continue
            full = entity.name.split()
            if name == entity.name or name in entity.aliases:
                entity.mentions.append(offset)
                return entity
            if len(words) == 1 and words[0] == full[-1]:
                entity.add_alias(name)
                entity.mentions.append(offset)
                return entity
            if len(full) == 1 and full[0] == words[-1]:
                # A surname seen first, the full name later: the full name becomes canonical.
                entity.add_alias(entity.name)
                entity.name = name
                entity.mentions.append(offset)
                return entity
        entity = Entity(kind=SpeakerKind.PERSON, name=name, mentions=[offset])
        self.entities.append(entity)
        return entity

    def _organisation(self, name: str, ent: Span) -> Entity:
        doc = self.doc
        kind = SpeakerKind.MEDIA if self._is_media(name) else SpeakerKind.ORGANIZATION
        acronym = None
        if ent.end + 2 < len(doc) and doc[ent.end].text == "(" and doc[ent.end + 2].text == ")":
            candidate = doc[ent.end + 1].text
            if candidate.isupper() and 2 <= len(candidate) <= 8:
                acronym = candidate
        for entity in reversed(self.entities):
            if entity.kind is SpeakerKind.PERSON:
                continue
            names = [entity.name, *entity.aliases]
            if name in names or (len(name.split()) >= 2 and any(f" {name} " in f" {n} " for n in names)):
                entity.mentions.append(ent.start_char)
                if name != entity.name:
                    entity.add_alias(name)
                return entity
        entity = Entity(kind=kind, name=name, mentions=[ent.start_char])
        if acronym:
            entity.add_alias(acronym)
            self._by_token[ent.end + 1] = entity
        self.entities.append(entity)
        return entity

    def _is_media(self, name: str) -> bool:
        words = name.lower().replace("’", "'").split()
        return any(w in self.lexicon.media_words for w in words) or name.lower() in self.lexicon.media_words

    def _attach_roles(self, entity: Entity, ent_start: int, name: Span) -> None:
        doc = self.doc
        first = ent_start
        if first < name.start:
            titles = doc[first : name.start]
            before = pre_title(doc, first, self.lexicon)
            entity.add_role(f"{before.text} {titles.text}" if before is not None else titles.text)
        else:
            before = pre_title(doc, name.start, self.lexicon)
            if before is not None:
                entity.add_role(before.text)
        after = appositive_role(doc, name.end, self.lexicon)
        if after is not None:
            entity.add_role(after.text)

    # -- lookup -----------------------------------------------------------------------------

    def entity_at(self, token_index: int) -> Entity | None:
        """The entity whose mention covers token ``token_index``."""
        return self._by_token.get(token_index)

    def entity_in(self, span: Span) -> Entity | None:
        """The entity that heads ``span`` (``Pentagon spokesman Jonathan Hoffman``), or one its text names.

        An entity that only modifies the head (``Iran`` in ``Iran state TV``) does not count.
        """
        for tok in (span.root, span[-1]):
            entity = self._by_token.get(tok.i)
            if entity is not None:
                return entity
        if span.root.pos_ != "PROPN":
            return None
        return self.find(clean_name(span.text))

    def find(self, name: str, before: int | None = None) -> Entity | None:
        """The entity called ``name`` (full name, alias, surname or acronym).

        When several fit, the one named most recently before ``before`` wins.
        """
        if not name:
            return None
        limit = self._length + 1 if before is None else before
        best = None
        for entity in self.entities:
            names = [entity.name, *entity.aliases]
            named = name in names or (entity.kind is SpeakerKind.PERSON and name == entity.surname)
            if named and (best is None or entity.last_before(limit) > best.last_before(limit)):
                best = entity
        if best is None and " " in name:
            last = name.split()[-1]
            for entity in self.entities:
                if entity.kind is SpeakerKind.PERSON and entity.surname == last and entity.name.endswith(name):
                    best = entity
        return best

    def add(self, entity: Entity) -> Entity:
        self.entities.append(entity)
        return entity
