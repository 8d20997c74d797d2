"""`khaldun export`: every format carries what a researcher needs, in one event schema.

The store holds events written as the coder writes them (see
``test_export_support``): a visit reported twice (one happening), a planned
visit dated to the month, a criticism dated only to the year.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from khaldun.cli.main import main
from khaldun.serve import ServeSettings, create_app
from tests.conftest import handmade_pipeline
from tests.export.test_export_support import as_stored, build_store, events
from tests.store.test_store_support import postgres_schema_url

NEW_COLUMNS = {
    "cluster_id",
    "root",
    "cameo_standard",
    "plover_standard",
    "year",
    "month",
    "date_value",
    "location_admin1",
    "location_gazetteer_id",
    "doc_title",
    "doc_source",
    "doc_url",
    "doc_published",
}
COUNTS = {"last_date", "num_mentions", "num_articles", "num_sources"}


@pytest.fixture(scope="module", params=["duckdb", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The same store in DuckDB and in PostgreSQL (a schema made for the module, dropped after)."""
    if request.param == "duckdb":
        yield build_store(str(tmp_path_factory.mktemp("export") / "events.duckdb"))
        return
    url, admin, schema = postgres_schema_url()
    try:
        yield build_store(url)
    finally:
        admin.execute(f'DROP SCHEMA "{schema}" CASCADE')
        admin.close()


