"""`khaldun actors`: resolve, show, search and unknown."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

from khaldun.cli.actors import count_unknown
from khaldun.cli.main import main
from khaldun.config import load_config
from khaldun.knowledge.actors import load_kb, records
from khaldun.knowledge.actors.builtin import BuiltinKB
from khaldun.model import Document
from tests.conftest import handmade_pipeline


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["actors", *args])
    return result.exit_code, result.output


def test_resolve_explains_identity_code_and_why() -> None:
    code, out = _run("resolve", "Al-Kazimi", "--date", "2020-07-21", "--format", "json")
    assert code == 0, out
    record = json.loads(out)
    assert record["id"] == "person:mustafa_al_kadhimi" and record["code"] == "IRQGOV"
    assert "alias" in record["why"] and "Prime Minister" in record["code_why"]


def test_resolve_former_official_gets_country_only() -> None:
    code, out = _run("resolve", "Hassan Rouhani", "--date", "2023-05-01")
    assert code == 0 and "code: IRN\n" in out and "former official" in out


def test_resolve_seat_and_unknown() -> None:
    code, out = _run("resolve", "the Pentagon", "--format", "json")
    assert code == 0 and json.loads(out)["code"] == "USAMIL"
    code, out = _run("resolve", "Kazmi")
    assert code == 1 and "found: False" in out and "suggestions" in out


def test_a_known_phrase_beats_a_loose_surname_match() -> None:
    # "MI5" keys like the surname May; the seat it names is what it is.
    code, out = _run("resolve", "MI5", "--format", "json")
    assert code == 0 and json.loads(out)["code"] == "GBRSPY", out
    code, out = _run("resolve", "Theresa May", "--format", "json")
    assert code == 0 and json.loads(out)["id"] == "person:theresa_may", out


def test_resolve_uses_country_context() -> None:
    code, out = _run("resolve", "King Abdullah", "--country", "JOR", "--format", "json")
    assert code == 0 and json.loads(out)["id"] == "person:abdullah_ii"


def test_bad_date_is_a_usage_error() -> None:
    code, out = _run("resolve", "Rouhani", "--date", "21/07/2020")
    assert code == 2 and "YYYY-MM-DD" in out


def test_show_and_search() -> None:
    code, out = _run("show", "person:hassan_rouhani", "--date", "2020-07-21")
    assert code == 0 and "IRNGOV" in out and "roles:" in out
    code, out = _run("show", "country:irq", "--format", "json")
    assert code == 0 and json.loads(out)["code"] == "IRQ"
    code, _ = _run("show", "person:nobody_at_all")
    assert code == 1
    code, out = _run("search", "Kadhemi", "--limit", "3", "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "score,id,kind,name,code"
    assert "person:mustafa_al_kadhimi" in out


def test_records_are_library_code() -> None:
    """The records the commands print come from the knowledge layer, with no command line in it."""
    kb = load_kb(load_config())
    assert isinstance(kb, BuiltinKB)
    found = records.resolve_name(kb, "Al-Kazimi", day=dt.date(2020, 7, 21), country=None)
    assert found["id"] == "person:mustafa_al_kadhimi" and found["code"] == "IRQGOV"
    assert (records.show_record(kb, "country:irq", day=None) or {})["code"] == "IRQ"
    assert "click" not in Path(records.__file__).read_text(encoding="utf-8")


def test_user_file_through_config(tmp_path: Path) -> None:
    (tmp_path / "mine.csv").write_text(
        "kind,id,name,aliases,country,code\nperson,ali_kazmi,Ali Kazmi,Kazmi,PAK,PAKGOV\n", encoding="utf-8"
    )
    config = tmp_path / "k.toml"
    config.write_text('[actors]\nextra_files = ["mine.csv"]\n', encoding="utf-8")
    code, out = _run("resolve", "Ali Kazmi", "--config", str(config), "--format", "json")
    assert code == 0, out
    assert json.loads(out)["id"] == "person:ali_kazmi"


UNKNOWN = """
Zorba          Zorba     PROPN compound  2 PERSON
Quixano        Quixano   PROPN nsubj     3 PERSON
met            meet      VERB  ROOT      0
Iraqi          iraqi     ADJ   amod      5 NORP
officials      official  NOUN  dobj      3
.              .         PUNCT punct     3
"""


def test_unknown_names_are_counted() -> None:
    pipeline = handmade_pipeline(UNKNOWN)
    [text] = pipeline.nlp.texts  # type: ignore[attr-defined]
    docs = [Document(text=text, id="d1"), Document(text=text, id="d2")]
    tally, failures = count_unknown(docs, pipeline=pipeline)
    assert failures == 0
    [row] = tally.rows(5)
    assert row["name"] == "Zorba Quixano" and row["mentions"] == 2 and row["documents"] == 2
