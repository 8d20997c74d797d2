"""Readable names for actor codes and countries, for the dashboard's labels and the map's join.

A code's label is the name the events give its actor when that actor is not a person (the coder names
a state "Iraq" and its government "Iraq (GOV)"); else it is made the coder's way from the bundled
country table; an actor of no known country says so ("officials (no country)"). A country also gets
its ISO 3166-1 numeric code, the id of its outline in the Natural Earth TopoJSON the map draws.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from khaldun.data import bundled_data, read_tsv
from khaldun.store import Store, aggregates

UNKNOWN = aggregates.UNKNOWN_COUNTRY


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO-3 code -> the short name news uses (bundled country table)."""
    return {row["iso3"]: row["name"] for _, row in read_tsv(bundled_data("actors/countries.tsv"))}


def is_unknown(code: str | None) -> bool:
    """An actor code of no known country (``---``, ``---GOV``)."""
    return bool(code) and str(code).startswith(UNKNOWN)


def code_label(code: str, store_name: str | None = None) -> str:
    """The label of one actor code, given the name the events give it (if any)."""
    if is_unknown(code):
        sector = code[len(UNKNOWN) :]
        return f"{store_name or sector or 'actor'} (no country)"
    if store_name:
        return store_name
    country = country_names().get(code[:3])
    if country is None:
        return code
    return f"{country} ({code[3:]})" if code[3:] else country


def code_labels(store: Store, codes: list[str]) -> dict[str, str]:
    """Labels of many codes, with one query for the names the events give them."""
    names = aggregates.code_names(store, codes)
    return {code: code_label(code, names.get(code)) for code in codes}


def country_label(iso3: str) -> str:
    return country_names().get(iso3, iso3)


@lru_cache(maxsize=512)
def country_numeric(iso3: str) -> str | None:
    """The ISO 3166-1 numeric code ("368" for IRQ), None for codes ISO does not list (Kosovo, XKX)."""
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    return found.numeric if found else None


def with_country_labels(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Country count rows with the country's name and numeric code added."""
    return [
        {**r, "name": country_label(r["country"]), "numeric": country_numeric(r["country"])} for r in rows
    ]
