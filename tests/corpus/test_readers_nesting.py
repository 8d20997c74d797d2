"""A JSON line the parser cannot take (nested too deeply) is one bad document: reported, the rest read.

Issue 15, finding 1: a line of about 1,500 nested arrays raised ``RecursionError``,
the run ended with a traceback, its batch was lost and every resume crashed on it.
"""

from __future__ import annotations

import json
from pathlib import Path

from khaldun.corpus.ingest import IngestOptions, ingest
from khaldun.corpus.readers import ReadOptions, read_corpus, read_jsonl_documents
from khaldun.errors import InputError
from khaldun.store import queries
from tests.store.test_store_support import any_store, null_pipeline, store_url  # noqa: F401

DEEP = "[" * 1500 + "]" * 1500  # about 3 KB, as in the report
GOOD = [
    {"id": "n1", "text": "Iraq criticized Iran.", "published": "2021-03-01"},
    {"id": "n2", "text": "Iran praised Iraq.", "published": "2021-03-02"},
    {"id": "n3", "text": "Turkey met Syria.", "published": "2021-03-03"},
    {"id": "n4", "text": "Egypt warned Libya.", "published": "2021-03-04"},
    {"id": "n5", "text": "Jordan hosted Lebanon.", "published": "2021-03-05"},
]


def _corpus(tmp_path: Path) -> Path:
    nested_field = '{"id": "nested", "text": "Oman met Qatar.", "meta": ' + DEEP + "}"
    lines = [json.dumps(GOOD[0]), json.dumps(GOOD[1]), DEEP, nested_field]
    lines += [json.dumps(doc) for doc in GOOD[2:]]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_deeply_nested_line_is_reported_and_the_other_lines_read(tmp_path: Path) -> None:
    path = _corpus(tmp_path)
    items = list(read_corpus([str(path)], ReadOptions()))
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert [d.id for d in items if not isinstance(d, InputError)] == ["n1", "n2", "n3", "n4", "n5"]
    assert len(errors) == 2
    assert errors[0].startswith(f"{path} line 3: JSON nested too deeply")
    assert errors[1].startswith(f"{path} line 4: JSON nested too deeply")
    assert all("flatten the line" in e for e in errors)


def test_code_and_actors_reader_report_the_line_too(tmp_path: Path) -> None:
    items = list(read_jsonl_documents(str(_corpus(tmp_path))))
    assert [i.id for i in items if not isinstance(i, InputError)] == ["n1", "n2", "n3", "n4", "n5"]
    assert sum(isinstance(i, InputError) for i in items) == 2


def test_ingest_stores_the_rest_and_a_resume_adds_nothing(any_store, tmp_path: Path) -> None:  # noqa: F811
    path = _corpus(tmp_path)

    def run():  # noqa: ANN202
        errors: list[InputError] = []
        report = ingest(
            read_corpus([str(path)], ReadOptions()),
            any_store,
            null_pipeline(),
            options=IngestOptions(chunk_size=2),  # the bad lines fall inside a batch
            on_error=errors.append,
        )
        return report, errors

    report, errors = run()
    assert (report.read, report.coded, report.failed) == (5, 5, 2)
    assert all("nested too deeply" in str(e) for e in errors)
    assert queries.summary(any_store)["documents"] == 5
    again, errors = run()  # a resume reads the same lines: reported again, nothing lost or added
    assert (again.read, again.coded, again.existing, again.failed) == (5, 0, 5, 2)
    assert queries.summary(any_store)["documents"] == 5
