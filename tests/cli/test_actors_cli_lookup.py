"""`khaldun actors search` has a similarity cut-off, and `actors resolve` says when a name is ambiguous."""

from __future__ import annotations

import json

from click.testing import CliRunner

from khaldun.cli.main import main
from khaldun.config import load_config
from khaldun.knowledge.actors import load_kb, records
from khaldun.knowledge.actors.builtin import BuiltinKB


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["actors", *args])
    return result.exit_code, result.stdout, result.stderr


def test_search_of_nonsense_is_no_match_not_ten_hits() -> None:
    code, out, err = _run("search", "zzzzqqq")
    assert code == 1
    assert out == "" and "no match" in err and "'zzzzqqq'" in err
    code, out, err = _run("search", "zzzzqqq", "--format", "json")
    assert code == 1 and json.loads(out) == [] and "no match" in err


def test_search_hits_are_all_above_the_cut_off() -> None:
    code, out, _ = _run("search", "Kadhemi", "--format", "json")
    hits = json.loads(out)
    assert code == 0 and hits[0]["id"] == "person:mustafa_al_kadhimi"
    assert all(h["score"] >= records.SEARCH_CUTOFF for h in hits)
    # Two letters fit inside many long names; they are not names that look alike.
    code, _, err = _run("search", "xq")
    assert code == 1 and "no match" in err


def test_search_keeps_real_neighbours() -> None:
    code, out, _ = _run("search", "hezbolla", "--format", "json")
    assert code == 0 and json.loads(out)[0]["id"] == "org:hezbollah"
    code, out, _ = _run("search", "Tehran", "--format", "json")
    assert code == 0 and json.loads(out)[0]["id"] == "country:IRN"


def test_resolve_a_shared_name_says_it_is_ambiguous_and_how_to_choose() -> None:
    code, out, _ = _run("resolve", "Abdullah", "--format", "json")
    record = json.loads(out)
    assert code == 1 and record["found"] is False and record["ambiguous"] is True
    assert "no alias" not in record["why"]
    assert record["why"].startswith("ambiguous: 2 people share the name 'Abdullah'")
    assert "--country" in record["why"] and "--date" in record["why"]
    assert {c["id"]: c["country"] for c in record["candidates"]} == {
        "person:abdullah_bin_abdulaziz": "SAU",
        "person:abdullah_ii": "JOR",
    }


def test_resolve_ambiguous_table_names_the_candidates() -> None:
    code, out, _ = _run("resolve", "Abdullah")
    assert code == 1 and "ambiguous: True" in out and "why: ambiguous" in out
    assert "person:abdullah_ii Abdullah II (JOR, JORGOV)" in out


def test_context_that_picks_no_one_is_said() -> None:
    code, out, _ = _run("resolve", "Abdullah", "--date", "2010-01-01", "--format", "json")
    record = json.loads(out)
    assert code == 1 and "--date 2010-01-01 did not pick one of them" in record["why"]
    code, out, _ = _run("resolve", "Abdullah", "--country", "JOR", "--format", "json")
    assert code == 0 and json.loads(out)["id"] == "person:abdullah_ii"


def test_a_name_nobody_has_is_not_called_ambiguous() -> None:
    kb = load_kb(load_config())
    assert isinstance(kb, BuiltinKB)
    record = records.resolve_name(kb, "Zqxvy Wrtpl", day=None, country=None)
    assert record["found"] is False and record["ambiguous"] is False
    assert record["why"] == "no alias, surname or close spelling" and record["suggestions"] == []
