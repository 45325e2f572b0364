"""Matching of what the pipeline emits against the audit gold (bench/audit.py).

Plain functions on plain data (the dicts of ``kg extract`` output and of
tests/data/audit/gold_*.jsonl), tested by tests/test_audit.py on hand-made
inputs. Order of truth for an emitted statement: the gold first (a node that
matches a gold entity takes its kind and type from it; an edge to a generic
node is a generic target, to a fragment wrong), then the judgements, else it
is unjudged. Names match by :func:`norm` (casefold, spacing, hyphens and
underscores folded, a plural ``s`` dropped), an entity by its name or any
alias. The labelling guide: tests/data/audit/GUIDE.md.
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field


PAPER = "PAPER"
#: relation types that read the same both ways
SYMMETRIC = {"SYNONYM_OF", "COMPARE_WITH"}
#: the result kinds of the audit (tests/data/audit/GUIDE.md)
KINDS = {"absolute", "delta", "ratio", "cost", "setting", "baseline", "count"}
#: kinds of the pre-issue-27 pipeline that say the same as an audit kind; any
#: other kind outside KINDS (e.g. "accuracy", which says what is measured, not
#: whether it is a score or an improvement) is counted as a wrong kind
LEGACY_KINDS = {"speedup": "ratio", "increase": "ratio", "factor": "ratio", "memory reduction": "ratio",
                "compute reduction": "ratio", "improvement": "delta", "score": "absolute",
                "model size": "cost", "memory": "cost", "latency": "cost", "compute": "cost", "time": "cost",
                "bit-width": "setting", "data size": "count", "token count": "count"}
#: an entity kind that makes it a node; anything else ("concept", "generic") is not a node
NODE_KINDS = {None, "", "specific", "entity", "node"}
NODE_VERDICTS = ("right", "generic", "wrong_type", "fragment")
RELATION_VERDICTS = ("right", "wrong", "generic_target")
RESULT_VERDICTS = ("right", "wrong_value", "wrong_kind", "wrong_link", "not_a_result")
_FOLD = re.compile(r"[\s\-‐‑‒–—_]+")


# -- names -------------------------------------------------------------------

def norm(name: str | None) -> str:
    """Matching key of a name: NFKC, casefold, no spaces/hyphens/underscores,
    a plural ``s`` dropped (CNNs = CNN; not after ``s``: "loss")."""
    if not name:
        return ""
    key = _FOLD.sub("", unicodedata.normalize("NFKC", name).casefold())
    if len(key) > 3 and key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return key


def gold_names(ent: dict) -> set[str]:
    """Normalised name and aliases of a gold entity."""
    return {norm(n) for n in [ent["name"], *ent.get("aliases", [])] if n}


def gold_index(gold_entities: list[dict]) -> dict[str, dict]:
    """{normalised name or alias: gold entity}; the first entity wins a shared name."""
    out: dict[str, dict] = {}
    for g in gold_entities:
        for n in gold_names(g):
            out.setdefault(n, g)
    return out


def surfaces(ent: dict) -> set[str]:
    """Normalised names of an emitted entity: name, aliases, mention texts."""
    names = [ent.get("name"), *ent.get("aliases", []), *(m.get("text") for m in ent.get("mentions", []))]
    return {norm(n) for n in names if n}


def match_entity(ent: dict, gold_entities: list[dict]) -> tuple[dict | None, list[dict]]:
    """(gold entity the emitted entity's *name* matches, all gold entities any of its surfaces match)."""
    by_name = None
    key = norm(ent.get("name"))
    for g in gold_entities:
        if key in gold_names(g):
            by_name = g
            break
    surf = surfaces(ent)
    return by_name, [g for g in gold_entities if surf & gold_names(g)]


def is_node(ent: dict) -> bool:
    """Does an emitted entity count as a graph node (not a generic concept)?"""
    return ent.get("kind") in NODE_KINDS


# -- judgements --------------------------------------------------------------

def node_key(etype: str, name: str) -> str:
    return f"{etype}|{name}"


def relation_key(rtype: str, source: str, target: str) -> str:
    return f"{rtype}|{source}|{target}"


def result_key(value: float, unit: str | None, kind: str | None) -> str:
    return f"{value:.12g}|{unit or ''}|{kind or ''}"


def lookup_key(statement: str, key: str) -> tuple:
    """Normalised form of a judgement key, for lookups that ignore spelling."""
    parts = key.split("|")
    if statement == "node":
        return (parts[0].casefold(), norm("|".join(parts[1:])))
    if statement == "relation":
        return (parts[0].upper(), *(p if p == PAPER else norm(p) for p in parts[1:3]))
    try:
        value = float(parts[0])
    except ValueError:
        value = parts[0]
    return (value, (parts[1] if len(parts) > 1 else "").casefold(), (parts[2] if len(parts) > 2 else "").casefold())


# -- scoring -------------------------------------------------------------------

@dataclass
class Tally:
    """Counts of one scoring run, and the unjudged statements as judgement lines."""

    nodes: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    not_nodes: Counter = field(default_factory=Counter)  # entity kind -> count (left out of the node table)
    renamed: list[str] = field(default_factory=list)  # node named otherwise than the abstract's entity it matches
    gold_nodes: Counter = field(default_factory=Counter)  # found, found_typed, total (gold specific entities)
    rel_emitted: dict[tuple[str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))
    rel_gold: dict[tuple[str, str], Counter] = field(default_factory=lambda: defaultdict(Counter))
    res: Counter = field(default_factory=Counter)
    res_emitted: Counter = field(default_factory=Counter)
    size: Counter = field(default_factory=Counter)
    unjudged: list[tuple[str, ...]] = field(default_factory=list)
    misses: list[tuple[str, ...]] = field(default_factory=list)  # gold statements the pipeline did not state


def level(rtype_source: str) -> str:
    return "paper" if rtype_source == PAPER else "entity"


def node_verdict(ent: dict, gold_entities: list[dict]) -> tuple[str | None, dict | None]:
    """Verdict of an emitted node from the gold alone (None: the gold does not say)."""
    by_name, matched = match_entity(ent, gold_entities)
    g = by_name or (matched[0] if matched else None)
    if g is None:
        return None, None
    if g.get("kind", "specific") == "generic":
        return "generic", g
    return ("right" if g["type"] == ent.get("type") else "wrong_type"), g


def end_matches(emitted_end: str | dict, gold_end: str, gold_by_name: dict[str, dict]) -> bool:
    """Does an emitted relation end (PAPER or an entity dict) match a gold end name?"""
    if gold_end == PAPER or emitted_end == PAPER:
        return gold_end == emitted_end
    g = gold_by_name.get(norm(gold_end))
    names = gold_names(g) if g else {norm(gold_end)}
    return bool(surfaces(emitted_end) & names)


def relation_matches(rel: dict, src: str | dict, tgt: str | dict, gold_rel: dict, gold_by_name: dict[str, dict]) -> bool:
    """Does an emitted relation (type, resolved ends) state the gold relation?"""
    if rel["type"] != gold_rel["type"]:
        return False
    if end_matches(src, gold_rel["source"], gold_by_name) and end_matches(tgt, gold_rel["target"], gold_by_name):
        return True
    return rel["type"] in SYMMETRIC and end_matches(src, gold_rel["target"], gold_by_name) \
        and end_matches(tgt, gold_rel["source"], gold_by_name)


def mention_text(paper: dict, mention: dict | None) -> str | None:
    """The text of a relation's own mention: its ``text``, else the span its
    field and offsets give in the paper's raw title or abstract."""
    if not mention:
        return None
    if mention.get("text"):
        return mention["text"]
    raw = paper.get(mention.get("field") or "")
    start, end = mention.get("start"), mention.get("end")
    if isinstance(raw, str) and isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(raw):
        return raw[start:end]
    return None


def _end(paper: dict, eid: str, mention: dict | None, by_id: dict[str, dict]) -> str | dict:
    """An emitted relation end: PAPER, or the entity (with the relation's own mention text, if given)."""
    if eid == paper.get("id"):
        return PAPER
    ent = dict(by_id.get(eid) or {"name": eid, "type": "", "aliases": [], "mentions": []})
    text = mention_text(paper, mention)
    if text:
        ent["mentions"] = [*ent.get("mentions", []), {"text": text}]
    return ent


def link_right(emitted: str | None, gold_name: str | None, by_id: dict[str, dict], gold_by_name: dict[str, dict]) -> bool:
    """Is a result's link (an emitted entity id, or a name, or None) the gold link (a name or None)?"""
    if not gold_name:
        return not emitted
    if not emitted:
        return False
    ent = by_id.get(emitted) or {"name": emitted}
    return end_matches(ent, gold_name, gold_by_name)


_UNIT_SYNONYMS = {"percent": "%", "pct": "%", "×": "x", "times": "x", "parameters": "params", "param": "params",
                  "point": "points", "pts": "points", "hours": "h", "hour": "h", "hr": "h", "hrs": "h",
                  "seconds": "s", "second": "s", "sec": "s", "minutes": "min", "minute": "min"}


def unit_right(emitted: str | None, gold: str | None, gold_metric: str | None = None) -> bool:
    """Same unit, spelling aside; a score in its metric's own points may be
    written "BLEU", "points" or nothing ("28.4 BLEU" = 28.4 points of BLEU)."""
    def canon(u: str | None) -> str:
        u = (u or "").strip().casefold()
        return _UNIT_SYNONYMS.get(u, u)

    e, g = canon(emitted), canon(gold)
    if e == g:
        return True
    points = {"", "points"} | ({canon(gold_metric), norm(gold_metric)} if gold_metric else set())
    return g in points and e in points and g != "" or (g == "" and e == "points" and bool(gold_metric))


def values_equal(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def kind_of(kind: str | None, unit: str | None = None) -> str | None:
    """An emitted result kind in the audit's vocabulary (legacy kinds mapped, see
    LEGACY_KINDS; a legacy "reduction" is a ratio in x, else a delta)."""
    if kind in KINDS:
        return kind
    if kind == "reduction":
        return "ratio" if unit == "x" else "delta"
    return LEGACY_KINDS.get(kind or "", kind)


def match_results(emitted: list[dict], gold: list[dict]) -> list[tuple[dict, dict | None]]:
    """Pair each emitted result with at most one gold result of the same value
    (one to one, preferring the gold whose text holds the emitted text)."""
    used: set[int] = set()
    pairs = []
    for r in emitted:
        cands = [i for i, g in enumerate(gold) if i not in used and values_equal(float(r["value"]), float(g["value"]))]
        text = norm(r.get("text"))
        cands.sort(key=lambda i: not (text and text in norm(gold[i].get("text")) or norm(gold[i].get("text")) in text))
        if cands:
            used.add(cands[0])
            pairs.append((r, gold[cands[0]]))
        else:
            pairs.append((r, None))
    return pairs


def score_paper(gold: dict, paper: dict, judged: dict[tuple, str], tally: Tally) -> None:
    """Add one audited paper's counts to ``tally``."""
    src_id = (gold["source"], gold["id"])
    gents = gold["entities"]
    gold_by_name = gold_index(gents)
    tally.size["abstracts"] += 1
    tally.size["gold entities"] += len(gents)
    tally.size["gold specific entities"] += sum(g.get("kind", "specific") == "specific" for g in gents)
    tally.size["gold relations"] += len(gold["relations"])
    tally.size["gold results"] += len(gold["results"])

    def unjudged(statement: str, key: str, note: str = "") -> None:
        tally.unjudged.append((*src_id, statement, key, "", note))

    def verdict(statement: str, key: str) -> str | None:
        return judged.get((*src_id, statement, lookup_key(statement, key)))

    # nodes
    ents = paper.get("entities", [])
    by_id = {e["id"]: e for e in ents}
    found: dict[int, set[str]] = defaultdict(set)  # id(gold entity) -> emitted node types
    node_verdicts: dict[str, str | None] = {}  # emitted entity id -> its node verdict
    for e in ents:
        if not is_node(e):
            tally.not_nodes[e.get("kind")] += 1
            continue
        v, g = node_verdict(e, gents)
        key = node_key(e.get("type", ""), e.get("name", ""))
        note = ""
        if g is not None:
            found[id(g)].add(e.get("type"))
            if norm(e.get("name")) not in gold_names(g):
                # linking named the node otherwise than the abstract does ("machine unlearning"
                # for "machine learning"): only a judgement can call it right
                tally.renamed.append(f"{e.get('name')!r} for {g['name']!r} ({src_id[1]})")
                v, note = None, f"named otherwise than the abstract's {g['name']!r}"
        if v is None:
            v = verdict("node", key)
        node_verdicts[e["id"]] = v
        if v is None:
            tally.nodes[e.get("type", "?")]["unjudged"] += 1
            unjudged("node", key, note)
        else:
            tally.nodes[e.get("type", "?")][v] += 1
    for g in gents:
        if g.get("kind", "specific") == "specific":
            tally.gold_nodes["total"] += 1
            tally.gold_nodes["found"] += id(g) in found
            tally.gold_nodes["found, type right"] += g["type"] in found.get(id(g), ())
            if id(g) not in found:
                tally.misses.append((*src_id, "node", node_key(g["type"], g["name"]), ""))

    # relations
    grels = gold["relations"]
    hit: set[int] = set()
    for r in paper.get("relations", []):
        src = _end(paper, r["source"], r.get("source_mention"), by_id)
        tgt = _end(paper, r["target"], r.get("target_mention"), by_id)
        lev = level(PAPER if src == PAPER else "")
        row = tally.rel_emitted[(lev, r["type"])]
        row["emitted"] += 1
        ends = {node_verdicts.get(x.get("id")) for x in (src, tgt) if isinstance(x, dict)}
        if "fragment" in ends:  # an edge to a fragment (or a node of another paper's thing) is never right
            row["wrong"] += 1
            continue
        if "generic" in ends:
            row["generic_target"] += 1
            continue
        matched = [i for i, gr in enumerate(grels) if relation_matches(r, src, tgt, gr, gold_by_name)]
        if matched:
            hit.update(matched)
            row["right"] += 1
            continue
        if isinstance(tgt, dict) and any(gold_by_name.get(n, {}).get("kind") == "generic" for n in surfaces(tgt)):
            row["generic_target"] += 1
            continue
        names = [x if x == PAPER else x.get("name", "") for x in (src, tgt)]
        key = relation_key(r["type"], *names)
        v = verdict("relation", key)
        if v is None:
            row["unjudged"] += 1
            unjudged("relation", key, (r.get("evidence") or {}).get("text", "")[:160])
        else:
            row[v] += 1
    for i, gr in enumerate(grels):
        row = tally.rel_gold[(level(gr["source"]), gr["type"])]
        row["gold"] += 1
        row["found"] += i in hit
        if i not in hit:
            tally.misses.append((*src_id, "relation", relation_key(gr["type"], gr["source"], gr["target"]), gr.get("quote", "")))

    # results
    gres = gold["results"]
    pairs = match_results(paper.get("results", []), gres)
    got = {id(g) for _, g in pairs if g is not None}
    tally.misses.extend((*src_id, "result", result_key(float(g["value"]), g.get("unit"), g.get("kind")), g.get("text", ""))
                        for g in gres if id(g) not in got)
    for r, g in pairs:
        tally.res_emitted["emitted"] += 1
        if g is None:
            key = result_key(float(r["value"]), r.get("unit"), r.get("kind"))
            v = verdict("result", key)
            if v is None:
                tally.res_emitted["unjudged"] += 1
                unjudged("result", key, r.get("text", ""))
            else:
                tally.res_emitted[v] += 1
            continue
        tally.res_emitted["matches gold"] += 1
        ok = {
            "unit right": unit_right(r.get("unit"), g.get("unit"), g.get("metric")),
            "kind right": kind_of(r.get("kind"), r.get("unit")) == g.get("kind"),
            "metric right": link_right(r.get("metric"), g.get("metric"), by_id, gold_by_name),
            "dataset right": link_right(r.get("dataset"), g.get("dataset"), by_id, gold_by_name),
            "method right": link_right(r.get("method"), g.get("method"), by_id, gold_by_name),
        }
        tally.res["found"] += 1
        tally.res["fully right"] += all(ok.values())  # issue 27: value, unit, kind and the three links
        if "own" in r and "own" in g:
            ok["own right"] = bool(r["own"]) == bool(g["own"])
        for k, good in ok.items():
            tally.res[k] += good
    tally.res["gold"] += len(gres)


def score(pairs: list[tuple[dict, dict]], judged: dict[tuple, str]) -> Tally:
    tally = Tally()
    for g, p in pairs:
        score_paper(g, p, judged, tally)
    return tally


def _share(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def summary(t: Tally) -> dict:
    """The figures as plain data (what --json prints)."""
    nodes = {}
    for typ, c in sorted(t.nodes.items()):
        judged_n = sum(c[v] for v in NODE_VERDICTS)
        nodes[typ] = {**{v: c[v] for v in NODE_VERDICTS}, "unjudged": c["unjudged"], "share right": _share(c["right"], judged_n)}
    tot = Counter()
    for c in t.nodes.values():
        tot.update(c)
    nodes["all"] = {**{v: tot[v] for v in NODE_VERDICTS}, "unjudged": tot["unjudged"],
                    "share right": _share(tot["right"], sum(tot[v] for v in NODE_VERDICTS))}
    rels: dict[str, dict] = {}
    for lev in ("paper", "entity"):
        types = sorted({k[1] for k in t.rel_emitted if k[0] == lev} | {k[1] for k in t.rel_gold if k[0] == lev})
        rows, micro = {}, Counter()
        for typ in types:
            e, g = t.rel_emitted.get((lev, typ), Counter()), t.rel_gold.get((lev, typ), Counter())
            c = Counter(e) + Counter(g)
            micro.update(c)
            rows[typ] = c
        rows["micro"] = micro
        rels[lev] = {typ: {
            "emitted": c["emitted"], "right": c["right"], "wrong": c["wrong"], "generic target": c["generic_target"],
            "unjudged": c["unjudged"], "precision": _share(c["right"], c["right"] + c["wrong"] + c["generic_target"]),
            "gold": c["gold"], "found": c["found"], "recall": _share(c["found"], c["gold"]),
        } for typ, c in rows.items()}
    r = t.res
    results = {"gold": r["gold"], "found": r["found"], "value recall": _share(r["found"], r["gold"])}
    for k in ("unit right", "kind right", "metric right", "dataset right", "method right", "own right", "fully right"):
        if k in r or k != "own right":
            results[k] = r[k]
            results[k.replace("right", "share")] = _share(r[k], r["found"])
    results["fully right of gold"] = _share(r["fully right"], r["gold"])
    results["emitted"] = dict(t.res_emitted)
    return {
        "size": dict(t.size), "nodes": nodes, "not nodes (by entity kind)": {str(k): v for k, v in t.not_nodes.items()},
        "gold specific entities found as nodes": dict(t.gold_nodes), "nodes renamed": len(t.renamed),
        "relations": rels, "results": results, "unjudged": len(t.unjudged),
    }
