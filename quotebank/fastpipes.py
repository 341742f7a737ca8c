"""Drop-in replacements for spaCy's attribute ruler and rule lemmatizer that give the same annotation, faster.

In ``en_core_web_sm`` the attribute ruler and the lemmatizer take about a quarter of the parse time, though
neither learns anything: the ruler runs a ``Matcher`` over 179 patterns and sets the matched tokens' attributes
one at a time, and the lemmatizer calls Python code for every token. Both results depend on very little:

* most of the ruler's patterns test only a token's ``TAG`` and/or ``LOWER`` (``{"TAG": "NN"}``,
  ``{"TAG": "PRP", "LOWER": "her"}``), so what they set is a function of those two values: it is looked up in a
  table. Most others are fixed-length sequences of simple tests (equality, ``IN``, ``NOT_IN``, ``REGEX`` on
  ``ORTH``, ``LOWER``, ``TAG``, ``POS``, ``DEP``, ``IS_SPACE``), evaluated over whole columns with numpy; any
  pattern beyond that (``OP``, extension attributes, other operators) still goes through a ``Matcher``. Where
  several patterns touch a token, the one added last wins, as in spaCy (which sorts the matches by pattern order
  and applies them in turn), and all patterns are matched against the Doc as it was before the ruler ran, as in
  spaCy. The result is written with one ``Doc.from_array`` call.
* a rule (or lookup) lemma is a function of the token's ``ORTH``, ``POS`` and ``MORPH`` (spaCy's own cache uses
  this key): it is memoised, and the stock lemmatizer runs only for combinations not seen yet.

:func:`quotebank.load` puts them in place of the stock components of the pipelines it loads (``fast=False``
keeps the stock ones); :func:`speed_up` does it for any pipeline. The test suite checks on the seed articles that
the fast and the stock pipelines give identical tags, parts of speech, morphology, lemmas, parses, entities and
quotes. Components of another shape (a ruler that sets other attributes, a lemmatizer whose results may depend
on more than those three values) run as spaCy's do.

Example:
    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> ruler = nlp.add_pipe("quotebank_attribute_ruler")
    >>> ruler.add([[{"LOWER": "who"}]], {"TAG": "WP", "POS": "PRON"})
    >>> [(t.tag_, t.pos_) for t in nlp("Who knows")]
    [('WP', 'PRON'), ('', '')]
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any, cast

import numpy
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer, Pipe
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import SimpleFrozenList
from spacy.vocab import Vocab
from thinc.types import Ints2d

__all__ = ["FastAttributeRuler", "FastLemmatizer", "speed_up"]

Array = numpy.ndarray[Any, Any]

_IDS: dict[str, int] = importlib.import_module("spacy.attrs").IDS  # a compiled module without type stubs
ORTH, LOWER, TAG, POS, DEP, MORPH, LEMMA, IS_SPACE = (
    _IDS[name] for name in ("ORTH", "LOWER", "TAG", "POS", "DEP", "MORPH", "LEMMA", "IS_SPACE")
)

# The attributes the fast ruler writes. spaCy's ruler writes its attributes to the lexeme too, but the lexeme has
# no field for these (unlike NORM or the lexical flags), so writing them to the token is the whole effect.
_WRITABLE = frozenset({TAG, POS, MORPH, LEMMA, DEP})
# The attributes a pattern may test on the fast path: plain token or lexeme values that ``Doc.to_array`` returns
# exactly as the Matcher reads them.
_TESTABLE = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "TAG": TAG, "POS": POS, "DEP": DEP, "IS_SPACE": IS_SPACE}
_MEMO_LIMIT = 100_000
"""Entries a memo keeps before it starts afresh: a cap on memory for an endless stream of new words."""

_OTHER = -1
_Rule = tuple[int, dict[int, int]]
"""A ruler pattern's position (the later wins) and what it sets (attribute id -> value)."""
_Test = tuple[int, str, Any]
"""One condition on one token: attribute id, operator (``==``, ``IN``, ``NOT_IN``, ``REGEX``), operand."""


