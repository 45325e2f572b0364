"""``kg evaluate --results FILE``: value recall and link correctness of results.

FILE is JSON lines, one paper a line: ``{"title", "abstract", "results":
[{"value", "metric", "dataset", "method", ...}]}`` (``bench/results_gold.py``
writes it from the Papers with Code rows joined to ../shared abstracts), or
an audit gold file (tests/data/audit/gold_*.jsonl: ``source`` and ``id``
name the abstract in ../shared/corpora/abstracts, whose text is read there;
its results also carry ``unit`` and ``kind``).

A gold result is found when the paper has an extracted result of the same
value. Of the found ones, a link is right when the extracted entity (its
name or an alias) and the gold name agree after :func:`name_matches` (for
metrics, also when both resolve to the same canonical metric or one is the
other's family, :func:`ontology.metrics.same_metric`). A gold link that is
null is right when the extraction has none either.
"""
from __future__ import annotations

import gzip
import json
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ontology.metrics import same_metric

_LANG = {"en": "english", "de": "german", "fr": "french", "ro": "romanian", "zh": "chinese", "cs": "czech",
         "ru": "russian", "ja": "japanese", "es": "spanish", "fi": "finnish", "tr": "turkish"}
_STOP = {"the", "dataset", "datasets", "corpus", "benchmark", "test", "set", "task", "data", "of", "on", "v", "to",
         "english", "image", "recognition", "shared"}


def _tokens(name: str) -> list[str]:
    name = re.sub(r"\([^)]*\)", " ", name or "")
    name = re.sub(r"\s?['’‘](\d\d)\b", r" 20\1", name)  # "WMT’14", "IWSLT '15" = "WMT 2014", "IWSLT 2015"
    name = re.sub(r"(?<=[a-z])[-_]?(?=\d)", "", name.casefold())  # "CIFAR-10" = "cifar10"
    name = re.sub(r"(?<=[a-z])((?:19|20)\d\d)\b", r" \1", name)  # "IWSLT2015" = "IWSLT 2015" (a year, not a version)
    toks = [t for t in re.split(r"[^a-z0-9.]+", name) if t]
    return [_LANG.get(t, t) for t in toks]


def _gold_variants(gold: str) -> list[str]:
    """The gold name and a short name it gives in brackets ("Multi-Way Classification of Semantic Relations
    Between Pairs of Nominals (SemEval 2010 Task 8)", "LDC2017T10 (LDC2016E25)"); not a description."""
    inner = [x.strip() for x in re.findall(r"\(([^()]+)\)", gold) if len(x.split()) <= 4]
    return [gold, *inner]


def _gazetteer_index() -> dict[str, str]:
    from ontology.gazetteer import load_entries

    idx: dict[str, str] = {}
    for e in load_entries():
        for n in (e.name, *e.aliases):
            idx.setdefault(re.sub(r"[^a-z0-9]", "", n.casefold()), e.name)
    return idx


_GAZ: dict[str, str] | None = None


def _canonical(name: str) -> str | None:
    """The gazetteer entry a name (or the name less its stop words) stands for."""
    global _GAZ
    if _GAZ is None:
        _GAZ = _gazetteer_index()
    for variant in (name, " ".join(t for t in _tokens(name) if t not in _STOP)):
        hit = _GAZ.get(re.sub(r"[^a-z0-9]", "", variant.casefold()))
        if hit:
            return hit
    return None


def name_matches(extracted: Iterable[str], gold: str | None) -> bool:
    """True when one of the extracted names and the gold name name one thing:
    equal letters-and-digits keys, or the content words of one contained in
    the other's ("CIFAR-10" and "CIFAR-10 Image Recognition"; "WMT 2014
    English-to-German" and "WMT 2014 EN-DE"), or one gazetteer entry for
    both ("PTB" and "Penn Treebank")."""
    if not gold:
        return False
    extracted = [n for n in extracted if n]
    return any(_one_name_matches(extracted, g) for g in _gold_variants(gold))


