"""Canned questions ("presets") with a SPARQL and a Cypher text each.

``kg query --preset NAME --param k=v`` runs one of them; ``kg presets``
lists them. docs/queries.md shows every query verbatim (a test keeps the two
in sync). Parameters are always bound by the store (SPARQL ``?name``,
Cypher ``$name``), never formatted into the text; ``limit`` is applied in
Python (SPARQL cannot bind LIMIT).

The SPARQL is written for the RDF layout of :mod:`kg.stores.rdf` (the store
predefines the ``kg:``, ``skos:`` ... prefixes); the Cypher for the property
graph of :mod:`kg.stores.cypher` (``(:Entity:<Type> {id, name, aliases})``,
``(:Paper {id, title, date})``, ``(:Result {value, unit, kind, text})``).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .stores import CYPHER, QueryResult, Store


class PresetError(ValueError):
    """Unknown preset, or missing/unknown parameters (a usage error)."""


@dataclass(frozen=True, slots=True)
class Preset:
    """A canned question. ``params`` maps each parameter to its documentation;
    ``required`` lists those that must be given."""

    name: str
    description: str
    sparql: str
    cypher: str
    params: dict[str, str] = field(default_factory=dict)
    required: tuple[str, ...] = ()

    def text_for(self, store: Store) -> str:
        return self.cypher if CYPHER in store.capabilities else self.sparql


LIMIT_DOC = "keep only the first N rows (applied after the query; default: all)"

PRESETS: dict[str, Preset] = {}


def _add(p: Preset) -> None:
    PRESETS[p.name] = p


_add(Preset(
    name="top-datasets",
    description="Datasets and benchmarks by the number of papers that use, evaluate on or propose them.",
    params={"limit": LIMIT_DOC},
    sparql="""\
SELECT ?type ?name (COUNT(DISTINCT ?p) AS ?papers) WHERE {
  ?p a kg:Paper ; ?rel ?e .
  ?e a ?cls ; skos:prefLabel ?name .
  VALUES ?cls { kg:Dataset kg:Benchmark }
  BIND(STRAFTER(STR(?cls), "#") AS ?type)
} GROUP BY ?type ?name ORDER BY DESC(?papers) ?name
""",
    cypher="""\
MATCH (p:Paper)-->(e:Entity)
WHERE e:Dataset OR e:Benchmark
RETURN CASE WHEN e:Dataset THEN 'Dataset' ELSE 'Benchmark' END AS type, e.name AS name, count(DISTINCT p) AS papers
ORDER BY papers DESC, name
""",
))

_add(Preset(
    name="top-methods",
    description="Methods by the number of papers that propose or use them (and how many propose them).",
    params={"limit": LIMIT_DOC},
    sparql="""\
SELECT ?name (COUNT(DISTINCT ?p) AS ?papers) (COUNT(DISTINCT ?proposer) AS ?proposing) WHERE {
  ?p a kg:Paper ; ?rel ?e .
  ?e a kg:Method ; skos:prefLabel ?name .
  OPTIONAL { ?proposer a kg:Paper ; kg:proposes ?e }
} GROUP BY ?name ORDER BY DESC(?papers) ?name
""",
    cypher="""\
MATCH (p:Paper)-->(e:Method)
OPTIONAL MATCH (proposer:Paper)-[:PROPOSES]->(e)
RETURN e.name AS name, count(DISTINCT p) AS papers, count(DISTINCT proposer) AS proposing
ORDER BY papers DESC, name
""",
))

_add(Preset(
    name="paper",
    description="What one paper proposes, uses, evaluates on, measures and addresses (with evidence), and the results it reports.",
    params={"paper": "paper id, arXiv id, or the title or its beginning (case-insensitive)", "limit": LIMIT_DOC},
    required=("paper",),
    sparql="""\
