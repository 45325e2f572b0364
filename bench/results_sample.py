"""A labelled sample of result sentences from real abstracts (issue 27), to
measure result links and kinds on text nobody tuned on.

    python bench/results_sample.py draw -o DIR [--seed 27005] [--n 130]
    python bench/results_sample.py sheet DIR          # what the pipeline states, per sentence, to label
    python bench/results_sample.py score [--labels tests/data/results_audit.tsv] [--model TIER] [--misses]
    python bench/results_sample.py counts DIR OLD.jsonl NEW.jsonl   # results that changed between two extractions

``draw`` takes abstracts at random (seeded; both files of
../shared/corpora/abstracts, year >= 2016, not in the audit's developed-on
parts A, B, D) and keeps, per abstract, the first sentence that holds a
number and a metric word (a broad list independent of the pipeline's own
cues), until ``--n`` sentences. The abstracts' text stays in ../shared: DIR
(outside the repository) gets the JSON-lines input for ``kg extract`` and
the list of sentences.

The labels (tests/data/results_audit.tsv, one line per number the sentence
states as a result; tab-separated, header line) name the source file, the
abstract's id, the sentence's and the value's character offsets in the
abstract, and the right value, kind (the audit's kinds) and the metric,
dataset and method the sentence names for it (as written; empty for none).
``score`` re-reads the abstracts from ../shared, runs the pipeline and
prints value recall and, of the values found, kind / metric / dataset /
method right and fully right. A link is right when the linked entity's
name, an alias or one of its mentions is the labelled name (case, spacing
and hyphens folded), or when both are empty.
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
ABSTRACTS = SHARED / "corpora" / "abstracts"
LABELS = REPO / "tests" / "data" / "results_audit.tsv"
SOURCES = {"acl_anthology.jsonl.gz": "anthology_id", "conference_papers.jsonl.gz": "id"}
#: Metric words for drawing sentences (broader than the pipeline's cues, so the draw does not follow them).
_METRIC = re.compile(r"\b(?:accurac(?:y|ies)|F1|F-?scores?|F-?measures?|F_?0\.5|BLEU|ROUGE[\w-]*|METEOR|CIDEr|perplexit(?:y|ies)|"
                     r"BPC|error(?: rate)?s?|WER|CER|Smatch|UAS|LAS|m?AP|AUC|AUROC|EM|exact match|MRR|NDCG|nDCG|precision|"
                     r"recall|Spearman|Pearson|correlation|IoU|mIoU|PSNR|SSIM|FID|success rate|top-[15]|Hits@\d+|kappa|"
                     r"MAE|RMSE|Dice|chrF|TER|score)\b", re.I)
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?\s*%?")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])")
HEADER = ["source", "id", "sent_start", "sent_end", "start", "end", "text", "value", "kind", "metric", "dataset",
          "method", "note"]


def sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans (for drawing and reading; the pipeline splits its own)."""
    out, a = [], 0
    for m in _SENT.finditer(text):
        out.append((a, m.start()))
        a = m.end()
    out.append((a, len(text)))
    return [(x, y) for x, y in out if y > x]


def _developed_ids() -> set[str]:
    ids = set()
    for part in "ABD":
        for line in (REPO / "tests" / "data" / "audit" / f"gold_{part}.jsonl").read_text().splitlines():
            if line.strip():
                ids.add(str(json.loads(line)["id"]))
    return ids


def _year(r: dict) -> int:
    y = r.get("year")
    try:
        return int(y)
    except (TypeError, ValueError):
        m = re.search(r"(20\d\d)", str(r.get("venue") or ""))
        return int(m.group(1)) if m else 0


