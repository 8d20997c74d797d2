"""Vendor the dashboard's JavaScript libraries and world outlines from npm into the package.

The dashboard loads nothing from another host, so the charting libraries and the country outlines ship
inside the package, in ``src/khaldun/serve/static/vendor/``. This script fetches each pinned npm package
with ``npm pack`` into a temporary folder (nothing is installed, no package script runs), checks the
tarball against the integrity npm reports, copies the minified files and the licence, and writes
``manifest.json`` (package, version, integrity, and the SHA-256 of every copied file) and ``README.md``.

    python tools/vendor_assets.py            # fetch and copy (needs npm and the registry)
    python tools/vendor_assets.py --check    # offline: the vendored files match the manifest

Change a version here, run it, and commit the folder.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

VENDOR = Path(__file__).resolve().parents[1] / "src" / "khaldun" / "serve" / "static" / "vendor"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    files: dict[str, str]  # path in the package -> file name in vendor/
    licence: str  # SPDX identifier of the package's licence
    why: str


PACKAGES = (
    Package(
        "d3",
        "7.9.2",
        {"dist/d3.min.js": "d3.min.js"},
        "ISC",
        "scales, map projections, zoom and pan, the network's force layout",
    ),
    Package(
        "@observablehq/plot",
        "0.6.17",
        {"dist/plot.umd.min.js": "plot.umd.min.js"},
        "ISC",
        "the time series and bar charts (axes, stacking, tooltips)",
    ),
    Package(
        "topojson-client",
        "3.1.0",
        {"dist/topojson-client.min.js": "topojson-client.min.js"},
        "ISC",
        "reads the TopoJSON outlines into GeoJSON",
    ),
    Package(
        "world-atlas",
        "2.0.2",
        {"countries-110m.json": "countries-110m.json"},
        "ISC (data: Natural Earth, public domain)",
        "country outlines, Natural Earth 1:110m (version 4.1.0) as TopoJSON",
    ),
)

NATURAL_EARTH = (
    "The country outlines are Natural Earth's 1:110m Admin 0 countries (version 4.1.0), which Natural "
    "Earth places in the public domain (https://www.naturalearthdata.com/about/terms-of-use/), as "
    "TopoJSON from the npm package world-atlas (ISC licence, copyright Michael Bostock)."
)


def licence_name(package: Package) -> str:
    return f"LICENSE-{package.name.replace('@', '').replace('/', '-')}.txt"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def npm_pack(package: Package, into: Path) -> tuple[Path, str]:
    """The package's tarball fetched by ``npm pack`` into ``into``, and its npm integrity string."""
    spec = f"{package.name}@{package.version}"
    try:
        out = subprocess.run(
            ["npm", "pack", spec, "--json", "--pack-destination", str(into)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    except FileNotFoundError:
        sys.exit("error: npm is not installed (apt-get install -y npm)")
    except subprocess.CalledProcessError as exc:
        sys.exit(f"error: npm pack {spec} failed: {exc.stderr.strip()}")
    [info] = json.loads(out)
    tarball = into / info["filename"]
    algorithm, digest = info["integrity"].split("-", 1)
    actual = base64.b64encode(hashlib.new(algorithm, tarball.read_bytes()).digest()).decode()
    if actual != digest:
        sys.exit(f"error: {tarball.name} does not match the integrity npm gave ({info['integrity']})")
    return tarball, info["integrity"]


def unpack(tarball: Path, into: Path) -> Path:
    with tarfile.open(tarball) as tar:
        tar.extractall(into, filter="data")  # refuses links and paths outside `into`
    return into / "package"


def vendor() -> None:
    manifest = []
    VENDOR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="khaldun-vendor-") as tmp:
        for package in PACKAGES:
            work = Path(tmp) / package.name.replace("/", "-")
            work.mkdir(parents=True)
            tarball, integrity = npm_pack(package, work)
            root = unpack(tarball, work)
            files = {}
            for inside, name in package.files.items():
                shutil.copyfile(root / inside, VENDOR / name)
                files[name] = sha256(VENDOR / name)
            shutil.copyfile(root / "LICENSE", VENDOR / licence_name(package))
            files[licence_name(package)] = sha256(VENDOR / licence_name(package))
            manifest.append(
                {
                    "package": package.name,
                    "version": package.version,
                    "licence": package.licence,
                    "integrity": integrity,
                    "files": files,
                }
            )
            print(f"{package.name}@{package.version}: {', '.join(files)}")
    (VENDOR / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    (VENDOR / "README.md").write_text(readme(), "utf-8")


def readme() -> str:
    rows = "\n".join(
        f"| `{p.name}` | {p.version} | {p.licence} | {', '.join(map('`{}`'.format, p.files.values()))} "
        f"| {p.why} |"
        for p in PACKAGES
    )
    return f"""# Vendored files of the dashboard

Written by `tools/vendor_assets.py` from npm (`npm pack`, integrity checked); do not edit by hand.
`python tools/vendor_assets.py --check` checks these files against `manifest.json`.

| package | version | licence | files | used for |
|---|---|---|---|---|
{rows}

Each package's licence is beside its files (`LICENSE-*.txt`). {NATURAL_EARTH}
"""


def check() -> list[str]:
    """Problems with the vendored files: missing, changed, or unlisted. Empty when all is well."""
    manifest_path = VENDOR / "manifest.json"
    if not manifest_path.is_file():
        return [f"{manifest_path} is missing: run python tools/vendor_assets.py"]
    manifest = json.loads(manifest_path.read_text("utf-8"))
    problems = []
    listed = {"manifest.json", "README.md"}
    pinned = {p.name: p.version for p in PACKAGES}
    for entry in manifest:
        if pinned.get(entry["package"]) != entry["version"]:
            problems.append(f"{entry['package']} {entry['version']} is not the pinned version: vendor again")
        for name, digest in entry["files"].items():
            listed.add(name)
            path = VENDOR / name
            if not path.is_file():
                problems.append(f"{name} is missing")
            elif sha256(path) != digest:
                problems.append(f"{name} differs from {entry['package']}@{entry['version']}")
    problems += [f"{p.name} is not in the manifest" for p in VENDOR.iterdir() if p.name not in listed]
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check the vendored files (offline)")
    args = parser.parse_args()
    if args.check:
        problems = check()
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        if problems:
            sys.exit(1)
        print(f"{VENDOR}: every vendored file matches manifest.json")
        return
    vendor()


if __name__ == "__main__":
    main()