SELECT ?title ?relation ?type ?name ?value ?unit ?evidence WHERE {
  ?p a kg:Paper ; dcterms:title ?title ; kg:paperKey ?key .
  OPTIONAL { ?p kg:arxivId ?arxiv }
  FILTER(STRLEN(STR(?paper)) > 0 && (
    STR(?p) = CONCAT("https://w3id.org/mlkg/id/paper/", ENCODE_FOR_URI(STR(?paper)))
    || LCASE(STR(?arxiv)) = LCASE(STR(?paper)) || STR(?key) = STR(?paper)
    || STRSTARTS(LCASE(STR(?title)), LCASE(STR(?paper)))))
  {
    VALUES (?prop ?relation) {
      (kg:proposes "PROPOSES") (kg:uses "USES") (kg:evaluatesOn "EVALUATES_ON") (kg:measures "MEASURES") (kg:addresses "ADDRESSES")
    }
    ?p ?prop ?e .
    ?e a kg:Entity ; a ?cls ; skos:prefLabel ?name .
    FILTER(?cls != kg:Entity)
    BIND(STRAFTER(STR(?cls), "#") AS ?type)
    OPTIONAL { ?ev kg:assertedSubject ?p ; kg:assertedPredicate ?prop ; kg:assertedObject ?e ; kg:sentence ?evidence }
  } UNION {
    ?p kg:reports ?r .
    ?r qudt:numericValue ?value ; kg:unit ?unit ; kg:kind ?kind ; kg:resultText ?evidence .
    OPTIONAL { ?r kg:measure ?measure }
    BIND("REPORTS" AS ?relation)
    BIND("Result" AS ?type)
    BIND(COALESCE(?measure, ?kind) AS ?name)
  }
} ORDER BY ?title ?relation ?type ?name ?value
""",
    cypher="""\
MATCH (p:Paper)
WHERE size($paper) > 0 AND (p.id = $paper OR toLower(toString(p.arxiv_id)) = toLower($paper)
      OR toLower(p.title) STARTS WITH toLower($paper))
MATCH (p)-[rel]->(x)
WHERE type(rel) IN ['PROPOSES', 'USES', 'EVALUATES_ON', 'MEASURES', 'ADDRESSES', 'REPORTS']
RETURN p.title AS title, type(rel) AS relation,
       CASE WHEN x:Result THEN 'Result' ELSE [l IN labels(x) WHERE l <> 'Entity'][0] END AS type,
       CASE WHEN x:Result THEN coalesce(x.measure, x.kind) ELSE x.name END AS name, x.value AS value, x.unit AS unit,
       CASE WHEN x:Result THEN x.text ELSE rel.evidence END AS evidence
ORDER BY title, relation, type, name, value
""",
))

_add(Preset(
    name="methods-on",
    description="Methods proposed, used or credited with a result by papers that evaluate (or report results) on a dataset.",
    params={"dataset": "dataset or benchmark: name, alias or id (case-insensitive)", "limit": LIMIT_DOC},
    required=("dataset",),
    sparql="""\
SELECT ?method (COUNT(DISTINCT ?p) AS ?papers) (SAMPLE(?title) AS ?example) WHERE {
  ?d a kg:Entity ; (skos:prefLabel|skos:altLabel|kg:entityId) ?dl .
  FILTER(LCASE(STR(?dl)) = LCASE(STR(?dataset)))
  ?p (kg:evaluatesOn|kg:reports/kg:evaluatesOn) ?d .
  ?p a kg:Paper ; dcterms:title ?title .
  ?p kg:proposes|kg:uses|(kg:reports/kg:achievedBy) ?m .
  ?m a kg:Method ; skos:prefLabel ?method .
} GROUP BY ?method ORDER BY DESC(?papers) ?method
""",
    cypher="""\
MATCH (d:Entity)
WHERE toLower(d.name) = toLower($dataset) OR toLower(d.id) = toLower($dataset)
      OR any(a IN coalesce(d.aliases, []) WHERE toLower(a) = toLower($dataset))
MATCH (p:Paper)-[:EVALUATES_ON|REPORTS*1..2]->(d)
WITH DISTINCT p
MATCH (p)-[:PROPOSES|USES|REPORTS|ACHIEVED_BY*1..2]->(m:Method)
RETURN m.name AS method, count(DISTINCT p) AS papers, min(p.title) AS example
ORDER BY papers DESC, method
""",
))

_add(Preset(
    name="co-usage",
    description="Method x dataset/benchmark pairs and the number of papers mentioning both.",
    params={"limit": LIMIT_DOC},
    sparql="""\
SELECT ?method ?dataset (COUNT(DISTINCT ?p) AS ?papers) WHERE {
  ?p a kg:Paper ; ?r1 ?m ; ?r2 ?d .
  ?m a kg:Method ; skos:prefLabel ?method .
  ?d a ?dcls ; skos:prefLabel ?dataset .
  VALUES ?dcls { kg:Dataset kg:Benchmark }
} GROUP BY ?method ?dataset ORDER BY DESC(?papers) ?method ?dataset
""",
    cypher="""\
