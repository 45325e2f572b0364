"""Score the pipeline against the hand-labelled audit set (tests/data/audit/).

    python bench/audit.py [--model TIER] [--json] [--unjudged] [--extracted FILE]

The audit set is real abstracts from ../shared/corpora/abstracts, labelled by
hand (``gold_*.jsonl``: every entity, relation and result the abstract
states) plus judgements of what the pipeline emitted that the gold does not
match (``judgements_*.tsv``). The abstracts' text is not in the repository:
it is read from ../shared by id (and checked by title). The format and the
labelling guide: tests/data/audit/GUIDE.md.

What it prints (issues 26, 27 and 28 report their audit figures from it):

- nodes: per emitted type, specific and right / generic description / wrong
  type / fragment / unjudged, and the share right (of the judged nodes);
  entities whose ``kind`` marks them as not a node (e.g. "concept") are left
  out of the table and counted apart;
- relations: precision and recall per relation type and micro, paper-level
  (source PAPER) and entity-to-entity separately, with counts;
- results: value recall, and of the values found: unit, kind, metric,
  dataset and method link right, and fully right;
- the audit's size and the emitted statements that are neither matched by the
  gold nor judged (``--unjudged`` lists them as judgement lines to fill in).

How statements are matched and counted: bench/audit_match.py (plain
functions, tested by tests/test_audit.py on hand-made inputs).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import inspect
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit_match import (  # noqa: E402  (the matching: plain functions, bench/audit_match.py)
    NODE_VERDICTS, RELATION_VERDICTS, RESULT_VERDICTS, Tally, lookup_key, norm, score, summary,
)

ROOT = Path(__file__).resolve().parents[1]
AUDIT_DIR = ROOT / "tests" / "data" / "audit"
SHARED = ROOT.parent / "shared"
ID_FIELD = {"conference_papers.jsonl.gz": "id", "acl_anthology.jsonl.gz": "anthology_id"}


# -- reading the audit set ---------------------------------------------------

def read_judgements(paths: list[Path]) -> dict[tuple, str]:
    """{(source, id, statement, lookup key): verdict} from judgement TSV files.

    A bad line is an error naming file and line."""
    out: dict[tuple, str] = {}
    allowed = {"node": NODE_VERDICTS, "relation": RELATION_VERDICTS, "result": RESULT_VERDICTS}
    for path in paths:
        with open(path, encoding="utf-8", newline="") as f:
            rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            header = next(rows, None)
            if header is None:
                continue
            if header[:5] != ["source", "id", "statement", "key", "verdict"]:
                raise ValueError(f"{path}:1: header must be source, id, statement, key, verdict, note")
            for n, row in enumerate(rows, start=2):
                if not row or not "".join(row).strip():
                    continue
                if len(row) < 5:
                    raise ValueError(f"{path}:{n}: expected 6 tab-separated fields, got {len(row)}")
                source, pid, statement, key, verdict = row[:5]
                if statement not in allowed or verdict not in allowed[statement]:
                    raise ValueError(f"{path}:{n}: unknown statement/verdict {statement!r}/{verdict!r}")
                out[(source, pid, statement, lookup_key(statement, key))] = verdict
    return out


# -- gold ----------------------------------------------------------------------

def read_gold(paths: list[Path]) -> list[dict]:
    """Gold records of every gold file; a bad line is an error naming file and line."""
    gold = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    for k in ("source", "id", "title", "entities", "relations", "results"):
                        rec[k]  # noqa: B018 (presence check)
                except (json.JSONDecodeError, KeyError, TypeError) as e:
                    raise ValueError(f"{path}:{n}: bad gold record ({e})") from None
                rec["_file"] = f"{path.name}:{n}"
                gold.append(rec)
    return gold


def load_texts(gold: list[dict], shared: Path) -> dict[tuple[str, str], dict]:
    """{(source, id): {"title", "abstract"}} read from ../shared/corpora/abstracts,
    checked against the gold title (ids such as "paper106" repeat across venues)."""
    wanted: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for g in gold:
        wanted[g["source"]][g["id"]].add(g["title"].strip())
    out: dict[tuple[str, str], dict] = {}
    for source, ids in wanted.items():
        path = shared / "corpora" / "abstracts" / source
        id_field = ID_FIELD.get(source, "id")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                if not any(i in line for i in ids):
                    continue
                rec = json.loads(line)
                rid = str(rec.get(id_field))
                if rid in ids and (rec.get("title") or "").strip() in ids[rid]:
                    out[(source, rid)] = {"title": rec["title"], "abstract": rec.get("abstract") or ""}
    missing = [f"{g['source']}:{g['id']}" for g in gold if (g["source"], g["id"]) not in out]
    if missing:
        raise ValueError(f"audit abstracts not found in {shared}/corpora/abstracts: {', '.join(missing)}")
    return out


# -- running the pipeline ------------------------------------------------------

def write_records(gold: list[dict], texts: dict[tuple[str, str], dict], path: Path) -> None:
    """The audited abstracts as a JSON-lines input for the pipeline."""
    with open(path, "w", encoding="utf-8") as f:
        for g in gold:
            t = texts[(g["source"], g["id"])]
            f.write(json.dumps({"id": f"{g['source']}:{g['id']}", "title": t["title"], "abstract": t["abstract"]}) + "\n")


def extract(path: Path, model: str | None) -> list[dict]:
    """Run the extraction as ``kg extract`` does, with the pipeline tier ``model``.

    Where the pipeline has tiers (``extractors.pipeline.TIERS``), the tier name
    is passed as ``kg extract --model`` passes it; before tiers, "fast" is the
    rules-only pipeline and "full" the default one."""
    from kg.build import papers_from_inputs

    params = inspect.signature(papers_from_inputs).parameters
    kwargs: dict = {}
    if model is not None:
        try:
            from extractors.pipeline import TIERS
        except ImportError:
            TIERS = None
        if "model" in params:
            kwargs["model"] = model
        elif TIERS is not None:
            if model not in TIERS:
                raise SystemExit(f"audit: unknown tier {model!r}; expected one of {', '.join(TIERS)}")
            kwargs["fast"] = model  # the tier travels in the old flag's place
        elif model in ("fast", "full"):
            kwargs["fast"] = model == "fast"
        else:
            raise SystemExit(f"audit: this pipeline has no tier {model!r} (it knows: fast, full)")
    return [p.to_dict() for p in papers_from_inputs([str(path)], **kwargs)]


def _paper_ids(p: dict) -> set[str]:
    """The record ids a paper carries (``source_id`` or ``meta.id``, when the pipeline keeps them)."""
    ids = {p.get("source_id"), (p.get("meta") or {}).get("id"), (p.get("meta") or {}).get("source_id")}
    ids |= {s.get("id") for s in p.get("sources", []) if isinstance(s, dict)}
    return {str(i) for i in ids if i}


def pair_papers(gold: list[dict], texts: dict, papers: list[dict]) -> list[tuple[dict, dict]]:
    """Each gold record with its extracted paper: by the record id written into
    the input ("source:id"), else by title and abstract, else by input order
    (one paper per record, in order) when the pipeline rewrote the text."""
    by_id = {i: p for p in papers for i in _paper_ids(p)}
    by_text = {((p.get("title") or "").strip(), (p.get("abstract") or "").strip()): p for p in papers}
    out = []
    for n, g in enumerate(gold):
        t = texts[(g["source"], g["id"])]
        p = by_id.get(f"{g['source']}:{g['id']}") or by_text.get((t["title"].strip(), t["abstract"].strip()))
        if p is None and len(papers) == len(gold) and norm(papers[n].get("title", ""))[:20] == norm(t["title"])[:20]:
            p = papers[n]
        if p is None:
            raise ValueError(f"{g['_file']}: no extracted paper for {g['source']}:{g['id']}")
        out.append((g, p))
    return out


# -- report --------------------------------------------------------------------

def _fmt(x) -> str:
    return "-" if x is None else (f"{x:.2f}" if isinstance(x, float) else str(x))


def _table(head: list[str], rows: list[list]) -> str:
    cells = [head] + [[_fmt(x) for x in r] for r in rows]
    widths = [max(len(str(r[i])) for r in cells) for i in range(len(head))]
    return "\n".join("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
                     for r in cells)


def render(s: dict) -> str:
    out = []
    z = s["size"]
    out.append(f"audit: {z.get('abstracts', 0)} abstracts, {z.get('gold entities', 0)} gold entities "
               f"({z.get('gold specific entities', 0)} specific), {z.get('gold relations', 0)} relations, "
               f"{z.get('gold results', 0)} results; {s['unjudged']} emitted statements unjudged (--unjudged lists them)")
    out.append("\nnodes (emitted entities that are nodes, by type)")
    out.append(_table(["type", "specific+right", "generic", "wrong type", "fragment", "unjudged", "share right"],
                      [[typ, c["right"], c["generic"], c["wrong_type"], c["fragment"], c["unjudged"], c["share right"]]
                       for typ, c in s["nodes"].items()]))
    gn = s["gold specific entities found as nodes"]
    out.append(f"gold specific entities found as nodes: {gn.get('found', 0)} of {gn.get('total', 0)} "
               f"({gn.get('found, type right', 0)} with the right type); entities that are not nodes: "
               f"{sum(s['not nodes (by entity kind)'].values())}; nodes named otherwise than the abstract: {s['nodes renamed']}")
    for lev in ("paper", "entity"):
        out.append(f"\nrelations, {lev}-level" + (" (source PAPER)" if lev == "paper" else " (entity to entity)"))
        out.append(_table(["type", "emitted", "right", "wrong", "generic tgt", "unjudged", "precision", "gold", "found", "recall"],
                          [[typ, c["emitted"], c["right"], c["wrong"], c["generic target"], c["unjudged"], c["precision"],
                            c["gold"], c["found"], c["recall"]] for typ, c in s["relations"][lev].items()]))
    r = s["results"]
    out.append(f"\nresults: value recall {_fmt(r['value recall'])} ({r['found']} of {r['gold']} gold values found)")
    out.append("of the values found: " + ", ".join(
        f"{k} {_fmt(r[k.replace('right', 'share')])}" for k in
        ("unit right", "kind right", "metric right", "dataset right", "method right", "own right", "fully right") if k in r))
    out.append(f"fully right of all gold results: {_fmt(r['fully right of gold'])}")
    e = r["emitted"]
    out.append("emitted results: " + ", ".join(f"{k} {v}" for k, v in e.items()))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None, metavar="TIER",
                    help="pipeline tier, as kg extract --model takes it (accurate, standard, fast where the pipeline has tiers; before tiers: fast = rules only, full = default)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--unjudged", action="store_true", help="list the unjudged emitted statements as judgement lines (TSV)")
    ap.add_argument("--misses", action="store_true", help="list the gold statements the pipeline did not state (TSV)")
    ap.add_argument("--extracted", metavar="FILE", help="score this `kg extract` output instead of running the pipeline")
    ap.add_argument("--save", metavar="FILE", help="also write the extraction (JSON lines) here")
    ap.add_argument("--audit-dir", default=str(AUDIT_DIR), help="where gold_*.jsonl and judgements_*.tsv are")
    ap.add_argument("--shared", default=str(SHARED), help="the shared data directory (default ../shared)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    audit = Path(args.audit_dir)
    try:
        gold = read_gold(sorted(audit.glob("gold_*.jsonl")))
        judged = read_judgements(sorted(audit.glob("judgements_*.tsv")))
        if not gold:
            print(f"audit: no gold_*.jsonl in {audit}", file=sys.stderr)
            return 1
        texts = load_texts(gold, Path(args.shared))
        if args.extracted:
            with open(args.extracted, encoding="utf-8") as f:
                papers = [json.loads(line) for line in f if line.strip()]
        else:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "audit.jsonl"
                write_records(gold, texts, path)
                papers = extract(path, args.model)
        if args.save:
            with open(args.save, "w", encoding="utf-8") as f:
                f.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in papers)
        tally = score(pair_papers(gold, texts, papers), judged)
    except (OSError, ValueError) as e:
        print(f"audit: {e}", file=sys.stderr)
        return 1
    try:
        if args.unjudged or args.misses:
            for row in tally.unjudged if args.unjudged else tally.misses:
                print("\t".join(" ".join(c.split()) for c in row))
            return 0
        s = summary(tally)
        print(json.dumps(s, indent=1) if args.json else render(s))
    except BrokenPipeError:  # output piped into head & co
        sys.stderr.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