def _tests(token: Mapping[str, Any]) -> list[_Test] | None:
    """The conditions of one token pattern, with values hashed as the Matcher hashes them; ``None``: unsupported."""
    tests: list[_Test] = []
    for name, spec in token.items():
        attr = _TESTABLE.get(name.upper()) if isinstance(name, str) else None
        if attr is None:
            return None
        if isinstance(spec, str) or (isinstance(spec, int) and spec >= 0):
            tests.append((attr, "==", get_string_id(spec) if isinstance(spec, str) else int(spec)))
        elif isinstance(spec, Mapping) and spec:
            for op, operand in spec.items():
                op = op.upper() if isinstance(op, str) else op
                if op in ("IN", "NOT_IN") and isinstance(operand, list | tuple):
                    if not all(isinstance(v, str) or (type(v) is int and v >= 0) for v in operand):
                        return None
                    tests.append((attr, op, frozenset(get_string_id(v) for v in operand)))
                elif op == "REGEX" and isinstance(operand, str) and attr != IS_SPACE:
                    tests.append((attr, op, re.compile(operand)))
                else:
                    return None
        else:
            return None
    return tests


def _table_key(tests: list[_Test]) -> tuple[frozenset[int] | None, frozenset[int] | None] | None:
    """The TAG and LOWER values a single-token pattern accepts (``None``: any), when it tests nothing else."""
    found: dict[int, frozenset[int]] = {}
    for attr, op, operand in tests:
        if attr not in (TAG, LOWER) or attr in found or op not in ("==", "IN"):
            return None
        found[attr] = frozenset([operand]) if op == "==" else operand
    if not found:
        return None
    return found.get(TAG), found.get(LOWER)


_COST = {"==": 0, "IN": 1, "NOT_IN": 2, "REGEX": 3}


class _VectorRule:
    """A fixed-length pattern of supported tests, matched over whole attribute columns at once."""

    def __init__(self, position: int, index: int, attrs: dict[int, int], tokens: list[list[_Test]]) -> None:
        self.position = position
        self.attrs = attrs
        self.length = len(tokens)
        self.offset = index if index >= 0 else self.length + index
        # Cheap and selective tests first: the later ones only look at the positions still in the running.
        tests = [(j, test) for j, token_tests in enumerate(tokens) for test in token_tests]
        self.tests = sorted(tests, key=lambda item: _COST[item[1][1]])

    def targets(self, columns: dict[int | str, Array], strings: Any, memo: dict[Any, bool]) -> list[int]:
        """The tokens this pattern writes to."""
        n = len(next(iter(columns.values())))
        starts = n - self.length + 1
        if starts <= 0:
            return []
        candidates: Array | None = None
        for j, (attr, op, operand) in self.tests:
            column = columns[attr]
            if candidates is None:
                candidates = numpy.flatnonzero(_holds(column[j : j + starts], op, operand, strings, memo))
            else:
                candidates = candidates[_holds(column[candidates + j], op, operand, strings, memo)]
            if not len(candidates):
                return []
        if candidates is None:
            candidates = numpy.arange(starts)
        return (candidates + self.offset).tolist()


def _holds(values: Array, op: str, operand: Any, strings: Any, memo: dict[Any, bool]) -> Array:
    if op == "==":
        equal: Array = values == numpy.uint64(operand)
        return equal
    if op in ("IN", "NOT_IN"):
        inside = numpy.isin(values, numpy.fromiter(operand, dtype=numpy.uint64, count=len(operand)))
        return inside if op == "IN" else ~inside
    # REGEX: search the attribute's string, as the Matcher does, once per distinct value.
    distinct, inverse = numpy.unique(values, return_inverse=True)
    found = numpy.empty(len(distinct), dtype=bool)
    for i, value in enumerate(distinct.tolist()):
        key = (operand.pattern, value)
        result = memo.get(key)
        if result is None:
            if len(memo) >= _MEMO_LIMIT:
                memo.clear()
            result = memo[key] = bool(operand.search(strings[value]))
        found[i] = result
    return found[inverse]


