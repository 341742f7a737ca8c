"""Who is who in one document: people and organisations, their names, aliases and roles.

:class:`EntityIndex` gathers every person and organisation the text names
(from spaCy's entities, extended over name tokens the recogniser cut off), and
merges mentions of one entity:

* a full name and its surname, with or without an honorific (``Adel
  Abdul-Mahdi``, ``Abdul-Mahdi``, ``Mr Abdul-Mahdi``); when two people share a
  surname, a bare surname goes to the one named most recently;
* an organisation, its acronym in brackets and shorter forms of its name
  (``Islamic Revolutionary Guard Corps (IRGC)``, ``IRGC``, ``Iran's
  Revolutionary Guard``), and ``the`` with the last word of its name when that
  word is a kind of organisation or outlet (``a New York Times article ... the
  Times``).

A name in a title-case headline keeps only the words the article writes as
names (``Derelict Obama and Clinton``, ``Obama Says ...``: ``Obama``).

Each entity collects the roles written next to its mentions (see
:mod:`quotebank.roles`). Pronouns and descriptions are resolved in
:mod:`quotebank.attribute`, which knows who has been speaking.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from spacy.tokens import Doc, Span

from .entity import (
    FEMININE_WORDS,
    MASCULINE_WORDS,
    Entity,
    clean_name,
    first_name_gender,
    gender_of_words,
    given_name_gender,
)
from .headline_names import (
    INITIAL,
    NAME_SUFFIXES,
    headline_description,
    headline_name,
    title_case_headline_end,
    verb_after_name,
)
from .lexicons import Lexicon
from .model import SpeakerKind
from .roles import affiliation, appositive_role, is_title_token, pre_title

# Entity, clean_name and the gender words live in .entity; importable from here as before the move.
__all__ = ["FEMININE_WORDS", "MASCULINE_WORDS", "Entity", "EntityIndex", "clean_name", "first_name_gender"]

_PERSON_LABELS = ("PERSON",)
_RECENT_NAME_CHARS = 300

_ORG_LABELS = ("ORG", "NORP", "FAC")


class EntityIndex:
    """People and organisations of ``doc``, and the roles the text gives them."""

    def __init__(self, doc: Doc, lexicon: Lexicon) -> None:
        self.doc = doc
        self._length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0  # len(doc.text), unbuilt
        self.lexicon = lexicon
        self.entities: list[Entity] = []
        self._by_token: dict[int, Entity] = {}
        self._mentioned: list[int] | None = None
        self._subject_mentions: set[int] = set()
        self._honoured: frozenset[str] | None = None
        self._headline: int | None = None
        self._body_names: frozenset[str] | None = None
        self._build()

    # -- building ---------------------------------------------------------------------------

    def _name_span(self, ent: Span) -> Span | None:
        """The entity without leading titles and honorifics, extended over cut-off name tokens."""
        doc = self.doc
        start, end = ent.start, ent.end
        while start < end and (
            is_title_token(doc[start], self.lexicon) or doc[start].lower_.rstrip(".") in self.lexicon.honorifics
        ):
            if start == end - 1 and self._surname_of_known(doc[start].text):
                break  # "Howard Dean ... Dean, a former chairman": the surname, though "dean" is a title
            start += 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and not doc[end].ent_type_:
            end += 1
        while end > start and (
            doc[end - 1].is_punct or doc[end - 1].text in ("'s", "’s") or verb_after_name(doc[end - 1], self.lexicon)
        ):
            end -= 1
        if start >= end:
            return None
        return doc[start:end]

    def _headline_end(self) -> int:
        if self._headline is None:
            self._headline = title_case_headline_end(self.doc)
        return self._headline

    def _body_name_words(self) -> frozenset[str]:
        """The words of the people's names the article writes after its headline (and the whole names), found once:
        what a name in title case there is checked against."""
        if self._body_names is None:
            end = self._headline_end()
            found: set[str] = set()
            for ent in self.doc.ents:
                if ent.start >= end and ent.label_ in _PERSON_LABELS:
                    found.update(t.text for t in ent)
                    found.add(ent.text)
            self._body_names = frozenset(found | self._honoured_words())
        return self._body_names

    def _build(self) -> None:
        doc = self.doc
        for ent in doc.ents:
            if ent.label_ in _PERSON_LABELS or self._titled_name(ent) or self._known_surname(ent):
                span = self._name_span(ent)
                if span is None:
                    continue
                opening = ent.start
                if span.end <= self._headline_end():
                    trimmed = headline_name(span, self._body_name_words(), self.lexicon)
                    if trimmed.start > span.start:
                        opening = trimmed.start  # "Derelict Obama and Clinton": the word dropped is no title either
                    span = trimmed
                name = clean_name(span.text)
                if not name or "/" in name or not any(c.isupper() for c in name):
                    continue
                name = self._as_spelled_before(name)
                roles = self._roles_at(opening, span)
                before = [t.lower_.rstrip(".") for t in doc[max(0, opening - 1) : span.start]]
                if span.root.dep_ in ("nsubj", "nsubjpass"):
                    self._subject_mentions.add(span.start_char)
                entity = self._person(name, span.start_char, before=before, roles=roles)
                for role in roles:
                    entity.add_role(role)
                for tok in doc[ent.start : span.end]:
                    self._by_token[tok.i] = entity
            elif ent.label_ in _ORG_LABELS and ent.label_ != "NORP":
                name = clean_name(ent.text)
                if not name or headline_description(ent):
                    continue
                entity = self._organisation(name, ent)
                for tok in ent:
                    self._by_token[tok.i] = entity

    def _as_spelled_before(self, name: str) -> str:
        """``O'Neill`` after ``James O’Neill``: a person's name or surname as the text first spelled it, when the two
        differ only in the apostrophe."""
        if "'" not in name and "’" not in name:
            return name
        folded = name.replace("’", "'")
        for entity in self.entities:
            if entity.kind is not SpeakerKind.PERSON:
                continue
            for known in (entity.name, *entity.aliases, entity.surname):
                if known != name and known.replace("’", "'") == folded:
                    return known
        return name

    def _surname_of_known(self, word: str) -> bool:
        return word[:1].isupper() and any(
            e.kind is SpeakerKind.PERSON and len(e.name.split()) > 1 and e.surname == word for e in self.entities
        )

    def _known_surname(self, ent: Span) -> bool:
        """An organisation label on the bare surname of a person named in full before (``DuVernay said``)."""
        text = ent[0].text
        if ent.label_ not in ("ORG", "GPE", "FAC") or len(ent) != 1 or not text[:1].isupper() or text.isupper():
            return False
        name = self._as_spelled_before(clean_name(ent.text))
        if name.lower() in self.lexicon.organization_words or name.lower() in self.lexicon.media_words:
            return False
        return any(
            e.kind is SpeakerKind.PERSON and len(e.name.split()) > 1 and e.surname == name for e in self.entities
        )

    def _titled_name(self, ent: Span) -> bool:
        """An organisation or place label on what a title or a first name shows to be a person's name.

        A common first name starts it (``Kemi Badenoch``), or the title comes before (``Chancellor [Olaf Scholz]``)
        or as an appositive after (``[Clemens Fuest], president of the Ifo institute,``).
        """
        if ent.label_ not in (*_ORG_LABELS, "GPE") or not 2 <= len(ent) <= 4:
            return False
        words = [t.text for t in ent]
        # "Vann R. Newkirk II": an initial and a generational suffix belong to a person's name.
        names = [w for w in words if not INITIAL.fullmatch(w) and w not in NAME_SUFFIXES]
        if not 2 <= len(names) <= 3 or words[0] in NAME_SUFFIXES or INITIAL.fullmatch(words[0]):
            return False
        if not all(w[:1].isupper() and w[1:].islower() for w in names) or any(
            w.lower() in self.lexicon.organization_words or w.lower() in self.lexicon.media_words for w in words
        ):
            return False
        first = words[0].lower()
        if first in self.lexicon.feminine_names or first in self.lexicon.masculine_names:
            return True  # "[Kemi Badenoch]" as a place: a common first name says otherwise
        before = self.doc[ent.start - 1] if ent.start > 0 else None
        titled_before = before is not None and is_title_token(before, self.lexicon)
        if titled_before or appositive_role(self.doc, ent.end, self.lexicon) is not None:
            return True
        # "Herve Gaymard said ... Mr Gaymard": the text calls the surname Mr or Ms somewhere.
        return words[-1] in self._honoured_words()

    def _honoured_words(self) -> frozenset[str]:
        """The words the text writes right after an honorific (``Mr Gaymard``, ``Ms. Sturgeon``), found once."""
        if self._honoured is None:
            strings = self.doc.vocab.strings
            honorifics = {strings.add(h) for h in self.lexicon.honorifics} | {
                strings.add(f"{h}.") for h in self.lexicon.honorifics
            }
            rows = self.doc.to_array(["LOWER", "ORTH"]).tolist() if len(self.doc) else []
            self._honoured = frozenset(
                strings[rows[i + 1][1]] for i in range(len(rows) - 1) if rows[i][0] in honorifics
            )
        return self._honoured

    def _person(
        self, name: str, offset: int, before: list[str] | None = None, roles: list[str] | None = None
    ) -> Entity:
        words = name.split()
        gender = gender_of_words(before or [])
        entity = self._find_person(name, words, offset, before or [], roles or [], gender)
        if entity is None:
            entity = Entity(kind=SpeakerKind.PERSON, name=name, mentions=[offset])
            self.entities.append(entity)
        if gender is not None and entity.gender is None:
            entity.gender = gender
        return entity

    def _find_person(
        self, name: str, words: list[str], offset: int, before: list[str], roles: list[str], gender: str | None
    ) -> Entity | None:
        if len(words) == 1:
            namesakes = [e for e in self.entities if e.kind is SpeakerKind.PERSON and e.surname == name]
            if namesakes and any(len(e.name.split()) > 1 for e in namesakes):
                entity = self._namesake(namesakes, offset, before)
                entity.add_alias(name)
                entity.mentions.append(offset)
                return entity
            if not namesakes and (inner := self._by_inner_name(name)) is not None:
                inner.add_alias(name)
                inner.mentions.append(offset)
                return inner
        for entity in reversed(self.entities):
            if entity.kind is not SpeakerKind.PERSON:
                continue
            full = entity.name.split()
            if name == entity.name or name in entity.aliases:
                entity.mentions.append(offset)
                return entity
            if (
                len(full) == 1
                and full[0] == words[-1]
                and not self._other_role(entity, roles)
                and entity.gender in (None, gender or given_name_gender(words[0], self.lexicon))
            ):
                # A surname seen first, the full name later: the full name becomes canonical (unless the two
                # mentions carry different roles: "President Obama" ... "the first lady, Michelle Obama").
                entity.add_alias(entity.name)
                entity.name = name
                entity.mentions.append(offset)
                return entity
        return None

    def _by_inner_name(self, name: str) -> Entity | None:
        """``Lula`` after ``Luiz Inacio Lula da Silva``: the one person whose full name of three words or more holds
        the word inside it, neither first nor last (the name a country knows its president by)."""
        if len(name) < 3 or not name[:1].isupper():
            return None
        found = [
            e
            for e in self.entities
            if e.kind is SpeakerKind.PERSON and len(e.name.split()) >= 3 and name in e.name.split()[1:-1]
        ]
        return found[0] if len(found) == 1 else None

    def _other_role(self, entity: Entity, roles: list[str]) -> bool:
        """True when ``entity`` has roles and none of them shares a title word with ``roles``."""
        if not entity.roles or not roles:
            return False
        theirs = {w for r in entity.roles for w in r.lower().replace(".", "").split() if w in self.lexicon.titles}
        ours = {w for r in roles for w in r.lower().replace(".", "").split() if w in self.lexicon.titles}
        return bool(theirs and ours) and not theirs & ours

    def _namesake(self, namesakes: list[Entity], offset: int, before: list[str]) -> Entity:
        """Which of several people sharing a surname a bare surname means (``Clinton`` after ``Bill Clinton``).

        An honorific's gender (``Mrs. Clinton``) or a title (``President Obama``) decides when it fits one of them;
        else a full name that was the subject of a sentence just before; else the one the text has named most often
        so far, and of those the one it named first.
        """
        if len(namesakes) == 1:
            return namesakes[0]
        gender = (
            "she"
            if any(w in FEMININE_WORDS for w in before)
            else "he"
            if any(w in MASCULINE_WORDS for w in before)
            else None
        )
        if gender is not None:
            fitting = [e for e in namesakes if first_name_gender(e, self.lexicon) in (gender, None)]
            if len(fitting) == 1 or (fitting and len(fitting) < len(namesakes)):
                namesakes = fitting
        titles = [w for w in before if w not in self.lexicon.honorifics]
        if titles:
            titled = [e for e in namesakes if any(t in r.lower().split() for t in titles for r in e.roles)]
            if titled:
                namesakes = titled
        recent = max(namesakes, key=lambda e: e.last_before(offset))
        last = recent.last_before(offset)
        if offset - last < _RECENT_NAME_CHARS and last in self._subject_mentions:
            # Only a namesake who was the subject just before takes over ("Bill Clinton said ... Clinton added");
            # one named in passing ("the administration of Bill Clinton") does not.
            return recent
        return max(namesakes, key=lambda e: (len(e.mentions), -self.entities.index(e)))

    def _organisation(self, name: str, ent: Span) -> Entity:
        doc = self.doc
        kind = SpeakerKind.MEDIA if self.is_media(name) else SpeakerKind.ORGANIZATION
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
        shortened = self._short_form(name, ent)
        if shortened is not None:
            shortened.mentions.append(ent.start_char)
            shortened.add_alias(name)
            return shortened
        entity = Entity(kind=kind, name=name, mentions=[ent.start_char])
        if acronym:
            entity.add_alias(acronym)
            self._by_token[ent.end + 1] = entity
        self.entities.append(entity)
        return entity

    def _short_form(self, name: str, ent: Span) -> Entity | None:
        """``a New York Times article ... The Times wrote``: ``the`` and the last word of an organisation's name, a
        word for a kind of organisation or outlet (``Times``, ``Post``, ``Council``), is that organisation, the one
        named most recently when several end so. A name of its own (``Congress``) is never a short form."""
        words = name.split()
        if len(words) != 1 or not (
            name.lower() in self.lexicon.media_words or name.lower() in self.lexicon.organization_words
        ):
            return None
        determiner = ent[0] if ent[0].lower_ == "the" else self.doc[ent.start - 1] if ent.start > 0 else None
        if determiner is None or determiner.lower_ != "the":
            return None
        longer = [
            e
            for e in self.entities
            if e.kind is not SpeakerKind.PERSON and len(e.name.split()) > 1 and e.name.split()[-1] == name
        ]
        return max(longer, key=lambda e: e.last_seen, default=None)

    def is_media(self, name: str) -> bool:
        words = name.lower().replace("’", "'").split()
        return any(w in self.lexicon.media_words for w in words) or name.lower() in self.lexicon.media_words

    def _roles_at(self, ent_start: int, name: Span) -> list[str]:
        """The titles written around one mention of a name: before it and as an appositive after it."""
        doc = self.doc
        roles = []
        first = ent_start
        while first < name.start and doc[first].lower_.rstrip(".") in self.lexicon.honorifics:
            first += 1  # "Mrs Badenoch": an honorific is no role
        if first < name.start:
            titles = doc[first : name.start]
            before = pre_title(doc, first, self.lexicon)
            roles.append(f"{before.text} {titles.text}" if before is not None else titles.text)
        else:
            before = pre_title(doc, name.start, self.lexicon)
            if before is not None:
                roles.append(before.text)
        if not roles and (organisation := affiliation(doc, first, name.end)) is not None:
            roles.append(organisation.text)
        after = appositive_role(doc, name.end, self.lexicon)
        if after is not None:
            # "Gen. Mark Milley, the chairman of the Joint Chiefs,": the appositive says more than a bare rank.
            bare_rank = len(roles) == 1 and " " not in roles[0] and roles[0].endswith(".")
            roles.insert(0 if bare_rank else len(roles), after.text)
        return roles

    # -- lookup -----------------------------------------------------------------------------

    def entity_at(self, token_index: int) -> Entity | None:
        """The entity whose mention covers token ``token_index``."""
        return self._by_token.get(token_index)

    def entities_back_from(self, end: int, start: int = 0) -> Iterator[tuple[int, Entity]]:
        """(token index, entity) for the tokens from ``end - 1`` back to ``start`` that a mention covers, nearest
        first: the candidates of an antecedent search, without walking the tokens in between."""
        if self._mentioned is None or len(self._mentioned) != len(self._by_token):
            self._mentioned = sorted(self._by_token)
        mentioned = self._mentioned
        for n in range(bisect_left(mentioned, end) - 1, -1, -1):
            if mentioned[n] < start:
                break
            yield mentioned[n], self._by_token[mentioned[n]]

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
