"""The attribute ruler matched by table gives exactly the stock ruler's matches and annotations."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from khaldun.nlp.attribute_rules import RuleTable, TableAttributeRuler, Unsupported, use_rule_table
from tests.nlp.real_texts import real_texts

# Hand-made rules in the forms the table compiles, and texts that exercise them.
RULES: list[dict[str, Any]] = [
    {"patterns": [[{"LOWER": "the"}]], "attrs": {"TAG": "DT", "POS": "DET"}},
    {"patterns": [[{"ORTH": "US"}]], "attrs": {"POS": "PROPN", "LEMMA": "United States"}},
    {"patterns": [[{"LOWER": {"IN": ["met", "meets"]}}]], "attrs": {"POS": "VERB", "LEMMA": "meet"}},
    {"patterns": [[{"LOWER": {"REGEX": "^[0-9]+$"}}]], "attrs": {"POS": "NUM"}},
    {"patterns": [[{"LOWER": {"NOT_IN": ["the", "met"]}, "IS_PUNCT": True}]], "attrs": {"POS": "PUNCT"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"LOWER": "prime"}, {"LOWER": "minister"}]], "attrs": {"POS": "NOUN"}, "index": -1},
    {"patterns": [[{"TEXT": "Minister"}]], "attrs": {"POS": "PROPN"}},  # later: wins over the rule above
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"POS": "SPACE"}},
    {"patterns": [[{}]], "attrs": {"MORPH": "Foo=Bar"}, "index": 0},
]
TEXTS = [
    "The US prime minister met 12 rebels, and they're gon na meet again.",
    "Prime Minister Modi meets the US envoy.\n\nGon na be 2024 soon!",
    "gon",  # a two-token pattern cut short by the end of the text
    "",
]


def _annotations(doc: Any) -> list[tuple[str, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _pair(rules: list[dict[str, Any]]) -> tuple[Any, Any]:
    """Two blank English pipelines: one with the stock ruler, one with the table ruler."""
    stock, table = spacy.blank("en"), spacy.blank("en")
    stock.add_pipe("attribute_ruler").add_patterns(rules)
    table.add_pipe("attribute_ruler").add_patterns(rules)
    assert use_rule_table(table)
    return stock, table


def test_hand_made_rules_give_the_stock_annotations() -> None:
    stock, table = _pair(RULES)
    assert isinstance(table.get_pipe("attribute_ruler"), TableAttributeRuler)
    for text in TEXTS:
        assert _annotations(table(text)) == _annotations(stock(text)), text
    doc = table("the US prime Minister")
    assert [t.pos_ for t in doc] == ["DET", "PROPN", "", "PROPN"]
    assert [t.lemma_ for t in table("gon na")] == ["go", "to"]


def test_the_table_finds_the_matchers_matches() -> None:
    stock, table = _pair(RULES)
    ruler = stock.get_pipe("attribute_ruler")
    compiled = table.get_pipe("attribute_ruler").table
    assert compiled is not None
    for text in TEXTS:
        assert compiled.rules_by_token(table.make_doc(text)) == _matched_rules(ruler, stock.make_doc(text))


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "the", "OP": "?"}],  # quantifiers
        [{"LENGTH": {">=": 3}}],  # numeric predicates
        [{"_": {"custom": True}}],  # extension attributes
        [{"MORPH": {"IS_SUPERSET": ["Number=Sing"]}}],  # morphology sets
    ],
)
def test_patterns_beyond_the_table_leave_the_stock_ruler(pattern: list[dict[str, Any]]) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns([{"patterns": [pattern], "attrs": {"POS": "X"}}])
    with pytest.raises(Unsupported):
        RuleTable(nlp.get_pipe("attribute_ruler").patterns, nlp.vocab.strings)
    assert not use_rule_table(nlp)
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler


def test_an_index_outside_its_pattern_is_not_compiled() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns([{"patterns": [[{"LOWER": "a"}]], "attrs": {}, "index": 2}])
    assert not use_rule_table(nlp)


def test_a_pipeline_without_an_attribute_ruler_is_left_alone() -> None:
    nlp = spacy.blank("en")
    assert not use_rule_table(nlp)
    assert nlp.pipe_names == []


def test_rules_added_later_are_compiled_too() -> None:
    stock, table = _pair(RULES[:1])
    assert [t.pos_ for t in table("the US")] == ["DET", ""]
    for nlp in (stock, table):
        nlp.get_pipe("attribute_ruler").add_patterns(RULES[1:2])
    assert _annotations(table("the US")) == _annotations(stock("the US"))
    assert [t.pos_ for t in table("the US")] == ["DET", "PROPN"]


@pytest.mark.model
def test_the_english_pipeline_gives_the_stock_annotations(real_texts: list[str]) -> None:
    """The model's own 179 rules, on real news text and the special cases they are for."""
    from khaldun.nlp.spacy_backend import DEFAULT_MODEL

    stock = spacy.load(DEFAULT_MODEL)
    table = spacy.load(DEFAULT_MODEL)
    assert use_rule_table(table)
    texts = [
        *real_texts,
        "I ain't gon na say it: y'all got ta go, c'mon, let's go. There is a way; there's hope.",
        "It's what I do. You did it to me, but it was never that simple.\n\n \t Whether or not.",
    ]
    for stock_doc, table_doc in zip(stock.pipe(texts), table.pipe(texts), strict=True):
        assert _annotations(table_doc) == _annotations(stock_doc)
    # The matches themselves, on documents annotated up to the ruler.
    ruler, compiled = stock.get_pipe("attribute_ruler"), table.get_pipe("attribute_ruler").table
    later = ["attribute_ruler", "lemmatizer", "ner"]
    with stock.select_pipes(disable=later), table.select_pipes(disable=later):
        for text in texts:
            assert compiled.rules_by_token(table(text)) == _matched_rules(ruler, stock(text))


def _matched_rules(ruler: Any, doc: Any) -> list[list[int]]:
    """The rules the stock ruler's matcher applies to each token, in order."""
    found: list[set[int]] = [set() for _ in doc]
    for rule, _, start, end in ruler.match(doc):
        index = ruler.indices[rule]
        found[(start if index >= 0 else end) + index].add(rule)
    return [sorted(rules) for rules in found]


@pytest.fixture(scope="module", name="real_texts")
def _real_texts() -> list[str]:
    texts = real_texts()
    assert len(texts) > 3
    return texts