MATCH (m:Method)<--(p:Paper)-->(d:Entity)
WHERE d:Dataset OR d:Benchmark
RETURN m.name AS method, d.name AS dataset, count(DISTINCT p) AS papers
ORDER BY papers DESC, method, dataset
""",
))

_add(Preset(
    name="speedups",
    description="Papers reporting speedups and other factors (unit x) or bit-widths (unit bit), largest first.",
    params={"limit": LIMIT_DOC},
    sparql="""\
SELECT ?title ?value ?unit ?kind ?qualifier ?method ?text WHERE {
  ?p a kg:Paper ; dcterms:title ?title ; kg:reports ?r .
  ?r qudt:numericValue ?value ; kg:unit ?unit ; kg:kind ?kind ; kg:resultText ?text .
  FILTER(?unit IN ("x", "bit"))
  OPTIONAL { ?r kg:qualifier ?qualifier }
  OPTIONAL { ?r kg:achievedBy ?m . ?m skos:prefLabel ?method }
} ORDER BY DESC(?unit) DESC(?value) ?title
""",
    cypher="""\
MATCH (p:Paper)-[:REPORTS]->(r:Result)
WHERE r.unit IN ['x', 'bit']
OPTIONAL MATCH (r)-[:ACHIEVED_BY]->(m:Entity)
RETURN p.title AS title, r.value AS value, r.unit AS unit, r.kind AS kind, r.qualifier AS qualifier,
       m.name AS method, r.text AS text
ORDER BY unit DESC, value DESC, title
""",
))

_add(Preset(
    name="together",
    description="Pairs of entities (any type) mentioned by the same papers, most shared papers first.",
    params={"limit": LIMIT_DOC},
    sparql="""\
SELECT ?a ?aType ?b ?bType (COUNT(DISTINCT ?p) AS ?papers) WHERE {
  ?p a kg:Paper ; ?r1 ?e1 ; ?r2 ?e2 .
  ?e1 a kg:Entity ; a ?c1 ; kg:entityId ?id1 ; skos:prefLabel ?a .
  ?e2 a kg:Entity ; a ?c2 ; kg:entityId ?id2 ; skos:prefLabel ?b .
  FILTER(?id1 < ?id2 && ?c1 != kg:Entity && ?c2 != kg:Entity)
  BIND(STRAFTER(STR(?c1), "#") AS ?aType)
  BIND(STRAFTER(STR(?c2), "#") AS ?bType)
} GROUP BY ?a ?aType ?b ?bType ORDER BY DESC(?papers) ?a ?b
""",
    cypher="""\
MATCH (e1:Entity)<--(p:Paper)-->(e2:Entity)
WHERE e1.id < e2.id
RETURN e1.name AS a, [l IN labels(e1) WHERE l <> 'Entity'][0] AS aType,
       e2.name AS b, [l IN labels(e2) WHERE l <> 'Entity'][0] AS bType, count(DISTINCT p) AS papers
ORDER BY papers DESC, a, b
""",
))

def _find_sparql(v: str, p: str, cls: str = "Entity") -> str:
    """SPARQL: ``?v`` is a ``kg:cls`` whose name, alias or id equals the
    parameter ``?p`` case-insensitively. FILTER EXISTS keeps one row per
    entity even when its name and an alias both match (a plain triple pattern
    would repeat leaderboard rows)."""
    return (f"  ?{v} a kg:{cls} . FILTER EXISTS {{ ?{v} (skos:prefLabel|skos:altLabel|kg:entityId) ?{v}Label .\n"
            f"    FILTER(LCASE(STR(?{v}Label)) = LCASE(STR(?{p}))) }}")


def _find_cypher(v: str, p: str) -> str:
    """Cypher twin of :func:`_find_sparql`: match ``v`` by name, id or alias."""
    return (f"MATCH ({v}:Entity)\n"
            f"WHERE toLower({v}.name) = toLower(${p}) OR toLower({v}.id) = toLower(${p})\n"
            f"      OR any(a IN coalesce({v}.aliases, []) WHERE toLower(a) = toLower(${p}))")


def _towards_task(name: str, description: str, rel: str, prop: str, v: str) -> Preset:
    """A preset listing the entities ``v`` whose ``rel`` edge (RDF ``prop``)
    points at a task, with papers and one evidence sentence."""
    return Preset(
        name=name,
        description=description,
        params={"task": "task: name, alias or id (case-insensitive)", "limit": LIMIT_DOC},
        required=("task",),
        sparql=f"""\
