"""A wire story's dateline is kept out of its first sentence.

Wire copy opens with where and when it was filed and by whom:
``KYIV, Ukraine, March 3 (Reuters) - The government said ...`` or
``GENEVA (AP) — ...``. Parsed as part of the first sentence, the dateline
becomes its subject ("UNITED NATIONS ... voted" codes the UN as the actor of
whatever follows) or stretches the subject's span to "March 3 (Reuters".
So the parser is given the text after the dateline, at its offset in the
document, and the dateline stays in the document's text untouched.

Only a dateline of the usual shape is taken: a place, an optional region, a
date or an agency in brackets (a place in capitals alone is not enough:
"US - China talks resume" is a headline), and a dash. A document whose first
words are an ordinary sentence is not touched.
"""

from __future__ import annotations

import re
from functools import lru_cache

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = rf"{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
# A place in capitals ("UNITED NATIONS", "PORT-AU-PRINCE", "N'DJAMENA") ...
_CAPS_PLACE = r"[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}"
# ... or in title case, then only with an agency in brackets ("Geneva (AFP) -")
_TITLE_PLACE = r"[A-Z][a-z.'’-]+(?:\s+[A-Z][a-z.'’-]+){0,2}"
_REGION = r"[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){0,2}"
_AGENCY = r"\([A-Z][\w.&' -]{0,40}\)"
_DASH = r"(?:--?|–|—)"

_DATELINE = re.compile(
    rf"""\s*(?:
        {_CAPS_PLACE}(?:,\s*{_REGION})*,\s*{_DATE}\s*(?:{_AGENCY})?    # KYIV, Ukraine, March 3 (Reuters)
      | (?:{_CAPS_PLACE}|{_TITLE_PLACE})(?:,\s*{_REGION})*\s*{_AGENCY}   # GENEVA (AP), Geneva (AFP)
    )\s*{_DASH}\s+(?=\S)""",
    re.VERBOSE,
)
# A capitalised first word alone is no place: "THE" or "A" opens a headline in capitals
# (a place may start with one: "THE HAGUE, June 25 (AP) -").
_NOT_PLACES = frozenset({"A", "AN", "THE", "I"})


def dateline_end(text: str) -> int:
    """Where the story proper starts: the end of a leading dateline, or 0 where there is none."""
    match = _DATELINE.match(text)
    if match is None:
        return 0
    place = re.split(r"[,(]", match.group(0), maxsplit=1)[0].split()
    if place[0] in _NOT_PLACES and (len(place) == 1 or not re.search(_DATE, match.group(0))):
        return 0
    return match.end()


def dateline_place(text: str) -> str | None:
    """The place a leading dateline names ("KYIV" in "KYIV, Ukraine, March 3 (Reuters) -"), if any."""
    return dateline_parts(text)[0]


def dateline_regions(text: str) -> tuple[str, ...]:
    """The places a leading dateline names after its own, before the date or agency
    (("Chile",) in "VALPARAISO, Chile (AP) -"; ("Texas",) in "SAN ANTONIO, Texas, May 2 -")."""
    return dateline_parts(text)[1]


@lru_cache(maxsize=64)  # asked for each place phrase of a story: its dateline is read once
def dateline_parts(text: str) -> tuple[str | None, tuple[str, ...]]:
    """A leading dateline's place and the places it names after it (see the two above)."""
    end = dateline_end(text)
    if not end:
        return None, ()
    place = re.split(r"[,(]", text[:end], maxsplit=1)[0].strip() or None
    before_agency = text[:end].split("(", 1)[0]
    parts = [p.strip(" -–—") for p in before_agency.split(",")[1:]]
    return place, tuple(p for p in parts if p and not re.match(_DATE, p) and p[0].isupper())
