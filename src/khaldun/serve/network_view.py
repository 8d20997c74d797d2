"""The network a person can read: edges of the chosen QuadClasses, actors of no country hidden or
grouped, and the busiest actors only.

On 3,000 coded articles the whole network has some 650 actors and 1,500 edges, dominated by actors
with no country (``---``, ``---GOV``): drawn whole it is a tangle. This keeps the ``top`` actors by
events (as source or target, after the QuadClass and no-country choices) and the edges between them.
"""

from __future__ import annotations

from typing import Any, Literal

from khaldun.serve.labels import UNKNOWN, is_unknown

Unknown = Literal["hide", "group", "show"]


def merge_quads(edges: list[dict[str, Any]], quads: set[int] | None) -> list[dict[str, Any]]:
    """Edges (as :func:`khaldun.store.aggregates.network` gives them) from the per-QuadClass edges of
    :func:`~khaldun.store.aggregates.network_by_quad`, counting only the ``quads`` asked (all if None)."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for e in edges:
        if quads is not None and e["quad_class"] not in quads:
            continue
        edge = merged.setdefault(
            (e["source"], e["target"]),
            {
                "source": e["source"],
                "target": e["target"],
                "weight": 0,
                "goldstein_sum": 0.0,
                "cooperation": 0,
                "conflict": 0,
            },
        )
        edge["weight"] += e["weight"]
        edge["goldstein_sum"] += e["goldstein_sum"]
        if e["quad_class"] in (1, 2):
            edge["cooperation"] += e["weight"]
        elif e["quad_class"] in (3, 4):
            edge["conflict"] += e["weight"]
    out = []
    for edge in merged.values():
        edge["goldstein_sum"] = round(edge["goldstein_sum"], 3)
        edge["goldstein_mean"] = round(edge["goldstein_sum"] / edge["weight"], 3)
        out.append(edge)
    return sorted(out, key=lambda e: (-e["weight"], e["source"], e["target"]))


def handle_unknown(edges: list[dict[str, Any]], mode: Unknown) -> list[dict[str, Any]]:
    """``hide``: drop edges that touch an actor of no country; ``group``: make all such actors one
    node, ``---``; ``show``: keep them apart."""
    if mode == "show":
        return edges
    if mode == "hide":
        return [e for e in edges if not is_unknown(e["source"]) and not is_unknown(e["target"])]
    regrouped: dict[tuple[str, str], dict[str, Any]] = {}
    for e in edges:
        key = tuple(UNKNOWN if is_unknown(e[end]) else e[end] for end in ("source", "target"))
        edge = regrouped.get(key)  # type: ignore[arg-type]
        if edge is None:
            regrouped[key] = {**e, "source": key[0], "target": key[1]}  # type: ignore[index]
            continue
        for field in ("weight", "goldstein_sum", "cooperation", "conflict"):
            edge[field] += e[field]
        edge["goldstein_mean"] = round(edge["goldstein_sum"] / edge["weight"], 3)
    return sorted(regrouped.values(), key=lambda e: (-e["weight"], e["source"], e["target"]))


def nodes_of(edges: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each actor of the edges with its events as source (out) and target (in), busiest first."""
    weights: dict[str, dict[str, Any]] = {}
    for edge in edges:
        for end, direction in (("source", "out"), ("target", "in")):
            node = weights.setdefault(edge[end], {"id": edge[end], "out": 0, "in": 0})
            node[direction] += edge["weight"]
    return sorted(weights.values(), key=lambda n: (-(n["out"] + n["in"]), n["id"]))


def readable(
    edges_by_quad: list[dict[str, Any]], *, quads: set[int] | None, unknown: Unknown, top: int | None
) -> dict[str, Any]:
    """Nodes and edges to draw, and how many of each the whole network had."""
    edges = handle_unknown(merge_quads(edges_by_quad, quads), unknown)
    nodes = nodes_of(edges)
    kept_nodes = nodes if top is None else nodes[:top]
    kept = {n["id"] for n in kept_nodes}
    kept_edges = [e for e in edges if e["source"] in kept and e["target"] in kept]
    return {
        "nodes": kept_nodes,
        "edges": kept_edges,
        "total_nodes": len(nodes),
        "total_edges": len(edges),
    }