SELECT ?name ?type (COUNT(DISTINCT ?p) AS ?papers) (MIN(?sentence) AS ?evidence) WHERE {{
{_find_sparql("t", "task")}
  ?{v} kg:{prop} ?t ; skos:prefLabel ?name ; a ?cls .
  FILTER(?cls != kg:Entity)
  BIND(STRAFTER(STR(?cls), "#") AS ?type)
  ?ev kg:assertedSubject ?{v} ; kg:assertedPredicate kg:{prop} ; kg:assertedObject ?t ;
      kg:sentence ?sentence ; prov:wasDerivedFrom ?p .
}} GROUP BY ?name ?type ORDER BY DESC(?papers) ?name
""",
        cypher=f"""\
{_find_cypher("t", "task")}
MATCH ({v}:Entity)-[r:{rel}]->(t)
RETURN {v}.name AS name, [l IN labels({v}) WHERE l <> 'Entity'][0] AS type,
       count(DISTINCT r.paper) AS papers, min(r.evidence) AS evidence
ORDER BY papers DESC, name
""",
    )


_add(_towards_task(
    "used-for",
    "Methods and datasets the text states are used for a task (USED_FOR), with the papers and one evidence sentence.",
    "USED_FOR", "usedFor", "x"))
_add(_towards_task(
    "benchmarks-for",
    "Datasets and benchmarks the text states benchmark a task (BENCHMARK_FOR), with the papers and one evidence sentence.",
    "BENCHMARK_FOR", "benchmarkFor", "d"))
_add(Preset(
    name="trained-on",
    description="What a method was trained on: TRAINED_WITH edges from it, and TRAINS_ON of the papers that propose it.",
    params={"method": "method: name, alias or id (case-insensitive)", "limit": LIMIT_DOC},
    required=("method",),
    sparql=f"""\
SELECT ?dataset ?via (COUNT(DISTINCT ?p) AS ?papers) (MIN(?sentence) AS ?evidence) WHERE {{
{_find_sparql("m", "method")}
  {{ ?m kg:trainedWith ?d .
    ?ev kg:assertedSubject ?m ; kg:assertedPredicate kg:trainedWith ; kg:assertedObject ?d ;
        kg:sentence ?sentence ; prov:wasDerivedFrom ?p .
    BIND("TRAINED_WITH" AS ?via) }}
  UNION
  {{ ?p kg:proposes ?m ; kg:trainsOn ?d .
    ?ev kg:assertedSubject ?p ; kg:assertedPredicate kg:trainsOn ; kg:assertedObject ?d ; kg:sentence ?sentence .
    BIND("TRAINS_ON" AS ?via) }}
  ?d skos:prefLabel ?dataset .
}} GROUP BY ?dataset ?via ORDER BY DESC(?papers) ?dataset ?via
""",
    cypher=f"""\
{_find_cypher("m", "method")}
MATCH (m)-[r:TRAINED_WITH]->(d:Entity)
RETURN d.name AS dataset, 'TRAINED_WITH' AS via, count(DISTINCT r.paper) AS papers, min(r.evidence) AS evidence
UNION ALL
{_find_cypher("m", "method")}
MATCH (p:Paper)-[:PROPOSES]->(m)
MATCH (p)-[r:TRAINS_ON]->(d:Entity)
RETURN d.name AS dataset, 'TRAINS_ON' AS via, count(DISTINCT p) AS papers, min(r.evidence) AS evidence
""",
))


_add(Preset(
    name="best-reported",
    description="Best reported METRIC on DATASET: absolute scores only (no delta, ratio, setting, baseline), "
                "best first by the metric's direction, with the evidence text.",
    params={"dataset": "dataset or benchmark (name, alias or id; case-insensitive)",
            "metric": "metric (name, alias or id; case-insensitive)", "limit": LIMIT_DOC},
    required=("dataset", "metric"),
    sparql="""\
SELECT ?title ?method ?value ?unit ?scale ?direction ?text WHERE {
""" + _find_sparql("d", "dataset") + """
""" + _find_sparql("m", "metric", "Metric") + """
  ?x kg:partOf* ?d .
  ?p a kg:Paper ; dcterms:title ?title ; kg:reports ?r .
  ?r kg:evaluatesOn ?x ; kg:measures ?m ; kg:kind "absolute" ; qudt:numericValue ?value ; kg:unit ?unit ; kg:resultText ?text .
  OPTIONAL { ?r kg:scale ?scale }
  OPTIONAL { ?r kg:direction ?direction }
  OPTIONAL { ?r kg:achievedBy ?mth . ?mth skos:prefLabel ?method }
  BIND(IF(?scale = "0-1", 100 * ?value, ?value) AS ?cmp)
} ORDER BY (IF(COALESCE(?direction, "higher") = "lower", ?cmp, -?cmp)) ?title
""",
    cypher="""\