class _Plan:
    """A ruler's patterns compiled: a table for TAG/LOWER patterns, column tests, a Matcher for the rest."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.attr_ids: list[int | str] = sorted({a for attrs in ruler.attrs for a in attrs})
        self.column: dict[int | str, int] = {a: i for i, a in enumerate(self.attr_ids)}
        self.by_tag: dict[int, list[_Rule]] = {}
        self.by_lower: dict[int, list[_Rule]] = {}
        self.by_both: dict[tuple[int, int], list[_Rule]] = {}
        self.vector: list[_VectorRule] = []
        self.matcher = Matcher(ruler.vocab, validate=ruler.validate)
        self.matched: dict[int, tuple[int, int, dict[int, int]]] = {}
        self.rows: list[list[_Rule]] = [[]]
        self.row_of: dict[tuple[int, int], int] = {}
        self.regex_memo: dict[Any, bool] = {}
        self._table: tuple[Array, Array] | None = None
        tested = {TAG, LOWER}
        for position, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
            key = str(position)
            patterns = ruler.matcher.get(key)[1]
            rule = (position, dict(attrs))
            compiled = [self._compile(pattern, index) for pattern in patterns]
            if not patterns or any(c is None for c in compiled):
                self.matcher.add(key, patterns)
                self.matched[ruler.vocab.strings[key]] = (position, index, rule[1])
                continue
            for tokens in compiled:
                assert tokens is not None
                table_key = _table_key(tokens[0]) if len(tokens) == 1 and index in (0, -1) else None
                if table_key is not None:
                    self._add_to_table(rule, *table_key)
                else:
                    self.vector.append(_VectorRule(position, index, rule[1], tokens))
                    tested.update(attr for tests in tokens for attr, _, _ in tests)
        self.tested: list[int | str] = sorted(tested)
        self.lowers = set(self.by_lower) | {lower for _, lower in self.by_both}

    @staticmethod
    def _compile(pattern: list[dict[str, Any]], index: int) -> list[list[_Test]] | None:
        if not pattern or not -len(pattern) <= index < len(pattern):
            return None  # a bad index: let the Matcher path raise spaCy's error
        tokens = []
        for token in pattern:
            tests = _tests(token)
            if tests is None:
                return None
            tokens.append(tests)
        return tokens

    def _add_to_table(self, rule: _Rule, tags: frozenset[int] | None, lowers: frozenset[int] | None) -> None:
        if tags is not None and lowers is not None:
            for tag in tags:
                for lower in lowers:
                    self.by_both.setdefault((tag, lower), []).append(rule)
        elif tags is not None:
            for tag in tags:
                self.by_tag.setdefault(tag, []).append(rule)
        else:
            for lower in lowers or ():
                self.by_lower.setdefault(lower, []).append(rule)

    def table_rules(self, tag: int, lower: int) -> list[_Rule]:
        """The table patterns that match a token with this TAG and LOWER, in pattern order."""
        rules = self.by_tag.get(tag, []) + self.by_lower.get(lower, []) + self.by_both.get((tag, lower), [])
        return sorted(rules, key=lambda rule: rule[0])

    def row(self, tag: int, lower: int) -> int:
        """The table row for a token: one per distinct list of matching table patterns, 0 for none."""
        # A LOWER no pattern names counts as one (-1, which no hash is): the memo stays as small as the table.
        key = (tag, lower if lower in self.lowers else _OTHER)
        number = self.row_of.get(key)
        if number is None:
            rules = self.table_rules(*key)
            if rules in self.rows:
                number = self.rows.index(rules)
            else:
                number = len(self.rows)
                self.rows.append(rules)
                self._table = None
            self.row_of[key] = number
        return number

    def table(self) -> tuple[Array, Array]:
        """Per row: the values it writes, and which attributes it writes (the others keep the token's own)."""
        if self._table is None:
            values = numpy.zeros((len(self.rows), len(self.attr_ids)), dtype=numpy.uint64)
            written = numpy.zeros((len(self.rows), len(self.attr_ids)), dtype=bool)
            for number, rules in enumerate(self.rows):
                for _, attrs in rules:
                    for attr, value in attrs.items():
                        values[number, self.column[attr]] = value
                        written[number, self.column[attr]] = True
            self._table = (values, written)
        return self._table

    def apply(self, doc: Doc) -> None:
        if not len(doc):
            return
        # Match everything before writing anything: spaCy's ruler matches every pattern against the unchanged Doc.
        data = doc.to_array(self.tested)
        columns: dict[int | str, Array] = {attr: data[:, i] for i, attr in enumerate(self.tested)}
        touched: dict[int, list[_Rule]] = {}
        for vector_rule in self.vector:
            for target in vector_rule.targets(columns, doc.vocab.strings, self.regex_memo):
                touched.setdefault(target, []).append((vector_rule.position, vector_rule.attrs))
        for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False) if self.matched else ():
            position, index, attrs = self.matched[match_id]
            target = (start if index >= 0 else end) + index
            if not start <= target < end:
                patterns = self.matcher.get(str(position))[1]
                raise ValueError(
                    Errors.E1001.format(patterns=patterns, span=[t.text for t in doc[start:end]], index=index)
                )
            touched.setdefault(target, []).append((position, attrs))
        tags, lowers = columns[TAG].tolist(), columns[LOWER].tolist()
        rows = numpy.fromiter(map(self.row, tags, lowers), dtype=numpy.intp, count=len(tags))
        values, written = self.table()
        current = doc.to_array(self.attr_ids).reshape((len(doc), len(self.attr_ids)))
        result = numpy.where(written[rows], values[rows], current)
        for target, rules in touched.items():
            # A token that other patterns touch gets all its rules, table ones included, applied in pattern order.
            row = current[target].copy()
            for _, attrs in sorted(self.table_rules(tags[target], lowers[target]) + rules, key=lambda rule: rule[0]):
                for attr, value in attrs.items():
                    row[self.column[attr]] = value
            result[target] = row
        doc.from_array(self.attr_ids, cast(Ints2d, result))


