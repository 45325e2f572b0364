"""Ambiguous acronyms: one short form defined with several long forms in the
corpus ("CL" = continual learning | curriculum learning). The linker keeps
their entities apart (kg/build.py ``fill_acronyms``); ``kg entities
--ambiguous`` lists them, by the names a reader knows, from the acronym
table the build keeps in its manifest.
"""
from __future__ import annotations

from pathlib import Path

from extractors.keys import name_key
from ontology import sparql_prefixes

from .stores import CYPHER, Store

_NAMES_SPARQL = "SELECT ?id ?name WHERE { ?e a kg:Entity ; kg:entityId ?id ; skos:prefLabel ?name }"
_NAMES_CYPHER = "MATCH (e:Entity) RETURN e.id AS id, e.name AS name"


def _long_form(name: str | None, written: str | None, short_key: str) -> str:
    """The store's name of a long-form entity, unless it is the acronym itself
    (then the long form as written)."""
    if name and name_key(name) != short_key:
        return name
    return written or name or ""


def ambiguous_acronyms(store: Store, manifest_path: str | Path) -> list[list[str]]:
    """``[short form, long forms joined by " | "]`` rows, by short form.

    Long forms are the entities' canonical names (or, for one the store no
    longer has, the long form as the abstract wrote it); never internal ids.
    """
    from .manifest import Manifest

    if not Path(manifest_path).exists():
        return []
    man = Manifest(manifest_path)
    try:
        table = {k: ids for k, ids in man.acronym_table().items() if len(ids) > 1}
        shorts: dict[str, str] = {}
        longs: dict[str, str] = {}
        for abbrs in man.abbreviation_rows(retained=True):
            for a in abbrs:
                long_form, short = a[0], a[3]
                shorts.setdefault(name_key(short), short)
                longs.setdefault(name_key(long_form), long_form)
    finally:
        man.close()
    if not table:
        return []
    if CYPHER in store.capabilities:
        rows = store.query(_NAMES_CYPHER).rows
    else:
        rows = store.query(sparql_prefixes() + _NAMES_SPARQL).rows
    names = {str(i): str(n) for i, n in rows}
    out = []
    for key in sorted(table, key=lambda k: shorts.get(k, k).casefold()):
        forms = sorted({_long_form(names.get(i), longs.get(i), key) for i in table[key]} - {""}, key=str.casefold)
        out.append([shorts.get(key, key), " | ".join(forms)])
    return out


__all__ = ["ambiguous_acronyms"]