""" + _find_cypher("d", "dataset") + """
""" + _find_cypher("m", "metric") + """
MATCH (x:Entity)-[:PART_OF*0..3]->(d)
MATCH (p:Paper)-[:REPORTS]->(r:Result {kind: 'absolute'})-[:EVALUATES_ON]->(x)
MATCH (r)-[:MEASURES]->(m)
OPTIONAL MATCH (r)-[:ACHIEVED_BY]->(mth:Entity)
WITH DISTINCT p, r, mth, CASE WHEN r.scale = '0-1' THEN 100 * r.value ELSE r.value END AS cmp
RETURN p.title AS title, mth.name AS method, r.value AS value, r.unit AS unit, r.scale AS scale,
       r.direction AS direction, r.text AS text
ORDER BY CASE WHEN coalesce(r.direction, 'higher') = 'lower' THEN cmp ELSE -cmp END, title
""",
))

#: Phrases of a state-of-the-art claim (lower case; matched with CONTAINS, portable across stores).
_SOTA = ("state of the art", "state-of-the-art", "sota", "new record", "best reported", "best published")

_add(Preset(
    name="sota-claims",
    description="Papers claiming state of the art on DATASET: papers evaluating on it whose evidence sentence "
                "claims the state of the art (or best reported result), with that sentence.",
    params={"dataset": "dataset or benchmark (name, alias or id; case-insensitive)", "limit": LIMIT_DOC},
    required=("dataset",),
    sparql="""\
SELECT DISTINCT ?title ?date ?sentence WHERE {
""" + _find_sparql("d", "dataset") + """
  ?x kg:partOf* ?d .
  ?p a kg:Paper ; dcterms:title ?title ; kg:evaluatesOn ?x .
  ?ev kg:assertedSubject ?p ; kg:assertedObject ?x ; kg:sentence ?sentence .
  FILTER(""" + " || ".join(f'CONTAINS(LCASE(?sentence), "{w}")' for w in _SOTA) + """)
  OPTIONAL { ?p dcterms:date ?date }
} ORDER BY DESC(?date) ?title
""",
    cypher="""\
""" + _find_cypher("d", "dataset") + """
MATCH (x:Entity)-[:PART_OF*0..3]->(d)
MATCH (p:Paper)-[e:EVALUATES_ON]->(x)
WITH p, e WHERE """ + " OR ".join(f"toLower(e.evidence) CONTAINS '{w}'" for w in _SOTA) + """
RETURN DISTINCT p.title AS title, p.date AS date, e.evidence AS sentence
ORDER BY date DESC, title
""",
))


def get(name: str) -> Preset:
    """The preset called ``name`` (:class:`PresetError` lists the known ones)."""
    try:
        return PRESETS[name]
    except KeyError:
        raise PresetError(f"unknown preset {name!r}; known: {', '.join(PRESETS)}") from None


def check_params(preset: Preset, params: Mapping[str, Any] | None) -> tuple[dict[str, Any], int | None]:
    """(query parameters as strings, limit) after checking names and required ones."""
    params = dict(params or {})
    unknown = sorted(set(params) - set(preset.params))
    if unknown:
        raise PresetError(f"preset {preset.name!r} has no parameter(s) {', '.join(unknown)}; "
                          f"it takes: {', '.join(preset.params) or 'none'}")
    missing = [p for p in preset.required if params.get(p) in (None, "")]
    if missing:
        raise PresetError(f"preset {preset.name!r} needs --param {missing[0]}=VALUE ({preset.params[missing[0]]})")
    limit = params.pop("limit", None)
    if limit is not None:
        try:
            limit = int(limit)
        except (TypeError, ValueError):
            raise PresetError(f"limit must be an integer, not {limit!r}") from None
        if limit < 0:
            raise PresetError("limit must be >= 0")
    return {k: str(v) for k, v in params.items()}, limit


def run_preset(store: Store, name: str, params: Mapping[str, Any] | None = None) -> QueryResult:
    """Run preset ``name`` on ``store`` (SPARQL or Cypher by capability)."""
    preset = get(name)
    bound, limit = check_params(preset, params)
    res = store.query(preset.text_for(store), bound)
    if limit is not None:
        res = QueryResult(res.columns, res.rows[:limit])
    return res


__all__ = ["PRESETS", "Preset", "PresetError", "check_params", "get", "run_preset"]
