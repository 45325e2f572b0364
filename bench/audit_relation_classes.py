"""Why paper-level relations are wrong or missed on the audit: each emitted
paper relation that is not right (with its rule and evidence sentence), and
each gold paper relation the pipeline did not state, by class.

Miss classes (first that applies):
- ``no node``: no node of the paper names the gold target (a node problem,
  issue 28; bench/audit_miss_classes.py says why);
- ``other type``: a node names it and the paper has another relation to it
  (e.g. USES where the gold says PROPOSES);
- ``no relation``: a node names it and the paper has no relation to it (a
  cue problem: no own-work sentence, a background cue, no use cue...).

``python bench/audit_relation_classes.py --extracted OUT.jsonl [--audit-dir DIR] [--list]``
(OUT from ``bench/audit.py --save``). Point --audit-dir at a directory holding
only the parts you may read (never the held-out parts).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit import AUDIT_DIR, load_texts, pair_papers, read_gold, read_judgements  # noqa: E402
from audit_match import (  # noqa: E402
    PAPER, _end, gold_names, is_node, lookup_key, node_verdict, relation_key, relation_matches, surfaces,
)


def classify(gold: dict, paper: dict, judged: dict) -> tuple[list[tuple], list[tuple]]:
    """(not-right emitted paper relations, missed gold paper relations) of one
    audited paper, each a tuple of printable fields."""
    src_id = (gold["source"], gold["id"])
    gold_by_name: dict[str, dict] = {}
    for g in gold["entities"]:
        for n in gold_names(g):
            gold_by_name.setdefault(n, g)
    ents = paper.get("entities", [])
    by_id = {e["id"]: e for e in ents}
    verdicts = {}
    for e in ents:
        if is_node(e):
            v, _ = node_verdict(e, gold["entities"])
            verdicts[e["id"]] = v or judged.get((*src_id, "node", lookup_key("node", f"{e['type']}|{e['name']}")))
    bad, hit = [], set()
    related: dict[str, set[str]] = {}
    for r in paper.get("relations", []):
        src = _end(paper, r["source"], r.get("source_mention"), by_id)
        if src != PAPER:
            continue
        tgt = _end(paper, r["target"], r.get("target_mention"), by_id)
        if isinstance(tgt, dict):
            related.setdefault(tgt.get("id"), set()).add(r["type"])
        ev = (r.get("evidence") or {}).get("text", "")
        tv = verdicts.get(tgt.get("id")) if isinstance(tgt, dict) else None
        matched = [i for i, gr in enumerate(gold["relations"]) if relation_matches(r, src, tgt, gr, gold_by_name)]
        if tv not in ("fragment", "generic") and matched:
            hit.update(matched)
            continue
        name = tgt.get("name", "") if isinstance(tgt, dict) else str(tgt)
        if tv in ("fragment", "generic"):
            v = tv
        elif isinstance(tgt, dict) and any(gold_by_name.get(n, {}).get("kind") == "generic" for n in surfaces(tgt)):
            v = "generic"
        else:
            v = judged.get((*src_id, "relation", lookup_key("relation", relation_key(r["type"], PAPER, name))), "?")
        if v != "right":
            mention = (r.get("target_mention") or {}).get("text", "")
            bad.append((v, r["type"], r.get("extractor", ""), name, mention, gold["id"], ev))
    missed = []
    for i, gr in enumerate(gold["relations"]):
        if gr["source"] != PAPER or i in hit:
            continue
        g = gold_by_name.get(gr["target"].casefold()) or next(
            (x for x in gold["entities"] if gr["target"] in (x["name"], *x.get("aliases", []))), None)
        keys = gold_names(g) if g else {gr["target"].casefold()}
        nodes = [e for e in ents if is_node(e) and (surfaces(e) & keys)]
        if not nodes:
            cls, have = "no node", ""
        else:
            have = ",".join(sorted(set().union(*(related.get(e["id"], set()) for e in nodes))))
            cls = "other type" if have else "no relation"
        missed.append((cls, gr["type"], gr["target"], have, gold["id"], gr.get("quote", "")))
    return bad, missed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--extracted", required=True, help="kg extract output of the audit (bench/audit.py --save)")
    ap.add_argument("--audit-dir", default=str(AUDIT_DIR), help="where gold_*.jsonl and judgements_*.tsv are")
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[1].parent / "shared"))
    ap.add_argument("--list", action="store_true", help="print every wrong and missed relation as TSV")
    a = ap.parse_args(argv)
    audit = Path(a.audit_dir)
    gold = read_gold(sorted(audit.glob("gold_*.jsonl")))
    judged = read_judgements(sorted(audit.glob("judgements_*.tsv")))
    texts = load_texts(gold, Path(a.shared))
    with open(a.extracted, encoding="utf-8") as f:
        papers = [json.loads(line) for line in f if line.strip()]
    bad_all, missed_all = [], []
    for g, p in pair_papers(gold, texts, papers):
        bad, missed = classify(g, p, judged)
        bad_all += bad
        missed_all += missed
    if a.list:
        print("verdict\ttype\trule\ttarget\tmention\tid\tevidence")
        for row in sorted(bad_all):
            print("\t".join(map(str, row)))
        print("\nclass\ttype\ttarget\thas\tid\tquote")
        for row in sorted(missed_all):
            print("\t".join(map(str, row)))
        return 0
    print(f"emitted paper relations not right: {len(bad_all)}")
    for (v, t, rule), n in Counter((b[0], b[1], b[2]) for b in bad_all).most_common():
        print(f"{n:5d}  {v:8} {t:13} {rule}")
    print(f"missed gold paper relations: {len(missed_all)}")
    for (cls, t), n in sorted(Counter((m[0], m[1]) for m in missed_all).items()):
        print(f"{n:5d}  {cls:12} {t}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
