"""Dashboard load times in Chromium, page by page, and the screenshots of docs/screenshots.

Builds a synthetic store of ``--documents`` articles (tests/serve/synthetic.py: events written straight
into the store through its write API, with the shapes of coded news; 3,000 articles give about 12,200
raw and 9,100 clustered events), or uses ``--db``. Serves it with ``khaldun serve`` (its own process, as
a user runs it) on a free localhost port and opens each page in a fresh browser context (an empty
cache) in Debian's /usr/bin/chromium, timing from the navigation to the moment the page's script marks
it drawn (``html[data-ready=true]``: every chart and table it loads at first is in the page). Prints the
median and the slowest of ``--repeat`` loads.

    python benchmarks/dashboard.py [--documents 3000] [--repeat 5] [--db STORE]
    python benchmarks/dashboard.py --screenshots docs/screenshots   # also save a PNG of every page
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the synthetic store and the browser set-up live with the tests

from tests.serve.browser_support import free_port  # noqa: E402

# (label, path, screenshot name): the pages a researcher opens, with their defaults.
PAGES = [
    ("overview", "/", "overview"),
    ("events", "/events", "events"),
    ("event", "/events/{event}", "event"),
    ("dyads (no input: busiest dyad)", "/dyads", "dyads"),
    ("network (default: top 40)", "/network", "network"),
    ("map", "/map", "map"),
    ("actors", "/actors", "actors"),
    ("actor", "/actors/IRQGOV", "actor"),
    ("code a text", "/code", None),
    ("network, whole (every actor shown)", "/network?top=2000&unknown=show&modality=any", None),
]
CODE_TEXT = (
    "Iraqi Prime Minister Mustafa al-Kadhimi met Iranian President Hassan Rouhani in Tehran on Monday. "
    "Iran criticized the United States on Tuesday."
)


def load_time(browser, url: str) -> float:
    """Seconds from navigation to the page's ready mark, in a fresh context (empty cache)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    start = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("html[data-ready=true]")
    page.wait_for_load_state("load")  # scripts and styles in too
    seconds = time.perf_counter() - start
    context.close()
    if errors:
        raise SystemExit(f"error: {url}: {errors[0]}")
    return seconds


def screenshot(browser, url: str, path: Path, name: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(url)
    page.wait_for_selector("html[data-ready=true]")
    if name == "dyads":  # show the events of the busiest period
        page.locator("#dyad-chart rect.point").nth(_busiest(page)).click()
        page.locator("#point-events tbody tr").first.wait_for()
    if name == "code":
        page.fill("#code-text", CODE_TEXT)
        page.fill("input[name=published]", "2021-01-12")
        page.click("#code-button")
        page.locator("li.coded-event").first.wait_for()
    height = min(page.evaluate("() => document.documentElement.scrollHeight"), 2000)  # long tables cut
    png = path / f"{name}.png"
    page.screenshot(path=str(png), full_page=True, clip={"x": 0, "y": 0, "width": 1280, "height": height})
    context.close()
    shrink(png)


def shrink(png: Path) -> None:
    """256 colours are plenty for a page of charts and text: a third of the bytes in the repository.
    Done when Pillow is installed (it is not a dependency of khaldun); else the PNG stays as it is."""
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(png) as image:
        small = image.convert("RGB").quantize(
            colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
        )
    small.save(png, optimize=True)


def _busiest(page) -> int:
    titles = page.locator("#dyad-chart rect.point title").all_text_contents()
    counts = [int(t.split(": ", 1)[1].split(" ", 1)[0]) for t in titles]
    return counts.index(max(counts))


@contextmanager
def khaldun_serve(db: str) -> Iterator[str]:
    """``khaldun serve`` on the store, in its own process as a user runs it: its base URL."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "khaldun",
        "serve",
        "--db",
        db,
        "--port",
        str(port),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/api/health", timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(
                        f"error: khaldun serve did not start (exit status {server.poll()})"
                    ) from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5, help="loads a page (0: screenshots only)")
    parser.add_argument("--db", help="an existing store to serve instead of a synthetic one")
    parser.add_argument("--screenshots", type=Path, help="save a PNG of every page into this folder")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright
    from tests.serve.browser_support import CHROMIUM, FLAGS
    from tests.serve.synthetic import build_synthetic

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = str(Path(tmp) / "dashboard.duckdb")
            start = time.perf_counter()
            counts = build_synthetic(db, args.documents)
            print(
                f"store: {counts['documents']:,} synthetic articles, {counts['events']:,} raw and "
                f"{counts['clusters']:,} clustered events, built in {time.perf_counter() - start:.1f} s",
                file=sys.stderr,
            )
        with khaldun_serve(db) as base, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            event = browser.new_page().request.get(base + "/api/events?limit=1&text=talks").json()["data"]
            paths = [
                (label, path.format(event=event[0]["event_id"] if event else "none"), name)
                for label, path, name in PAGES
            ]
            if args.repeat:
                print(f"Chromium, fresh context per load, {args.repeat} loads a page (time to drawn)")
                print(f"{'page':40} {'median s':>9} {'slowest s':>10}")
            for label, path, _ in paths if args.repeat else ():
                times = sorted(load_time(browser, base + path) for _ in range(args.repeat))
                print(f"{label:40} {statistics.median(times):9.2f} {times[-1]:10.2f}")
            if args.screenshots:
                args.screenshots.mkdir(parents=True, exist_ok=True)
                for _, path, name in paths:
                    if name:
                        screenshot(browser, base + path, args.screenshots, name)
                screenshot(browser, base + "/code", args.screenshots, "code")
                print(f"screenshots in {args.screenshots}", file=sys.stderr)
            browser.close()


if __name__ == "__main__":
    main()
