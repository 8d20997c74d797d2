"""The compiled knowledge cache: where it lives, what makes a new entry, and that no bad entry is used."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

import khaldun.knowledge as knowledge_module
from khaldun.config import load_config
from khaldun.knowledge import Knowledge, build_knowledge, load_knowledge
from khaldun.knowledge.cache import cache_dir, cached, clear_cache, fingerprint, tree_digest
from khaldun.knowledge.gazetteer import CityTable, load_cities, read_cities

KEY = "0" * 64


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of this test, and no knowledge loaded yet in this process."""
    where = tmp_path / "cache"
    monkeypatch.setenv("KHALDUN_CACHE_DIR", str(where))
    monkeypatch.setattr(knowledge_module, "_loaded", {})
    return where


def counting(value: object) -> tuple[Callable[[], object], list[int]]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return build, calls


# -- where -------------------------------------------------------------------------


def test_the_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KHALDUN_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "khaldun"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # invalid by the XDG rule: ignored
    assert cache_dir() == Path.home() / ".cache" / "khaldun"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path.home() / ".cache" / "khaldun"
    monkeypatch.setenv("KHALDUN_CACHE_DIR", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"
    monkeypatch.setenv("KHALDUN_CACHE_DIR", "off")
    assert cache_dir() is None


def test_off_builds_every_time_and_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KHALDUN_CACHE_DIR", "OFF")
    monkeypatch.chdir(tmp_path)
    build, calls = counting({"a": 1})
    assert cached("thing", KEY, build) == cached("thing", KEY, build) == {"a": 1}
    assert len(calls) == 2
    assert list(tmp_path.iterdir()) == []


# -- building and loading ------------------------------------------------------------


def test_built_once_then_loaded(folder: Path) -> None:
    build, calls = counting({"phrase": ["hit"]})
    first = cached("thing", KEY, build, dict)
    second = cached("thing", KEY, build, dict)
    assert first == second == {"phrase": ["hit"]} and first is not second
    assert len(calls) == 1
    [entry] = folder.glob("thing-*.pickle")
    assert entry.stat().st_mode & 0o077 == 0 and folder.stat().st_mode & 0o077 == 0
    assert clear_cache() == 1 and not list(folder.glob("*.pickle"))


def test_another_key_is_another_entry(folder: Path) -> None:
    cached("thing", "a" * 64, lambda: 1)
    assert cached("thing", "b" * 64, lambda: 2) == 2
    assert len(list(folder.glob("thing-*.pickle"))) == 2


def test_old_entries_are_removed(folder: Path) -> None:
    for n in range(7):
        cached("thing", str(n) * 64, lambda n=n: n)
    assert len(list(folder.glob("thing-*.pickle"))) == 4


# -- bad entries are passed over -----------------------------------------------------------


def _entry(folder: Path) -> Path:
    [entry] = folder.glob("thing-*.pickle")
    return entry


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data[:-5] + bytes([data[-5] ^ 0xFF]) + data[-4:],  # one byte changed
        lambda data: b"",  # empty
        lambda data: b"not a cache entry at all" + data,  # another format
        lambda data: data.replace(KEY.encode(), b"f" * 64),  # the entry of another key
    ],
    ids=["truncated", "flipped", "empty", "foreign", "other-key"],
)
def test_a_damaged_entry_is_rebuilt_and_replaced(folder: Path, damage: Callable[[bytes], bytes]) -> None:
    cached("thing", KEY, lambda: {"good": True})
    entry = _entry(folder)
    entry.write_bytes(damage(entry.read_bytes()))
    build, calls = counting({"good": True})
    assert cached("thing", KEY, build) == {"good": True}
    assert calls == [1]
    assert cached("thing", KEY, build) == {"good": True} and calls == [1]  # replaced by a good entry


