"""Where the evidence of an event lies in its text: spans to highlight, and the text cut at them.

Offsets of the sentence and the trigger are stored; the words of the source,
target, date and place are found inside the sentence (first occurrence that
does not overlap a span already placed).
"""

from __future__ import annotations

from typing import Any

KINDS = ("trigger", "source", "target", "date", "place")


def _find(sentence: str, words: str, taken: list[tuple[int, int]]) -> tuple[int, int] | None:
    for haystack, needle in ((sentence, words), (sentence.lower(), words.lower())):
        start = haystack.find(needle)
        while start >= 0:
            end = start + len(needle)
            if all(end <= a or start >= b for a, b in taken):
                return start, end
            start = haystack.find(needle, start + 1)
    return None


def highlights(event: dict[str, Any]) -> list[dict[str, Any]]:
    """Spans (kind, start, end: offsets into the document) of an event's evidence, sorted."""
    ev = event.get("evidence") or {}
    sentence, base = ev.get("sentence") or "", ev.get("start")
    if base is None or not sentence:
        return []
    spans: list[dict[str, Any]] = []
    taken: list[tuple[int, int]] = []
    trig = ev.get("trigger") or {}
    if trig.get("start") is not None and trig.get("end") is not None:
        spans.append({"kind": "trigger", "start": trig["start"], "end": trig["end"]})
        taken.append((trig["start"] - base, trig["end"] - base))
    words = {
        "source": (event.get("source") or {}).get("text"),
        "target": (event.get("target") or {}).get("text"),
        "date": (event.get("date") or {}).get("text"),
        "place": (event.get("location") or {}).get("text"),
    }
    for kind, text in words.items():
        if not text:
            continue
        found = _find(sentence, text, taken)
        if found:
            taken.append(found)
            spans.append({"kind": kind, "start": base + found[0], "end": base + found[1]})
    return sorted(spans, key=lambda s: (s["start"], s["end"]))


def segments(text: str, start: int, end: int, spans: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
    """``text[start:end]`` cut into (words, kind or None) pieces at the spans inside it."""
    out: list[tuple[str, str | None]] = []
    at = start
    for span in spans:
        s, e = max(span["start"], at), min(span["end"], end)
        if s >= e:
            continue
        if s > at:
            out.append((text[at:s], None))
        out.append((text[s:e], span["kind"]))
        at = e
    if at < end:
        out.append((text[at:end], None))
    return out


def article(text: str, event: dict[str, Any]) -> dict[str, Any]:
    """The article cut for display: before the sentence, the sentence in pieces, after it."""
    ev = event.get("evidence") or {}
    s, e = ev.get("start"), ev.get("end")
    if s is None or e is None or e > len(text) or text[s:e] != ev.get("sentence"):
        return {"before": text, "sentence": [], "after": ""}
    return {"before": text[:s], "sentence": segments(text, s, e, highlights(event)), "after": text[e:]}
