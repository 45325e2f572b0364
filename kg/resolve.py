"""One resolver for the entity names users type.

``kg show NAME``, ``kg leaderboard --dataset/--metric/--task``, ``kg query
--param name=...`` (raw queries and presets) and ``kg view --focus`` all look
a typed name up the same way: the canonical name, an alias or the entity id,
case-insensitively (Unicode casefold). The CLI then binds the *canonical*
name or id as a query parameter, never the typed text pasted into a query.

When nothing matches, :class:`UnknownName` carries "did you mean"
suggestions: the closest names and aliases by rapidfuzz's normalised
Indel similarity (``fuzz.ratio``, case-folded), mapped back to canonical
names; if none is close, WRatio (which also scores partial and reordered
matches) with a stricter cutoff.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ontology import EntityType, rdf_class, sparql_prefixes

from .stores import CYPHER, Store

#: parameter names whose value is an entity name (``--param dataset=imagenet``)
ENTITY_PARAMS = frozenset({"name", "entity", "dataset", "benchmark", "method", "metric", "task"})
#: the entity types a parameter name implies (``None``: any type)
PARAM_TYPES: dict[str, frozenset[str] | None] = {
    "name": None, "entity": None,
    "dataset": frozenset({EntityType.DATASET.value, EntityType.BENCHMARK.value}),
    "benchmark": frozenset({EntityType.DATASET.value, EntityType.BENCHMARK.value}),
    "method": frozenset({EntityType.METHOD.value}),
    "metric": frozenset({EntityType.METRIC.value}),
    "task": frozenset({EntityType.TASK.value}),
}
SUGGEST_CUTOFF = 70.0  # fuzz.ratio (0-100) below which a name is not suggested
PARTIAL_CUTOFF = 86.0  # WRatio cutoff of the fallback

_TYPE_BY_IRI = {str(rdf_class(t)): t.value for t in EntityType}

# how a typed name matched: lower is better
EXACT_NAME, NAME, EXACT_ALIAS, ALIAS, ID = range(5)


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A resolved entity: ``key`` is its IRI (RDF) or ``entity:id`` (Cypher)."""

    key: str
    id: str
    name: str
    type: str
    rank: int = NAME


@dataclass(slots=True)
class UnknownName(LookupError):
    """No entity of the wanted types has this name, alias or id."""

    typed: str
    what: str = "entity"
    suggestions: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        hint = f"; did you mean {' or '.join(repr(s) for s in self.suggestions)}?" if self.suggestions else ""
        return f"no {self.what} named {self.typed!r}{hint}"


def fold(text: object) -> str:
    """The comparison form of a name: whitespace collapsed, casefolded."""
    return " ".join(str(text).split()).casefold()


def match_rank(typed: str, name: str, aliases: Iterable[str] = (), eid: str | None = None) -> int | None:
    """How ``typed`` matches an entity (see the rank constants), or ``None``."""
    want = fold(typed)
    if not want:
        return None
    typed = " ".join(typed.split())
    if str(name).strip() == typed:
        return EXACT_NAME
    if fold(name) == want:
        return NAME
    aliases = list(aliases or ())
    if any(str(a).strip() == typed for a in aliases):
        return EXACT_ALIAS
    if any(fold(a) == want for a in aliases):
        return ALIAS
    if eid is not None and fold(eid) == want:
        return ID
    return None


def did_you_mean(typed: str, labels: dict[str, str], limit: int = 3) -> list[str]:
    """Canonical names whose name or alias (``labels``: label -> canonical
    name) is closest to ``typed``, best first, at most ``limit``."""
    from rapidfuzz import fuzz, process, utils

    out: list[str] = []
    for scorer, cutoff in ((fuzz.ratio, SUGGEST_CUTOFF), (fuzz.WRatio, PARTIAL_CUTOFF)):
        for label, _score, _ in process.extract(typed, list(labels), scorer=scorer, processor=utils.default_process,
                                                limit=limit * 4, score_cutoff=cutoff):
            canonical = labels[label]
            if canonical not in out:
                out.append(canonical)
            if len(out) == limit:
                return out
        if out:
            return out
    return out


