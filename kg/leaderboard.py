"""Leaderboards: the results extracted for one dataset, best first.

A result belongs to a dataset when the extractor linked it to that dataset
(``kg:evaluatesOn`` on the ``kg:Result``; ``(:Result)-[:EVALUATES_ON]->``) or
to one of its parts (``kg:partOf``, e.g. SST-2 for GLUE). With
``paper_level=True`` results of papers that evaluate on the dataset, but
whose result names no dataset, are added too (marked ``link = "paper"``).

The dataset, metric and task are matched by name, alias or id,
case-insensitively, always through query parameters. The query text is
chosen from fixed fragments (SPARQL or Cypher by the store's capability
flags); user text never goes into it.

The store keeps a result's offsets (``oa:start``/``oa:end`` + ``kg:field``)
but not its sentence: :func:`sentence_around` expands the span to sentence
boundaries of the paper's title or abstract. Directions (higher/lower is
better) come from :mod:`ontology.metrics`.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ontology import ID_BASE
from ontology.metrics import HIGHER, LOWER, canonical_metric, comparable_value, result_direction

from .stores import CYPHER, Store

COLUMNS = ["rank", "dataset", "metric", "direction", "method", "value", "qualifier", "unit", "kind",
           "paper", "date", "evidence", "link", "scale", "own", "claim"]

# -- SPARQL -------------------------------------------------------------------
# ?dsname is the only dataset parameter; ?metricname / ?taskname only appear
# in their (optional) fragments.
_SPARQL_HEAD = """
SELECT DISTINCT ?r ?p (?xname AS ?dataset) ?metric ?metricAliases ?method ?value ?qualifier ?unit ?kind ?text ?field ?start ?end ?title ?date ?abstract ?link ?measure ?direction ?scale ?own ?over ?subset WHERE {
  ?d a kg:Entity ; skos:prefLabel ?dsPref .
  FILTER EXISTS {
    { ?d skos:prefLabel ?dl } UNION { ?d skos:altLabel ?dl } UNION { ?d kg:entityId ?dl }
    FILTER(LCASE(STR(?dl)) = LCASE(STR(?dsname)))
  }
  ?x kg:partOf* ?d ; skos:prefLabel ?xname .
"""
_SPARQL_RESULT_LINK = """
  ?p kg:reports ?r . ?r kg:evaluatesOn ?x .
  BIND("result" AS ?link)
"""
_SPARQL_PAPER_LINK = """
  ?p kg:evaluatesOn ?x ; kg:reports ?r .
  FILTER NOT EXISTS { ?r kg:evaluatesOn ?other }
  BIND("paper" AS ?link)
"""
_SPARQL_BODY = """
  ?p a kg:Paper ; dcterms:title ?title ; dcterms:abstract ?abstract .
  ?r a kg:Result ; qudt:numericValue ?value ; kg:unit ?unit ; kg:kind ?kind ; kg:resultText ?text ;
     kg:field ?field ; oa:start ?start ; oa:end ?end .
  OPTIONAL { ?p dcterms:date ?date }
  OPTIONAL { ?r kg:qualifier ?qualifier }
  OPTIONAL { ?r kg:measure ?measure }
  OPTIONAL { ?r kg:direction ?direction }
  OPTIONAL { ?r kg:scale ?scale }
  OPTIONAL { ?r kg:ownResult ?own }
  OPTIONAL { ?r kg:subset ?subset }
  OPTIONAL { ?r kg:over ?ov . ?ov skos:prefLabel ?over }
  OPTIONAL { ?r kg:achievedBy ?mth . ?mth skos:prefLabel ?method }
  OPTIONAL {
    ?r kg:measures ?m . ?m skos:prefLabel ?metric .
    OPTIONAL {
      SELECT ?m (GROUP_CONCAT(?ma; separator="\\u001f") AS ?metricAliases) WHERE { ?m skos:altLabel ?ma } GROUP BY ?m
    }
  }
"""
_SPARQL_METRIC = """
  FILTER EXISTS {
    ?r kg:measures ?fm .
    { ?fm skos:prefLabel ?ml } UNION { ?fm skos:altLabel ?ml } UNION { ?fm kg:entityId ?ml }
    FILTER(LCASE(STR(?ml)) = LCASE(STR(?metricname)))
  }
"""
_SPARQL_TASK = """
  FILTER EXISTS {
    ?p kg:addresses ?ft .
    { ?ft skos:prefLabel ?tl } UNION { ?ft skos:altLabel ?tl } UNION { ?ft kg:entityId ?tl }
    FILTER(LCASE(STR(?tl)) = LCASE(STR(?taskname)))
  }
"""

# -- Cypher -------------------------------------------------------------------
_NAME_MATCH = "(toLower(toString({v}.name)) = toLower(${p}) OR toLower(toString({v}.id)) = toLower(${p}) OR any(a IN coalesce({v}.aliases, []) WHERE toLower(a) = toLower(${p})))"
_CYPHER_HEAD = (
    "MATCH (d:Entity) WHERE " + _NAME_MATCH.format(v="d", p="dataset") + "\n"
    "MATCH (x:Entity)-[:PART_OF*0..3]->(d)\n"
)
_CYPHER_RESULT_LINK = "MATCH (p:Paper)-[:REPORTS]->(r:Result)-[:EVALUATES_ON]->(x)\nWITH DISTINCT p, r, x, 'result' AS link\n"
_CYPHER_PAPER_LINK = (
    "MATCH (p:Paper)-[:EVALUATES_ON]->(x)\nMATCH (p)-[:REPORTS]->(r:Result)\n"
    "OPTIONAL MATCH (r)-[:EVALUATES_ON]->(other:Entity)\n"
    "WITH p, r, x, count(other) AS linked WHERE linked = 0\nWITH DISTINCT p, r, x, 'paper' AS link\n"
)
_CYPHER_TASK = (
    "MATCH (p)-[:ADDRESSES]->(t:Entity) WHERE " + _NAME_MATCH.format(v="t", p="task") + "\n"
    "WITH DISTINCT p, r, x, link\n"
)
_CYPHER_METRIC = (
    "MATCH (r)-[:MEASURES]->(fm:Entity) WHERE " + _NAME_MATCH.format(v="fm", p="metric") + "\n"
    "WITH DISTINCT p, r, x, link\n"
)
_CYPHER_TAIL = """OPTIONAL MATCH (r)-[:MEASURES]->(m:Entity)
OPTIONAL MATCH (r)-[:ACHIEVED_BY]->(mth:Entity)
OPTIONAL MATCH (ov:Entity {id: r.over})
RETURN r.id AS r, p.id AS p, x.name AS dataset, m.name AS metric, m.aliases AS metricAliases,
       mth.name AS method, r.value AS value, r.qualifier AS qualifier, r.unit AS unit, r.kind AS kind,
       r.text AS text, r.field AS field, r.start AS start, r.end AS end, p.title AS title, p.date AS date,
       p.abstract AS abstract, link, r.measure AS measure, r.direction AS direction, r.scale AS scale,
       r.own AS own, ov.name AS over, r.subset AS subset
"""


def sparql(metric: bool = False, task: bool = False, link: str = "result") -> str:
    """The leaderboard SPARQL for the given filters (parameters ``?dsname``,
    ``?metricname``, ``?taskname``); ``link`` is ``"result"`` (results linked
    to the dataset) or ``"paper"`` (dataset-less results of papers that
    evaluate on it)."""
    return (_SPARQL_HEAD + (_SPARQL_PAPER_LINK if link == "paper" else _SPARQL_RESULT_LINK) + _SPARQL_BODY
            + (_SPARQL_METRIC if metric else "") + (_SPARQL_TASK if task else "") + "}\n")


def cypher(metric: bool = False, task: bool = False, link: str = "result") -> str:
    """The leaderboard Cypher for the given filters (``$dataset``, ``$metric``, ``$task``)."""
    return (_CYPHER_HEAD + (_CYPHER_PAPER_LINK if link == "paper" else _CYPHER_RESULT_LINK)
            + (_CYPHER_TASK if task else "") + (_CYPHER_METRIC if metric else "") + _CYPHER_TAIL)


# -- evidence sentences -------------------------------------------------------
_ABBREV = frozenset(
    "e.g i.e et al vs cf etc fig figs eq eqs sec resp approx no dr mr ms prof st".split()
)
_BOUNDARY = re.compile(r"[.!?][\"')\]]*\s+|\n\s*\n")


def _is_boundary(text: str, m: re.Match) -> bool:
    if m.group().startswith("\n"):
        return True
    word = re.search(r"([A-Za-z.]+)$", text[: m.start()])
    before = word.group(1).lower().rstrip(".") if word else ""
    if before in _ABBREV or (len(before) == 1 and before.isalpha()):
        return False
    nxt = text[m.end(): m.end() + 1]
    return nxt == "" or nxt.isupper() or nxt.isdigit() or nxt in "\"'([\\$"


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of ``text`` containing ``text[start:end]``: the span
    expanded to the nearest sentence boundaries (``. ! ?`` before a capital,
    digit or quote, not after "e.g.", "et al." ...; or a blank line)."""
    if not text:
        return ""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    s, e = 0, len(text)
    for m in _BOUNDARY.finditer(text):
        if not _is_boundary(text, m):
            continue
        if m.end() <= start:
            s = m.end()
        elif m.start() >= end:
            e = m.start() + (0 if m.group().startswith("\n") else 1)
            break
    return " ".join(text[s:e].split())


# -- leaderboard --------------------------------------------------------------
@dataclass(slots=True)
class Entry:
    """One leaderboard row (see :data:`COLUMNS`)."""

    rank: int | None
    dataset: str
    metric: str
    direction: str
    method: str | None
    value: float
    qualifier: str | None
    unit: str
    kind: str
    paper: str
    date: str | None
    evidence: str
    link: str
    scale: str = ""
    own: bool = False
    claim: str = ""
    paper_id: str = ""
    result_id: str = ""

    def row(self) -> list[Any]:
        return [getattr(self, c) for c in COLUMNS]


def _aliases(value: Any) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    return tuple(str(value).split("\u001f"))


def _id(value: Any) -> str:
    from urllib.parse import unquote

    s = str(value or "")
    return unquote(s.rsplit("/", 1)[-1]) if s.startswith(ID_BASE) else s


def leaderboard(
    store: Store,
    dataset: str,
    metric: str | None = None,
    task: str | None = None,
    paper_level: bool = False,
) -> list[Entry]:
    """Results for ``dataset`` (name, alias or id), grouped by (dataset,
    metric, unit, kind, signed delta or not) and sorted best first inside a group where the
    direction is known (then ``rank`` is 1, 2, ...; else ``None``)."""
    if not dataset or not str(dataset).strip():
        return []
    has_metric, has_task = bool(metric), bool(task)
    build = cypher if CYPHER in store.capabilities else sparql
    params = params_for(store, str(dataset), str(metric) if has_metric else None, str(task) if has_task else None)
    columns: list[str] = []
    rows: list[list[Any]] = []
    for link in ("result", "paper") if paper_level else ("result",):
        res = store.query(build(has_metric, has_task, link), params)
        columns = res.columns
        rows.extend(res.rows)
    return rank(columns, rows)


def rank(columns: list[str], rows: list[list[Any]]) -> list[Entry]:
    """Entries from raw query rows, grouped and sorted (see :func:`leaderboard`)."""
    seen: dict[tuple[str, str], Entry] = {}
    for raw in rows:
        r = dict(zip(columns, raw))
        key = (_id(r["p"]), _id(r["r"]))
        if key in seen and seen[key].link == "result":
            continue  # a result linked directly and through a part: keep one
        metric_name = r.get("metric") or ""
        source = r.get("title") if r.get("field") == "title" else r.get("abstract")
        try:
            evidence = sentence_around(source or "", int(r["start"]), int(r["end"]))
        except (TypeError, ValueError):
            evidence = ""
        if not evidence or (r.get("text") and str(r["text"]) not in evidence):
            evidence = evidence or str(r.get("text") or "")
        kind = str(r.get("kind") or "")
        measure = str(r.get("measure") or "")
        direction = str(r.get("direction") or "") or result_direction(
            metric_name or None, measure or kind, r.get("unit"), _aliases(r.get("metricAliases"))) or ""
        seen[key] = Entry(
            rank=None,
            dataset=str(r.get("dataset") or "") + (f" ({r['subset']})" if r.get("subset") else ""),
            metric=metric_name or measure or kind,
            direction=direction,
            method=r.get("method"),
            value=float(r["value"]),
            qualifier=r.get("qualifier"),
            unit=str(r.get("unit") or ""),
            kind=str(r.get("kind") or ""),
            paper=str(r.get("title") or ""),
            date=r.get("date"),
            evidence=evidence,
            link=str(r.get("link") or "result"),
            scale=str(r.get("scale") or ""),
            own=str(r.get("own")).lower() in ("true", "1"),
            claim=_claim(kind, r, metric_name or measure),
            paper_id=key[0],
            result_id=key[1],
        )
    return order(list(seen.values()))


def _claim(kind: str, r: Mapping[str, Any], metric: str) -> str:
    """"delta: +1.3 top-1 accuracy over ResNet-50": a result that does not rank, said as the claim it is."""
    if kind in ("absolute", ""):
        return ""
    sign = r.get("qualifier") if r.get("qualifier") in ("+", "-") else ""
    value = f"{float(r['value']):g}"
    over = f" over {r['over']}" if r.get("over") else ""
    return f"{kind}: {sign}{value}{r.get('unit') or ''} {metric}{over}".strip()


def order(entries: list[Entry]) -> list[Entry]:
    """Only absolute scores rank, per (dataset, canonical metric), best first
    by the metric's direction (0.912 and 91.2% compare through the scale);
    every other kind (delta, ratio, cost, setting, baseline, count) follows
    its group unranked, as a claim beside the ranking."""
    groups: dict[tuple, list[Entry]] = {}
    for e in entries:
        metric = canonical_metric(e.metric) or e.metric.casefold()
        groups.setdefault((e.dataset.casefold(), metric), []).append(e)
    out: list[Entry] = []
    # biggest groups first, then by name; ranked (absolute) rows first inside a group, best first
    for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        group = groups[key]
        ranked = [e for e in group if e.kind == "absolute" and e.direction in (HIGHER, LOWER)]
        rest = sorted((e for e in group if e not in ranked), key=lambda e: (e.kind, e.paper, e.result_id))
        direction = ranked[0].direction if ranked else ""
        sign = -1 if direction == HIGHER else 1
        ranked.sort(key=lambda e: (sign * comparable_value(e.value, e.scale), e.paper, e.result_id))
        for i, e in enumerate(ranked, 1):
            e.rank = i
        out.extend(ranked + rest)
    return out


def leaderboard_rows(store: Store, dataset: str, **kw: Any) -> list[list[Any]]:
    """:data:`COLUMNS` rows of :func:`leaderboard`."""
    return [e.row() for e in leaderboard(store, dataset, **kw)]


def params_for(store: Store, dataset: str, metric: str | None = None, task: str | None = None) -> Mapping[str, Any]:
    """The parameter mapping the leaderboard query of ``store`` expects (docs/tests)."""
    if CYPHER in store.capabilities:
        return {k: v for k, v in {"dataset": dataset, "metric": metric, "task": task}.items() if v}
    return {k: v for k, v in {"dsname": dataset, "metricname": metric, "taskname": task}.items() if v}


__all__ = ["COLUMNS", "Entry", "cypher", "leaderboard", "leaderboard_rows", "rank", "sentence_around", "sparql"]