def test_an_entry_that_no_longer_unpickles_is_rebuilt(folder: Path) -> None:
    """An intact entry whose classes the code no longer has (or of another type) is rebuilt."""
    cached("thing", KEY, lambda: 1)
    entry = _entry(folder)
    header_and_sum = entry.read_bytes()[: -len(pickle.dumps(1, protocol=pickle.HIGHEST_PROTOCOL))]
    payload = b"\x80\x05cno_such_module\nNoSuchClass\n."
    import hashlib

    entry.write_bytes(header_and_sum[:-32] + hashlib.sha256(payload).digest() + payload)
    assert cached("thing", KEY, lambda: 2) == 2
    assert cached("thing", KEY, lambda: "a str", int) == 2  # the rebuilt entry, of the right type
    assert cached("thing", KEY, lambda: 3, str) == 3  # an int where a str is wanted: rebuilt


def test_an_entry_others_may_write_is_not_read(folder: Path) -> None:
    cached("thing", KEY, lambda: "mine")
    _entry(folder).chmod(0o666)
    assert cached("thing", KEY, lambda: "rebuilt") == "rebuilt"
    assert _entry(folder).stat().st_mode & 0o077 == 0


def test_a_folder_that_cannot_be_written_leaves_the_run_without_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("KHALDUN_CACHE_DIR", str(blocker / "cache"))
    build, calls = counting([1, 2])
    assert cached("thing", KEY, build) == cached("thing", KEY, build) == [1, 2]
    assert len(calls) == 2
    if os.geteuid() != 0:  # a read-only folder stops only users other than root
        readonly = tmp_path / "ro"
        readonly.mkdir(mode=0o500)
        monkeypatch.setenv("KHALDUN_CACHE_DIR", str(readonly))
        assert cached("thing", KEY, build) == [1, 2]
        assert not list(readonly.iterdir())


# -- what makes a new entry ----------------------------------------------------------------


def test_the_fingerprint_follows_file_contents_and_settings(tmp_path: Path) -> None:
    file = tmp_path / "actors.yaml"
    file.write_text("people: []\n")
    first = fingerprint(("fuzzy", 90.0), files=[file])
    assert fingerprint(("fuzzy", 90.0), files=[file]) == first
    assert fingerprint(("fuzzy", 85.0), files=[file]) != first
    file.write_text("people: [] \n")
    assert fingerprint(("fuzzy", 90.0), files=[file]) != first
    with pytest.raises(OSError):
        fingerprint(files=[tmp_path / "missing.yaml"])


def test_a_changed_data_file_changes_the_package_digest(tmp_path: Path) -> None:
    (tmp_path / "data" / "actors").mkdir(parents=True)
    (tmp_path / "module.py").write_text("X = 1\n")
    table = tmp_path / "data" / "actors" / "countries.tsv"
    table.write_text("iso3\tname\nIRQ\tIraq\n")
    before = tree_digest(tmp_path)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"compiled")
    assert tree_digest(tmp_path) == before  # compiled files do not count
    table.write_text("iso3\tname\nIRQ\tIraq\nIRN\tIran\n")
    assert tree_digest(tmp_path) != before


# -- the knowledge ----------------------------------------------------------------------------

PERSON = """\
format_version: 1
people:
  - id: zorin_vakh
    name: {name}
    country: IRQ
    aliases: [{name}]
    roles:
      - {{title: Governor of Basra, office: other, code: IRQGOV, start: 2020-01-01}}
"""


