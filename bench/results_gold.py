"""Gold for result extraction, joined at run time from ../shared (never stored in the repo).

    python bench/results_gold.py -o /tmp/results_gold.jsonl [--half dev|test|all] [--shared ../shared]

Papers with Code leaderboard rows (``pwc/leaderboard-rows.jsonl.gz``,
``pwc/nlp-progress-rows.jsonl.gz``: task, dataset, metric, value, model,
paper title) are joined to the abstracts (``abstracts/*.jsonl.gz``) by
normalised title (casefold, letters and digits only). A row is gold when its
value is written in the abstract as that number (not inside a longer number).
Duplicates (the two scrapes of NLP-progress, one row per leaderboard a
paper's number appears in) are merged: one gold result per (paper, value,
metric key, dataset key). The papers are split in two fixed halves by a hash
of the normalised title (``dev``: develop on it; ``test``: held out).

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


def norm_title(title: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "", (title or "").casefold())


def _key(name: str | None) -> str:
    return re.sub(r"\([^)]*\)", "", (name or "")).casefold().strip()


def split_of(title_key: str) -> str:
    """The fixed half a paper belongs to (by a hash of its normalised title)."""
    return "dev" if int(hashlib.sha1(title_key.encode()).hexdigest(), 16) % 2 == 0 else "test"


def stated_at(value: str, abstract: str) -> int | None:
    """Where the abstract writes ``value`` as a number (not inside a longer one)."""
    v = str(value).strip().rstrip("%").strip()
    if not re.fullmatch(r"\d[\d.,]*", v):
        return None
    m = re.search(r"(?<![\d.])" + re.escape(v) + r"(?!\d|\.\d)", abstract)
    return m.start() if m else None


def read_rows(shared: Path) -> list[dict]:
    rows = []
    for name in ("leaderboard-rows", "nlp-progress-rows"):
        with gzip.open(shared / "corpora" / "pwc" / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                dataset = r.get("dataset")
                if not dataset and len(r.get("section_path") or []) > 1:
                    dataset = r["section_path"][-1]
                if dataset:  # NLP-progress section headings: "Results on WI-LOCNESS test set:"
                    dataset = re.sub(r"^(?:results|scores) on\s+|\s*:\s*$", "", dataset.strip(), flags=re.I)
                rows.append({"title": r.get("paper_title"), "value": r.get("metric_value"), "metric": r.get("metric_name"),
                             "dataset": dataset, "method": r.get("model_name"), "task": r.get("task"), "from": name})
    return rows


def read_abstracts(shared: Path, wanted: set[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for name, id_field in (("acl_anthology", "anthology_id"), ("conference_papers", "id")):
        with gzip.open(shared / "corpora" / "abstracts" / f"{name}.jsonl.gz", "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                k = norm_title(r.get("title"))
                if k in wanted and k not in out and r.get("abstract"):
                    out[k] = {"source": f"{name}.jsonl.gz", "id": r.get(id_field), "title": r["title"], "abstract": r["abstract"]}
    return out


def build(shared: Path) -> tuple[list[dict], dict[str, int]]:
    """Gold papers and the counts of each step."""
    rows = read_rows(shared)
    abstracts = read_abstracts(shared, {norm_title(r["title"]) for r in rows if r["title"]})
    joined = [r for r in rows if norm_title(r["title"]) in abstracts]
    papers: dict[str, dict] = {}
    stated = kept = 0
    for r in joined:
        k = norm_title(r["title"])
        a = abstracts[k]
        at = stated_at(r["value"], a["abstract"])
        if at is None:
            continue
        stated += 1
        p = papers.setdefault(k, {**a, "split": split_of(k), "results": [], "_seen": set()})
        value = float(str(r["value"]).strip().rstrip("%").replace(",", ""))
        dedup = (value, re.sub(r"[^a-z0-9]", "", _key(r["metric"])), re.sub(r"[^a-z0-9]", "", _key(r["dataset"])))
        if dedup in p["_seen"] or not dedup[2] and any(k[:2] == dedup[:2] for k in p["_seen"]):
            continue  # (the same cell again, or without the dataset another row names)
        if dedup[2] and (value, dedup[1], "") in p["_seen"]:  # the same cell without its dataset: replace it
            p["results"] = [g for g in p["results"] if not (g["value"] == value and not g["dataset"])]
            kept -= 1
        p["_seen"].add(dedup)
        kept += 1
        text = str(r["value"]).strip().rstrip("%")
        p["results"].append({"value": value, "text": text, "at": at, "metric": r["metric"], "dataset": r["dataset"],
                             "method": r["method"], "task": r["task"]})
    out = []
    for p in papers.values():
        p.pop("_seen")
        out.append(p)
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
