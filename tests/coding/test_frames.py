"""A sense chosen by the verb's frame: a rule with ``requires_child`` fires only when the
verb has one of those dependents (a that-clause, say), else the verb's other sense does."""

from __future__ import annotations

import shutil
from pathlib import Path

from khaldun.coding.pipeline import Pipeline
from khaldun.config import load_config
from khaldun.data import bundled_data
from khaldun.knowledge.lexicon import read_lexicon
from khaldun.nlp.handmade import HandmadeBackend

# Written for this test: one verb, two senses.
VERBS = """
verbs:
  - lemma: concur
    code: "019"
    requires_child: [ccomp]
    target: [with]
    target_optional: true
  - lemma: concur
    code: "030"
    target: [with]
"""

THAT_CLAUSE = """
Chile          Chile     PROPN nsubj     2 GPE
concurred      concur    VERB  ROOT      0
with           with      ADP   prep      2
Peru           Peru      PROPN pobj      3 GPE
that           that      SCONJ mark      8
talks          talk      NOUN  nsubj     8
had            have      AUX   aux       8
failed         fail      VERB  ccomp     2
.              .         PUNCT punct     2
"""

PLAIN = """
Chile          Chile     PROPN nsubj     2 GPE
concurred      concur    VERB  ROOT      0
with           with      ADP   prep      2
Peru           Peru      PROPN pobj      3 GPE
.              .         PUNCT punct     2
"""


def _codes(tmp_path: Path, table: str) -> list[str]:
    shutil.copy(str(bundled_data("lexicon/nouns.yaml")), tmp_path / "nouns.yaml")
    (tmp_path / "verbs.yaml").write_text(VERBS, encoding="utf-8")
    backend = HandmadeBackend((table,))
    pipeline = Pipeline(load_config(), nlp=backend, lexicon=read_lexicon(tmp_path))
    [text] = backend.texts
    return [e.cameo for e in pipeline.code(text, published="2022-01-10")]


def test_the_frame_picks_the_sense(tmp_path: Path) -> None:
    assert _codes(tmp_path, THAT_CLAUSE) == ["019"]
    assert _codes(tmp_path, PLAIN) == ["030"]
