"""Scoring against gold data: hand-made gold files and predictions, exact figures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from khaldun.errors import GoldFormatError, InputError
from khaldun.evaluation import (
    documents_of,
    format_report,
    load_gold,
    load_golds,
    load_pentaclass,
    load_predictions,
    primary,
    report_to_dict,
    role,
    score,
)

SHARED = Path(__file__).resolve().parents[3] / "shared"


# --- builders -------------------------------------------------------------------------------------


def ev(source: str | None, target: str | None, code: str, scheme: str = "CAMEO") -> dict[str, Any]:
    out: dict[str, Any] = {"source": source, "target": target, "code": code, "code_scheme": scheme}
    if scheme == "CAMEO":
        out["root_code"] = code[:2]
    if scheme == "PLOVER":
        out["plover"] = code
    return out


def rec(rid: str, events: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    out = {
        "id": rid,
        "dataset": "toy",
        "text": f"text of {rid}",
        "date": "2008-08-04",
        "events": events,
        "no_event": not events,
        "score": True,
    }
    out.update(extra)
    return out


def write_jsonl(tmp_path: Path, records: list[dict[str, Any]], name: str = "dev.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def actor(code: str | None, text: str | None = None, actor_id: str | None = None) -> dict[str, Any] | None:
    return None if code is None else {"code": code, "text": text, "id": actor_id}


def pred(
    doc: str,
    source: str | None,
    target: str | None,
    cameo: str | None = None,
    *,
    plover: str | None = None,
    modality: str = "asserted",
    date: str | None = None,
    source_text: str | None = None,
    source_id: str | None = None,
) -> dict[str, Any]:
    return {
        "doc_id": doc,
        "source": actor(source, source_text, source_id),
        "target": actor(target),
        "cameo": cameo,
        "root": cameo[:2] if cameo else None,
        "plover": plover,
        "modality": modality,
        "date": {"value": date, "precision": "day", "text": None} if date else None,
    }


def figures(report: Any, level: str) -> tuple[int, int, int, float, float, float]:
    s = report.level(level)
    assert s is not None, f"level {level} not reported: {[x.level for x in report.levels]}"
    return s.gold, s.predicted, s.matched, round(s.precision, 4), round(s.recall, 4), round(s.f1, 4)


# --- record sets with CAMEO actors ----------------------------------------------------------------


@pytest.fixture()
def cameo_gold(tmp_path: Path) -> Any:
    records = [
        rec("r1", [ev("USAGOV", "CHNGOV", "042")]),
        rec("r2", [ev("FRA", "DEU", "190")]),
        rec("r3", [ev("RUS", "UKR", "111")]),
        rec("r4", []),
        rec("r5", [ev("GBR", "USA", "040")]),
    ]
    return load_gold(write_jsonl(tmp_path, records))


def test_levels_counts_and_figures(cameo_gold: Any) -> None:
    preds = [
        pred("r1", "USAGOV", "CHNGOV", "042"),  # exact
        pred("r2", "FRAMIL", "DEU", "193"),  # root
        pred("r3", "UKR", "RUS", "111"),  # undirected dyad only
        pred("r4", "USA", "IRN", "010"),  # no-event record: false positive everywhere
    ]
    report = score(cameo_gold, preds)
    assert [s.level for s in report.levels] == ["exact", "root", "dyad", "dyad_undirected", "detection"]
    assert figures(report, "exact") == (4, 4, 1, 0.25, 0.25, 0.25)
    assert figures(report, "root") == (4, 4, 2, 0.5, 0.5, 0.5)
    assert figures(report, "dyad") == (4, 4, 2, 0.5, 0.5, 0.5)
    assert figures(report, "dyad_undirected") == (4, 4, 3, 0.75, 0.75, 0.75)
    assert figures(report, "detection") == (4, 4, 3, 0.75, 0.75, 0.75)
    assert (report.records, report.predictions, report.ignored_predictions) == (5, 4, 0)


def test_two_identical_predictions_for_one_gold_are_one_tp_and_one_fp(cameo_gold: Any) -> None:
    preds = [pred("r1", "USAGOV", "CHNGOV", "042"), pred("r1", "USAGOV", "CHNGOV", "042")]
    report = score(cameo_gold, preds)
    assert figures(report, "exact") == (4, 2, 1, 0.5, 0.25, 0.3333)
    assert figures(report, "detection") == (4, 1, 1, 1.0, 0.25, 0.4)


def test_null_target_matches_only_null(tmp_path: Path) -> None:
    gold = load_gold(
        write_jsonl(tmp_path, [rec("a", [ev("USA", None, "010")]), rec("b", [ev("USA", None, "010")])])
    )
    report = score(gold, [pred("a", "USA", None, "010"), pred("b", "USA", "CHN", "010")])
    assert figures(report, "exact") == (2, 2, 1, 0.5, 0.5, 0.5)
    assert figures(report, "root") == (2, 2, 1, 0.5, 0.5, 0.5)
    assert figures(report, "dyad") == (2, 2, 1, 0.5, 0.5, 0.5)


def test_unknown_actor_matches_only_unknown(tmp_path: Path) -> None:
    records = [rec(f"r{i}", [ev("---GOV", "USA", "042")]) for i in range(4)]
    gold = load_gold(write_jsonl(tmp_path, records))
    preds = [
        pred("r0", None, "USA", "042"),  # null = unknown
        pred("r1", "---", "USA", "042"),
        pred("r2", "~REB", "USA", "042"),  # agent only: country unknown
        pred("r3", "IRQGOV", "USA", "042"),  # a known country is not unknown
    ]
    report = score(gold, preds)
    assert figures(report, "exact") == (4, 4, 0, 0.0, 0.0, 0.0)
    assert figures(report, "root") == (4, 4, 3, 0.75, 0.75, 0.75)
    assert report.accuracy("role").total == 1  # ---GOV vs ~REB: GOV != REB
    assert report.accuracy("role").correct == 0


def test_actor_code_parts() -> None:
    assert [primary(c) for c in ("IRQGOV", "---GOV", "~REB", '"THE MINISTRY"', "X", None, "IGOUNO")] == [
        "IRQ",
        None,
        None,
        None,
        None,
        None,
        "IGO",
    ]
    assert [role(c) for c in ("IRQGOV", "---MIL", "~REB", "USA", "BGD***", None)] == [
        "GOV",
        "MIL",
        "REB",
        None,
        None,
        None,
    ]


def test_strictest_key_first_decides_role_accuracy(tmp_path: Path) -> None:
    gold = load_gold(
        write_jsonl(tmp_path, [rec("r", [ev("USAGOV", "IRNGOV", "042"), ev("USAMIL", "IRNGOV", "190")])])
    )
    preds = [pred("r", "USAMIL", "IRNGOV", "190"), pred("r", "USAGOV", "IRNMIL", "042")]
    report = score(gold, preds)
    assert figures(report, "exact") == (2, 2, 1, 0.5, 0.5, 0.5)
    assert figures(report, "dyad") == (2, 2, 2, 1.0, 1.0, 1.0)
    role_acc = report.accuracy("role")
    assert (role_acc.total, role_acc.correct) == (4, 3)


def test_skipped_records_and_unknown_documents(tmp_path: Path) -> None:
    records = [
        rec("ok", [ev("USA", "CHN", "042")]),
        rec("noscore", [ev("USA", "CHN", "042")], score=False),
        rec("err", [], expect_error=True, no_event=False),
    ]
    gold = load_gold(write_jsonl(tmp_path, records))
    assert [d[0] for d in documents_of(gold)] == ["ok"]
    assert str(documents_of(gold)[0][2]) == "2008-08-04"
    preds = [
        pred("ok", "USA", "CHN", "042"),
        pred("noscore", "USA", "CHN", "042"),
        pred("zzz", "USA", "CHN", "1"),
    ]
    report = score(gold, preds)
    assert figures(report, "exact") == (1, 1, 1, 1.0, 1.0, 1.0)
    assert (report.records, report.skipped, report.ignored_predictions) == (1, 2, 2)


# --- PLOVER and type-only sets --------------------------------------------------------------------


def test_plover_set_uses_category_for_root_and_reports_type(tmp_path: Path) -> None:
    records = [
        rec("p1", [ev("HUNGOV", "ROUGOV", "AGREE", "PLOVER"), ev("ROUGOV", "HUNGOV", "AGREE", "PLOVER")]),
        rec("p2", [ev("ISR", "PSE", "FIGHT", "PLOVER")]),
    ]
    gold = load_gold(write_jsonl(tmp_path, records))
    preds = [
        pred("p1", "HUNGOV", "ROUGOV", "057", plover="AGREE"),
        pred("p1", "HUN", "ROU", "036", plover="CONSULT"),
        pred("p2", "ISRMIL", "PSE", "190", plover="ASSAULT"),
    ]
    report = score(gold, preds)
    assert [s.level for s in report.levels] == ["root", "dyad", "dyad_undirected", "type", "detection"]
    # FIGHT (PLOVER 0.5b1) reads as ASSAULT through the frozen version crosswalk.
    assert figures(report, "root") == (3, 3, 2, 0.6667, 0.6667, 0.6667)
    assert figures(report, "dyad") == (3, 3, 2, 0.6667, 0.6667, 0.6667)
    assert figures(report, "dyad_undirected") == (3, 3, 3, 1.0, 1.0, 1.0)
    assert figures(report, "type") == (2, 3, 2, 0.6667, 1.0, 0.8)


def test_a_statement_with_no_plover_type_is_no_plover_prediction(tmp_path: Path) -> None:
    gold = load_gold(write_jsonl(tmp_path, [rec("p1", [ev("ISR", "PSE", "ASSAULT", "PLOVER")])]))
    preds = [
        pred("p1", "ISR", "PSE", "190", plover="ASSAULT"),
        pred("p1", "ISR", "PSE", "012"),  # a pessimistic comment: CAMEO 01 has no PLOVER type
    ]
    report = score(gold, preds)
    assert figures(report, "root") == (1, 1, 1, 1.0, 1.0, 1.0)


def test_cameo_type_only_set_compares_distinct_roots(tmp_path: Path) -> None:
    gold = load_gold(
        write_jsonl(tmp_path, [rec("c1", [ev(None, None, "042")]), rec("c2", [ev(None, None, "190")])])
    )
    preds = [
        pred("c1", "USA", "CHN", "040"),
        pred("c1", "CHN", "USA", "043"),
        pred("c1", "USA", "CHN", "190"),
    ]
    report = score(gold, preds)
    assert [s.level for s in report.levels] == ["type", "detection"]
    assert figures(report, "type") == (2, 2, 1, 0.5, 0.5, 0.5)
    assert figures(report, "detection") == (2, 1, 1, 1.0, 0.5, 0.6667)
    assert report.accuracies == ()


def test_pentaclass_crosswalk_is_complete_and_used(tmp_path: Path) -> None:
    table = load_pentaclass()
    assert sorted(table) == [f"{i:02d}" for i in range(1, 21)]
    assert (table["02"], table["05"], table["08"], table["16"], table["15"], table["20"]) == (
        "0",
        "1",
        "2",
        "3",
        "4",
        "4",
    )
    records = [
        rec("k1", [ev(None, None, "4", "PENTACLASS")]),
        rec("k2", [ev(None, None, "3", "PENTACLASS")]),
        rec("k3", [ev(None, None, "0", "PENTACLASS")]),
    ]
    gold = load_gold(write_jsonl(tmp_path, records))
    preds = [pred("k1", None, None, "193"), pred("k2", None, None, "161"), pred("k3", None, None, "036")]
    report = score(gold, preds)
    assert [s.level for s in report.levels] == ["type", "detection"]
    assert figures(report, "type") == (3, 3, 2, 0.6667, 0.6667, 0.6667)


def test_other_schemes_report_detection_only(tmp_path: Path) -> None:
    gold = load_gold(
        write_jsonl(tmp_path, [rec("d1", [ev(None, None, "ARREST", "IndiaPoliceEvents")]), rec("d2", [])])
    )
    report = score(gold, [pred("d2", "IND", None, "173")])
    assert [s.level for s in report.levels] == ["detection"]
    assert figures(report, "detection") == (1, 1, 0, 0.0, 0.0, 0.0)


# --- bootstrap and output -------------------------------------------------------------------------


def test_bootstrap_interval_is_deterministic(cameo_gold: Any) -> None:
    preds = [
        pred("r1", "USAGOV", "CHNGOV", "042"),
        pred("r2", "FRA", "DEU", "190"),
        pred("r4", "USA", "IRN", "010"),
    ]
    first, second = score(cameo_gold, preds), score(cameo_gold, preds)
    assert first == second
    exact = first.level("exact")
    assert exact.f1_low is not None and exact.f1_high is not None
    assert 0.0 <= exact.f1_low <= exact.f1 <= exact.f1_high <= 1.0


def test_format_report_and_dict(cameo_gold: Any, tmp_path: Path) -> None:
    other = load_gold(
        write_jsonl(tmp_path, [rec("c1", [ev(None, None, "042")], dataset="codebook")], "other.jsonl")
    )
    reports = [score(cameo_gold, [pred("r1", "USAGOV", "CHNGOV", "042")]), score(other, [])]
    text = format_report(reports)
    assert "toy" in text and "codebook" in text and "dyad_undirected" in text
    assert "macro (2 sets)" in text  # detection is in both sets
    assert "role accuracy: 2/2 = 1.000" in text
    data = report_to_dict(reports[0])
    json.dumps(data)
    assert data["levels"][0]["level"] == "exact" and data["levels"][0]["matched"] == 1


def test_bad_predictions_raise_input_error(cameo_gold: Any) -> None:
    with pytest.raises(InputError, match="prediction 1"):
        score(cameo_gold, [pred("r1", "USA", "CHN", "042"), {"source": None}])


# --- loading errors -------------------------------------------------------------------------------


def test_malformed_jsonl_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(rec("a", [])) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"dev\.jsonl:2: not valid JSON"):
        load_gold(path)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "a", "events": []}, r":1: missing field 'text'"),
        ({**rec("a", []), "date": "last week"}, r":1: field 'date': 'last week' is not an ISO date"),
        (rec("a", [{"source": "USA", "target": None}]), r":1: events\[0\]: missing field 'code'"),
        (
            rec("a", [{"source": 7, "target": None, "code": "010"}]),
            r"events\[0\]\.source: actor code must be",
        ),
    ],
)
def test_bad_records_raise_gold_format_error(tmp_path: Path, record: dict[str, Any], message: str) -> None:
    with pytest.raises(GoldFormatError, match=message):
        load_gold(write_jsonl(tmp_path, [record]))


def test_duplicate_ids_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match=r":2: duplicate record id 'a'"):
        load_gold(write_jsonl(tmp_path, [rec("a", []), rec("a", [])]))
    with pytest.raises(GoldFormatError, match="no such gold file"):
        load_gold(tmp_path / "missing.jsonl")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(GoldFormatError, match="folder holds none of"):
        load_gold(empty)


def test_folder_with_dev_jsonl_loads_and_names_the_set(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    write_jsonl(folder, [{k: v for k, v in rec("x", []).items() if k != "dataset"}])
    gold = load_gold(folder)
    assert (gold.name, gold.kind, len(gold.records)) == ("mine", "records", 1)
    assert [g.name for g in load_golds(tmp_path)] == ["mine"]


# --- the seed -------------------------------------------------------------------------------------


def write_seed(tmp_path: Path) -> Path:
    (tmp_path / "article.txt").write_text(
        "Al-Kazemi arrived in Tehran. Al-Kazimi's Saudi visit was postponed."
    )
    gold = {
        "id": "toy-seed",
        "text_file": "article.txt",
        "published": "2020-07-21",
        "events": [
            {
                "id": "e1",
                "required": True,
                "source": "IRQGOV",
                "target": "IRN",
                "cameo": "042",
                "alt": ["040", "043"],
                "modality": "asserted",
                "date": "2020-07-21",
            },
            {
                "id": "e2",
                "required": True,
                "source": "IRQGOV",
                "target": "SAU",
                "cameo": "042",
                "alt": [],
                "modality": "postponed",
                "date": "2020-07",
            },
            {
                "id": "e3",
                "required": False,
                "source": "",
                "target": "IRN",
                "cameo": "112",
                "alt": [],
                "modality": "asserted",
            },
        ],
        "must_not": [
            {
                "note": "no Saudi visit",
                "source": "IRQGOV",
                "target": "SAU",
                "cameo_root": "04",
                "modality": "asserted",
            },
            {"note": "one person", "entity_split": ["Al-Kazemi", "Al-Kazimi"]},
        ],
    }
    path = tmp_path / "seed" / "gold.json"
    path.parent.mkdir()
    path.write_text(json.dumps(gold).replace("article.txt", "../article.txt"))
    return path


def test_seed_required_recall_precision_rules(tmp_path: Path) -> None:
    gold = load_gold(write_seed(tmp_path))
    assert (gold.kind, gold.name, str(gold.published)) == ("seed", "seed", "2020-07-21")
    assert documents_of(gold) == [("toy-seed", gold.records[0].text, gold.published)]
    preds = [
        pred(
            "toy-seed", "IRQGOV", "IRNGOV", "040", date="2020-07-21", source_text="Al-Kazemi", source_id="q1"
        ),
        pred("toy-seed", "IRQGOV", "SAU", "042", date="2020-07-21", source_text="Al-Kazimi", source_id="q2"),
        pred("toy-seed", "USA", "IRN", "112"),
        pred("toy-seed", "IRN", "IRQ", "190"),
    ]
    report = score(gold, preds)
    assert figures(report, "required") == (2, 4, 1, 0.5, 0.5, 0.5)
    assert figures(report, "all_events") == (3, 4, 2, 0.5, 0.6667, 0.5714)
    assert report.missed_required == ("e2",)
    assert (report.accuracy("date").total, report.accuracy("date").correct) == (1, 1)
    assert (report.accuracy("modality").total, report.accuracy("modality").correct) == (3, 2)
    assert (report.accuracy("role").total, report.accuracy("role").correct) == (1, 1)
    saudi, split = report.rules
    assert (saudi.kind, saudi.violated, saudi.count) == ("event", True, 1)
    assert (split.kind, split.violated, split.count) == ("entity_split", True, 2)
    assert "VIOLATED" in format_report([report])


def test_seed_good_coding_and_one_to_one(tmp_path: Path) -> None:
    gold = load_gold(write_seed(tmp_path))
    preds = [
        pred("toy-seed", "IRQGOV", "IRN", "043", date="2020-07", source_text="Al-Kazemi", source_id="q1"),
        pred(
            "toy-seed",
            "IRQGOV",
            "SAUGOV",
            "042",
            modality="postponed",
            date="2020-07-28",
            source_text="Iraqi Prime Minister Mustafa Al-Kazimi",
            source_id="q1",
        ),
    ]
    report = score(gold, preds)
    assert figures(report, "required") == (2, 2, 2, 1.0, 1.0, 1.0)
    assert report.missed_required == ()
    assert (report.accuracy("date").total, report.accuracy("date").correct) == (
        2,
        1,
    )  # "2020-07" is not day 21
    assert not any(rule.violated for rule in report.rules)
    # one-to-one: a repeated prediction finds one gold event and is then a false positive
    report = score(gold, [pred("toy-seed", "IRQGOV", "IRN", "042", date="2020-07-21")] * 2)
    assert figures(report, "required") == (2, 2, 1, 0.5, 0.5, 0.5)
    assert figures(report, "all_events") == (3, 2, 1, 0.5, 0.3333, 0.4)


def _one_event_seed(tmp_path: Path, code: str, modality: str) -> Any:
    (tmp_path / "article.txt").write_text("Iran said it would retaliate against Iraq.")
    event = {"id": "e1", "required": True, "source": "IRN", "target": "IRQ", "cameo": code, "alt": []}
    gold = {"id": "toy", "text_file": "article.txt", "events": [{**event, "modality": modality}]}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold))
    return load_gold(path)


def test_seed_reads_a_prediction_as_its_action_or_as_the_codebook_s_speech_act(tmp_path: Path) -> None:
    # "Iran said it would retaliate": force (190) planned, which the CAMEO codebook codes as a
    # threat made (138); an annotation in CAMEO codes writes the threat, asserted.
    threat = _one_event_seed(tmp_path, "138", "asserted")
    retaliation = pred("toy", "IRN", "IRQ", "190", modality="planned")
    assert figures(score(threat, [retaliation]), "required")[2] == 0
    retaliation["cameo_standard"] = "138"
    assert figures(score(threat, [retaliation]), "required")[2] == 1
    # The action's own reading still finds an event annotated as the action, and the
    # codebook's reading is asserted: a planned threat annotated so is not it.
    assert figures(score(_one_event_seed(tmp_path, "190", "planned"), [retaliation]), "required")[2] == 1
    assert figures(score(_one_event_seed(tmp_path, "138", "planned"), [retaliation]), "required")[2] == 0


def test_seed_text_file_missing(tmp_path: Path) -> None:
    path = write_seed(tmp_path)
    (tmp_path / "article.txt").unlink()
    with pytest.raises(GoldFormatError, match="text_file '../article.txt'"):
        load_gold(path)


def test_real_seed_gold_loads() -> None:
    path = SHARED / "eval" / "seed" / "gold.json"
    if not path.is_file():
        pytest.skip(f"shared gold data not found at {path} (checkout without ../shared)")
    gold = load_gold(path)
    record = gold.records[0]
    assert gold.kind == "seed" and str(gold.published) == "2020-07-21"
    assert len(record.events) == 15 and sum(e.required for e in record.events) == 9
    assert "Kazemi" in record.text
    assert len(gold.must_not) == 3 and gold.must_not[2].entity_split == ("Al-Kazemi", "Al-Kazimi")
    report = score(gold, [])
    assert figures(report, "required") == (9, 0, 0, 0.0, 0.0, 0.0)
    assert len(report.missed_required) == 9


@pytest.mark.gold
def test_every_shared_dev_set_loads() -> None:
    root = SHARED / "eval"
    if not root.is_dir():
        pytest.skip(f"shared gold data not found at {root}")
    golds = {g.name: g for g in load_golds(root)}
    assert {"petr2_gsr", "plover_gsr", "cameo_codebook_examples", "conflibert_cameo", "seed"} <= set(golds)
    levels = {name: [s.level for s in score(golds[name], []).levels] for name in ("petr2_gsr", "plover_gsr")}
    assert levels["petr2_gsr"] == ["exact", "root", "dyad", "dyad_undirected", "detection"]
    assert levels["plover_gsr"] == ["root", "dyad", "dyad_undirected", "type", "detection"]


def test_load_predictions_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(pred("a", "USA", "CHN", "042")) + "\n\n[1, 2]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"events\.jsonl:3: expected a JSON object"):
        load_predictions(path)
    path.write_text(json.dumps(pred("a", "USA", "CHN", "042")) + "\n", encoding="utf-8")
    assert load_predictions(path)[0]["cameo"] == "042"
