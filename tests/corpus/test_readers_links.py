"""A folder ingest does not follow symbolic links out of the folder unless asked (issue 15, finding 9).

The probe stored ``/etc/passwd`` through a link in a corpus folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from khaldun.cli.main import main
from khaldun.corpus.readers import ReadOptions, read_corpus
from khaldun.errors import InputError
from khaldun.model import Document
from khaldun.store import Store, open_store

INSIDE = "Iraq criticized Iran over the border dispute on Monday."
OUTSIDE = "The Turkish foreign minister met his Syrian counterpart in Ankara."
FAR = "Egypt warned Libya about militias near the border."
BROKEN = "{0}/corpus/gone.txt: a broken symbolic link (to {0}/gone.txt); fix or remove it"


def _read(folder: Path, **options) -> tuple[list[Document], list[str]]:  # noqa: ANN003
    docs, errors = [], []
    for item in read_corpus([str(folder)], ReadOptions(**options)):
        (errors.append(str(item)) if isinstance(item, InputError) else docs.append(item))
    return docs, errors


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """corpus/: a file, links out (to a file, a folder), a link in, a loop, a broken link, a hidden folder."""
    outside = tmp_path / "outside"
    (outside / "far").mkdir(parents=True)
    (outside / "secret.txt").write_text(OUTSIDE)
    (outside / "far" / "far.txt").write_text(FAR)
    folder = tmp_path / "corpus"
    (folder / ".git").mkdir(parents=True)
    (folder / ".git" / "objects.txt").write_text("Hidden folders are not part of the corpus.")
    (folder / "news.txt").write_text(INSIDE)
    os.symlink(outside / "secret.txt", folder / "secret.txt")
    os.symlink(outside / "far", folder / "far")
    os.symlink(folder / "news.txt", folder / "same.txt")
    os.symlink(folder, folder / "loop")
    os.symlink(tmp_path / "gone.txt", folder / "gone.txt")
    return folder


def test_links_out_of_the_folder_are_reported_not_read(corpus: Path) -> None:
    docs, errors = _read(corpus)
    assert [d.text for d in docs] == [INSIDE]  # the link in is not read twice; .git is left out
    target = corpus.parent / "outside"
    assert errors == [
        f"{corpus / 'far'}: a symbolic link out of the folder (to {target / 'far'}); "
        "not followed: give --follow-links to read it",
        BROKEN.format(corpus.parent),
        f"{corpus / 'secret.txt'}: a symbolic link out of the folder (to {target / 'secret.txt'}); "
        "not followed: give --follow-links to read it",
    ]


def test_follow_links_reads_them_and_a_loop_ends(corpus: Path) -> None:
    docs, errors = _read(corpus, follow_links=True)
    assert errors == [BROKEN.format(corpus.parent)]
    assert sorted(d.text for d in docs) == sorted([FAR, INSIDE, INSIDE, OUTSIDE])  # same.txt: same id


def test_a_link_given_by_name_is_read(corpus: Path) -> None:
    docs, errors = _read(corpus / "secret.txt")  # the user named it: no folder to leave
    assert errors == [] and [d.text for d in docs] == [OUTSIDE]


def _texts(store: Store) -> list[str]:
    return [row["text"] for row in store.fetch("SELECT text FROM documents ORDER BY text")]


@pytest.mark.model
def test_ingest_follow_links_option(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "events.duckdb")
    runner = CliRunner()
    result = runner.invoke(
        main, ["ingest", str(corpus), "--db", db, "--workers", "1", "--quiet", "--no-cluster"]
    )
    assert result.exit_code == 1
    assert "secret.txt: a symbolic link out of the folder" in result.output
    with open_store(db) as store:
        assert _texts(store) == [INSIDE]
    result = runner.invoke(
        main,
        ["ingest", str(corpus), "--db", db, "--workers", "1", "--quiet", "--no-cluster", "--follow-links"],
    )
    assert result.exit_code == 1  # the broken link is still reported
    assert "secret.txt" not in result.output and "gone.txt: a broken symbolic link" in result.output
    with open_store(db) as store:
        assert _texts(store) == sorted([FAR, INSIDE, OUTSIDE])
