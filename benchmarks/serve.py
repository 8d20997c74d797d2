"""API latency: events pages, dyad series, the network and the dashboard's charts, over a synthetic store.

Builds a DuckDB store of ``--events`` raw events (synthesized by hand: 40
actors, 20 CAMEO roots, three years, placed in a dozen cities, ten reports
a document), clusters it, then times the API in process (FastAPI's
TestClient, no network) and prints median and 95th-percentile latency.

    python benchmarks/serve.py [--events 200000] [--repeat 50]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ACTORS = [
    f"{c}{s}"
    for c in ("IRQ", "IRN", "USA", "SAU", "TUR", "SYR", "ISR", "JOR")
    for s in ("", "GOV", "MIL", "OPP", "BUS")
]
ROOTS = {
    "01": (1, 0.0),
    "04": (1, 1.0),
    "05": (1, 3.4),
    "06": (2, 6.0),
    "07": (2, 7.0),
    "11": (3, -2.0),
    "12": (3, -4.0),
    "13": (3, -4.4),
    "17": (4, -5.0),
    "19": (4, -10.0),
}
PLACES = [
    ("Baghdad", "IRQ", 33.34, 44.4),
    ("Tehran", "IRN", 35.69, 51.42),
    ("Riyadh", "SAU", 24.69, 46.72),
    ("Ankara", "TUR", 39.92, 32.85),
    ("Damascus", "SYR", 33.51, 36.29),
    ("Amman", "JOR", 31.95, 35.93),
    (None, None, None, None),
]


def synth_event(i: int, rng: random.Random) -> tuple[dict[str, Any], str]:
    doc = f"doc{i // 10}"
    src, tgt = rng.sample(ACTORS, 2)
    root = rng.choice(list(ROOTS))
    quad, goldstein = ROOTS[root]
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
    name, country, lat, lon = rng.choice(PLACES)

    def actor(code: str) -> dict[str, Any]:
        return {
            "text": code,
            "id": f"bench:{code}",
            "name": code,
            "code": code,
            "country": code[:3],
            "sector": code[3:] or None,
            "known": True,
        }

    sentence = f"{src} and {tgt} event {i} in report {doc}."
    return {
        "doc_id": doc,
        "event_id": f"e{i}",
        "source": actor(src),
        "target": actor(tgt),
        "cameo": root + "0",
        "cameo_name": f"code {root}0",
        "root": root,
        "plover": "X",
        "plover_mode": None,
        "quad_class": quad,
        "goldstein": goldstein,
        "modality": rng.choice(["asserted"] * 4 + ["planned"]),
        "date": {"value": day.isoformat(), "precision": "day", "text": None},
        "location": {
            "name": name,
            "country": country,
            "admin1": None,
            "lat": lat,
            "lon": lon,
            "gazetteer_id": None,
            "text": name,
        }
        if name
        else None,
        "amount": None,
        "evidence": {
            "sentence": sentence,
            "start": 0,
            "end": len(sentence),
            "trigger": {"text": "event", "start": 10, "end": 15},
        },
        "confidence": 0.9,
        "rule": "bench",
    }, doc


def build(path: str, n: int) -> float:
    from khaldun.corpus.clusters import rebuild_clusters
    from khaldun.store import Batch, open_store
    from khaldun.store.rows import event_row

    rng = random.Random(7)
    start = time.perf_counter()
    with open_store(path) as store:
        for lo in range(0, n, 50_000):
            events, docs = [], {}
            for i in range(lo, min(lo + 50_000, n)):
                ev, doc = synth_event(i, rng)
                events.append(event_row(ev))
                docs[doc] = (
                    doc,
                    f"h{doc}",
                    doc,
                    "Bench Wire",
                    None,
                    dt.date(2019, 1, 1),
                    "input",
                    "en",
                    40,
                    f"text of {doc}",
                    None,
                    "coded",
                    None,
                    None,
                    10,
                    dt.datetime(2024, 1, 1),
                )
            store.write_batch(Batch(documents=list(docs.values()), events=events))
        rebuild_clusters(store)
    return time.perf_counter() - start


def timed(client: Any, url: str, repeat: int) -> tuple[float, float, int]:
    client.get(url)  # warm
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - t) * 1000)
        assert r.status_code == 200, r.text
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], len(r.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    from fastapi.testclient import TestClient

    from khaldun.serve import ServeSettings, create_app

    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.duckdb")
        seconds = build(db, args.events)
        print(f"store: {args.events:,} raw events built and clustered in {seconds:.1f} s", file=sys.stderr)
        with TestClient(create_app(ServeSettings(db=db))) as client:
            clusters = client.get("/api/health").json()["data"]["summary"]["clusters"]
            print(f"{args.events:,} raw events, {clusters:,} clustered; {args.repeat} requests each")
            print(f"{'request':62} {'median ms':>10} {'p95 ms':>8} {'bytes':>9}")
            for label, url in [
                ("events page (50, raw, by date)", "/api/events?limit=50"),
                (
                    "events page (50, raw, offset 10000, -goldstein)",
                    "/api/events?limit=50&offset=10000&sort=-goldstein",
                ),
                (
                    "events page (50, clustered, actor IRQGOV, 2020)",
                    "/api/events?limit=50&level=clustered&actor=IRQGOV&since=2020-01-01&until=2020-12-31",
                ),
                (
                    "events page (50, raw, text search 'report doc7')",
                    "/api/events?limit=50&text=report%20doc7",
                ),
                ("dyad series IRQ-IRN by month (clustered)", "/api/dyads?a=IRQ&b=IRN&by=month"),
                (
                    "dyad series IRQGOV-USA by week (raw, any modality)",
                    "/api/dyads?a=IRQGOV&b=USA&by=week&level=raw&modality=any",
                ),
                (
                    "dyad point: events of IRQ-IRN in 2020-03",
                    "/api/dyads/events?a=IRQ&b=IRN&period=2020-03-01",
                ),
                ("network, one year (clustered)", "/api/network?since=2020-01-01&until=2020-12-31"),
                ("overview (whole store, auto period)", "/api/overview"),
                ("QuadClass series of one actor (raw)", "/api/series?actor=IRQGOV&level=raw"),
                ("top dyads (countries)", "/api/dyads/top"),
                (
                    "network, dashboard default (top 40, no-country hidden)",
                    "/api/network?top=40&unknown=hide&quad=1&quad=2&quad=3&quad=4",
                ),
                ("countries for the map (by place)", "/api/map/countries"),
                ("actor codes to autocomplete ('ir')", "/api/actor-codes?q=ir"),
            ]:
                median, p95, size = timed(client, url, args.repeat)
                print(f"{label:62} {median:10.1f} {p95:8.1f} {size:9,}")


if __name__ == "__main__":
    main()
