"""Text repairs made before parsing, each exactly as long as what it replaces.

Some wire archives carry typography mangled by a wrong decoding ("HaitiÄôs efforts"
for "Haiti’s efforts"); the parser cannot see the possessive or the quotation in
that. The repairs are data (``data/text/repairs.tsv``); since every repair keeps
the text's length, offsets into the text the user gave stay true.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from khaldun.data import read_tsv
from khaldun.errors import DataFileError


@lru_cache(maxsize=1)
def _repairs() -> tuple[re.Pattern[str], dict[str, str]]:
    file = resources.files("khaldun.data").joinpath("text/repairs.tsv")
    table: dict[str, str] = {}
    for n, row in read_tsv(file):
        mangled, repaired = row["mangled"], row["repaired"].replace("_", " ")
        if len(mangled) != len(repaired):
            raise DataFileError(f"{file.name} line {n}: a repair must be as long as the text it replaces")
        table[mangled] = repaired
    return re.compile("|".join(map(re.escape, table))), table


def repair_text(text: str) -> str:
    """``text`` with mangled typography repaired; same length, so offsets are unchanged."""
    pattern, table = _repairs()
    if not table or "Ä" not in text:  # the only mangling the table knows starts with Ä
        return text
    return pattern.sub(lambda m: table[m.group(0)], text)