class FastAttributeRuler(AttributeRuler):
    """spaCy's ``AttributeRuler`` (same patterns, results and serialisation) applied with array operations.

    See the module docstring for how. A ruler whose patterns set anything but ``TAG``, ``POS``, ``MORPH``,
    ``LEMMA`` or ``DEP`` (extension attributes, ``NORM``, lexical flags) runs as spaCy's does.
    """

    _plan: _Plan | None = None
    _compiled: bool = False

    def clear(self) -> None:
        super().clear()
        self._compiled = False

    def add(self, patterns: Iterable[Any], attrs: dict[Any, Any], index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled = False

    def compiled(self) -> _Plan | None:
        """The patterns compiled for the fast path; ``None`` when they need spaCy's own ruler."""
        if not self._compiled:
            usable = bool(self.attrs) and all(set(attrs) <= _WRITABLE for attrs in self.attrs)
            self._plan = _Plan(self) if usable else None
            self._compiled = True
        return self._plan

    def __call__(self, doc: Doc) -> Doc:
        plan = self.compiled()
        if plan is None:
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            plan.apply(doc)
            return doc
        except Exception as exc:
            return error_handler(self.name, self, [doc], exc)

    def __getstate__(self) -> dict[str, Any]:
        # The compiled plan is rebuilt on first use; a pickled pipeline (spawned workers) carries only the patterns.
        state = dict(self.__dict__)
        state.pop("_plan", None)
        state.pop("_compiled", None)
        return state


@Language.factory(
    "quotebank_attribute_ruler",
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Callable[..., Any] | None
) -> FastAttributeRuler:
    """Factory for ``nlp.add_pipe("quotebank_attribute_ruler")``: the arguments of spaCy's ``attribute_ruler``."""
    return FastAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


# --------------------------------------------------------------------------- lemmatizer


def _memoisable(lemmatizer: Any) -> bool:
    """Whether ``lemmatizer``'s lemma is a function of ORTH, POS and MORPH (the classes whose code we checked)."""
    if type(lemmatizer) not in (Lemmatizer, EnglishLemmatizer) or lemmatizer.model is not None:
        return False
    method = {"rule": "rule_lemmatize", "lookup": "lookup_lemmatize"}.get(lemmatizer.mode)
    return method is not None and getattr(lemmatizer.lemmatize, "__func__", None) is getattr(Lemmatizer, method)


def _quick_copy(lemmatizer: Lemmatizer) -> Lemmatizer:
    """A copy of a rule lemmatizer whose ``lemma_index`` lists are sets.

    ``rule_lemmatize`` tests candidate forms with ``form in index``, a scan of a list of thousands of words for
    each new word; with sets it is the same test, minus the scan. The copy computes lemmas only: the base keeps
    the tables as loaded, for serialisation.
    """
    copy = type(lemmatizer)(lemmatizer.vocab, None, name=lemmatizer.name, mode=lemmatizer.mode)
    lookups = Lookups()
    for name in lemmatizer.lookups.tables:
        table = lemmatizer.lookups.get_table(name)
        if name == "lemma_index":
            table = Table(name=name, data={key: frozenset(words) for key, words in table.items()})
        lookups.set_table(name, table)
    copy.lookups = lookups
    return copy


class FastLemmatizer(Pipe):
    """A stock spaCy lemmatizer (``base``) whose results are memoised by the token's ORTH, POS and MORPH.

    Serialisation, ``initialize`` and attributes such as ``lookups`` and ``mode`` are the base lemmatizer's; a
    lemmatizer whose result may depend on more (another language's rules, a custom mode) runs as it is.
    """

    def __init__(self, base: Lemmatizer, name: str = "lemmatizer") -> None:
        self.name = name
        self.memo: dict[tuple[int, int, int], str] = {}
        self.base = base

    @property
    def base(self) -> Lemmatizer:
        return self._base

    @base.setter
    def base(self, lemmatizer: Lemmatizer) -> None:
        self._base = lemmatizer
        self._forget()

    def _forget(self) -> None:
        """Drop what was derived from the base's tables (they were replaced)."""
        self.memo.clear()
        self._quick: Lemmatizer | None = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._base, name)

    def __getstate__(self) -> dict[str, Any]:
        # A pickled pipeline (spawned workers) carries the base only; the memo and the copy are rebuilt as needed.
        return {**self.__dict__, "memo": {}, "_quick": None}

    @property
    def vocab(self) -> Vocab:
        return self._base.vocab

    @property
    def scorer(self) -> Any:
        return self._base.scorer

    def set_error_handler(self, error_handler: Callable[..., Any]) -> None:
        # The base runs on its own when it cannot be memoised: it must report errors the same way.
        super().set_error_handler(error_handler)
        self.base.set_error_handler(error_handler)

    def __call__(self, doc: Doc) -> Doc:
        base = self.base
        if not _memoisable(base):
            return base(doc)
        if not base._validated:
            base._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            self._lemmatize(doc)
            return doc
        except Exception as exc:
            return error_handler(self.name, self, [doc], exc)

    def _lemmatize(self, doc: Doc) -> None:
        if not len(doc):
            return
        memo, strings, overwrite = self.memo, doc.vocab.strings, self._base.overwrite
        quick = self._quick
        if quick is None:
            quick = self._quick = _quick_copy(self._base) if self._base.mode == "rule" else self._base
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        # Lemma strings go through StringStore.add for every Doc, not once: inside a memory zone the strings
        # added are dropped when the zone ends, and each Doc must find its lemmas in the store.
        hashes: dict[str, int] = {}
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            string = memo.get(key)
            if string is None:
                string = memo[key] = quick.lemmatize(doc[i])[0]
            value = hashes.get(string)
            if value is None:
                value = hashes[string] = strings.add(string)
            lemmas.append(value)
        doc.from_array([LEMMA], cast(Ints2d, numpy.array(lemmas, dtype=numpy.uint64)))

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None, lookups: Any = None) -> None:
        self.base.initialize(get_examples, nlp=nlp, lookups=lookups)
        self._forget()

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        self.base.to_disk(path, exclude=exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = SimpleFrozenList()) -> FastLemmatizer:
        self.base.from_disk(path, exclude=exclude)
        self._forget()
        return self

    def to_bytes(self, *, exclude: Iterable[str] = SimpleFrozenList()) -> bytes:
        return self.base.to_bytes(exclude=exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = SimpleFrozenList()) -> FastLemmatizer:
        self.base.from_bytes(bytes_data, exclude=exclude)
        self._forget()
        return self


