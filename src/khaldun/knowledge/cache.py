"""The compiled knowledge cache: what ``data/`` builds, kept ready to load.

Reading the data files (the people YAML, the actor tables, GeoNames' cities) and
indexing them takes about a second and a half; loading the result takes a tenth of
that. So the first run builds each piece, writes it to the user's cache folder,
and later runs load it. Every entry is named by a fingerprint of all it was built
from — khaldun's version, its source and data files (by content), the files and
settings of the configuration, the Python and library versions — so a change to
any of these builds a new entry; nothing needs clearing by hand.

The folder is ``$KHALDUN_CACHE_DIR``, else ``$XDG_CACHE_HOME/khaldun``, else
``~/.cache/khaldun``; ``KHALDUN_CACHE_DIR=off`` turns the cache off. Deleting the
folder is always safe. A folder that cannot be written, an entry that is
truncated, altered or from another version, or one that another user could have
written, is passed over: the knowledge is built from the data files as without a
cache, and the run goes on.

Entries are pickles, which run code when loaded: they are read only from files
this user owns that no one else may write, in a folder made private (0700), and
each carries a SHA-256 of its contents, checked before it is unpickled.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

ENV_DIR = "KHALDUN_CACHE_DIR"
OFF = "off"
# Bumped when the layout of an entry changes.
FORMAT = 1
_MAGIC = b"khaldun-knowledge-cache\n"
_DIGEST = 32  # bytes of SHA-256
# Entries of one name kept (one per configuration in use); older ones are removed.
_KEEP = 4


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    chosen = os.environ.get(ENV_DIR, "").strip()
    if chosen.lower() == OFF:
        return None
    if chosen:
        return Path(chosen).expanduser()
    base = os.environ.get("XDG_CACHE_HOME", "").strip()
    # The XDG rule: a relative XDG_CACHE_HOME is invalid and ignored.
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "khaldun"


def fingerprint(*parts: object, files: Iterable[str | os.PathLike[str]] = ()) -> str:
    """A digest of ``parts`` (by ``repr``) and of the contents of ``files``, with the format,
    khaldun's own source and data, and the Python that will unpickle the entry.
    OSError for a file that cannot be read (the caller builds without the cache)."""
    digest = hashlib.sha256()
    for part in (FORMAT, sys.version, sys.implementation.cache_tag, package_digest(), *parts):
        digest.update(repr(part).encode("utf-8", "surrogatepass") + b"\0")
    for file in files:
        path = Path(file).resolve()
        digest.update(str(path).encode("utf-8", "surrogatepass") + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def package_digest() -> str:
    """A digest of every file of the installed khaldun package (code and data), by content:
    a new version, an edited data file or a changed module gives a new fingerprint."""
    import khaldun

    return khaldun.__version__ + ":" + tree_digest(Path(khaldun.__file__).resolve().parent)


def tree_digest(root: Path) -> str:
    """A digest of the names and contents of the files under ``root`` (caches left out)."""
    digest = hashlib.sha256()
    for path in sorted(_package_files(root)):
        digest.update(str(path.relative_to(root)).encode("utf-8", "surrogatepass") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _package_files(root: Path) -> Iterable[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != "__pycache__" and not d.startswith(".")]
        for name in files:
            if not name.endswith((".pyc", ".pyo")) and not name.startswith("."):
                yield Path(folder) / name


def cached(name: str, key: str, build: Callable[[], T], kind: type | tuple[type, ...] = object) -> T:
    """The object ``build()`` returns, loaded from the cache entry ``name``/``key`` when there is a
    good one (of type ``kind``), else built and written there for the next run."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key[:40]}.pickle"
    found = _load(path, key, kind)
    if found is not None:
        return found
    value = build()
    _store(folder, path, key, value, name)
    return value


def _load(path: Path, key: str, kind: type | tuple[type, ...]) -> object | None:
    """The entry at ``path``, or None when it is missing, not safe to read, or not intact."""
    try:
        with open(path, "rb") as file:
            if not _private(os.fstat(file.fileno())):
                return None
            data = file.read()
    except OSError:
        return None
    header = _MAGIC + key.encode("ascii") + b"\n"
    if not data.startswith(header):
        return None
    checksum, payload = data[len(header) : len(header) + _DIGEST], data[len(header) + _DIGEST :]
    if hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        value = _unpickle(payload)
    except Exception:  # an entry that no longer fits the code is simply rebuilt
        return None
    return value if isinstance(value, kind) else None


def _unpickle(payload: bytes) -> object:
    # Unpickling makes a few hundred thousand objects: a collection every 700 of them would
    # scan the growing heap again and again (this makes loading four times slower).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(payload)
    finally:
        if enabled:
            gc.enable()


def _private(info: os.stat_result) -> bool:
    """A regular file of this user that no one else may write."""
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISREG(info.st_mode) and owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _store(folder: Path, path: Path, key: str, value: object, name: str) -> None:
    """Write the entry atomically (a reader sees the old file or the whole new one); a folder
    that cannot be written leaves the run without a cache, nothing more."""
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an object of the user's that cannot be pickled: no cache for it
        return
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(_MAGIC + key.encode("ascii") + b"\n")
                file.write(hashlib.sha256(payload).digest())
                file.write(payload)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        _prune(folder, name, keep=path)
    except OSError:
        return


def _prune(folder: Path, name: str, keep: Path) -> None:
    """Remove the oldest entries of ``name`` beyond the last ``_KEEP``."""
    entries = sorted(
        (p for p in folder.glob(f"{name}-*.pickle") if p != keep),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for old in entries[_KEEP - 1 :]:
        old.unlink(missing_ok=True)


def clear_cache() -> int:
    """Remove every entry of the cache folder; returns how many were removed."""
    folder = cache_dir()
    if folder is None or not folder.is_dir():
        return 0
    removed = 0
    for entry in folder.glob("*.pickle"):
        entry.unlink(missing_ok=True)
        removed += 1
    return removed


__all__ = ["ENV_DIR", "cache_dir", "cached", "clear_cache", "fingerprint", "package_digest"]
