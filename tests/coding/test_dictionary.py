"""Coding with a user's PETRARCH dictionaries (``[petrarch]``), on hand-built parses."""

from __future__ import annotations

from pathlib import Path

import pytest

from khaldun.coding.pipeline import Pipeline
from khaldun.config import load_config
from khaldun.model import Document
from khaldun.nlp.handmade import HandmadeBackend

VERBS = """\
&TIEWORD
+TIE
+RELATION

--- RENEW [---] ---
RENEW
- * DIPLOMATIC &TIEWORD [064]
- * CRITICISM [121]

--- LEFT [032:033] ---
LEFT

--- HOLD [---] ---
HOLD {HOLDS HELD HOLDING}
- * TALKS IN + [043]
- * TALKS [031]

--- MEET [---] ---
MEET {MEETS MET MEETING}
- % * [031:031]

--- BEFRIEND [051] ---
BEFRIEND
ATTACK [190]
"""
ACTORS = """\
ARNOR [ARN]
GONDOR [GON]
MORDOR [MOR]
SMEAGOL
\t[HOBGOV 19950601-19990815]
\t[HOBREB >19990816]
"""
AGENTS = "MINISTER [~GOV]\n"


def _pipeline(tmp_path: Path, table: str, *, only: bool = True, discards: str = "") -> Pipeline:
    (tmp_path / "v.txt").write_text(VERBS)
    (tmp_path / "a.txt").write_text(ACTORS)
    (tmp_path / "g.txt").write_text(AGENTS)
    (tmp_path / "d.txt").write_text(discards)
    config = tmp_path / "k.toml"
    config.write_text(
        '[petrarch]\nverbs = ["v.txt"]\nactors = ["a.txt"]\nagents = ["g.txt"]\n'
        f'discards = ["d.txt"]\nonly = {"true" if only else "false"}\n'
    )
    return Pipeline(load_config(config), nlp=HandmadeBackend([table]))


def _code(pipeline: Pipeline, published: str | None = None) -> set[tuple[str, str, str]]:
    [text] = pipeline.nlp.texts  # type: ignore[attr-defined]
    return {
        (e.source.actor.code if e.source else "", e.target.actor.code if e.target else "", e.cameo)
        for e in pipeline.code(text, published=published)
    }


RENEWED_TIES = """
Arnor     Arnor     PROPN nsubj 2 GPE
renewed   renew     VERB  ROOT  0
diplomatic diplomatic ADJ amod 4
ties      tie       NOUN  dobj  2
with      with      ADP   prep  4
Gondor    Gondor    PROPN pobj  5 GPE
.         .         PUNCT punct 2
"""


def test_a_pattern_after_the_verb_gives_its_code(tmp_path: Path) -> None:
    # "ties" is a plural of the synset's TIE; the target is read from the parse.
    assert _code(_pipeline(tmp_path, RENEWED_TIES)) == {("ARN", "GON", "064")}


RENEWED_OFFER = """
Arnor   Arnor  PROPN nsubj 2 GPE
renewed renew  VERB  ROOT  0
an      an     DET   det   4
offer   offer  NOUN  dobj  2
to      to     ADP   prep  4
Gondor  Gondor PROPN pobj  5 GPE
.       .      PUNCT punct 2
"""


def test_a_verb_whose_block_has_no_code_codes_nothing_without_a_pattern(tmp_path: Path) -> None:
    assert _code(_pipeline(tmp_path, RENEWED_OFFER)) == set()


LEFT_FOR = """
The       the       DET   det   2
minister  minister  NOUN  nsubj 5
of        of        ADP   prep  2
Arnor     Arnor     PROPN pobj  3 GPE
left      leave     VERB  ROOT  0
for       for       ADP   prep  5
Gondor    Gondor    PROPN pobj  6 GPE
.         .         PUNCT punct 5
"""


def test_a_code_pair_codes_the_event_both_ways(tmp_path: Path) -> None:
    # "LEFT" is found by its word form before the lemma "leave"; the agent gives GOV.
    assert _code(_pipeline(tmp_path, LEFT_FOR)) == {("ARNGOV", "GON", "032"), ("GON", "ARNGOV", "033")}


HELD_TALKS = """
Arnor   Arnor  PROPN nsubj 2 GPE
held    hold   VERB  ROOT  0
talks   talk   NOUN  dobj  2
in      in     ADP   prep  2
Mordor  Mordor PROPN pobj  4 GPE
with    with   ADP   prep  2
Gondor  Gondor PROPN pobj  6 GPE
.       .      PUNCT punct 2
"""


def test_the_patterns_target_mark_picks_the_actor_after_its_words(tmp_path: Path) -> None:
    assert _code(_pipeline(tmp_path, HELD_TALKS)) == {("ARN", "MOR", "043")}


MET = """
Arnor   Arnor  PROPN nsubj 4 GPE
and     and    CCONJ cc    1
Gondor  Gondor PROPN conj  1 GPE
have    have   AUX   aux   4
met     meet   VERB  ROOT  0
.       .      PUNCT punct 4
"""


def test_a_compound_before_the_verb_acts_on_each_other(tmp_path: Path) -> None:
    assert _code(_pipeline(tmp_path, MET)) == {("ARN", "GON", "031"), ("GON", "ARN", "031")}


ATTACKED = """
Smeagol   Smeagol PROPN nsubj 2 PERSON
attacked  attack  VERB  ROOT  0
Gondor    Gondor  PROPN dobj  2 GPE
.         .       PUNCT punct 2
"""


@pytest.mark.parametrize(("day", "code"), [("1997-03-01", "HOBGOV"), ("2003-03-01", "HOBREB")])
def test_a_verbs_own_code_and_dated_actor_codes_on_the_event_date(
    tmp_path: Path, day: str, code: str
) -> None:
    assert _code(_pipeline(tmp_path, ATTACKED), published=day) == {(code, "GON", "190")}


def test_a_discarded_sentence_is_not_coded(tmp_path: Path) -> None:
    pipeline = _pipeline(tmp_path, RENEWED_TIES, discards="DIPLOMATIC TIE\n")
    [text] = pipeline.nlp.texts  # type: ignore[attr-defined]
    coded = pipeline.code_document(Document(text=text, id="d"))
    assert coded.events == () and "discarded" in coded.notes[0]


BEFRIENDED = """
Iran       Iran      PROPN nsubj 2 GPE
befriended befriend  VERB  ROOT  0
Iraq       Iraq      PROPN dobj  2 GPE
.          .         PUNCT punct 2
"""
MET_IRAQ = """
Iran  Iran PROPN nsubj 2 GPE
met   meet VERB  ROOT  0
Iraq  Iraq PROPN dobj  2 GPE
.     .    PUNCT punct 2
"""


def test_beside_the_lexicon_a_dictionary_verb_codes_what_the_lexicon_does_not(tmp_path: Path) -> None:
    assert _code(_pipeline(tmp_path, BEFRIENDED, only=False)) == {("IRN", "IRQ", "051")}
    # khaldun's lexicon codes "met" itself (040); the dictionary's pattern adds nothing.
    codes = {c for _, _, c in _code(_pipeline(tmp_path, MET_IRAQ, only=False))}
    assert codes and "031" not in codes


def test_in_only_mode_the_bundled_lexicon_and_actors_are_not_used(tmp_path: Path) -> None:
    assert _code(_pipeline(tmp_path, MET_IRAQ)) == set()  # no Iran, Iraq in the dictionaries