@Language.factory(
    "quotebank_lemmatizer",
    assigns=["token.lemma"],
    default_config={
        "model": None,
        "mode": "lookup",
        "overwrite": False,
        "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"},
    },
)
def make_lemmatizer(
    nlp: Language, name: str, model: Any, mode: str, overwrite: bool, scorer: Callable[..., Any] | None
) -> FastLemmatizer:
    """Factory for ``nlp.add_pipe("quotebank_lemmatizer")``: the arguments of spaCy's ``lemmatizer``.

    The base is made by the pipeline language's own ``lemmatizer`` factory (``EnglishLemmatizer`` for English).
    """
    if model is not None:
        raise ValueError("quotebank_lemmatizer wraps spaCy's rule and lookup lemmatizers, which take no model")
    base = cast(Lemmatizer, nlp.create_pipe("lemmatizer", name=name, config={"mode": mode, "overwrite": overwrite}))
    base.scorer = scorer
    return FastLemmatizer(base, name)


# --------------------------------------------------------------------------- swapping them in


def speed_up(nlp: Language) -> list[str]:
    """Replace ``nlp``'s stock attribute ruler and lemmatizer with the fast ones, in place; patterns, lookup tables,
    names and positions are kept.

    Returns:
        The names of the components replaced (none when ``nlp`` has no component of the expected shape).

    Example:
        >>> import spacy
        >>> nlp = spacy.blank("en")
        >>> ruler = nlp.add_pipe("attribute_ruler")
        >>> ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN"})
        >>> speed_up(nlp), type(nlp.get_pipe("attribute_ruler")).__name__
        (['attribute_ruler'], 'FastAttributeRuler')
    """
    replaced = []
    for name, component in list(nlp.pipeline):
        factory = nlp.get_pipe_meta(name).factory
        if factory == "attribute_ruler" and type(component) is AttributeRuler:
            patterns = component.patterns
            ruler = nlp.replace_pipe(name, "quotebank_attribute_ruler", config={"validate": component.validate})
            assert isinstance(ruler, FastAttributeRuler)
            ruler.scorer = component.scorer
            ruler.add_patterns(patterns)
            replaced.append(name)
        elif factory == "lemmatizer" and isinstance(component, Lemmatizer) and _memoisable(component):
            config = {"mode": component.mode, "overwrite": component.overwrite}
            lemmatizer = nlp.replace_pipe(name, "quotebank_lemmatizer", config=config)
            assert isinstance(lemmatizer, FastLemmatizer)
            lemmatizer.base = component  # keeps the lookup tables it loaded
            replaced.append(name)
    return replaced