def draw(n: int, seed: int) -> list[dict]:
    skip = _developed_ids()
    rows = []
    for name, key in SOURCES.items():
        with gzip.open(ABSTRACTS / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if r.get(key) and (r.get("abstract") or "").strip() and _year(r) >= 2016 and str(r[key]) not in skip:
                    rows.append((name, str(r[key]), r.get("title") or "", r["abstract"]))
    rng = random.Random(seed)
    rng.shuffle(rows)
    out = []
    for name, rid, title, abstract in rows:
        for a, b in sentences(abstract):
            s = abstract[a:b]
            if _METRIC.search(s) and _NUMBER.search(s):
                out.append({"source": name, "id": rid, "title": title, "abstract": abstract, "sent": [a, b]})
                break
        if len(out) >= n:
            break
    return out


def _extract(records: list[dict], tier: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as d:
        inp = Path(d) / "in.jsonl"
        inp.write_text("".join(json.dumps({"id": f"{r['source'].split('.')[0]}:{r['id']}", "title": r["title"],
                                           "abstract": r["abstract"]}) + "\n" for r in records), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "kg", "extract", str(inp), "--model", tier, "-o", str(out), "-q"],
                       check=True, cwd=REPO)


def _names(paper: dict) -> dict[str, set[str]]:
    """Entity id -> every name it goes by in this paper (folded)."""
    out = {}
    for e in paper.get("entities", []):
        out[e["id"]] = {fold(x) for x in [e["name"], *e.get("aliases", []), *(m["text"] for m in e.get("mentions", []))]}
    return out


def fold(s: str | None) -> str:
    s = (s or "").casefold().replace("’", "'")
    return re.sub(r"[\s\-_]+", "", s)


def emitted(paper: dict, span: tuple[int, int]) -> list[dict]:
    """The abstract's results inside ``span``, with entity names resolved."""
    names = {e["id"]: e["name"] for e in paper.get("entities", [])}
    out = []
    for r in paper.get("results", []):
        if r.get("field") == "abstract" and span[0] <= r["start"] < span[1]:
            out.append({**r, **{k + "_name": names.get(r.get(k)) for k in ("metric", "dataset", "method")}})
    return out


def _load(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def cmd_draw(args) -> int:
    d = Path(args.dir)
    d.mkdir(parents=True, exist_ok=True)
    recs = draw(args.n, args.seed)
    (d / "drawn.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    _extract(recs, args.model, d / "extracted.jsonl")
    print(f"{len(recs)} sentences -> {d}")
    return 0


def cmd_sheet(args) -> int:
    d = Path(args.dir)
    recs = _load(d / "drawn.jsonl")
    papers = {p["source_id"]: p for p in _load(d / (args.extracted or "extracted.jsonl"))}
    for i, r in enumerate(recs):
        a, b = r["sent"]
        p = papers.get(f"{r['source'].split('.')[0]}:{r['id']}", {})
        print(f"#{i} {r['source'].split('_')[0]} {r['id']} [{a},{b}] {r['title'][:80]}")
        print("   " + r["abstract"][a:b])
        for x in emitted(p, (a, b)):
            print(f"   -> {x['start']}-{x['end']} {x['text']!r} {x['unit']} {x['kind']} | M={x['metric_name']} "
                  f"| D={x['dataset_name']}{' (' + x['subset'] + ')' if x.get('subset') else ''} | X={x['method_name']}"
                  f"{' own' if x.get('own') else ''}")
    return 0


def read_labels(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    out = []
    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(head):
            raise SystemExit(f"{path}:{n}: {len(cells)} cells, the header has {len(head)}")
        out.append(dict(zip(head, cells)))
    return out


def _metric_key(s: str) -> str:
    """A metric's name without a trailing "score(s)"/"measure" word or plural ("F1 scores" = "F1")."""
    k = re.sub(r"(?:scores?|measures?|values?|metrics?)$", "", s)
    return k[:-1] if k.endswith("s") and len(k) > 3 else k


def _link_right(want: str, got: str | None, names: dict[str, set[str]], metric: bool = False) -> bool:
    """A labelled link ("A|B" for either, "-" for none among them) against an emitted entity id."""
    alts = [w.strip() for w in want.split("|")] if want else ["-"]
    have = names.get(got, set()) if got else set()
    if metric:
        have = have | {_metric_key(x) for x in have}
    for w in alts:
        if w in ("", "-"):
            if not got:
                return True
        elif got and (fold(w) in have or metric and _metric_key(fold(w)) in have):
            return True
    return False


def score(labels: list[dict], papers: dict[str, dict]) -> tuple[dict, list[str]]:
    """Value recall and, of the values found, each part right; numbers
    labelled ``none`` (no result: "Task 3") emitted as results are counted
    apart. With the misses."""
    found = spurious = 0
    right = {"kind": 0, "metric": 0, "dataset": 0, "method": 0, "fully": 0}
    misses = []
    scored = [lab for lab in labels if lab["kind"] != "none"]
    for lab in labels:
        p = papers.get(f"{lab['source'].split('.')[0]}:{lab['id']}")
        if p is None:
            misses.append(f"{lab['id']}\tpaper not extracted")
            continue
        names = _names(p)
        start, end = int(lab["start"]), int(lab["end"])
        hits = [r for r in p.get("results", []) if r.get("field") == "abstract" and r["start"] < end and start < r["end"]
                and abs(float(r["value"]) - float(lab["value"])) <= 1e-6 * max(1.0, abs(float(lab["value"])))]
        if lab["kind"] == "none":
            if hits:
                spurious += 1
                misses.append(f"{lab['id']}\t{lab['text']}\tno result, emitted as {hits[0]['kind']}")
            continue
        if not hits:
            misses.append(f"{lab['id']}\t{lab['text']}\tnot found")
            continue
        found += 1
        r = hits[0]
        ok = {"kind": r["kind"] == lab["kind"]}
        for part in ("metric", "dataset", "method"):
            ok[part] = _link_right(lab[part], r.get(part), names, metric=part == "metric")
        for k, v in ok.items():
            right[k] += v
        right["fully"] += all(ok.values())
        if not all(ok.values()):
            wrong = [k for k, v in ok.items() if not v]
            got = {k: r["kind"] if k == "kind" else r.get(k) for k in wrong}
            misses.append(f"{lab['id']}\t{lab['text']}\twrong {','.join(wrong)}\tgot {got}\twant "
                          f"{ {k: lab[k] for k in wrong} }")
    n = len(scored)
    figures = {"labelled": n, "found": found, "value_recall": found / n if n else 0.0,
               **{k: (v / found if found else 0.0) for k, v in right.items()},
               "no_result_labelled": len(labels) - n, "no_result_emitted": spurious}
    return figures, misses


def cmd_score(args) -> int:
    labels = read_labels(Path(args.labels))
    # conference ids repeat across venues ("paper128"): the abstract is the one whose text the labels quote
    want: dict[tuple[str, str], list[dict]] = {}
    for lab in labels:
        want.setdefault((lab["source"], lab["id"]), []).append(lab)
    recs = []
    for name, key in SOURCES.items():
        with gzip.open(ABSTRACTS / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                labs = want.get((name, str(r.get(key))))
                if labs and all(r["abstract"][int(x["start"]):int(x["end"])] == x["text"] for x in labs):
                    recs.append({"source": name, "id": str(r[key]), "title": r.get("title") or "", "abstract": r["abstract"]})
                    del want[(name, str(r[key]))]
    if args.extracted:
        papers = {p["source_id"]: p for p in _load(Path(args.extracted))}
    else:
        with tempfile.TemporaryDirectory() as d:
            out = Path(d) / "out.jsonl"
            _extract(recs, args.model, out)
            papers = {p["source_id"]: p for p in _load(out)}
    figures, misses = score(labels, papers)
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"labelled {figures['labelled']}, found {figures['found']} (value recall {figures['value_recall']:.3f})")
        print("of the values found: " + ", ".join(f"{k} {figures[k]:.3f}" for k in ("kind", "metric", "dataset", "method", "fully")))
        print(f"numbers labelled as no result: {figures['no_result_labelled']}, emitted as results: {figures['no_result_emitted']}")
    if args.misses:
        print("\n".join(misses))
    return 0


def cmd_counts(args) -> int:
    """Results that differ between two extractions of the same abstracts, printed with their sentence."""
    old = {p["source_id"]: p for p in _load(Path(args.old))}
    new = {p["source_id"]: p for p in _load(Path(args.new))}
    changed = 0
    papers = set()
    for pid, p in new.items():
        q = old.get(pid, {})
        def key(r, paper):
            nm = {e["id"]: e["name"] for e in paper.get("entities", [])}
            return (r["start"], r["end"], r["value"], r["unit"], r["kind"], nm.get(r.get("metric")),
                    nm.get(r.get("dataset")), nm.get(r.get("method")))
        a = {key(r, q) for r in q.get("results", []) if r.get("field") == "abstract"}
        b = {key(r, p) for r in p.get("results", []) if r.get("field") == "abstract"}
        if a == b:
            continue
        papers.add(pid)
        for start in sorted({k[0] for k in a ^ b}):
            changed += 1
            text = p["abstract"]
            s = next(((x, y) for x, y in sentences(text) if x <= start < y), (max(0, start - 100), start + 100))
            print(f"{pid}\t{text[s[0]:s[1]]}")
            for k in sorted(a - b):
                if k[0] == start:
                    print(f"   - {k[1:]}")
            for k in sorted(b - a):
                if k[0] == start:
                    print(f"   + {k[1:]}")
    print(f"{changed} results changed in {len(papers)} of {len(new)} abstracts")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("draw", help="draw sentences and extract their abstracts into DIR")
    p.add_argument("-o", "--dir", required=True)
    p.add_argument("--seed", type=int, default=27005)
    p.add_argument("--n", type=int, default=130)
    p.add_argument("--model", default="standard")
    p.set_defaults(func=cmd_draw)
    p = sub.add_parser("sheet", help="print the drawn sentences with what the pipeline states")
    p.add_argument("dir")
    p.add_argument("--extracted", help="file in DIR (default extracted.jsonl)")
    p.set_defaults(func=cmd_sheet)
    p = sub.add_parser("score", help="score the pipeline against the labels")
    p.add_argument("--labels", default=str(LABELS))
    p.add_argument("--model", default="standard")
    p.add_argument("--json", action="store_true")
    p.add_argument("--misses", action="store_true")
    p.add_argument("--extracted", help="score this kg extract output of the labelled abstracts instead of running the pipeline")
    p.set_defaults(func=cmd_score)
    p = sub.add_parser("counts", help="results that changed between two extractions")
    p.add_argument("old")
    p.add_argument("new")
    p.set_defaults(func=cmd_counts)
    args = ap.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
