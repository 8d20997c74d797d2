"""The ontology a user's verb dictionary codes with.

PETRARCH's own test dictionaries use codes CAMEO does not have (``903``, ``1717``,
``174K``); a user who codes with them expects those codes back. :class:`DictionaryOntology`
is the bundled ontology with the dictionary's extra codes added (named after the
dictionary, with their root's QuadClass and Goldstein score where the root is CAMEO's,
and no PLOVER type). With ``keep_codes`` (``[petrarch] only``), every code is kept as
the dictionary wrote it, as PETRARCH writes it: the codebook's recoding of events that
have not happened (a planned visit as an intent, 036) is left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from khaldun.knowledge.ontology import CameoCode, Ontology


class DictionaryOntology(Ontology):
    __slots__ = ("_base", "_extra", "_keep_codes", "_source")

    def __init__(self, base: Ontology, codes: Iterable[str], *, keep_codes: bool, source: str) -> None:
        extra = {}
        for code in dict.fromkeys(codes):
            if not base.has_cameo(code):
                extra[code] = _extra_code(base, code, source)
        super().__init__(
            cameo_codes=(*base.cameo_codes(), *extra.values()),
            plover_types=base.plover_types(),
            mapping={},
        )
        self._base = base
        self._extra = frozenset(extra)
        self._keep_codes = keep_codes
        self._source = source

    def __reduce__(self) -> tuple[object, ...]:
        # The base class pickles as a plain Ontology of its tables, which would lose the
        # bundled PLOVER mapping this one delegates to (the knowledge cache and worker
        # processes pickle the knowledge): rebuild this subclass from what made it.
        return (_rebuild, (self._base, tuple(sorted(self._extra)), self._keep_codes, self._source))

    def plover_for(self, cameo_code: str) -> tuple[str | None, str | None]:
        if str(cameo_code).strip() in self._extra:
            return None, None
        return self._base.plover_for(cameo_code)

    def standard_code(self, code: str, *, unrealised: str | None = None) -> str:
        if self._keep_codes or code in self._extra:
            return code
        return self._base.standard_code(code, unrealised=unrealised)


def _rebuild(base: Ontology, codes: tuple[str, ...], keep_codes: bool, source: str) -> DictionaryOntology:
    return DictionaryOntology(base, codes, keep_codes=keep_codes, source=source)


def _extra_code(base: Ontology, code: str, source: str) -> CameoCode:
    root = code[:2]
    if base.has_cameo(root):
        known = base.cameo(root)
        return CameoCode(code, f"{known.name} ({source} code {code})", known.goldstein, known.quad_class)
    return CameoCode(code, f"{source} code {code}", 0.0, 0)
