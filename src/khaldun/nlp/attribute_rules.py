"""spaCy's attribute ruler with its patterns compiled into lookup tables: the same annotations, faster.

The English pipeline's ``attribute_ruler`` maps fine tags to coarse parts of speech
and morphology, and fixes some words ("n't" is PART, "gon na" lemmas): 179 rules,
nearly all about one token. spaCy runs them through its general :class:`Matcher`,
which costs about as much as the tagger and parser together. Nearly every rule
tests a token's tag or lower-case form, so here the rules are indexed by those
values, and what applies to a token is worked out once per distinct
(tag, lower, dep, ...) combination and remembered.

What a token gets is exactly what the stock ruler gives it: the matches are the
matches the :class:`Matcher` finds (``tests/nlp/test_attribute_rules.py``
compares them, and every annotation, on real text), and their attributes are set
in the same order, a later rule winning. A pattern outside the simple forms
compiled here (quantifiers, extension attributes, fuzzy or numeric predicates,
morphology sets) leaves the stock matching in charge of the whole component.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

FACTORY = "khaldun_attribute_ruler"

# Token attributes a pattern may test here: read for a whole document at once with
# ``Doc.to_array``, with the value the matcher compares.
_READABLE = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT")
_ALIASES = {"TEXT": "ORTH"}
# Attributes a rule may be indexed by, most selective first.
_INDEX_ORDER = ("TAG", "LOWER", "ORTH", "NORM", "DEP")
# Distinct token descriptions remembered before the memory is cleared (a few MB).
_MEMO_LIMIT = 200_000

Test = Callable[[tuple[int, ...]], bool]


class Unsupported(ValueError):
    """A pattern this module does not compile: the stock matcher handles the component."""


@dataclass(frozen=True)
class _Head:
    """A pattern seen from its first token: the rule, the tests of the first token, the
    tests of the tokens after it, and which token of the match gets the attributes."""

    rule: int
    first: tuple[Test, ...]
    rest: tuple[tuple[Test, ...], ...]
    target: int  # offset from the first token


class RuleTable:
    """The patterns of an attribute ruler, indexed; :meth:`rules_by_token` gives, for each token
    of a document, the rules whose patterns match with that token as the one they change."""

    def __init__(self, patterns: Sequence[dict[str, Any]], strings: Any) -> None:
        self._columns: dict[str, int] = {}
        heads = [head for n, rule in enumerate(patterns) for head in self._heads(n, rule, strings)]
        self._index: dict[int, dict[int, list[_Head]]] = {}
        self._always: list[_Head] = []
        for head, spec in heads:
            self._add_to_index(head, spec, strings)
        self.attr_ids = [IDS[name] for name in self._columns]
        self._memo: dict[tuple[int, ...], tuple[_Head, ...]] = {}

    # -- compiling -------------------------------------------------------------

    def _heads(self, n: int, rule: dict[str, Any], strings: Any) -> Iterable[tuple[_Head, dict[str, Any]]]:
        index = rule.get("index", 0)
        for pattern in rule["patterns"]:
            if not pattern or not -len(pattern) <= index < len(pattern):
                raise Unsupported(f"rule {n}: index {index} outside its pattern")
            tests = [self._token_tests(spec, strings) for spec in pattern]
            target = index % len(pattern)
            yield _Head(n, tests[0], tuple(tests[1:]), target), pattern[0]

    def _column(self, name: str) -> int:
        name = _ALIASES.get(name.upper(), name.upper())
        if name not in _READABLE:
            raise Unsupported(f"attribute {name}")
        return self._columns.setdefault(name, len(self._columns))

    def _token_tests(self, spec: dict[str, Any], strings: Any) -> tuple[Test, ...]:
        tests: list[Test] = []
        for name, value in spec.items():
            if not isinstance(name, str) or name.upper() in ("OP", "_"):
                raise Unsupported(f"pattern key {name!r}")
            column = self._column(name)
            if isinstance(value, dict):
                tests += [_predicate(column, op, arg, strings) for op, arg in value.items()]
            else:
                tests.append(_equals(column, _matcher_value(value, strings)))
        return tuple(tests)

    def _add_to_index(self, head: _Head, spec: dict[str, Any], strings: Any) -> None:
        """File a pattern under one value its first token must have, else with those always tried."""
        named = {_ALIASES.get(k.upper(), k.upper()): v for k, v in spec.items()}
        for name in _INDEX_ORDER:
            value = named.get(name)
            if isinstance(value, dict) and set(value) == {"IN"}:
                values = {get_string_id(v) for v in value["IN"]}
            elif isinstance(value, str):
                values = {_matcher_value(value, strings)}
            else:
                continue
            table = self._index.setdefault(self._columns[name], {})
            for v in values:
                table.setdefault(v, []).append(head)
            return
        self._always.append(head)

    # -- matching --------------------------------------------------------------

    def rules_by_token(self, doc: Doc) -> list[list[int]]:
        """For each token, the rules that change it, in the order they apply (ascending)."""
        rows = self._rows(doc)
        found: list[list[int]] = [[] for _ in rows]
        for i, row in enumerate(rows):
            for head in self._heads_for(row):
                end = i + 1 + len(head.rest)
                if end <= len(rows) and all(
                    all(test(rows[i + 1 + k]) for test in tests) for k, tests in enumerate(head.rest)
                ):
                    found[i + head.target].append(head.rule)
        for rules in found:
            if len(rules) > 1:
                rules[:] = sorted(set(rules))
        return found

    def _rows(self, doc: Doc) -> list[tuple[int, ...]]:
        """Each token's values of the attributes the patterns test, in column order."""
        if not len(doc) or not self.attr_ids:
            return [()] * len(doc)
        values = doc.to_array(self.attr_ids).tolist()
        if len(self.attr_ids) == 1:  # one attribute: a flat array
            return [(value,) for value in values]
        return [tuple(row) for row in values]

    def _heads_for(self, row: tuple[int, ...]) -> tuple[_Head, ...]:
        """The patterns whose first token fits a token of this description (remembered)."""
        heads = self._memo.get(row)
        if heads is None:
            candidates = [h for column, table in self._index.items() for h in table.get(row[column], ())]
            heads = tuple(h for h in [*candidates, *self._always] if all(test(row) for test in h.first))
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            self._memo[row] = heads
        return heads


