"""Filter values checked before a query runs: a mistyped value is an error, never an empty answer.

A modality, CAMEO code or root, or PLOVER type must be one the ontology
knows (:mod:`khaldun.knowledge.ontology`, and the modalities of
:class:`khaldun.model.Modality`); the error lists the valid values. An actor
value (a code, country or actor id, as :class:`EventFilter` takes it) must
name at least one stored event; the error gives the closest known ones
(rapidfuzz). A valid value that matches no event under the other filters is
an honest empty answer, and stays one.

The read layer (:mod:`khaldun.store.queries`, :mod:`khaldun.store.aggregates`)
calls :func:`check_filter` and :func:`check_actors`, so the CLI and the API
refuse the same values (the API answers 400 with the message).
"""

from __future__ import annotations

import re

from khaldun.errors import QueryError
from khaldun.store.base import Store
from khaldun.store.filters import EventFilter, actor_clause

# Suggestions given for an unknown actor or code.
_SUGGESTIONS = 5
_CODE_RE = re.compile(r"[0-9]{2,4}")


def check_filter(store: Store, f: EventFilter) -> None:
    """Every value of ``f`` checked (see the module): a :class:`QueryError` for the first bad one."""
    if f.modality:
        _check_modality(f.modality)
    if f.root:
        _check_root(f.root)
    if f.code:
        _check_code(store, f.code)
    if f.plover:
        _check_plover(f.plover)
    check_actors(store, *filter_actors(f))


def filter_actors(f: EventFilter) -> list[str]:
    """The actor values of a filter: actor, source, target and both ends of a dyad."""
    values = [f.actor, f.source, f.target, *(f.dyad or ())]
    return [v for v in values if v]


def check_actors(store: Store, *values: str) -> None:
    """Each actor value must name at least one stored event (as source or target)."""
    for value in dict.fromkeys(values):
        if not _names_an_event(store, value):
            raise QueryError(_unknown_actor(store, value))


def _check_modality(value: str) -> None:
    from khaldun.model import Modality

    valid = [m.value for m in Modality]
    if value.lower() not in valid:
        raise QueryError(f"unknown modality {value!r}; choose one of {', '.join(valid)}")


def _check_root(value: str) -> None:
    from khaldun.knowledge.ontology import load_ontology

    roots = [c.code for c in load_ontology().cameo_codes() if len(c.code) == 2]
    if value not in roots:
        raise QueryError(f"unknown CAMEO root {value!r} (two digits); choose one of {', '.join(roots)}")


def _check_code(store: Store, value: str) -> None:
    """A code of the ontology, or one that stored events have (codes of a CAMEO extension)."""
    from khaldun.knowledge.ontology import load_ontology

    ontology = load_ontology()
    if ontology.has_cameo(value):
        return
    if _CODE_RE.fullmatch(value) and store.fetch(
        "SELECT 1 AS hit FROM events WHERE cameo = ? LIMIT 1", [value]
    ):
        return
    codes = [c.code for c in ontology.cameo_codes()]
    names = {c.code: c.name for c in ontology.cameo_codes()}
    close = _closest(value, codes, padded="0" + value)
    listed = ", ".join(f"{c} ({names[c]})" for c in close)
    raise QueryError(
        f"unknown CAMEO code {value!r}; close codes: {listed or 'none'}. A CAMEO code has 2-4 digits "
        "with its leading zero: a root 01-20 or one of its sub-codes (042 matches 042 and 0421)"
    )


def _check_plover(value: str) -> None:
    from khaldun.knowledge.ontology import load_ontology

    valid = [t.type for t in load_ontology().plover_types()]
    if value.upper() not in valid:
        raise QueryError(f"unknown PLOVER type {value!r}; choose one of {', '.join(valid)}")


def _names_an_event(store: Store, value: str) -> bool:
    src, p1 = actor_clause("source", value)
    tgt, p2 = actor_clause("target", value)
    return bool(store.fetch(f"SELECT 1 AS hit FROM events x WHERE {src} OR {tgt} LIMIT 1", [*p1, *p2]))


# Every actor code, country and id the events name, most frequent first.
_KNOWN_ACTORS = " UNION ALL ".join(
    f"SELECT {role}_{part} AS v FROM events"
    for role in ("source", "target")
    for part in ("code", "country", "id")
)
_KNOWN_SQL = (
    f"SELECT a.v, COUNT(*) AS n FROM ({_KNOWN_ACTORS}) a WHERE a.v IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
)


def _unknown_actor(store: Store, value: str) -> str:
    known = [str(r["v"]) for r in store.fetch(_KNOWN_SQL)]
    head = f"no stored event names the actor {value!r} (as a code, country or actor id)"
    if not known:
        return f"{head}: the store has no events yet"
    close = _closest(value, known)
    if not close:
        return f"{head}; none known is close, the most frequent are: {', '.join(known[:_SUGGESTIONS])}"
    return f"{head}; closest known: {', '.join(close)}"


def _closest(value: str, candidates: list[str], *, padded: str | None = None) -> list[str]:
    """Up to five candidates nearest ``value`` by edit distance (ties: the earlier candidate first)."""
    from rapidfuzz import fuzz, process, utils

    found = [padded] if padded in candidates else []
    hits = process.extract(
        value, candidates, scorer=fuzz.ratio, processor=utils.default_process, limit=_SUGGESTIONS + 1
    )
    found += [choice for choice, score, _ in hits if score > 0]
    return list(dict.fromkeys(found))[:_SUGGESTIONS]


__all__ = ["check_actors", "check_filter", "filter_actors"]
