"""Why gold PART_OF the paper's own proposal is missed on the audit (issue 26).

Each gold entity-level PART_OF whose target the gold says the paper PROPOSES
and that no emitted relation matches, by class (first that applies):
- ``no end``: an end has no node (mostly the part: a node problem, issue 28;
  with ``--list`` the line says whether it is kept as a concept);
- ``direction``: the pipeline relates the two the other way round;
- ``no proposal``: the pipeline does not PROPOSE the target;
- ``not a component``: the part is a node from another extractor than
  extractors/components.py, which ties only its own spans to the proposal;
- ``cue not read``: a component span, proposed target, no edge.

``python bench/part_of_misses.py --extracted OUT.jsonl --audit-dir DIR [--list]``
(OUT from ``bench/audit.py --save``; DIR holding only the parts you may read).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from audit import load_texts, pair_papers, read_gold  # noqa: E402
from audit_match import PAPER, _end, gold_index, norm, relation_matches  # noqa: E402
from audit_relation_classes import gold_ends  # noqa: E402


def classify(gold: dict, paper: dict) -> list[tuple[str, str, str, str, str]]:
    """(class, part, proposal, id, note) of each missed PART_OF a gold proposal."""
    index = gold_index(gold["entities"])
    ents = paper.get("entities", [])
    by_id = {e["id"]: e for e in ents}
    emitted = [(r, _end(paper, r["source"], r.get("source_mention"), by_id),
                _end(paper, r["target"], r.get("target_mention"), by_id)) for r in paper.get("relations", [])]
    proposed = {norm(r["target"]) for r in gold["relations"] if r["source"] == PAPER and r["type"] == "PROPOSES"}
    out = []
    for gr in gold["relations"]:
        if gr["type"] != "PART_OF" or gr["source"] == PAPER or norm(gr["target"]) not in proposed:
            continue
        if any(s != PAPER and relation_matches(r, s, t, gr, index) for r, s, t in emitted):
            continue
        ends = gold_ends(gr, index, ents)
        if not ends[0] or not ends[1]:
            concept = any(c.get("text", "").casefold() == gr["source"].casefold() for c in paper.get("concepts", []))
            out.append(("no end", gr["source"], gr["target"], gold["id"],
                        ("part" if not ends[0] else "") + ("+" if not (ends[0] or ends[1]) else "")
                        + ("proposal" if not ends[1] else "") + (" (part kept as a concept)" if concept else "")))
            continue
        parts, wholes = {e["id"] for e in ends[0]}, {e["id"] for e in ends[1]}
        if any(r["type"] == "PART_OF" and r["source"] in wholes and r["target"] in parts for r, _s, _t in emitted):
            cls = "direction"
        elif not any(s == PAPER and r["type"] == "PROPOSES" and r["target"] in wholes for r, s, _t in emitted):
            cls = "no proposal"
        elif not any(e.get("evidence") == "component" for e in ends[0]):
            cls = "not a component"
        else:
            cls = "cue not read"
        out.append((cls, gr["source"], gr["target"], gold["id"], gr.get("quote", "")[:160]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extracted", required=True)
    ap.add_argument("--audit-dir", required=True)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args(argv)
    gold = read_gold(sorted(Path(a.audit_dir).glob("gold_*.jsonl")))
    texts = load_texts(gold, Path(a.shared))
    with open(a.extracted, encoding="utf-8") as f:
        papers = [json.loads(line) for line in f if line.strip()]
    rows = [m for g, p in pair_papers(gold, texts, papers) for m in classify(g, p)]
    if a.list:
        for row in sorted(rows):
            print("\t".join(row))
    for cls, n in Counter(r[0] for r in rows).most_common():
        print(f"{n:5d}  {cls}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
