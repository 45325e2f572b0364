"""Gold for result extraction, joined at run time from ../shared (never stored in the repo).

    python bench/results_gold.py -o /tmp/results_gold.jsonl [--half dev|test|all] [--shared ../shared]

Papers with Code leaderboard rows (``pwc/leaderboard-rows.jsonl.gz``,
``pwc/nlp-progress-rows.jsonl.gz``: task, dataset, metric, value, model,
paper title) are joined to the abstracts (``abstracts/*.jsonl.gz``) by
normalised title (casefold, letters and digits only); a title that matches
no abstract exactly is joined to the one abstract title within a
Levenshtein ratio of 95 (typos and plurals of the leaderboards' copies:
"Convolutional Neural Network" for "... Networks", "Task-OrientedDialogue").
A row is gold when its value is written in the abstract as that number (not
inside a longer number; "61.0" may be written "61").
NLP-progress rows take their dataset from the section path, skipping
headings that name a kind of model or a part of the page ("End-to-End
Models", "Datasets", "Results") and keeping a language pair with its
dataset ("IWSLT2015 Dataset English-to-Vietnamese").
Duplicates (the two scrapes of NLP-progress, one row per leaderboard a
paper's number appears in) are merged: one gold result per paper, value,
metric (its canonical name, :func:`ontology.metrics.canonical_metric`) and
dataset (one thing by :func:`kg.evaluate_results.name_matches`, or one
named in the other's brackets: "LDC2017T10 (LDC2016E25)"). The papers are
split in two fixed halves by a hash of the normalised title (``dev``:
develop on it; ``test``: held out); a fuzzily joined paper is split by its
leaderboard title.

Output: one JSON object per paper, the format ``kg evaluate --results``
reads: ``{"source", "id", "title", "abstract", "split", "results": [{"value",
"text", "metric", "dataset", "method", "task"}]}``.
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

#: NLP-progress section headings that are no dataset: a kind of model, a part of the page.
_NOT_DATASET = re.compile(r"\bmodels?\b|\bversion\b|^(?:datasets?|dataset and evaluation|evaluation|results?|example|task|"
                          r"table of contents|experimental results|smaller datasets|supervised|knowledge-based|"
                          r"anonymized version|comparison on .*|splits by .*|standard datasets and evaluation measures)$", re.I)
#: Rows checked by hand whose value the abstract writes only as someone
#: else's number (normalised title, value as written): coincidences, not gold.
COINCIDENCES = {
    ("deepbiaffineattentionforneuraldependencyparsing", "95.8"),  # UD 95.75 rounds to Kuncoro et al.'s "95.8% UAS"
}
#: A heading that is a subset of the dataset above it (a language pair).
_SUBSET = re.compile(r"^[A-Z][a-z]+(?:-to-| -> | to )[A-Z][a-z]+$")


def norm_title(title: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "", (title or "").casefold())


def _key(name: str | None) -> str:
    return re.sub(r"\([^)]*\)", "", (name or "")).casefold().strip()


def split_of(title_key: str) -> str:
    """The fixed half a paper belongs to (by a hash of its normalised title)."""
    return "dev" if int(hashlib.sha1(title_key.encode()).hexdigest(), 16) % 2 == 0 else "test"


def stated_at(value: str, abstract: str) -> tuple[int, str] | None:
    """Where the abstract writes ``value`` as a number (not inside a longer
    one), and how: as given, without trailing zeros ("61.0" written "61",
    "1.190" "1.19"), or rounded to fewer decimals, one at least ("34.81"
    written "34.8", "80.383" "80.4": the abstract's own precision)."""
    v = str(value).strip().rstrip("%").strip()
    if not re.fullmatch(r"\d[\d,]*(?:\.\d+)?", v):
        return None
    forms = [v]
    if re.fullmatch(r"\d+\.\d*0", v):
        forms.append(v.rstrip("0").rstrip("."))
    decimals = len(v.partition(".")[2])
    forms += [f"{float(v):.{n}f}" for n in range(decimals - 1, 0, -1)]
    for f in dict.fromkeys(forms):
        m = re.search(r"(?<![\d.])" + re.escape(f) + r"(?!\d|\.\d)", abstract)
        if m:
            return m.start(), f
    return None


def section_dataset(path: list[str]) -> str | None:
    """The dataset an NLP-progress section path names: the last heading below
    the task that is no model kind or page part, with a language pair kept
    beside its dataset; None when only the task is named."""
    heads = [re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", h).strip() for h in path[1:]]  # "[CoNLL 2019](url)"
    heads = [re.sub(r"^(?:results|scores) on\s+|\s*:\s*$", "", h, flags=re.I) for h in heads]
    heads = [h for h in heads if h and not _NOT_DATASET.search(h)]
    if not heads:
        return None
    if _SUBSET.match(heads[-1]) and len(heads) > 1:
        return f"{heads[-2]} {heads[-1]}"
    return heads[-1]


def read_rows(shared: Path) -> list[dict]:
    rows = []
    for name in ("leaderboard-rows", "nlp-progress-rows"):
        with gzip.open(shared / "corpora" / "pwc" / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                dataset = r.get("dataset") or (section_dataset(r["section_path"]) if r.get("section_path") else None)
                rows.append({"title": r.get("paper_title"), "value": r.get("metric_value"), "metric": r.get("metric_name"),
                             "dataset": dataset, "method": r.get("model_name"), "task": r.get("task"), "from": name})
    return rows


def read_abstracts(shared: Path, wanted: set[str]) -> dict[str, dict]:
    """Abstracts by the wanted normalised title: the exact title, else the one
    title within a Levenshtein ratio of 95 (rapidfuzz)."""
    from rapidfuzz import fuzz, process

    out: dict[str, dict] = {}
    every: dict[str, dict] = {}
    for name, id_field in (("acl_anthology", "anthology_id"), ("conference_papers", "id")):
        with gzip.open(shared / "corpora" / "abstracts" / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                k = norm_title(r.get("title"))
                if k and k not in every and r.get("abstract"):
                    every[k] = {"source": f"{name}.jsonl.gz", "id": r.get(id_field), "title": r["title"], "abstract": r["abstract"]}
    keys = list(every)
    for k in wanted:
        if k in every:
            out[k] = every[k]
        elif len(k) >= 20:
            hits = process.extract(k, keys, scorer=fuzz.ratio, score_cutoff=95, limit=2)
            if len(hits) == 1:
                out[k] = every[hits[0][0]]
    return out


def _same_dataset(a: str, b: str) -> bool:
    """Two leaderboard names of one dataset: one thing by name, or one named in the other's brackets."""
    from kg.evaluate_results import name_matches

    if not a or not b:
        return a == b
    inner = {x.casefold() for n in (a, b) for x in re.findall(r"\(([^()]+)\)", n)}
    return name_matches([a], b) or _key(a) in inner or _key(b) in inner


def build(shared: Path) -> tuple[list[dict], dict[str, int]]:
    """Gold papers and the counts of each step."""
    from ontology.metrics import canonical_metric

    rows = read_rows(shared)
    abstracts = read_abstracts(shared, {norm_title(r["title"]) for r in rows if r["title"]})
    joined = [r for r in rows if norm_title(r["title"]) in abstracts]
    papers: dict[str, dict] = {}
    stated = 0
    for r in joined:
        k = norm_title(r["title"])
        a = abstracts[k]
        where = stated_at(r["value"], a["abstract"])
        if where is None:
            continue
        at, text = where
        if (k, text) in COINCIDENCES:
            continue
        stated += 1
        p = papers.setdefault(a["source"] + str(a["id"]), {**a, "split": split_of(k), "results": []})
        value = float(text.replace(",", ""))
        metric = canonical_metric(r["metric"]) or re.sub(r"[^a-z0-9]", "", _key(r["metric"]))
        same = [g for g in p["results"] if g["value"] == value and g["_metric"] == metric
                and (not g["dataset"] or not r["dataset"] or _same_dataset(g["dataset"], r["dataset"]))]
        if same:  # the same cell again (another scrape, another leaderboard's name for it): fill in what it lacked
            g = same[0]
            if not g["dataset"] or (r["dataset"] and "(" in r["dataset"] and "(" not in g["dataset"]):
                g["dataset"] = r["dataset"] or g["dataset"]
            g["method"] = g["method"] or r["method"]
            continue
        p["results"].append({"value": value, "text": text, "at": at, "metric": r["metric"], "dataset": r["dataset"],
                             "method": r["method"], "task": r["task"], "_metric": metric})
    out = list(papers.values())
    for p in out:
        for g in p["results"]:
            g.pop("_metric")
    kept = sum(len(p["results"]) for p in out)
    counts = {"rows": len(rows), "joined": len(joined), "stated": stated, "kept": kept, "papers": len(out),
              "dev_papers": sum(p["split"] == "dev" for p in out),
              "dev_results": sum(len(p["results"]) for p in out if p["split"] == "dev"),
              "test_papers": sum(p["split"] == "test" for p in out),
              "test_results": sum(len(p["results"]) for p in out if p["split"] == "test")}
    return out, counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-o", "--output", required=True, help="JSON-lines file to write (outside the repo)")
    ap.add_argument("--half", choices=["dev", "test", "all"], default="all")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args(argv)
    papers, counts = build(Path(args.shared))
    with open(args.output, "w", encoding="utf-8") as fh:
        for p in papers:
            if args.half in ("all", p["split"]):
                fh.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(json.dumps(counts), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
