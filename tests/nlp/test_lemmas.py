"""Lemmas of the words the lexicon reads, as khaldun's pipeline gives them (real model).

The model's rule lemmatizer strips "hoped" to "hop" and "staged" to "stag"; the
corrections in data/text/lemmas.tsv set them right, and every regular form of every
verb of the lexicon must come back to its lemma.
"""

from __future__ import annotations

import re
from importlib import resources

import pytest
import yaml

from khaldun.nlp.lemma_fixes import lemma_fixes
from khaldun.nlp.spacy_backend import load_spacy_model

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    return load_spacy_model()


def _inflections(lemma: str) -> list[str]:
    """Past, third person and -ing forms of a regular verb (no doubled consonants)."""
    if lemma.endswith("e"):
        return [lemma + "d", lemma + "s", lemma[:-1] + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma[:-1] + "ied", lemma[:-1] + "ies", lemma + "ing"]
    if re.search(r"(s|sh|ch|x|z)$", lemma):
        return [lemma + "ed", lemma + "es", lemma + "ing"]
    return [lemma + "ed", lemma + "s", lemma + "ing"]


def _lexicon_verbs() -> list[str]:
    text = resources.files("khaldun.data").joinpath("lexicon/verbs.yaml").read_text(encoding="utf-8")
    lemmas = {entry["lemma"] for entry in yaml.safe_load(text)["verbs"]}
    # Hyphenated words are split by the tokenizer; a final consonant some verbs double
    # ("airdropped") is not made here.
    irregular = {"fly"}  # "flew", not "flied"
    return sorted(
        lemma
        for lemma in lemmas
        if lemma.isalpha() and lemma not in irregular and not re.search(r"[^aeiou][aeiou][bdgmnpt]$", lemma)
    )


def test_the_forms_the_model_gets_wrong_are_set_right(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Protesters staged a rally and hoped the army would stop waging war.")
    lemmas = {t.text: t.lemma_ for t in doc if t.pos_ == "VERB"}
    assert {"staged": "stage", "hoped": "hope", "waging": "wage"}.items() <= lemmas.items()
    # The first document goes through the stock component: it is corrected too.
    assert [t.lemma_ for t in load_spacy_model()("They hoped so.") if t.text == "hoped"] == ["hope"]


def test_every_regular_form_of_a_lexicon_verb_comes_back_to_it(nlp) -> None:  # type: ignore[no-untyped-def]
    wrong = []
    for lemma in _lexicon_verbs():
        for form in _inflections(lemma):
            token = nlp(f"They {form} it.")[1]
            if token.pos_ == "VERB" and token.lemma_ != lemma:
                wrong.append(f"{form} -> {token.lemma_}")
    assert wrong == []


def test_the_corrections_are_read_by_part_of_speech() -> None:
    fixes = lemma_fixes()
    assert fixes["verb"]["hoped"] == "hope"
    assert all(form == form.lower() for forms in fixes.values() for form in forms)