def _matcher_value(value: Any, strings: Any) -> int:
    """A pattern value as the matcher compares it: strings by hash, booleans as 0/1."""
    if isinstance(value, str):
        return int(strings.add(value))
    if isinstance(value, bool | int):
        return int(value)
    raise Unsupported(f"value {value!r}")


def _equals(column: int, value: int) -> Test:
    return lambda row: row[column] == value


def _predicate(column: int, op: str, arg: Any, strings: Any) -> Test:
    if op == "IN" and isinstance(arg, list):
        values = {get_string_id(v) for v in arg}
        return lambda row: row[column] in values
    if op == "NOT_IN" and isinstance(arg, list):
        values = {get_string_id(v) for v in arg}
        return lambda row: row[column] not in values
    if op == "REGEX" and isinstance(arg, str):
        regex = re.compile(arg)
        return lambda row: bool(regex.search(strings[row[column]]))
    raise Unsupported(f"predicate {op}")


class TableAttributeRuler(AttributeRuler):
    """An :class:`AttributeRuler` that matches with a :class:`RuleTable` when its patterns allow."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._table: RuleTable | None = None
        self._compiled = False

    def add(self, *args: Any, **kwargs: Any) -> None:
        super().add(*args, **kwargs)
        self._compiled = False  # recompiled on the next document

    def clear(self) -> None:
        super().clear()
        self._compiled = False

    @property
    def table(self) -> RuleTable | None:
        """The compiled table, or None when a pattern is beyond it (the stock matching runs)."""
        if not self._compiled:
            try:
                self._table = RuleTable(self.patterns, self.vocab.strings)
            except Unsupported:
                self._table = None
            self._compiled = True
        return self._table

    def __call__(self, doc: Doc) -> Doc:
        table = self.table
        if table is None:
            return super().__call__(doc)
        merged: dict[tuple[int, ...], dict[Any, Any]] = {}
        for i, rules in enumerate(table.rules_by_token(doc)):
            if rules:
                key = tuple(rules)
                attrs = merged.get(key)
                if attrs is None:
                    attrs = merged[key] = self._merged_attrs(key)
                set_token_attrs(doc[i], attrs)
        return doc

    def _merged_attrs(self, rules: tuple[int, ...]) -> dict[Any, Any]:
        """The attributes rules set on one token, a later rule's value winning (the stock
        ruler sets them one rule after another; each attribute is a field of its own)."""
        attrs: dict[Any, Any] = {}
        for rule in rules:
            attrs.update(self.attrs[rule])
        return attrs


@Language.factory(
    FACTORY,
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_table_attribute_ruler(
    nlp: Language, name: str, validate: bool, scorer: Callable[..., Any] | None
) -> TableAttributeRuler:
    return TableAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer or attribute_ruler_score)


def use_rule_table(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace the pipeline's attribute ruler by one with the same patterns matched by table;
    False (nothing changed) when there is none or its patterns are beyond the table."""
    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), AttributeRuler):
        return False
    patterns = nlp.get_pipe(name).patterns
    try:
        RuleTable(patterns, nlp.vocab.strings)
    except Unsupported:
        return False
    ruler = nlp.replace_pipe(name, FACTORY)
    ruler.add_patterns(patterns)
    return True