def _one_name_matches(extracted: list[str], gold: str) -> bool:
    g = set(_tokens(gold)) - _STOP
    gk = re.sub(r"[^a-z0-9]", "", gold.casefold())
    gc = _canonical(gold)
    for name in extracted:
        if re.sub(r"[^a-z0-9]", "", name.casefold()) == gk or (gc is not None and _canonical(name) == gc):
            return True
        e = set(_tokens(name)) - _STOP
        if e and g and (e <= g or g <= e):
            return True
    return False


def read_gold(path: str | Path, shared: Path | None = None) -> list[dict]:
    """Gold papers of ``path``, each with its ``title`` and ``abstract``."""
    path = Path(path)
    papers: list[dict] = []
    need: dict[tuple[str, str], dict] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from exc
            if not isinstance(rec, dict) or not isinstance(rec.get("results", []), list):
                raise ValueError(f"{path}:{n}: expected an object with a 'results' list")
            if not rec.get("abstract"):
                need[(rec.get("source", ""), str(rec.get("id")))] = rec
            papers.append(rec)
    if need:
        _fill_abstracts(need, shared or path.resolve().parents[3].parent / "shared")
    return [p for p in papers if p.get("abstract")]


def _fill_abstracts(need: dict[tuple[str, str], dict], shared: Path) -> None:
    for source in {s for s, _ in need}:
        f = shared / "corpora" / "abstracts" / source
        if not f.exists():
            continue
        id_field = "anthology_id" if source.startswith("acl") else "id"
        with gzip.open(f, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                rec = need.get((source, str(r.get(id_field))))
                if rec is not None and (not rec.get("title") or rec["title"].strip() == (r.get("title") or "").strip()):
                    rec["abstract"], rec["title"] = r.get("abstract"), r.get("title")


def extract_papers(papers: list[dict], fast: bool = False) -> list[Any]:
    """PaperGraphs of the gold papers, in order (through the library, as ``kg extract``)."""
    from .build import papers_from_inputs

    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "gold.jsonl"
        with f.open("w", encoding="utf-8") as fh:
            for i, p in enumerate(papers):
                fh.write(json.dumps({"id": f"gold{i}", "title": p["title"], "abstract": p["abstract"]}) + "\n")
        graphs = {g.title: g for g in papers_from_inputs([str(f)], fmt="jsonl", fast=fast)}
    return [graphs.get(p["title"]) for p in papers]


def _names(graph: Any, eid: str | None) -> list[str]:
    if not eid:
        return []
    for e in graph.entities:
        if e.id == eid:
            return [e.name, *e.aliases]
    return []


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def score(papers: list[dict], graphs: list[Any]) -> dict[str, Any]:
    """Counts and shares: value recall; of the found, each link (and unit,
    kind, fully right where the gold has them)."""
    c = {"gold": 0, "found": 0, "metric": 0, "dataset": 0, "method": 0, "unit": 0, "kind": 0, "full": 0,
         "with_unit": 0, "with_kind": 0}
    misses: list[dict] = []
    for p, g in zip(papers, graphs):
        extracted = list(g.results) if g is not None else []
        for gold in p["results"]:
            c["gold"] += 1
            cands = [r for r in extracted if _close(float(r.value), float(gold["value"]))]
            if not cands:
                misses.append({"title": p["title"], "value": gold["value"], "what": "value"})
                continue
            c["found"] += 1

            def links(r: Any) -> tuple[bool, bool, bool]:
                m = _metric_right(_names(g, r.metric), gold.get("metric"))
                names = _names(g, r.dataset)
                if getattr(r, "subset", None):  # "IWSLT" + "English-Vietnamese"
                    names += [f"{n} {r.subset}" for n in names]
                d = name_matches(names, gold.get("dataset")) if gold.get("dataset") else r.dataset is None
                mt = name_matches(_names(g, r.method), gold.get("method")) if gold.get("method") else r.method is None
                return m, d, mt

            best = max(cands, key=lambda r: sum(links(r)))
            m, d, mt = links(best)
            c["metric"] += m
            c["dataset"] += d
            c["method"] += mt
            unit_ok = kind_ok = True
            if "unit" in gold:
                c["with_unit"] += 1
                unit_ok = _unit_matches(best, gold)
                c["unit"] += unit_ok
            if "kind" in gold:
                c["with_kind"] += 1
                kind_ok = best.kind == gold["kind"]
                c["kind"] += kind_ok
            c["full"] += m and d and mt and unit_ok and kind_ok
            wrong = [k for k, ok in (("metric", m), ("dataset", d), ("method", mt), ("unit", unit_ok), ("kind", kind_ok)) if not ok]
            if wrong:
                misses.append({"title": p["title"], "value": gold["value"], "what": " ".join(wrong),
                               "gold": [gold.get("metric"), gold.get("dataset"), gold.get("method"), gold.get("unit"), gold.get("kind")],
                               "got": [(_names(g, best.metric) or [None])[0], (_names(g, best.dataset) or [None])[0],
                                       (_names(g, best.method) or [None])[0], best.unit, best.kind]})
    found = max(c["found"], 1)
    return {
        "papers": len(papers), "gold": c["gold"], "found": c["found"],
        "value_recall": round(100 * c["found"] / max(c["gold"], 1), 1),
        "metric_link": round(100 * c["metric"] / found, 1),
        "dataset_link": round(100 * c["dataset"] / found, 1),
        "method_link": round(100 * c["method"] / found, 1),
        "unit": round(100 * c["unit"] / max(c["with_unit"], 1), 1) if c["with_unit"] else None,
        "kind": round(100 * c["kind"] / max(c["with_kind"], 1), 1) if c["with_kind"] else None,
        "fully_right": round(100 * c["full"] / found, 1),
        "misses": misses,
    }


#: Our units that the audit's vocabulary writes as a plain count ("").
_COUNT_UNITS = {"samples", "tokens"}


def _unit_matches(r: Any, gold: dict) -> bool:
    """Our unit against the audit's: the same; a count unit (samples,
    tokens) for its ""; a bare score ("") for "points" or the metric's own
    unit ("28.4 BLEU": unit "BLEU")."""
    ours, theirs = r.unit or "", gold.get("unit") or ""
    if ours == theirs:
        return True
    if ours in _COUNT_UNITS and theirs == "" and gold.get("kind") == "count":
        return True
    return ours == "" and r.metric is not None and (theirs == "points" or theirs == (gold.get("metric") or "\0"))


def _metric_right(extracted: list[str], gold: str | None) -> bool:
    if not gold:
        return not extracted
    return any(same_metric(e, gold) for e in extracted) or name_matches(extracted, gold)


def evaluate_results(path: str | Path, fast: bool = False) -> dict[str, Any]:
    """Score the pipeline's results against the gold file ``path``."""
    papers = read_gold(path)
    if not papers:
        raise ValueError(f"{path}: no gold paper with an abstract (its text, or its source and id in ../shared)")
    return score(papers, extract_papers(papers, fast=fast))


def format_results(res: dict[str, Any]) -> str:
    lines = [f"papers {res['papers']}, gold results {res['gold']}, found {res['found']}",
             f"value recall   {res['value_recall']:5.1f}%",
             "of the values found:",
             f"  metric link  {res['metric_link']:5.1f}%",
             f"  dataset link {res['dataset_link']:5.1f}%",
             f"  method link  {res['method_link']:5.1f}%"]
    if res.get("unit") is not None:
        lines.append(f"  unit         {res['unit']:5.1f}%")
    if res.get("kind") is not None:
        lines.append(f"  kind         {res['kind']:5.1f}%")
    lines.append(f"  fully right  {res['fully_right']:5.1f}%")
    return "\n".join(lines)


__all__ = ["evaluate_results", "extract_papers", "format_results", "name_matches", "read_gold", "score"]
