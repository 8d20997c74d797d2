"""Very long documents are parsed in sections with offsets kept: memory bounded, same events."""

from __future__ import annotations

from pathlib import Path

import pytest

from khaldun.coding.pipeline import Pipeline
from khaldun.config import load_config
from khaldun.model import Document
from khaldun.nlp.handmade import parse_table
from khaldun.nlp.sections import merge_parses, split_sections

FIRST = """
Erdogan  Erdogan PROPN nsubj 2 PERSON
visited  visit   VERB  ROOT  0
Baghdad  Baghdad PROPN dobj  2 GPE
.        .       PUNCT punct 2
"""

SECOND = """
Iraqi    Iraqi   ADJ   amod  2 NORP
leaders  leader  NOUN  nsubj 3
welcomed welcome VERB  ROOT  0
Erdogan  Erdogan PROPN dobj  3 PERSON
.        .       PUNCT punct 3

He       he      PRON  nsubj 2
left     leave   VERB  ROOT  0
.        .       PUNCT punct 2
"""

EXAMPLE = Path(__file__).resolve().parents[2] / "src" / "khaldun" / "examples" / "visit.txt"


def test_merged_section_parses_equal_the_parse_of_the_whole_document() -> None:
    first, second = parse_table(FIRST), parse_table(SECOND)
    whole = parse_table(FIRST + "\n" + SECOND)
    merged = merge_parses(whole.text, [(0, first), (len(first.text) + 1, second)])
    assert merged == whole
    # Heads, sentence numbers and entity offsets of the second section point into the whole text.
    welcomed = merged.tokens[6]
    assert (welcomed.text, welcomed.sent, merged.head(7).text) == ("welcomed", 1, "welcomed")
    assert [merged.text[e.start_char : e.end_char] for e in merged.entities] == [
        "Erdogan",
        "Baghdad",
        "Iraqi",
        "Erdogan",
    ]
    assert [s.text for s in merged.sentences] == [
        "Erdogan visited Baghdad .",
        "Iraqi leaders welcomed Erdogan .",
        "He left .",
    ]
    assert [merged.span_text(s.start, s.end) for s in merged.sentences] == [s.text for s in merged.sentences]


def test_a_section_parsed_from_other_text_is_refused() -> None:
    first = parse_table(FIRST)
    with pytest.raises(ValueError, match="offset 3"):
        merge_parses("xx " + first.text.upper(), [(3, first)])


def test_a_document_of_one_section_is_its_parse_unchanged() -> None:
    first = parse_table(FIRST)
    assert merge_parses(first.text, [(0, first)]) is first
    assert split_sections(first.text, 1000) == [(0, first.text)]


def test_sections_cover_the_text_and_end_at_paragraph_breaks() -> None:
    paragraphs = ["The minister arrived. He met the president."] * 5
    text = "\n\n".join(paragraphs)
    sections = split_sections(text, 100)
    assert "".join(s for _, s in sections) == text
    assert all(text[offset : offset + len(s)] == s for offset, s in sections)
    assert all(len(s) <= 100 for _, s in sections)
    # Each section ends with its paragraph break; the next starts with a word.
    assert [s for _, s in sections[:-1]] == [paragraphs[0] + "\n\n" + paragraphs[1] + "\n\n"] * 2
    assert sections[-1][1] == paragraphs[0]


def test_without_paragraphs_sections_end_after_a_sentence_then_at_a_space() -> None:
    text = "The minister arrived in Baghdad. He met the president and the speaker there."
    assert [s for _, s in split_sections(text, 50)] == [
        "The minister arrived in Baghdad. ",
        "He met the president and the speaker there.",
    ]
    words = "one two three four five six"
    assert [s for _, s in split_sections(words, 10)] == ["one two ", "three ", "four five ", "six"]
    assert [s for _, s in split_sections("x" * 25, 10)] == ["x" * 10, "x" * 10, "x" * 5]


@pytest.mark.model
def test_a_long_document_is_parsed_in_sections_with_the_events_of_the_whole() -> None:
    from khaldun.nlp.spacy_backend import SpacyBackend

    story = EXAMPLE.read_text(encoding="utf-8").strip()
    text = "\n\n".join([story] * 6)
    sectioned = SpacyBackend(section_chars=1500)
    # spaCy itself refuses a longer text: the parser never holds more than one section.
    sectioned.nlp.max_length = 1500
    whole = SpacyBackend(section_chars=len(text))
    config = load_config()
    doc = Document(text=text, id="long", published=None)

    parsed = sectioned.parse(text)
    assert parsed.tokens == whole.parse(text).tokens
    assert all(text[t.idx : t.end] == t.text for t in parsed.tokens)
    by_sections = Pipeline(config, nlp=sectioned).code_document(doc).events
    by_whole = Pipeline(config, nlp=whole).code_document(doc).events
    assert len(by_sections) > 30
    assert [e.to_dict(explain=True) for e in by_sections] == [e.to_dict(explain=True) for e in by_whole]
    # Batches mix long and short documents and keep their order.
    short = "Fidan met al-Sudani in Baghdad."
    assert [p.text for p in sectioned.parse_many([short, text, short], batch_size=16)] == [short, text, short]