def test_the_knowledge_is_cached_and_a_changed_user_file_rebuilds_it(folder: Path, tmp_path: Path) -> None:
    actors = tmp_path / "actors.yaml"
    actors.write_text(PERSON.format(name="Zorin Vakh"))
    config = replace(load_config(), actor_files=(str(actors),))
    first = load_knowledge(config)
    assert load_knowledge(config) is first  # one per process
    assert first.kb.find_person("Zorin Vakh") is not None
    [entry] = folder.glob("knowledge-*.pickle")
    knowledge_module._loaded.clear()
    loaded = load_knowledge(config)  # from the entry, as a new process would
    assert loaded is not first and isinstance(loaded, Knowledge)
    assert loaded.kb.find_person("Zorin Vakh").person.id == "zorin_vakh"  # type: ignore[union-attr]
    assert loaded.ontology.cameo("042").name == first.ontology.cameo("042").name
    actors.write_text(PERSON.format(name="Zorin Vakhtang"))
    changed = load_knowledge(config)
    assert len(list(folder.glob("knowledge-*.pickle"))) == 2 and entry.exists()
    assert changed.kb.find_person("Zorin Vakhtang") is not None
    assert changed.kb.find_person("Zorin Vakh") is None


def test_the_cached_knowledge_answers_as_the_built_one(folder: Path) -> None:
    with_model = replace(load_config(), model_enabled=True)  # the cache holds the opt-in model too
    load_knowledge(with_model)
    knowledge_module._loaded.clear()
    cached_kn, built = load_knowledge(with_model), build_knowledge(with_model)
    for phrase in ("Iran", "Iraqi", "Tehran", "the United Nations", "Hezbollah", "police", "Kadhimi"):
        assert [h.kind for h in cached_kn.kb.lookup(phrase)] == [h.kind for h in built.kb.lookup(phrase)]
    for name in ("Mustafa al-Kadhimi", "Al-Kazemi", "Hassan Rouhani"):
        assert cached_kn.kb.find_person(name) == built.kb.find_person(name)
    assert cached_kn.gazetteer.resolve("Basra") == built.gazetteer.resolve("Basra")
    assert cached_kn.gazetteer.resolve("Mehrabad Airport") == built.gazetteer.resolve("Mehrabad Airport")
    assert cached_kn.lexicon is not None and cached_kn.opinion is not None
    assert cached_kn.model_actions == built.model_actions


def test_a_missing_user_file_is_reported_as_without_cache(folder: Path, tmp_path: Path) -> None:
    config = replace(load_config(), actor_files=(str(tmp_path / "missing.yaml"),))
    with pytest.raises(Exception, match="missing.yaml"):
        build_knowledge(config)
    with pytest.raises(Exception, match="missing.yaml"):
        load_knowledge(config)


def test_a_new_process_loads_the_entry(folder: Path) -> None:
    """The second process finds the knowledge the first one wrote (and builds nothing)."""
    script = (
        "import khaldun.knowledge.actors.builtin as b, khaldun.knowledge as k\n"
        "built = []\n"
        "original = b.BuiltinKB.__init__\n"
        "b.BuiltinKB.__init__ = lambda self, *a, **kw: (built.append(1), original(self, *a, **kw))[1]\n"
        "kn = k.load_knowledge()\n"
        "print(len(built), kn.gazetteer.resolve('Basra').country)\n"
    )
    env = {**os.environ, "KHALDUN_CACHE_DIR": str(folder)}
    runs = [
        subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True) for _ in "ab"
    ]
    assert [r.stdout.split() for r in runs] == [["1", "IRQ"], ["0", "IRQ"]], [r.stderr for r in runs]


# -- the cities ---------------------------------------------------------------------------------


def test_the_city_table_finds_what_the_dictionary_finds(folder: Path) -> None:
    cities = read_cities()
    table = CityTable(cities)
    assert len(table) == len(cities)
    for name in list(cities)[::97] + ["basra", "paris", "new york city", "sao paulo"]:
        assert table.get(name) == cities[name][0], name
        for city in cities[name]:  # a namesake in another country, asked for by country
            assert table.get(name, city.country_iso2) == city, (name, city.country_iso2)
    for missing in ("", "zzzz", "basra ", "a", "\uffff"):
        assert table.get(missing) is None
    load_cities.cache_clear()
    assert load_cities().get("basra") == cities["basra"][0]
    assert list(folder.glob("cities-*.pickle"))