def export(db: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["export", "--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# -- csv ---------------------------------------------------------------------------------


def test_csv_has_codes_document_place_and_a_typed_date(db: str) -> None:
    rows = {r["event_id"]: r for r in csv_rows(export(db, "--format", "csv"))}
    assert NEW_COLUMNS <= set(rows["d1-e1"]) and not COUNTS & set(rows["d1-e1"])
    visit = rows["d1-e1"]
    assert (visit["root"], visit["cameo_standard"], visit["plover_standard"]) == ("04", "042", "CONSULT")
    assert (visit["doc_title"], visit["doc_source"], visit["doc_url"], visit["doc_published"]) == (
        "title d1",
        "Tigris Herald",
        "https://example.org/d1",
        "2021-01-01",
    )
    assert (visit["location_admin1"], visit["location_gazetteer_id"]) == ("Tehran Province", "112931")
    assert (visit["date"], visit["date_precision"], visit["year"], visit["month"]) == (
        "2021-01-11",
        "day",
        "2021",
        "1",
    )
    assert visit["source_known"] == "true" and visit["cluster_id"]


def test_csv_date_is_a_date_at_every_precision(db: str) -> None:
    rows = {r["event_id"]: r for r in csv_rows(export(db, "--format", "csv"))}
    planned = rows["d2-e2"]
    assert (planned["date"], planned["date_value"], planned["date_precision"]) == (
        "2021-02-01",
        "2021-02",
        "month",
    )
    assert (planned["year"], planned["month"]) == ("2021", "2")
    assert (planned["cameo"], planned["cameo_standard"], planned["plover_standard"]) == (
        "042",
        "036",
        "AGREE",
    )
    last_year = rows["d3-e1"]
    assert (last_year["date"], last_year["date_value"], last_year["year"]) == ("2020-01-01", "2020", "2020")
    assert last_year["month"] == ""  # known to the year only: not January


def test_clustered_csv_has_cluster_id_and_report_counts(db: str) -> None:
    raw = csv_rows(export(db, "--format", "csv"))
    clusters = {r["cluster_id"]: r for r in csv_rows(export(db, "--format", "csv", "--level", "clustered"))}
    assert len(clusters) == 3 and all(COUNTS <= set(r) for r in clusters.values())
    [visit_id] = {r["cluster_id"] for r in raw if r["event_id"] in ("d1-e1", "d2-e1")}
    visit = clusters[visit_id]
    # Two reports, in d1 and d2; d1 has a duplicate from a third outlet.
    assert (visit["num_mentions"], visit["num_articles"], visit["num_sources"]) == ("2", "3", "3")
    assert (visit["date"], visit["last_date"]) == ("2021-01-11", "2021-01-12")
    assert visit["doc_url"] == "https://example.org/d1" and visit["cameo_standard"] == "042"
    planned = next(r for r in clusters.values() if r["modality"] == "planned")
    assert (planned["cameo_standard"], planned["num_mentions"]) == ("036", "1")


def test_empty_clustered_export_still_has_its_columns(db: str) -> None:
    text = export(db, "--format", "csv", "--level", "clustered", "--since", "2030-01-01")
    assert COUNTS <= set(text.splitlines()[0].split(",")) and len(text.splitlines()) == 1


# -- parquet -----------------------------------------------------------------------------


def test_parquet_is_typed_and_raw_rows_have_no_null_counts(db: str, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "raw.parquet"
    export(db, "--format", "parquet", "--output", str(path))
    table = pq.read_table(path)
    assert NEW_COLUMNS <= set(table.column_names) and not COUNTS & set(table.column_names)
    types = dict(zip(table.column_names, table.schema.types, strict=True))
    assert types["date"] == pa.date32() and types["doc_published"] == pa.date32()
    assert types["year"] == types["month"] == types["quad_class"] == pa.int64()
    assert types["source_known"] == pa.bool_() and types["goldstein"] == pa.float64()
    rows = {r["event_id"]: r for r in table.to_pylist()}
    assert rows["d2-e2"]["date"] == dt.date(2021, 2, 1) and rows["d2-e2"]["month"] == 2
    assert rows["d3-e1"]["month"] is None and rows["d3-e1"]["year"] == 2020
    assert all(r["cluster_id"] for r in rows.values())


def test_clustered_parquet_has_counts(db: str, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "clustered.parquet"
    export(db, "--format", "parquet", "--level", "clustered", "--output", str(path))
    table = pq.read_table(path)
    assert table.schema.field("num_articles").type == pa.int64()
    assert table.schema.field("last_date").type == pa.date32()
    rows = table.to_pylist()
    assert sorted(r["num_mentions"] for r in rows) == [1, 1, 2] and all(r["cluster_id"] for r in rows)


# -- jsonl, and the API: the JSON the coder writes --------------------------------------


def test_jsonl_export_is_the_coders_json(db: str) -> None:
    exported = {e["event_id"]: e for e in map(json.loads, export(db, "--format", "jsonl").splitlines())}
    for event in events():
        back = dict(exported[event.id])
        assert back.pop("cluster_id")
        assert back == as_stored(event)  # cameo_standard, plover_standard and document included
    assert exported["d2-e2"]["cameo_standard"] == "036"


def test_the_api_gives_the_same_event_json(db: str) -> None:
    exported = {e["event_id"]: e for e in map(json.loads, export(db, "--format", "jsonl").splitlines())}
    app = create_app(ServeSettings(db=db), pipeline_factory=lambda: handmade_pipeline())
    with TestClient(app) as client:
        served = client.get("/api/events", params={"limit": 100}).json()["data"]
    assert {e["event_id"]: e for e in served} == exported
    assert all({"cameo_standard", "plover_standard", "document", "cluster_id"} <= set(e) for e in served)


def test_plover_export_keeps_the_codebook_code_and_the_document(db: str) -> None:
    records = {r["id"]: r for r in map(json.loads, export(db, "--format", "plover").splitlines())}
    planned = records["d2-e2"]["khaldun"]
    assert planned["cameo_standard"] == "036" and planned["document"]["url"] == "https://example.org/d2"


# -- where the export goes --------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_export_into_a_missing_folder_names_the_folder(db: str, tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "no" / "such"
    result = CliRunner().invoke(
        main, ["export", "--db", db, "--format", fmt, "--output", str(folder / "out")]
    )
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert f"the folder {folder} does not exist" in result.stderr and "Traceback" not in result.output
    assert not folder.exists()


def test_export_onto_a_file_as_folder_is_an_error(db: str, tmp_path: Path) -> None:
    afile = tmp_path / "a-file"
    afile.write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--db", db, "--output", str(afile / "events.csv")])
    assert result.exit_code == 1 and f"{afile} is a file, not a folder" in result.stderr
    assert afile.read_text(encoding="utf-8") == "keep me"