# -- store lookups (fixed query texts; the typed name is a bound parameter) ---------
_FIND_SPARQL = """
SELECT ?e ?id ?cls ?name (GROUP_CONCAT(DISTINCT ?alias; separator="\\u001f") AS ?aliases) WHERE {
  ?e a kg:Entity ; a ?cls ; kg:entityId ?id ; skos:prefLabel ?name .
  FILTER(?cls != kg:Entity)
  FILTER EXISTS {
    { ?e skos:prefLabel ?l } UNION { ?e skos:altLabel ?l } UNION { ?e kg:entityId ?l }
    FILTER(LCASE(STR(?l)) = LCASE(STR(?q)))
  }
  OPTIONAL { ?e skos:altLabel ?alias }
} GROUP BY ?e ?id ?cls ?name
"""
_LABELS_SPARQL = """
SELECT ?cls ?name ?label WHERE {
  ?e a kg:Entity ; a ?cls ; skos:prefLabel ?name .
  FILTER(?cls != kg:Entity)
  { ?e skos:prefLabel ?label } UNION { ?e skos:altLabel ?label }
}
"""
_FIND_CYPHER = """
MATCH (e:Entity)
WHERE toLower(e.name) = toLower($q) OR toLower(e.id) = toLower($q)
      OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = toLower($q))
RETURN e.id AS e, e.id AS id, [l IN labels(e) WHERE l <> 'Entity'][0] AS cls, e.name AS name, e.aliases AS aliases
"""
_LABELS_CYPHER = """
MATCH (e:Entity)
RETURN [l IN labels(e) WHERE l <> 'Entity'][0] AS cls, e.name AS name, e.aliases AS aliases
"""


def _aliases(value: object) -> list[str]:
    if not value:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return str(value).split("\u001f")


def resolve(store: Store, typed: str, types: Iterable[str] | None = None) -> list[EntityRef]:
    """Entities (of ``types``, default any) that ``typed`` names, best match first."""
    if not typed or not str(typed).strip():
        return []
    wanted = set(types) if types else None
    cypher = CYPHER in store.capabilities
    q = " ".join(str(typed).split())  # "ILSVRC  2012" is "ILSVRC 2012"
    if cypher:
        rows = store.query(_FIND_CYPHER, {"q": q}).rows
    else:
        rows = store.query(sparql_prefixes() + _FIND_SPARQL, {"q": q}).rows
    found: dict[str, EntityRef] = {}
    for key, eid, cls, name, aliases in rows:
        etype = cls if cypher else _TYPE_BY_IRI.get(str(cls))
        if etype is None or (wanted and etype not in wanted):
            continue
        rank = match_rank(str(typed), str(name), _aliases(aliases), str(eid))
        if rank is None:  # LCASE and casefold disagree (e.g. "ß"): keep it, as a weak match
            rank = ID
        ref = EntityRef(f"entity:{eid}" if cypher else str(key), str(eid), str(name), etype, rank)
        if ref.key not in found or rank < found[ref.key].rank:
            found[ref.key] = ref
    return sorted(found.values(), key=lambda r: (r.rank, r.name.casefold(), r.id))


def suggest(store: Store, typed: str, types: Iterable[str] | None = None, limit: int = 3) -> list[str]:
    """"Did you mean" names for ``typed`` among entities of ``types``."""
    wanted = set(types) if types else None
    labels: dict[str, str] = {}
    if CYPHER in store.capabilities:
        for cls, name, aliases in store.query(_LABELS_CYPHER).rows:
            if name is None or (wanted and cls not in wanted):
                continue
            for label in [name, *_aliases(aliases)]:
                labels.setdefault(str(label), str(name))
    else:
        for cls, name, label in store.query(sparql_prefixes() + _LABELS_SPARQL).rows:
            if wanted and _TYPE_BY_IRI.get(str(cls)) not in wanted:
                continue
            labels.setdefault(str(label), str(name))
    return did_you_mean(str(typed), labels, limit)


def what_for(types: Iterable[str] | None) -> str:
    """How an error names the wanted types ("dataset or benchmark")."""
    if not types:
        return "entity"
    return " or ".join(sorted(t.lower() for t in types))


def resolve_one(store: Store, typed: str, types: Iterable[str] | None = None) -> EntityRef:
    """The best entity ``typed`` names; :class:`UnknownName` with suggestions if none."""
    types = frozenset(types) if types else None
    hits = resolve(store, typed, types)
    if not hits:
        raise UnknownName(str(typed), what_for(types), suggest(store, typed, types))
    return hits[0]


__all__ = [
    "ENTITY_PARAMS", "PARAM_TYPES", "EntityRef", "UnknownName", "did_you_mean", "fold", "match_rank",
    "resolve", "resolve_one", "suggest", "what_for",
]
