"""Partitions: the inputs of a run cut into pieces a worker reads, codes and returns in one task.

The client plans them (:func:`plan_partitions`) from the paths given, in the
order the plain ingest reads them (:func:`~khaldun.corpus.readers.iter_files`):

- small files are grouped, in order, until a partition holds about
  ``target`` bytes;
- a JSON Lines or CSV file larger than ``target`` is cut into **byte ranges**
  of about ``target`` bytes, each starting at a record: a JSON line, or a CSV
  row (found with the csv module itself, so a quoted field that spans lines
  is never cut). The client reads such a file once, sequentially, to find the
  cuts and the line number each range starts at, so that an error in a range
  names the same line as the plain ingest does;
- a file is not cut when a range could not be read as the whole file is: not
  UTF-8, binary, a CSV with no text column, a malformed CSV row or a bare
  carriage return (the whole file then goes to one worker, whose reader
  reports it exactly as the plain ingest would);
- a feed URL is a partition of its own.

A partition's ``key`` is stable across runs (paths, ranges, file sizes and
modification times), so a partition is known again when a run is started again.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from khaldun.corpus.readers import ReadOptions, format_for, iter_files
from khaldun.corpus.readers.base import BOMS, decode_text, sniff_encoding
from khaldun.errors import InputError

DEFAULT_PARTITION_BYTES = 1 << 20  # ~300 news articles: about 15 s of coding for one worker
SPLITTABLE = ("jsonl", "csv")
_HEAD = 8192  # bytes the readers sniff an encoding and binary content from


@dataclass(frozen=True)
class Segment:
    """A whole file (``end`` None), or the byte range ``[start, end)`` of a JSON Lines or CSV file."""

    path: str  # a file path or a feed URL
    fmt: str  # reader name, or "auto" (by extension, as read_corpus does)
    size: int  # bytes of input this segment covers (0 for a URL)
    start: int = 0
    end: int | None = None
    first_line: int = 1  # the line number of the line at ``start``
    header_end: int = 0  # CSV range after the first: bytes [0, header_end) are the header row

    @property
    def whole(self) -> bool:
        return self.end is None


@dataclass(frozen=True)
class Partition:
    index: int  # position in the run: results are written in this order
    segments: tuple[Segment, ...]
    key: str  # stable across runs of the same inputs

    @property
    def size(self) -> int:
        return sum(s.size for s in self.segments)

    def describe(self) -> str:
        first = self.segments[0]
        where = first.path if first.whole else f"{first.path} bytes {first.start}-{first.end}"
        more = len(self.segments) - 1
        return f"partition {self.index} ({where}{f' and {more} more files' if more else ''})"


@dataclass(frozen=True)
class Plan:
    partitions: tuple[Partition, ...]
    errors: tuple[InputError, ...]  # inputs that cannot be read at all (missing, links out of a folder)

    @property
    def size(self) -> int:
        return sum(p.size for p in self.partitions)


_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "kib": 2**10, "mib": 2**20, "gib": 2**30}


def parse_size(text: str) -> int:
    """``4MiB``, ``500kB``, ``1048576``: a number of bytes; an :class:`InputError` otherwise."""
    value = text.strip().lower().replace(" ", "")
    number = value.rstrip("kmgib")
    unit = value[len(number) :]
    try:
        size = int(float(number) * _UNITS[unit])
    except (KeyError, ValueError):
        raise InputError(
            f"{text!r} is not a size: give bytes, or a number with kB, MB, GB, KiB, MiB or GiB"
        ) from None
    if size <= 0:
        raise InputError(f"{text!r}: a partition must be at least one byte")
    return size


def plan_partitions(
    paths: list[str],
    options: ReadOptions,
    *,
    fmt: str = "auto",
    target: int = DEFAULT_PARTITION_BYTES,
    absolute: bool = False,
) -> Plan:
    """Partitions of about ``target`` bytes over ``paths``, in reading order.

    ``absolute``: name files by absolute path (workers on other machines have
    another working folder; the inputs must be on storage they all see).
    """
    if target <= 0:
        raise InputError(f"partition size {target} must be a positive number of bytes")
    errors: list[InputError] = []
    partitions: list[Partition] = []
    group: list[Segment] = []

    def close_group() -> None:
        if group:
            partitions.append(_partition(len(partitions), group))
            group.clear()

    for item in iter_files(paths, follow_links=options.follow_links):
        if isinstance(item, InputError):
            errors.append(item)
            continue
        if isinstance(item, str):  # a feed URL
            close_group()
            group.append(Segment(item, fmt, 0))
            close_group()
            continue
        name = str(item.resolve()) if absolute else str(item)
        for segment in _file_segments(Path(name), options, fmt, target):
            if not segment.whole or sum(s.size for s in group) + segment.size > target:
                close_group()
            group.append(segment)
            if not segment.whole:
                close_group()
    close_group()
    return Plan(tuple(partitions), tuple(errors))


def _partition(index: int, segments: list[Segment]) -> Partition:
    digest = hashlib.sha256()
    for s in segments:
        stamp = _stamp(s.path)
        digest.update(f"{s.path}\x1f{s.fmt}\x1f{s.start}\x1f{s.end}\x1f{stamp}\x1e".encode())
    return Partition(index, tuple(segments), digest.hexdigest()[:16])


def _stamp(path: str) -> str:
    try:
        info = os.stat(path)
    except OSError:
        return "-"
    return f"{info.st_size}:{info.st_mtime_ns}"


def _file_segments(path: Path, options: ReadOptions, fmt: str, target: int) -> Iterator[Segment]:
    size = _size(path)
    kind = format_for(path) if fmt == "auto" else fmt
    if size <= target or kind not in SPLITTABLE or not _splittable_head(path, kind):
        yield Segment(str(path), fmt, size)
        return
    ranges, header_end = (
        (_jsonl_ranges(path, target), 0) if kind == "jsonl" else _csv_ranges(path, target, options)
    )
    if len(ranges) < 2:
        yield Segment(str(path), fmt, size)
        return
    for number, (start, end, first_line) in enumerate(ranges):
        yield Segment(
            str(path),
            kind,
            end - start,
            start=start,
            end=end,
            first_line=first_line,
            header_end=header_end if number else 0,
        )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _splittable_head(path: Path, kind: str) -> bool:
    """No UTF-16/32 mark (the JSON Lines reader refuses the whole file); for a CSV file, which is
    decoded whole, UTF-8 text with nothing binary, as its reader judges the head of a file."""
    try:
        with path.open("rb") as stream:
            head = stream.read(_HEAD)
    except OSError:
        return False  # its reader reports it
    if any(head.startswith(bom) for bom, name in BOMS if name != "utf-8-sig"):
        return False
    if kind == "jsonl":
        return True  # read line by line, each line's bytes on their own, whole file or range
    if sniff_encoding(head) != "utf-8":
        return False
    cut = head.rfind(b"\n")
    try:
        decode_text(head[: cut + 1] if cut > 0 else head, str(path))
    except InputError:
        return False
    return True


# A range: (start byte, end byte, number of its first line).
Range = tuple[int, int, int]


def _jsonl_ranges(path: Path, target: int) -> list[Range]:
    """Ranges of whole lines, each of about ``target`` bytes and holding a non-blank line."""
    ranges: list[Range] = []
    start, first, pos, line, filled = 0, 1, 0, 0, False
    with path.open("rb") as stream:
        for raw in stream:
            pos += len(raw)
            line += 1
            filled = filled or bool(raw.strip())
            if filled and pos - start >= target:
                ranges.append((start, pos, first))
                start, first, filled = pos, line + 1, False
    if pos > start:
        if filled or not ranges:
            ranges.append((start, pos, first))
        else:  # only blank lines after the last cut: they go to the last range
            ranges[-1] = (ranges[-1][0], pos, ranges[-1][2])
    return ranges


def _csv_ranges(path: Path, target: int, options: ReadOptions) -> tuple[list[Range], int]:
    """Ranges of whole CSV rows (the first holds the header), and the byte where the header row
    ends; no ranges when the file must be read whole (see the module's notes)."""
    delimiter = options.delimiter or ("\t" if path.suffix.lower() == ".tsv" else ",")
    with path.open("rb") as stream:
        lines = _CsvLines(stream)
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        try:
            header = next(reader)
            header_end = lines.pos
            if options.text_column not in header:
                return [], 0
            ranges: list[Range] = []
            start, first = 0, 1
            for _ in reader:
                if lines.pos - start >= target:
                    ranges.append((start, lines.pos, first))
                    start, first = lines.pos, reader.line_num + 1
        except (StopIteration, csv.Error, UnicodeDecodeError, _NotSplittable):
            return [], 0
    if lines.pos > start:
        ranges.append((start, lines.pos, first))
    return ranges, header_end


class _NotSplittable(Exception):
    """A line the plain reader would read otherwise than line by line (a bare carriage return)."""


class _CsvLines:
    """The lines of a binary file as the CSV reader sees them once the file is decoded, with the
    byte offset reached so far (after the last line handed out)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.pos = 0

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        raw = next(self.stream)
        if self.pos == 0:
            self.pos += len(raw)
            raw = raw.removeprefix(codecs.BOM_UTF8)
        else:
            self.pos += len(raw)
        text = raw.decode("utf-8").replace("\r\n", "\n").replace("\x00", "")
        if "\r" in text:
            raise _NotSplittable
        return text
